"""Reading the audit log (supervisors and admins); reading it is itself logged."""

from __future__ import annotations

from safecase.domain.audit import AuditAction, AuditEntry, AuditHead
from safecase.domain.roles import Permission
from safecase.services.session import VaultSession
from safecase.vault.repositories.audit import AuditRepository


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

    def head(self) -> AuditHead | None:
        """The newest row's number and hash (``#1234 · 3fa9c2d1``), None for an empty log."""
        self._session.require(Permission.VIEW_AUDIT)
        return AuditRepository(self._session.conn).head()
