"""Take-downs: chasing a post or link until it comes down, and noticing when it comes back.

One entry per place a URL was reported (the platform, the Korea Communications Standards Commission,
the Digital Sex Crime Victim Support Center, the police, elsewhere), optionally tied to an evidence
item of the same case. Its status moves through found, reported, acknowledged, removed or refused;
every change is kept with its day in an append-only history. An open entry carries a re-check date,
the day someone looks again; due ones come back on Today. Material found again after its removal is a
new entry, ``reappeared``, linked to the entry it was removed under (which stays removed: that removal
happened and counts).

Every method applies the casework rule (:func:`~safecase.services.casework_access.require_case`:
counselors their own cases, supervisors every case, administrators without a casework role none) and
writes its change, its case-history row and its audit row in one unit of work. Audit rows name the
entry, its case and its status, never the link or the reference (those are case content, kept in the
encrypted case history). :meth:`TakedownService.removal_stats` counts removals and the days they took
for the reports.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from safecase.domain.audit import AuditAction
from safecase.domain.errors import InputError
from safecase.domain.evidence import MAX_SHORT_TEXT, clean_url
from safecase.domain.takedowns import (
    CLOSED_STATUSES,
    DEFAULT_RECHECK_DAYS,
    OPEN_STATUSES,
    SETTABLE_STATUSES,
    Period,
    RemovalStats,
    ReportedTo,
    Takedown,
    TakedownScope,
    TakedownStatus,
    TakedownStatusChange,
    removal_stats,
)
from safecase.i18n import tr
from safecase.services.cases import check_text_lengths, record_change, record_created
from safecase.services.casework_access import require_case, visible_to
from safecase.services.session import VaultSession
from safecase.services.taxonomies import PLATFORMS, taxonomies
from safecase.vault.repositories.cases import CaseRepository
from safecase.vault.repositories.evidence import EvidenceRepository
from safecase.vault.repositories.takedowns import TakedownRepository

__all__ = [
    "DEFAULT_RECHECK_DAYS",
    "KEEP",
    "NewTakedown",
    "TakedownListing",
    "TakedownRow",
    "TakedownService",
    "default_recheck",
]


class _Keep(Enum):
    KEEP = "keep"


KEEP = _Keep.KEEP
"""Leave the re-check date as it is (for :meth:`TakedownService.change_status`)."""


def default_recheck(reported_on: date) -> date:
    """The re-check day the app and the CLI propose for a report made on ``reported_on``."""
    return reported_on + timedelta(days=DEFAULT_RECHECK_DAYS)


@dataclass(frozen=True)
class NewTakedown:
    """What a person says when recording a take-down request.

    Without ``reported_on`` the entry is only ``found`` (to be reported); with it, ``reported`` on that
    day. ``url`` may be empty when ``evidence_id`` names an item of the case (its first link is taken).
    """

    url: str
    platform: str
    reported_to: ReportedTo
    reported_on: date | None = None
    reference: str = ""
    recheck_on: date | None = None
    evidence_id: int | None = None
    notes: str = ""


@dataclass(frozen=True)
class TakedownRow:
    """One line of a take-down list: the entry and the number of its case."""

    takedown: Takedown
    case_number: str


@dataclass(frozen=True)
class TakedownListing:
    rows: list[TakedownRow]
    today: date
    """The day "due" and "overdue" were decided for (the session's clock)."""

    def due(self) -> list[TakedownRow]:
        return [r for r in self.rows if r.takedown.due(self.today)]


def _no_entry() -> InputError:
    return InputError(tr("That take-down does not exist or is not in a case assigned to you."))


def _short(value: str, what: str) -> str:
    value = " ".join(value.split())
    if len(value) > MAX_SHORT_TEXT:
        raise InputError(
            tr("The {what} is too long (at most {count} characters).").format(what=what, count=MAX_SHORT_TEXT)
        )
    return value


def _url(text: str) -> str:
    if not text.strip():
        raise InputError(tr("Give the link of the post, channel or page to be taken down."))
    url = clean_url(text)
    if url is None:
        raise InputError(tr("“{url}” is not a link SafeCase can keep.").format(url=text.strip()[:80]))
    return url


def _platform(text: str) -> str:
    platform = _short(text, tr("platform"))
    if not platform:
        raise InputError(tr("Say on which platform or site the material is (Telegram, X, a webhard, …)."))
    return taxonomies()[PLATFORMS].resolve(platform) or platform


def status_phrase(status: TakedownStatus) -> str:
    """A status in words, for messages of the services and the CLI."""
    return {
        TakedownStatus.FOUND: tr("found"),
        TakedownStatus.REPORTED: tr("reported"),
        TakedownStatus.ACKNOWLEDGED: tr("acknowledged"),
        TakedownStatus.REMOVED: tr("removed"),
        TakedownStatus.REFUSED: tr("refused"),
        TakedownStatus.REAPPEARED: tr("reappeared"),
    }[status]


class TakedownService:
    def __init__(self, session: VaultSession) -> None:
        self._session = session

    @property
    def _repo(self) -> TakedownRepository:
        # Built per use: a re-key (session.replace_keys) closes and replaces the connection.
        return TakedownRepository(self._session.conn)

    # --- recording ----------------------------------------------------------------------------------

    def record(self, case_id: int, new: NewTakedown) -> Takedown:
        """Record a take-down request for a post or link of the case: ``found``, or ``reported`` on a day."""
        session = self._session
        today = session.clock.today()
        platform = _platform(new.platform)
        reference = _short(new.reference, tr("reference number"))
        check_text_lengths([new.notes])
        self._check_not_future(new.reported_on, today)
        if new.recheck_on is not None and new.reported_on is not None and new.recheck_on < new.reported_on:
            raise InputError(tr("The re-check date cannot be before the report date."))
        with session.write():
            require_case(session, case_id)
            url = new.url.strip()
            if new.evidence_id is not None:
                item = EvidenceRepository(session.conn).get(new.evidence_id)
                if item is None or item.case_id != case_id:
                    raise InputError(tr("That evidence item is not in this case."))
                if not url and item.urls:
                    url = item.urls[0]
            if url or new.evidence_id is None:
                url = _url(url)
            status = TakedownStatus.REPORTED if new.reported_on is not None else TakedownStatus.FOUND
            entry = Takedown(
                id=0,
                case_id=case_id,
                evidence_id=new.evidence_id,
                url=url,
                platform=platform,
                reported_to=new.reported_to,
                reported_on=new.reported_on,
                reference=reference,
                status=status,
                status_on=new.reported_on or today,
                recheck_on=new.recheck_on,
                reappeared_from=None,
                notes=new.notes.strip(),
                created_at=session.clock.now(),
                created_by=session.user.name,
                updated_at=session.clock.now(),
            )
            return self._insert(entry)

    def mark_reappeared(
        self,
        takedown_id: int,
        found_on: date | None = None,
        *,
        url: str = "",
        recheck_on: date | None = None,
        note: str = "",
    ) -> Takedown:
        """Material removed under ``takedown_id`` was found again (at ``url``, or where it was before):
        a new open entry, ``reappeared``, linked to the earlier one, to be reported again."""
        session = self._session
        today = session.clock.today()
        found_on = found_on or today
        self._check_not_future(found_on, today)
        check_text_lengths([note])
        with session.write():
            earlier = self._visible(takedown_id)
            if earlier.status is not TakedownStatus.REMOVED:
                raise InputError(
                    tr("Only removed material can reappear; this take-down is {status}.").format(
                        status=status_phrase(earlier.status)
                    )
                )
            if found_on < earlier.status_on:
                raise InputError(tr("Material cannot reappear before the day it was removed."))
            if recheck_on is not None and recheck_on < found_on:
                raise InputError(tr("The re-check date cannot be before the day it was found again."))
            entry = dataclasses.replace(
                earlier,
                url=_url(url) if url.strip() else earlier.url,
                reported_on=None,
                reference="",
                status=TakedownStatus.REAPPEARED,
                status_on=found_on,
                recheck_on=recheck_on,
                reappeared_from=earlier.id,
                notes=note.strip(),
                created_at=session.clock.now(),
                created_by=session.user.name,
                updated_at=session.clock.now(),
            )
            return self._insert(entry)

    def _insert(self, entry: Takedown) -> Takedown:
        session = self._session
        stored = self._repo.insert(entry, entry.created_at, session.user.name)
        record_created(session, stored.case_id, "takedown", stored.id, _history_view(stored))
        details = {
            "case": str(stored.case_id),
            "status": stored.status.value,
            "reported_to": stored.reported_to.value,
        }
        if stored.reappeared_from is not None:
            details["reappeared_from"] = str(stored.reappeared_from)
        if stored.evidence_id is not None:
            details["evidence"] = str(stored.evidence_id)
        session.log(AuditAction.TAKEDOWN_ADDED, "takedown", str(stored.id), details)
        return stored

    # --- changing -----------------------------------------------------------------------------------

    def change_status(
        self,
        takedown_id: int,
        status: TakedownStatus,
        on: date | None = None,
        note: str = "",
        *,
        recheck_on: date | _Keep | None = KEEP,
        reference: str | None = None,
    ) -> Takedown:
        """Record that the entry reached ``status`` on ``on`` (today when not given), with a note.

        The change joins the entry's history, which is never edited. Reaching ``reported`` sets the
        report date if none was known; ``reference`` (the number the platform or agency gave) may come
        with any change. A removed or refused entry is settled: its re-check date is cleared. For an
        open one, ``recheck_on`` sets the next re-check (None: none; by default it stays).
        """
        session = self._session
        today = session.clock.today()
        on = on or today
        self._check_not_future(on, today)
        check_text_lengths([note])
        if status not in SETTABLE_STATUSES:
            raise InputError(
                tr("“Reappeared” is recorded as a new take-down linked to the removed one, not as a change.")
            )
        new_reference = None if reference is None else _short(reference, tr("reference number"))
        with session.write():
            old = self._visible(takedown_id)
            if status is old.status:
                raise InputError(tr("This take-down is {status} already.").format(status=status_phrase(status)))
            if old.reported_on is not None and on < old.reported_on:
                raise InputError(tr("A status cannot change before the day the material was reported."))
            recheck = old.recheck_on if recheck_on is KEEP else recheck_on
            if status in CLOSED_STATUSES:
                recheck = None
            elif recheck is not None and recheck_on is not KEEP and recheck < on:
                raise InputError(tr("The re-check date cannot be before the day of the change."))
            reported_on = old.reported_on
            if status is TakedownStatus.REPORTED and reported_on is None:
                reported_on = on
            if status is TakedownStatus.FOUND:
                reported_on = None
            new = dataclasses.replace(
                old,
                status=status,
                status_on=on,
                reported_on=reported_on,
                recheck_on=recheck,
                reference=old.reference if new_reference is None else new_reference,
            )
            now = session.clock.now()
            self._repo.change_status(takedown_id, status, on, note.strip(), now, session.user.name)
            self._repo.update(new, now)
            changes = _changes(old, new)
            if note.strip():
                changes["note"] = ("", note.strip())
            record_change(session, old.case_id, "takedown", takedown_id, changes)
            session.log(
                AuditAction.TAKEDOWN_STATUS_CHANGED,
                "takedown",
                str(takedown_id),
                {"case": str(old.case_id), "from": old.status.value, "to": status.value},
            )
            return self._get(takedown_id)

    def set_recheck(self, takedown_id: int, recheck_on: date | None) -> Takedown:
        """Set (or clear, with None) the day someone looks at an open entry again."""
        session = self._session
        with session.write():
            old = self._visible(takedown_id)
            if not old.open:
                raise InputError(
                    tr("This take-down is {status}: there is nothing to check again.").format(
                        status=status_phrase(old.status)
                    )
                )
            if old.recheck_on == recheck_on:
                return old
            new = dataclasses.replace(old, recheck_on=recheck_on)
            self._repo.update(new, session.clock.now())
            record_change(session, old.case_id, "takedown", takedown_id, _changes(old, new))
            session.log(
                AuditAction.TAKEDOWN_UPDATED,
                "takedown",
                str(takedown_id),
                {"case": str(old.case_id), "fields": "recheck_on"},
            )
            return self._get(takedown_id)

    # --- reading ------------------------------------------------------------------------------------

    def get(self, takedown_id: int) -> Takedown:
        return self._visible(takedown_id)

    def history(self, takedown_id: int) -> list[TakedownStatusChange]:
        """The entry's statuses with their days, oldest first."""
        self._visible(takedown_id)
        return self._repo.history(takedown_id)

    def for_case(self, case_id: int) -> list[Takedown]:
        """Every entry of the case, open or settled, oldest first."""
        require_case(self._session, case_id)
        return self._repo.for_case(case_id)

    def listing(
        self, scope: TakedownScope = TakedownScope.OPEN, *, due_only: bool = False, log: bool = True
    ) -> TakedownListing:
        """Entries across the cases the person may see, by re-check date (none last).

        ``due_only``: open ones whose re-check day has come. Logged as ``takedowns.listed`` (repeats
        within a minute fold into one row), unless ``log`` is False (Today's reminder, which names
        no more than the dates and the numbers of cases the person works).
        """
        session = self._session
        owner = visible_to(session)
        today = session.clock.today()
        statuses = OPEN_STATUSES if due_only else scope.statuses
        entries = self._repo.listing(statuses, owner, today if due_only else None)
        numbers = CaseRepository(session.conn).numbers({t.case_id for t in entries})
        rows = [TakedownRow(t, numbers.get(t.case_id, "")) for t in entries]
        if log:
            session.audit(
                AuditAction.TAKEDOWNS_LISTED,
                "takedowns",
                "",
                {"scope": "due" if due_only else scope.value, "results": str(len(rows))},
            )
        return TakedownListing(rows, today)

    def due(self, day: date | None = None) -> TakedownListing:
        """Open entries to re-check on ``day`` (today) or earlier, for Today's reminder (not logged)."""
        session = self._session
        owner = visible_to(session)
        day = day or session.clock.today()
        entries = self._repo.listing(OPEN_STATUSES, owner, day)
        numbers = CaseRepository(session.conn).numbers({t.case_id for t in entries})
        return TakedownListing([TakedownRow(t, numbers.get(t.case_id, "")) for t in entries], day)

    def removal_stats(self, period: Period) -> RemovalStats:
        """Reported, removed, refused and reappeared entries in ``period``, and the median days from report
        to removal, over the cases the person may see (supervisors: the whole center)."""
        if period.end < period.start:
            raise InputError(tr("The period ends before it starts."))
        facts = self._repo.removal_facts(visible_to(self._session))
        return removal_stats(period, facts)

    # --- helpers ------------------------------------------------------------------------------------

    def _visible(self, takedown_id: int) -> Takedown:
        entry = self._repo.get(takedown_id)
        if entry is None:
            raise _no_entry()
        try:
            require_case(self._session, entry.case_id)
        except InputError:
            raise _no_entry() from None
        return entry

    def _get(self, takedown_id: int) -> Takedown:
        entry = self._repo.get(takedown_id)
        assert entry is not None
        return entry

    @staticmethod
    def _check_not_future(day: date | None, today: date) -> None:
        if day is not None and day > today:
            raise InputError(tr("{day} is in the future.").format(day=day.isoformat()))


@dataclass(frozen=True)
class _HistoryView:
    """The fields of an entry a case's history shows (no times or ids of its own)."""

    url: str
    platform: str
    reported_to: str
    reported_on: date | None
    reference: str
    status: str
    status_on: date
    recheck_on: date | None
    evidence_id: int | None
    reappeared_from: int | None
    notes: str


def _history_view(entry: Takedown) -> _HistoryView:
    return _HistoryView(
        url=entry.url,
        platform=entry.platform,
        reported_to=entry.reported_to.value,
        reported_on=entry.reported_on,
        reference=entry.reference,
        status=entry.status.value,
        status_on=entry.status_on,
        recheck_on=entry.recheck_on,
        evidence_id=entry.evidence_id,
        reappeared_from=entry.reappeared_from,
        notes=entry.notes,
    )


def _changes(old: Takedown, new: Takedown) -> dict[str, tuple[str, str]]:
    before, after = _history_view(old), _history_view(new)
    changed: dict[str, tuple[str, str]] = {}
    for f in dataclasses.fields(_HistoryView):
        a, b = getattr(before, f.name), getattr(after, f.name)
        if a != b:
            changed[f.name] = ("" if a is None else str(a), "" if b is None else str(b))
    return changed
