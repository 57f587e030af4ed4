"""Accounts and roles: every service method that changes or reveals data, tried by every role."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from safecase.domain.errors import (
    AuthenticationError,
    InputError,
    PasswordPolicyError,
    PermissionDeniedError,
    ThrottledError,
    VaultFormatError,
)
from safecase.domain.roles import Role
from safecase.services import access
from safecase.services.accounts import AccountService, reset_password_with_recovery_key
from safecase.services.audit import AuditService
from safecase.services.backups import create_backup
from safecase.services.session import VaultSession
from safecase.services.settings import SettingsService
from safecase.services.verify import verify_vault
from safecase.vault import keyfile as keyfiles
from safecase.vault.connection import connect
from safecase.vault.keyfile import slot_id_for
from vault_support import (
    ADMIN,
    ADMIN_PASSWORD,
    COUNSELOR,
    COUNSELOR_PASSWORD,
    SUPERVISOR,
    SUPERVISOR_PASSWORD,
    TeamVault,
)
from vaultfiles import snapshot

NEW_PASSWORD = "a completely new pass phrase"
PASSWORDS = {ADMIN: ADMIN_PASSWORD, COUNSELOR: COUNSELOR_PASSWORD, SUPERVISOR: SUPERVISOR_PASSWORD}

# (operation, roles allowed). Each operation changes or reveals data.
Operation = Callable[[VaultSession, Path], object]
OPERATIONS: dict[str, tuple[Operation, set[str]]] = {
    "list users": (lambda s, _: AccountService(s).list_users(), {ADMIN, SUPERVISOR}),
    "add user": (
        lambda s, _: AccountService(s).add_user("newbie", frozenset({Role.COUNSELOR}), NEW_PASSWORD),
        {ADMIN},
    ),
    "disable user": (
        lambda s, _: AccountService(s).disable_user(SUPERVISOR if s.user.name != SUPERVISOR else COUNSELOR),
        {ADMIN},
    ),
    "reset password": (lambda s, _: AccountService(s).reset_password(COUNSELOR, NEW_PASSWORD), {ADMIN}),
    "set auto-lock": (lambda s, _: SettingsService(s).set_auto_lock_minutes(10), {ADMIN}),
    "set center name": (lambda s, _: SettingsService(s).set_center_name("Center"), {ADMIN}),
    "read audit log": (lambda s, _: AuditService(s).entries(), {ADMIN, SUPERVISOR}),
    "backup": (lambda s, tmp: create_backup(s, tmp / "backup.tar"), {ADMIN}),
    "verify": (lambda s, _: verify_vault(s), {ADMIN, SUPERVISOR, COUNSELOR}),
}


@pytest.mark.parametrize("operation", sorted(OPERATIONS))
@pytest.mark.parametrize("who", [ADMIN, SUPERVISOR, COUNSELOR])
def test_role_permissions(team_vault: TeamVault, tmp_path: Path, operation: str, who: str) -> None:
    run, allowed = OPERATIONS[operation]
    session = team_vault.admin if who == ADMIN else team_vault.sign_in(who, PASSWORDS[who])
    try:
        if who in allowed:
            run(session, tmp_path)
        else:
            before = snapshot(team_vault.root)
            with pytest.raises(PermissionDeniedError):
                run(session, tmp_path)
            assert snapshot(team_vault.root) == before
    finally:
        if session is not team_vault.admin:
            session.close()


def test_add_user_then_sign_in(team_vault: TeamVault) -> None:
    AccountService(team_vault.admin).add_user(
        "kim", frozenset({Role.COUNSELOR, Role.SUPERVISOR}), NEW_PASSWORD, display_name="김상담"
    )
    session = team_vault.sign_in("kim", NEW_PASSWORD)
    assert session.user.roles == {Role.COUNSELOR, Role.SUPERVISOR}
    assert session.user.display_name == "김상담"
    session.close()


@pytest.mark.parametrize(
    ("name", "roles", "password", "error"),
    [
        ("has space", {Role.COUNSELOR}, NEW_PASSWORD, InputError),
        ("", {Role.COUNSELOR}, NEW_PASSWORD, InputError),
        (COUNSELOR.upper(), {Role.COUNSELOR}, NEW_PASSWORD, InputError),
        ("nobody", set(), NEW_PASSWORD, InputError),
        ("nobody", {Role.COUNSELOR}, "too short", PasswordPolicyError),
        ("nobody", {Role.COUNSELOR}, "password1234567890", PasswordPolicyError),
        ("nobody", {Role.COUNSELOR}, "nobody is here for long", PasswordPolicyError),
    ],
)
def test_add_user_refuses_bad_input(
    team_vault: TeamVault, name: str, roles: set[Role], password: str, error: type[Exception]
) -> None:
    before = snapshot(team_vault.root)
    with pytest.raises(error):
        AccountService(team_vault.admin).add_user(name, frozenset(roles), password)
    assert snapshot(team_vault.root) == before


def test_disabled_users_old_slot_opens_nothing_new(team_vault: TeamVault, tmp_path: Path) -> None:
    saved = tmp_path / "saved-keys.json"
    shutil.copy(team_vault.root / "keys.json", saved)
    AccountService(team_vault.admin).disable_user(COUNSELOR)

    old = keyfiles.load(saved)
    _, old_data_key = access.open_user_slot(old, COUNSELOR, COUNSELOR_PASSWORD)
    with pytest.raises(VaultFormatError):
        connect(team_vault.root / "safecase.db", old_data_key)
    # Everyone else still gets in, and the disabled slot in the key file holds no key any more.
    team_vault.sign_in(SUPERVISOR, SUPERVISOR_PASSWORD).close()
    current = keyfiles.load(team_vault.root / "keys.json")
    assert current.find(slot_id_for(current.vault_id, COUNSELOR)) is not None
    with pytest.raises(AuthenticationError, match="disabled"):
        access.open_user_slot(current, COUNSELOR, COUNSELOR_PASSWORD)
    # The admin session keeps working on the re-keyed database.
    assert verify_vault(team_vault.admin).ok


def test_reenabled_user_signs_in_with_the_new_password(team_vault: TeamVault) -> None:
    accounts = AccountService(team_vault.admin)
    accounts.disable_user(COUNSELOR)
    accounts.enable_user(COUNSELOR, NEW_PASSWORD)
    team_vault.sign_in(COUNSELOR, NEW_PASSWORD).close()
    with pytest.raises(AuthenticationError):
        team_vault.sign_in(COUNSELOR, COUNSELOR_PASSWORD)


def test_cannot_disable_self_or_last_admin(team_vault: TeamVault) -> None:
    with pytest.raises(InputError, match="your own"):
        AccountService(team_vault.admin).disable_user(ADMIN)
    AccountService(team_vault.admin).add_user("admin2", frozenset({Role.ADMIN}), NEW_PASSWORD)
    second = team_vault.sign_in("admin2", NEW_PASSWORD)
    AccountService(second).disable_user(ADMIN)
    with pytest.raises(InputError):
        AccountService(second).disable_user("admin2")
    second.close()


def test_change_own_password_needs_the_old_one(team_vault: TeamVault) -> None:
    session = team_vault.sign_in(COUNSELOR, COUNSELOR_PASSWORD)
    with pytest.raises(AuthenticationError):
        AccountService(session).change_own_password("not my password at all", NEW_PASSWORD)
    AccountService(session).change_own_password(COUNSELOR_PASSWORD, NEW_PASSWORD)
    session.close()
    team_vault.sign_in(COUNSELOR, NEW_PASSWORD).close()
    with pytest.raises(AuthenticationError):
        team_vault.sign_in(COUNSELOR, COUNSELOR_PASSWORD)


def test_admin_reset_password(team_vault: TeamVault) -> None:
    AccountService(team_vault.admin).reset_password(COUNSELOR, NEW_PASSWORD)
    team_vault.sign_in(COUNSELOR, NEW_PASSWORD).close()


def test_recovery_key_resets_the_admin_password(team_vault: TeamVault) -> None:
    team_vault.admin.close()
    reset_password_with_recovery_key(team_vault.root, team_vault.recovery_key.lower(), ADMIN, NEW_PASSWORD)
    session = team_vault.sign_in(ADMIN, NEW_PASSWORD)
    actions = [e.action for e in AuditService(session).entries()]
    assert "auth.recovery_key_used" in actions
    session.close()


def test_wrong_recovery_key_changes_nothing(team_vault: TeamVault) -> None:
    from safecase.crypto.recovery import generate_recovery_key

    before = snapshot(team_vault.root)
    with pytest.raises(AuthenticationError):
        reset_password_with_recovery_key(team_vault.root, generate_recovery_key(), ADMIN, NEW_PASSWORD)
    with pytest.raises(AuthenticationError):
        reset_password_with_recovery_key(team_vault.root, "hello", ADMIN, NEW_PASSWORD)
    assert snapshot(team_vault.root) == before


def test_interrupted_rekey_is_finished_at_next_sign_in(team_vault: TeamVault, monkeypatch: pytest.MonkeyPatch) -> None:
    """A process killed after the database was re-keyed but before keys.json was replaced loses nothing."""

    def die() -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(keyfiles, "promote_next", lambda path: die())
    with pytest.raises(KeyboardInterrupt):
        AccountService(team_vault.admin).disable_user(COUNSELOR)
    monkeypatch.undo()
    team_vault.admin.close()
    assert keyfiles.next_path(team_vault.root / "keys.json").exists()
    session = access.sign_in(team_vault.root, SUPERVISOR, SUPERVISOR_PASSWORD)
    assert not keyfiles.next_path(team_vault.root / "keys.json").exists()
    assert verify_vault(session).ok
    session.close()


def test_stale_staged_keyfile_is_discarded(team_vault: TeamVault) -> None:
    """A re-key that died before the database changed leaves a .next file that must not be used."""
    keyfiles.stage_next(team_vault.root / "keys.json", keyfiles.load(team_vault.root / "keys.json"))
    team_vault.admin.close()
    team_vault.sign_in(ADMIN, ADMIN_PASSWORD).close()
    assert not keyfiles.next_path(team_vault.root / "keys.json").exists()


def test_change_own_password_is_throttled(team_vault: TeamVault) -> None:
    """Whoever finds a session unlocked could guess its password at Argon2id speed, without delay."""
    session = team_vault.sign_in(COUNSELOR, COUNSELOR_PASSWORD)
    try:
        for _ in range(3):
            with pytest.raises(AuthenticationError):
                AccountService(session).change_own_password("not my password at all", NEW_PASSWORD)
        with pytest.raises(ThrottledError):
            AccountService(session).change_own_password(COUNSELOR_PASSWORD, NEW_PASSWORD)
    finally:
        session.close()
