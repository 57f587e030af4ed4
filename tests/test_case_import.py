"""Importing cases from CSV: encodings, Korean labels, every kind of bad row, all or nothing, roles, audit.

Every bad file must import nothing (the number of cases is the same before and after) and name each bad
row by its physical line in the file, the header being line 1.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from clock_support import frozen
from safecase.domain.audit import AuditAction
from safecase.domain.cases import AgeBand, CaseFields, CaseFilter, CaseStatus, Gender, RiskLevel
from safecase.domain.contacts import CallerType, Channel
from safecase.domain.errors import InputError, PermissionDeniedError
from safecase.domain.incidents import DatePrecision
from safecase.domain.roles import Role
from safecase.services.accounts import AccountService
from safecase.services.audit import AuditService
from safecase.services.case_import import (
    COLUMNS,
    ImportReport,
    accepted_values,
    import_cases,
    parse_affiliation,
    preview_import,
)
from safecase.services.cases import CaseService
from safecase.services.contacts import ContactService
from safecase.services.incidents import IncidentService
from safecase.services.session import VaultSession
from safecase.vault.repositories.cases import CaseRepository
from vault_support import COUNSELOR, COUNSELOR_PASSWORD, SUPERVISOR, SUPERVISOR_PASSWORD, TeamVault

FIXTURES = Path(__file__).parent / "fixtures" / "import"
GOOD = FIXTURES / "good.csv"
HEADER = ",".join(COLUMNS)
TODAY = date(2026, 6, 1)


def today(session: VaultSession) -> VaultSession:
    return frozen(session, TODAY)


def case_count(session: VaultSession) -> int:
    return CaseRepository(session.conn).count()


def write_csv(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "cases.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def row(**values: str) -> str:
    """A CSV line with the documented columns in order (values must not need quoting)."""
    unknown = set(values) - set(COLUMNS)
    assert not unknown, unknown
    return ",".join(values.get(column, "") for column in COLUMNS)


def ok_row(**values: str) -> str:
    return row(**{"opened": "2024-03-05", "counselor": COUNSELOR, **values})


def import_text(session: VaultSession, tmp_path: Path, *lines: str) -> ImportReport:
    return import_cases(today(session), write_csv(tmp_path, "\n".join([HEADER, *lines]) + "\n"))


def assert_nothing_imported(session: VaultSession, before: int, report: ImportReport) -> None:
    assert not report.ok
    assert report.imported == 0
    assert report.case_numbers == ()
    assert case_count(session) == before


def lines_of(report: ImportReport) -> list[int]:
    return sorted({p.line for p in report.problems})


def cases_by_alias(session: VaultSession) -> dict[str, int]:
    service = CaseService(today(session))
    ids = service.list_ids(CaseFilter(), log=False)
    return {s.alias: s.id for s in service.summaries(ids)}


# --- good files ----------------------------------------------------------------------------------------


def test_good_file_imports_every_row_with_codes_and_korean_and_english_labels(supervisor: VaultSession) -> None:
    report = import_cases(today(supervisor), GOOD)
    assert report.ok, report.problems
    assert (report.rows, report.valid, report.imported) == (4, 4, 4)
    # Rows naming a number are written first, so a generated number never takes one named further down.
    assert report.case_numbers == ("2024-0001", "2023-0117", "2024-0002", "2024-0003")
    assert case_count(supervisor) == 4

    cases = CaseService(today(supervisor))
    ids = cases_by_alias(supervisor)
    minji = cases.get(ids["민지"])
    assert minji.number == "2024-0001"
    assert (minji.status, minji.risk, minji.opened_on) == (CaseStatus.ACTIVE, RiskLevel.URGENT, date(2024, 3, 5))
    assert (minji.profile.age_band, minji.profile.gender) == (AgeBand.TWENTIES, Gender.FEMALE)
    assert (minji.profile.branch, minji.profile.service_status, minji.profile.region) == ("army", "nco", "gyeonggi")
    assert minji.counselors == (COUNSELOR,)
    (incident,) = IncidentService(supervisor).for_case(minji.id)
    assert incident.types == ("distribution", "synthetic_images")
    assert incident.platforms == ("telegram", "틱톡")  # a platform off the list is kept as written
    assert incident.perpetrator_relation == "superior"
    assert (incident.date_precision, incident.date_value) == (DatePrecision.MONTH, "2024-02")
    (contact,) = ContactService(today(supervisor)).for_case(minji.id)
    assert contact.summary == "[Imported record]\n가해자가 텔레그램방에 합성 사진을 올림.\n다시 협박당함."
    assert (contact.channel, contact.caller_type, contact.counselor) == (Channel.OTHER, CallerType.SURVIVOR, COUNSELOR)
    assert contact.at.astimezone().date() == date(2024, 3, 5)
    assert contact.duration_minutes is None

    jk = cases.get(ids["J.K."])
    assert (jk.number, jk.status, jk.profile.branch, jk.profile.service_status) == (
        "2023-0117",
        CaseStatus.CLOSED,
        "air_force",
        "enlisted",
    )
    assert ContactService(today(supervisor)).for_case(jk.id) == []  # no notes, no contact

    soldier = cases.get(ids["상병A"])
    assert soldier.counselors == (COUNSELOR, SUPERVISOR)
    assert (soldier.risk, soldier.profile.gender, soldier.profile.age_band) == (
        RiskLevel.HIGH,
        Gender.MALE,
        AgeBand.TEENS,
    )
    assert (soldier.profile.branch, soldier.profile.service_status) == ("", "civilian")
    assert soldier.profile.region == "seoul"
    (incident,) = IncidentService(supervisor).for_case(soldier.id)
    assert (incident.types, incident.platforms) == (("threat_to_distribute",), ("kakaotalk",))
    assert incident.perpetrator_relation == "online_only"
    assert soldier.statistics_opt_out  # 예: the survivor declined statistical use
    assert not minji.statistics_opt_out and not jk.statistics_opt_out  # empty: counted

    bare = cases.get(ids["S.H."])
    assert (bare.status, bare.risk, bare.profile.age_band) == (CaseStatus.OPEN, RiskLevel.LOW, AgeBand.UNKNOWN)
    assert bare.counselors == (SUPERVISOR,)  # empty counselor: the importing supervisor
    assert IncidentService(supervisor).for_case(bare.id) == []

    # The notes are searchable like any contact summary (협박 inside 협박당함, 가해자 inside 가해자가).
    for word in ("협박", "가해자", "텔레그램방", "money"):
        assert cases.list_ids(CaseFilter(text=word), log=False), word


def test_each_imported_case_is_audit_logged_with_its_line(supervisor: VaultSession) -> None:
    report = import_cases(today(supervisor), GOOD)
    entries = [e for e in AuditService(supervisor).entries(limit=100) if e.action == AuditAction.CASE_IMPORTED]
    assert len(entries) == report.imported == 4
    assert {e.actor for e in entries} == {SUPERVISOR}
    ids = set(cases_by_alias(supervisor).values())
    assert {int(e.target_id) for e in entries} == ids
    assert sorted(int(e.details["line"]) for e in entries) == [2, 4, 5, 6]
    assert all(set(e.details) == {"line"} for e in entries)  # no case content in the audit log


@pytest.mark.parametrize("encoding", ["cp949", "utf-8-sig"])
def test_cp949_and_bom_files_read_the_same_as_utf8(supervisor: VaultSession, tmp_path: Path, encoding: str) -> None:
    text = GOOD.read_text("utf-8")
    path = write_csv(tmp_path, text.replace("\n", "\r\n"), encoding)  # as Excel writes it
    if encoding == "utf-8-sig":
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    preview = preview_import(today(supervisor), path)
    assert preview.encoding == encoding
    assert preview.columns == COLUMNS  # a BOM never sticks to the first column name
    assert [r.line for r in preview.rows] == [2, 4, 5, 6]
    report = import_cases(today(supervisor), path)
    assert report.ok and report.imported == 4
    aliases = cases_by_alias(supervisor)
    assert {"민지", "상병A", "J.K.", "S.H."} <= set(aliases)
    (contact,) = ContactService(today(supervisor)).for_case(aliases["민지"])
    assert "협박당함" in contact.summary


def test_a_file_neither_utf8_nor_cp949_is_refused_with_a_clear_message(
    supervisor: VaultSession, tmp_path: Path
) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes(HEADER.encode() + b"\n,2024-03-05,,,\xc9\xa1\xfe\xfe,,,,,,,,,,\n")
    with pytest.raises(InputError, match="neither UTF-8 nor CP949"):
        import_cases(today(supervisor), path)
    assert case_count(supervisor) == 0


def test_missing_file_is_an_input_error(supervisor: VaultSession, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no file"):
        import_cases(supervisor, tmp_path / "nothing.csv")


def test_korean_labels_are_accepted_for_every_coded_column(supervisor: VaultSession, tmp_path: Path) -> None:
    report = import_text(
        supervisor,
        tmp_path,
        ok_row(alias="가", status="종결", risk="보통", age_band="10대", gender="남성", affiliation="해병대/병사"),
        ok_row(alias="나", status="연계", risk="낮음", age_band="60대 이상", gender="여", affiliation="부사관 공군"),
        ok_row(alias="다", status="보관", risk="높음", age_band="모름", gender="논바이너리", affiliation="군무원"),
        ok_row(alias="라", status="접수", risk="긴급", age_band="10세 미만", gender="모름", affiliation="민간인"),
        ok_row(
            alias="마",
            region="제주특별자치도",
            incident_types="불법 촬영;유포협박;몸캠피싱",
            platforms="카카오톡;X(트위터)",
            perpetrator_relation="동기",
            incident_date="2024",
        ),
    )
    assert report.ok, report.problems
    cases = CaseService(today(supervisor))
    got = {alias: cases.get(case_id) for alias, case_id in cases_by_alias(supervisor).items()}
    assert (got["가"].status, got["가"].risk, got["가"].profile.age_band) == (
        CaseStatus.CLOSED,
        RiskLevel.MEDIUM,
        AgeBand.TEENS,
    )
    assert (got["가"].profile.branch, got["가"].profile.service_status) == ("marines", "enlisted")
    assert (got["나"].status, got["나"].profile.age_band, got["나"].profile.gender) == (
        CaseStatus.REFERRED,
        AgeBand.SIXTY_PLUS,
        Gender.FEMALE,
    )
    assert (got["나"].profile.branch, got["나"].profile.service_status) == ("air_force", "nco")
    assert (got["다"].status, got["다"].risk, got["다"].profile.gender) == (
        CaseStatus.ARCHIVED,
        RiskLevel.HIGH,
        Gender.NON_BINARY,
    )
    assert got["다"].profile.service_status == "civilian_employee"
    assert (got["라"].status, got["라"].risk, got["라"].profile.age_band) == (
        CaseStatus.OPEN,
        RiskLevel.URGENT,
        AgeBand.UNDER_10,
    )
    assert got["마"].profile.region == "jeju"
    (incident,) = IncidentService(supervisor).for_case(got["마"].id)
    assert incident.types == ("bodycam_phishing", "illegal_filming", "threat_to_distribute")
    assert incident.platforms == ("kakaotalk", "x")
    assert (incident.perpetrator_relation, incident.date_precision) == ("peer", DatePrecision.YEAR)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("army/nco", ("army", "nco")),
        ("ARMY / NCO", ("army", "nco")),
        ("육군 부사관", ("army", "nco")),
        ("육군부사관", ("army", "nco")),
        ("부사관/육군", ("army", "nco")),
        ("Air Force officer", ("air_force", "officer")),
        ("해병대·병사", ("marines", "enlisted")),
        ("국방부 직할부대 군무원", ("mnd_direct", "civilian_employee")),
        ("civilian", ("", "civilian")),
        ("학생", ("", "student")),
        ("육군", ("army", "")),
        ("", ("", "")),
        ("space force", None),
        ("육군 " * 200, None),
        ("육군 대령님", None),
    ],
)
def test_affiliation_maps_onto_branch_and_service_status(text: str, expected: tuple[str, str] | None) -> None:
    assert parse_affiliation(text) == expected


def test_accepted_values_list_codes_with_korean_labels() -> None:
    assert "urgent (긴급)" in accepted_values("risk")
    assert "synthetic_images (합성·편집 (허위영상물·딥페이크))" in accepted_values("incident_types")
    assert "nco (부사관)" in accepted_values("affiliation")
    assert accepted_values("notes") == []


def test_generated_numbers_never_take_a_number_named_further_down(supervisor: VaultSession, tmp_path: Path) -> None:
    report = import_text(
        supervisor, tmp_path, ok_row(alias="generated"), ok_row(alias="named", case_number="2024-0001")
    )
    assert report.ok, report.problems
    cases = CaseService(today(supervisor))
    numbers = {s.alias: s.number for s in cases.summaries(cases.list_ids(CaseFilter(), log=False))}
    assert numbers == {"named": "2024-0001", "generated": "2024-0002"}


def test_blank_rows_are_skipped(supervisor: VaultSession, tmp_path: Path) -> None:
    report = import_text(supervisor, tmp_path, ok_row(alias="a"), "", ",,,,,,,,,,,,,,", ok_row(alias="b"), ",,,")
    assert report.ok, report.problems
    assert report.imported == 2


# --- bad files: nothing is imported and every bad line is named -------------------------------------------

BAD_ROWS: list[tuple[str, str, str]] = [
    ("opened not a date", ok_row(opened="2024-13-01"), "opened"),
    ("opened in another format", ok_row(opened="2024/03/05"), "not a date like 2024-03-05"),
    ("opened an ISO week", ok_row(opened="2024-W10-2"), "not a date like"),
    ("opened missing", ok_row(opened=""), "opened: the date the case was opened is missing"),
    ("opened in the future", ok_row(opened="2026-06-02"), "in the future"),
    ("incident date not a date", ok_row(incident_types="rape", incident_date="2024-02-30"), "incident_date"),
    ("incident date words", ok_row(incident_types="rape", incident_date="last spring"), "incident_date"),
    ("unknown status", ok_row(status="pending"), "status: unknown value “pending”"),
    ("unknown risk", ok_row(risk="critical"), "risk: unknown value"),
    ("unknown age band", ok_row(age_band="25"), "age_band: unknown value"),
    ("unknown gender", ok_row(gender="x"), "gender: unknown value"),
    ("unknown opt-out", ok_row(statistics_opt_out="maybe"), "statistics_opt_out: unknown value “maybe”"),
    ("unknown region", ok_row(region="Mars"), "region: unknown value"),
    ("unknown affiliation", ok_row(affiliation="space force"), "affiliation"),
    ("unknown incident type", ok_row(incident_types="rape;hacking"), "incident_types: unknown value “hacking”"),
    ("types with a slash", ok_row(incident_types="불법촬영/유포"), "separate several with"),
    ("unknown relation", ok_row(incident_types="rape", perpetrator_relation="boss"), "perpetrator_relation"),
    ("platform without a type", ok_row(platforms="telegram"), "incident_types: give the incident type"),
    ("bad case number", ok_row(case_number="42"), "not a case number"),
    ("unknown counselor", ok_row(counselor="nobody"), "counselor: there is no user “nobody”"),
    ("admin as counselor", ok_row(counselor="admin"), "is not a counselor or supervisor"),
    ("too many fields", ok_row() + ",extra", "the row has 17 fields but the header has 16"),
    ("too few fields", "2024-0001,2024-03-05,open", "the row has 3 fields but the header has 16"),
    ("unclosed quote", ok_row(notes='"never closed'), "not valid CSV"),
    ("number already in the vault", ok_row(case_number="2024-0100"), "case 2024-0100 is already in the vault"),
]


def test_each_bad_file_imports_nothing_and_names_the_bad_line(supervisor: VaultSession, tmp_path: Path) -> None:
    """One file per kind of bad row (one vault for all, to keep the suite fast)."""
    CaseService(today(supervisor)).create(CaseFields(opened_on=date(2024, 1, 2)), number="2024-0100")
    before = case_count(supervisor)
    # A good row with a note over two physical lines first: the bad row starts on line 4.
    good = ok_row(alias="fine", notes='"first line\nsecond line"')
    for name, bad, reason in BAD_ROWS:
        folder = tmp_path / name.replace(" ", "-")
        folder.mkdir()
        report = import_text(supervisor, folder, good, bad, ok_row(alias="also fine"))
        assert_nothing_imported(supervisor, before, report)
        assert lines_of(report) == [4], (name, report.problems)
        assert any(reason in p.reason for p in report.problems), (name, report.problems)
        assert any(str(p).startswith("line 4: ") for p in report.problems), name
        dry = import_cases(today(supervisor), folder / "cases.csv", dry_run=True)
        assert dry.problems == report.problems, name


def test_every_bad_row_is_listed_not_just_the_first(supervisor: VaultSession, tmp_path: Path) -> None:
    before = case_count(supervisor)
    report = import_text(
        supervisor,
        tmp_path,
        ok_row(alias="ok"),  # line 2
        ok_row(opened="yesterday"),  # line 3
        ok_row(notes='"a note\nover\nthree lines"'),  # lines 4-6
        ok_row(status="pending", risk="critical"),  # line 7: two problems
        ok_row(counselor="nobody"),  # line 8
        "too,few",  # line 9
        ok_row(alias="ok too"),  # line 10
    )
    assert_nothing_imported(supervisor, before, report)
    assert lines_of(report) == [3, 7, 8, 9]
    assert [p.line for p in report.problems].count(7) == 2
    assert report.valid == 3


def test_duplicate_case_numbers_within_the_file(supervisor: VaultSession, tmp_path: Path) -> None:
    before = case_count(supervisor)
    report = import_text(
        supervisor,
        tmp_path,
        ok_row(case_number="2024-0007"),
        ok_row(case_number="2024-0008"),
        ok_row(case_number="2024-0007"),
    )
    assert_nothing_imported(supervisor, before, report)
    assert lines_of(report) == [4]
    assert "2024-0007 appears twice in the file (first on line 2)" in report.problems[0].reason


def test_duplicate_case_numbers_already_in_the_vault(supervisor: VaultSession, tmp_path: Path) -> None:
    CaseService(today(supervisor)).create(CaseFields(opened_on=date(2024, 1, 2)), number="2024-0100")
    before = case_count(supervisor)
    report = import_text(supervisor, tmp_path, ok_row(alias="new"), ok_row(case_number="2024-0100"))
    assert_nothing_imported(supervisor, before, report)
    assert lines_of(report) == [3]
    assert "case 2024-0100 is already in the vault" in report.problems[0].reason


def test_importing_the_same_file_twice_is_refused_the_second_time(supervisor: VaultSession) -> None:
    assert import_cases(today(supervisor), GOOD).imported == 4
    again = import_cases(today(supervisor), GOOD)
    assert_nothing_imported(supervisor, 4, again)
    assert lines_of(again) == [4]  # only the row with a fixed number; the others would get new numbers


def test_a_disabled_counselor_is_refused(team_vault: TeamVault, tmp_path: Path) -> None:
    AccountService(team_vault.admin).disable_user(COUNSELOR)
    session = team_vault.sign_in(SUPERVISOR, SUPERVISOR_PASSWORD)
    try:
        report = import_text(session, tmp_path, ok_row())
        assert_nothing_imported(session, 0, report)
        assert "counselor: the account “counselor” is disabled" in report.problems[0].reason
    finally:
        session.close()


@pytest.mark.parametrize(
    ("header", "reason"),
    [
        (HEADER.replace("counselor", "counsellor"), "unknown column(s): “counsellor”"),
        (HEADER.replace("opened,", ""), "missing column(s): opened"),
        (HEADER + ",notes", "column(s) named twice: notes"),
    ],
)
def test_header_problems_are_on_line_1(supervisor: VaultSession, tmp_path: Path, header: str, reason: str) -> None:
    path = write_csv(tmp_path, header + "\n" + ok_row() + "\n")
    report = import_cases(today(supervisor), path)
    assert_nothing_imported(supervisor, 0, report)
    assert report.problems[0].line == 1
    assert reason in report.problems[0].reason


def test_a_header_naming_only_some_columns_is_fine(supervisor: VaultSession, tmp_path: Path) -> None:
    path = write_csv(tmp_path, "Opened,ALIAS,Risk\n2024-05-01,민지,긴급\n")
    report = import_cases(today(supervisor), path)
    assert report.ok, report.problems
    case = CaseService(today(supervisor)).get(cases_by_alias(supervisor)["민지"])
    assert (case.risk, case.counselors) == (RiskLevel.URGENT, (SUPERVISOR,))


@pytest.mark.parametrize("text", ["", "\n\n", HEADER + "\n"])
def test_an_empty_file_imports_nothing(supervisor: VaultSession, tmp_path: Path, text: str) -> None:
    report = import_cases(today(supervisor), write_csv(tmp_path, text))
    assert_nothing_imported(supervisor, 0, report)
    assert lines_of(report) == [1]


# --- roles, dry run and preview ---------------------------------------------------------------------------


def test_counselors_may_not_import_or_preview(team_vault: TeamVault) -> None:
    session = team_vault.sign_in(COUNSELOR, COUNSELOR_PASSWORD)
    try:
        with pytest.raises(PermissionDeniedError):
            import_cases(today(session), GOOD)
        with pytest.raises(PermissionDeniedError):
            preview_import(today(session), GOOD)
        assert case_count(session) == 0
    finally:
        session.close()


def test_an_admin_imports_when_every_row_names_a_counselor(team_vault: TeamVault, tmp_path: Path) -> None:
    admin = team_vault.admin
    assert Role.ADMIN in admin.user.roles
    refused = import_cases(today(admin), GOOD)  # the last row names no counselor
    assert_nothing_imported(admin, 0, refused)
    assert lines_of(refused) == [6]
    assert "administrators work no cases" in refused.problems[0].reason
    report = import_text(admin, tmp_path, ok_row(alias="a"), ok_row(alias="b", counselor=SUPERVISOR))
    assert report.ok and report.imported == 2
    entries = [e for e in AuditService(admin).entries(limit=50) if e.action == AuditAction.CASE_IMPORTED]
    assert len(entries) == 2 and {e.actor for e in entries} == {"admin"}


def test_dry_run_checks_everything_and_writes_nothing(supervisor: VaultSession) -> None:
    report = import_cases(today(supervisor), GOOD, dry_run=True)
    assert report.ok and report.dry_run
    assert (report.rows, report.valid, report.imported) == (4, 4, 0)
    assert case_count(supervisor) == 0
    actions = {e.action for e in AuditService(supervisor).entries(limit=50)}
    assert AuditAction.CASE_IMPORTED not in actions


def test_preview_shows_every_row_with_its_values_and_problems(supervisor: VaultSession, tmp_path: Path) -> None:
    path = write_csv(tmp_path, "\n".join([HEADER, ok_row(alias="민지"), ok_row(alias="x", status="pending")]))
    preview = preview_import(today(supervisor), path)
    assert preview.columns == COLUMNS
    assert [r.line for r in preview.rows] == [2, 3]
    assert preview.rows[0].ok and preview.rows[0].values["alias"] == "민지"
    assert not preview.rows[1].ok and "status" in preview.rows[1].problems[0]
    assert not preview.ok
    assert [p.line for p in preview.problems] == [3]
    assert case_count(supervisor) == 0


def test_an_imported_note_is_in_the_case_history(supervisor: VaultSession, tmp_path: Path) -> None:
    path = tmp_path / "records.csv"
    path.write_text("opened,alias,notes\n2024-03-05,민지,가해자가 사진을 올림\n", encoding="utf-8")
    report = import_cases(today(supervisor), path)
    assert report.ok and report.imported == 1
    cases = CaseService(today(supervisor))
    case_id = cases.id_for_number(report.case_numbers[0])
    summaries = [h.new_value for h in cases.history(case_id) if h.record_type == "contact" and h.field == "summary"]
    assert summaries and summaries[0].endswith("가해자가 사진을 올림")
