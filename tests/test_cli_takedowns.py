"""``safecase takedown list|add|status|recheck``: output, JSON, exit codes, roles and one-line errors."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, timedelta

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
URL = "https://t.me/deepfake_room/4411"
TODAY = date.today()


def run(team: TeamVault, args: Sequence[str], env: dict[str, str]) -> Result:
    return CliRunner().invoke(cli, [*args, "--vault", str(team.root)], env=env, catch_exceptions=False)


def ok(result: Result) -> Result:
    assert result.exit_code == 0, result.output
    return result


def assert_failed(result: Result, fragment: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("safecase: error: "), result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert fragment in result.stderr, result.stderr
    assert "Traceback" not in result.output


@pytest.fixture
def case_number(counselor: VaultSession) -> str:
    number = CaseService(counselor).create(case_fields()).number
    counselor.close()
    return number


def _add(team: TeamVault, number: str, *extra: str, url: str = URL) -> int:
    args = ["takedown", "add", number, url, "--platform", "텔레그램", "--reported-to", "dsc", *extra]
    result = ok(run(team, args, COUNSELOR_ENV))
    assert result.stdout.startswith("Recorded take-down #")
    return int(result.stdout.split("#")[1].split()[0])


def _listed(team: TeamVault, *args: str, env: dict[str, str] = COUNSELOR_ENV) -> list[dict[str, object]]:
    return json.loads(ok(run(team, ["takedown", "list", *args, "--json"], env)).stdout)  # type: ignore[no-any-return]


def test_add_list_and_json(team_vault: TeamVault, case_number: str) -> None:
    reported = (TODAY - timedelta(days=9)).isoformat()
    first = _add(team_vault, case_number, "--reference", "DSC-77", "--date", reported)
    second = _add(
        team_vault, case_number, "--recheck", (TODAY + timedelta(days=2)).isoformat(), url="https://x.com/a/1"
    )
    [overdue, later] = _listed(team_vault)
    assert [overdue["id"], later["id"]] == [first, second], "by re-check date"
    assert overdue == overdue | {
        "case_number": case_number,
        "url": URL,
        "platform": "telegram",
        "reported_to": "dsc",
        "reported_on": reported,
        "reference": "DSC-77",
        "status": "reported",
        "recheck_on": (TODAY - timedelta(days=2)).isoformat(),  # a week after the report, by default
        "open": True,
        "due": True,
        "reappeared_from": None,
    }
    assert later["due"] is False and later["reported_on"] == TODAY.isoformat()
    assert [e["id"] for e in _listed(team_vault, "--due")] == [first]

    table = ok(run(team_vault, ["takedown", "list"], COUNSELOR_ENV)).stdout
    assert "RE-CHECK" in table and "(overdue)" in table and URL in table
    assert "No take-down to re-check today." not in table


def test_status_reappeared_and_case_history(team_vault: TeamVault, case_number: str) -> None:
    takedown = _add(team_vault, case_number, "--date", (TODAY - timedelta(days=4)).isoformat())
    args = ["takedown", "status", str(takedown), "acknowledged", "--reference", "KC-1", "--note", "접수"]
    assert "acknowledged since" in ok(run(team_vault, args, COUNSELOR_ENV)).stdout
    ok(run(team_vault, ["takedown", "status", str(takedown), "removed", "--note", "삭제 확인"], COUNSELOR_ENV))
    assert _listed(team_vault) == [], "removed: no longer open"
    result = ok(
        run(
            team_vault,
            ["takedown", "status", str(takedown), "reappeared", "--url", "https://t.me/mirror/2"],
            COUNSELOR_ENV,
        )
    )
    assert f"the material of #{takedown} reappeared" in result.stdout
    [again] = _listed(team_vault)
    assert again["reappeared_from"] == takedown and again["status"] == "reappeared"
    assert again["url"] == "https://t.me/mirror/2"

    entries = _listed(team_vault, "--case", case_number)
    assert [e["id"] for e in entries] == [takedown, again["id"]]
    history = entries[0]["history"]
    assert isinstance(history, list)
    assert [h["status"] for h in history] == ["reported", "acknowledged", "removed"]
    assert history[1]["note"] == "접수" and entries[0]["reference"] == "KC-1"
    text = ok(run(team_vault, ["takedown", "list", "--case", case_number], COUNSELOR_ENV)).stdout
    assert f"History of #{takedown}:" in text and "삭제 확인" in text

    ok(
        run(
            team_vault,
            ["takedown", "recheck", str(again["id"]), (TODAY + timedelta(days=3)).isoformat()],
            COUNSELOR_ENV,
        )
    )
    assert _listed(team_vault)[0]["recheck_on"] == (TODAY + timedelta(days=3)).isoformat()
    assert (
        "no re-check date"
        in ok(run(team_vault, ["takedown", "recheck", str(again["id"]), "none"], COUNSELOR_ENV)).stdout
    )

    admin = team_vault.admin
    actions = [e.action for e in AuditRepository(admin.conn).page(limit=100)]
    for action in (
        AuditAction.TAKEDOWN_ADDED,
        AuditAction.TAKEDOWN_STATUS_CHANGED,
        AuditAction.TAKEDOWN_UPDATED,
        AuditAction.TAKEDOWNS_LISTED,
    ):
        assert action in actions


def test_errors_are_one_line_with_exit_1(team_vault: TeamVault, case_number: str, second: VaultSession) -> None:
    second.close()
    takedown = _add(team_vault, case_number)
    assert_failed(run(team_vault, ["takedown", "status", str(takedown), "reported"], COUNSELOR_ENV), "reported already")
    assert_failed(run(team_vault, ["takedown", "status", str(takedown), "reappeared"], COUNSELOR_ENV), "Only removed")
    future = (TODAY + timedelta(days=1)).isoformat()
    assert_failed(
        run(team_vault, ["takedown", "status", str(takedown), "removed", "--date", future], COUNSELOR_ENV),
        "in the future",
    )
    assert_failed(run(team_vault, ["takedown", "status", "999", "removed"], COUNSELOR_ENV), "does not exist")
    bad_link = ["takedown", "add", case_number, "not a link", "--platform", "x", "--reported-to", "kcsc"]
    assert_failed(run(team_vault, bad_link, COUNSELOR_ENV), "not a link")
    # Another counselor neither sees nor changes it, nor adds to the case.
    assert _listed(team_vault, env=SECOND_ENV) == []
    assert_failed(
        run(team_vault, ["takedown", "status", str(takedown), "removed"], SECOND_ENV), "not in a case assigned"
    )
    add = ["takedown", "add", case_number, URL, "--platform", "x", "--reported-to", "police"]
    assert_failed(run(team_vault, add, SECOND_ENV), "not assigned to you")
    assert_failed(run(team_vault, ["takedown", "list", "--case", case_number], SECOND_ENV), "not assigned to you")
    # The supervisor sees every case's.
    assert [e["id"] for e in _listed(team_vault, env=SUPERVISOR_ENV)] == [takedown]


def test_usage_errors_exit_2(team_vault: TeamVault, case_number: str) -> None:
    base = ["takedown", "add", case_number, URL, "--platform", "x"]
    assert run(team_vault, base, COUNSELOR_ENV).exit_code == 2, "--reported-to is required"
    assert run(team_vault, [*base, "--reported-to", "facebook"], COUNSELOR_ENV).exit_code == 2
    assert run(team_vault, [*base, "--reported-to", "kcsc", "--date", "20.11.2026"], COUNSELOR_ENV).exit_code == 2
    assert run(team_vault, ["takedown", "status", "1", "deleted"], COUNSELOR_ENV).exit_code == 2
    assert run(team_vault, ["takedown", "status", "1", "removed", "--url", URL], COUNSELOR_ENV).exit_code == 2
    assert run(team_vault, ["takedown", "recheck", "1", "soon"], COUNSELOR_ENV).exit_code == 2


def test_empty_lists_say_so(team_vault: TeamVault, case_number: str) -> None:
    assert ok(run(team_vault, ["takedown", "list"], COUNSELOR_ENV)).stdout.strip() == "No open take-down."
    assert "No take-down to re-check today." in ok(run(team_vault, ["takedown", "list", "--due"], COUNSELOR_ENV)).stdout
    assert _listed(team_vault) == []
