"""The ``safecase`` command line: vault location, password sources, exit codes and the whole-vault commands.

Every test runs the real click group in-process against a real vault; exit codes and the one-line
error on stderr are part of the contract scripts rely on.
"""

from __future__ import annotations

import json
import re
import sys
import types
from collections.abc import Sequence
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from casework_data import case_fields
from safecase import i18n
from safecase.cli import cli, main
from safecase.domain.errors import AuthenticationError
from safecase.domain.evidence import EvidenceDetails
from safecase.services import access
from safecase.services.accounts import reset_password_with_recovery_key
from safecase.services.cases import CaseService
from safecase.services.evidence import EvidenceService
from safecase.services.locations import vault_exists
from safecase.services.password_policy import assess_password
from safecase.services.resources import translations_dir
from vault_support import (
    ADMIN,
    ADMIN_PASSWORD,
    COUNSELOR,
    COUNSELOR_PASSWORD,
    SUPERVISOR,
    SUPERVISOR_PASSWORD,
    TeamVault,
)
from vaultfiles import raw_connection, snapshot

RECOVERY_KEY = re.compile(r"\b(?:[0-9A-Z]{5}-){7}[0-9A-Z]{5}\b")
NEW_PASSWORD = "amber kettles sing at dawn 42"


def run(args: Sequence[str], *, input: str | None = None, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=input, env=env, catch_exceptions=False)


def as_user(name: str, password: str, **extra: str) -> dict[str, str]:
    return {"SAFECASE_USER": name, "SAFECASE_PASSWORD": password, **extra}


def vault_args(root: Path) -> list[str]:
    return ["--vault", str(root)]


def assert_failed(result: Result, fragment: str) -> None:
    """Exit 1 with exactly one line on stderr, ``safecase: error: …``, and no traceback anywhere."""
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("safecase: error: "), result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert fragment in result.stderr
    assert "Traceback" not in result.output


# --- exit codes and errors -------------------------------------------------------------------------------


def test_wrong_password_exits_1_with_one_line_and_no_secret(team_vault: TeamVault) -> None:
    result = run(["verify", *vault_args(team_vault.root)], env=as_user(ADMIN, "not the right password at all"))
    assert_failed(result, "Wrong user name or password.")
    assert "not the right password" not in result.output
    assert result.stdout == ""


def test_unknown_user_gets_the_same_message_as_a_wrong_password(team_vault: TeamVault) -> None:
    result = run(["verify", *vault_args(team_vault.root)], env=as_user("nobody", ADMIN_PASSWORD))
    assert_failed(result, "Wrong user name or password.")


def test_usage_errors_exit_2(team_vault: TeamVault) -> None:
    assert run(["no-such-command"]).exit_code == 2
    assert run(["verify", "--no-such-option"]).exit_code == 2
    assert (
        run(["audit", "--limit", "0", *vault_args(team_vault.root)], env=as_user(ADMIN, ADMIN_PASSWORD)).exit_code == 2
    )


def test_missing_user_is_a_usage_error(team_vault: TeamVault) -> None:
    result = run(["verify", *vault_args(team_vault.root)], env={"SAFECASE_PASSWORD": ADMIN_PASSWORD})
    assert result.exit_code == 2
    assert "--user" in result.stderr


def test_no_vault_found_exits_1_before_asking_for_a_password(tmp_path: Path) -> None:
    empty = tmp_path / "nothing-here"
    result = run(["verify", *vault_args(empty), "--user", ADMIN])
    assert_failed(result, f"No SafeCase vault was found at {empty}")
    assert "Password" not in result.output


def test_default_vault_is_in_the_user_data_folder(tmp_path: Path) -> None:
    result = run(["verify", "--user", ADMIN])
    assert_failed(result, "No SafeCase vault was found at")
    assert str(tmp_path / "home") in result.stderr


def test_unexpected_errors_are_one_generic_line(team_vault: TeamVault, monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("case notes of a client")

    monkeypatch.setattr("safecase.cli._vault.verify_vault", explode)
    result = run(["verify", *vault_args(team_vault.root)], env=as_user(ADMIN, ADMIN_PASSWORD))
    assert_failed(result, "RuntimeError")
    assert "case notes" not in result.output


def test_os_errors_name_the_reason_on_one_line(team_vault: TeamVault, monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", "/somewhere/file")

    monkeypatch.setattr("safecase.cli._vault.verify_vault", explode)
    result = run(["verify", *vault_args(team_vault.root)], env=as_user(ADMIN, ADMIN_PASSWORD))
    assert_failed(result, "Permission denied: /somewhere/file")


def test_interrupt_exits_130_quietly(team_vault: TeamVault, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("safecase.services.access.sign_in", interrupted)
    result = run(["verify", *vault_args(team_vault.root)], env=as_user(ADMIN, ADMIN_PASSWORD))
    assert result.exit_code == 130
    assert result.output == ""


def test_interrupt_at_a_password_prompt_exits_130_quietly(
    team_vault: TeamVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted_prompt(*args: object, **kwargs: object) -> str:
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt:
            raise click.exceptions.Abort() from None  # what click.prompt does on Ctrl-C

    monkeypatch.setattr(click, "prompt", interrupted_prompt)
    result = run(["verify", *vault_args(team_vault.root), "--user", ADMIN])
    assert result.exit_code == 130
    assert result.output == ""


def test_end_of_input_at_a_password_prompt_fails_cleanly(team_vault: TeamVault) -> None:
    result = run(["verify", *vault_args(team_vault.root), "--user", ADMIN], input="")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "safecase: error: No password was entered."
    assert "Aborted" not in result.output


def test_throttled_sign_in_says_how_long_to_wait(team_vault: TeamVault) -> None:
    env = as_user(COUNSELOR, "wrong wrong wrong wrong")
    for _ in range(3):
        assert_failed(run(["verify", *vault_args(team_vault.root)], env=env), "Wrong user name or password.")
    run(["verify", *vault_args(team_vault.root)], env=env)
    result = run(["verify", *vault_args(team_vault.root)], env=as_user(COUNSELOR, COUNSELOR_PASSWORD))
    assert_failed(result, "Too many failed sign-ins. Try again in")
    assert re.search(r"in \d+ seconds", result.stderr)


# --- where the vault is, who signs in, where the password comes from ------------------------------------


def test_password_from_the_environment(team_vault: TeamVault) -> None:
    result = run(["verify", *vault_args(team_vault.root)], env=as_user(ADMIN, ADMIN_PASSWORD))
    assert result.exit_code == 0, result.output


def test_password_from_stdin_strips_only_the_line_ending(team_vault: TeamVault) -> None:
    args = ["verify", *vault_args(team_vault.root), "--user", ADMIN, "--password-stdin"]
    assert run(args, input=ADMIN_PASSWORD + "\n").exit_code == 0
    assert run(args, input=ADMIN_PASSWORD + "\r\n").exit_code == 0
    assert run(args, input=ADMIN_PASSWORD).exit_code == 0
    assert_failed(run(args, input=ADMIN_PASSWORD + " \n"), "Wrong user name or password.")
    assert_failed(run(args, input="\n"), "No password was given on standard input.")


def test_password_stdin_wins_over_the_environment(team_vault: TeamVault) -> None:
    args = ["verify", *vault_args(team_vault.root), "--password-stdin"]
    result = run(args, input=ADMIN_PASSWORD + "\n", env=as_user(ADMIN, "wrong password from the env"))
    assert result.exit_code == 0, result.output


def test_password_from_a_hidden_prompt(team_vault: TeamVault) -> None:
    result = run(["verify", *vault_args(team_vault.root), "--user", ADMIN], input=ADMIN_PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    assert "Password for admin" in result.stderr
    assert ADMIN_PASSWORD not in result.output


def test_user_and_vault_on_the_group(team_vault: TeamVault) -> None:
    result = run(
        ["--vault", str(team_vault.root), "--user", ADMIN, "verify"], env={"SAFECASE_PASSWORD": ADMIN_PASSWORD}
    )
    assert result.exit_code == 0, result.output


def test_vault_precedence_subcommand_then_group_then_environment(team_vault: TeamVault, tmp_path: Path) -> None:
    good, bad = str(team_vault.root), str(tmp_path / "elsewhere")
    env = as_user(ADMIN, ADMIN_PASSWORD)
    assert run(["--vault", bad, "verify", "--vault", good], env=env).exit_code == 0
    assert run(["--vault", good, "verify"], env={**env, "SAFECASE_VAULT": bad}).exit_code == 0
    assert run(["verify"], env={**env, "SAFECASE_VAULT": good}).exit_code == 0
    assert_failed(run(["--vault", good, "verify", "--vault", bad], env=env), "No SafeCase vault")
    assert_failed(run(["verify"], env={**env, "SAFECASE_VAULT": bad}), "No SafeCase vault")


def test_user_on_the_subcommand_wins_over_the_group(team_vault: TeamVault) -> None:
    args = ["--user", ADMIN, "audit", "--user", COUNSELOR, *vault_args(team_vault.root)]
    result = run(args, env={"SAFECASE_PASSWORD": COUNSELOR_PASSWORD})
    assert_failed(result, "Your role does not allow this")


# --- the desktop app and the entry point ----------------------------------------------------------------


def test_no_subcommand_starts_the_app_with_the_resolved_vault(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    calls: list[Path] = []

    def run_app(vault: Path) -> int:
        calls.append(vault)
        return 3

    monkeypatch.setitem(sys.modules, "safecase.ui.shell.app", types.SimpleNamespace(run_app=run_app))
    result = run(["--vault", str(tmp_path / "v")])
    assert result.exit_code == 3
    assert calls == [tmp_path / "v"]

    calls.clear()
    assert run([], env={"SAFECASE_VAULT": str(tmp_path / "w")}).exit_code == 3
    assert calls == [tmp_path / "w"]


def test_app_that_cannot_load_is_one_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "safecase.ui.shell.app", None)  # import raises ImportError
    assert_failed(run(["--vault", str(tmp_path)]), "The SafeCase window cannot start here")


def test_main_hardens_the_process_first(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    calls: list[str] = []

    def harden() -> bool:
        calls.append("harden")
        return True

    monkeypatch.setattr("safecase.services.process.harden", harden)
    monkeypatch.setattr(sys, "argv", ["safecase", "--version"])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 0
    assert calls == ["harden"]
    assert "safecase" in capsys.readouterr().out


# --- init -----------------------------------------------------------------------------------------------


def test_init_creates_the_vault_and_shows_the_recovery_key_once(vault_dir: Path) -> None:
    result = run(
        ["init", "--vault", str(vault_dir), "--admin", "Kim", "--display-name", "Kim Jiwoo"],
        env={"SAFECASE_NEW_PASSWORD": NEW_PASSWORD},
    )
    assert result.exit_code == 0, result.output
    keys = RECOVERY_KEY.findall(result.stdout)
    assert len(keys) == 1
    assert "paper" in result.stdout
    assert "locked away" in result.stdout
    session = access.sign_in(vault_dir, "kim", NEW_PASSWORD)
    assert session.user.display_name == "Kim Jiwoo"
    session.close()
    # The key shown is the vault's recovery key.
    reset_password_with_recovery_key(vault_dir, keys[0], "kim", "another long passphrase 77")
    access.sign_in(vault_dir, "kim", "another long passphrase 77").close()


def test_init_with_prompts_asks_twice(vault_dir: Path) -> None:
    result = run(["init", "--vault", str(vault_dir), "--admin", "kim"], input=f"{NEW_PASSWORD}\n{NEW_PASSWORD}\n")
    assert result.exit_code == 0, result.output
    assert "New password for kim" in result.stderr
    assert "Repeat the new password" in result.stderr
    access.sign_in(vault_dir, "kim", NEW_PASSWORD).close()


def test_init_mismatched_confirmation_creates_nothing(vault_dir: Path) -> None:
    result = run(["init", "--vault", str(vault_dir), "--admin", "kim"], input=f"{NEW_PASSWORD}\n{NEW_PASSWORD}x\n")
    assert result.stderr.splitlines()[-1] == "safecase: error: The two passwords do not match. Nothing was changed."
    assert result.exit_code == 1
    assert not vault_exists(vault_dir)


def test_init_weak_password_lists_every_problem(vault_dir: Path) -> None:
    weak = "kim12345"
    result = run(["init", "--vault", str(vault_dir), "--admin", "kim"], env={"SAFECASE_NEW_PASSWORD": weak})
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == "safecase: error: The new password was not accepted:"
    problems = assess_password(weak, "kim", "kim").problems
    assert len(problems) >= 2
    assert lines[1:] == [f"  - {problem}" for problem in problems]
    assert "Traceback" not in result.output
    assert not vault_exists(vault_dir)


def test_init_refuses_a_folder_that_holds_a_vault(team_vault: TeamVault) -> None:
    before = snapshot(team_vault.root)
    result = run(
        ["init", *vault_args(team_vault.root), "--admin", "other"], env={"SAFECASE_NEW_PASSWORD": NEW_PASSWORD}
    )
    assert_failed(result, "already holds a SafeCase vault")
    assert snapshot(team_vault.root) == before


def test_init_refuses_a_bad_admin_name(vault_dir: Path) -> None:
    result = run(
        ["init", "--vault", str(vault_dir), "--admin", "two words"], env={"SAFECASE_NEW_PASSWORD": NEW_PASSWORD}
    )
    assert_failed(result, "is not")
    assert not vault_exists(vault_dir)


def test_init_requires_admin(vault_dir: Path) -> None:
    assert run(["init", "--vault", str(vault_dir)]).exit_code == 2


# --- verify ---------------------------------------------------------------------------------------------


def test_verify_reports_every_check(team_vault: TeamVault) -> None:
    result = run(["verify", *vault_args(team_vault.root)], env=as_user(COUNSELOR, COUNSELOR_PASSWORD))
    assert result.exit_code == 0, result.output
    *lines, head = result.stdout.splitlines()
    assert len(lines) == 8
    assert all(line.startswith("OK ") for line in lines)
    assert any("Audit log chain" in line for line in lines)
    assert any("Evidence" in line for line in lines)
    assert any("Checkpoints" in line for line in lines)
    assert re.fullmatch(r"Audit head: #\d+ · [0-9a-f]{8}", head)
    assert any("Accounts and key slots" in line and "recovery key fingerprint" in line for line in lines)


def test_verify_fails_after_the_audit_log_is_edited(team_vault: TeamVault) -> None:
    conn = raw_connection(team_vault.admin)
    try:
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute("UPDATE audit_log SET actor = 'someone else' WHERE seq = 2")
    finally:
        conn.close()
    result = run(["verify", *vault_args(team_vault.root)], env=as_user(ADMIN, ADMIN_PASSWORD))
    assert result.exit_code == 1
    chain = next(line for line in result.stdout.splitlines() if "Audit log chain" in line)
    assert chain.startswith("FAILED")
    assert "#2" in chain
    assert sum(line.startswith("OK ") for line in result.stdout.splitlines()) == 7
    assert result.stderr.startswith("safecase: error: 1 check failed")
    assert result.stderr.count("\n") == 1


def test_edited_key_file_is_refused_in_one_line(team_vault: TeamVault) -> None:
    keyfile = team_vault.root / "keys.json"
    data = json.loads(keyfile.read_text("utf-8"))
    data["generation"] = int(data.get("generation", 1)) + 5
    keyfile.write_text(json.dumps(data), "utf-8")
    result = run(["verify", *vault_args(team_vault.root)], env=as_user(ADMIN, ADMIN_PASSWORD))
    assert result.exit_code == 1
    assert result.stderr.startswith("safecase: error: ")
    assert result.stderr.count("\n") == 1
    assert "keys.json" in result.stderr


# --- audit ----------------------------------------------------------------------------------------------


def test_supervisor_reads_the_audit_log(team_vault: TeamVault) -> None:
    result = run(["audit", *vault_args(team_vault.root)], env=as_user(SUPERVISOR, SUPERVISOR_PASSWORD))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["SEQ", "TIME", "ACTOR", "ACTION", "TARGET", "DETAILS"]
    assert any("vault.created" in line for line in lines)
    assert any("user.added" in line and "user:counselor" in line and "roles=counselor" in line for line in lines)


def test_the_audit_log_reads_in_korean_and_its_json_keeps_the_codes(team_vault: TeamVault) -> None:
    """Under a Korean language the table shows words for actions, records and details; --json (for
    scripts) the codes, whatever the language."""
    counselor = team_vault.sign_in(COUNSELOR, COUNSELOR_PASSWORD)
    try:
        case = CaseService(counselor).create(case_fields())
        EvidenceService(counselor).add_url(case.id, "https://t.me/room/5", EvidenceDetails())
    finally:
        counselor.close()
    env = as_user(SUPERVISOR, SUPERVISOR_PASSWORD)
    i18n.install(translations_dir(), ["ko_KR.UTF-8"])  # what main() does from LANG=ko_KR.UTF-8
    try:
        table = run(["audit", *vault_args(team_vault.root)], env=env)
        as_json = run(["audit", "--json", *vault_args(team_vault.root)], env=env)
    finally:
        i18n.install(translations_dir(), [])
    assert table.exit_code == 0, table.output
    lines = table.stdout.splitlines()
    added = next(line for line in lines if f"사용자:{COUNSELOR}" in line and "사용자 추가" in line)
    assert "역할=상담원" in added
    assert any("암호화 보관함 생성" in line for line in lines)
    assert any("사례 접수" in line for line in lines)
    evidence = next(line for line in lines if "증거자료 추가" in line)
    assert "종류=링크만" in evidence and "파일 보관=아니요" in evidence
    for code in ("vault.created", "user.added", "case.created", "evidence.added", "roles=", "url_only"):
        assert code not in table.stdout, code
    entries = json.loads(as_json.stdout)
    added_json = next(e for e in entries if e["action"] == "user.added" and e["target_id"] == COUNSELOR)
    assert added_json["target_type"] == "user" and added_json["details"] == {"roles": "counselor"}
    assert any(e["action"] == "evidence.added" and e["details"]["kind"] == "url_only" for e in entries)


def test_counselor_may_not_read_the_audit_log(team_vault: TeamVault) -> None:
    result = run(["audit", *vault_args(team_vault.root)], env=as_user(COUNSELOR, COUNSELOR_PASSWORD))
    assert_failed(result, "Your role does not allow this (view_audit).")
    assert result.stdout == ""


def test_audit_json_and_limit(team_vault: TeamVault) -> None:
    env = as_user(ADMIN, ADMIN_PASSWORD)
    result = run(["audit", "--json", *vault_args(team_vault.root)], env=env)
    assert result.exit_code == 0, result.output
    entries = json.loads(result.stdout)
    assert [e["seq"] for e in entries] == sorted((e["seq"] for e in entries), reverse=True)
    assert entries[0]["action"] == "audit.viewed"
    assert entries[-1]["action"] == "vault.created"
    assert set(entries[0]) == {"seq", "at", "actor", "action", "target_type", "target_id", "details"}
    added = next(e for e in entries if e["action"] == "user.added" and e["target_id"] == COUNSELOR)
    assert added["details"] == {"roles": "counselor"}

    limited = json.loads(run(["audit", "--json", "--limit", "2", *vault_args(team_vault.root)], env=env).stdout)
    assert len(limited) == 2


# --- backup and restore ---------------------------------------------------------------------------------


@pytest.fixture
def backup_file(team_vault: TeamVault, tmp_path: Path) -> Path:
    out = tmp_path / "center.scbackup"
    result = run(["backup", "--out", str(out), *vault_args(team_vault.root)], env=as_user(ADMIN, ADMIN_PASSWORD))
    assert result.exit_code == 0, result.output
    return out


def test_admin_writes_a_backup(backup_file: Path) -> None:
    assert backup_file.is_file()
    assert backup_file.stat().st_size > 0


def test_backup_prints_the_file_and_its_size(team_vault: TeamVault, tmp_path: Path) -> None:
    out = tmp_path / "b.scbackup"
    result = run(["backup", "--out", str(out), *vault_args(team_vault.root)], env=as_user(ADMIN, ADMIN_PASSWORD))
    assert result.exit_code == 0
    assert str(out) in result.stdout
    assert f"{out.stat().st_size:,} bytes" in result.stdout


def test_counselor_may_not_back_up(team_vault: TeamVault, tmp_path: Path) -> None:
    out = tmp_path / "b.scbackup"
    result = run(
        ["backup", "--out", str(out), *vault_args(team_vault.root)], env=as_user(COUNSELOR, COUNSELOR_PASSWORD)
    )
    assert_failed(result, "Your role does not allow this (backup).")
    assert not out.exists()


def test_backup_does_not_overwrite_a_file_unless_asked(team_vault: TeamVault, backup_file: Path) -> None:
    before = backup_file.read_bytes()
    args = ["backup", "--out", str(backup_file), *vault_args(team_vault.root)]
    assert_failed(run(args, env=as_user(ADMIN, ADMIN_PASSWORD)), "already exists")
    assert backup_file.read_bytes() == before
    assert run([*args, "--overwrite"], env=as_user(ADMIN, ADMIN_PASSWORD)).exit_code == 0


def test_restore_into_a_new_folder_needs_the_recovery_key(backup_file: Path, tmp_path: Path) -> None:
    """No vault there to say who its administrators are: a password (from the backup) is not enough."""
    target = tmp_path / "restored"
    result = run(["restore", str(backup_file), "--vault", str(target)], env=as_user("Admin", ADMIN_PASSWORD))
    assert_failed(result, "needs the recovery key (--recovery-key-stdin)")
    assert "key generation 1" in result.stdout
    assert not target.exists()


def test_restore_with_the_recovery_key(team_vault: TeamVault, backup_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "restored"
    result = run(
        ["restore", str(backup_file), "--vault", str(target), "--recovery-key-stdin"],
        input="y\n" + team_vault.recovery_key + "\n",
    )
    assert result.exit_code == 0, result.output
    assert re.search(
        r"Backup made \d{4}-\d\d-\d\d \d\d:\d\d:\d\d, key generation 1, audit head #\d+ · [0-9a-f]{8}\.", result.stdout
    )
    assert "no vault there" in result.stdout
    assert str(target) in result.stdout
    access.sign_in(target, COUNSELOR, COUNSELOR_PASSWORD).close()
    assert run(["verify", "--vault", str(target)], env=as_user(ADMIN, ADMIN_PASSWORD)).exit_code == 0
    entries = json.loads(run(["audit", "--json", "--vault", str(target)], env=as_user(ADMIN, ADMIN_PASSWORD)).stdout)
    over = next(e for e in entries if e["action"] == "vault.restored_over")
    assert over["actor"] == "recovery-key"
    assert over["details"]["previous"] == "missing" and over["details"]["generation"] == "1"


def test_restore_asks_first_and_no_restores_nothing(team_vault: TeamVault, backup_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "restored"
    result = run(
        ["restore", str(backup_file), "--vault", str(target), "--recovery-key-stdin"],
        input="n\n" + team_vault.recovery_key + "\n",
    )
    assert result.exit_code == 1
    prompt, error = result.stderr.splitlines()
    assert prompt.startswith(f"Restore this backup into {target}? [y/N]")
    assert error == "safecase: error: Nothing was restored."
    assert not target.exists()


def test_restore_with_a_wrong_recovery_key_writes_nothing(backup_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "restored"
    wrong = "00000-00000-00000-00000-00000-00000-00000-00000"
    result = run(
        ["restore", str(backup_file), "--vault", str(target), "--recovery-key-stdin", "--yes"], input=wrong + "\n"
    )
    assert_failed(result, "Wrong recovery key.")
    assert not target.exists()


def test_only_an_admin_restores(team_vault: TeamVault, backup_file: Path) -> None:
    team_vault.admin.close()
    result = run(
        ["restore", str(backup_file), *vault_args(team_vault.root), "--replace", "--yes"],
        env=as_user(COUNSELOR, COUNSELOR_PASSWORD),
    )
    assert_failed(result, "Only an administrator")


def test_restore_needs_a_user_or_the_recovery_key(backup_file: Path, team_vault: TeamVault) -> None:
    args = ["restore", str(backup_file), *vault_args(team_vault.root), "--replace", "--yes"]
    result = run(args, env={"SAFECASE_PASSWORD": "x"})
    assert result.exit_code == 2


def test_restore_refuses_an_existing_vault(team_vault: TeamVault, backup_file: Path) -> None:
    before = snapshot(team_vault.root)
    result = run(["restore", str(backup_file), *vault_args(team_vault.root)], env=as_user(ADMIN, ADMIN_PASSWORD))
    assert_failed(result, "use --replace")
    assert snapshot(team_vault.root) == before


def test_restore_replace_overwrites_the_vault(team_vault: TeamVault, backup_file: Path) -> None:
    env = as_user(ADMIN, ADMIN_PASSWORD, SAFECASE_NEW_PASSWORD=NEW_PASSWORD)
    added = run(["user", "add", "later", "--role", "counselor", *vault_args(team_vault.root)], env=env)
    assert added.exit_code == 0, added.output
    access.sign_in(team_vault.root, "later", NEW_PASSWORD).close()
    team_vault.admin.close()

    result = run(["restore", str(backup_file), *vault_args(team_vault.root), "--replace", "--yes"], env=env)
    assert result.exit_code == 0, result.output
    with pytest.raises(AuthenticationError):
        access.sign_in(team_vault.root, "later", NEW_PASSWORD)
    access.sign_in(team_vault.root, ADMIN, ADMIN_PASSWORD).close()


def test_truncated_backup_is_refused_and_nothing_is_written(backup_file: Path, tmp_path: Path) -> None:
    truncated = tmp_path / "truncated.scbackup"
    truncated.write_bytes(backup_file.read_bytes()[: backup_file.stat().st_size // 2])
    target = tmp_path / "restored"
    result = run(["restore", str(truncated), "--vault", str(target), "--yes"], env=as_user(ADMIN, ADMIN_PASSWORD))
    assert_failed(result, "not a SafeCase backup, or it is damaged or incomplete")
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if "restor" in p.name] == []


def test_restore_of_a_missing_file(tmp_path: Path) -> None:
    result = run(["restore", str(tmp_path / "nope"), "--vault", str(tmp_path / "r")], env=as_user(ADMIN, "x"))
    assert_failed(result, "There is no backup file")


def test_verify_fails_when_the_key_file_is_damaged_after_sign_in(
    team_vault: TeamVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_sign_in = access.sign_in

    def sign_in_then_damage(root: Path, name: str, password: str) -> object:
        session = real_sign_in(root, name, password)
        keyfile = root / "keys.json"
        keyfile.write_bytes(keyfile.read_bytes()[:-40])
        return session

    monkeypatch.setattr("safecase.services.access.sign_in", sign_in_then_damage)
    result = run(["verify", *vault_args(team_vault.root)], env=as_user(ADMIN, ADMIN_PASSWORD))
    assert result.exit_code == 1
    key_line = next(line for line in result.stdout.splitlines() if "Key file" in line)
    assert key_line.startswith("FAILED")
    # The account list lives in the key file, so its check fails with it, and so does the check of the
    # case keys, which are judged against that list.
    for name in ("Accounts and key slots", "Case keys"):
        assert next(line for line in result.stdout.splitlines() if name in line).startswith("FAILED")
    assert result.stderr.startswith("safecase: error: 3 checks failed")
