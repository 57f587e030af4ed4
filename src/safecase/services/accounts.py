"""Accounts: add, disable, re-enable, change and reset passwords.

Only admins manage accounts. Disabling a user removes their key slot and re-keys the database, so a
saved copy of the old key file opens nothing written afterwards. The last enabled admin cannot be
disabled, and nobody can disable themselves, so a center never locks itself out.

Another process (the CLI beside the app) may change ``keys.json`` while a session is open, so every
change is made to the key file as it is on disk, read under the database's write lock (which every
writer of ``keys.json`` holds), never to the copy the session read at sign-in.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from safecase.crypto.errors import CryptoError
from safecase.crypto.keyslots import new_data_key, open_slot, rewrap_slot
from safecase.domain.audit import AuditAction
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
    new_user_slot,
    open_with_recovery_key,
)
from safecase.services.clock import SYSTEM_CLOCK, Clock
from safecase.services.password_policy import require_acceptable
from safecase.services.session import VaultSession
from safecase.vault import keyfile as keyfiles
from safecase.vault import throttle
from safecase.vault.connection import DatabaseError, opens_with, rekey
from safecase.vault.keyfile import KeyFile, recovery_binding, slot_id_for, user_binding
from safecase.vault.repositories.audit import AuditRepository
from safecase.vault.repositories.users import UserRepository
from safecase.vault.unit_of_work import UnitOfWorkError, transaction


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
        with session.write(standalone=True):
            user = users.add(normalized, display, roles, session.clock.now())
            session.log(AuditAction.USER_ADDED, "user", normalized, {"roles": ",".join(sorted_roles(roles))})
            keyfile = self._save_keys(lambda kf: replace(kf.with_slot(slot), disabled=kf.disabled - {slot.slot_id}))
        session.replace_keys(keyfile)
        return user

    def disable_user(self, name: str) -> None:
        """Remove the user's slot and re-key the database under a fresh data key.

        The slot leaves ``keys.json`` in the same transaction that marks the user disabled; the user's
        slot id joins the key file's ``disabled`` list only with the re-key. When the re-key fails (a
        busy or full disk), the current key file already lets nobody in under that name, and disabling
        the user again finishes the re-key.
        """
        session = self._session
        session.require(Permission.MANAGE_USERS)
        users = UserRepository(session.conn)
        user = find_user(session.conn, name)
        if user.id == session.user.id:
            raise InputError(tr("You cannot disable your own account."))
        slot_id = slot_id_for(session.keyfile.vault_id, user.name)
        if not user.enabled:
            if slot_id in self._current_keyfile().disabled:
                raise InputError(tr("“{name}” is already disabled.").format(name=user.name))
        else:
            if Role.ADMIN in user.roles and self._enabled_admins() <= 1:
                raise InputError(
                    tr("“{name}” is the last administrator and cannot be disabled.").format(name=user.name)
                )
            with session.write(standalone=True):
                users.set_enabled(user.id, False, session.clock.now())
                session.log(AuditAction.USER_DISABLED, "user", user.name)
                keyfile = self._save_keys(lambda kf: kf.without(slot_id))
            session.replace_keys(keyfile)
        try:
            generation = self._rekey(lambda kf: replace(kf.without(slot_id), disabled=kf.disabled | {slot_id}))
        except Exception as exc:
            reason = getattr(exc, "message", None) or getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
            raise SafeCaseError(
                tr(
                    "“{name}” can no longer sign in, but the database could not be re-encrypted under a new key "
                    "({reason}). Disable “{name}” again to finish."
                ).format(name=user.name, reason=reason)
            ) from exc
        session.audit(AuditAction.DATA_KEY_ROTATED, "vault", session.keyfile.vault_id, {"generation": str(generation)})

    def enable_user(self, name: str, new_password: str) -> None:
        """Re-enable with a new password (the old slot is gone); the user should change it after."""
        session = self._session
        session.require(Permission.MANAGE_USERS)
        user = find_user(session.conn, name)
        if user.enabled:
            raise InputError(tr("“{name}” is already enabled.").format(name=user.name))
        require_acceptable(new_password, user.name, user.display_name)
        slot = new_user_slot(session.keyfile.vault_id, user.name, user.roles, new_password, session.data_key)
        with session.write(standalone=True):
            UserRepository(session.conn).set_enabled(user.id, True, session.clock.now())
            session.log(AuditAction.USER_ENABLED, "user", user.name)
            keyfile = self._save_keys(lambda kf: replace(kf.with_slot(slot), disabled=kf.disabled - {slot.slot_id}))
        session.replace_keys(keyfile)

    def change_own_password(self, old_password: str, new_password: str) -> None:
        """Needs the current password, checked against the key file on disk and throttled like a sign-in."""
        session = self._session
        slot_id = slot_id_for(session.keyfile.vault_id, session.user.name)
        check_throttle(session.paths, slot_id)
        slot = self._current_keyfile().find(slot_id)
        try:
            if slot is None:
                raise CryptoError("no slot")
            open_slot(slot.sealed, old_password, user_binding(session.keyfile.vault_id, slot_id, slot.roles))
        except CryptoError:
            raise count_failure(
                session.paths,
                slot_id,
                "wrong current password",
                AuthenticationError(tr("The current password is wrong.")),
            ) from None
        throttle.clear_after_success(session.paths.throttle, slot_id, 0)
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
        with session.write(standalone=True):
            session.log(action, "user", user.name)
            keyfile = self._save_keys(lambda kf: kf.with_slot(slot))
        session.replace_keys(keyfile)

    def _enabled_admins(self) -> int:
        return sum(1 for u in UserRepository(self._session.conn).all() if u.enabled and Role.ADMIN in u.roles)

    def _current_keyfile(self) -> KeyFile:
        """``keys.json`` as it is on disk now, refused unless it was signed under this session's key."""
        session = self._session
        keyfile = keyfiles.load(session.paths.keyfile)
        if keyfile.vault_id != session.keyfile.vault_id or not keyfile.mac_valid(session.data_key):
            raise VaultFormatError(
                tr("The key file (keys.json) changed outside this session. Sign in again; nothing was changed.")
            )
        return keyfile

    def _save_keys(self, change: Callable[[KeyFile], KeyFile]) -> KeyFile:
        """Apply ``change`` to the key file on disk and save it; call inside :meth:`VaultSession.write`."""
        keyfile = change(self._current_keyfile()).signed(self._session.data_key)
        keyfiles.save(self._session.paths.keyfile, keyfile)
        return keyfile

    def _rekey(self, change: Callable[[KeyFile], KeyFile]) -> int:
        """Fresh data key: stage the new key file, re-encrypt the database, then promote the key file.

        The database's write lock is held from reading ``keys.json`` until the re-encrypted pages are
        committed, so no other writer, re-key or sign-in (which discards stale staged key files under
        the same lock) can come in between. A failed re-key leaves the database under the old key, the
        staged file removed and this session reopened under the old key (the connection that tried is
        not trusted again). A process killed after the commit leaves ``keys.json.next`` for the next
        sign-in to promote. Returns the new key file's generation.
        """
        session = self._session
        paths = session.paths
        old_key = session.data_key
        data_key = new_data_key()
        conn = session.conn
        staged = False
        if session.unit_of_work.depth:
            raise UnitOfWorkError("re-keying commits by itself and cannot run inside a unit of work")
        conn.execute("BEGIN IMMEDIATE")
        try:
            keyfile = change(self._current_keyfile())
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
            keyfiles.stage_next(paths.keyfile, rewrapped)
            staged = True
            rekey(conn, data_key)
        except BaseException:
            if conn.in_transaction:
                with contextlib.suppress(DatabaseError, MemoryError):
                    conn.execute("ROLLBACK")
            with contextlib.suppress(Exception):
                if opens_with(paths.db, old_key):
                    if staged:
                        keyfiles.discard_next(paths.keyfile)
                    session.replace_keys(session.keyfile, old_key)
            raise
        keyfiles.promote_staged(paths.keyfile, data_key)
        session.replace_keys(rewrapped, data_key)
        return rewrapped.generation


def reset_password_with_recovery_key(
    root: Path, recovery_key: str, user_name: str, new_password: str, *, clock: Clock = SYSTEM_CLOCK
) -> None:
    """The recovery key resets anyone's password, the admin's included, without signing in."""
    paths, keyfile, data_key, conn = open_with_recovery_key(root, recovery_key, clock)
    try:
        user = find_user(conn, user_name)
        if not user.enabled:
            raise InputError(
                tr("“{name}” is disabled; an administrator must enable the account.").format(name=user.name)
            )
        require_acceptable(new_password, user.name, user.display_name)
        slot = new_user_slot(keyfile.vault_id, user.name, user.roles, new_password, data_key)
        with transaction(conn):
            audit = AuditRepository(conn)
            now = clock.now()
            audit.append(now, RECOVERY_ACTOR, AuditAction.SIGN_IN_RECOVERY.value, "user", user.name)
            audit.append(now, RECOVERY_ACTOR, AuditAction.PASSWORD_RESET.value, "user", user.name)
            # Re-read under the write lock: another process may have changed keys.json meanwhile.
            current = keyfiles.load(paths.keyfile)
            if current.vault_id != keyfile.vault_id or not current.mac_valid(data_key):
                raise VaultFormatError(
                    tr("The key file (keys.json) changed while the password was being reset. Nothing was changed.")
                )
            keyfiles.save(paths.keyfile, current.with_slot(slot).signed(data_key))
    finally:
        conn.close()
