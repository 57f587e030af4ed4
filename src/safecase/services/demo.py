"""Synthetic demo cases, for trying SafeCase, for tests and for benchmarks. No real people.

Every alias, note, date and name here is made up from templates and weighted choices; the weights
follow the figures in the domain reference (harm types as Korean support centers count them, the
military context of the center, the platforms seen in these cases). Identifying details, when a
case has them, are stock placeholder names (홍길동, 김영희) and unassigned ``010-0000-`` numbers.

Who and where: administrators only (``Permission.MANAGE_SETTINGS``: filling a vault for a trial or a
training is vault administration), and only into a vault that holds no cases, or only demo cases
added earlier (counted in the ``demo_cases`` meta key) — so demo data never mixes with real casework by
accident. ``force=True`` (``safecase demo --force``) overrides that check and says so in the audit log.

Same rules as real data: every record is written through the casework services' public methods
(case, incident, contacts and their follow-ups, consents, referrals and theirs, tasks), so numbering,
checks, follow-up tasks and the search index are exactly what a person would get. They run as the
administrator's demo-data session (:meth:`VaultSession.making_demo_data`): it may work every case,
reads a clock the demo sets to each record's made-up moment, writes no case history and counts audit
actions instead of appending them — there was no person making these changes. Cases are written in
batches of :data:`BATCH_SIZE`, each batch one unit of work with one ``demo.added`` audit row (case
count, first and last number, seed, and the counted actions), and each case's search index is written
once, when its batch commits.
"""

from __future__ import annotations

import dataclasses
import random
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TypeVar

from safecase.domain.audit import AuditAction
from safecase.domain.cases import (
    AgeBand,
    CaseFields,
    CaseStatus,
    Gender,
    RiskLevel,
    SensitiveContact,
    SurvivorProfile,
)
from safecase.domain.contacts import CallerType, Channel, Contact, Direction
from safecase.domain.errors import InputError
from safecase.domain.incidents import DatePrecision, Incident
from safecase.domain.referrals import (
    AWAITING_STATUSES,
    Consent,
    ConsentGiver,
    ConsentPurpose,
    Organization,
    OrganizationType,
    Referral,
    ReferralOutcome,
    ReferralStatus,
)
from safecase.domain.roles import Permission
from safecase.domain.tasks import Task, TaskKind
from safecase.i18n import tr
from safecase.services.cases import CaseService
from safecase.services.casework_access import caseworkers
from safecase.services.clock import FrozenClock
from safecase.services.contacts import ContactService
from safecase.services.incidents import IncidentService
from safecase.services.referrals import OrganizationService, ReferralService
from safecase.services.session import VaultSession
from safecase.services.tasks import TaskService
from safecase.vault.repositories.cases import CaseRepository
from safecase.vault.repositories.meta import MetaRepository

BATCH_SIZE = 1000
MAX_CASES = 1_000_000
DEMO_META_KEY = "demo_cases"
FIRST_DAY = date(2024, 1, 1)

T = TypeVar("T")

# --- weights -------------------------------------------------------------------------------------------

# Harm types: the provincial center's 2022 shares, deepfakes raised to their 2024 weight, offline forms
# (often together with digital ones in a military unit) at a few percent each.
INCIDENT_WEIGHTS: dict[str, float] = {
    "fear_of_distribution": 33.4,
    "illegal_filming": 17.1,
    "threat_to_distribute": 11.9,
    "distribution": 11.5,
    "synthetic_images": 9.0,
    "online_sexual_harassment": 5.4,
    "bodycam_phishing": 4.8,
    "sexual_harassment": 4.0,
    "sexual_assault": 3.5,
    "stalking": 1.5,
    "online_grooming": 1.2,
    "rape": 1.0,
    "child_exploitation_material": 0.8,
    "other": 0.6,
}
# What often comes with the first type.
COMPANION_TYPES: dict[str, tuple[str, ...]] = {
    "illegal_filming": ("distribution", "fear_of_distribution", "sexual_assault"),
    "threat_to_distribute": ("bodycam_phishing", "distribution"),
    "synthetic_images": ("distribution", "online_sexual_harassment"),
    "distribution": ("threat_to_distribute", "illegal_filming"),
    "fear_of_distribution": ("illegal_filming",),
    "bodycam_phishing": ("threat_to_distribute",),
    "sexual_assault": ("sexual_harassment", "illegal_filming"),
    "online_grooming": ("child_exploitation_material",),
    "stalking": ("online_sexual_harassment",),
}
OFFLINE_TYPES = frozenset({"sexual_harassment", "sexual_assault", "rape", "stalking"})
PLATFORM_WEIGHTS: dict[str, float] = {
    "telegram": 30,
    "kakaotalk": 20,
    "instagram": 12,
    "x": 8,
    "discord": 6,
    "overseas_adult_site": 5,
    "video_chat_app": 5,
    "webhard": 4,
    "dating_app": 4,
    "line": 3,
    "facebook": 2,
    "youtube": 1,
    "틱톡": 1,
    "에브리타임": 1,
    "네이버 밴드": 0.5,
}
PLATFORM_WORDS: dict[str, str] = {
    "telegram": "텔레그램",
    "kakaotalk": "카카오톡 오픈채팅",
    "instagram": "인스타그램",
    "x": "트위터",
    "discord": "디스코드",
    "overseas_adult_site": "해외 성인사이트",
    "video_chat_app": "영상채팅 앱",
    "webhard": "웹하드",
    "dating_app": "데이팅 앱",
    "line": "라인",
    "facebook": "페이스북",
    "youtube": "유튜브",
}
PLATFORM_EN: dict[str, str] = {
    "telegram": "Telegram",
    "kakaotalk": "a KakaoTalk open chat",
    "instagram": "Instagram",
    "x": "X",
    "discord": "Discord",
    "overseas_adult_site": "an overseas adult site",
    "video_chat_app": "a video-chat app",
    "webhard": "a webhard site",
    "dating_app": "a dating app",
    "line": "LINE",
    "facebook": "Facebook",
    "youtube": "YouTube",
}
RELATION_WEIGHTS: dict[str, float] = {
    "superior": 22,
    "peer": 20,
    "online_only": 20,
    "stranger": 10,
    "acquaintance": 10,
    "partner_or_ex": 9,
    "subordinate": 3,
    "family": 1,
    "unknown": 5,
}
RELATION_WORDS: dict[str, tuple[str, ...]] = {
    "superior": ("선임", "같은 부대 간부", "소대장", "부사관 선임", "중대 상급자"),
    "peer": ("동기", "같은 생활관 동기", "동료"),
    "online_only": ("온라인에서 알게 된 사람", "오픈채팅에서 만난 상대", "SNS로 연락해 온 상대"),
    "stranger": ("모르는 사람", "처음 보는 남성"),
    "acquaintance": ("지인", "학교 선배", "아는 오빠"),
    "partner_or_ex": ("전 연인", "전 남자친구", "사귀던 사람"),
    "subordinate": ("후임",),
    "family": ("친척",),
    "unknown": ("신원을 알 수 없는 가해자", "익명 계정"),
}
AGE_WEIGHTS: dict[AgeBand, float] = {
    AgeBand.TEENS: 24,
    AgeBand.TWENTIES: 52,
    AgeBand.THIRTIES: 12,
    AgeBand.FORTIES: 4,
    AgeBand.FIFTIES: 1.5,
    AgeBand.UNDER_10: 0.5,
    AgeBand.SIXTY_PLUS: 0.5,
    AgeBand.UNKNOWN: 5.5,
}
GENDER_WEIGHTS: dict[Gender, float] = {
    Gender.FEMALE: 72,
    Gender.MALE: 23,
    Gender.NON_BINARY: 1,
    Gender.UNKNOWN: 4,
}
BRANCH_WEIGHTS: dict[str, float] = {"army": 52, "air_force": 13, "navy": 9, "marines": 6, "mnd_direct": 4, "none": 16}
MILITARY_STATUS_WEIGHTS: dict[str, float] = {
    "enlisted": 55,
    "nco": 24,
    "officer": 10,
    "civilian_employee": 7,
    "cadet": 4,
}
CIVILIAN_STATUS_WEIGHTS: dict[str, float] = {"civilian": 55, "student": 35, "veteran": 10}
RANKS: dict[str, tuple[str, ...]] = {
    "enlisted": ("이병", "일병", "상병", "병장"),
    "nco": ("하사", "중사", "상사"),
    "officer": ("소위", "중위", "대위"),
    "cadet": ("생도", "후보생"),
    "civilian_employee": ("군무원",),
}
REGION_WEIGHTS: dict[str, float] = {
    "gyeonggi": 26,
    "seoul": 18,
    "gangwon": 14,
    "chungnam": 6,
    "incheon": 5,
    "gyeongbuk": 5,
    "busan": 4,
    "daejeon": 4,
    "gyeongnam": 4,
    "jeonnam": 3,
    "chungbuk": 3,
    "daegu": 2,
    "jeonbuk": 2,
    "gwangju": 1,
    "ulsan": 1,
    "jeju": 1,
    "sejong": 0.5,
    "unknown": 0.5,
}
RISK_WEIGHTS: dict[RiskLevel, float] = {
    RiskLevel.LOW: 48,
    RiskLevel.MEDIUM: 36,
    RiskLevel.HIGH: 13,
    RiskLevel.URGENT: 3,
}
CHANNEL_WEIGHTS: dict[Channel, float] = {
    Channel.PHONE: 45,
    Channel.MESSENGER: 20,
    Channel.CHAT: 15,
    Channel.VISIT: 10,
    Channel.EMAIL: 5,
    Channel.OTHER: 5,
}
FIRST_CALLER_WEIGHTS: dict[CallerType, float] = {
    CallerType.SURVIVOR: 80,
    CallerType.FAMILY: 7,
    CallerType.FRIEND: 5,
    CallerType.COLLEAGUE: 4,
    CallerType.OFFICER: 2,
    CallerType.ANONYMOUS: 2,
}

# --- words ---------------------------------------------------------------------------------------------

KOREAN_NAMES_F = (
    "민지", "서연", "지우", "하은", "수빈", "예린", "지민", "유진", "다은", "채원",
    "서윤", "하린", "윤서", "소연", "지현", "은비", "나연", "혜원", "가은", "주희",
)  # fmt: skip
KOREAN_NAMES_M = ("민준", "도윤", "시우", "지호", "현우", "준서", "건우", "우진", "태윤", "승민")
ENGLISH_ALIASES = ("Jay", "Mina", "Sky", "Rain", "Joy", "Ari", "Sol", "Hana", "Min", "Dawn")
INITIALS = "BCDHJKLMPSY"
PLACEHOLDER_NAMES = ("홍길동", "김영희", "김철수", "이영희", "박철수")

INTAKE_NOTES: dict[str, tuple[str, ...]] = {
    "synthetic_images": (
        "{platform}에서 본인 얼굴을 합성한 딥페이크 사진이 돌고 있다는 제보를 받고 연락함. 가해자는 {relation|으로} 추정. 삭제지원 절차 안내함.",
        "{relation|이가} 단체 텔레그램방에 딥페이크 영상을 올렸다고 함. 캡처 일부 보유. 증거 보존 방법 안내.",
        "지인능욕 계정에 본인 사진이 합성되어 게시됨. 유포 범위를 알 수 없어 불안 호소. 딥페이크 삭제 요청 방법 설명.",
        "Caller says a deepfake made from their photos was shared in a Telegram group by {relation_en}. Advised to keep screenshots; considering a report.",
    ),
    "illegal_filming": (
        "생활관 샤워실에서 불법촬영을 당한 것 같다고 함. 가해자로 {relation|을를} 의심. 군사경찰 신고 여부 고민 중.",
        "{place}에서 몰래 촬영된 사실을 알게 됨. 촬영물이 유포되었는지 확인 요청.",
        "{relation|이가} 휴대폰으로 몰래 촬영하는 것을 목격함. 가해자 휴대폰 확보 여부 불확실.",
    ),
    "distribution": (
        "{relation|이가} 촬영물을 {platform}에 유포함. 게시글 주소 {n}건 확인. 디성센터 삭제지원 연계 희망.",
        "{platform} 단체방에 본인 영상이 유포되었다는 연락을 동기에게 받음. 극심한 불안, 수면 곤란 호소.",
        "Intimate images were posted on {platform_en} by {relation_en}. {n} links found so far; wants them taken down.",
    ),
    "threat_to_distribute": (
        "{platform}에서 알게 된 상대에게 영상을 보내지 않으면 유포하겠다고 협박당함. 금전 요구 있었음. 송금하지 말 것 안내.",
        "가해자가 텔레그램방에 사진을 올리겠다며 계속 협박함. 대화 내용 캡처 보관 중.",
        "{relation|이가} 헤어지자 사진을 부대에 뿌리겠다고 협박당함. 내담자 극도로 불안해함.",
    ),
    "fear_of_distribution": (
        "과거 {relation|이가} 촬영한 영상이 유포될까 두려워 연락. 현재 유포 정황은 확인되지 않음. 모니터링 방법 안내.",
        "헤어진 후에도 상대가 사진을 가지고 있어 유포불안 호소. 삭제 요청 방법 문의.",
        "{platform}에 본인 영상이 올라왔을지 모른다는 불안으로 잠을 못 잠. 검색 지원 요청.",
        "Worried that videos {relation_en} took may be shared. No sign of distribution yet; explained monitoring and deletion support.",
    ),
    "bodycam_phishing": (
        "영상채팅 앱에서 만난 상대와 영상통화 후 몸캠피싱 피해. 연락처를 해킹해 지인에게 유포하겠다고 협박당함.",
        "몸캠피싱 가해자가 {amount}만 원 송금 요구. 이미 한 차례 송금함. 경찰 신고 절차 안내.",
    ),
    "online_sexual_harassment": (
        "{platform}에서 지속적으로 성적인 메시지를 받음. 가해자 계정 정보 일부 확보.",
        "부대 단톡방에서 {relation}의 성적 발언이 반복됨. 2차 피해가 두려워 신고를 망설임.",
    ),
    "sexual_harassment": (
        "{place}에서 {relation|으로}부터 반복적인 성희롱 발언을 들음. 피해 일지 작성 권유.",
        "훈련 중 {relation}의 신체 접촉과 성희롱 발언이 계속됨. 부대 내 보고 시 보복 우려.",
    ),
    "sexual_assault": (
        "{place}에서 {relation|에게서} 강제추행 피해. 부대에 알리면 보복당할까 걱정함. 국방부 성고충 상담관 연계 논의.",
        "회식 후 {relation|이가} 신체를 만짐. 가해자와 분리 조치 요청 방법 안내.",
    ),
    "rape": ("{place}에서 성폭력 피해. 해바라기센터 동행 여부 확인. 내담자 안정이 우선.",),
    "stalking": (
        "전역 후에도 가해자가 계속 연락하며 스토킹함. 접근금지 신청 방법 안내.",
        "{relation|이가} {platform}로 하루 수십 통 연락하고 숙소 앞에서 기다림. 신변 보호 요청 방법 안내.",
    ),
    "online_grooming": ("미성년 내담자. {platform}에서 알게 된 성인이 신체 사진을 요구함. 보호자와 함께 상담 진행.",),
    "child_exploitation_material": (
        "보호자 연락. 자녀의 사진이 {platform}에 성착취물로 유포됨. 가해자 신원 불명. 경찰 신고 및 삭제지원 안내.",
    ),
    "other": ("{platform} 관련 피해 상담. 구체적인 피해 유형은 다음 상담에서 확인하기로 함.",),
}
FOLLOW_UP_NOTES: tuple[str, ...] = (
    "삭제지원 진행 상황 확인. 추가 유포 {n}건 발견되어 재요청함.",
    "경찰 진술 일정 확인. 동행을 희망하여 일정 조율.",
    "내담자 심리 상태 확인. 수면은 나아졌으나 불안은 지속.",
    "가해자 측 연락 여부 확인. 텔레그램방 재유포 정황 없음.",
    "군 수사 진행 상황 공유받음. 가해자와 분리 조치 완료.",
    "법률구조공단 상담 예약 완료 안내.",
    "다시 협박당함. 새 계정으로 연락이 옴. 증거 캡처 추가 확보.",
    "{platform}에서 유포물 {n}건 삭제 확인. 모니터링 계속.",
    "딥페이크 게시물 신고 결과 안내. 일부 계정 정지됨.",
    "부대 내 2차 피해 발생 여부 확인. 동기들의 뒷말로 힘들어함.",
    "가해자 징계위원회 일정 안내받음. 참석 여부 논의.",
    "Follow-up call: feels safer since the unit separated them from the perpetrator.",
    "Checked on the takedown requests; {n} posts removed, monitoring continues.",
)
RISK_REASONS: dict[RiskLevel, tuple[str, ...]] = {
    RiskLevel.HIGH: (
        "가해자와 같은 생활관 거주",
        "유포 협박이 계속됨",
        "2차 피해 정황",
        "Perpetrator is in the same unit",
    ),
    RiskLevel.URGENT: (
        "자해 언급, 당일 재연락 필요",
        "유포 임박 협박, 금전 요구 기한 오늘",
        "가해자가 숙소 위치를 알고 있음",
        "Mentioned self-harm; call back today",
    ),
}
SAFE_NOTES: tuple[str, ...] = (
    "문자 남기지 말 것. 평일 18시 이후 통화 가능.",
    "부대 전화로 연락 금지. 개인 휴대폰 카카오톡으로만.",
    "가족이 모름. 상담소 이름 밝히지 말 것.",
    "Only text first; do not leave voicemail.",
)
PLACES: dict[str, str] = {
    "barracks": "생활관",
    "unit_workplace": "부대 사무실",
    "training": "훈련장",
    "home": "자취방",
    "public_place": "회식 장소",
    "lodging": "숙박업소",
    "vehicle": "차량 안",
}
REFERRAL_REASONS: dict[OrganizationType, tuple[str, ...]] = {
    OrganizationType.TAKEDOWN: ("유포물 삭제지원 요청", "재유포 모니터링 요청", "딥페이크 게시물 삭제·차단 요청"),
    OrganizationType.POLICE: ("수사 의뢰", "협박 피해 신고 동행", "군사경찰 신고 연계"),
    OrganizationType.PROSECUTION: ("군검찰 고소 진행",),
    OrganizationType.LEGAL_AID: ("고소장 작성 법률 지원", "국선변호사 선임 안내"),
    OrganizationType.MEDICAL: ("의료 지원 및 증거 채취",),
    OrganizationType.MENTAL_HEALTH: ("심리 상담 연계", "트라우마 치료 연계"),
    OrganizationType.SHELTER: ("긴급 보호 요청",),
    OrganizationType.VICTIM_SUPPORT: ("피해자 지원 연계", "군인권보호관 진정 지원"),
    OrganizationType.MILITARY_COMMAND: ("가해자 분리 조치 요청",),
    OrganizationType.OTHER: ("기타 지원 연계",),
}
# What came of a referral that was answered, by the kind of organization (outcome category: weight).
ANSWERED_OUTCOMES: dict[OrganizationType, dict[ReferralOutcome, float]] = {
    OrganizationType.TAKEDOWN: {ReferralOutcome.CONTENT_REMOVED: 75, ReferralOutcome.HELP_GIVEN: 15},
    OrganizationType.POLICE: {
        ReferralOutcome.INVESTIGATION_OPENED: 70,
        ReferralOutcome.DECLINED_BY_SURVIVOR: 10,
        ReferralOutcome.HELP_GIVEN: 10,
    },
    OrganizationType.PROSECUTION: {ReferralOutcome.LEGAL_ACTION: 60, ReferralOutcome.INVESTIGATION_OPENED: 30},
    OrganizationType.LEGAL_AID: {ReferralOutcome.LEGAL_ACTION: 60, ReferralOutcome.HELP_GIVEN: 30},
    OrganizationType.MEDICAL: {ReferralOutcome.HELP_GIVEN: 90},
    OrganizationType.MENTAL_HEALTH: {ReferralOutcome.HELP_GIVEN: 80, ReferralOutcome.DECLINED_BY_SURVIVOR: 10},
    OrganizationType.SHELTER: {ReferralOutcome.HELP_GIVEN: 85, ReferralOutcome.DECLINED_BY_SURVIVOR: 5},
    OrganizationType.VICTIM_SUPPORT: {ReferralOutcome.HELP_GIVEN: 85, ReferralOutcome.OTHER: 5},
    OrganizationType.MILITARY_COMMAND: {ReferralOutcome.HELP_GIVEN: 60, ReferralOutcome.INVESTIGATION_OPENED: 30},
    OrganizationType.OTHER: {ReferralOutcome.HELP_GIVEN: 50, ReferralOutcome.OTHER: 40},
}
DECLINED_OUTCOMES: dict[ReferralOutcome, float] = {
    ReferralOutcome.NOT_ELIGIBLE: 55,
    ReferralOutcome.DECLINED_BY_SURVIVOR: 25,
    ReferralOutcome.OTHER: 10,
}
UNRECORDED_OUTCOME_WEIGHT = 10
"""Answered referrals whose outcome nobody put in a category (as happens)."""
OUTCOME_TEXTS: dict[ReferralOutcome, tuple[str, ...]] = {
    ReferralOutcome.CONTENT_REMOVED: ("삭제 완료 {n}건", "게시물 {n}건 삭제·차단됨"),
    ReferralOutcome.INVESTIGATION_OPENED: ("수사 개시 통보받음", "군사경찰 입건 확인"),
    ReferralOutcome.LEGAL_ACTION: ("고소장 접수 완료", "국선변호사 선임됨"),
    ReferralOutcome.HELP_GIVEN: ("상담 {n}회 진행", "가해자 분리 조치됨", "의료 지원 완료"),
    ReferralOutcome.DECLINED_BY_SURVIVOR: ("내담자가 진행을 원하지 않음",),
    ReferralOutcome.NOT_ELIGIBLE: ("지원 대상 아님 안내받음",),
    ReferralOutcome.OTHER: ("기타 지원",),
    ReferralOutcome.NOT_RECORDED: ("",),
}
STATISTICS_OPT_OUT_SHARE = 0.03
"""Survivors who decline statistical use of their case (a few)."""
MANUAL_TASKS: tuple[str, ...] = (
    "증거 자료 정리본 전달",
    "군사경찰 진술 동행 일정 확인",
    "삭제지원 결과 확인 전화",
    "보호자 면담 일정 잡기",
    "Call back about the legal aid appointment",
)
# Organization types that fit each harm (a referral goes to one of these, when the directory has it).
REFERRAL_TYPES: dict[str, tuple[OrganizationType, ...]] = {
    "digital": (
        OrganizationType.TAKEDOWN,
        OrganizationType.TAKEDOWN,
        OrganizationType.POLICE,
        OrganizationType.LEGAL_AID,
        OrganizationType.MENTAL_HEALTH,
        OrganizationType.VICTIM_SUPPORT,
    ),
    "offline": (
        OrganizationType.MEDICAL,
        OrganizationType.POLICE,
        OrganizationType.PROSECUTION,
        OrganizationType.LEGAL_AID,
        OrganizationType.MENTAL_HEALTH,
        OrganizationType.VICTIM_SUPPORT,
    ),
}


# --- small helpers -------------------------------------------------------------------------------------


def _weighted(rng: random.Random, weights: Mapping[T, float]) -> T:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _has_final_consonant(word: str) -> bool | None:
    """Whether the last syllable of ``word`` ends in a consonant (받침); None when it is not Hangul."""
    last = word.rstrip()[-1:] if word.strip() else ""
    if not last or not "가" <= last <= "힣":
        return None
    return (ord(last) - ord("가")) % 28 != 0


def _rieul_final(word: str) -> bool:
    last = word.rstrip()[-1:]
    return bool(last) and "가" <= last <= "힣" and (ord(last) - ord("가")) % 28 == 8


def with_particle(word: str, particle: str) -> str:
    """``word`` with the Korean particle that fits its last syllable (이가, 을를, 은는, 과와, 으로, 에게서)."""
    final = _has_final_consonant(word)
    pairs = {"이가": ("이", "가"), "을를": ("을", "를"), "은는": ("은", "는"), "과와": ("과", "와")}
    if particle in pairs:
        with_final, without = pairs[particle]
        return word + (with_final if final or final is None else without)
    if particle == "으로":
        return word + ("으로" if final and not _rieul_final(word) else "로")
    return word + particle


_SLOT = re.compile(r"\{(\w+)(?:\|(\w+))?\}")


def _fill(template: str, words: dict[str, str]) -> str:
    def replace(match: re.Match[str]) -> str:
        word = words.get(match.group(1), "")
        return with_particle(word, match.group(2)) if match.group(2) else word

    return _SLOT.sub(replace, template)


# --- generation ----------------------------------------------------------------------------------------


@dataclass
class _DemoCase:
    opened: date
    fields: CaseFields
    counselors: tuple[str, ...]
    incident: Incident
    contacts: list[Contact] = field(default_factory=list)
    record_consent: bool = True
    referrals: list[tuple[Organization, Referral, ConsentGiver]] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    done_follow_ups: dict[int, date] = field(default_factory=dict)  # contact index → day its follow-up was done


class _Generator:
    def __init__(
        self, rng: random.Random, today: date, caseworkers: Sequence[str], organizations: Sequence[Organization]
    ) -> None:
        self._rng = rng
        self._today = today
        self._caseworkers = list(caseworkers)
        self._orgs: dict[OrganizationType, list[Organization]] = {}
        for org in organizations:
            self._orgs.setdefault(org.org_type, []).append(org)

    def opened_dates(self, count: int) -> list[date]:
        """``count`` opening dates from 2024 to yesterday, oldest first, a little busier each year.

        Nothing happens today or later, so no contact is dated after the moment the demo is made.
        """
        span = (self._today - FIRST_DAY).days - 1
        days = sorted(int(span * (self._rng.random() ** 0.8)) for _ in range(count))
        return [FIRST_DAY + timedelta(days=d) for d in days]

    def status(self, opened: date) -> CaseStatus:
        age = (self._today - opened).days
        if age < 30:
            weights = {CaseStatus.OPEN: 40, CaseStatus.ACTIVE: 50, CaseStatus.REFERRED: 10}
        elif age < 180:
            weights = {CaseStatus.OPEN: 5, CaseStatus.ACTIVE: 45, CaseStatus.REFERRED: 30, CaseStatus.CLOSED: 20}
        elif age < 365:
            weights = {CaseStatus.ACTIVE: 20, CaseStatus.REFERRED: 20, CaseStatus.CLOSED: 55, CaseStatus.ARCHIVED: 5}
        else:
            weights = {CaseStatus.ACTIVE: 5, CaseStatus.REFERRED: 5, CaseStatus.CLOSED: 60, CaseStatus.ARCHIVED: 30}
        return _weighted(self._rng, weights)

    def _day_between(self, first: date, last: date) -> date:
        if last <= first:
            return first
        return first + timedelta(days=self._rng.randint(0, (last - first).days))

    def _moment(self, day: date) -> datetime:
        return datetime.combine(day, time(self._rng.randint(9, 21), self._rng.randint(0, 59))).astimezone()

    def alias(self, gender: Gender, service_status: str) -> str:
        rng = self._rng
        roll = rng.random()
        if service_status in RANKS and roll < 0.3:
            return rng.choice(RANKS[service_status]) + rng.choice("ABCDEFGHJK")
        if roll < 0.75:
            names = KOREAN_NAMES_M if gender is Gender.MALE else KOREAN_NAMES_F
            return rng.choice(names)
        if roll < 0.92:
            return f"{rng.choice(INITIALS)}.{rng.choice(INITIALS)}."
        return rng.choice(ENGLISH_ALIASES)

    def incident(self, opened: date, age_band: AgeBand, military: bool) -> Incident:
        rng = self._rng
        weights = dict(INCIDENT_WEIGHTS)
        if not age_band.is_minor:
            weights.pop("online_grooming")
            weights.pop("child_exploitation_material")
        types = {_weighted(rng, weights)}
        first = next(iter(types))
        if first in COMPANION_TYPES and rng.random() < 0.35:
            types.add(rng.choice(COMPANION_TYPES[first]))
        offline = bool(types & OFFLINE_TYPES) and not (types - OFFLINE_TYPES)
        platforms: set[str] = set()
        if offline:
            if rng.random() < 0.6:
                platforms.add("offline")
        else:
            platforms.add(_weighted(rng, PLATFORM_WEIGHTS))
            if rng.random() < 0.2:
                platforms.add(_weighted(rng, PLATFORM_WEIGHTS))
        relations = dict(RELATION_WEIGHTS)
        if not military:
            for code in ("superior", "subordinate"):
                relations[code] = 1
        if first in ("bodycam_phishing", "threat_to_distribute", "synthetic_images"):
            relations["online_only"] *= 2.5
        relation = _weighted(rng, relations)
        if offline:
            place = rng.choice(
                ["barracks", "unit_workplace", "training", "lodging", "vehicle"]
                if military
                else ["home", "public_place", "lodging", "vehicle"]
            )
        else:
            place = "online"
        when = opened - timedelta(days=int(rng.expovariate(1 / 60)))
        roll = rng.random()
        if roll < 0.4:
            precision, value = DatePrecision.EXACT, when.isoformat()
        elif roll < 0.8:
            precision, value = DatePrecision.MONTH, when.isoformat()[:7]
        elif roll < 0.9:
            precision, value = DatePrecision.YEAR, str(when.year)
        else:
            precision, value = DatePrecision.UNKNOWN, ""
        return Incident(0, 0, tuple(sorted(types)), tuple(sorted(platforms)), relation, precision, value, place, "")

    def words(self, incident: Incident) -> dict[str, str]:
        rng = self._rng
        platform = next((p for p in incident.platforms if p != "offline"), "telegram")
        return {
            "platform": PLATFORM_WORDS.get(platform, platform),
            "platform_en": PLATFORM_EN.get(platform, platform),
            "relation": rng.choice(RELATION_WORDS[incident.perpetrator_relation]),
            "relation_en": {
                "superior": "a superior",
                "peer": "a peer in the unit",
                "online_only": "someone met online",
                "partner_or_ex": "an ex-partner",
                "acquaintance": "an acquaintance",
                "stranger": "a stranger",
                "subordinate": "a junior soldier",
                "family": "a relative",
            }.get(incident.perpetrator_relation, "an unknown account"),
            "place": PLACES.get(incident.place_type, "부대"),
            "n": str(rng.randint(2, 40)),
            "amount": str(rng.choice((50, 100, 200, 300, 500))),
        }

    def case(self, opened: date) -> _DemoCase:
        rng = self._rng
        gender = _weighted(rng, GENDER_WEIGHTS)
        age_band = _weighted(rng, AGE_WEIGHTS)
        branch = _weighted(rng, BRANCH_WEIGHTS)
        military = branch != "none"
        service_status = _weighted(rng, MILITARY_STATUS_WEIGHTS if military else CIVILIAN_STATUS_WEIGHTS)
        if age_band.is_minor:
            branch, military, service_status = "none", False, "student"
        status = self.status(opened)
        closed_on = None
        if status in (CaseStatus.CLOSED, CaseStatus.ARCHIVED):
            closed_on = self._day_between(opened + timedelta(days=7), min(self._today, opened + timedelta(days=240)))
        risk = _weighted(rng, RISK_WEIGHTS)
        if status in (CaseStatus.CLOSED, CaseStatus.ARCHIVED) and risk is RiskLevel.URGENT:
            risk = RiskLevel.HIGH
        has_identity = rng.random() < 0.1
        safe_notes = rng.choice(SAFE_NOTES) if rng.random() < 0.25 else ""
        fields = CaseFields(
            status=status,
            opened_on=opened,
            closed_on=closed_on,
            risk=risk,
            risk_reason=rng.choice(RISK_REASONS[risk]) if risk in RISK_REASONS else "",
            profile=SurvivorProfile(
                alias=self.alias(gender, service_status),
                age_band=age_band,
                gender=gender,
                branch=branch,
                service_status=service_status,
                region=_weighted(rng, REGION_WEIGHTS),
                preferred_channel=rng.choice([Channel.PHONE.value, Channel.MESSENGER.value, ""]),
                safe_channels="",
                safe_to_leave_message=False if safe_notes else rng.choice([True, None]),
                safe_contact_notes=safe_notes,
            ),
            sensitive=SensitiveContact(
                real_name=rng.choice(PLACEHOLDER_NAMES) if has_identity else "",
                phone=f"010-0000-{rng.randint(0, 9999):04d}" if has_identity else "",
            ),
            statistics_opt_out=rng.random() < STATISTICS_OPT_OUT_SHARE,
        )
        counselors: tuple[str, ...] = (rng.choice(self._caseworkers),)
        if len(self._caseworkers) > 1 and rng.random() < 0.1:
            counselors = tuple(sorted(set(counselors) | {rng.choice(self._caseworkers)}))
        incident = self.incident(opened, age_band, military)
        demo = _DemoCase(opened, fields, counselors, incident, record_consent=rng.random() < 0.9)
        self._contacts(demo)
        self._referrals(demo, age_band.is_minor)
        if status not in (CaseStatus.CLOSED, CaseStatus.ARCHIVED) and rng.random() < 0.05:
            demo.tasks.append(
                Task(
                    0,
                    None,
                    TaskKind.MANUAL,
                    rng.choice(MANUAL_TASKS),
                    self._day_between(self._today - timedelta(days=10), self._today + timedelta(days=14)),
                    counselors[0],
                    None,
                )
            )
        return demo

    def _last_day(self, demo: _DemoCase) -> date:
        return demo.fields.closed_on or self._today - timedelta(days=1)

    def _contacts(self, demo: _DemoCase) -> None:
        rng = self._rng
        words = self.words(demo.incident)
        first_type = rng.choice(demo.incident.types)
        first_caller = _weighted(rng, FIRST_CALLER_WEIGHTS)
        if demo.fields.profile.age_band.is_minor and rng.random() < 0.4:
            first_caller = CallerType.FAMILY
        days = [demo.opened]
        for _ in range(rng.choices((0, 1, 2, 3), weights=(35, 35, 20, 10))[0]):
            days.append(self._day_between(demo.opened, self._last_day(demo)))
        days.sort()
        closed = demo.fields.status in (CaseStatus.CLOSED, CaseStatus.ARCHIVED)
        for index, day in enumerate(days):
            channel = _weighted(rng, CHANNEL_WEIGHTS)
            if index == 0:
                template = rng.choice(INTAKE_NOTES.get(first_type, INTAKE_NOTES["other"]))
            else:
                template = rng.choice(FOLLOW_UP_NOTES)
                words["n"] = str(rng.randint(1, 30))
            last = index == len(days) - 1
            follow_up = last and rng.random() < (0.2 if closed else 0.45)
            due = day + timedelta(days=rng.randint(1, 7)) if follow_up else None
            if due is not None and (closed or (due < self._today - timedelta(days=3) and rng.random() < 0.9)):
                demo.done_follow_ups[len(demo.contacts)] = min(due, self._today - timedelta(days=1))
            counselor = rng.choice(demo.counselors)
            contact = Contact(
                id=0,
                case_id=None,
                at=self._moment(day),
                channel=channel,
                direction=Direction.INBOUND if index == 0 or rng.random() < 0.5 else Direction.OUTBOUND,
                duration_minutes=rng.randint(5, 90) if channel in (Channel.PHONE, Channel.VISIT) else None,
                caller_type=first_caller if index == 0 else CallerType.SURVIVOR,
                counselor=counselor,
                summary=_fill(template, words),
                follow_up_needed=follow_up,
                follow_up_due=due,
            )
            demo.contacts.append(contact)

    def outcome(self, org_type: OrganizationType, status: ReferralStatus) -> ReferralOutcome:
        """The outcome category of a referral: what that kind of organization mostly does once it answered,
        sometimes left uncategorized; none yet while it waits."""
        if status in (ReferralStatus.ACCEPTED, ReferralStatus.COMPLETED):
            weights = dict(ANSWERED_OUTCOMES[org_type])
        elif status is ReferralStatus.DECLINED:
            weights = dict(DECLINED_OUTCOMES)
        else:
            return ReferralOutcome.NOT_RECORDED
        weights[ReferralOutcome.NOT_RECORDED] = UNRECORDED_OUTCOME_WEIGHT
        return _weighted(self._rng, weights)

    def _referrals(self, demo: _DemoCase, minor: bool) -> None:
        rng = self._rng
        wanted = rng.choices((0, 1, 2), weights=(60, 32, 8))[0]
        if demo.fields.status is CaseStatus.REFERRED:
            wanted = max(wanted, 1)
        kind = "offline" if set(demo.incident.types) <= OFFLINE_TYPES else "digital"
        closed = demo.fields.status in (CaseStatus.CLOSED, CaseStatus.ARCHIVED)
        used: set[int] = set()
        for _ in range(wanted):
            choices = [o for t in REFERRAL_TYPES[kind] for o in self._orgs.get(t, ()) if o.id not in used]
            if not choices:
                return
            org = rng.choice(choices)
            used.add(org.id)
            if closed:
                status = _weighted(
                    rng, {ReferralStatus.ACCEPTED: 40, ReferralStatus.COMPLETED: 45, ReferralStatus.DECLINED: 15}
                )
            else:
                status = _weighted(
                    rng,
                    {
                        ReferralStatus.DRAFT: 15,
                        ReferralStatus.SENT: 35,
                        ReferralStatus.NO_RESPONSE: 10,
                        ReferralStatus.ACCEPTED: 25,
                        ReferralStatus.COMPLETED: 10,
                        ReferralStatus.DECLINED: 5,
                    },
                )
            recent = max(demo.opened, self._today - timedelta(days=45))
            sent_on = None
            if status is not ReferralStatus.DRAFT:
                sent_on = self._day_between(demo.opened, self._last_day(demo))
                if status in AWAITING_STATUSES:
                    sent_on = self._day_between(recent, self._last_day(demo))
            follow_up_due = None
            if status in AWAITING_STATUSES and sent_on is not None:
                follow_up_due = sent_on + timedelta(days=rng.choice((7, 7, 10, 14)))
            elif status is ReferralStatus.DRAFT and rng.random() < 0.5:
                follow_up_due = self._today + timedelta(days=rng.randint(-3, 10))
            reason = rng.choice(REFERRAL_REASONS[org.org_type])
            code = self.outcome(org.org_type, status)
            outcome = rng.choice(OUTCOME_TEXTS[code]).replace("{n}", str(rng.randint(1, 12)))
            referral = Referral(0, 0, org.id, reason, status, sent_on, None, follow_up_due, outcome, code)
            giver = ConsentGiver.GUARDIAN if minor else ConsentGiver.SURVIVOR
            demo.referrals.append((org, referral, giver))


# --- writing -------------------------------------------------------------------------------------------


class _Writer:
    """Writes generated cases through the casework services, as the demo-data session (see the module
    docstring), with its clock set to the moment each record was made."""

    def __init__(self, session: VaultSession) -> None:
        self.clock = FrozenClock(session.clock.now())
        self.session = session.making_demo_data(self.clock)
        self._cases = CaseService(self.session)
        self._incidents = IncidentService(self.session)
        self._contacts = ContactService(self.session)
        self._referrals = ReferralService(self.session)
        self._tasks = TaskService(self.session)

    def organizations(self) -> list[Organization]:
        return OrganizationService(self.session).all()

    def write(self, demo: _DemoCase) -> str:
        created = datetime.combine(demo.opened, time(9, 0)).astimezone()
        self.clock.set(created)
        case = self._cases.create(demo.fields, demo.counselors)
        self._incidents.add(dataclasses.replace(demo.incident, case_id=case.id))
        for index, contact in enumerate(demo.contacts):
            self.clock.set(contact.at)
            logged = self._contacts.log(dataclasses.replace(contact, case_id=case.id))
            done_on = demo.done_follow_ups.get(index)
            if done_on is not None:
                follow_up = next(t for t in self._tasks.for_case(case.id) if t.contact_id == logged.id)
                self.clock.set(datetime.combine(done_on, time(17, 0)).astimezone())
                self._tasks.set_done(follow_up.id)
        self.clock.set(created)
        if demo.record_consent:
            self._referrals.record_consent(
                Consent(0, case.id, ConsentPurpose.RECORD, None, ConsentGiver.SURVIVOR, demo.opened, "상담 기록", None)
            )
        for org, referral, giver in demo.referrals:
            consent_id = None
            if referral.status is not ReferralStatus.DRAFT:
                given_on = referral.sent_on or demo.opened
                consent_id = self._referrals.record_consent(
                    Consent(0, case.id, ConsentPurpose.SHARE, org.id, giver, given_on, "연계에 필요한 범위", None)
                ).id
            self._referrals.create(dataclasses.replace(referral, case_id=case.id, consent_id=consent_id))
        for task in demo.tasks:
            self._tasks.create(case.id, task.title, task.due_on, task.owner)
        return case.number


# --- the public API -------------------------------------------------------------------------------------


def demo_case_count(session: VaultSession) -> int:
    """How many demo cases the vault says it holds (0 for a vault never given any)."""
    value = MetaRepository(session.conn).get(DEMO_META_KEY)
    return int(value) if value and value.isdigit() else 0


def add_demo_cases(
    session: VaultSession,
    count: int,
    seed: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    *,
    force: bool = False,
) -> int:
    """Add ``count`` synthetic cases; the same ``seed`` (and day) gives the same cases. Returns ``count``.

    Administrators only. Refused when the vault holds cases that are not demo cases, unless ``force``.
    ``progress(done, total)`` is called after each batch is committed.
    """
    session.require(Permission.MANAGE_SETTINGS)
    if not 1 <= count <= MAX_CASES:
        raise InputError(tr("The number of demo cases must be between 1 and {max}.").format(max=f"{MAX_CASES:,}"))
    existing = CaseRepository(session.conn).count()
    if existing and existing != demo_case_count(session) and not force:
        raise InputError(
            tr(
                "This vault already holds {count} cases that are not demo cases. Demo data is only added to a new "
                "vault (or one holding only demo cases) so it never mixes with real casework; use a separate vault, "
                "or --force if you are sure."
            ).format(count=f"{existing:,}")
        )
    names = sorted(caseworkers(session))
    if not names:
        raise InputError(
            tr(
                "Demo cases are assigned to counselors and supervisors, and this vault has none. Add one first "
                "(safecase user add NAME --role counselor)."
            )
        )
    writer = _Writer(session)
    if seed is None:
        seed = random.SystemRandom().randrange(2**31)
    generator = _Generator(random.Random(seed), session.clock.today(), names, writer.organizations())
    dates = generator.opened_dates(count)
    done = 0
    while done < count:
        batch = dates[done : done + BATCH_SIZE]
        # One batch is all or nothing: thousands of nested service calls need no savepoint each.
        with session.write(savepoints=False):
            if not force and CaseRepository(session.conn).count() != demo_case_count(session):
                # Checked again under the write lock: a real case opened meanwhile (the app and the
                # command line may share the vault) stops the demo rather than mixing with it.
                raise InputError(
                    tr("A case that is not a demo case was opened meanwhile; no more demo cases were added.")
                )
            numbers = [writer.write(generator.case(opened)) for opened in batch]
            MetaRepository(session.conn).set(DEMO_META_KEY, str(demo_case_count(session) + len(batch)))
            details = {"cases": str(len(batch)), "first": numbers[0], "last": numbers[-1], "seed": str(seed)}
            details["records"] = ",".join(f"{action}={n}" for action, n in sorted(writer.session.tally.items()))
            writer.session.tally.clear()
            if force and existing:
                details["forced"] = "yes"
            session.log(AuditAction.DEMO_DATA_ADDED, "cases", "", details)
        done += len(batch)
        if progress is not None:
            progress(done, count)
    return count
