"""Builders for casework records in tests (plain data, no I/O)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from safecase.domain.cases import AgeBand, CaseFields, RiskLevel, SensitiveContact, SurvivorProfile
from safecase.domain.contacts import CallerType, Channel, Contact, Direction
from safecase.domain.incidents import DatePrecision, Incident
from safecase.domain.referrals import Referral, ReferralStatus

NOW = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
TODAY = date(2026, 11, 20)


def case_fields(
    alias: str = "민지", risk: RiskLevel = RiskLevel.MEDIUM, reason: str = "같은 부대 선임", **profile: object
) -> CaseFields:
    return CaseFields(
        risk=risk,
        risk_reason=reason,
        profile=SurvivorProfile(alias=alias, age_band=AgeBand.TWENTIES, branch="army", service_status="nco", **profile),  # type: ignore[arg-type]
        sensitive=SensitiveContact("김민지", "010-1234-5678"),
    )


def contact(case_id: int | None, summary: str = "첫 상담 전화", follow_up: bool = False) -> Contact:
    return Contact(
        id=0,
        case_id=case_id,
        at=NOW,
        channel=Channel.PHONE,
        direction=Direction.INBOUND,
        duration_minutes=25,
        caller_type=CallerType.SURVIVOR,
        counselor="",
        summary=summary,
        follow_up_needed=follow_up,
        follow_up_due=None,
    )


def incident(case_id: int, description: str = "단톡방에 합성 사진이 올라옴") -> Incident:
    return Incident(
        id=0,
        case_id=case_id,
        types=("synthetic_images", "distribution"),
        platforms=("텔레그램", "a new app"),
        perpetrator_relation="superior",
        date_precision=DatePrecision.UNKNOWN,
        date_value="2026-10",
        place_type="online",
        description=description,
    )


def referral(case_id: int, organization_id: int, reason: str = "삭제지원 요청") -> Referral:
    return Referral(0, case_id, organization_id, reason, ReferralStatus.DRAFT, None, None, None, "")
