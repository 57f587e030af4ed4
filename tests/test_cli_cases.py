"""``safecase case list|show``, ``import-cases`` and ``demo``: output, exit codes, roles and audit rows."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from safecase.cli import cli
from safecase.domain.audit import AuditAction
from safecase.domain.cases import CaseFields, RiskLevel, SensitiveContact, SurvivorProfile
from safecase.services import access, demo
from safecase.services.audit import AuditService
from safecase.services.case_import import COLUMNS
from safecase.services.cases import CaseService
from safecase.services.session import VaultSession
from safecase.vault.repositories.cases import CaseRepository
from vault_support import (
    ADMIN,
    ADMIN_PASSWORD,
    COUNSELOR,
    COUNSELOR_PASSWORD,
    SUPERVISOR,
    SUPERVISOR_PASSWORD,
    TeamVault,
    build_team_vault,
)
from vault_templates import VaultTemplates

GOOD = Path(__file__).parent / "fixtures" / "import" / "good.csv"
REAL_NAME = "Canary Realname"
PHONE = "010-5555-0199"
SUMMARY_KEYS = {"case_number", "status", "risk", "opened", "counselors", "alias", "incident_types"}


def run(args: Sequence[str], env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


def as_user(name: str, password: str) -> dict[str, str]:
    return {"SAFECASE_USER": name, "SAFECASE_PASSWORD": password}


ADMIN_ENV = as_user(ADMIN, ADMIN_PASSWORD)
COUNSELOR_ENV = as_user(COUNSELOR, COUNSELOR_PASSWORD)
SUPERVISOR_ENV = as_user(SUPERVISOR, SUPERVISOR_PASSWORD)


def cmd(team: TeamVault, *args: str) -> list[str]:
    return [*args, "--vault", str(team.root)]


def assert_failed(result: Result, fragment: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("safecase: error: "), result.stderr
    assert fragment in result.stderr, result.stderr
    assert "Traceback" not in result.output


def actions(session: VaultSession) -> list[str]:
    return [e.action for e in AuditService(session).entries(limit=500)]


def build_casework_vault(root: Path) -> str:
    """The team's vault with 30 demo cases, plus 2026-9001 (the counselor's, with identifying details) and
    2026-9002 (the supervisor's); returns its recovery key (a template builder)."""
    recovery_key = build_team_vault(root)
    admin = access.sign_in(root, ADMIN, ADMIN_PASSWORD)
    try:
        demo.add_demo_cases(admin, 30, seed=7)
    finally:
        admin.close()
    supervisor = access.sign_in(root, SUPERVISOR, SUPERVISOR_PASSWORD)
    try:
        cases = CaseService(supervisor)
        cases.create(
            CaseFields(
                risk=RiskLevel.URGENT,
                profile=SurvivorProfile(alias="캐너리"),
                sensitive=SensitiveContact(REAL_NAME, PHONE),
            ),
            counselors=[COUNSELOR],
            number="2026-9001",
        )
        cases.create(
            CaseFields(profile=SurvivorProfile(alias="not yours")), counselors=[SUPERVISOR], number="2026-9002"
        )
    finally:
        supervisor.close()
    return recovery_key


@pytest.fixture
def casework(vault_dir: Path, vault_templates: VaultTemplates) -> Iterator[TeamVault]:
    """This test's own copy of the casework vault (built once per session), the admin signed in."""
    team = TeamVault.open(vault_dir, vault_templates.copy("cli-casework", build_casework_vault, vault_dir))
    yield team
    team.admin.close()


# --- case list -----------------------------------------------------------------------------------------


def test_case_list_prints_a_table_and_logs_the_listing(casework: TeamVault) -> None:
    result = run(cmd(casework, "case", "list"), SUPERVISOR_ENV)
    assert result.exit_code == 0, result.output
    header = result.stdout.splitlines()[0]
    for column in ("NUMBER", "OPENED", "STATUS", "RISK", "ALIAS", "COUNSELORS"):
        assert column in header
    assert "2026-9001" in result.stdout and "캐너리" in result.stdout
    assert len(result.stdout.splitlines()) == 2 + 32
    assert AuditAction.CASES_LISTED in actions(casework.admin)


def test_case_list_json_has_the_documented_keys(casework: TeamVault) -> None:
    result = run(cmd(casework, "case", "list", "--json"), SUPERVISOR_ENV)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert len(rows) == 32
    for row in rows:
        assert set(row) >= SUMMARY_KEYS
        assert isinstance(row["counselors"], list) and isinstance(row["incident_types"], list)
    assert [r["opened"] for r in rows] == sorted((r["opened"] for r in rows), reverse=True)


def test_case_list_filters(casework: TeamVault) -> None:
    def listed(*args: str) -> list[dict[str, object]]:
        result = run(cmd(casework, "case", "list", "--json", *args), SUPERVISOR_ENV)
        assert result.exit_code == 0, result.output
        rows: list[dict[str, object]] = json.loads(result.stdout)
        return rows

    everything = listed()
    urgent = listed("--risk", "urgent")
    assert urgent and all(r["risk"] == "urgent" for r in urgent)
    assert any(r["case_number"] == "2026-9001" for r in urgent)
    closed = listed("--status", "closed", "--status", "ARCHIVED")
    assert {r["status"] for r in closed} <= {"closed", "archived"}
    assert len(closed) == sum(1 for r in everything if r["status"] in ("closed", "archived"))
    theirs = listed("--counselor", "Counselor")
    assert theirs and all(COUNSELOR in r["counselors"] for r in theirs)  # type: ignore[operator]
    found = listed("--search", "가해자")
    assert 0 < len(found) < len(everything)
    assert listed("--search", "zzzznothing") == []
    overdue = listed("--overdue")
    assert all(r["case_number"] != "2026-9002" for r in overdue)
    assert len(listed("--limit", "3")) == 3


def test_case_list_shows_a_counselor_only_their_cases(casework: TeamVault) -> None:
    result = run(cmd(casework, "case", "list", "--json"), COUNSELOR_ENV)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows and all(COUNSELOR in r["counselors"] for r in rows)
    assert "2026-9001" in {r["case_number"] for r in rows}
    assert "2026-9002" not in {r["case_number"] for r in rows}


def test_case_list_empty_and_refused(casework: TeamVault) -> None:
    result = run(cmd(casework, "case", "list", "--search", "zzzznothing"), SUPERVISOR_ENV)
    assert result.exit_code == 0
    assert result.stdout.strip() == "No cases match."
    assert_failed(run(cmd(casework, "case", "list"), ADMIN_ENV), "Your role does not allow this")


def test_case_usage_errors_exit_2(casework: TeamVault) -> None:
    assert run(cmd(casework, "case", "list", "--status", "pending"), SUPERVISOR_ENV).exit_code == 2
    assert run(cmd(casework, "case", "list", "--risk", "extreme"), SUPERVISOR_ENV).exit_code == 2
    assert run(cmd(casework, "case", "list", "--limit", "-1"), SUPERVISOR_ENV).exit_code == 2
    assert run(cmd(casework, "case", "show"), SUPERVISOR_ENV).exit_code == 2
    assert run(cmd(casework, "case", "nothing"), SUPERVISOR_ENV).exit_code == 2
    assert run(cmd(casework, "import-cases"), SUPERVISOR_ENV).exit_code == 2
    assert run(cmd(casework, "demo"), ADMIN_ENV).exit_code == 2
    assert run(cmd(casework, "demo", "--cases", "0"), ADMIN_ENV).exit_code == 2
    assert run(cmd(casework, "demo", "--cases", "5", "--seed", "x"), ADMIN_ENV).exit_code == 2


# --- case show -----------------------------------------------------------------------------------------


def test_case_show_prints_every_part_of_the_case_with_identifying_details_hidden(casework: TeamVault) -> None:
    listed = json.loads(run(cmd(casework, "case", "list", "--json"), SUPERVISOR_ENV).stdout)
    number = next(r["case_number"] for r in listed if not r["case_number"].startswith("2026-900"))
    result = run(cmd(casework, "case", "show", number), SUPERVISOR_ENV)
    assert result.exit_code == 0, result.output
    for part in ("Case " + number, "Status:", "Counselors:", "Contacts (", "Incidents (", "Referrals (", "Tasks ("):
        assert part in result.stdout
    result = run(cmd(casework, "case", "show", "2026-9001"), COUNSELOR_ENV)
    assert result.exit_code == 0, result.output
    assert REAL_NAME not in result.stdout and PHONE not in result.stdout
    assert "recorded; --reveal shows them" in result.stdout
    assert AuditAction.CASE_VIEWED in actions(casework.admin)
    assert AuditAction.CASE_REVEALED not in actions(casework.admin)


def test_case_show_json(casework: TeamVault) -> None:
    result = run(cmd(casework, "case", "show", "2026-9001", "--json"), COUNSELOR_ENV)
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert set(body) >= SUMMARY_KEYS
    assert {"contacts", "incidents", "consents", "referrals", "tasks", "profile"} <= set(body)
    assert body["case_number"] == "2026-9001" and body["risk"] == "urgent"
    assert body["identifying_details"] == {"recorded": True, "revealed": False, "real_name": None, "phone": None}
    assert REAL_NAME not in result.stdout and PHONE not in result.stdout
    listed = json.loads(run(cmd(casework, "case", "list", "--json"), SUPERVISOR_ENV).stdout)
    demo_case = next(r for r in listed if not r["case_number"].startswith("2026-900"))
    full = json.loads(run(cmd(casework, "case", "show", demo_case["case_number"], "--json"), SUPERVISOR_ENV).stdout)
    assert full["contacts"] and full["incidents"]
    assert {"at", "channel", "summary", "counselor"} <= set(full["contacts"][0])


def test_case_show_reveal_shows_name_and_phone_and_is_audit_logged(casework: TeamVault) -> None:
    result = run(cmd(casework, "case", "show", "2026-9001", "--reveal"), COUNSELOR_ENV)
    assert result.exit_code == 0, result.output
    assert REAL_NAME in result.stdout and PHONE in result.stdout
    revealed = [e for e in AuditService(casework.admin).entries() if e.action == AuditAction.CASE_REVEALED]
    assert len(revealed) == 1
    assert revealed[0].actor == COUNSELOR
    case_id = CaseRepository(casework.admin.conn).id_for_number("2026-9001")
    assert revealed[0].target_id == str(case_id)
    assert REAL_NAME not in json.dumps(revealed[0].details)
    body = json.loads(run(cmd(casework, "case", "show", "2026-9001", "--json", "--reveal"), COUNSELOR_ENV).stdout)
    assert body["identifying_details"]["real_name"] == REAL_NAME
    assert body["identifying_details"]["phone"] == PHONE


def test_case_show_reveal_records_the_reason_given(casework: TeamVault) -> None:
    reason = "경찰 진술 동행 일정 연락"
    result = run(cmd(casework, "case", "show", "2026-9001", "--reveal", "--reason", reason), COUNSELOR_ENV)
    assert result.exit_code == 0, result.output
    revealed = [e for e in AuditService(casework.admin).entries() if e.action == AuditAction.CASE_REVEALED]
    assert [e.details for e in revealed] == [{"reason": reason}]

    alone = run(cmd(casework, "case", "show", "2026-9001", "--reason", reason), COUNSELOR_ENV)
    assert alone.exit_code == 2 and "--reason goes with --reveal" in alone.output
    assert len([a for a in actions(casework.admin) if a == AuditAction.CASE_REVEALED]) == 1


def test_a_counselor_cannot_see_another_counselors_case(casework: TeamVault) -> None:
    for extra in ([], ["--json"], ["--reveal"]):
        result = run(cmd(casework, "case", "show", "2026-9002", *extra), COUNSELOR_ENV)
        assert_failed(result, "That case does not exist or is not assigned to you.")
        assert "not yours" not in result.output
    missing = run(cmd(casework, "case", "show", "2019-0001"), COUNSELOR_ENV)
    assert_failed(missing, "That case does not exist or is not assigned to you.")
    assert AuditAction.CASE_REVEALED not in actions(casework.admin)


# --- import-cases --------------------------------------------------------------------------------------


def test_import_cases_imports_and_prints_the_count(team_vault: TeamVault) -> None:
    dry = run(cmd(team_vault, "import-cases", str(GOOD), "--dry-run"), SUPERVISOR_ENV)
    assert dry.exit_code == 0, dry.output
    assert "4 rows" in dry.stdout and "dry run" in dry.stdout
    assert CaseRepository(team_vault.admin.conn).count() == 0
    result = run(cmd(team_vault, "import-cases", str(GOOD)), SUPERVISOR_ENV)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "Imported 4 cases."
    assert CaseRepository(team_vault.admin.conn).count() == 4
    assert actions(team_vault.admin).count(AuditAction.CASE_IMPORTED) == 4


def test_import_cases_lists_every_bad_row_and_imports_nothing(team_vault: TeamVault, tmp_path: Path) -> None:
    good = ",".join({"opened": "2024-03-05", "counselor": COUNSELOR}.get(c, "") for c in COLUMNS)
    bad_date = good.replace("2024-03-05", "2024-02-31")
    path = tmp_path / "bad.csv"
    path.write_text("\n".join([",".join(COLUMNS), good, bad_date, good, "a,b"]) + "\n", encoding="cp949")
    for extra in ([], ["--dry-run"]):
        result = run(cmd(team_vault, "import-cases", str(path), *extra), SUPERVISOR_ENV)
        assert result.exit_code == 1, result.output
        lines = result.stderr.splitlines()
        assert lines[0] == "safecase: error: Nothing was imported: the file has 2 problems."
        assert lines[1].startswith("  - line 3: opened:")
        assert lines[2] == "  - line 5: the row has 2 fields but the header has 16."
        assert len(lines) == 3
    assert CaseRepository(team_vault.admin.conn).count() == 0
    assert AuditAction.CASE_IMPORTED not in actions(team_vault.admin)


def test_import_cases_refuses_counselors_and_missing_files(team_vault: TeamVault, tmp_path: Path) -> None:
    assert_failed(run(cmd(team_vault, "import-cases", str(GOOD)), COUNSELOR_ENV), "Your role does not allow this")
    assert_failed(
        run(cmd(team_vault, "import-cases", str(tmp_path / "none.csv")), SUPERVISOR_ENV), "There is no file at"
    )
    assert CaseRepository(team_vault.admin.conn).count() == 0


# --- demo ----------------------------------------------------------------------------------------------


def test_demo_adds_cases_as_admin_only_and_never_into_real_casework(team_vault: TeamVault) -> None:
    assert_failed(run(cmd(team_vault, "demo", "--cases", "5"), SUPERVISOR_ENV), "Your role does not allow this")
    result = run(cmd(team_vault, "demo", "--cases", "12", "--seed", "3"), ADMIN_ENV)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Added 12 demo cases")
    assert CaseRepository(team_vault.admin.conn).count() == 12
    assert AuditAction.DEMO_DATA_ADDED in actions(team_vault.admin)
    assert run(cmd(team_vault, "import-cases", str(GOOD)), SUPERVISOR_ENV).exit_code == 0
    assert_failed(run(cmd(team_vault, "demo", "--cases", "5"), ADMIN_ENV), "not demo cases")
    assert run(cmd(team_vault, "demo", "--cases", "5", "--force"), ADMIN_ENV).exit_code == 0
    assert CaseRepository(team_vault.admin.conn).count() == 21
