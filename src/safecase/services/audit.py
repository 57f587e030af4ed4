"""Reading the audit log (supervisors and admins); reading it is itself logged."""

from __future__ import annotations

from safecase.domain.audit import MAX_REVEAL_REASON, AuditAction, AuditEntry
from safecase.domain.errors import InputError
from safecase.domain.roles import Permission
from safecase.i18n import tr
from safecase.services.session import VaultSession
from safecase.vault.repositories.audit import AuditRepository


def reveal_details(reason: str) -> dict[str, str]:
    """The details of a ``case.revealed`` row: the reason given, on one line, when one was given."""
    text = " ".join(reason.split())
    if len(text) > MAX_REVEAL_REASON:
        raise InputError(tr("The reason is too long; {limit} characters at most.").format(limit=MAX_REVEAL_REASON))
    return {"reason": text} if text else {}


class AuditService:
    def __init__(self, session: VaultSession) -> None:
        self._session = session

    def entries(self, limit: int = 500, before_seq: int | None = None) -> list[AuditEntry]:
        """Newest first. The view is logged before the rows are returned."""
        self._session.require(Permission.VIEW_AUDIT)
        self._session.audit(AuditAction.AUDIT_VIEWED, "audit", "")
        return AuditRepository(self._session.conn).page(limit, before_seq)

    def count(self) -> int:
        self._session.require(Permission.VIEW_AUDIT)
        return AuditRepository(self._session.conn).count()
