"""Cases: open, find, view, edit, reveal identifying details, reassign, and see their history.

Every change writes one history row per changed field (inside the encrypted database) and one audit
row naming the fields but never their content. Identifying details (real name, phone) are sealed
under the case's own key (:mod:`safecase.services.case_keys`), returned only by
:meth:`CaseService.reveal`, which is audit-logged, and appear in history only as "changed".
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from datetime import datetime

from safecase.domain.audit import AuditAction
from safecase.domain.cases import (
    OPEN_STATUSES,
    Case,
    CaseFields,
    CaseFilter,
    CaseStatus,
    CaseSummary,
    RepeatMatch,
    SensitiveContact,
    masked,
    parse_case_number,
)
from safecase.domain.errors import InputError
from safecase.domain.roles import Permission
from safecase.domain.tasks import HistoryEntry
from safecase.domain.users import User
from safecase.i18n import tr
from safecase.services.audit import reveal_details
from safecase.services.case_keys import CaseKeys
from safecase.services.casework_access import caseworkers, reassigns_cases, require_case, require_caseworker, visible_to
from safecase.services.session import VaultSession
from safecase.services.taxonomies import INCIDENT_TYPES, PLATFORMS, taxonomies
from safecase.vault.repositories.cases import CaseRepository
from safecase.vault.repositories.history import HistoryRepository
from safecase.vault.repositories.search import SearchIndex
from safecase.vault.repositories.tasks import TaskRepository

MAX_TEXT = 20_000
SENSITIVE_FIELDS = frozenset({"sensitive.real_name", "sensitive.phone"})


def flatten(value: object, prefix: str = "") -> dict[str, str]:
    """A dataclass as ``{"field.sub": "text"}``, the form history and diffs use."""
    out: dict[str, str] = {}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            out.update(flatten(getattr(value, f.name), f"{prefix}{f.name}."))
        return out
    key = prefix.rstrip(".")
    if value is None:
        out[key] = ""
    elif isinstance(value, bool):
        out[key] = "yes" if value else "no"
    elif isinstance(value, tuple | list | frozenset | set):
        out[key] = ", ".join(sorted(str(v) for v in value))
    else:
        out[key] = str(getattr(value, "value", value))
    return out


# Keys that identify a record rather than describe it; never shown as changes.
_IDENTITY_FIELDS = frozenset({"", "id", "case_id"})


def diff(old: object | None, new: object) -> dict[str, tuple[str, str]]:
    """Changed fields as ``{field: (old, new)}``; with ``old`` None, every field the new record sets."""
    before = {} if old is None else flatten(old)
    after = flatten(new)
    keys = sorted((set(before) | set(after)) - _IDENTITY_FIELDS)
    return {k: (before.get(k, ""), after.get(k, "")) for k in keys if before.get(k, "") != after.get(k, "")}


def check_text_lengths(values: Iterable[str]) -> None:
    if any(len(v) > MAX_TEXT for v in values):
        raise InputError(tr("A text is too long (at most {count} characters).").format(count=MAX_TEXT))


def reindex(session: VaultSession, case_id: int) -> None:
    """Refresh the search index of one case when the caller's unit of work commits.

    Done once per case and transaction, however many records of the case changed, and for all the
    cases of a transaction in one pass (thousands in an import or a demo batch), just before COMMIT:
    the index commits or rolls back with the change. A search inside the same unit of work does not
    see the change yet.
    """
    if not session.unit_of_work.active:
        with session.write():
            reindex(session, case_id)
        return
    session.unit_of_work.collect("search-index", case_id, lambda ids: index_cases(session, ids))


def index_cases(session: VaultSession, case_ids: Sequence[int]) -> None:
    """Write the search index of these cases now, in the caller's transaction.

    Besides the free text, the English and Korean labels of each case's incident types and platforms
    are indexed, so 딥페이크 or 텔레그램 finds a case whose notes never spell the word out.
    """
    repo = CaseRepository(session.conn)
    documents = repo.texts_for_index(case_ids)
    tax = taxonomies()
    for case_id, (types, platforms) in repo.taxonomy_codes(case_ids).items():
        texts = documents[case_id]
        for taxonomy, codes in ((tax[INCIDENT_TYPES], types), (tax[PLATFORMS], platforms)):
            for code in codes:
                term = taxonomy.get(code)
                if term is not None:
                    texts.extend((term.en, term.ko))
    SearchIndex(session.conn).replace(documents)


def record_created(
    session: VaultSession,
    case_id: int,
    record_type: str,
    record_id: int,
    record: object,
    extra: dict[str, tuple[str, str]] | None = None,
) -> None:
    """History of a new record (every field it sets, and ``extra``), as :func:`record_change`; the
    fields are only gathered when the session keeps history."""
    changes = {}
    if session.records_history:
        changes = diff(None, record)
        changes.update(extra or {})
    record_change(session, case_id, record_type, record_id, changes)


def record_change(
    session: VaultSession, case_id: int, record_type: str, record_id: int, changes: dict[str, tuple[str, str]]
) -> None:
    """History rows (content, encrypted), in the caller's transaction, and the case's time of change.

    Identifying details appear only masked (set) or empty (not set), never their value. A session
    writing synthetic demo data keeps no history (no person made those changes).
    """
    shown = {
        k: ((masked(old), masked(new)) if k in SENSITIVE_FIELDS else (old, new)) for k, (old, new) in changes.items()
    }
    now = session.clock.now()
    if session.records_history:
        HistoryRepository(session.conn).add(case_id, now, session.user.name, record_type, record_id, shown)
    touch(session, case_id, now)


def touch(session: VaultSession, case_id: int, at: datetime) -> None:
    """Set the case's time of change to ``at`` when the caller's unit of work commits (once per case and
    transaction, to the latest time given; all the cases in one statement)."""

    def flush(changes: list[tuple[int, datetime]]) -> None:
        latest: dict[int, datetime] = {}
        for changed, moment in changes:
            latest[changed] = max(moment, latest.get(changed, moment))
        CaseRepository(session.conn).touch(latest)

    uow = session.unit_of_work
    if uow.active:
        uow.collect("case-touched", (case_id, at), flush)
    else:
        flush([(case_id, at)])


class CaseService:
    def __init__(self, session: VaultSession) -> None:
        self._session = session

    @property
    def _repo(self) -> CaseRepository:
        # Built per use: a re-key (session.replace_keys) closes and replaces the connection.
        return CaseRepository(self._session.conn)

    # --- creating and editing -------------------------------------------------------------------

    def create(self, fields: CaseFields, counselors: Iterable[str] = (), number: str = "") -> Case:
        """Open a case, numbered ``number`` or the next free number of the year it was opened.

        Counselors are assigned to their own new cases; supervisors may name others. Opened today
        unless ``fields.opened_on`` says otherwise.
        """
        session = self._session
        visible_to(session)
        with session.write():
            names = self._checked_counselors(counselors) if reassigns_cases(session) else ()
            if not names:
                names = (session.user.name,)
            opened_on = fields.opened_on or session.clock.today()
            fields = self._normalized(dataclasses.replace(fields, opened_on=opened_on))
            case = self._insert(fields, names, number)
            session.log(AuditAction.CASE_CREATED, "case", str(case.id))
            return case

    def _insert(self, fields: CaseFields, names: Sequence[str], number: str) -> Case:
        opened_on = fields.opened_on
        assert opened_on is not None
        if number:
            if parse_case_number(number) is None:
                raise InputError(tr("“{number}” is not a case number like 2026-0042.").format(number=number))
            if self._repo.number_exists(number):
                raise InputError(tr("Case {number} already exists.").format(number=number))
        else:
            number = self._repo.next_number(opened_on.year)
        case = self._repo.insert(number, fields, opened_on, self._session.user.name, self._session.clock.now(), names)
        if fields.sensitive != SensitiveContact():
            CaseKeys(self._session).write_identity(case.id, fields.sensitive, names)
            case = dataclasses.replace(case, has_sensitive=True)
        extra = {"number": ("", number), "counselors": ("", ", ".join(names))}
        record_created(self._session, case.id, "case", case.id, fields, extra)
        reindex(self._session, case.id)
        return case

    def update(self, case_id: int, fields: CaseFields, *, keep_sensitive: bool = True) -> Case:
        """Save edited fields.

        Real name and phone stay as stored unless ``keep_sensitive`` is False: :meth:`fields` hands out
        masked (empty) values, so a form that never revealed them must not blank them by saving. Only a
        caller that revealed them and lets the person edit them passes ``keep_sensitive=False``.
        """
        session = self._session
        require_case(session, case_id)
        with session.write():
            old = self._repo.fields(case_id)
            assert old is not None
            keys = CaseKeys(session)
            if keep_sensitive:
                fields = dataclasses.replace(fields, sensitive=SensitiveContact())
            else:
                old = dataclasses.replace(old, sensitive=keys.read_identity(case_id))
            new = self._normalized(dataclasses.replace(fields, opened_on=fields.opened_on or old.opened_on))
            if new.status is CaseStatus.CLOSED and new.closed_on is None:
                new = dataclasses.replace(new, closed_on=session.clock.today())
            elif new.status in OPEN_STATUSES and old.status not in OPEN_STATUSES and new.closed_on == old.closed_on:
                new = dataclasses.replace(new, closed_on=None)  # reopened: no longer closed
            changes = diff(old, new)
            if changes:
                self._repo.update(case_id, new, session.clock.now())
                if changes.keys() & SENSITIVE_FIELDS:
                    # A first key goes to this person, the supervisors and the recovery slot only; other
                    # counselors receive it when a supervisor confirms them (see CaseKeys.after_reassign).
                    keys.write_identity(case_id, new.sensitive, (session.user.name,))
                record_change(session, case_id, "case", case_id, changes)
                reindex(session, case_id)
                session.log(AuditAction.CASE_UPDATED, "case", str(case_id), {"fields": ",".join(sorted(changes))})
            return self._get(case_id)

    def reassign(self, case_id: int, counselors: Iterable[str]) -> Case:
        """Supervisors only: who works this case from now on."""
        session = self._session
        session.require(Permission.REASSIGN_CASES)
        require_case(session, case_id)
        with session.write():
            names = self._checked_counselors(counselors)
            if not names:
                raise InputError(tr("A case needs at least one counselor."))
            old = self._repo.counselors(case_id)
            keys = CaseKeys(session)
            if tuple(sorted(names)) == tuple(sorted(old)):
                # Confirming the same counselors gives the key to any of them who lack it (a reset).
                if keys.after_reassign(case_id, old, names):
                    session.log(AuditAction.CASE_KEYS_RESEALED, "case", str(case_id), {"counselors": ",".join(names)})
            else:
                self._repo.set_counselors(case_id, names)
                keys.after_reassign(case_id, old, names)
                self._hand_over_tasks(case_id, old, names)
                changes = {"counselors": (", ".join(old), ", ".join(sorted(names)))}
                record_change(session, case_id, "case", case_id, changes)
                session.log(AuditAction.CASE_REASSIGNED, "case", str(case_id), {"counselors": ",".join(sorted(names))})
            return self._get(case_id)

    def counselors_without_key(self, case_id: int) -> list[str]:
        """Supervisors only: counselors on the case its sealed identity is not sealed to (after a password
        reset, or recorded by someone else first); reassigning them as they are gives it to them."""
        self._session.require(Permission.REASSIGN_CASES)
        require_case(self._session, case_id)
        return CaseKeys(self._session).lacking_key(case_id, self._repo.counselors(case_id))

    def _hand_over_tasks(self, case_id: int, old: Sequence[str], names: Sequence[str]) -> None:
        """Open tasks of counselors taken off the case go to those now on it (in the caller's transaction).

        Otherwise the one who left would keep the case's follow-ups (titles, case number) on their Today
        view, and the one who took over would never be reminded of them. A referral follow-up stays
        one task per counselor; any other task goes to a newcomer (or the first counselor).
        """
        removed = set(old) - set(names)
        if not removed:
            return
        tasks = TaskRepository(self._session.conn)
        open_tasks = [t for t in tasks.for_case(case_id) if not t.done]
        heir = next((n for n in names if n not in old), names[0])
        for task in open_tasks:
            if task.owner not in removed:
                continue
            if task.referral_id is None:
                tasks.update(dataclasses.replace(task, owner=heir))
                self._session.log(AuditAction.TASK_UPDATED, "task", str(task.id), {"fields": "owner"})
                continue
            holders = {t.owner for t in open_tasks if t.referral_id == task.referral_id and t.owner not in removed}
            missing = [n for n in names if n not in holders]
            if missing:
                moved = dataclasses.replace(task, owner=missing[0])
                tasks.update(moved)
                open_tasks = [moved if t.id == task.id else t for t in open_tasks]
                self._session.log(AuditAction.TASK_UPDATED, "task", str(task.id), {"fields": "owner"})
                for name in missing[1:]:
                    task_id = tasks.insert(
                        dataclasses.replace(task, id=0, owner=name), self._session.user.name, self._session.clock.now()
                    )
                    open_tasks.append(dataclasses.replace(task, id=task_id, owner=name))
                    self._session.log(AuditAction.TASK_CREATED, "task", str(task_id))
            else:
                tasks.update(dataclasses.replace(task, done_at=self._session.clock.now()))
                self._session.log(AuditAction.TASK_UPDATED, "task", str(task.id), {"done": "yes"})

    def _checked_counselors(self, names: Iterable[str]) -> tuple[str, ...]:
        return tuple(sorted({require_caseworker(self._session, name).name for name in names}))

    def _normalized(self, fields: CaseFields) -> CaseFields:
        profile = fields.profile
        check_text_lengths(
            [
                fields.risk_reason,
                profile.alias,
                profile.safe_channels,
                profile.safe_contact_notes,
                *flatten(fields.sensitive).values(),
            ]
        )
        return dataclasses.replace(
            fields,
            risk_reason=fields.risk_reason.strip(),
            profile=dataclasses.replace(profile, alias=profile.alias.strip()),
            sensitive=SensitiveContact(fields.sensitive.real_name.strip(), fields.sensitive.phone.strip()),
        )

    # --- reading --------------------------------------------------------------------------------

    def _get(self, case_id: int) -> Case:
        case = self._repo.get(case_id)
        assert case is not None
        return case

    def get(self, case_id: int, *, log: bool = True) -> Case:
        """Open a case (audit-logged as a view). ``log=False`` for a read that only reports the result of
        a change audit-logged itself (the case a quick intake was saved to)."""
        require_case(self._session, case_id)
        if log:
            self._session.audit(AuditAction.CASE_VIEWED, "case", str(case_id))
        return self._get(case_id)

    def id_for_number(self, number: str) -> int:
        case_id = self._repo.id_for_number(number)
        if case_id is None:
            raise InputError(tr("That case does not exist or is not assigned to you."))
        require_case(self._session, case_id)
        return case_id

    def fields(self, case_id: int) -> CaseFields:
        """The editable fields, identifying details masked out (use :meth:`reveal` for those)."""
        require_case(self._session, case_id)
        fields = self._repo.fields(case_id)
        assert fields is not None
        return dataclasses.replace(fields, sensitive=SensitiveContact())

    def reveal(self, case_id: int, reason: str = "") -> SensitiveContact:
        """Real name and phone, audit-logged with the ``reason`` given (one line, optional)."""
        require_case(self._session, case_id)
        identity = CaseKeys(self._session).read_identity(case_id)
        self._session.audit(AuditAction.CASE_REVEALED, "case", str(case_id), reveal_details(reason))
        return identity

    def list_ids(self, flt: CaseFilter, log: bool = True) -> list[int]:
        """Ordered ids of the cases the user may see that pass ``flt``. Logged (filter names only)."""
        owner = visible_to(self._session)
        ids = self._repo.ids(flt, owner, self._session.clock.today())
        if log:
            used = sorted(
                f.name for f in dataclasses.fields(flt) if getattr(flt, f.name) and f.name not in ("sort", "descending")
            )
            self._session.audit(
                AuditAction.CASES_LISTED, "cases", "", {"filters": ",".join(used), "results": str(len(ids))}
            )
        return ids

    def summaries(self, ids: Sequence[int]) -> list[CaseSummary]:
        """List rows for ``ids`` (those the user may see), in the given order."""
        owner = visible_to(self._session)
        rows = self._repo.summaries(ids, self._session.clock.today())
        return rows if owner is None else [r for r in rows if owner in r.counselors]

    def history(self, case_id: int) -> list[HistoryEntry]:
        require_case(self._session, case_id)
        return HistoryRepository(self._session.conn).for_case(case_id)

    def caseworkers(self) -> list[User]:
        """Enabled users who can be assigned cases (for pickers)."""
        visible_to(self._session)
        return list(caseworkers(self._session).values())

    def possible_repeats(
        self,
        phone: str = "",
        alias: str = "",
        age_band: str = "",
        branch: str = "",
        service_status: str = "",
        exclude: int | None = None,
    ) -> list[RepeatMatch]:
        """Earlier cases that may be the same person: same phone, or same alias, age band and affiliation.

        Cases the user may not open are still named (number and counselors only), so a repeat caller
        is linked to the counselor who knows them without revealing that case's content.
        """
        owner = visible_to(self._session)
        found: dict[int, str] = {}
        digits = "".join(ch for ch in phone if ch.isdigit())
        if len(digits) >= 7:
            for case_id in self._repo.ids_by_phone(CaseKeys(self._session).phone_match(phone), exclude):
                found.setdefault(case_id, tr("same phone number"))
        if alias.strip() and age_band:
            for case_id in self._repo.ids_by_profile(alias, age_band, branch, service_status, exclude):
                found.setdefault(case_id, tr("same alias, age band and affiliation"))
        matches: list[RepeatMatch] = []
        for case_id, reason in found.items():
            case = self._repo.get(case_id)
            if case is None:
                continue
            visible = owner is None or owner in case.counselors
            matches.append(
                RepeatMatch(
                    case_id, case.number, reason, case.counselors, visible, case.profile.alias if visible else ""
                )
            )
        hidden = sorted(m.case_id for m in matches if not m.visible)
        if hidden:
            # Naming a case the user cannot open tells them the caller is on record: log that it happened.
            self._session.audit(AuditAction.REPEAT_MATCHED, "cases", "", {"cases": ",".join(map(str, hidden))})
        return matches
