"""An unlocked vault and the person who unlocked it.

Every service takes a :class:`VaultSession`; it checks permissions here (never in the UI) and writes
the audit log through :meth:`VaultSession.audit`. Locking closes the connection and drops the key;
anything still holding the session then gets :class:`VaultLockedError`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from safecase.domain.audit import AuditAction
from safecase.domain.errors import PermissionDeniedError, VaultLockedError
from safecase.domain.roles import Permission, permissions_for
from safecase.domain.users import User
from safecase.i18n import tr
from safecase.vault.connection import Connection, connect, transaction
from safecase.vault.keyfile import KeyFile
from safecase.vault.paths import VaultPaths
from safecase.vault.repositories._time import now_utc
from safecase.vault.repositories.audit import AuditRepository


@dataclass
class VaultSession:
    paths: VaultPaths
    user: User
    keyfile: KeyFile
    _conn: Connection | None
    _data_key: bytes | None = field(repr=False)

    @property
    def conn(self) -> Connection:
        if self._conn is None:
            raise VaultLockedError(tr("The vault is locked. Sign in again."))
        return self._conn

    @property
    def data_key(self) -> bytes:
        if self._data_key is None:
            raise VaultLockedError(tr("The vault is locked. Sign in again."))
        return self._data_key

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    @property
    def permissions(self) -> frozenset[Permission]:
        return permissions_for(self.user.roles)

    def can(self, permission: Permission) -> bool:
        return permission in self.permissions

    def require(self, permission: Permission) -> None:
        """Raise PermissionDeniedError unless one of the user's roles grants ``permission``."""
        if not self.can(permission):
            raise PermissionDeniedError(
                tr("Your role does not allow this ({permission}).").format(permission=permission.value)
            )

    @contextmanager
    def worker_connection(self) -> Iterator[Connection]:
        """A connection of its own for work in another thread (backup, import, export)."""
        conn = connect(self.paths.db, self.data_key)
        try:
            yield conn
        finally:
            conn.close()

    def reader(self, conn: Connection) -> VaultSession:
        """The same person over ``conn``, a connection of another thread, for reads off the UI thread.

        Services built over it read through ``conn`` (and append the audit rows their reads leave, in
        transactions of ``conn``); it holds no data key and is never locked or closed itself: the
        caller owns ``conn`` and closes it, at the latest when this session locks.
        """
        return VaultSession(self.paths, self.user, self.keyfile, conn, None)

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One write transaction; audit rows appended inside it commit or roll back with the change."""
        with transaction(self.conn) as conn:
            yield conn

    def log(
        self,
        action: AuditAction,
        target_type: str = "",
        target_id: str = "",
        details: dict[str, str] | None = None,
    ) -> None:
        """Append an audit row inside the caller's :meth:`write` transaction."""
        AuditRepository(self.conn).append(now_utc(), self.user.name, action.value, target_type, target_id, details)

    def audit(
        self,
        action: AuditAction,
        target_type: str = "",
        target_id: str = "",
        details: dict[str, str] | None = None,
    ) -> None:
        """Append an audit row in a transaction of its own."""
        with self.write():
            self.log(action, target_type, target_id, details)

    def replace_keys(self, keyfile: KeyFile, data_key: bytes | None = None) -> None:
        """Adopt a new key file (and data key, after a re-key) for the rest of this session.

        After a re-key the connection is opened afresh under the new key: SQLCipher's
        ``cipher_integrity_check`` on the connection that ran ``PRAGMA rekey`` still checks pages
        against the old key and reports every page as failed.
        """
        self.keyfile = keyfile
        if data_key is not None:
            self._data_key = data_key
            old, self._conn = self.conn, None  # locked, not half-open, should the new connection fail
            old.close()
            self._conn = connect(self.paths.db, data_key)

    def close(self) -> None:
        """Close the database and drop the key without an audit row (used on shutdown paths)."""
        if self._conn is not None:
            self._conn.close()
        self._conn = None
        self._data_key = None

    def sign_out(self) -> None:
        """Record the sign-out, then close the database and forget the key."""
        self._end(AuditAction.SIGN_OUT)

    def lock(self) -> None:
        """Record the lock, then close the database and forget the key."""
        self._end(AuditAction.LOCK)

    def _end(self, action: AuditAction) -> None:
        if self._conn is None:
            return
        try:
            self.audit(action, "user", self.user.name)
        finally:
            self.close()
