"""Accounts: add, disable, re-enable, change roles, change and reset passwords.

Only admins manage accounts, and every change is signed: the account list in ``keys.json`` is signed
with the administrators' key, which only an administrator's session (or the recovery key) holds.
Disabling a user re-keys the database and hands the new data key only to the slots the signed list
names for enabled accounts and to the recovery slot it names, never to whatever else is in the file.
When an administrator or a supervisor loses that role (or the account), the administrators' or the
supervisors' key is replaced, so the key they knew signs and opens nothing new. The last enabled
admin cannot be disabled or demoted, and nobody can disable themselves, so a center never locks
itself out.

Another process (the CLI beside the app) may change ``keys.json`` while a session is open, so every
change is made to the key file as it is on disk, read under the database's write lock (which every
writer of ``keys.json`` holds), never to the copy the session read at sign-in.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, replace
from pathlib import Path

from safecase.crypto.errors import CryptoError
from safecase.crypto.keyslots import (
    LockedKey,
    lock_private_key,
    lock_private_key_with,
    new_data_key,
    new_key_pair,
    public_key_of,
    unlock_with_key,
)
from safecase.crypto.recovery import generate_recovery_key, recovery_fingerprint
from safecase.crypto.signing import new_signing_key, verifying_key_of
from safecase.domain.audit import AuditAction, CheckpointReason, SignInFailure
from safecase.domain.errors import AuthenticationError, InputError, SafeCaseError, VaultFormatError
from safecase.domain.roles import Permission, Role, sorted_roles
from safecase.domain.users import User
from safecase.i18n import tr
from safecase.services.access import (
    RECOVERY_ACTOR,
    check_new_user_name,
    check_throttle,
    count_failure,
    find_user,
    open_recovery,
    unlock_slot,
)
from safecase.services.checkpoints import checkpoint_head
from safecase.services.clock import SYSTEM_CLOCK, Clock
from safecase.services.password_policy import require_acceptable
from safecase.services.session import VaultSession
from safecase.services.trusted_keys import changed_outside, trusted_keys
from safecase.vault import keyfile as keyfiles
from safecase.vault import throttle
from safecase.vault.case_sealing import drop_stale_seals
from safecase.vault.connection import Connection, DatabaseError, opens_with, rekey
from safecase.vault.keyfile import (
    KIND_USER,
    PART_ADMIN,
    PART_DATA,
    PART_SUPERVISOR,
    RECOVERY_SLOT_ID,
    Account,
    AccountList,
    KeyFile,
    SignedAccounts,
    Slot,
    kind_of,
    lock_binding,
    pad_with_decoys,
    refresh_decoy,
    seal_keys,
    seal_part,
    sign_accounts,
    slot_id_for,
    with_accounts,
)
from safecase.vault.paths import VaultPaths
from safecase.vault.repositories.audit import AuditRepository
from safecase.vault.repositories.users import UserRepository
from safecase.vault.unit_of_work import UnitOfWorkError, transaction


@dataclass(frozen=True)
class _Keys:
    """What a change to the accounts is made with: the session's or the recovery key's keys."""

    data_key: bytes
    admin_key: bytes
    supervisor_key: bytes | None


def _publish(
    conn: Connection,
    paths: VaultPaths,
    keyfile: KeyFile,
    accounts: AccountList,
    waiting: frozenset[str],
    keys: _Keys,
) -> KeyFile:
    """Pad with decoys, sign the list with the administrators' key, seal it into keys.json and save.

    Called in the unit of work of the account change; seals of case keys that the new list no longer
    backs (someone disabled, no longer a supervisor, or with a new key pair) are removed in it too.
    """
    if (
        verifying_key_of(keys.admin_key) != keyfile.admin_public_key
        or accounts.admin_public_key != keyfile.admin_public_key
    ):
        raise changed_outside()  # the administrators' key was replaced by another session meanwhile
    drop_stale_seals(conn, accounts)
    keyfile, accounts = pad_with_decoys(keyfile, accounts)
    keyfile = with_accounts(keyfile, sign_accounts(accounts, keys.admin_key, waiting), keys.data_key)
    keyfiles.save(paths.keyfile, keyfile)
    return keyfile


def _new_lock(keyfile: KeyFile, slot_id: str, secret: str) -> tuple[LockedKey, bytes]:
    """A fresh key pair locked under ``secret`` with the vault's Argon2id cost; returns it and the public key."""
    private_key, public_key = new_key_pair()
    binding = lock_binding(keyfile.vault_id, slot_id, kind_of(slot_id), keyfile.admin_public_key)
    return lock_private_key(secret, private_key, binding, keyfile.kdf), public_key


@dataclass(frozen=True)
class _Placed:
    keyfile: KeyFile
    accounts: AccountList
    waiting: frozenset[str]
    new_supervisor_key: bytes | None = None


def _place_slot(
    keyfile: KeyFile,
    signed: SignedAccounts,
    locked: LockedKey,
    account: Account,
    keys: _Keys,
) -> _Placed:
    """Put a new slot for ``account`` into the key file and the list, with the keys its roles call for."""
    sealed = seal_keys(
        keyfile.vault_id,
        account.slot_id,
        locked.public_key,
        data_key=keys.data_key,
        admin_key=keys.admin_key if Role.ADMIN in account.roles else None,
        supervisor_key=None,
    )
    slot = Slot(account.slot_id, locked, sealed)
    keyfile = keyfile.with_slot(slot)
    accounts = signed.accounts.with_account(replace(account, public_key=locked.public_key))
    waiting = signed.waiting - {account.slot_id}
    if Role.SUPERVISOR not in account.roles:
        return _Placed(keyfile, accounts, waiting)
    return _give_supervisor_key(keyfile, accounts, waiting, slot, keys)


def _give_supervisor_key(
    keyfile: KeyFile, accounts: AccountList, waiting: frozenset[str], slot: Slot, keys: _Keys
) -> _Placed:
    """Let a new supervisor's slot get the supervisors' key.

    Administrators do not hold it. When this session does, it is sealed at once; when another enabled
    supervisor holds it, the slot waits for that supervisor's (or the recovery key's) next sign-in;
    when no supervisor holds it, the supervisors' key is replaced by a new one sealed to every enabled
    supervisor and the recovery slot (see :func:`_rotate_supervisor_key` for what that means for case
    keys).
    """
    if keys.supervisor_key is not None:
        envelope = seal_part(keyfile.vault_id, slot.slot_id, slot.public_key, PART_SUPERVISOR, keys.supervisor_key)
        keyfile = keyfile.with_slot(replace(slot, sealed_keys=slot.sealed_keys.with_part(PART_SUPERVISOR, envelope)))
        return _Placed(keyfile, accounts, waiting - {slot.slot_id})
    holders = [a for a in accounts.holders(Role.SUPERVISOR) if a.slot_id != slot.slot_id and a.slot_id not in waiting]
    if holders:
        return _Placed(keyfile, accounts, waiting | {slot.slot_id})
    keyfile, accounts, waiting, new_key = _rotate_supervisor_key(keyfile, accounts, waiting)
    return _Placed(keyfile, accounts, waiting, new_key)


def _listed_slots(keyfile: KeyFile, accounts: AccountList) -> list[tuple[Slot, Account]]:
    """Slots the signed list names for an account, with the public key it signed."""
    pairs = []
    for slot in keyfile.slots:
        account = accounts.account(slot.slot_id)
        if account is not None and account.public_key == slot.public_key:
            pairs.append((slot, account))
    return pairs


def _recovery_listed(keyfile: KeyFile, accounts: AccountList) -> bool:
    return keyfile.recovery.public_key == accounts.recovery_public_key


def _reseal_part(keyfile: KeyFile, accounts: AccountList, part: str, holders: set[str], key: bytes) -> KeyFile:
    """Seal ``key`` into ``part`` of every listed slot in ``holders`` (and the signed recovery slot);
    nothing into that part of every other listed slot; fresh random bytes into the decoys'.

    Every slot's envelope changes, so comparing two versions of keys.json does not tell who holds it.
    """
    slots = []
    listed = dict((slot.slot_id, account) for slot, account in _listed_slots(keyfile, accounts))
    for slot in keyfile.slots:
        if slot.slot_id in listed:
            value = key if slot.slot_id in holders else None
            envelope = seal_part(keyfile.vault_id, slot.slot_id, slot.public_key, part, value)
            slots.append(replace(slot, sealed_keys=slot.sealed_keys.with_part(part, envelope)))
        elif accounts.decoy(slot.slot_id) is not None:
            slots.append(refresh_decoy(slot))
        else:
            slots.append(slot)  # not on the list: left for verify to name and the next re-key to drop
    recovery = keyfile.recovery
    if _recovery_listed(keyfile, accounts):
        envelope = seal_part(keyfile.vault_id, RECOVERY_SLOT_ID, recovery.public_key, part, key)
        recovery = replace(recovery, sealed_keys=recovery.sealed_keys.with_part(part, envelope))
    return replace(keyfile, slots=tuple(slots), recovery=recovery)


def _rotate_admin_key(keyfile: KeyFile, accounts: AccountList, admin_key: bytes) -> tuple[KeyFile, AccountList, bytes]:
    """Replace the administrators' key: someone who lost the role (or the account) knew the old one.

    The new key goes to the enabled administrators on ``accounts`` and the recovery slot; the rotation
    is signed with the old key, so slots locked under it still open (and are re-locked under the new
    key at their owner's next sign-in).
    """
    new_key = new_signing_key()
    new_public = verifying_key_of(new_key)
    step = keyfiles.rotation(keyfile.vault_id, admin_key, keyfile.admin_public_key, new_public)
    holders = {a.slot_id for a in accounts.holders(Role.ADMIN)}
    keyfile = _reseal_part(keyfile, accounts, PART_ADMIN, holders, new_key)
    keyfile = replace(keyfile, admin_public_key=new_public, admin_key_history=(*keyfile.admin_key_history, step))
    return keyfile, replace(accounts, admin_public_key=new_public), new_key


def _rotate_supervisor_key(
    keyfile: KeyFile, accounts: AccountList, waiting: frozenset[str]
) -> tuple[KeyFile, AccountList, frozenset[str], bytes]:
    """Replace the supervisors' key: someone who lost the role (or the account) knew the old one.

    The new key pair is sealed to the enabled supervisors on ``accounts`` and to the recovery slot.
    Case keys (built later) sealed to the supervisors' public key must then be resealed to the new one,
    by someone who holds the old one: until then the new key does not open them.
    """
    new_key, new_public = new_key_pair()
    holders = {a.slot_id for a in accounts.holders(Role.SUPERVISOR)}
    keyfile = _reseal_part(keyfile, accounts, PART_SUPERVISOR, holders, new_key)
    remaining = waiting - holders - {RECOVERY_SLOT_ID}
    return keyfile, replace(accounts, supervisor_public_key=new_public), frozenset(remaining), new_key


@dataclass(frozen=True)
class NewRecoveryKey:
    key: str
    fingerprint: str


class AccountService:
    def __init__(self, session: VaultSession) -> None:
        self._session = session

    def list_users(self) -> list[User]:
        """Everyone with an account; admins and supervisors (who assign work) may list them."""
        if not (self._session.can(Permission.MANAGE_USERS) or self._session.can(Permission.VIEW_ALL_CASES)):
            self._session.require(Permission.MANAGE_USERS)
        return UserRepository(self._session.conn).all()

    def _keys(self) -> _Keys:
        session = self._session
        return _Keys(session.data_key, session.admin_key, session.supervisor_key)

    def _trusted(self) -> tuple[KeyFile, SignedAccounts]:
        session = self._session
        return trusted_keys(session.paths, session.keyfile.vault_id, session.keyfile.admin_public_key, session.data_key)

    def _admin_keys(self) -> _Keys:
        """The session's keys, refusing a session that is not an administrator's."""
        self._session.require(Permission.MANAGE_USERS)
        return self._keys()

    def add_user(self, name: str, roles: frozenset[Role], password: str, display_name: str = "") -> User:
        session = self._session
        keys = self._admin_keys()
        normalized = check_new_user_name(name)
        if not roles:
            raise InputError(tr("Give the new user at least one role."))
        users = UserRepository(session.conn)
        if users.by_name(normalized) is not None:
            raise InputError(tr("There is already a user named “{name}”.").format(name=normalized))
        display = display_name.strip() or name.strip()
        require_acceptable(password, normalized, display)
        slot_id = slot_id_for(session.keyfile.vault_id, normalized)
        locked, public_key = _new_lock(session.keyfile, slot_id, password)
        with session.write(standalone=True):
            user = users.add(normalized, display, roles, session.clock.now())
            session.log(AuditAction.USER_ADDED, "user", normalized, {"roles": ",".join(sorted_roles(roles))})
            keyfile, signed = self._trusted()
            self._check_lock_anchor(keyfile, locked)
            # The administrator chose this password: its owner is asked to choose their own at sign-in.
            account = Account(slot_id, normalized, public_key, roles, True, admin_set_salt=locked.salt)
            placed = _place_slot(keyfile, signed, locked, account, keys)
            keyfile = _publish(session.conn, session.paths, placed.keyfile, placed.accounts, placed.waiting, keys)
        session.replace_keys(keyfile, supervisor_key=self._own_supervisor_key(placed))
        return user

    def _own_supervisor_key(self, placed: _Placed) -> bytes | None:
        """A supervisors' key replaced while placing a slot, if this session's person is a supervisor."""
        return placed.new_supervisor_key if Role.SUPERVISOR in self._session.user.roles else None

    def _check_lock_anchor(self, keyfile: KeyFile, locked: LockedKey) -> None:
        """A lock made before the write lock was taken must still name the current administrators' key."""
        if keyfile.admin_public_key != self._session.keyfile.admin_public_key or keyfile.kdf != locked.params:
            raise changed_outside()

    def disable_user(self, name: str, *, new_recovery_key: bool = False) -> NewRecoveryKey | None:
        """Take the user's keys away and re-key the database under a fresh data key.

        In the transaction that marks the user disabled, the signed list marks the account disabled,
        their slot's envelopes are replaced by ones that hold nothing (so the right password is told
        "disabled"), and the administrators' or supervisors' key is replaced if they held it. The
        re-key follows; when it fails (a busy or full disk), the key file already lets nobody in under
        that name, the list says a re-key is due, and disabling the user again finishes it.

        With ``new_recovery_key`` (required when the recovery slot in keys.json is not the one the
        administrators signed) the recovery slot is replaced too; the new key is returned, to be shown
        once and written down.
        """
        session = self._session
        keys = self._admin_keys()
        users = UserRepository(session.conn)
        user = find_user(session.conn, name)
        if user.id == session.user.id:
            raise InputError(tr("You cannot disable your own account."))
        slot_id = slot_id_for(session.keyfile.vault_id, user.name)
        keyfile, signed = self._trusted()
        if not new_recovery_key and not _recovery_listed(keyfile, signed.accounts):
            raise VaultFormatError(
                tr(
                    "The recovery slot in keys.json is not the one the administrators signed, so it must not get "
                    "the new key. Disable with a new recovery key, or restore keys.json from a backup. Nothing "
                    "was changed."
                )
            )
        account = signed.accounts.account(slot_id)
        listed_enabled = account is not None and account.enabled
        if not user.enabled and not listed_enabled and not signed.accounts.rekey_due:
            raise InputError(tr("“{name}” is already disabled.").format(name=user.name))
        if user.enabled or listed_enabled:
            if Role.ADMIN in user.roles and self._enabled_admins() <= 1:
                raise InputError(
                    tr("“{name}” is the last administrator and cannot be disabled.").format(name=user.name)
                )
            with session.write(standalone=True):
                users.set_enabled(user.id, False, session.clock.now())
                session.log(AuditAction.USER_DISABLED, "user", user.name)
                keyfile, signed = self._trusted()
                keyfile, new_admin, new_supervisor = self._take_keys_away(keyfile, signed, slot_id, None, keys)
            session.replace_keys(keyfile, admin_key=new_admin, supervisor_key=new_supervisor)
        recovery: NewRecoveryKey | None = None
        new_lock: LockedKey | None = None
        if new_recovery_key:
            key = generate_recovery_key()
            new_lock, public_key = _new_lock(session.keyfile, RECOVERY_SLOT_ID, key)
            recovery = NewRecoveryKey(key, recovery_fingerprint(public_key))
        try:
            generation, dropped = self._rekey(new_lock)
        except Exception as exc:
            reason = getattr(exc, "message", None) or getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
            raise SafeCaseError(
                tr(
                    "“{name}” can no longer sign in, but the database could not be re-encrypted under a new key "
                    "({reason}). Disable “{name}” again to finish."
                ).format(name=user.name, reason=reason)
            ) from exc
        details = {"generation": str(generation)}
        if dropped:
            details["unlisted_slots_removed"] = ",".join(dropped)
        if recovery is not None:
            details["recovery_key"] = recovery.fingerprint
        session.audit(AuditAction.DATA_KEY_ROTATED, "vault", session.keyfile.vault_id, details)
        return recovery

    def _take_keys_away(
        self,
        keyfile: KeyFile,
        signed: SignedAccounts,
        slot_id: str,
        roles: frozenset[Role] | None,
        keys: _Keys,
    ) -> tuple[KeyFile, bytes | None, bytes | None]:
        """Disable the account (``roles`` None) or give it ``roles``; replace role keys it loses; publish.

        Returns the key file and the new administrators' and supervisors' keys (None when kept).
        """
        session = self._session
        accounts = signed.accounts
        waiting = signed.waiting
        account = accounts.account(slot_id)
        new_admin: bytes | None = None
        new_supervisor: bytes | None = None
        if account is None:
            return _publish(session.conn, session.paths, keyfile, accounts, waiting, keys), None, None
        old_roles = account.roles if account.enabled else frozenset()
        updated = replace(account, enabled=False) if roles is None else replace(account, roles=roles)
        accounts = accounts.with_account(updated)
        if roles is None:
            accounts = replace(accounts, rekey_due=True)
            waiting = waiting - {slot_id}
        new_roles = updated.roles if updated.enabled else frozenset()
        slot = keyfile.find(slot_id)
        if slot is not None and slot.public_key == account.public_key:
            if roles is None:
                nothing = seal_keys(
                    keyfile.vault_id, slot_id, slot.public_key, data_key=None, admin_key=None, supervisor_key=None
                )
                keyfile = keyfile.with_slot(replace(slot, sealed_keys=nothing))
            if Role.ADMIN in new_roles - old_roles:
                envelope = seal_part(keyfile.vault_id, slot_id, slot.public_key, PART_ADMIN, keys.admin_key)
                slot = replace(slot, sealed_keys=slot.sealed_keys.with_part(PART_ADMIN, envelope))
                keyfile = keyfile.with_slot(slot)
            if Role.SUPERVISOR in new_roles - old_roles:
                placed = _give_supervisor_key(keyfile, accounts, waiting, slot, keys)
                keyfile, accounts, waiting = placed.keyfile, placed.accounts, placed.waiting
                new_supervisor = placed.new_supervisor_key
        admin_key = keys.admin_key
        if Role.ADMIN in old_roles - new_roles:
            keyfile, accounts, admin_key = _rotate_admin_key(keyfile, accounts, keys.admin_key)
            new_admin = admin_key
            keyfile = self._relock_own_slot(keyfile)
        if Role.SUPERVISOR in old_roles - new_roles:
            keyfile, accounts, waiting, new_supervisor = _rotate_supervisor_key(keyfile, accounts, waiting)
        # This session keeps a new supervisors' key only if its own person is a supervisor.
        if Role.SUPERVISOR not in session.user.roles:
            new_supervisor = None
        keys = replace(keys, admin_key=admin_key)
        return _publish(session.conn, session.paths, keyfile, accounts, waiting, keys), new_admin, new_supervisor

    def _relock_own_slot(self, keyfile: KeyFile) -> KeyFile:
        """Lock this administrator's own slot under the new administrators' key right away.

        Everyone else's slot is re-locked at their next sign-in; until then it also accepts the old key
        (through the signed rotation), which the person who lost the role knew.
        """
        session = self._session
        own = session.own_slot
        slot = keyfile.find(slot_id_for(keyfile.vault_id, session.user.name))
        if own is None or slot is None or slot.public_key != public_key_of(own.private_key):
            return keyfile
        bindings = [lock_binding(keyfile.vault_id, slot.slot_id, KIND_USER, a) for a in keyfile.anchors()]
        try:
            unlock_with_key(slot.locked, own.password_key, bindings)  # the lock is still the one signed in with
        except CryptoError:
            return keyfile
        locked = lock_private_key_with(
            own.password_key, slot.locked.salt, own.private_key, bindings[0], slot.locked.params
        )
        return keyfile.with_slot(replace(slot, locked=locked))

    def set_roles(self, name: str, roles: frozenset[Role]) -> None:
        """Give a user other roles. Losing the administrator or supervisor role replaces that key."""
        session = self._session
        keys = self._admin_keys()
        user = find_user(session.conn, name)
        if not roles:
            raise InputError(tr("Give the user at least one role."))
        if user.roles == roles:
            return
        if Role.ADMIN in user.roles and Role.ADMIN not in roles:
            if user.id == session.user.id:
                raise InputError(tr("You cannot remove your own administrator role."))
            if user.enabled and self._enabled_admins() <= 1:
                raise InputError(
                    tr("“{name}” is the last administrator and must keep that role.").format(name=user.name)
                )
        slot_id = slot_id_for(session.keyfile.vault_id, user.name)
        with session.write(standalone=True):
            UserRepository(session.conn).set_roles(user.id, roles)
            session.log(
                AuditAction.USER_ROLES_CHANGED,
                "user",
                user.name,
                {"from": ",".join(sorted_roles(user.roles)), "to": ",".join(sorted_roles(roles))},
            )
            keyfile, signed = self._trusted()
            if signed.accounts.account(slot_id) is None:
                raise changed_outside()
            keyfile, new_admin, new_supervisor = self._take_keys_away(keyfile, signed, slot_id, roles, keys)
        session.replace_keys(keyfile, admin_key=new_admin, supervisor_key=new_supervisor)

    def enable_user(self, name: str, new_password: str) -> None:
        """Re-enable with a new password (a new key pair); the user should change it after."""
        session = self._session
        keys = self._admin_keys()
        user = find_user(session.conn, name)
        if user.enabled:
            raise InputError(tr("“{name}” is already enabled.").format(name=user.name))
        require_acceptable(new_password, user.name, user.display_name)
        self._new_slot_for(user, new_password, keys, enable=True)

    def reset_password(self, name: str, new_password: str) -> None:
        """An admin sets a new password for someone who forgot theirs (a new key pair)."""
        keys = self._admin_keys()
        user = find_user(self._session.conn, name)
        if not user.enabled:
            raise InputError(tr("“{name}” is disabled; enable the account instead.").format(name=user.name))
        require_acceptable(new_password, user.name, user.display_name)
        self._new_slot_for(user, new_password, keys, enable=False)

    def _new_slot_for(self, user: User, password: str, keys: _Keys, *, enable: bool) -> None:
        session = self._session
        slot_id = slot_id_for(session.keyfile.vault_id, user.name)
        locked, public_key = _new_lock(session.keyfile, slot_id, password)
        with session.write(standalone=True):
            if enable:
                UserRepository(session.conn).set_enabled(user.id, True, session.clock.now())
                session.log(AuditAction.USER_ENABLED, "user", user.name)
            else:
                session.log(AuditAction.PASSWORD_RESET, "user", user.name)
            keyfile, signed = self._trusted()
            self._check_lock_anchor(keyfile, locked)
            listed = signed.accounts.account(slot_id)
            roles = listed.roles if listed is not None else user.roles
            account = Account(slot_id, user.name, public_key, roles, True, admin_set_salt=locked.salt)
            placed = _place_slot(keyfile, signed, locked, account, keys)
            keyfile = _publish(session.conn, session.paths, placed.keyfile, placed.accounts, placed.waiting, keys)
        session.replace_keys(keyfile, supervisor_key=self._own_supervisor_key(placed))

    def password_set_by_admin(self) -> bool:
        """Whether this person still signs in with the password an administrator chose for them (a new
        account, a reset, a re-enable): they should choose their own (:meth:`change_own_password`).

        The mark is in the account list the administrators signed, so its owner cannot remove it; it
        lapses once they have locked their slot under a password of their own.
        """
        session = self._session
        keyfile, signed = self._trusted()
        slot_id = slot_id_for(keyfile.vault_id, session.user.name)
        account, slot = signed.accounts.account(slot_id), keyfile.find(slot_id)
        return account is not None and slot is not None and account.password_set_by_admin(slot)

    def change_own_password(self, old_password: str, new_password: str) -> None:
        """Needs the current password, checked against the key file on disk and throttled like a sign-in.

        The slot keeps its key pair (the signed list names its public key, and only an administrator can
        sign a new one): its private key is locked again under the new password. Someone who copied
        keys.json and learned the old password can still unlock the old copy; after a suspected leak,
        an administrator's reset (a new key pair) is the stronger cure.
        """
        session = self._session
        vault_id = session.keyfile.vault_id
        slot_id = slot_id_for(vault_id, session.user.name)
        check_throttle(session.paths, slot_id)
        keyfile, _ = self._trusted()
        slot = keyfile.find(slot_id)
        try:
            if slot is None:
                raise CryptoError("no slot")
            unlocked, _ = unlock_slot(keyfile, slot, old_password)
        except CryptoError:
            raise count_failure(
                session.paths,
                slot_id,
                SignInFailure.WRONG_CURRENT_PASSWORD,
                AuthenticationError(tr("The current password is wrong.")),
            ) from None
        throttle.clear_after_success(session.paths.throttle, slot_id, 0)
        if old_password == new_password:
            raise InputError(tr("The new password must differ from the current one."))
        require_acceptable(new_password, session.user.name, session.user.display_name)
        binding = lock_binding(vault_id, slot_id, KIND_USER, keyfile.admin_public_key)
        locked = lock_private_key(new_password, unlocked.private_key, binding, keyfile.kdf)
        with session.write(standalone=True):
            session.log(AuditAction.PASSWORD_CHANGED, "user", session.user.name)
            current, _ = self._trusted()
            current_slot = current.find(slot_id)
            if current_slot is None or current_slot.public_key != locked.public_key:
                raise changed_outside()
            self._check_lock_anchor(current, locked)
            current = current.with_slot(replace(current_slot, locked=locked)).signed(session.data_key)
            keyfiles.save(session.paths.keyfile, current)
        session.replace_keys(current)

    def _enabled_admins(self) -> int:
        return sum(1 for u in UserRepository(self._session.conn).all() if u.enabled and Role.ADMIN in u.roles)

    def _rekey(self, new_recovery: LockedKey | None) -> tuple[int, list[str]]:
        """Fresh data key: stage the new key file, re-encrypt the database, then promote the key file.

        The new data key is sealed only to slots the signed list names for enabled accounts (with the
        public key it signed) and to the signed recovery slot (or ``new_recovery``). Anything else in
        the file gets nothing and is dropped: a tombstone of a disabled account is kept (re-sealed to
        hold nothing), decoys get fresh random bytes.

        The database's write lock is held from reading ``keys.json`` until the re-encrypted pages are
        committed, so no other writer, re-key or sign-in (which discards stale staged key files under
        the same lock) can come in between. A failed re-key leaves the database under the old key, the
        staged file removed and this session reopened under the old key (the connection that tried is
        not trusted again). A process killed after the commit leaves ``keys.json.next`` for the next
        sign-in to promote. Returns the new generation and the ids of the slots dropped.
        """
        session = self._session
        paths = session.paths
        old_key = session.data_key
        data_key = new_data_key()
        conn = session.conn
        staged = locked = False
        if session.unit_of_work.depth:
            raise UnitOfWorkError("re-keying commits by itself and cannot run inside a unit of work")
        try:
            # Through the unit of work, so its depth and thread guard show the lock is held; the
            # re-key commits the transaction itself.
            with session.unit_of_work.exclusive():
                locked = True
                keyfile, signed = self._trusted()
                keys = replace(self._keys(), data_key=data_key)
                if new_recovery is not None:
                    self._check_lock_anchor(keyfile, new_recovery)
                rekeyed, dropped = _rewrap_for(keyfile, signed, keys, new_recovery)
                keyfiles.stage_next(paths.keyfile, rekeyed)
                staged = True
                rekey(conn, data_key)
        except BaseException:
            if locked:  # a busy database (no lock taken) changed nothing and keeps its connection
                _roll_back(conn, paths, old_key, staged, session)
            raise
        keyfiles.promote_staged(paths.keyfile, data_key)
        session.replace_keys(rekeyed, data_key)
        return rekeyed.generation, dropped


def _roll_back(conn: Connection, paths: VaultPaths, old_key: bytes, staged: bool, session: VaultSession) -> None:
    if conn.in_transaction:
        with contextlib.suppress(DatabaseError, MemoryError):
            conn.execute("ROLLBACK")
    with contextlib.suppress(Exception):
        if opens_with(paths.db, old_key):
            if staged:
                keyfiles.discard_next(paths.keyfile)
            session.replace_keys(session.keyfile, old_key)


def _rewrap_for(
    keyfile: KeyFile, signed: SignedAccounts, keys: _Keys, new_recovery: LockedKey | None
) -> tuple[KeyFile, list[str]]:
    """The key file of the next generation, the new data key only in the slots the list allows, signed;
    and the ids of the slots dropped."""
    if verifying_key_of(keys.admin_key) != keyfile.admin_public_key:
        raise changed_outside()  # the administrators' key was replaced by another session meanwhile
    accounts = signed.accounts
    waiting = signed.waiting
    vault_id = keyfile.vault_id
    generation = keyfile.generation + 1
    slots: list[Slot] = []
    dropped: list[str] = []
    listed = {slot.slot_id: account for slot, account in _listed_slots(keyfile, accounts)}
    for slot in keyfile.slots:
        account = listed.get(slot.slot_id)
        if account is not None:
            envelope = seal_part(
                vault_id, slot.slot_id, slot.public_key, PART_DATA, keys.data_key if account.enabled else None
            )
            slots.append(replace(slot, sealed_keys=slot.sealed_keys.with_part(PART_DATA, envelope)))
        elif (decoy := accounts.decoy(slot.slot_id)) is not None and decoy.public_key == slot.public_key:
            slots.append(keyfiles.refresh_decoy(slot))
        else:
            dropped.append(slot.slot_id)
    if new_recovery is not None:
        recovery = Slot(
            RECOVERY_SLOT_ID,
            new_recovery,
            seal_keys(
                vault_id,
                RECOVERY_SLOT_ID,
                new_recovery.public_key,
                data_key=keys.data_key,
                admin_key=keys.admin_key,
                supervisor_key=keys.supervisor_key,
            ),
        )
        accounts = replace(accounts, recovery_public_key=new_recovery.public_key)
        waiting = waiting - {RECOVERY_SLOT_ID}
        if keys.supervisor_key is None:
            waiting = waiting | {RECOVERY_SLOT_ID}
    elif _recovery_listed(keyfile, accounts):
        envelope = seal_part(vault_id, RECOVERY_SLOT_ID, keyfile.recovery.public_key, PART_DATA, keys.data_key)
        recovery = replace(keyfile.recovery, sealed_keys=keyfile.recovery.sealed_keys.with_part(PART_DATA, envelope))
    else:
        raise VaultFormatError(tr("The recovery slot in keys.json is not the one the administrators signed."))
    rekeyed = replace(keyfile, generation=generation, slots=tuple(slots), recovery=recovery)
    accounts = replace(accounts, generation=generation, rekey_due=False)
    rekeyed, accounts = pad_with_decoys(rekeyed, accounts)
    rekeyed = with_accounts(rekeyed, sign_accounts(accounts, keys.admin_key, waiting), keys.data_key)
    return rekeyed, dropped


def reset_password_with_recovery_key(
    root: Path, recovery_key: str, user_name: str, new_password: str, *, clock: Clock = SYSTEM_CLOCK
) -> None:
    """The recovery key resets anyone's password, the admin's included, without signing in."""
    opened = open_recovery(root, recovery_key)
    conn = opened.conn
    try:
        user = find_user(conn, user_name)
        if not user.enabled:
            raise InputError(
                tr("“{name}” is disabled; an administrator must enable the account.").format(name=user.name)
            )
        require_acceptable(new_password, user.name, user.display_name)
        slot_id = slot_id_for(opened.keyfile.vault_id, user.name)
        locked, public_key = _new_lock(opened.keyfile, slot_id, new_password)
        keys = _Keys(opened.data_key, opened.admin_key, opened.supervisor_key)
        with transaction(conn):
            audit = AuditRepository(conn)
            now = clock.now()
            audit.append(now, RECOVERY_ACTOR, AuditAction.SIGN_IN_RECOVERY.value, "user", user.name)
            audit.append(now, RECOVERY_ACTOR, AuditAction.PASSWORD_RESET.value, "user", user.name)
            checkpoint_head(conn, opened.keyfile.vault_id, opened.admin_key, CheckpointReason.RECOVERY_KEY, now)
            # Re-read under the write lock: another process may have changed keys.json meanwhile.
            try:
                keyfile, signed = trusted_keys(
                    opened.paths, opened.keyfile.vault_id, opened.keyfile.admin_public_key, opened.data_key
                )
            except VaultFormatError:
                raise VaultFormatError(
                    tr("The key file (keys.json) changed while the password was being reset. Nothing was changed.")
                ) from None
            if keyfile.admin_public_key != opened.keyfile.admin_public_key:
                raise VaultFormatError(
                    tr("The key file (keys.json) changed while the password was being reset. Nothing was changed.")
                )
            listed = signed.accounts.account(slot_id)
            roles = listed.roles if listed is not None else user.roles
            account = Account(slot_id, user.name, public_key, roles, True)
            placed = _place_slot(keyfile, signed, locked, account, keys)
            _publish(conn, opened.paths, placed.keyfile, placed.accounts, placed.waiting, keys)
    finally:
        conn.close()
