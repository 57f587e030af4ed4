"""The real `safecase` process, as a script or a person at a terminal runs it.

In-process CliRunner tests cannot see what C code writes straight to file descriptor 2, such as
SQLCipher's own error log; these run the CLI as a subprocess and read its real stderr.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from safecase.services import access
from vault_support import ADMIN, ADMIN_PASSWORD, TeamVault


def _run(args: list[str], stdin: str, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    # The CLI speaks the environment's language; these read its English messages on any developer's machine.
    env = {**os.environ, "LANGUAGE": "en", **(env_extra or {})}
    return subprocess.run(
        [sys.executable, "-m", "safecase", *args], input=stdin, capture_output=True, text=True, env=env, timeout=120
    )


def test_wrong_key_database_prints_one_clean_line(team_vault: TeamVault, tmp_path: Path) -> None:
    other = access.create_vault(tmp_path / "other", ADMIN, ADMIN_PASSWORD)
    other.session.close()
    team_vault.admin.close()
    shutil.copy(tmp_path / "other" / "safecase.db", team_vault.root / "safecase.db")
    result = _run(
        ["verify", "--vault", str(team_vault.root), "--user", ADMIN, "--password-stdin"], ADMIN_PASSWORD + "\n"
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("safecase: error:") and "another vault" in lines[0]
    assert "Traceback" not in result.stderr and "HMAC" not in result.stderr


def test_wrong_password_in_a_real_process(team_vault: TeamVault) -> None:
    result = _run(["user", "list", "--vault", str(team_vault.root), "--user", ADMIN, "--password-stdin"], "nope\n")
    assert result.returncode == 1
    assert result.stderr.strip() == "safecase: error: Wrong user name or password."
    assert result.stdout == ""


def test_verify_succeeds_in_a_real_process(team_vault: TeamVault) -> None:
    result = _run(
        ["verify", "--vault", str(team_vault.root), "--user", ADMIN], "", {"SAFECASE_PASSWORD": ADMIN_PASSWORD}
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
