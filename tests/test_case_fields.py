"""The domain's one mapping from a case to its editable fields, and its one masked text."""

from __future__ import annotations

from datetime import UTC, date, datetime

from safecase.domain.cases import (
    MASKED,
    AgeBand,
    Case,
    CaseFields,
    CaseStatus,
    RiskLevel,
    SensitiveContact,
    SurvivorProfile,
    masked,
)


def _case() -> Case:
    moment = datetime(2026, 3, 5, 9, 0, tzinfo=UTC)
    return Case(
        id=7,
        number="2026-0007",
        status=CaseStatus.CLOSED,
        opened_on=date(2026, 1, 2),
        closed_on=date(2026, 3, 1),
        risk=RiskLevel.HIGH,
        risk_reason="협박 메시지",
        counselors=("park",),
        profile=SurvivorProfile(alias="민지", age_band=AgeBand.TWENTIES),
        has_sensitive=True,
        created_at=moment,
        updated_at=moment,
        incident_types=("distribution",),
    )


def test_a_case_gives_every_editable_field_and_no_identifying_detail_unless_handed_one() -> None:
    case = _case()
    assert case.fields() == CaseFields(
        status=CaseStatus.CLOSED,
        opened_on=date(2026, 1, 2),
        closed_on=date(2026, 3, 1),
        risk=RiskLevel.HIGH,
        risk_reason="협박 메시지",
        profile=SurvivorProfile(alias="민지", age_band=AgeBand.TWENTIES),
        sensitive=SensitiveContact(),
    )
    revealed = SensitiveContact("김민지", "010-1234-5678")
    assert case.fields(revealed).sensitive == revealed


def test_the_masked_text_gives_away_neither_a_character_nor_the_length() -> None:
    assert masked("김민지") == masked("010-1234-5678") == masked(True) == MASKED
    assert "김" not in MASKED and masked("") == masked(False) == ""
