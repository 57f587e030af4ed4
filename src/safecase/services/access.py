"""Creating a vault and getting into one: sign-in, unlock after a lock, the recovery key.

A wrong name and a wrong password get the same message and cost the same time (an Argon2id run is
spent even for an unknown name), and each failure is counted towards a growing delay and queued for
the audit log.

Getting in takes more than the right password. The slot's keys must open, the account list in
``keys.json`` must carry the administrators' signature (their public key is bound into every slot's
lock), the slot must be the one the list names for this person, the account enabled, an
administrator's slot must hold the administrators' key and a supervisor's the supervisors' key, and
the database's ``users`` table must agree with the list. Roles come from the signed list. Everyone
with a password knows the data key, so nothing the data key alone can write (the database, the rest
of keys.json) is trusted for who may do what.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from safecase import __version__
from safecase.crypto.errors import CryptoError
from safecase.crypto.kdf import SALT_LENGTH, Argon2Params, calibrate, derive_key
from safecase.crypto.keyslots import (
    UnlockedKey,
    lock_private_key_with,
    new_data_key,
    new_key_pair,
    open_envelope,
    public_key_of,
    relock,
    unlock_private_key,
    unlock_with_key,
)
from safecase.crypto.recovery import generate_recovery_key, normalize_recovery_key, recovery_fingerprint
from safecase.crypto.signing import new_signing_key, verifying_key_of
from safecase.domain.audit import AuditAction, CheckpointReason, SignInFailure
from safecase.domain.errors import (
    AccountDisabledError,
    AuthenticationError,
    InputError,
    PermissionDeniedError,
    ThrottledError,
    VaultExistsError,
    VaultFormatError,
    VaultNotFoundError,
)
from safecase.domain.roles import Role, sorted_roles
from safecase.domain.user_names import is_valid_user_name, normalize_user_name
from safecase.domain.users import User
from safecase.i18n import tr
from safecase.services import rollback
from safecase.services.case_keys import CaseKeys
from safecase.services.checkpoints import carried_checkpoint_broken, carry_into_keyfile, checkpoint_head
from safecase.services.checkpoints import describe as describe_checkpoint
from safecase.services.clock import SYSTEM_CLOCK, Clock
from safecase.services.keyfile_upgrade import upgrade_key_file
from safecase.services.password_policy import require_acceptable
from safecase.services.session import VaultSession
from safecase.services.taxonomies import seed_starter_directory
from safecase.services.trusted_keys import trusted_keys
from safecase.vault import keyfile as keyfiles
from safecase.vault import throttle
from safecase.vault.atomic import make_private_dir
from safecase.vault.connection import Connection, DatabaseError, OperationalError, connect
from safecase.vault.keyfile import (
    PART_ADMIN,
    PART_DATA,
    PART_SUPERVISOR,
    RECOVERY_SLOT_ID,
    Account,
    AccountList,
    KeyFile,
    LegacyKeyFile,
    SignedAccounts,
    Slot,
    kind_of,
    legacy_recovery_binding,
    legacy_role_sets,
    legacy_user_binding,
    lock_binding,
    new_slot,
    new_slot_unlocked,
    open_accounts,
    open_part,
    pad_with_decoys,
    seal_part,
    sign_accounts,
    slot_id_for,
    with_accounts,
)
from safecase.vault.migrations import (
    CASE_KEYS_SCHEMA,
    MigrationContext,
    forget_plaintext_identities,
    latest_version,
    migrate,
)
from safecase.vault.paths import VaultPaths
from safecase.vault.repositories.audit import AuditRepository
from safecase.vault.repositories.meta import MetaRepository
from safecase.vault.repositories.users import UserRepository
from safecase.vault.unit_of_work import UnitOfWork, transaction

# The schema version that added the organization directory, seeded when a vault reaches it.
CASEWORK_SCHEMA = 2

# Failed recovery-key attempts are counted under this name in the sign-in delay file.
RECOVERY_SLOT = "recovery"
# Who the audit log names for what is done with the recovery key.
RECOVERY_ACTOR = "recovery-key"

# The Argon2id cost for vaults created (or upgraded to key file version 2) in this process. None, as
# in production, means: calibrate on this machine. Only tests set it, to the cheap floor.
_default_params: Argon2Params | None = None


def set_default_kdf_params(params: Argon2Params | None) -> None:
    """Test hook: fix the Argon2id cost new vaults store, instead of calibrating (tests use the floor).

    The cost is chosen once per vault and kept in keys.json, so this reaches only vaults created (or
    upgraded) while it is set; SafeCase itself never calls it.
    """
    global _default_params
    _default_params = params


def kdf_params_for_new_vault() -> Argon2Params:
    """What a new vault stores: about one second here, at least 128 MiB and 3 passes (unless a test set it)."""
    if _default_params is not None:
        return _default_params
    params = calibrate()
    if not params.meets_creation_floor():  # calibrate never goes below it; a new vault never may
        raise AssertionError("calibrated below the creation floor")
    return params


@dataclass(frozen=True)
class NewVault:
    session: VaultSession
    recovery_key: str
    recovery_fingerprint: str = ""


def check_new_user_name(name: str) -> str:
    normalized = normalize_user_name(name)
    if not is_valid_user_name(normalized):
        raise InputError(
            tr("A user name is 1 to 64 characters without spaces, for example “jkim”. “{name}” is not.").format(
                name=name
            )
        )
    return normalized


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
    params = kdf_params_for_new_vault()
    make_private_dir(root)
    data_key = new_data_key()
    vault_id = str(uuid.uuid4())
    recovery_key = generate_recovery_key()
    roles = frozenset({Role.ADMIN})
    admin_key = new_signing_key()
    admin_public = verifying_key_of(admin_key)
    supervisor_key, supervisor_public = new_key_pair()
    slot_id = slot_id_for(vault_id, name)
    user_slot, own_slot = new_slot_unlocked(
        vault_id, slot_id, admin_public, admin_password, params, data_key=data_key, admin_key=admin_key
    )
    recovery = new_slot(
        vault_id,
        RECOVERY_SLOT_ID,
        admin_public,
        recovery_key,
        params,
        data_key=data_key,
        admin_key=admin_key,
        supervisor_key=supervisor_key,
    )
    keyfile = KeyFile(
        vault_id=vault_id,
        generation=1,
        admin_public_key=admin_public,
        admin_key_history=(),
        kdf=params,
        slots=(user_slot,),
        recovery=recovery,
        accounts=b"",
    )
    accounts = AccountList(
        vault_id=vault_id,
        generation=1,
        admin_public_key=admin_public,
        supervisor_public_key=supervisor_public,
        recovery_public_key=recovery.public_key,
        kdf=params,
        accounts=(Account(slot_id, name, user_slot.public_key, roles, True),),
        decoys=(),
    )
    keyfile, accounts = pad_with_decoys(keyfile, accounts)
    keyfile = with_accounts(keyfile, sign_accounts(accounts, admin_key), data_key)
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
    session = VaultSession(
        paths=paths,
        user=user,
        keyfile=keyfile,
        _conn=conn,
        _data_key=data_key,
        _admin_key=admin_key,
        _own_slot=own_slot,
        clock=clock,
    )
    return NewVault(
        session=session, recovery_key=recovery_key, recovery_fingerprint=recovery_fingerprint(recovery.public_key)
    )


def _remove_partial_vault(paths: VaultPaths) -> None:
    """Undo a vault creation that failed half-way (nothing in it was ever committed to a person)."""
    for path in (paths.keyfile, paths.db, *paths.wal_files()):
        with contextlib.suppress(OSError):
            path.unlink()
    with contextlib.suppress(OSError):
        shutil.rmtree(paths.blobs)


def load_keyfile(paths: VaultPaths) -> KeyFile | LegacyKeyFile:
    if not paths.keyfile.exists():
        if paths.db.exists():
            raise VaultFormatError(tr("The key file (keys.json) is missing from the vault folder."))
        raise VaultNotFoundError(tr("No SafeCase vault was found at {path}.").format(path=paths.root))
    return keyfiles.load_any(paths.keyfile)


def recovery_key_fingerprint(session: VaultSession) -> str:
    """The fingerprint of the recovery key the administrators signed for this vault (``ABCD-EF01-…``)."""
    signed = open_accounts(session.keyfile, session.data_key)
    return recovery_fingerprint(signed.accounts.recovery_public_key)


# --- errors -------------------------------------------------------------------------------------------


def _wrong_credentials() -> AuthenticationError:
    return AuthenticationError(tr("Wrong user name or password."))


def _edited() -> VaultFormatError:
    return VaultFormatError(
        tr("The key file (keys.json) was edited outside SafeCase. Restore it from a backup; it was not changed.")
    )


def _disabled() -> AccountDisabledError:
    return AccountDisabledError(tr("This account has been disabled. Ask an administrator of your center."))


@dataclass(frozen=True)
class _Refusal:
    """Why keys.json is not trusted for this sign-in: the message for the person, the reason for the log."""

    message: str
    reason: str


def _not_signed() -> _Refusal:
    return _Refusal(
        tr(
            "The account list in keys.json is not signed by this vault's administrators. Nothing was changed; "
            "restore keys.json from a backup."
        ),
        SignInFailure.ACCOUNT_LIST_NOT_SIGNED,
    )


def _anchor_replaced() -> _Refusal:
    return _Refusal(
        tr("The administrators' key in keys.json was replaced. Nothing was changed; restore keys.json from a backup."),
        SignInFailure.ADMIN_KEY_REPLACED,
    )


# --- opening slots ------------------------------------------------------------------------------------


def _burn_equal_time(keyfile: KeyFile | LegacyKeyFile) -> None:
    """Spend one Argon2id run so an unknown name takes as long as a wrong password."""
    if isinstance(keyfile, KeyFile):
        params = keyfile.kdf
    else:
        params = keyfile.user_slots[0].sealed.params if keyfile.user_slots else keyfile.recovery.params
    derive_key("unknown user", os.urandom(SALT_LENGTH), params)


def _lock_bindings(keyfile: KeyFile, slot_id: str) -> list[bytes]:
    """What a slot's lock may be bound to: each administrators' key the file names (current first),
    then the associated data of a version-1 slot (which bound the roles, so every set of roles: the
    roles need not be readable to open it)."""
    vault_id = keyfile.vault_id
    bindings = [lock_binding(vault_id, slot_id, kind_of(slot_id), anchor) for anchor in keyfile.anchors()]
    if slot_id == RECOVERY_SLOT_ID:
        bindings.append(legacy_recovery_binding(vault_id))
    else:
        bindings += [legacy_user_binding(vault_id, slot_id, roles) for roles in legacy_role_sets()]
    return bindings


def unlock_slot(keyfile: KeyFile, slot: Slot, secret: str) -> tuple[UnlockedKey, bytes | None]:
    """The slot's private key and the administrators' key its lock is bound to (None: a version-1 lock).

    One Argon2id run, whatever the number of bindings tried (:func:`_lock_bindings`).
    """
    anchors = keyfile.anchors()
    unlocked = unlock_private_key(slot.locked, secret, _lock_bindings(keyfile, slot.slot_id))
    anchor = anchors[unlocked.binding_index] if unlocked.binding_index < len(anchors) else None
    return unlocked, anchor


def _open_data_key(keyfile: KeyFile, slot: Slot, private_key: bytes) -> bytes | None:
    """The data key from a slot, None when the slot says its account is disabled."""
    try:
        return open_part(keyfile.vault_id, slot.slot_id, private_key, slot.sealed_keys.data, PART_DATA)
    except CryptoError:
        raise _edited() from None


def open_user_slot(keyfile: KeyFile, user_name: str, password: str) -> tuple[Slot, bytes]:
    """The user's slot and the data key it yields; AuthenticationError for any mismatch."""
    slot = keyfile.find(slot_id_for(keyfile.vault_id, user_name))
    if slot is None:
        raise _wrong_credentials()
    try:
        unlocked, _ = unlock_slot(keyfile, slot, password)
    except CryptoError:
        raise _wrong_credentials() from None
    data_key = _open_data_key(keyfile, slot, unlocked.private_key)
    if data_key is None:
        raise _disabled()
    return slot, data_key


def count_failure(paths: VaultPaths, slot_id: str, reason: str, error: AuthenticationError) -> AuthenticationError:
    """Count the failure under ``slot_id`` (an existing slot, the recovery slot or throttle.UNKNOWN_NAME,
    never a hash of a typed name that matches no slot); the error carries the delay the next attempt
    must wait."""
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
    paths: VaultPaths, data_key: bytes, open_next: Callable[[KeyFile | LegacyKeyFile], bytes]
) -> tuple[Connection, bytes]:
    """Open the database; finish an interrupted re-key by promoting ``keys.json.next`` if needed.

    ``open_next`` gives the data key of the staged key file, having checked it as the current one was
    (CryptoError when this person's slot does not open it). Returns the connection and its data key.
    """
    staged = keyfiles.next_path(paths.keyfile)
    try:
        conn = connect(paths.db, data_key)
    except VaultFormatError:
        if not staged.exists():
            raise
    else:
        if not staged.exists() or _discard_stale_staged(conn, paths):
            return conn, data_key
        conn.close()
    try:
        next_keyfile = keyfiles.load_any(staged)
    except VaultNotFoundError:
        # Promoted a moment ago by the re-key itself (or another sign-in): keys.json is the new one.
        next_keyfile = keyfiles.load_any(paths.keyfile)
    try:
        next_key = open_next(next_keyfile)
    except CryptoError:
        raise VaultFormatError(tr("A re-key was interrupted; sign in as another administrator.")) from None
    conn = connect(paths.db, next_key)
    try:
        keyfiles.promote_staged(paths.keyfile, next_key)
    except BaseException:
        conn.close()
        raise
    return conn, next_key


def _edited_next() -> VaultFormatError:
    return VaultFormatError(
        tr("The key file (keys.json.next) was edited outside SafeCase. Restore the vault from a backup.")
    )


def _discard_stale_staged(conn: Connection, paths: VaultPaths) -> bool:
    """Delete a ``keys.json.next`` whose re-key never committed; False when the database was re-keyed.

    A re-key holds the database's write lock from staging its key file until its pages are committed,
    so the check is made under that lock: a re-key running in another process (the CLI beside the app)
    is waited for, never robbed of the key file it is about to promote.
    """
    with contextlib.ExitStack() as held:
        try:
            # The write lock as a unit of work level, like every other transaction on a connection.
            held.enter_context(UnitOfWork(conn).exclusive())
        except OperationalError:
            return True  # busy for longer than the timeout: leave the file to a later sign-in
        except DatabaseError:
            return False  # re-keyed since we connected
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        # SQLCipher reports a page it cannot decrypt on a connection in a transaction as out of memory.
        except (DatabaseError, MemoryError):
            with contextlib.suppress(DatabaseError, MemoryError):
                conn.execute("ROLLBACK")  # the lock's exit then has nothing left to commit
            return False
        keyfiles.discard_next(paths.keyfile)
    return True


def _signed_list_reader(paths: VaultPaths, vault_id: str, anchor: bytes, data_key: bytes) -> Callable[[], AccountList]:
    """For migrations that seal to people's public keys: the signed list on disk, checked on demand."""

    def read() -> AccountList:
        return trusted_keys(paths, vault_id, anchor, data_key)[1].accounts

    return read


def _check_database(
    conn: Connection,
    paths: VaultPaths,
    vault_id: str,
    actor: str,
    clock: Clock,
    accounts: Callable[[], AccountList],
) -> None:
    def after_step(conn: Connection, version: int) -> None:
        # Inside the step's transaction: the seed and the audit row commit with the version bump.
        if MetaRepository(conn).get("vault_id") != vault_id:
            raise _other_vault()
        if version == CASEWORK_SCHEMA:
            seed_starter_directory(conn, clock.now())
        if version == latest_version():
            AuditRepository(conn).append(
                clock.now(), actor, AuditAction.MIGRATED.value, "vault", vault_id, {"to": str(version)}
            )

    applied = migrate(conn, paths.db, after_step=after_step, context=MigrationContext(vault_id, accounts))
    if CASE_KEYS_SCHEMA in applied:
        forget_plaintext_identities(conn, paths.db)
    if MetaRepository(conn).get("vault_id") != vault_id:
        raise _other_vault()


def _other_vault() -> VaultFormatError:
    return VaultFormatError(tr("The database (safecase.db) belongs to another vault. Nothing was changed."))


def _opener_for(slot_id: str, private_key: bytes, vault_id: str) -> Callable[[KeyFile | LegacyKeyFile], bytes]:
    """Opens a staged version-2 key file with the private key already unlocked (same slot, same key pair)."""

    def open_next(next_keyfile: KeyFile | LegacyKeyFile) -> bytes:
        if not isinstance(next_keyfile, KeyFile) or next_keyfile.vault_id != vault_id:
            raise _edited_next()
        slot = next_keyfile.find_any(slot_id)
        if slot is None or slot.public_key != public_key_of(private_key):
            raise CryptoError("not this slot")
        data_key = _open_data_key(next_keyfile, slot, private_key)
        if data_key is None:
            raise CryptoError("disabled")
        if not next_keyfile.mac_valid(data_key):
            raise _edited_next()
        try:
            signed = open_accounts(next_keyfile, data_key)
        except CryptoError:
            raise _edited_next() from None
        if not signed.signature_holds(next_keyfile.admin_public_key):
            raise _edited_next()
        return data_key

    return open_next


# --- admission: what the signed account list says about this slot ---------------------------------------


@dataclass(frozen=True)
class _Admission:
    keyfile: KeyFile
    accounts: AccountList
    account: Account | None  # None for the recovery key
    data_key: bytes
    admin_key: bytes | None
    supervisor_key: bytes | None
    unlocked: UnlockedKey  # as the slot is locked now (re-locking may have changed it)


def _open_signed(keyfile: KeyFile, slot: Slot, private_key: bytes) -> tuple[bytes, SignedAccounts]:
    """The data key this slot holds and the signed account list it opens; refuses a disabled slot and a
    key file edited outside SafeCase. The signature itself is judged by :func:`_trust_problem`."""
    data_key = _open_data_key(keyfile, slot, private_key)
    if data_key is None:
        raise _disabled()
    if not keyfile.mac_valid(data_key):
        raise _edited()
    try:
        return data_key, open_accounts(keyfile, data_key)
    except CryptoError:
        raise _edited() from None


def _open_role_key(keyfile: KeyFile, slot: Slot, private_key: bytes, part: str) -> bytes | None:
    try:
        return open_part(keyfile.vault_id, slot.slot_id, private_key, slot.sealed_keys.part(part), part)
    except CryptoError:
        return None  # an envelope someone replaced: it simply grants nothing


def _trust_problem(
    keyfile: KeyFile,
    signed: SignedAccounts,
    slot: Slot,
    bound_anchor: bytes | None,
    admin_key: bytes | None,
    supervisor_key: bytes | None,
) -> _Refusal | None:
    """Why this slot is not admitted by the signed list, or None."""
    accounts = signed.accounts
    if bound_anchor is not None and not keyfile.chain_holds_from(bound_anchor):
        return _anchor_replaced()
    if not signed.signature_holds(keyfile.admin_public_key):
        return _not_signed()
    if not accounts.describes(keyfile):
        return _not_signed()
    if slot.slot_id == RECOVERY_SLOT_ID:
        if slot.public_key != accounts.recovery_public_key:
            return _Refusal(
                tr(
                    "The recovery slot in keys.json is not the one the administrators signed. Nothing was changed; "
                    "restore keys.json from a backup."
                ),
                SignInFailure.RECOVERY_SLOT_NOT_SIGNED,
            )
        roles = frozenset({Role.ADMIN, Role.SUPERVISOR})
    else:
        account = accounts.account(slot.slot_id)
        if account is None:
            return _Refusal(
                tr(
                    "Your key slot is not on the account list the administrators signed. Nothing was changed; "
                    "ask an administrator."
                ),
                SignInFailure.SLOT_NOT_ON_ACCOUNT_LIST,
            )
        if account.public_key != slot.public_key:
            return _Refusal(
                tr(
                    "Your key slot was replaced outside SafeCase: it is not the one the administrators signed. "
                    "Nothing was changed; ask an administrator to reset your password."
                ),
                SignInFailure.SLOT_REPLACED,
            )
        roles = account.roles if account.enabled else frozenset()
    if Role.ADMIN in roles and (admin_key is None or verifying_key_of(admin_key) != accounts.admin_public_key):
        return _Refusal(
            tr(
                "Your key slot does not hold this vault's administrators' key. Nothing was changed; restore "
                "keys.json from a backup."
            ),
            SignInFailure.ADMIN_KEY_MISSING,
        )
    if (
        Role.SUPERVISOR in roles
        and supervisor_key is not None
        and public_key_of(supervisor_key) != accounts.supervisor_public_key
    ):
        return _Refusal(
            tr(
                "Your key slot holds a supervisors' key that is not this vault's. Nothing was changed; restore "
                "keys.json from a backup."
            ),
            SignInFailure.SUPERVISOR_KEY_DIFFERS,
        )
    return None


def account_mismatches(conn: Connection, accounts: AccountList) -> list[str]:
    """Where the database's ``users`` table differs from the signed list, one phrase per account."""
    users = {u.name: u for u in UserRepository(conn).all()}
    listed = {a.name for a in accounts.accounts}
    problems: list[str] = []
    for account in sorted(accounts.accounts, key=lambda a: a.name):
        user = users.get(account.name)
        if user is None:
            problems.append(tr("“{name}” is on the signed list but not in the database").format(name=account.name))
        elif user.roles != account.roles:
            problems.append(
                tr("“{name}” has roles {roles} in the database, {signed} on the signed list").format(
                    name=account.name,
                    roles=",".join(sorted_roles(user.roles)) or "-",
                    signed=",".join(sorted_roles(account.roles)) or "-",
                )
            )
        elif user.enabled != account.enabled:
            state = tr("enabled") if user.enabled else tr("disabled")
            problems.append(
                tr("“{name}” is {state} in the database, not on the signed list").format(name=account.name, state=state)
            )
    for name, user in sorted(users.items()):
        if name not in listed and user.enabled:
            problems.append(tr("“{name}” is in the database but not on the signed list").format(name=name))
    return problems


def _repair_users(conn: Connection, accounts: AccountList, actor: str, clock: Clock) -> None:
    """Bring the ``users`` table back to the signed list (an administrator's sign-in), each change audited."""
    users = UserRepository(conn)
    audit = AuditRepository(conn)
    now = clock.now()
    source = {"source": "signed account list"}
    listed = {a.name for a in accounts.accounts}
    for account in accounts.accounts:
        user = users.by_name(account.name)
        if user is None:
            user = users.add(account.name, account.name, account.roles, now)
            audit.append(now, actor, AuditAction.USER_ADDED.value, "user", account.name, source)
        if user.roles != account.roles:
            users.set_roles(user.id, account.roles)
            details = {
                **source,
                "from": ",".join(sorted_roles(user.roles)),
                "to": ",".join(sorted_roles(account.roles)),
            }
            audit.append(now, actor, AuditAction.USER_ROLES_CHANGED.value, "user", account.name, details)
        if user.enabled != account.enabled:
            users.set_enabled(user.id, account.enabled, now)
            action = AuditAction.USER_ENABLED if account.enabled else AuditAction.USER_DISABLED
            audit.append(now, actor, action.value, "user", account.name, source)
    for user in users.all():
        if user.name not in listed and user.enabled:
            users.set_enabled(user.id, False, now)
            audit.append(now, actor, AuditAction.USER_DISABLED.value, "user", user.name, source)


def _record_refusal(conn: Connection, actor: str, refusal: _Refusal, clock: Clock) -> None:
    with contextlib.suppress(DatabaseError, MemoryError), transaction(conn):
        AuditRepository(conn).append(
            clock.now(), actor, AuditAction.SIGN_IN_FAILED.value, "user", actor, {"reason": refusal.reason}
        )


def _grant_supervisor_key(
    keyfile: KeyFile, signed: SignedAccounts, supervisor_key: bytes
) -> tuple[KeyFile, frozenset[str]]:
    """Seal the supervisors' key to the slots waiting for it that the signed list names as supervisors.

    Administrators do not hold the supervisors' key, so someone they make a supervisor gets it from
    the next supervisor (or recovery key) who signs in.
    """
    accounts = signed.accounts
    for slot_id in sorted(signed.waiting):
        slot = keyfile.find_any(slot_id)
        if slot is None:
            continue
        if slot_id == RECOVERY_SLOT_ID:
            eligible = slot.public_key == accounts.recovery_public_key
        else:
            account = accounts.account(slot_id)
            eligible = (
                account is not None
                and account.enabled
                and Role.SUPERVISOR in account.roles
                and account.public_key == slot.public_key
            )
        if eligible:
            envelope = seal_part(keyfile.vault_id, slot_id, slot.public_key, PART_SUPERVISOR, supervisor_key)
            keyfile = keyfile.with_slot(
                replace(slot, sealed_keys=slot.sealed_keys.with_part(PART_SUPERVISOR, envelope))
            )
    return keyfile, frozenset()


def _admit(
    paths: VaultPaths,
    conn: Connection,
    slot_id: str,
    unlocked: UnlockedKey,
    bound_anchor: bytes | None,
    secret: str,
    actor: str,
    clock: Clock,
) -> _Admission:
    """Check keys.json as it is now, under the database's write lock, against this person's slot.

    Refuses (and records the refusal in the audit log) whatever the signed account list does not
    back. Then, still under the lock: an administrator's (or the recovery key's) sign-in brings the
    ``users`` table back to the signed list; a slot locked under an earlier administrators' key or a
    weaker Argon2id cost than the vault's is re-locked (the secret is known now); the supervisors' key
    is handed to those waiting for it.
    """
    private_key = unlocked.private_key
    with transaction(conn):
        keyfile = keyfiles.load(paths.keyfile)
        slot = keyfile.find_any(slot_id)
        if slot is None or slot.public_key != public_key_of(private_key):
            raise VaultFormatError(tr("The key file changed while you were signing in. Sign in again."))
        data_key, signed = _open_signed(keyfile, slot, private_key)
        admin_key = _open_role_key(keyfile, slot, private_key, PART_ADMIN)
        supervisor_key = _open_role_key(keyfile, slot, private_key, PART_SUPERVISOR)
        refusal = _trust_problem(keyfile, signed, slot, bound_anchor, admin_key, supervisor_key)
        accounts = signed.accounts
        account = accounts.account(slot_id)
        if refusal is None and account is not None and not account.enabled:
            raise _disabled()
        roles = frozenset({Role.ADMIN, Role.SUPERVISOR}) if account is None else account.roles
        if refusal is None:
            mismatches = account_mismatches(conn, accounts)
            if mismatches and Role.ADMIN in roles:
                _repair_users(conn, accounts, actor, clock)
            elif mismatches:
                refusal = _Refusal(
                    tr(
                        "The accounts in the database differ from the list the administrators signed ({problem}). "
                        "Ask an administrator to sign in, which restores them."
                    ).format(problem=mismatches[0]),
                    SignInFailure.DATABASE_DIFFERS,
                )
        if refusal is None:
            admin_key = admin_key if Role.ADMIN in roles else None
            supervisor_key = supervisor_key if Role.SUPERVISOR in roles else None
            keyfile, unlocked = _tend_keyfile(
                paths, keyfile, signed, slot, unlocked, bound_anchor, secret, data_key, supervisor_key, roles
            )
    if refusal is not None:
        _record_refusal(conn, actor, refusal, clock)
        raise VaultFormatError(refusal.message)
    return _Admission(keyfile, accounts, account, data_key, admin_key, supervisor_key, unlocked)


def _still_locked_as_opened(keyfile: KeyFile, slot: Slot, unlocked: UnlockedKey) -> bool:
    """Whether the slot's lock is still the one ``unlocked`` came from (its password key opens it)."""
    try:
        unlock_with_key(slot.locked, unlocked.password_key, _lock_bindings(keyfile, slot.slot_id))
    except CryptoError:
        return False
    return True


def _tend_keyfile(
    paths: VaultPaths,
    keyfile: KeyFile,
    signed: SignedAccounts,
    slot: Slot,
    unlocked: UnlockedKey,
    bound_anchor: bytes | None,
    secret: str,
    data_key: bytes,
    supervisor_key: bytes | None,
    roles: frozenset[Role],
) -> tuple[KeyFile, UnlockedKey]:
    """Re-lock this slot if it is behind the vault, and hand out the supervisors' key; save if anything changed."""
    changed = False
    waiting = signed.waiting
    binding = lock_binding(keyfile.vault_id, slot.slot_id, kind_of(slot.slot_id), keyfile.admin_public_key)
    behind = slot.locked.params.weaker_than(keyfile.kdf) or bound_anchor != keyfile.admin_public_key
    if behind and not _still_locked_as_opened(keyfile, slot, unlocked):
        pass  # re-locked by another sign-in of the same person since we unlocked it: leave it
    elif slot.locked.params.weaker_than(keyfile.kdf):
        locked, unlocked = relock(secret, unlocked, binding, keyfile.kdf)
        keyfile = keyfile.with_slot(replace(slot, locked=locked))
        changed = True
    elif bound_anchor != keyfile.admin_public_key:
        locked = lock_private_key_with(
            unlocked.password_key, slot.locked.salt, unlocked.private_key, binding, slot.locked.params
        )
        keyfile = keyfile.with_slot(replace(slot, locked=locked))
        changed = True
    if supervisor_key is not None and waiting:
        keyfile, waiting = _grant_supervisor_key(keyfile, signed, supervisor_key)
        changed = True
    elif supervisor_key is None and Role.SUPERVISOR in roles and slot.slot_id not in waiting:
        waiting = waiting | {slot.slot_id}
        changed = True
    if not changed:
        return keyfile, unlocked
    keyfile = with_accounts(keyfile, signed.with_waiting(waiting), data_key)
    keyfiles.save(paths.keyfile, keyfile)
    return keyfile, unlocked


# --- signing in ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Opened:
    """A slot unlocked and the database open: what :func:`_admit` then checks."""

    conn: Connection
    unlocked: UnlockedKey
    bound_anchor: bytes | None


def sign_in(
    root: Path, user_name: str, password: str, *, unlock: bool = False, clock: Clock = SYSTEM_CLOCK
) -> VaultSession:
    """Open the vault as ``user_name``. ``unlock`` marks a return after a lock in the audit log. The
    session reads the time from ``clock``.

    A database whose pages fail to read while signing in is reported as damaged in one sentence,
    never as SQLite's own error.
    """
    try:
        return _sign_in(root, user_name, password, unlock=unlock, clock=clock)
    except (DatabaseError, MemoryError):
        raise VaultFormatError(
            tr(
                "The database (safecase.db) is damaged: part of it cannot be read. Nothing was changed. "
                "Restore the latest backup (safecase restore), or ask whoever supports your center."
            )
        ) from None


def _sign_in(root: Path, user_name: str, password: str, *, unlock: bool, clock: Clock) -> VaultSession:
    paths = VaultPaths(root)
    keyfile = load_keyfile(paths)
    name = normalize_user_name(user_name)
    slot_id = slot_id_for(keyfile.vault_id, name)
    with throttle.one_attempt_at_a_time(paths.throttle):
        check_throttle(paths, slot_id if keyfile.find(slot_id) is not None else throttle.UNKNOWN_NAME)
        if isinstance(keyfile, LegacyKeyFile):
            opened = _open_legacy(paths, keyfile, name, slot_id, password, clock)
        else:
            opened = _open_current(paths, keyfile, name, slot_id, password, clock)
    conn = opened.conn
    try:
        admitted = _admit(paths, conn, slot_id, opened.unlocked, opened.bound_anchor, password, name, clock)
        user = UserRepository(conn).by_name(name)
        if user is None or admitted.account is None or not user.enabled:
            raise _wrong_credentials()
        session = VaultSession(
            paths=paths,
            user=replace(user, roles=admitted.account.roles),
            keyfile=admitted.keyfile,
            _conn=conn,
            _data_key=admitted.data_key,
            _admin_key=admitted.admin_key,
            _supervisor_key=admitted.supervisor_key,
            _own_slot=admitted.unlocked,
            clock=clock,
        )
        _record_sign_in(session, slot_id, AuditAction.UNLOCK if unlock else AuditAction.SIGN_IN, admitted.admin_key)
        if not unlock:
            CaseKeys(session).reconcile()
    except BaseException:
        conn.close()
        raise
    return session


def _open_slot_and_database(
    paths: VaultPaths,
    keyfile: KeyFile,
    slot: Slot,
    unlocked: UnlockedKey,
    bound_anchor: bytes | None,
    actor: str,
    clock: Clock,
) -> Connection:
    """Open the data key of an unlocked slot, then the database (finishing an interrupted re-key)."""
    data_key = _open_data_key(keyfile, slot, unlocked.private_key)
    if data_key is None:
        raise _disabled()
    if not keyfile.mac_valid(data_key):
        raise _edited()
    conn, data_key = _open_database(paths, data_key, _opener_for(slot.slot_id, unlocked.private_key, keyfile.vault_id))
    anchor = keyfile.admin_public_key if bound_anchor is None else bound_anchor
    try:
        _check_database(
            conn, paths, keyfile.vault_id, actor, clock, _signed_list_reader(paths, keyfile.vault_id, anchor, data_key)
        )
    except BaseException:
        conn.close()
        raise
    return conn


def _open_current(paths: VaultPaths, keyfile: KeyFile, name: str, slot_id: str, password: str, clock: Clock) -> _Opened:
    """Unlock the slot (counting a failure), open the data key and the database."""
    slot = keyfile.find(slot_id)
    if slot is None:
        _burn_equal_time(keyfile)
        raise count_failure(paths, throttle.UNKNOWN_NAME, SignInFailure.UNKNOWN_USER, _wrong_credentials())
    try:
        unlocked, bound_anchor = unlock_slot(keyfile, slot, password)
    except CryptoError:
        raise count_failure(paths, slot_id, SignInFailure.WRONG_PASSWORD, _wrong_credentials()) from None
    try:
        conn = _open_slot_and_database(paths, keyfile, slot, unlocked, bound_anchor, name, clock)
    except AccountDisabledError as exc:
        raise count_failure(paths, slot_id, SignInFailure.DISABLED, exc) from None
    return _Opened(conn, unlocked, bound_anchor)


def _open_legacy(
    paths: VaultPaths, keyfile: LegacyKeyFile, name: str, slot_id: str, password: str, clock: Clock
) -> _Opened:
    """Sign in to a version-1 key file: only an administrator may, and upgrades it to version 2."""
    if slot_id in keyfile.disabled:
        _burn_equal_time(keyfile)
        raise count_failure(paths, slot_id, SignInFailure.DISABLED, _disabled())
    slot = keyfile.find(slot_id)
    if slot is None:
        _burn_equal_time(keyfile)
        raise count_failure(paths, throttle.UNKNOWN_NAME, SignInFailure.UNKNOWN_USER, _wrong_credentials())
    binding = legacy_user_binding(keyfile.vault_id, slot_id, slot.roles)
    try:
        unlocked = unlock_private_key(slot.sealed.locked, password, [binding])
        data_key = open_envelope(unlocked.private_key, slot.sealed.envelope, binding)
    except CryptoError:
        raise count_failure(paths, slot_id, SignInFailure.WRONG_PASSWORD, _wrong_credentials()) from None
    if not keyfile.mac_valid(data_key):
        raise _edited()
    if Role.ADMIN not in slot.roles:
        raise keyfiles.needs_upgrade()

    def open_next(next_keyfile: KeyFile | LegacyKeyFile) -> bytes:
        return _open_legacy_next(next_keyfile, keyfile.vault_id, slot_id, unlocked.private_key)

    conn, data_key = _open_database(paths, data_key, open_next)
    try:
        user = UserRepository(conn).by_name(name)
        if user is None or not user.enabled or user.roles != slot.roles:
            raise VaultFormatError(tr("The roles in the key file do not match the database. Nothing was changed."))
        _upgrade_then_migrate(paths, conn, data_key, keyfile.vault_id, name, clock)
    except BaseException:
        conn.close()
        raise
    return _Opened(conn, unlocked, None)


def _upgrade_then_migrate(
    paths: VaultPaths, conn: Connection, data_key: bytes, vault_id: str, actor: str, clock: Clock
) -> None:
    """Write keys.json as version 2 first (it needs only the users table every schema has), so that
    migrations sealing to people's public keys find a signed list to take them from."""
    if MetaRepository(conn).get("vault_id") != vault_id:
        raise _other_vault()
    upgrade_key_file(paths, conn, data_key, actor, kdf_params_for_new_vault(), clock)
    anchor = keyfiles.load(paths.keyfile).admin_public_key  # the key this sign-in just made
    _check_database(conn, paths, vault_id, actor, clock, _signed_list_reader(paths, vault_id, anchor, data_key))


def _open_legacy_next(next_keyfile: KeyFile | LegacyKeyFile, vault_id: str, slot_id: str, private_key: bytes) -> bytes:
    """The data key of a staged version-1 key file (a version-1 re-key that was interrupted)."""
    if not isinstance(next_keyfile, LegacyKeyFile) or next_keyfile.vault_id != vault_id:
        raise _edited_next()
    if slot_id == RECOVERY_SLOT_ID:
        envelope, binding = next_keyfile.recovery.envelope, legacy_recovery_binding(vault_id)
    else:
        slot = next_keyfile.find(slot_id)
        if slot is None:
            raise CryptoError("no slot")
        envelope, binding = slot.sealed.envelope, legacy_user_binding(vault_id, slot_id, slot.roles)
    next_key = open_envelope(private_key, envelope, binding)
    if not next_keyfile.mac_valid(next_key):
        raise _edited_next()
    return next_key


def _record_sign_in(session: VaultSession, slot_id: str, action: AuditAction, admin_key: bytes | None) -> None:
    """Write queued failures and this sign-in to the audit log, then reset the delay.

    Before them, the vault is compared with what this computer remembers of it: going backwards is
    recorded (``vault.rollback_suspected``) and put on the session as a warning; afterwards the memory
    is raised to what the vault is now. An administrator's sign-in (``admin_key``) also signs the new
    audit head: a checkpoint in the same unit of work, then carried into keys.json.
    """
    pending = throttle.pending_failures(session.paths.throttle)
    vault_id = session.keyfile.vault_id
    names = {slot_id_for(vault_id, u.name): u.name for u in UserRepository(session.conn).all()}
    names[RECOVERY_SLOT] = RECOVERY_ACTOR
    with session.write():
        audit = AuditRepository(session.conn)
        warnings = rollback.rollback_warnings(session.conn, vault_id, session.keyfile.generation, audit.head())
        broken = carried_checkpoint_broken(session.conn, session.keyfile, session.data_key)
        if broken is not None:
            warnings.append(rollback.checkpoint_warning(broken.head, describe_checkpoint(broken)))
        for warning in warnings:
            session.log(AuditAction.ROLLBACK_SUSPECTED, "vault", vault_id, warning.details)
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
        checkpoint = None
        if admin_key is not None:
            checkpoint = checkpoint_head(
                session.conn, vault_id, admin_key, CheckpointReason.ADMIN_SIGN_IN, session.clock.now()
            )
        head = audit.head()
    session.warnings = tuple(w.message for w in warnings)
    rollback.remember(vault_id, session.keyfile.generation, head)
    existing = {s.slot_id for s in session.keyfile.slots} | {RECOVERY_SLOT}
    throttle.clear_after_success(session.paths.throttle, slot_id, len(pending), keep=existing)
    if checkpoint is not None and admin_key is not None:
        # After the commit, under the write lock again: keys.json never names a checkpoint the database
        # lacks. Best effort: the sign-in has succeeded, and the next one carries a later checkpoint.
        with contextlib.suppress(OSError), session.write(standalone=True):
            carried = carry_into_keyfile(session.paths, session.conn, vault_id, admin_key, session.data_key, checkpoint)
            if carried is not None:
                session.replace_keys(carried)


# --- the recovery key ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class RecoveryAccess:
    """Everything the recovery key opens: it stands in for the administrators and the supervisors."""

    paths: VaultPaths
    keyfile: KeyFile
    accounts: AccountList
    data_key: bytes
    admin_key: bytes
    supervisor_key: bytes | None
    conn: Connection


def _wrong_recovery_key() -> AuthenticationError:
    return AuthenticationError(tr("Wrong recovery key."))


def open_recovery(root: Path, recovery_key: str, clock: Clock = SYSTEM_CLOCK) -> RecoveryAccess:
    """Open the vault with the recovery key alone (for password resets), upgrading a version-1 key file."""
    paths = VaultPaths(root)
    keyfile = load_keyfile(paths)
    with throttle.one_attempt_at_a_time(paths.throttle):
        check_throttle(paths, RECOVERY_SLOT)
        try:
            normalized = normalize_recovery_key(recovery_key)
        except CryptoError:
            raise AuthenticationError(
                tr("That is not a recovery key: it has eight groups of five characters.")
            ) from None
        if isinstance(keyfile, LegacyKeyFile):
            opened = _open_legacy_recovery(paths, keyfile, normalized, clock)
        else:
            try:
                unlocked, bound_anchor = unlock_slot(keyfile, keyfile.recovery, normalized)
            except CryptoError:
                raise count_failure(
                    paths, RECOVERY_SLOT, SignInFailure.WRONG_RECOVERY_KEY, _wrong_recovery_key()
                ) from None
            try:
                conn = _open_slot_and_database(
                    paths, keyfile, keyfile.recovery, unlocked, bound_anchor, RECOVERY_ACTOR, clock
                )
            except AccountDisabledError:
                raise _edited() from None
            opened = _Opened(conn, unlocked, bound_anchor)
    try:
        admitted = _admit(
            paths,
            opened.conn,
            RECOVERY_SLOT_ID,
            opened.unlocked,
            opened.bound_anchor,
            normalized,
            RECOVERY_ACTOR,
            clock,
        )
    except BaseException:
        opened.conn.close()
        raise
    assert admitted.admin_key is not None  # _trust_problem refuses a recovery slot without it
    return RecoveryAccess(
        paths=paths,
        keyfile=admitted.keyfile,
        accounts=admitted.accounts,
        data_key=admitted.data_key,
        admin_key=admitted.admin_key,
        supervisor_key=admitted.supervisor_key,
        conn=opened.conn,
    )


def _open_legacy_recovery(paths: VaultPaths, keyfile: LegacyKeyFile, normalized: str, clock: Clock) -> _Opened:
    binding = legacy_recovery_binding(keyfile.vault_id)
    try:
        unlocked = unlock_private_key(keyfile.recovery.locked, normalized, [binding])
        data_key = open_envelope(unlocked.private_key, keyfile.recovery.envelope, binding)
    except CryptoError:
        raise count_failure(paths, RECOVERY_SLOT, SignInFailure.WRONG_RECOVERY_KEY, _wrong_recovery_key()) from None
    if not keyfile.mac_valid(data_key):
        raise _edited()

    def open_next(next_keyfile: KeyFile | LegacyKeyFile) -> bytes:
        return _open_legacy_next(next_keyfile, keyfile.vault_id, RECOVERY_SLOT_ID, unlocked.private_key)

    conn, data_key = _open_database(paths, data_key, open_next)
    try:
        _upgrade_then_migrate(paths, conn, data_key, keyfile.vault_id, RECOVERY_ACTOR, clock)
    except BaseException:
        conn.close()
        raise
    return _Opened(conn, unlocked, None)


def open_with_recovery_key(
    root: Path, recovery_key: str, clock: Clock = SYSTEM_CLOCK
) -> tuple[VaultPaths, KeyFile, bytes, Connection]:
    """The data key and an open database, from the recovery key alone."""
    opened = open_recovery(root, recovery_key, clock)
    return opened.paths, opened.keyfile, opened.data_key, opened.conn


# --- proving administrator rights without signing in (restores) -----------------------------------------


def prove_admin(
    keyfile: KeyFile | LegacyKeyFile, user_name: str, password: str, recovery_key: str
) -> tuple[bytes, str]:
    """The data key and the actor's name, when the credentials are an administrator's or the recovery key.

    Used where no database is open yet (a restore): the slot, the MAC and the signed account list are
    checked, not the ``users`` table. AuthenticationError for wrong credentials, PermissionDeniedError
    for someone who is not an administrator, VaultFormatError for a key file edited outside SafeCase.
    """
    if isinstance(keyfile, LegacyKeyFile):
        return _prove_admin_legacy(keyfile, user_name, password, recovery_key)
    if recovery_key:
        try:
            unlocked, bound = unlock_slot(keyfile, keyfile.recovery, normalize_recovery_key(recovery_key))
        except CryptoError:
            raise _wrong_recovery_key() from None
        slot, actor = keyfile.recovery, RECOVERY_ACTOR
    else:
        actor = normalize_user_name(user_name)
        found = keyfile.find(slot_id_for(keyfile.vault_id, actor))
        if found is None:
            raise _wrong_credentials()
        try:
            unlocked, bound = unlock_slot(keyfile, found, password)
        except CryptoError:
            raise _wrong_credentials() from None
        slot = found
    data_key, signed = _open_signed(keyfile, slot, unlocked.private_key)
    admin_key = _open_role_key(keyfile, slot, unlocked.private_key, PART_ADMIN)
    refusal = _trust_problem(keyfile, signed, slot, bound, admin_key, None)
    if refusal is not None:
        raise VaultFormatError(refusal.message)
    account = signed.accounts.account(slot.slot_id)
    if slot.slot_id != RECOVERY_SLOT_ID and (account is None or not account.enabled or Role.ADMIN not in account.roles):
        raise PermissionDeniedError(tr("Only an administrator of this vault can do this."))
    return data_key, actor


def _prove_admin_legacy(keyfile: LegacyKeyFile, user_name: str, password: str, recovery_key: str) -> tuple[bytes, str]:
    from safecase.crypto.keyslots import open_slot

    if recovery_key:
        try:
            data_key = open_slot(
                keyfile.recovery, normalize_recovery_key(recovery_key), legacy_recovery_binding(keyfile.vault_id)
            )
        except CryptoError:
            raise _wrong_recovery_key() from None
        actor = RECOVERY_ACTOR
    else:
        actor = normalize_user_name(user_name)
        slot_id = slot_id_for(keyfile.vault_id, actor)
        slot = keyfile.find(slot_id)
        if slot is None:
            raise _wrong_credentials()
        try:
            data_key = open_slot(slot.sealed, password, legacy_user_binding(keyfile.vault_id, slot_id, slot.roles))
        except CryptoError:
            raise _wrong_credentials() from None
        if Role.ADMIN not in slot.roles:
            raise PermissionDeniedError(tr("Only an administrator of this vault can do this."))
    if not keyfile.mac_valid(data_key):
        raise _edited()
    return data_key, actor


def find_user(conn: Connection, name: str) -> User:
    user = UserRepository(conn).by_name(normalize_user_name(name))
    if user is None:
        raise InputError(tr("There is no user named “{name}”.").format(name=name))
    return user
