"""Casework for the GUI tests, arranged through the services (never SQL), with realistic Korean data.

Dates are real dates relative to today, so the Today page (which asks for ``date.today()``) sees
what a counselor would: a referral sent ten days ago and never answered, a follow-up due yesterday.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from gui_support import COUNSELOR, SUPERVISOR, SUPERVISOR_PASSWORD

from safecase.domain.cases import AgeBand, CaseFields, CaseStatus, Gender, RiskLevel, SensitiveContact, SurvivorProfile
from safecase.domain.contacts import CallerType, Channel, Contact, Direction
from safecase.domain.incidents import DatePrecision, Incident
from safecase.domain.referrals import Consent, ConsentGiver, ConsentPurpose, Referral, ReferralStatus
from safecase.services import access
from safecase.services.cases import CaseService
from safecase.services.contacts import ContactService
from safecase.services.incidents import IncidentService
from safecase.services.referrals import OrganizationService, ReferralService
from safecase.services.session import VaultSession
from safecase.services.tasks import TaskService

THREAT_NOTE = "가해자가 텔레그램방에서 합성사진을 올리겠다고 협박함"
BLACKMAIL_NOTE = "선임이 사진을 유포하겠다며 협박당함, 부대 안에서 소문이 퍼질까 두려워함"
QUIET_NOTE = "전역 후 상담 종결, 삭제지원 완료 확인"
REAL_NAME = "김민지"
PHONE = "010-4821-7730"


@dataclass(frozen=True)
class Casework:
    minji: int  # urgent, counselor's, with an overdue referral and follow-ups
    sangbyeong: int  # medium, counselor's, "협박당함" in its notes
    closed: int  # low, closed, supervisor's only
    minji_number: str
    sangbyeong_number: str
    closed_number: str
    referral_org: str


def _profile(alias: str, branch: str, status: str, region: str) -> SurvivorProfile:
    return SurvivorProfile(
        alias=alias,
        age_band=AgeBand.TWENTIES,
        gender=Gender.FEMALE,
        branch=branch,
        service_status=status,
        region=region,
        preferred_channel=Channel.MESSENGER.value,
        safe_channels="개인 휴대폰, 19시 이후",
        safe_to_leave_message=False,
        safe_contact_notes="부대 전화로 연락 금지. 안전 단어: '택배'",
    )


def _contact(case_id: int, summary: str, at: datetime) -> Contact:
    return Contact(0, case_id, at, Channel.PHONE, Direction.INBOUND, 30, CallerType.SURVIVOR, "", summary, False, None)


def seed(vault: Path) -> Casework:
    """Three cases: two the counselor works, one only the supervisor does."""
    session = access.sign_in(vault, SUPERVISOR, SUPERVISOR_PASSWORD)
    try:
        return _seed(session)
    finally:
        session.close()


def _seed(session: VaultSession) -> Casework:
    today = date.today()
    now = datetime.now(UTC)
    cases = CaseService(session)
    minji = cases.create(
        CaseFields(
            status=CaseStatus.ACTIVE,
            opened_on=today - timedelta(days=12),
            risk=RiskLevel.URGENT,
            risk_reason="유포 협박이 계속되고 가해자가 같은 부대 선임",
            profile=_profile("민지", "army", "nco", "gyeonggi"),
            sensitive=SensitiveContact(REAL_NAME, PHONE),
        ),
        counselors=[COUNSELOR],
    )
    sangbyeong = cases.create(
        CaseFields(
            status=CaseStatus.OPEN,
            opened_on=today - timedelta(days=5),
            risk=RiskLevel.MEDIUM,
            risk_reason="본인이 신고를 망설임",
            profile=_profile("상병A", "air_force", "enlisted", "chungbuk"),
        ),
        counselors=[COUNSELOR],
    )
    closed = cases.create(
        CaseFields(
            status=CaseStatus.CLOSED,
            opened_on=today - timedelta(days=200),
            closed_on=today - timedelta(days=30),
            risk=RiskLevel.LOW,
            profile=_profile("J.K.", "navy", "officer", "busan"),
        ),
        counselors=[SUPERVISOR],
    )
    contacts = ContactService(session)
    contacts.log(_contact(minji.id, THREAT_NOTE, now - timedelta(days=12)))
    contacts.log(_contact(sangbyeong.id, BLACKMAIL_NOTE, now - timedelta(days=5)))
    contacts.log(_contact(closed.id, QUIET_NOTE, now - timedelta(days=200)))
    incidents = IncidentService(session)
    incidents.add(
        Incident(
            0,
            minji.id,
            ("synthetic_images", "threat_to_distribute"),
            ("telegram",),
            "superior",
            DatePrecision.MONTH,
            (today - timedelta(days=20)).strftime("%Y-%m"),
            "online",
            "단톡방에 합성 사진이 올라옴",
        )
    )
    incidents.add(
        Incident(
            0,
            sangbyeong.id,
            ("threat_to_distribute",),
            ("kakaotalk",),
            "peer",
            DatePrecision.UNKNOWN,
            "",
            "barracks",
            "",
        )
    )
    organization = next(o for o in OrganizationService(session).all() if o.org_type.value == "takedown")
    referrals = ReferralService(session)
    referrals.record_consent(
        Consent(
            0,
            minji.id,
            ConsentPurpose.SHARE,
            organization.id,
            ConsentGiver.SURVIVOR,
            today - timedelta(days=10),
            "삭제지원",
            None,
        )
    )
    draft = referrals.create(
        Referral(0, minji.id, organization.id, "합성사진 삭제지원 요청", ReferralStatus.DRAFT, None, None, None, "")
    )
    referrals.mark_sent(draft.id, sent_on=today - timedelta(days=10))
    tasks = TaskService(session)
    tasks.create(minji.id, "민지 님께 안부 전화 (19시 이후)", today - timedelta(days=1), COUNSELOR)
    tasks.create(sangbyeong.id, "법률구조공단 상담 일정 확인", today, COUNSELOR)
    tasks.create(sangbyeong.id, "다음 주 면담 준비", today + timedelta(days=6), COUNSELOR)
    return Casework(
        minji.id, sangbyeong.id, closed.id, minji.number, sangbyeong.number, closed.number, organization.name
    )
