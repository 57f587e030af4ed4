"""An unlocked vault and the person who unlocked it.

Every service takes a :class:`VaultSession`; it checks permissions here (never in the UI) and writes
the audit log through :meth:`VaultSession.audit`. Locking closes the connection and drops the keys;
anything still holding the session then gets :class:`VaultLockedError`.

Besides the data key, a session holds what the person's key slot gave them for their roles: the
administrators' signing key (needed to change any account) and the supervisors' key; and the slot's
own unlocked key, so that an administrator who replaces the administrators' key can re-lock their own
slot under the new one at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from safecase.crypto.keyslots import UnlockedKey
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
    _admin_key: bytes | None = field(default=None, repr=False)
    _supervisor_key: bytes | None = field(default=None, repr=False)
    _own_slot: UnlockedKey | None = field(default=None, repr=False)

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
    def admin_key(self) -> bytes:
        """The administrators' Ed25519 private key; only an administrator's session holds it."""
        if self._data_key is None:
            raise VaultLockedError(tr("The vault is locked. Sign in again."))
        if self._admin_key is None:
            raise PermissionDeniedError(
                tr("Your role does not allow this ({permission}).").format(permission=Permission.MANAGE_USERS.value)
            )
        return self._admin_key

    @property
    def supervisor_key(self) -> bytes | None:
        """The supervisors' X25519 private key, when this session holds it."""
        if self._data_key is None:
            raise VaultLockedError(tr("The vault is locked. Sign in again."))
        return self._supervisor_key

    @property
    def own_slot(self) -> UnlockedKey | None:
        """This person's slot key as unlocked at sign-in (None for sessions made otherwise)."""
        if self._data_key is None:
            raise VaultLockedError(tr("The vault is locked. Sign in again."))
        return self._own_slot

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

    def replace_keys(
        self,
        keyfile: KeyFile,
        data_key: bytes | None = None,
        *,
        admin_key: bytes | None = None,
        supervisor_key: bytes | None = None,
    ) -> None:
        """Adopt a new key file (and data key, after a re-key; role keys, after a rotation).

        After a re-key the connection is opened afresh under the new key: SQLCipher's
        ``cipher_integrity_check`` on the connection that ran ``PRAGMA rekey`` still checks pages
        against the old key and reports every page as failed.
        """
        self.keyfile = keyfile
        if admin_key is not None:
            self._admin_key = admin_key
        if supervisor_key is not None:
            self._supervisor_key = supervisor_key
        if data_key is not None:
            self._data_key = data_key
            old, self._conn = self.conn, None  # locked, not half-open, should the new connection fail
            old.close()
            self._conn = connect(self.paths.db, data_key)

    def close(self) -> None:
        """Close the database and drop the keys without an audit row (used on shutdown paths)."""
        if self._conn is not None:
            self._conn.close()
        self._conn = None
        self._data_key = None
        self._admin_key = None
        self._supervisor_key = None
        self._own_slot = None

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
