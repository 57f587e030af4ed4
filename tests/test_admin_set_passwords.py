"""A password an administrator chose (a new account, a reset, a re-enable) is marked in the signed account
list; its owner is asked to choose their own until they have, and cannot drop the mark themselves."""

from __future__ import annotations

from dataclasses import replace

import pytest
from click.testing import CliRunner

from safecase.cli import cli
from safecase.domain.errors import VaultFormatError
from safecase.domain.roles import Role
from safecase.services import access
from safecase.services.accounts import AccountService, reset_password_with_recovery_key
from safecase.vault import keyfile as keyfiles
from safecase.vault.keyfile import SignedAccounts, open_accounts, slot_id_for, with_accounts
from vault_support import ADMIN, ADMIN_PASSWORD, COUNSELOR, COUNSELOR_PASSWORD, TeamVault

GIVEN = "a password the administrator chose"
OWN = "a pass phrase only she knows 7"
LATER = "another pass phrase of her own"


def _given(team: TeamVault, name: str, password: str) -> bool:
    session = team.sign_in(name, password)
    try:
        return AccountService(session).password_set_by_admin()
    finally:
        session.close()


def _choose(team: TeamVault, name: str, old: str, new: str) -> None:
    session = team.sign_in(name, old)
    try:
        AccountService(session).change_own_password(old, new)
    finally:
        session.close()


def test_a_new_user_is_asked_until_they_choose_their_own(team_vault: TeamVault) -> None:
    AccountService(team_vault.admin).add_user("kim", frozenset({Role.COUNSELOR}), GIVEN, "김상담")
    assert _given(team_vault, "kim", GIVEN)
    assert _given(team_vault, "kim", GIVEN), "asked at every sign-in, not only the first"
    _choose(team_vault, "kim", GIVEN, OWN)
    assert not _given(team_vault, "kim", OWN)


def test_the_first_administrator_is_not_asked(team_vault: TeamVault) -> None:
    assert not AccountService(team_vault.admin).password_set_by_admin()


def test_a_reset_and_a_re_enable_ask_again(team_vault: TeamVault) -> None:
    _choose(team_vault, COUNSELOR, COUNSELOR_PASSWORD, OWN)
    assert not _given(team_vault, COUNSELOR, OWN)
    accounts = AccountService(team_vault.admin)
    accounts.reset_password(COUNSELOR, GIVEN)
    assert _given(team_vault, COUNSELOR, GIVEN)
    _choose(team_vault, COUNSELOR, GIVEN, LATER)
    accounts.disable_user(COUNSELOR)
    accounts.enable_user(COUNSELOR, GIVEN)
    assert _given(team_vault, COUNSELOR, GIVEN)


def test_other_account_changes_keep_the_mark(team_vault: TeamVault) -> None:
    """New roles before the first sign-in, and another account added (the list signed again)."""
    accounts = AccountService(team_vault.admin)
    accounts.add_user("kim", frozenset({Role.COUNSELOR}), GIVEN)
    accounts.set_roles("kim", frozenset({Role.COUNSELOR, Role.SUPERVISOR}))
    accounts.add_user("lee", frozenset({Role.COUNSELOR}), "yet another given pass phrase")
    assert _given(team_vault, "kim", GIVEN)


def test_the_recovery_key_holder_choosing_their_own_password_is_not_asked_again(team_vault: TeamVault) -> None:
    """The recovery key is used by whoever is locked out, at the keyboard themselves: what they type is theirs."""
    team_vault.admin.close()
    reset_password_with_recovery_key(team_vault.root, team_vault.recovery_key, ADMIN, OWN)
    assert not _given(team_vault, ADMIN, OWN)


def test_she_cannot_drop_the_mark_from_the_signed_list(team_vault: TeamVault) -> None:
    """A counselor with the data key removes the mark from her entry: the list's signature no longer holds."""
    root = team_vault.root
    assert _given(team_vault, COUNSELOR, COUNSELOR_PASSWORD)
    keyfile = keyfiles.load(root / "keys.json")
    _, data_key = access.open_user_slot(keyfile, COUNSELOR, COUNSELOR_PASSWORD)
    signed = open_accounts(keyfile, data_key)
    mine = signed.accounts.account(slot_id_for(keyfile.vault_id, COUNSELOR))
    assert mine is not None and mine.admin_set_salt is not None
    unmarked = signed.accounts.with_account(replace(mine, admin_set_salt=None))
    forged = SignedAccounts(unmarked, signed.signature, signed.waiting)
    keyfiles.save(root / "keys.json", with_accounts(keyfile, forged, data_key))
    team_vault.admin.close()
    with pytest.raises(VaultFormatError, match="not signed by this vault's administrators"):
        access.sign_in(root, COUNSELOR, COUNSELOR_PASSWORD)


def test_the_command_line_marks_the_passwords_it_sets(team_vault: TeamVault) -> None:
    env = {"SAFECASE_USER": ADMIN, "SAFECASE_PASSWORD": ADMIN_PASSWORD, "SAFECASE_NEW_PASSWORD": GIVEN}
    vault = ["--vault", str(team_vault.root)]
    added = CliRunner().invoke(cli, ["user", "add", "kim", "--role", "counselor", *vault], env=env)
    assert added.exit_code == 0, added.output
    assert _given(team_vault, "kim", GIVEN)
    _choose(team_vault, "kim", GIVEN, OWN)
    reset = CliRunner().invoke(cli, ["user", "reset", "kim", *vault], env=env)
    assert reset.exit_code == 0, reset.output
    assert _given(team_vault, "kim", GIVEN)
