"""publish(): a built statistics report as it is read, in Korean or English.

Every table in the shared order, labelled in the chosen language (age bands as the official Korean
counts print them, taxonomy terms and custom platform names from the service), hidden cells printed as
``<k`` or ``X`` without their number, withheld tables as a note, medians only for groups of at least k,
and the notes a reader needs.
"""

from __future__ import annotations

from datetime import date

import pytest

from report_samples import CUSTOM_PLATFORM, TERMS, sample_report
from safecase.domain.cases import AgeBand, Gender
from safecase.domain.contacts import CallerType, Channel
from safecase.domain.referrals import OrganizationType, ReferralStatus
from safecase.domain.takedowns import ReportedTo
from safecase.reports import labels
from safecase.reports.model import Axis, CountTable, MedianRow, MedianTable
from safecase.reports.published import ChartKind, PublishedReport, publish
from safecase.reports.statistics import ReportPeriod, StatisticsReport
from safecase.reports.suppression import CellState, Suppression, suppress

TABLE_ORDER = (
    "new_cases_by_month",
    "contacts_by_month",
    "incident_types",
    "incident_type_by_month",
    "incident_type_by_branch",
    "platforms",
    "perpetrator_relations",
    "branches",
    "service_statuses",
    "age_bands",
    "genders",
    "regions",
    "contact_channels",
    "caller_types",
    "referral_org_types",
    "referral_status_by_org_type",
    "referral_outcomes",
    "takedowns_by_reported_to",
    "median_days_to_removal",
    "median_days_to_first_referral",
)


def _small_report(states: dict[str, CellState] | None = None, excluded: int = 0) -> StatisticsReport:
    """Incident type by month over two months, plus the one-way table that shares its row totals."""
    months = Axis("month", ("2026-03", "2026-04"))
    types = Axis("incident_type", ("synthetic_images", "rape", "not_recorded"), multi_valued=True)
    cross = CountTable(
        "incident_type_by_month",
        "cases",
        types,
        months,
        {("synthetic_images", "2026-03"): 12, ("synthetic_images", "2026-04"): 3, ("rape", "2026-04"): 7},
    )
    one_way = CountTable("incident_types", "cases", types, values={("synthetic_images", ""): 15, ("rape", ""): 7})
    # The rule's primary cells only (as report_samples does): these tests are about printing states.
    all_states = {
        key: CellState.PRIMARY if 0 < value < 5 else CellState.SHOWN
        for table in (one_way, cross)
        for key, value in table.quantities()
    }
    all_states.update(states or {})
    return StatisticsReport(
        ReportPeriod(date(2026, 3, 1), date(2026, 4, 1)),
        5,
        (one_way, cross),
        Suppression(5, all_states),
        excluded,
    )


def _table(report: PublishedReport, key: str):  # type: ignore[no-untyped-def]
    return next(t for t in report.tables if t.key == key)


def test_every_table_in_the_shared_order_with_its_title_in_both_languages() -> None:
    report = sample_report()
    for language in ("ko", "en"):
        published = publish(report, language, TERMS)
        assert published.language == language
        assert tuple(t.key for t in published.tables) == TABLE_ORDER
        titles = [t.title for t in published.tables]
        assert titles == [labels.TABLE_TITLES[key].in_(language) for key in TABLE_ORDER]
        assert len(set(titles)) == len(titles)
    assert _table(publish(report, "ko", TERMS), "age_bands").title == "연령대별 사례"
    assert _table(publish(report, "en", TERMS), "age_bands").title == "Cases by age band"


def test_one_way_and_cross_tables_have_a_row_per_code_and_totals() -> None:
    published = publish(_small_report(), "en", TERMS)
    one_way = _table(published, "incident_types")
    assert one_way.header == ("Incident type", "Cases")
    assert [r.label for r in one_way.rows] == [
        "deepfake / synthetic sexual images",
        "rape",
        "Not recorded",
        "Total (mentions)",
    ]
    assert [r.is_total for r in one_way.rows] == [False, False, False, True]
    assert [r.cells[0].text for r in one_way.rows] == ["15", "7", "0", "22"]

    cross = _table(published, "incident_type_by_month")
    # Months are a single-valued axis: their total column counts cases; incident types count mentions.
    assert cross.header == ("Incident type", "Mar 2026", "Apr 2026", "Total")
    assert [[c.text for c in r.cells] for r in cross.rows] == [
        ["12", "<5", "15"],
        ["0", "7", "7"],
        ["0", "0", "0"],
        ["12", "10", "22"],
    ]
    assert cross.rows[-1].label == "Total (mentions)"
    assert "counts mentions, not cases" in cross.note


def test_hidden_cells_print_their_marker_and_never_carry_their_number() -> None:
    cross_key = "cases|incident_type=synthetic_images|month=2026-03"
    published = publish(_small_report({cross_key: CellState.SECONDARY}), "ko", TERMS)
    cross = _table(published, "incident_type_by_month")
    first = cross.rows[0].cells
    assert (first[0].text, first[0].value, first[0].state) == ("X", None, CellState.SECONDARY)
    assert (first[1].text, first[1].value, first[1].state) == ("<5", None, CellState.PRIMARY)
    assert (first[2].text, first[2].value) == ("15", 15.0)
    zero = cross.rows[2].cells[0]
    assert (zero.text, zero.value, zero.state) == ("0", 0.0, CellState.SHOWN)
    assert published.primary_count == 1
    assert published.secondary_count == 1

    for table in publish(sample_report(), "en", TERMS).tables:
        for row in table.rows:
            for cell in row.cells:
                if cell.state is CellState.SHOWN:
                    assert cell.value is not None and cell.text != ""
                else:
                    assert cell.value is None
                    assert cell.text in ("<5", "X", "–")
                if cell.value is not None and table.key.startswith(("median",)) is False:
                    assert not 0 < cell.value < 5, (table.key, row.label, cell)


def test_suppression_counts_are_the_distinct_hidden_numbers_of_published_tables() -> None:
    report = sample_report(withheld=frozenset({"regions"}))
    published = publish(report, "en", TERMS)
    hidden: dict[str, CellState] = {}
    for table in report.tables:
        if isinstance(table, CountTable) and table.key != "regions":
            for key, _ in table.quantities():
                if report.suppression.state(key) is not CellState.SHOWN:
                    hidden[key] = report.suppression.state(key)
    assert published.primary_count == sum(1 for s in hidden.values() if s is CellState.PRIMARY) > 0
    assert published.secondary_count == sum(1 for s in hidden.values() if s is CellState.SECONDARY) == 3
    assert f"{published.primary_count} shown as “<5”, 3 shown as “X”" in " ".join(published.notes)


def test_a_withheld_table_keeps_its_title_and_a_note_but_no_cells() -> None:
    published = publish(sample_report(withheld=frozenset({"incident_types", "regions"})), "ko", TERMS)
    for key in ("incident_types", "regions"):
        table = _table(published, key)
        assert table.withheld
        assert table.rows == ()
        assert table.chart is None
        assert table.note == labels.WITHHELD_NOTE.ko
    assert not _table(published, "age_bands").withheld


def test_medians_only_for_groups_of_at_least_k_with_one_decimal_when_needed() -> None:
    published = publish(sample_report(), "en", TERMS)
    removal = _table(published, "median_days_to_removal")
    assert removal.header == ("Reported to", "Median (days)")
    shown = {row.label: (row.cells[0].text, row.cells[0].value) for row in removal.rows}
    assert shown == {
        "The platform or site": ("4.5", 4.5),  # 12 entries
        "Korea Communications Standards Commission": ("21", 21.0),  # 7 entries
        "Digital Sex Crime Victim Support Center": ("–", None),  # 3 entries: fewer than k
        "Police": ("–", None),  # none
        "Other": ("13.2", 13.2),  # exactly k
        "All": ("8", 8.0),
    }
    assert not any(row.is_total for row in removal.rows)
    assert "days from the request to the removal" in removal.note


def test_a_median_of_a_group_below_k_is_withheld_whatever_k_is() -> None:
    table = MedianTable("median_days_to_removal", Axis("reported_to", ("kcsc", "all")), (MedianRow("kcsc", 6, 3.0),))
    count = CountTable("new_cases_by_month", "cases", Axis("month", ("2026-03",)), values={("2026-03", ""): 9})
    report = StatisticsReport(
        ReportPeriod(date(2026, 3, 1), date(2026, 3, 1)), 7, (count, table), suppress([count], 7), 0
    )
    rows = _table(publish(report, "en", {}), "median_days_to_removal").rows
    assert [(r.label, r.cells[0].text) for r in rows] == [
        ("Korea Communications Standards Commission", "–"),
        ("All", "–"),
    ]


def test_notes_say_the_period_the_rule_the_consent_exclusions_and_what_was_hidden() -> None:
    ko = publish(sample_report(excluded_cases=4), "ko", TERMS)
    assert ko.period_text == "2026년 1월 ~ 2026년 6월"
    assert ko.months == ("2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06")
    assert "k = 5" in ko.rule_note and "“<5”" in ko.rule_note and "“X”" in ko.rule_note and "2차 비공개" in ko.rule_note
    notes = "\n".join(ko.notes)
    assert "6개월" in notes
    assert "통계 활용에 동의하지 않은 사례 4건" in notes
    assert ko.excluded_cases == 4
    assert "피해 유형·플랫폼·가해자와의 관계" in notes

    en = publish(sample_report(excluded_cases=4, k=7), "en", TERMS)
    assert "k = 7" in en.rule_note and "from 1 to 6" in en.rule_note and "Zero is shown as 0" in en.rule_note
    assert "Jan 2026 – Jun 2026, 6 whole months" in en.notes[0]
    assert "4 cases were left out because the survivor declined" in en.notes[1]
    assert "Incident type, Platform, Perpetrator relation: one case can count under several" in en.notes[3]

    one = publish(_small_report(excluded=1), "en", TERMS)
    assert "1 case was left out" in one.notes[1]
    none = publish(_small_report(excluded=0), "ko", TERMS)
    assert "제외한 사례는 없습니다" in none.notes[1]


def test_korean_labels_read_as_the_official_counts_and_the_glossary() -> None:
    published = publish(sample_report(), "ko", TERMS)
    ages = [row.label for row in _table(published, "age_bands").rows]
    assert ages == ["10세 미만", "10대", "20대", "30대", "40대", "50대", "60대 이상", "미상", "미기재", "합계"]
    assert [row.label for row in _table(published, "caller_types").rows][:6] == [
        "본인",
        "가족",
        "지인",
        "동료",
        "기관 담당자",
        "익명",
    ]
    assert _table(published, "contact_channels").rows[0].label == "전화"
    assert _table(published, "incident_types").rows[0].label == "합성·편집 (허위영상물·딥페이크)"
    assert _table(published, "incident_type_by_month").header[1:3] == ("2026년 1월", "2026년 2월")
    platforms = [row.label for row in _table(published, "platforms").rows]
    assert CUSTOM_PLATFORM in platforms  # a custom name is its own label
    assert "기타 플랫폼" in platforms
    assert _table(published, "median_days_to_first_referral").rows[0].label == "전체"
    takedowns = _table(published, "takedowns_by_reported_to")
    assert takedowns.header == ("삭제 요청처", "삭제 완료", "삭제 거부", "처리 중", "합계")


def test_every_code_of_the_fixed_axes_has_both_labels() -> None:
    fixed = labels.FIXED_CODES
    assert set(fixed["age_band"]) == {b.value for b in AgeBand}
    assert set(fixed["gender"]) == {g.value for g in Gender}
    assert set(fixed["channel"]) == {c.value for c in Channel}
    assert set(fixed["caller_type"]) == {c.value for c in CallerType}
    assert set(fixed["org_type"]) == {o.value for o in OrganizationType}
    assert set(fixed["referral_status"]) == {s.value for s in ReferralStatus} - {"draft"}
    assert set(fixed["reported_to"]) == {r.value for r in ReportedTo}
    assert set(fixed["referral_outcome"]) == {
        "help_given",
        "investigation_opened",
        "legal_action",
        "content_removed",
        "declined_by_survivor",
        "not_eligible",
        "other",
    }
    assert set(fixed["takedown_outcome"]) == {"removed", "refused", "pending"}
    for codes in fixed.values():
        for words in codes.values():
            assert words.en and words.ko and words.en != words.ko
    assert set(labels.TABLE_TITLES) == set(TABLE_ORDER) == set(labels.SHEET_NAMES)
    for code in ("not_recorded", "other_platforms", "all"):
        assert labels.code_label("platform", code, "ko", {}) == labels.SPECIAL_CODES[code].ko


def test_labels_prefer_the_fixed_words_then_the_terms_then_the_code() -> None:
    terms = {"age_band": {"10s": ("teens", "틴")}, "region": {"seoul": ("Seoul", "서울")}}
    assert labels.code_label("age_band", "10s", "ko", terms) == "10대"
    assert labels.code_label("region", "seoul", "ko", terms) == "서울"
    assert labels.code_label("region", "seoul", "en", terms) == "Seoul"
    assert labels.code_label("platform", "Bluesky", "en", terms) == "Bluesky"
    assert labels.code_label("month", "2026-12", "en", {}) == "Dec 2026"
    assert labels.code_label("month", "2026-12", "ko", {}) == "2026년 12월"


def test_only_the_main_tables_are_flagged_for_a_chart() -> None:
    published = publish(sample_report(), "en", TERMS)
    assert {t.key for t in published.tables if t.chart is ChartKind.BARS} == {
        "new_cases_by_month",
        "contacts_by_month",
        "incident_types",
    }


@pytest.mark.parametrize(("given", "used"), [("ko", "ko"), ("ko_KR", "ko"), ("en-GB", "en"), ("EN", "en")])
def test_a_language_tag_picks_korean_or_english(given: str, used: str) -> None:
    assert publish(_small_report(), given, TERMS).language == used


def test_any_other_language_is_refused() -> None:
    with pytest.raises(ValueError, match="Korean \\(ko\\) or English \\(en\\), not in de"):
        publish(_small_report(), "de", TERMS)


def test_the_center_name_goes_into_the_title() -> None:
    report = sample_report(center_name="해바라기 상담소")
    assert publish(report, "ko", TERMS).title == "익명 통계 보고서 — 해바라기 상담소"
    assert publish(sample_report(), "en", TERMS).title == "Anonymized statistics report"
