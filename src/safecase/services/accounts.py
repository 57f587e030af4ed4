"""Accounts: add, disable, re-enable, change and reset passwords.

Only admins manage accounts. Disabling a user removes their key slot and re-keys the database, so a
saved copy of the old key file opens nothing written afterwards. The last enabled admin cannot be
disabled, and nobody can disable themselves, so a center never locks itself out.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from safecase.crypto.errors import CryptoError
from safecase.crypto.keyslots import new_data_key, open_slot, rewrap_slot
from safecase.domain.audit import AuditAction
from safecase.domain.errors import AuthenticationError, InputError
from safecase.domain.roles import Permission, Role, sorted_roles
from safecase.domain.users import User
from safecase.i18n import tr
from safecase.services.access import (
    check_new_user_name,
    find_user,
    new_user_slot,
    open_with_recovery_key,
)
from safecase.services.password_policy import require_acceptable
from safecase.services.session import VaultSession
from safecase.vault import keyfile as keyfiles
from safecase.vault.connection import rekey, transaction
from safecase.vault.keyfile import KeyFile, recovery_binding, slot_id_for, user_binding
from safecase.vault.repositories._time import now_utc
from safecase.vault.repositories.audit import AuditRepository
from safecase.vault.repositories.users import UserRepository


class AccountService:
    def __init__(self, session: VaultSession) -> None:
        self._session = session

    def list_users(self) -> list[User]:
        """Everyone with an account; admins and supervisors (who assign work) may list them."""
        if not (self._session.can(Permission.MANAGE_USERS) or self._session.can(Permission.VIEW_ALL_CASES)):
            self._session.require(Permission.MANAGE_USERS)
        return UserRepository(self._session.conn).all()

    def add_user(self, name: str, roles: frozenset[Role], password: str, display_name: str = "") -> User:
        session = self._session
        session.require(Permission.MANAGE_USERS)
        normalized = check_new_user_name(name)
        if not roles:
            raise InputError(tr("Give the new user at least one role."))
        users = UserRepository(session.conn)
        if users.by_name(normalized) is not None:
            raise InputError(tr("There is already a user named “{name}”.").format(name=normalized))
        display = display_name.strip() or name.strip()
        require_acceptable(password, normalized, display)
        slot = new_user_slot(session.keyfile.vault_id, normalized, roles, password, session.data_key)
        keyfile = session.keyfile.with_slot(slot)
        keyfile = replace(keyfile, disabled=keyfile.disabled - {slot.slot_id}).signed(session.data_key)
        with session.write():
            user = users.add(normalized, display, roles, now_utc())
            session.log(AuditAction.USER_ADDED, "user", normalized, {"roles": ",".join(sorted_roles(roles))})
            keyfiles.save(session.paths.keyfile, keyfile)
        session.replace_keys(keyfile)
        return user

    def disable_user(self, name: str) -> None:
        """Remove the user's slot and re-key the database under a fresh data key."""
        session = self._session
        session.require(Permission.MANAGE_USERS)
        users = UserRepository(session.conn)
        user = find_user(session.conn, name)
        if user.id == session.user.id:
            raise InputError(tr("You cannot disable your own account."))
        if not user.enabled:
            raise InputError(tr("“{name}” is already disabled.").format(name=user.name))
        if Role.ADMIN in user.roles and self._enabled_admins() <= 1:
            raise InputError(tr("“{name}” is the last administrator and cannot be disabled.").format(name=user.name))
        slot_id = slot_id_for(session.keyfile.vault_id, user.name)
        remaining = session.keyfile.without(slot_id)
        with session.write():
            users.set_enabled(user.id, False, now_utc())
            session.log(AuditAction.USER_DISABLED, "user", user.name)
        self._rekey(replace(remaining, disabled=remaining.disabled | {slot_id}))

    def enable_user(self, name: str, new_password: str) -> None:
        """Re-enable with a new password (the old slot is gone); the user should change it after."""
        session = self._session
        session.require(Permission.MANAGE_USERS)
        user = find_user(session.conn, name)
        if user.enabled:
            raise InputError(tr("“{name}” is already enabled.").format(name=user.name))
        require_acceptable(new_password, user.name, user.display_name)
        slot = new_user_slot(session.keyfile.vault_id, user.name, user.roles, new_password, session.data_key)
        keyfile = session.keyfile.with_slot(slot)
        keyfile = replace(keyfile, disabled=keyfile.disabled - {slot.slot_id}).signed(session.data_key)
        with session.write():
            UserRepository(session.conn).set_enabled(user.id, True, now_utc())
            session.log(AuditAction.USER_ENABLED, "user", user.name)
            keyfiles.save(session.paths.keyfile, keyfile)
        session.replace_keys(keyfile)

    def change_own_password(self, old_password: str, new_password: str) -> None:
        session = self._session
        slot_id = slot_id_for(session.keyfile.vault_id, session.user.name)
        slot = session.keyfile.find(slot_id)
        try:
            if slot is None:
                raise CryptoError("no slot")
            open_slot(slot.sealed, old_password, user_binding(session.keyfile.vault_id, slot_id, slot.roles))
        except CryptoError:
            raise AuthenticationError(tr("The current password is wrong.")) from None
        if old_password == new_password:
            raise InputError(tr("The new password must differ from the current one."))
        self._set_password(session.user, new_password, AuditAction.PASSWORD_CHANGED)

    def reset_password(self, name: str, new_password: str) -> None:
        """An admin sets a new password for someone who forgot theirs."""
        self._session.require(Permission.MANAGE_USERS)
        user = find_user(self._session.conn, name)
        if not user.enabled:
            raise InputError(tr("“{name}” is disabled; enable the account instead.").format(name=user.name))
        self._set_password(user, new_password, AuditAction.PASSWORD_RESET)

    def _set_password(self, user: User, new_password: str, action: AuditAction) -> None:
        session = self._session
        require_acceptable(new_password, user.name, user.display_name)
        slot = new_user_slot(session.keyfile.vault_id, user.name, user.roles, new_password, session.data_key)
        keyfile = session.keyfile.with_slot(slot).signed(session.data_key)
        with session.write():
            session.log(action, "user", user.name)
            keyfiles.save(session.paths.keyfile, keyfile)
        session.replace_keys(keyfile)

    def _enabled_admins(self) -> int:
        return sum(1 for u in UserRepository(self._session.conn).all() if u.enabled and Role.ADMIN in u.roles)

    def _rekey(self, keyfile: KeyFile) -> None:
        """Fresh data key: stage the new key file, re-encrypt the database, then promote the key file."""
        session = self._session
        data_key = new_data_key()
        vault_id = keyfile.vault_id
        rewrapped = replace(
            keyfile,
            generation=keyfile.generation + 1,
            user_slots=tuple(
                replace(s, sealed=rewrap_slot(s.sealed, data_key, user_binding(vault_id, s.slot_id, s.roles)))
                for s in keyfile.user_slots
            ),
            recovery=rewrap_slot(keyfile.recovery, data_key, recovery_binding(vault_id)),
        ).signed(data_key)
        keyfiles.stage_next(session.paths.keyfile, rewrapped)
        try:
            rekey(session.conn, data_key)
        except BaseException:
            keyfiles.discard_next(session.paths.keyfile)
            raise
        keyfiles.promote_next(session.paths.keyfile)
        session.replace_keys(rewrapped, data_key)
        session.audit(AuditAction.DATA_KEY_ROTATED, "vault", vault_id, {"generation": str(rewrapped.generation)})


def reset_password_with_recovery_key(root: Path, recovery_key: str, user_name: str, new_password: str) -> None:
    """The recovery key resets anyone's password, the admin's included, without signing in."""
    paths, keyfile, data_key, conn = open_with_recovery_key(root, recovery_key)
    try:
        user = find_user(conn, user_name)
        if not user.enabled:
            raise InputError(
                tr("“{name}” is disabled; an administrator must enable the account.").format(name=user.name)
            )
        require_acceptable(new_password, user.name, user.display_name)
        slot = new_user_slot(keyfile.vault_id, user.name, user.roles, new_password, data_key)
        updated = keyfile.with_slot(slot).signed(data_key)
        with transaction(conn):
            audit = AuditRepository(conn)
            audit.append(now_utc(), "recovery-key", AuditAction.SIGN_IN_RECOVERY.value, "user", user.name)
            audit.append(now_utc(), "recovery-key", AuditAction.PASSWORD_RESET.value, "user", user.name)
            keyfiles.save(paths.keyfile, updated)
    finally:
        conn.close()
