"""Statistics reports: the counts of a hand-built vault, who may build and export them, the audit row,
and what an export leaves behind when the disk or the folder says no."""

from __future__ import annotations

import contextlib
import hashlib
import os
import resource
import signal
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from casework_data import TODAY
from clock_support import frozen
from report_vault import ReportCases, build_report_vault
from safecase.domain.audit import AuditAction
from safecase.domain.errors import InputError, PermissionDeniedError
from safecase.domain.statistics import ALL, NOT_RECORDED, OTHER_PLATFORMS
from safecase.reports.model import CountTable, MedianTable
from safecase.reports.statistics import ReportPeriod, StatisticsReport
from safecase.services.audit import AuditService
from safecase.services.reports import TABLE_KEYS, ReportFormat, Reports, month_period, parse_month
from safecase.services.session import VaultSession
from safecase.services.settings import SettingsService
from vault_support import TeamVault

Q1 = ReportPeriod(date(2026, 1, 1), date(2026, 3, 1))


@pytest.fixture
def seoul_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local time nine hours east of UTC, so a contact just after midnight on the 1st falls in the
    previous month in UTC and in its own month locally."""
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset() is not available on this platform")
    monkeypatch.setenv("TZ", "Asia/Seoul")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def cases(team_vault: TeamVault, supervisor: VaultSession, seoul_time: None) -> ReportCases:
    SettingsService(team_vault.admin).set_report_min_cell(3)
    return build_report_vault(supervisor)


def _report(session: VaultSession, period: ReportPeriod = Q1, k: int | None = None) -> StatisticsReport:
    return Reports(frozen(session, TODAY)).build(period, k)


def _count_table(report: StatisticsReport, key: str) -> CountTable:
    table = next(t for t in report.tables if t.key == key)
    assert isinstance(table, CountTable)
    return table


def _one_way(report: StatisticsReport, key: str) -> dict[str, int]:
    """The non-zero rows of a one-way table."""
    table = _count_table(report, key)
    return {row: table.value(row) for row in table.rows.codes if table.value(row)}


def _medians(report: StatisticsReport, key: str) -> dict[str, tuple[int, float | None]]:
    table = next(t for t in report.tables if t.key == key)
    assert isinstance(table, MedianTable)
    return {r.code: (r.size, r.median_days) for r in table.values if r.size}


# --- the counts --------------------------------------------------------------------------------------------


def test_every_table_counts_the_hand_built_vault(supervisor: VaultSession, cases: ReportCases) -> None:
    report = _report(supervisor)
    assert report.k == 3
    assert tuple(t.key for t in report.tables) == TABLE_KEYS and len(TABLE_KEYS) == 20
    assert _one_way(report, "new_cases_by_month") == {"2026-01": 2, "2026-02": 1, "2026-03": 2}
    # Local months: F's contact at 00:30 on 1 March is March here, though February in UTC.
    assert _one_way(report, "contacts_by_month") == {"2026-01": 3, "2026-02": 1, "2026-03": 2}
    assert _one_way(report, "incident_types") == {
        "synthetic_images": 1,
        "distribution": 1,
        "illegal_filming": 1,  # two incidents of B, one case
        "threat_to_distribute": 1,
        "bodycam_phishing": 1,
        NOT_RECORDED: 1,  # C, with no incident
    }
    by_month = _count_table(report, "incident_type_by_month")
    assert {k: v for k, v in by_month.values.items() if v} == {
        ("synthetic_images", "2026-01"): 1,
        ("distribution", "2026-01"): 1,
        ("illegal_filming", "2026-01"): 1,
        ("threat_to_distribute", "2026-02"): 1,
        ("bodycam_phishing", "2026-03"): 1,
        (NOT_RECORDED, "2026-03"): 1,
    }
    by_branch = _count_table(report, "incident_type_by_branch")
    assert {k: v for k, v in by_branch.values.items() if v} == {
        ("synthetic_images", "army"): 1,
        ("distribution", "army"): 1,
        ("illegal_filming", "air_force"): 1,
        ("threat_to_distribute", NOT_RECORDED): 1,
        ("bodycam_phishing", "navy"): 1,
        (NOT_RECORDED, NOT_RECORDED): 1,
    }
    # 에브리타임 is named in three cases (k): a row of its own; 네이버 밴드 (two) and 랜덤채팅앱 (one) are not,
    # and G, who named both, counts once under other platforms.
    assert _one_way(report, "platforms") == {"telegram": 1, "에브리타임": 3, OTHER_PLATFORMS: 2, NOT_RECORDED: 1}
    assert _one_way(report, "perpetrator_relations") == {
        "superior": 1,
        "peer": 1,
        "stranger": 1,
        "online_only": 2,
        NOT_RECORDED: 1,
    }
    assert _one_way(report, "branches") == {"army": 1, "air_force": 1, "navy": 1, NOT_RECORDED: 2}
    assert _one_way(report, "service_statuses") == {
        "nco": 1,
        "enlisted": 1,
        "civilian": 1,
        "officer": 1,
        NOT_RECORDED: 1,
    }
    assert _one_way(report, "age_bands") == {"20s": 2, "10s": 1, "30s": 1, "unknown": 1}
    assert _one_way(report, "genders") == {"female": 2, "male": 1, "non_binary": 1, "unknown": 1}
    assert _one_way(report, "regions") == {"seoul": 1, "gyeonggi": 1, "busan": 1, NOT_RECORDED: 2}
    assert _one_way(report, "contact_channels") == {"phone": 3, "chat": 1, "visit": 1, "messenger": 1}
    assert _one_way(report, "caller_types") == {"survivor": 4, "family": 1, "anonymous": 1}
    # Referrals sent in the period, E's too (opened before it); B's draft and G's April referral are not.
    assert _one_way(report, "referral_org_types") == {"takedown": 1, "police": 1, "legal_aid": 1}
    statuses = _count_table(report, "referral_status_by_org_type")
    assert {k: v for k, v in statuses.values.items() if v} == {
        ("takedown", "completed"): 1,
        ("police", "accepted"): 1,
        ("legal_aid", "sent"): 1,
    }
    assert "draft" not in statuses.columns.codes if statuses.columns else False
    assert _one_way(report, "referral_outcomes") == {
        "content_removed": 1,
        "investigation_opened": 1,
        NOT_RECORDED: 1,
    }
    takedowns = _count_table(report, "takedowns_by_reported_to")
    assert {k: v for k, v in takedowns.values.items() if v} == {
        ("kcsc", "removed"): 2,
        ("platform", "refused"): 1,
        ("dsc", "pending"): 1,
    }
    # Removed in the period: A's after 10 and 4 days, E's (reported in December) after 15.
    assert _medians(report, "median_days_to_removal") == {"kcsc": (2, None), "police": (1, None), ALL: (3, 10.0)}
    # First referral of A (10 days), F (38: from its opening, before its first contact) and G (24, in April).
    first = _medians(report, "median_days_to_first_referral")
    assert first[ALL] == (3, 24.0)
    assert all(median is None for code, (_, median) in first.items() if code != ALL)


def test_every_code_of_an_axis_is_a_row_even_at_zero(supervisor: VaultSession, cases: ReportCases) -> None:
    report = _report(supervisor)
    assert _count_table(report, "incident_types").rows.codes[-1] == NOT_RECORDED
    assert "rape" in _count_table(report, "incident_types").rows.codes  # D's type, left out, still a row
    months = _count_table(report, "incident_type_by_month").columns
    assert months is not None and months.codes == ("2026-01", "2026-02", "2026-03")
    outcomes = _count_table(report, "referral_outcomes").rows.codes
    assert outcomes == (
        "help_given",
        "investigation_opened",
        "legal_action",
        "content_removed",
        "declined_by_survivor",
        "not_eligible",
        "other",
        "not_recorded",
    )
    platforms = _count_table(report, "platforms").rows.codes
    assert platforms[-3:] == ("에브리타임", OTHER_PLATFORMS, NOT_RECORDED)
    assert "네이버 밴드" not in platforms and "랜덤채팅앱" not in platforms


def test_opted_out_case_is_left_out_everywhere_and_counted(supervisor: VaultSession, cases: ReportCases) -> None:
    report = _report(supervisor)
    assert report.excluded_cases == 1
    # D's rape, family perpetrator, marines, jeju, forties, e-mail from an officer, the declined police
    # referral and its take-down: nowhere.
    assert _one_way(report, "incident_types").get("rape", 0) == 0
    assert _one_way(report, "perpetrator_relations").get("family", 0) == 0
    assert _one_way(report, "branches").get("marines", 0) == 0
    assert _one_way(report, "regions").get("jeju", 0) == 0
    assert _one_way(report, "age_bands").get("40s", 0) == 0
    assert _one_way(report, "contact_channels").get("email", 0) == 0
    assert _one_way(report, "referral_outcomes").get("not_eligible", 0) == 0
    assert _medians(report, "median_days_to_removal").get("police") == (1, None)  # E's only
    published = Reports(supervisor).publish(report, "en")
    assert published.excluded_cases == 1
    assert any("1 case was left out because the survivor declined" in note for note in published.notes)
    korean = Reports(supervisor).publish(report, "ko")
    assert any("1건" in note and "제외" in note for note in korean.notes)


def test_k_folds_more_platform_names_and_hides_more(supervisor: VaultSession, cases: ReportCases) -> None:
    report = _report(supervisor, k=4)
    assert report.k == 4
    # 에브리타임's three cases are now too few: A, B, F and G all count under other platforms (A is also
    # under Telegram).
    assert _one_way(report, "platforms") == {"telegram": 1, OTHER_PLATFORMS: 4, NOT_RECORDED: 1}
    assert "에브리타임" not in Reports(supervisor).terms(report)["platform"]
    assert Reports(supervisor).terms(_report(supervisor))["platform"]["에브리타임"] == ("에브리타임", "에브리타임")
    assert _medians(report, "median_days_to_removal")[ALL] == (3, None)  # 3 removals < k


def test_terms_label_taxonomy_axes_in_both_languages(supervisor: VaultSession, cases: ReportCases) -> None:
    terms = Reports(supervisor).terms()
    assert terms["incident_type"]["synthetic_images"] == (
        "deepfake / synthetic sexual images",
        "합성·편집 (허위영상물·딥페이크)",
    )
    assert terms["region"]["seoul"] == ("Seoul", "서울")
    assert set(terms) == {"incident_type", "platform", "perpetrator_relation", "branch", "service_status", "region"}


def test_k_is_the_setting_or_larger(team_vault: TeamVault, supervisor: VaultSession) -> None:
    reports = Reports(frozen(supervisor, TODAY))
    assert reports.build(Q1).k == 5  # the default setting
    assert reports.build(Q1, 9).k == 9
    for low in (1, 2, 3, 4):
        with pytest.raises(InputError, match="cannot be lower than 5"):
            reports.build(Q1, low)
    with pytest.raises(InputError, match="at most 100"):
        reports.build(Q1, 101)
    SettingsService(team_vault.admin).set_report_min_cell(7)
    assert reports.build(Q1).k == 7
    with pytest.raises(InputError, match="cannot be lower than 7"):
        reports.build(Q1, 5)


def test_a_report_built_before_the_setting_was_raised_is_not_exported(
    team_vault: TeamVault, supervisor: VaultSession, tmp_path: Path
) -> None:
    reports = Reports(frozen(supervisor, TODAY))
    report = reports.build(Q1)
    SettingsService(team_vault.admin).set_report_min_cell(8)
    with pytest.raises(InputError, match="build it again"):
        reports.export(report, ReportFormat.CSV, "en", tmp_path / "r.csv")
    assert not (tmp_path / "r.csv").exists()


def test_periods_are_whole_months_at_most_five_years_and_not_in_the_future(supervisor: VaultSession) -> None:
    assert month_period("2026-01", "2026-03") == Q1
    assert parse_month(" 2025-12 ") == date(2025, 12, 1)
    for bad in ("2026-13", "2026-1", "26-01", "2026/01", "", "2026-01-05", "1800-01"):
        with pytest.raises(InputError, match="is not a month like 2026-03"):
            parse_month(bad)
    with pytest.raises(InputError, match=r"ends \(2026-01\) before it starts \(2026-03\)"):
        month_period("2026-03", "2026-01")
    assert len(month_period("2021-01", "2025-12").months()) == 60
    with pytest.raises(InputError, match="at most 60 months; this period has 61"):
        month_period("2021-01", "2026-01")
    reports = Reports(frozen(supervisor, TODAY))
    with pytest.raises(InputError, match="starts after this month"):
        reports.build(ReportPeriod(date(2026, 12, 1), date(2026, 12, 1)))
    with pytest.raises(InputError, match="whole months"):
        reports.build(ReportPeriod(date(2026, 1, 2), date(2026, 3, 1)))
    assert reports.build(ReportPeriod(date(2026, 11, 1), date(2027, 1, 1))).period.months()[-1] == "2027-01"


# --- who -----------------------------------------------------------------------------------------------------


def test_a_counselor_can_neither_build_nor_export_nor_read_the_labels(
    counselor: VaultSession, supervisor: VaultSession, tmp_path: Path
) -> None:
    report = _report(supervisor)
    reports = Reports(frozen(counselor, TODAY))
    refusal = r"Your role does not allow this \(export_anonymized\)"
    with pytest.raises(PermissionDeniedError, match=refusal):
        reports.build(Q1)
    with pytest.raises(PermissionDeniedError, match=refusal):
        reports.export(report, ReportFormat.CSV, "en", tmp_path / "r.csv")
    with pytest.raises(PermissionDeniedError, match=refusal):
        reports.publish(report, "en")
    with pytest.raises(PermissionDeniedError, match=refusal):
        reports.terms()
    with pytest.raises(PermissionDeniedError, match=refusal):
        reports.minimum_k()
    assert not (tmp_path / "r.csv").exists()


def test_an_administrator_may_build_and_export(team_vault: TeamVault, tmp_path: Path) -> None:
    reports = Reports(frozen(team_vault.admin, TODAY))
    result = reports.export(reports.build(Q1), ReportFormat.CSV, "en", tmp_path / "admin.csv")
    assert result.path.is_file()


# --- export ------------------------------------------------------------------------------------------------


def test_export_writes_the_file_and_one_audit_row_with_its_sha256(
    team_vault: TeamVault, supervisor: VaultSession, cases: ReportCases, tmp_path: Path
) -> None:
    reports = Reports(frozen(supervisor, TODAY))
    report = reports.build(Q1)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "분기 보고서.xlsx"
    result = reports.export(report, ReportFormat.XLSX, "ko", target)
    data = target.read_bytes()
    assert result.path == target and result.size == len(data) and data.startswith(b"PK")
    assert result.sha256 == hashlib.sha256(data).hexdigest()
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    assert [p.name for p in out.iterdir()] == [target.name]  # nothing beside it
    rows = [e for e in AuditService(team_vault.admin).entries(100) if e.action == AuditAction.REPORT_EXPORTED]
    assert len(rows) == 1
    (row,) = rows
    assert row.actor == "supervisor" and row.target_type == "report"
    published = reports.publish(report, "ko")
    assert row.details == {
        "format": "xlsx",
        "from": "2026-01",
        "to": "2026-03",
        "k": "3",
        "language": "ko",
        "tables": "20",
        "primary": str(published.primary_count),
        "secondary": str(published.secondary_count),
        "sha256": result.sha256,
    }
    assert (result.primary, result.secondary) == (published.primary_count, published.secondary_count)
    assert result.primary > 0  # this small vault has plenty of counts below 3
    for number in cases.numbers:  # the audit row names no case either
        assert number not in str(row.details)


def test_export_refuses_a_place_it_should_not_write(
    supervisor: VaultSession, team_vault: TeamVault, tmp_path: Path
) -> None:
    reports = Reports(frozen(supervisor, TODAY))
    report = reports.build(Q1)
    existing = tmp_path / "old.csv"
    existing.write_bytes(b"keep me")
    with pytest.raises(InputError, match="already exists"):
        reports.export(report, ReportFormat.CSV, "en", existing)
    assert existing.read_bytes() == b"keep me"
    replaced = reports.export(report, ReportFormat.CSV, "en", existing, overwrite=True)
    assert existing.read_bytes() != b"keep me" and replaced.sha256 == hashlib.sha256(existing.read_bytes()).hexdigest()
    with pytest.raises(InputError, match="is a folder"):
        reports.export(report, ReportFormat.CSV, "en", tmp_path)
    with pytest.raises(InputError, match="does not exist"):
        reports.export(report, ReportFormat.CSV, "en", tmp_path / "no such folder" / "r.csv")
    with pytest.raises(InputError, match="does not exist"):
        reports.export(report, ReportFormat.CSV, "en", existing / "r.csv")  # a file where a folder should be
    with pytest.raises(InputError, match="inside the vault folder"):
        reports.export(report, ReportFormat.CSV, "en", team_vault.root / "r.csv")
    with pytest.raises(InputError, match=r"Korean \(ko\) or English \(en\)"):
        reports.export(report, ReportFormat.CSV, "fr", tmp_path / "fr.csv")
    assert not (team_vault.root / "r.csv").exists() and not (tmp_path / "fr.csv").exists()
    exported = [e for e in AuditService(team_vault.admin).entries(100) if e.action == AuditAction.REPORT_EXPORTED]
    assert len(exported) == 1  # the one overwrite; every refusal recorded nothing


def _unwritable_folder(tmp_path: Path) -> Path:
    """A folder this process cannot create files in: a read-only one, or (for root, whom permissions do
    not stop) sysfs, where nobody creates files."""
    if os.geteuid() != 0:
        folder = tmp_path / "read-only"
        folder.mkdir()
        folder.chmod(0o500)
        return folder
    folder = Path("/sys")
    probe = folder / ".safecase-probe"
    try:
        os.close(os.open(probe, os.O_WRONLY | os.O_CREAT, 0o600))
    except OSError:
        return folder
    probe.unlink()
    pytest.skip("no folder here refuses root's writes")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions and sysfs")
def test_an_unwritable_folder_gives_a_clear_message_and_leaves_nothing(
    supervisor: VaultSession, team_vault: TeamVault, tmp_path: Path
) -> None:
    folder = _unwritable_folder(tmp_path)
    reports = Reports(frozen(supervisor, TODAY))
    target = folder / "safecase-report.csv"
    with pytest.raises(InputError, match=r"cannot be written to .*safecase-report\.csv .*Nothing was written"):
        reports.export(reports.build(Q1), ReportFormat.CSV, "en", target)
    assert not target.exists()
    assert not [p for p in folder.iterdir() if "safecase-report" in p.name]
    assert AuditAction.REPORT_EXPORTED not in {e.action for e in AuditService(team_vault.admin).entries(100)}


@contextlib.contextmanager
def _file_size_limit(limit: int) -> Iterator[None]:
    """Writes past ``limit`` bytes fail (EFBIG) as on a full disk: the kernel refuses them, nothing is faked."""
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_FSIZE as a stand-in for a full disk")
def test_a_full_disk_gives_a_clear_message_and_leaves_nothing(
    supervisor: VaultSession, team_vault: TeamVault, tmp_path: Path
) -> None:
    reports = Reports(frozen(supervisor, TODAY))
    report = reports.build(Q1)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "report.xlsx"
    with _file_size_limit(2048), pytest.raises(InputError, match=r"cannot be written to .*Nothing was written"):
        reports.export(report, ReportFormat.XLSX, "en", target)
    assert list(out.iterdir()) == []  # neither the report nor its temporary file
    assert AuditAction.REPORT_EXPORTED not in {e.action for e in AuditService(team_vault.admin).entries(100)}
    # The vault is fine afterwards, and the same export works once there is room.
    assert reports.export(report, ReportFormat.XLSX, "en", target).path.is_file()


def test_a_pdf_needs_a_renderer(supervisor: VaultSession, tmp_path: Path) -> None:
    reports = Reports(frozen(supervisor, TODAY))
    with pytest.raises(ValueError, match="PdfRenderer"):
        reports.export(reports.build(Q1), ReportFormat.PDF, "en", tmp_path / "r.pdf")
    assert not (tmp_path / "r.pdf").exists()


def test_counts_run_in_one_snapshot_inside_a_unit_of_work_too(supervisor: VaultSession, cases: ReportCases) -> None:
    """Built inside a caller's transaction, the report reads through it and leaves it open."""
    session = frozen(supervisor, TODAY)
    with session.write():
        inside = Reports(session).build(Q1)
        assert session.conn.in_transaction
    outside = Reports(session).build(Q1)
    assert [t for t in inside.tables] == [t for t in outside.tables]
    assert not session.conn.in_transaction
