"""``safecase user …``: each command, each password source, and what signing in can do afterwards."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

import pytest
from click.testing import CliRunner, Result

from safecase.cli import cli
from safecase.domain.errors import AccountDisabledError, AuthenticationError
from safecase.domain.roles import Role
from safecase.services import access
from vault_support import (
    ADMIN,
    ADMIN_PASSWORD,
    COUNSELOR,
    COUNSELOR_PASSWORD,
    SUPERVISOR,
    SUPERVISOR_PASSWORD,
    TeamVault,
)

NEW_PASSWORD = "amber kettles sing at dawn 42"
OTHER_PASSWORD = "violet trains cross the valley 8"
WRONG_KEY = "00000-00000-00000-00000-00000-00000-00000-00000"


def run(args: Sequence[str], *, input: str | None = None, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=input, env=env, catch_exceptions=False)


def as_user(name: str, password: str, **extra: str) -> dict[str, str]:
    return {"SAFECASE_USER": name, "SAFECASE_PASSWORD": password, **extra}


def as_admin(**extra: str) -> dict[str, str]:
    return as_user(ADMIN, ADMIN_PASSWORD, **extra)


def user_cmd(team: TeamVault, *args: str) -> list[str]:
    return ["user", *args, "--vault", str(team.root)]


def assert_failed(result: Result, fragment: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("safecase: error: "), result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert fragment in result.stderr
    assert "Traceback" not in result.output


def can_sign_in(team: TeamVault, name: str, password: str) -> bool:
    try:
        access.sign_in(team.root, name, password).close()
    except AuthenticationError:
        return False
    return True


@pytest.fixture
def no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("safecase.cli._base.terminal_available", lambda: False)


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """A terminal is there for prompts even though standard input was a pipe (CliRunner feeds both)."""
    monkeypatch.setattr("safecase.cli._base.terminal_available", lambda: True)


# --- add ------------------------------------------------------------------------------------------------


def test_add_user_who_can_then_sign_in(team_vault: TeamVault) -> None:
    result = run(
        user_cmd(team_vault, "add", "Lee", "--role", "counselor", "--role", "SUPERVISOR", "--display-name", "이민"),
        env=as_admin(SAFECASE_NEW_PASSWORD=NEW_PASSWORD),
    )
    assert result.exit_code == 0, result.output
    assert "lee" in result.stdout
    session = access.sign_in(team_vault.root, "lee", NEW_PASSWORD)
    assert session.user.roles == frozenset({Role.COUNSELOR, Role.SUPERVISOR})
    assert session.user.display_name == "이민"
    session.close()


def test_add_user_with_prompts(team_vault: TeamVault) -> None:
    result = run(
        user_cmd(team_vault, "add", "lee", "--role", "counselor", "--user", ADMIN),
        input=f"{ADMIN_PASSWORD}\n{NEW_PASSWORD}\n{NEW_PASSWORD}\n",
    )
    assert result.exit_code == 0, result.output
    assert "Password for admin" in result.stderr
    assert "New password for lee" in result.stderr
    assert can_sign_in(team_vault, "lee", NEW_PASSWORD)


def test_add_user_mismatched_confirmation(team_vault: TeamVault) -> None:
    result = run(
        user_cmd(team_vault, "add", "lee", "--role", "counselor", "--user", ADMIN),
        input=f"{ADMIN_PASSWORD}\n{NEW_PASSWORD}\n{OTHER_PASSWORD}\n",
    )
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "safecase: error: The two passwords do not match. Nothing was changed."
    assert not can_sign_in(team_vault, "lee", NEW_PASSWORD)


def test_add_user_weak_password_lists_the_problems(team_vault: TeamVault) -> None:
    result = run(
        user_cmd(team_vault, "add", "lee", "--role", "counselor"), env=as_admin(SAFECASE_NEW_PASSWORD="password")
    )
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == "safecase: error: The new password was not accepted:"
    assert any("at least 15 characters" in line for line in lines[1:])
    assert any("most common passwords" in line for line in lines[1:])
    assert all(line.startswith("  - ") for line in lines[1:])


def test_counselor_cannot_add_users_and_is_not_asked_for_a_new_password(team_vault: TeamVault) -> None:
    result = run(
        user_cmd(team_vault, "add", "lee", "--role", "counselor", "--user", COUNSELOR),
        input=f"{COUNSELOR_PASSWORD}\n",
    )
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "safecase: error: Your role does not allow this (manage_users)."
    assert "New password" not in result.output


def test_add_existing_name_is_refused(team_vault: TeamVault) -> None:
    result = run(
        user_cmd(team_vault, "add", "Counselor", "--role", "counselor"),
        env=as_admin(SAFECASE_NEW_PASSWORD=NEW_PASSWORD),
    )
    assert_failed(result, "There is already a user named “counselor”.")


def test_add_needs_a_valid_role(team_vault: TeamVault) -> None:
    env = as_admin(SAFECASE_NEW_PASSWORD=NEW_PASSWORD)
    assert run(user_cmd(team_vault, "add", "lee"), env=env).exit_code == 2
    assert run(user_cmd(team_vault, "add", "lee", "--role", "janitor"), env=env).exit_code == 2
    assert not can_sign_in(team_vault, "lee", NEW_PASSWORD)


# --- list -----------------------------------------------------------------------------------------------


def test_list_users_table(team_vault: TeamVault) -> None:
    result = run(user_cmd(team_vault, "list"), env=as_user(SUPERVISOR, SUPERVISOR_PASSWORD))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["NAME", "DISPLAY", "NAME", "ROLES", "STATUS", "CREATED"]
    rows = {line.split()[0]: line for line in lines[2:]}
    assert set(rows) == {ADMIN, COUNSELOR, SUPERVISOR}
    assert "Admin Kim" in rows[ADMIN]
    assert "enabled" in rows[COUNSELOR]


def test_list_users_json(team_vault: TeamVault) -> None:
    run(user_cmd(team_vault, "disable", COUNSELOR), env=as_admin())
    result = run(user_cmd(team_vault, "list", "--json"), env=as_admin())
    assert result.exit_code == 0, result.output
    users = {u["name"]: u for u in json.loads(result.stdout)}
    assert set(users) == {ADMIN, COUNSELOR, SUPERVISOR}
    assert users[ADMIN]["display_name"] == "Admin Kim"
    assert users[ADMIN]["roles"] == ["admin"]
    assert users[ADMIN]["enabled"] is True
    assert users[COUNSELOR]["enabled"] is False
    assert set(users[ADMIN]) == {"name", "display_name", "roles", "enabled", "created_at"}
    assert datetime.fromisoformat(users[ADMIN]["created_at"]).tzinfo is not None


def test_counselor_cannot_list_users(team_vault: TeamVault) -> None:
    result = run(user_cmd(team_vault, "list"), env=as_user(COUNSELOR, COUNSELOR_PASSWORD))
    assert_failed(result, "Your role does not allow this")


# --- disable and enable ---------------------------------------------------------------------------------


def test_disabled_user_can_no_longer_sign_in(team_vault: TeamVault) -> None:
    result = run(user_cmd(team_vault, "disable", COUNSELOR), env=as_admin())
    assert result.exit_code == 0, result.output
    with pytest.raises(AccountDisabledError):
        access.sign_in(team_vault.root, COUNSELOR, COUNSELOR_PASSWORD)
    refused = run(["verify", "--vault", str(team_vault.root)], env=as_user(COUNSELOR, COUNSELOR_PASSWORD))
    assert_failed(refused, "This account has been disabled.")


def test_cannot_disable_yourself_or_an_unknown_user(team_vault: TeamVault) -> None:
    assert_failed(run(user_cmd(team_vault, "disable", ADMIN), env=as_admin()), "You cannot disable your own account.")
    assert_failed(run(user_cmd(team_vault, "disable", "ghost"), env=as_admin()), "There is no user named “ghost”.")


def test_supervisor_cannot_disable(team_vault: TeamVault) -> None:
    result = run(user_cmd(team_vault, "disable", COUNSELOR), env=as_user(SUPERVISOR, SUPERVISOR_PASSWORD))
    assert_failed(result, "Your role does not allow this")
    assert can_sign_in(team_vault, COUNSELOR, COUNSELOR_PASSWORD)


def test_enable_sets_a_new_password(team_vault: TeamVault) -> None:
    assert run(user_cmd(team_vault, "disable", COUNSELOR), env=as_admin()).exit_code == 0
    result = run(user_cmd(team_vault, "enable", COUNSELOR), env=as_admin(SAFECASE_NEW_PASSWORD=NEW_PASSWORD))
    assert result.exit_code == 0, result.output
    assert can_sign_in(team_vault, COUNSELOR, NEW_PASSWORD)
    assert not can_sign_in(team_vault, COUNSELOR, COUNSELOR_PASSWORD)


def test_enable_an_enabled_user_is_refused(team_vault: TeamVault) -> None:
    result = run(user_cmd(team_vault, "enable", COUNSELOR), env=as_admin(SAFECASE_NEW_PASSWORD=NEW_PASSWORD))
    assert_failed(result, "is already enabled")


# --- passwd ---------------------------------------------------------------------------------------------


def test_change_own_password_from_the_environment(team_vault: TeamVault) -> None:
    env = as_user(COUNSELOR, COUNSELOR_PASSWORD, SAFECASE_NEW_PASSWORD=NEW_PASSWORD)
    result = run(user_cmd(team_vault, "passwd"), env=env)
    assert result.exit_code == 0, result.output
    assert can_sign_in(team_vault, COUNSELOR, NEW_PASSWORD)
    assert not can_sign_in(team_vault, COUNSELOR, COUNSELOR_PASSWORD)


def test_change_own_password_with_prompts(team_vault: TeamVault) -> None:
    result = run(
        user_cmd(team_vault, "passwd", "--user", COUNSELOR),
        input=f"{COUNSELOR_PASSWORD}\n{NEW_PASSWORD}\n{NEW_PASSWORD}\n",
    )
    assert result.exit_code == 0, result.output
    assert can_sign_in(team_vault, COUNSELOR, NEW_PASSWORD)


def test_change_own_password_wrong_old_password(team_vault: TeamVault) -> None:
    env = as_user(COUNSELOR, "not my password at all", SAFECASE_NEW_PASSWORD=NEW_PASSWORD)
    assert_failed(run(user_cmd(team_vault, "passwd"), env=env), "Wrong user name or password.")
    assert can_sign_in(team_vault, COUNSELOR, COUNSELOR_PASSWORD)


def test_passwd_with_password_stdin_needs_a_terminal_or_the_environment(
    team_vault: TeamVault, no_terminal: None
) -> None:
    args = user_cmd(team_vault, "passwd", "--user", COUNSELOR, "--password-stdin")
    result = run(args, input=f"{COUNSELOR_PASSWORD}\n{NEW_PASSWORD}\n{NEW_PASSWORD}\n")
    assert_failed(result, "SAFECASE_NEW_PASSWORD")
    assert can_sign_in(team_vault, COUNSELOR, COUNSELOR_PASSWORD)

    result = run(args, input=f"{COUNSELOR_PASSWORD}\n", env={"SAFECASE_NEW_PASSWORD": NEW_PASSWORD})
    assert result.exit_code == 0, result.output
    assert can_sign_in(team_vault, COUNSELOR, NEW_PASSWORD)


def test_passwd_with_password_stdin_prompts_on_the_terminal(team_vault: TeamVault, terminal: None) -> None:
    args = user_cmd(team_vault, "passwd", "--user", COUNSELOR, "--password-stdin")
    result = run(args, input=f"{COUNSELOR_PASSWORD}\n{NEW_PASSWORD}\n{NEW_PASSWORD}\n")
    assert result.exit_code == 0, result.output
    assert can_sign_in(team_vault, COUNSELOR, NEW_PASSWORD)


# --- reset ----------------------------------------------------------------------------------------------


def test_admin_resets_a_password(team_vault: TeamVault) -> None:
    result = run(user_cmd(team_vault, "reset", COUNSELOR), env=as_admin(SAFECASE_NEW_PASSWORD=NEW_PASSWORD))
    assert result.exit_code == 0, result.output
    assert can_sign_in(team_vault, COUNSELOR, NEW_PASSWORD)
    assert not can_sign_in(team_vault, COUNSELOR, COUNSELOR_PASSWORD)


def test_supervisor_cannot_reset_a_password(team_vault: TeamVault) -> None:
    env = as_user(SUPERVISOR, SUPERVISOR_PASSWORD, SAFECASE_NEW_PASSWORD=NEW_PASSWORD)
    assert_failed(run(user_cmd(team_vault, "reset", COUNSELOR), env=env), "Your role does not allow this")
    assert can_sign_in(team_vault, COUNSELOR, COUNSELOR_PASSWORD)


def test_reset_with_the_recovery_key_needs_no_sign_in(team_vault: TeamVault) -> None:
    result = run(
        user_cmd(team_vault, "reset", ADMIN, "--recovery-key-stdin"),
        input=team_vault.recovery_key.lower() + "\n",
        env={"SAFECASE_NEW_PASSWORD": NEW_PASSWORD},
    )
    assert result.exit_code == 0, result.output
    assert can_sign_in(team_vault, ADMIN, NEW_PASSWORD)
    assert not can_sign_in(team_vault, ADMIN, ADMIN_PASSWORD)


def test_reset_with_the_recovery_key_prompts_on_the_terminal(team_vault: TeamVault, terminal: None) -> None:
    result = run(
        user_cmd(team_vault, "reset", COUNSELOR, "--recovery-key-stdin"),
        input=f"{team_vault.recovery_key}\n{NEW_PASSWORD}\n{NEW_PASSWORD}\n",
    )
    assert result.exit_code == 0, result.output
    assert can_sign_in(team_vault, COUNSELOR, NEW_PASSWORD)


def test_reset_with_the_recovery_key_without_a_terminal_needs_the_environment(
    team_vault: TeamVault, no_terminal: None
) -> None:
    result = run(
        user_cmd(team_vault, "reset", COUNSELOR, "--recovery-key-stdin"),
        input=f"{team_vault.recovery_key}\n{NEW_PASSWORD}\n{NEW_PASSWORD}\n",
    )
    assert_failed(result, "SAFECASE_NEW_PASSWORD")
    assert can_sign_in(team_vault, COUNSELOR, COUNSELOR_PASSWORD)


def test_reset_with_a_wrong_recovery_key(team_vault: TeamVault) -> None:
    env = {"SAFECASE_NEW_PASSWORD": NEW_PASSWORD}
    args = user_cmd(team_vault, "reset", COUNSELOR, "--recovery-key-stdin")
    assert_failed(run(args, input=WRONG_KEY + "\n", env=env), "Wrong recovery key.")
    assert_failed(run(args, input="not a key\n", env=env), "That is not a recovery key")
    assert_failed(run(args, input="", env=env), "No recovery key was given on standard input.")
    assert can_sign_in(team_vault, COUNSELOR, COUNSELOR_PASSWORD)
    assert not can_sign_in(team_vault, COUNSELOR, NEW_PASSWORD)


def test_recovery_key_and_password_cannot_both_come_from_stdin(team_vault: TeamVault) -> None:
    args = user_cmd(team_vault, "reset", COUNSELOR, "--recovery-key-stdin", "--password-stdin")
    assert run(args, input=team_vault.recovery_key + "\n", env={"SAFECASE_NEW_PASSWORD": NEW_PASSWORD}).exit_code == 2


def test_user_group_accepts_vault_and_user(team_vault: TeamVault) -> None:
    args = ["user", "--vault", str(team_vault.root), "--user", ADMIN, "list", "--json"]
    result = run(args, env={"SAFECASE_PASSWORD": ADMIN_PASSWORD})
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == 3
