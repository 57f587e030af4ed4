"""The command line's part in key file version 2: the recovery key fingerprint, new recovery keys, roles."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from click.testing import CliRunner, Result

from safecase.cli import cli
from safecase.domain.roles import Role
from safecase.services import access
from safecase.services.accounts import reset_password_with_recovery_key
from vault_support import ADMIN, ADMIN_PASSWORD, COUNSELOR, SUPERVISOR, SUPERVISOR_PASSWORD, TeamVault

NEW_PASSWORD = "amber kettles sing at dawn 42"
FINGERPRINT = re.compile(r"Fingerprint: ([0-9A-F]{4}(?:-[0-9A-F]{4}){3})")
KEY = re.compile(r"^\s+([0-9A-Z]{5}(?:-[0-9A-Z]{5}){7})$", re.MULTILINE)


def run(args: Sequence[str], env: dict[str, str]) -> Result:
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


def as_admin(**extra: str) -> dict[str, str]:
    return {"SAFECASE_USER": ADMIN, "SAFECASE_PASSWORD": ADMIN_PASSWORD, **extra}


def test_init_prints_the_fingerprint_verify_shows(vault_dir: Path) -> None:
    created = run(["init", "--admin", ADMIN, "--vault", str(vault_dir)], {"SAFECASE_NEW_PASSWORD": ADMIN_PASSWORD})
    assert created.exit_code == 0, created.output
    match = FINGERPRINT.search(created.stdout)
    assert match and KEY.search(created.stdout)
    verified = run(["verify", "--vault", str(vault_dir)], as_admin())
    assert verified.exit_code == 0, verified.output
    assert f"recovery key fingerprint {match.group(1)}" in verified.stdout


def test_disable_with_a_new_recovery_key_prints_it_once(team_vault: TeamVault) -> None:
    team_vault.admin.close()
    result = run(["user", "disable", COUNSELOR, "--new-recovery-key", "--vault", str(team_vault.root)], as_admin())
    assert result.exit_code == 0, result.output
    key = KEY.search(result.stdout)
    fingerprint = FINGERPRINT.search(result.stdout)
    assert key and fingerprint
    session = access.sign_in(team_vault.root, ADMIN, ADMIN_PASSWORD)
    assert access.recovery_key_fingerprint(session) == fingerprint.group(1)
    session.close()
    reset_password_with_recovery_key(team_vault.root, key.group(1), SUPERVISOR, NEW_PASSWORD)
    access.sign_in(team_vault.root, SUPERVISOR, NEW_PASSWORD).close()


def test_user_roles_changes_what_the_signed_list_says(team_vault: TeamVault) -> None:
    team_vault.admin.close()
    args = ["user", "roles", SUPERVISOR, "--role", "counselor", "--vault", str(team_vault.root)]
    result = run(args, as_admin())
    assert result.exit_code == 0, result.output
    session = access.sign_in(team_vault.root, SUPERVISOR, SUPERVISOR_PASSWORD)
    try:
        assert session.user.roles == {Role.COUNSELOR}
        assert session.supervisor_key is None
    finally:
        session.close()
