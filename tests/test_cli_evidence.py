"""``safecase evidence add|add-url|list|verify|hand-over|return|destroy``: output, exit codes, roles and one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from casework_data import case_fields
from safecase.cli import cli
from safecase.domain.audit import AuditAction
from safecase.services.cases import CaseService
from safecase.services.session import VaultSession
from safecase.vault.repositories.audit import AuditRepository
from vault_support import (
    COUNSELOR,
    COUNSELOR_PASSWORD,
    SECOND,
    SECOND_PASSWORD,
    SUPERVISOR,
    SUPERVISOR_PASSWORD,
    TeamVault,
)

COUNSELOR_ENV = {"SAFECASE_USER": COUNSELOR, "SAFECASE_PASSWORD": COUNSELOR_PASSWORD}
SUPERVISOR_ENV = {"SAFECASE_USER": SUPERVISOR, "SAFECASE_PASSWORD": SUPERVISOR_PASSWORD}
SECOND_ENV = {"SAFECASE_USER": SECOND, "SAFECASE_PASSWORD": SECOND_PASSWORD}


def run(team: TeamVault, args: Sequence[str], env: dict[str, str]) -> Result:
    return CliRunner().invoke(cli, [*args, "--vault", str(team.root)], env=env, catch_exceptions=False)


def assert_failed(result: Result, fragment: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("safecase: error: "), result.stderr
    assert fragment in result.stderr, result.stderr
    assert "Traceback" not in result.output


@pytest.fixture
def case_number(counselor: VaultSession) -> str:
    """A case of the counselor's (the session closes before the commands run)."""
    number = CaseService(counselor).create(case_fields()).number
    counselor.close()
    return number


def _files(folder: Path, *sizes: int) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for index, size in enumerate(sizes):
        path = folder / f"증거{index}.png"
        path.write_bytes(os.urandom(size))
        paths.append(path)
    return paths


def test_add_prints_what_sha256sum_prints_and_sha256sum_checks_it(
    team_vault: TeamVault, case_number: str, tmp_path: Path
) -> None:
    files = _files(tmp_path / "in", 0, 1024 * 1024 + 1, 3000)
    result = run(team_vault, ["evidence", "add", case_number, *map(str, files)], COUNSELOR_ENV)
    assert result.exit_code == 0, result.output
    expected = subprocess.run(["sha256sum", *map(str, files)], check=True, capture_output=True, text=True).stdout
    assert result.stdout == expected
    assert "Added 3 files" in result.stderr
    (tmp_path / "SUMS").write_text(result.stdout)
    subprocess.run(["sha256sum", "-c", str(tmp_path / "SUMS")], check=True, capture_output=True)
    listed = json.loads(run(team_vault, ["evidence", "list", case_number, "--json"], COUNSELOR_ENV).stdout)
    assert [i["stored"] for i in listed["items"]] == [True, True, True]


def test_add_hash_only_with_kind_url_and_platform(team_vault: TeamVault, case_number: str, tmp_path: Path) -> None:
    [path] = _files(tmp_path / "in", 500)
    args = ["evidence", "add", case_number, str(path), "--hash-only", "--kind", "screenshot"]
    args += ["--url", "https://t.me/room/5", "--platform", "텔레그램", "--received-from", "본인"]
    result = run(team_vault, args, COUNSELOR_ENV)
    assert result.exit_code == 0, result.output
    assert "hash only" in result.stderr
    [item] = json.loads(run(team_vault, ["evidence", "list", case_number, "--json"], COUNSELOR_ENV).stdout)["items"]
    assert item["kind"] == "screenshot" and item["hash_only"] and not item["stored"]
    assert item["urls"] == ["https://t.me/room/5"] and item["platform"] == "telegram"
    assert item["received_from"] == "본인"
    assert not any((team_vault.root / "blobs").iterdir())


def test_add_refuses_a_missing_file_before_adding_any(team_vault: TeamVault, case_number: str, tmp_path: Path) -> None:
    [path] = _files(tmp_path / "in", 10)
    result = run(team_vault, ["evidence", "add", case_number, str(path), str(tmp_path / "nope.png")], COUNSELOR_ENV)
    assert_failed(result, "nope.png is not a file. Nothing was added.")
    assert not any((team_vault.root / "blobs").iterdir())


def test_add_to_a_case_not_hers_fails_in_one_line(
    team_vault: TeamVault, case_number: str, second: VaultSession, tmp_path: Path
) -> None:
    second.close()
    [path] = _files(tmp_path / "in", 10)
    result = run(team_vault, ["evidence", "add", case_number, str(path)], SECOND_ENV)
    assert_failed(result, "not assigned to you")
    for command in (["add-url", case_number, "https://example.org/x"], ["list", case_number], ["verify", case_number]):
        assert_failed(run(team_vault, ["evidence", *command], SECOND_ENV), "not assigned to you")


def test_usage_errors_exit_2(team_vault: TeamVault, case_number: str, tmp_path: Path) -> None:
    [path] = _files(tmp_path / "in", 10)
    assert run(team_vault, ["evidence", "add", case_number], COUNSELOR_ENV).exit_code == 2
    result = run(team_vault, ["evidence", "add", case_number, str(path), "--kind", "url_only"], COUNSELOR_ENV)
    assert result.exit_code == 2 and "add-url" in result.output
    assert run(team_vault, ["evidence", "add", case_number, str(path), "--kind", "photo"], COUNSELOR_ENV).exit_code == 2


def test_add_url_and_list(team_vault: TeamVault, case_number: str, tmp_path: Path) -> None:
    result = run(
        team_vault,
        ["evidence", "add-url", case_number, "https://x.com/a/status/1", "--platform", "x", "--description", "게시물"],
        COUNSELOR_ENV,
    )
    assert result.exit_code == 0, result.output
    assert "Added item #1" in result.stdout
    assert_failed(run(team_vault, ["evidence", "add-url", case_number, "not a link"], COUNSELOR_ENV), "not a link")
    [path] = _files(tmp_path / "in", 100)
    run(team_vault, ["evidence", "add", case_number, str(path)], COUNSELOR_ENV)

    table = run(team_vault, ["evidence", "list", case_number], COUNSELOR_ENV)
    assert table.exit_code == 0, table.output
    header = table.stdout.splitlines()[0]
    for column in ("ID", "KIND", "NAME OR LINK", "SIZE", "KEPT", "SHA-256"):
        assert column in header
    assert "https://x.com/a/status/1" in table.stdout and "증거0.png" in table.stdout
    assert "Custody of #2:" in table.stdout and "hashed" in table.stdout and "stored" in table.stdout

    listed = json.loads(run(team_vault, ["evidence", "list", case_number, "--json"], COUNSELOR_ENV).stdout)
    link, file = listed["items"]
    assert link["kind"] == "url_only" and link["sha256"] is None and link["description"] == "게시물"
    assert [e["event"] for e in file["custody"]] == ["received", "hashed", "stored"]
    assert file["custody"][1]["details"]["sha256"] == file["sha256"]
    assert {"seq", "event", "at", "actor", "details", "hash"} == set(file["custody"][0])
    actions = [e.action for e in AuditRepository(team_vault.admin.conn).page(limit=100)]
    assert AuditAction.EVIDENCE_LISTED in actions


def test_list_of_a_case_without_evidence(team_vault: TeamVault, case_number: str) -> None:
    result = run(team_vault, ["evidence", "list", case_number], COUNSELOR_ENV)
    assert result.exit_code == 0 and "has no evidence" in result.stdout


def test_verify_exits_1_naming_a_damaged_item(team_vault: TeamVault, case_number: str, tmp_path: Path) -> None:
    files = _files(tmp_path / "in", 2000, 3000)
    assert run(team_vault, ["evidence", "add", case_number, *map(str, files)], COUNSELOR_ENV).exit_code == 0
    ok = run(team_vault, ["evidence", "verify", case_number], COUNSELOR_ENV)
    assert ok.exit_code == 0, ok.output
    assert "2 evidence items verified." in ok.stdout
    everything = run(team_vault, ["evidence", "verify"], SUPERVISOR_ENV)
    assert everything.exit_code == 0 and "2 evidence items verified." in everything.stdout

    [blob, _] = sorted((team_vault.root / "blobs").iterdir(), key=lambda p: p.stat().st_mtime_ns)
    data = bytearray(blob.read_bytes())
    data[-5] ^= 0xFF
    blob.write_bytes(bytes(data))
    result = run(team_vault, ["evidence", "verify", case_number], COUNSELOR_ENV)
    assert_failed(result, "1 of 2 evidence items failed verification.")
    assert f"case {case_number}, item #1 증거0.png: chunk 0" in result.stderr
    assert "ok      " in result.stdout and "item #2" in result.stdout


def test_verify_by_an_administrator_without_casework_is_refused(team_vault: TeamVault) -> None:
    env = {"SAFECASE_USER": "admin", "SAFECASE_PASSWORD": "correct horse battery staple 9"}
    assert_failed(run(team_vault, ["evidence", "verify"], env), "Your role does not allow this")


# --- hand-over, return, destroy ----------------------------------------------------------------------


def _custody(team: TeamVault, case_number: str) -> list[dict[str, object]]:
    [item] = json.loads(run(team, ["evidence", "list", case_number, "--json"], COUNSELOR_ENV).stdout)["items"]
    return list(item["custody"])


def _one_file(team: TeamVault, case_number: str, tmp_path: Path) -> Path:
    [path] = _files(tmp_path / "in", 2000)
    assert run(team, ["evidence", "add", case_number, str(path)], COUNSELOR_ENV).exit_code == 0
    return path


def test_hand_over_and_return_are_recorded_in_custody(team_vault: TeamVault, case_number: str, tmp_path: Path) -> None:
    _one_file(team_vault, case_number, tmp_path)
    args = ["evidence", "hand-over", "#1", "--to", "박형사", "--organization", "서울경찰청", "--purpose", "고소장 제출"]
    result = run(team_vault, [*args, "--reference", "2026-123"], COUNSELOR_ENV)
    assert result.exit_code == 0, result.output
    assert "#1 증거0.png handed over to 박형사" in result.stdout
    returned = run(team_vault, ["evidence", "return", "1", "--by", "박형사", "--note", "USB 반환"], COUNSELOR_ENV)
    assert returned.exit_code == 0, returned.output
    *_, handed, back = _custody(team_vault, case_number)
    assert handed["event"] == "handed_over" and handed["details"] == {
        "recipient": "박형사",
        "organization": "서울경찰청",
        "purpose": "고소장 제출",
        "reference": "2026-123",
    }
    assert back["event"] == "returned" and back["details"] == {"returned_by": "박형사", "note": "USB 반환"}
    actions = [e.action for e in AuditRepository(team_vault.admin.conn).page(limit=100)]
    assert AuditAction.EVIDENCE_HANDED_OVER in actions and AuditAction.EVIDENCE_RETURNED in actions


def test_destroy_asks_and_a_no_changes_nothing(team_vault: TeamVault, case_number: str, tmp_path: Path) -> None:
    _one_file(team_vault, case_number, tmp_path)
    args = ["evidence", "destroy", "1", "--reason", "보존기간 경과"]
    result = CliRunner().invoke(cli, [*args, "--vault", str(team_vault.root)], env=COUNSELOR_ENV, input="n\n")
    question, error = result.stderr.splitlines()
    assert "#1 증거0.png" in question and "can never be recovered" in question
    assert result.exit_code == 1 and error == "safecase: error: Nothing was destroyed."
    assert [e["event"] for e in _custody(team_vault, case_number)] == ["received", "hashed", "stored"]
    assert len(list((team_vault.root / "blobs").iterdir())) == 1

    result = run(team_vault, [*args, "--yes"], COUNSELOR_ENV)
    assert result.exit_code == 0, result.output
    assert "Destroyed the file of #1 증거0.png" in result.stdout
    last = _custody(team_vault, case_number)[-1]
    assert last["event"] == "destroyed" and last["details"] == {"file": "shredded", "reason": "보존기간 경과"}
    assert not any((team_vault.root / "blobs").iterdir())
    assert_failed(run(team_vault, [*args, "--yes"], COUNSELOR_ENV), "was destroyed already")


def test_custody_commands_fail_in_one_line(
    team_vault: TeamVault, case_number: str, second: VaultSession, tmp_path: Path
) -> None:
    second.close()
    _one_file(team_vault, case_number, tmp_path)
    for command in (
        ["hand-over", "1", "--to", "박형사", "--purpose", "고소"],
        ["return", "1", "--by", "박형사"],
        ["destroy", "1", "--reason", "요청", "--yes"],
    ):
        assert_failed(run(team_vault, ["evidence", *command], SECOND_ENV), "not in a case assigned to you")
        assert_failed(run(team_vault, ["evidence", *command[:1], "99", *command[2:]], COUNSELOR_ENV), "does not exist")
    assert [e["event"] for e in _custody(team_vault, case_number)] == ["received", "hashed", "stored"]
    assert_failed(
        run(team_vault, ["evidence", "hand-over", "1", "--to", " ", "--purpose", "x"], COUNSELOR_ENV), "to whom"
    )
    assert_failed(run(team_vault, ["evidence", "return", "1", "--by", " "], COUNSELOR_ENV), "who returned")
    for usage in (
        ["hand-over", "1", "--to", "박형사"],
        ["hand-over", "abc", "--to", "박형사", "--purpose", "고소"],
        ["destroy", "1"],
        ["destroy", "1", "--reason", " ", "--yes"],
    ):
        assert run(team_vault, ["evidence", *usage], COUNSELOR_ENV).exit_code == 2
