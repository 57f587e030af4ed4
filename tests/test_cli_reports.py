"""``safecase report``: the file, its SHA-256 and the hidden cells on stdout; one-line refusals; the
language from the locale; a Korean PDF from a process with no display at all."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from report_vault import ReportCases, build_report_vault
from safecase.cli import cli
from safecase.cli._reports import default_language
from safecase.domain.audit import AuditAction
from safecase.reports import labels
from safecase.services.audit import AuditService
from safecase.services.reports import TABLE_KEYS
from safecase.services.session import VaultSession
from safecase.services.settings import SettingsService
from vault_support import COUNSELOR, COUNSELOR_PASSWORD, SUPERVISOR, SUPERVISOR_PASSWORD, TeamVault

SUPERVISOR_ENV = {"SAFECASE_USER": SUPERVISOR, "SAFECASE_PASSWORD": SUPERVISOR_PASSWORD, "LANG": "en_US.UTF-8"}
COUNSELOR_ENV = {"SAFECASE_USER": COUNSELOR, "SAFECASE_PASSWORD": COUNSELOR_PASSWORD}
Q1 = ["--from", "2026-01", "--to", "2026-03"]


@pytest.fixture
def seeded(team_vault: TeamVault, supervisor: VaultSession) -> ReportCases:
    """The hand-built report vault, k = 3 (the sessions close before the commands run)."""
    SettingsService(team_vault.admin).set_report_min_cell(3)
    built = build_report_vault(supervisor)
    supervisor.close()
    return built


def _invoke(team: TeamVault, args: list[str], env: dict[str, str]) -> Result:
    return CliRunner().invoke(cli, ["report", *args, "--vault", str(team.root)], env=env, catch_exceptions=False)


def _one_line_failure(result: Result, fragment: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("safecase: error: "), result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert fragment in result.stderr, result.stderr
    assert "Traceback" not in result.output


def test_supervisor_writes_a_csv_and_sees_path_hash_and_hidden_cells(
    team_vault: TeamVault, seeded: ReportCases, tmp_path: Path
) -> None:
    out = tmp_path / "q1.csv"
    result = _invoke(team_vault, [*Q1, "--format", "csv", "--out", str(out)], SUPERVISOR_ENV)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    assert lines[0] == str(out)
    assert lines[1] == f"{digest}  q1.csv"
    assert lines[2].startswith("20 tables, k = 3: ") and "cells shown as <3" in lines[2]
    assert len(lines) == 3
    assert "1 case left out: the survivor declined statistical use." in result.stderr
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, for Excel
    rows = [e for e in AuditService(team_vault.admin).entries(100) if e.action == AuditAction.REPORT_EXPORTED]
    assert [(e.actor, e.details["sha256"], e.details["language"]) for e in rows] == [(SUPERVISOR, digest, "en")]


def test_a_counselor_is_refused_in_one_line(team_vault: TeamVault, seeded: ReportCases, tmp_path: Path) -> None:
    out = tmp_path / "q1.csv"
    result = _invoke(team_vault, [*Q1, "--format", "csv", "--out", str(out)], COUNSELOR_ENV)
    _one_line_failure(result, "Your role does not allow this (export_anonymized).")
    assert not out.exists()
    assert AuditAction.REPORT_EXPORTED not in {e.action for e in AuditService(team_vault.admin).entries(100)}


@pytest.mark.parametrize(
    ("first", "last", "fragment"),
    [
        ("2026-13", "2026-03", "“2026-13” is not a month like 2026-03."),
        ("2026-1", "2026-03", "is not a month like 2026-03"),
        ("2026-03", "2026-01", "The period ends (2026-01) before it starts (2026-03)."),
        ("2020-01", "2026-03", "A report covers at most 60 months; this period has 75."),
        ("2099-01", "2099-03", "The period starts after this month"),
    ],
)
def test_bad_months_fail_in_one_line(
    team_vault: TeamVault, tmp_path: Path, first: str, last: str, fragment: str
) -> None:
    out = tmp_path / "r.csv"
    args = ["--from", first, "--to", last, "--format", "csv", "--out", str(out)]
    _one_line_failure(_invoke(team_vault, args, SUPERVISOR_ENV), fragment)
    assert not out.exists()


def test_months_are_checked_before_the_password_is_asked_for(team_vault: TeamVault, tmp_path: Path) -> None:
    args = ["--from", "next year", "--to", "2026-03", "--format", "csv", "--out", str(tmp_path / "r.csv")]
    result = _invoke(team_vault, args, {"SAFECASE_USER": SUPERVISOR})  # no password anywhere: no prompt
    _one_line_failure(result, "is not a month like 2026-03")


def test_k_below_the_setting_is_refused_and_above_it_allowed(
    team_vault: TeamVault, seeded: ReportCases, tmp_path: Path
) -> None:
    low = _invoke(team_vault, [*Q1, "--format", "csv", "--out", str(tmp_path / "a.csv"), "--k", "2"], SUPERVISOR_ENV)
    _one_line_failure(low, "k cannot be lower than 3")
    high = _invoke(team_vault, [*Q1, "--format", "csv", "--out", str(tmp_path / "b.csv"), "--k", "7"], SUPERVISOR_ENV)
    assert high.exit_code == 0, high.output
    assert "k = 7: " in high.stdout and "<7" in (tmp_path / "b.csv").read_text("utf-8-sig")
    assert not (tmp_path / "a.csv").exists()


def test_usage_errors_and_an_existing_file(team_vault: TeamVault, seeded: ReportCases, tmp_path: Path) -> None:
    bad_format = _invoke(team_vault, [*Q1, "--format", "docx", "--out", str(tmp_path / "r.docx")], SUPERVISOR_ENV)
    assert bad_format.exit_code == 2 and "docx" in bad_format.stderr
    existing = tmp_path / "done.csv"
    existing.write_text("earlier", "utf-8")
    again = _invoke(team_vault, [*Q1, "--format", "csv", "--out", str(existing)], SUPERVISOR_ENV)
    _one_line_failure(again, "already exists; choose another name.")
    assert existing.read_text("utf-8") == "earlier"
    missing = _invoke(team_vault, [*Q1, "--format", "csv", "--out", str(tmp_path / "no" / "r.csv")], SUPERVISOR_ENV)
    _one_line_failure(missing, "does not exist")


def test_the_language_follows_the_locale_unless_given(
    team_vault: TeamVault, seeded: ReportCases, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("LC_ALL", "LANG"):
        monkeypatch.delenv(name, raising=False)
    assert default_language() == "en"
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    assert default_language() == "ko"
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")  # LC_ALL wins over LANG
    assert default_language() == "en"
    monkeypatch.setenv("LC_ALL", "ko_KR.UTF-8")
    assert default_language() == "ko"

    env = {**SUPERVISOR_ENV, "LANG": "ko_KR.UTF-8", "LC_ALL": ""}
    korean = _invoke(team_vault, [*Q1, "--format", "csv", "--out", str(tmp_path / "ko.csv")], env)
    assert korean.exit_code == 0, korean.output
    assert labels.table_title("new_cases_by_month", "ko") in (tmp_path / "ko.csv").read_text("utf-8-sig")
    english = _invoke(team_vault, [*Q1, "--format", "csv", "--out", str(tmp_path / "en.csv"), "--lang", "en"], env)
    assert english.exit_code == 0, english.output
    assert labels.table_title("new_cases_by_month", "en") in (tmp_path / "en.csv").read_text("utf-8-sig")


def _headless_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    return {**env, "SAFECASE_USER": SUPERVISOR, "SAFECASE_PASSWORD": SUPERVISOR_PASSWORD}


def test_a_korean_pdf_from_a_process_without_any_display(
    team_vault: TeamVault, seeded: ReportCases, tmp_path: Path
) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (Debian poppler-utils, installed by scripts/run-tests) is not installed")
    out = tmp_path / "1분기.pdf"
    args = ["report", *Q1, "--format", "pdf", "--out", str(out), "--lang", "ko", "--vault", str(team_vault.root)]
    result = subprocess.run(
        [sys.executable, "-m", "safecase", *args],
        capture_output=True,
        text=True,
        env=_headless_env(),
        timeout=180,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1] == f"{hashlib.sha256(out.read_bytes()).hexdigest()}  {out.name}"
    text = subprocess.run(["pdftotext", str(out), "-"], check=True, capture_output=True, text=True).stdout
    flat = " ".join(text.split())
    for key in TABLE_KEYS:
        assert " ".join(labels.table_title(key, "ko").split()) in flat, key
