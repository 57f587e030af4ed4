"""An unlocked vault and the person who unlocked it.

Every service takes a :class:`VaultSession`; it checks permissions here (never in the UI) and writes
the audit log through :meth:`VaultSession.audit`. Locking closes the connection and drops the keys;
anything still holding the session then gets :class:`VaultLockedError`.

Besides the data key, a session holds what the person's key slot gave them for their roles: the
administrators' signing key (needed to change any account) and the supervisors' key; and the slot's
own unlocked key, so that an administrator who replaces the administrators' key can re-lock their own
slot under the new one at once.

Writes go through :meth:`VaultSession.write`, one unit of work that nests (see
:mod:`safecase.vault.unit_of_work`): a service method opens one for its change, and when another
service calls it inside its own, the change becomes part of the caller's transaction and commits or
rolls back with it. The current time comes from :attr:`VaultSession.clock`.
"""

from __future__ import annotations

import dataclasses
import functools
from collections import Counter
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from typing import Any

from safecase.crypto.keyslots import UnlockedKey
from safecase.domain.audit import FOLDED_ACTIONS, AuditAction, repeats
from safecase.domain.errors import PermissionDeniedError, VaultLockedError
from safecase.domain.roles import Permission, Role, permissions_for
from safecase.domain.users import User
from safecase.i18n import tr
from safecase.services.clock import Clock, SystemClock
from safecase.vault.connection import Connection, connect
from safecase.vault.keyfile import KeyFile
from safecase.vault.paths import VaultPaths
from safecase.vault.repositories.audit import AuditRepository
from safecase.vault.unit_of_work import UnitOfWork, UnitOfWorkError

# What an import or the demo may do to the cases it writes, whoever runs it: work, see and assign them.
CASEWORK_GRANT = frozenset({Permission.WORK_OWN_CASES, Permission.VIEW_ALL_CASES, Permission.REASSIGN_CASES})


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
    clock: Clock = field(default_factory=SystemClock)
    _uow: UnitOfWork | None = field(default=None, repr=False)
    # Set only on the sessions importing() and making_demo_data() hand out, never on a person's own.
    _granted: frozenset[Permission] = frozenset()
    _tally: Counter[str] | None = field(default=None, repr=False)
    # Set only on those sessions too: the person's session, whose connection, keys and unit of work
    # they use (never copies), so locking or closing it locks them as well.
    _parent: VaultSession | None = field(default=None, repr=False, compare=False)
    # What the sign-in found suspicious (the vault older than this computer saw it): shown to the person
    # once, by the CLI on stderr and by the app in a message box. The sign-in itself succeeded.
    warnings: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self._uow is None and self._conn is not None:
            self._uow = UnitOfWork(self._conn)

    @property
    def conn(self) -> Connection:
        if self._parent is not None:
            return self._parent.conn
        if self._conn is None:
            raise VaultLockedError(tr("The vault is locked. Sign in again."))
        return self._conn

    @property
    def data_key(self) -> bytes:
        if self._parent is not None:
            return self._parent.data_key
        if self._data_key is None:
            raise VaultLockedError(tr("The vault is locked. Sign in again."))
        return self._data_key

    @property
    def admin_key(self) -> bytes:
        """The administrators' Ed25519 private key; only an administrator's session holds it."""
        if self._parent is not None:
            return self._parent.admin_key
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
        if self._parent is not None:
            return self._parent.supervisor_key
        if self._data_key is None:
            raise VaultLockedError(tr("The vault is locked. Sign in again."))
        return self._supervisor_key

    @property
    def own_slot(self) -> UnlockedKey | None:
        """This person's slot key as unlocked at sign-in (None for sessions made otherwise)."""
        if self._parent is not None:
            return self._parent.own_slot
        if self._data_key is None:
            raise VaultLockedError(tr("The vault is locked. Sign in again."))
        return self._own_slot

    @property
    def is_open(self) -> bool:
        if self._parent is not None:
            return self._parent.is_open
        return self._conn is not None

    @property
    def permissions(self) -> frozenset[Permission]:
        return _permissions(self.user.roles, self._granted)

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

    @property
    def unit_of_work(self) -> UnitOfWork:
        if self._parent is not None:
            return self._parent.unit_of_work
        if self._uow is None:
            raise VaultLockedError(tr("The vault is locked. Sign in again."))
        return self._uow

    def write(self, *, standalone: bool = False, savepoints: bool = True) -> AbstractContextManager[UnitOfWork]:
        """One unit of work: the write transaction, or a savepoint inside the caller's.

        Audit rows appended inside it commit or roll back with the change. ``standalone`` refuses to
        run inside another unit of work, for changes to files that cannot roll back with the database
        (the key file). ``savepoints=False`` (bulk work that is all or nothing anyway): nested units
        open no savepoint, and any failure inside rolls the whole unit back even when caught.
        """
        return self.unit_of_work(standalone=standalone, savepoints=savepoints)

    def reader(self, conn: Connection) -> VaultSession:
        """The same person over ``conn``, a connection of another thread, for reads off the UI thread.

        Services built over it read through ``conn`` (and append the audit rows their reads leave, in
        units of work of ``conn`` alone: a fresh one, never this session's); it holds no data key and no
        role keys, is never locked or closed itself, and reads the same clock. The caller owns ``conn``
        and closes it, at the latest when this session locks.
        """
        return VaultSession(
            paths=self.paths, user=self.user, keyfile=self.keyfile, _conn=conn, _data_key=None, clock=self.clock
        )

    @property
    def records_history(self) -> bool:
        """Whether changes write case-history rows (not for synthetic demo data)."""
        return self._tally is None

    @property
    def tally(self) -> Counter[str]:
        """Audit actions counted rather than appended (a session from :meth:`making_demo_data`)."""
        if self._tally is None:
            raise RuntimeError("only a session from making_demo_data() counts its audit rows")
        return self._tally

    def log(
        self,
        action: AuditAction,
        target_type: str = "",
        target_id: str = "",
        details: dict[str, str] | None = None,
    ) -> None:
        """Append an audit row inside the caller's :meth:`write` transaction.

        A row that would only repeat the newest one (a list view the person made the same way a moment
        ago, see :func:`~safecase.domain.audit.repeats`) is not appended; nothing is ever changed to fold it.
        """
        if self._tally is not None:
            self._tally[action.value] += 1
            return
        audit_log = AuditRepository(self.conn)
        now = self.clock.now()
        if action in FOLDED_ACTIONS and repeats(
            audit_log.newest(), now, self.user.name, action.value, target_type, target_id, details or {}
        ):
            return
        audit_log.append(now, self.user.name, action.value, target_type, target_id, details)

    def audit(
        self,
        action: AuditAction,
        target_type: str = "",
        target_id: str = "",
        details: dict[str, str] | None = None,
    ) -> None:
        """Append an audit row in a unit of work of its own (or the caller's)."""
        with self.write():
            self.log(action, target_type, target_id, details)

    # --- sessions for one operation ---------------------------------------------------------------

    def importing(self) -> VaultSession:
        """The session an import writes its cases through (``Permission.IMPORT_CASES``).

        It may work, see and assign every case (:data:`CASEWORK_GRANT`), so that an administrator,
        who works no cases, imports through the same casework services as everyone else. Audit rows
        still name this user. Hand it to nothing but the import.
        """
        self.require(Permission.IMPORT_CASES)
        return self._derived(_granted=CASEWORK_GRANT)

    def making_demo_data(self, clock: Clock) -> VaultSession:
        """The session synthetic demo cases are written through (``Permission.MANAGE_SETTINGS``).

        Granted :data:`CASEWORK_GRANT` as :meth:`importing` is; it reads the time from ``clock``,
        which the demo sets to each made-up record's moment; it writes no case history and counts
        audit actions in :attr:`tally` instead of appending a row for each: no person made these
        changes, and the demo writes one summary row per batch. Hand it to nothing but the demo.
        """
        self.require(Permission.MANAGE_SETTINGS)
        return self._derived(clock=clock, _granted=CASEWORK_GRANT, _tally=Counter())

    def _derived(self, **changes: Any) -> VaultSession:
        """A session for one operation, over this one's connection, keys and unit of work."""
        root = self._parent or self
        return dataclasses.replace(
            self,
            _conn=None,
            _data_key=None,
            _admin_key=None,
            _supervisor_key=None,
            _own_slot=None,
            _uow=None,
            _parent=root,
            **changes,
        )

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
        if self._parent is not None:
            self._parent.replace_keys(keyfile, data_key, admin_key=admin_key, supervisor_key=supervisor_key)
            self.keyfile = keyfile
            return
        if data_key is not None and self.unit_of_work.depth:
            raise UnitOfWorkError("the database is re-opened under a new key only outside a unit of work")
        self.keyfile = keyfile
        if admin_key is not None:
            self._admin_key = admin_key
        if supervisor_key is not None:
            self._supervisor_key = supervisor_key
        if data_key is not None:
            self._data_key = data_key
            old, self._conn, self._uow = self.conn, None, None  # locked, not half-open, should connect fail
            old.close()
            self._conn = connect(self.paths.db, data_key)
            self._uow = UnitOfWork(self._conn)

    def close(self) -> None:
        """Close the database and drop the keys without an audit row (used on shutdown paths).

        A session for one operation only lets go of the person's session (which stays open).
        """
        self._parent = None
        if self._conn is not None:
            self._conn.close()
        self._conn = None
        self._uow = None
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
        if not self.is_open:
            return
        try:
            self.audit(action, "user", self.user.name)
        finally:
            self.close()


@functools.cache
def _permissions(roles: frozenset[Role], granted: frozenset[Permission]) -> frozenset[Permission]:
    return permissions_for(roles) | granted
