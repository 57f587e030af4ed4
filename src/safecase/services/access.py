"""Creating a vault and getting into one: sign-in, unlock after a lock, the recovery key.

A wrong name and a wrong password get the same message and cost the same time (an Argon2id run is
spent even for an unknown name), and each failure is counted towards a growing delay and queued for
the audit log.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from safecase import __version__
from safecase.crypto.errors import CryptoError
from safecase.crypto.kdf import SALT_LENGTH, Argon2Params, calibrate, derive_key
from safecase.crypto.keyslots import create_slot, new_data_key, open_slot
from safecase.crypto.recovery import generate_recovery_key, normalize_recovery_key
from safecase.domain.audit import AuditAction
from safecase.domain.errors import (
    AccountDisabledError,
    AuthenticationError,
    InputError,
    ThrottledError,
    VaultExistsError,
    VaultFormatError,
    VaultNotFoundError,
)
from safecase.domain.roles import Role
from safecase.domain.users import User, is_valid_user_name, normalize_user_name
from safecase.i18n import tr
from safecase.services.clock import SYSTEM_CLOCK, Clock
from safecase.services.password_policy import require_acceptable
from safecase.services.session import VaultSession
from safecase.services.taxonomies import seed_starter_directory
from safecase.vault import keyfile as keyfiles
from safecase.vault import throttle
from safecase.vault.atomic import make_private_dir
from safecase.vault.connection import Connection, DatabaseError, OperationalError, connect
from safecase.vault.keyfile import KeyFile, UserSlot, recovery_binding, slot_id_for, user_binding
from safecase.vault.migrations import migrate
from safecase.vault.paths import VaultPaths
from safecase.vault.repositories.audit import AuditRepository
from safecase.vault.repositories.meta import MetaRepository
from safecase.vault.repositories.users import UserRepository
from safecase.vault.unit_of_work import transaction

# The schema version that added the organization directory, seeded when a vault reaches it.
CASEWORK_SCHEMA = 2

# Failed recovery-key attempts are counted under this name in the sign-in delay file.
RECOVERY_SLOT = "recovery"
# Who the audit log names for what is done with the recovery key.
RECOVERY_ACTOR = "recovery-key"

# Argon2id parameters for new slots; None means "calibrate on this machine". Tests set the floor.
_default_params: Argon2Params | None = None


def set_default_kdf_params(params: Argon2Params | None) -> None:
    """Fix the Argon2id cost for new slots (tests use the 64 MiB floor to stay fast)."""
    global _default_params
    _default_params = params


def kdf_params_for_new_slots() -> Argon2Params:
    global _default_params
    if _default_params is None:
        _default_params = calibrate()
    return _default_params


@dataclass(frozen=True)
class NewVault:
    session: VaultSession
    recovery_key: str


def vault_exists(root: Path) -> bool:
    return VaultPaths(root).exists()


def check_new_user_name(name: str) -> str:
    normalized = normalize_user_name(name)
    if not is_valid_user_name(normalized):
        raise InputError(
            tr("A user name is 1 to 64 characters without spaces, for example “jkim”. “{name}” is not.").format(
                name=name
            )
        )
    return normalized


def new_user_slot(vault_id: str, name: str, roles: frozenset[Role], password: str, data_key: bytes) -> UserSlot:
    slot_id = slot_id_for(vault_id, name)
    sealed = create_slot(password, data_key, user_binding(vault_id, slot_id, roles), kdf_params_for_new_slots())
    return UserSlot(slot_id=slot_id, roles=roles, sealed=sealed)


def create_vault(
    root: Path, admin_name: str, admin_password: str, display_name: str = "", *, clock: Clock = SYSTEM_CLOCK
) -> NewVault:
    """Create a vault at ``root`` with one admin; returns the open session (reading ``clock``) and the
    recovery key."""
    paths = VaultPaths(root)
    if paths.exists():
        raise VaultExistsError(tr("{path} already holds a SafeCase vault; it was left untouched.").format(path=root))
    name = check_new_user_name(admin_name)
    display = display_name.strip() or admin_name.strip()
    require_acceptable(admin_password, name, display)
    make_private_dir(root)
    data_key = new_data_key()
    vault_id = str(uuid.uuid4())
    recovery_key = generate_recovery_key()
    roles = frozenset({Role.ADMIN})
    keyfile = KeyFile(
        vault_id=vault_id,
        generation=1,
        user_slots=(new_user_slot(vault_id, name, roles, admin_password, data_key),),
        recovery=create_slot(recovery_key, data_key, recovery_binding(vault_id), kdf_params_for_new_slots()),
    ).signed(data_key)
    conn: Connection | None = None
    try:
        make_private_dir(paths.blobs)
        conn = connect(paths.db, data_key, create=True)
        migrate(conn, paths.db)
        now = clock.now()
        with transaction(conn):
            MetaRepository(conn).set("vault_id", vault_id)
            MetaRepository(conn).set("created_at", now.isoformat())
            MetaRepository(conn).set("created_by_version", __version__)
            user = UserRepository(conn).add(name, display, roles, now)
            audit = AuditRepository(conn)
            audit.append(now, name, AuditAction.VAULT_CREATED.value, "vault", vault_id)
            audit.append(now, name, AuditAction.USER_ADDED.value, "user", name, {"roles": "admin"})
            seed_starter_directory(conn, now)
        keyfiles.save(paths.keyfile, keyfile)
    except BaseException:
        if conn is not None:
            conn.close()
        _remove_partial_vault(paths)
        raise
    session = VaultSession(paths=paths, user=user, keyfile=keyfile, _conn=conn, _data_key=data_key, clock=clock)
    return NewVault(session=session, recovery_key=recovery_key)


def _remove_partial_vault(paths: VaultPaths) -> None:
    """Undo a vault creation that failed half-way (nothing in it was ever committed to a person)."""
    for path in (paths.keyfile, paths.db, *paths.wal_files()):
        with contextlib.suppress(OSError):
            path.unlink()
    with contextlib.suppress(OSError):
        shutil.rmtree(paths.blobs)


def load_keyfile(paths: VaultPaths) -> KeyFile:
    if not paths.keyfile.exists():
        if paths.db.exists():
            raise VaultFormatError(tr("The key file (keys.json) is missing from the vault folder."))
        raise VaultNotFoundError(tr("No SafeCase vault was found at {path}.").format(path=paths.root))
    return keyfiles.load(paths.keyfile)


def _wrong_credentials() -> AuthenticationError:
    return AuthenticationError(tr("Wrong user name or password."))


def _burn_equal_time(keyfile: KeyFile) -> None:
    """Spend one Argon2id run so an unknown name takes as long as a wrong password."""
    params = keyfile.user_slots[0].sealed.params if keyfile.user_slots else keyfile.recovery.params
    derive_key("unknown user", os.urandom(SALT_LENGTH), params)


def open_user_slot(keyfile: KeyFile, user_name: str, password: str) -> tuple[UserSlot, bytes]:
    """The user's slot and the data key it yields; AuthenticationError for any mismatch."""
    slot_id = slot_id_for(keyfile.vault_id, user_name)
    slot = keyfile.find(slot_id)
    if slot is None:
        raise _wrong_credentials()
    try:
        return slot, open_slot(slot.sealed, password, user_binding(keyfile.vault_id, slot_id, slot.roles))
    except CryptoError:
        raise _wrong_credentials() from None


def count_failure(paths: VaultPaths, slot_id: str, reason: str, error: AuthenticationError) -> AuthenticationError:
    """Count the failure; the error carries the delay the next attempt must wait."""
    error.retry_after = throttle.record_failure(paths.throttle, slot_id, time.time(), reason)
    return error


def check_throttle(paths: VaultPaths, slot_id: str) -> None:
    wait = throttle.load_state(paths.throttle).wait_seconds(slot_id, time.time())
    if wait > 0:
        raise ThrottledError(
            tr("Too many failed sign-ins. Try again in {seconds} seconds.").format(seconds=int(wait + 0.999)),
            wait,
        )


def _open_database(
    paths: VaultPaths, keyfile: KeyFile, data_key: bytes, secret_opener: Callable[[KeyFile], bytes]
) -> tuple[Connection, KeyFile, bytes]:
    """Open the database; finish an interrupted re-key by promoting ``keys.json.next`` if needed."""
    staged = keyfiles.next_path(paths.keyfile)
    try:
        conn = connect(paths.db, data_key)
    except VaultFormatError:
        if not staged.exists():
            raise
    else:
        if not staged.exists() or _discard_stale_staged(conn, paths):
            return conn, keyfile, data_key
        conn.close()
    try:
        next_keyfile = keyfiles.load(staged)
    except VaultNotFoundError:
        # Promoted a moment ago by the re-key itself (or another sign-in): keys.json is the new one.
        next_keyfile = keyfiles.load(paths.keyfile)
    try:
        next_key = secret_opener(next_keyfile)
    except CryptoError:
        raise VaultFormatError(tr("A re-key was interrupted; sign in as another administrator.")) from None
    if next_keyfile.vault_id != keyfile.vault_id or not next_keyfile.mac_valid(next_key):
        raise VaultFormatError(
            tr("The key file (keys.json.next) was edited outside SafeCase. Restore the vault from a backup.")
        )
    conn = connect(paths.db, next_key)
    try:
        keyfiles.promote_staged(paths.keyfile, next_key)
    except BaseException:
        conn.close()
        raise
    return conn, next_keyfile, next_key


def _discard_stale_staged(conn: Connection, paths: VaultPaths) -> bool:
    """Delete a ``keys.json.next`` whose re-key never committed; False when the database was re-keyed.

    A re-key holds the database's write lock from staging its key file until its pages are committed,
    so the check is made under that lock: a re-key running in another process (the CLI beside the app)
    is waited for, never robbed of the key file it is about to promote.
    """
    try:
        conn.execute("BEGIN IMMEDIATE")
    except OperationalError:
        return True  # busy for longer than the timeout: leave the file to a later sign-in
    except DatabaseError:
        return False  # re-keyed since we connected
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    # SQLCipher reports a page it cannot decrypt on a connection in a transaction as out of memory.
    except (DatabaseError, MemoryError):
        with contextlib.suppress(DatabaseError, MemoryError):
            conn.execute("ROLLBACK")
        return False
    try:
        keyfiles.discard_next(paths.keyfile)
    finally:
        conn.execute("COMMIT")
    return True


def _check_database(conn: Connection, paths: VaultPaths, keyfile: KeyFile, actor: str, clock: Clock) -> None:
    applied = migrate(conn, paths.db)
    if MetaRepository(conn).get("vault_id") != keyfile.vault_id:
        raise VaultFormatError(tr("The database (safecase.db) belongs to another vault. Nothing was changed."))
    if applied:
        with transaction(conn):
            now = clock.now()
            if CASEWORK_SCHEMA in applied:
                seed_starter_directory(conn, now)
            AuditRepository(conn).append(
                now, actor, AuditAction.MIGRATED.value, "vault", keyfile.vault_id, {"to": str(applied[-1])}
            )


def sign_in(
    root: Path, user_name: str, password: str, *, unlock: bool = False, clock: Clock = SYSTEM_CLOCK
) -> VaultSession:
    """Open the vault as ``user_name``. ``unlock`` marks a return after a lock in the audit log. The
    session reads the time from ``clock``."""
    paths = VaultPaths(root)
    keyfile = load_keyfile(paths)
    name = normalize_user_name(user_name)
    slot_id = slot_id_for(keyfile.vault_id, name)
    check_throttle(paths, slot_id)
    if slot_id in keyfile.disabled:
        _burn_equal_time(keyfile)
        raise count_failure(
            paths,
            slot_id,
            "disabled",
            AccountDisabledError(tr("This account has been disabled. Ask an administrator of your center.")),
        )
    slot = keyfile.find(slot_id)
    if slot is None:
        _burn_equal_time(keyfile)
        raise count_failure(paths, slot_id, "unknown user", _wrong_credentials())

    def opener(kf: KeyFile) -> bytes:
        return open_user_slot(kf, name, password)[1]

    try:
        data_key = opener(keyfile)
    except AuthenticationError:
        raise count_failure(paths, slot_id, "wrong password", _wrong_credentials()) from None
    if not keyfile.mac_valid(data_key):
        raise VaultFormatError(
            tr("The key file (keys.json) was edited outside SafeCase. Restore it from a backup; it was not changed.")
        )
    conn, keyfile, data_key = _open_database(paths, keyfile, data_key, opener)
    try:
        _check_database(conn, paths, keyfile, name, clock)
        user = UserRepository(conn).by_name(name)
        if user is None or not user.enabled:
            raise _wrong_credentials()
        if user.roles != (keyfile.find(slot_id) or slot).roles:
            raise VaultFormatError(tr("The roles in the key file do not match the database. Nothing was changed."))
        session = VaultSession(paths=paths, user=user, keyfile=keyfile, _conn=conn, _data_key=data_key, clock=clock)
        _record_sign_in(session, slot_id, AuditAction.UNLOCK if unlock else AuditAction.SIGN_IN)
    except BaseException:
        conn.close()
        raise
    return session


def _record_sign_in(session: VaultSession, slot_id: str, action: AuditAction) -> None:
    """Write queued failures and this sign-in to the audit log, then reset the delay."""
    pending = throttle.pending_failures(session.paths.throttle)
    names = {slot_id_for(session.keyfile.vault_id, u.name): u.name for u in UserRepository(session.conn).all()}
    names[RECOVERY_SLOT] = RECOVERY_ACTOR
    with session.write():
        audit = AuditRepository(session.conn)
        for failure in pending:
            audit.append(
                datetime.fromtimestamp(failure.at, UTC),
                names.get(failure.slot_id, "?"),
                AuditAction.SIGN_IN_FAILED.value,
                "user",
                names.get(failure.slot_id, ""),
                {"reason": failure.reason},
            )
        session.log(action, "user", session.user.name)
    throttle.clear_after_success(session.paths.throttle, slot_id, len(pending))


def open_with_recovery_key(
    root: Path, recovery_key: str, clock: Clock = SYSTEM_CLOCK
) -> tuple[VaultPaths, KeyFile, bytes, Connection]:
    """The data key and an open database, from the recovery key alone (for password resets)."""
    paths = VaultPaths(root)
    keyfile = load_keyfile(paths)
    check_throttle(paths, RECOVERY_SLOT)
    try:
        normalized = normalize_recovery_key(recovery_key)
    except CryptoError:
        raise AuthenticationError(tr("That is not a recovery key: it has eight groups of five characters.")) from None

    def opener(kf: KeyFile) -> bytes:
        return open_slot(kf.recovery, normalized, recovery_binding(kf.vault_id))

    try:
        data_key = opener(keyfile)
    except CryptoError:
        raise count_failure(
            paths, RECOVERY_SLOT, "wrong recovery key", AuthenticationError(tr("Wrong recovery key."))
        ) from None
    if not keyfile.mac_valid(data_key):
        raise VaultFormatError(
            tr("The key file (keys.json) was edited outside SafeCase. Restore it from a backup; it was not changed.")
        )
    conn, keyfile, data_key = _open_database(paths, keyfile, data_key, opener)
    try:
        _check_database(conn, paths, keyfile, RECOVERY_ACTOR, clock)
    except BaseException:
        conn.close()
        raise
    return paths, keyfile, data_key, conn


def find_user(conn: Connection, name: str) -> User:
    user = UserRepository(conn).by_name(normalize_user_name(name))
    if user is None:
        raise InputError(tr("There is no user named “{name}”.").format(name=name))
    return user
