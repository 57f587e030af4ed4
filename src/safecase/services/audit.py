"""Reading the audit log (supervisors and admins); reading it is itself logged.

Rows store sign-in names and case row ids, as they were when written. A page of them is read with the
names people know: the actor's display name and the number of the case a row concerns, looked up in
the same read. Filters run in SQL (:class:`~safecase.vault.repositories.audit.AuditRepository`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from safecase.domain.audit import MAX_REVEAL_REASON, AuditAction, AuditEntry, AuditFilter, AuditHead, AuditQuery
from safecase.domain.errors import InputError
from safecase.domain.roles import Permission
from safecase.domain.users import User
from safecase.i18n import tr
from safecase.services.people import display_names
from safecase.services.session import VaultSession
from safecase.vault.repositories.audit import AuditRepository
from safecase.vault.repositories.cases import CaseRepository
from safecase.vault.repositories.users import UserRepository


@dataclass(frozen=True)
class AuditRow:
    """An entry with the names people know for what it stores."""

    entry: AuditEntry
    actor_name: str
    """The actor's display name; empty when the actor is no account (a name typed at a failed sign-in)."""
    case_number: str
    """The number of the case the entry concerns (its target, or the case its record belongs to); or empty."""
    target_name: str = ""
    """The display name of the account the entry concerns (a user added, disabled, reset); or empty."""


def reveal_details(reason: str) -> dict[str, str]:
    """The details of a ``case.revealed`` row: the reason given, on one line, when one was given."""
    text = " ".join(reason.split())
    if len(text) > MAX_REVEAL_REASON:
        raise InputError(tr("The reason is too long; {limit} characters at most.").format(limit=MAX_REVEAL_REASON))
    return {"reason": text} if text else {}


def concerned_case_id(entry: AuditEntry) -> int | None:
    """The row id of the case ``entry`` concerns: its target, or the case named in its details."""
    raw = entry.target_id if entry.target_type == "case" else entry.details.get("case", "")
    return int(raw) if raw.isdigit() else None


class AuditService:
    def __init__(self, session: VaultSession) -> None:
        self._session = session

    def entries(self, limit: int = 500, before_seq: int | None = None) -> list[AuditEntry]:
        """Newest first. The view is logged before the rows are returned."""
        self._session.require(Permission.VIEW_AUDIT)
        self._session.audit(AuditAction.AUDIT_VIEWED, "audit", "")
        return AuditRepository(self._session.conn).page(limit, before_seq)

    def rows(self, flt: AuditFilter, limit: int = 500, before_seq: int | None = None) -> list[AuditRow]:
        """Newest first, the entries ``flt`` matches, with names. The view (and the filters used, by name)
        is logged before the rows are read. An unknown case number is refused."""
        self._session.require(Permission.VIEW_AUDIT)
        query = self._query(flt)
        used = flt.used()
        self._session.audit(AuditAction.AUDIT_VIEWED, "audit", "", {"filters": ",".join(used)} if used else None)
        conn = self._session.conn
        entries = AuditRepository(conn).page(limit, before_seq, query)
        names = display_names(self._session)
        case_ids = {case_id for entry in entries if (case_id := concerned_case_id(entry)) is not None}
        numbers = CaseRepository(conn).numbers(sorted(case_ids))
        return [
            AuditRow(
                entry,
                names.by_sign_in.get(entry.actor, ""),
                numbers.get(case_id, "") if (case_id := concerned_case_id(entry)) is not None else "",
                names.by_sign_in.get(entry.target_id, "") if entry.target_type == "user" else "",
            )
            for entry in entries
        ]

    def count(self, flt: AuditFilter | None = None) -> int:
        """Entries in the log, or those ``flt`` matches."""
        self._session.require(Permission.VIEW_AUDIT)
        query = None if flt is None else self._query(flt)
        return AuditRepository(self._session.conn).count(query)

    def head(self) -> AuditHead | None:
        """The newest row's number and hash (``#1234 · 3fa9c2d1``), None for an empty log."""
        self._session.require(Permission.VIEW_AUDIT)
        return AuditRepository(self._session.conn).head()

    def people(self) -> list[User]:
        """Every account, disabled ones too, to pick whose actions to see."""
        self._session.require(Permission.VIEW_AUDIT)
        return UserRepository(self._session.conn).all()

    def _query(self, flt: AuditFilter) -> AuditQuery:
        case_id: int | None = None
        number = flt.case_number.strip()
        if number:
            case_id = CaseRepository(self._session.conn).id_for_number(number)
            if case_id is None:
                raise InputError(tr("No case has the number “{number}”.").format(number=number))
        return AuditQuery(
            actor=flt.actor,
            action=flt.action,
            case_id=case_id,
            since=None if flt.from_day is None else _local_midnight(flt.from_day),
            until=None if flt.to_day is None else _local_midnight(flt.to_day + timedelta(days=1)),
        )


def _local_midnight(day: date) -> datetime:
    """The moment ``day`` begins where SafeCase runs (the days a person picks are local days)."""
    return datetime.combine(day, time.min).astimezone()
