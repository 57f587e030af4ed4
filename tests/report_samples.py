"""A statistics report built by hand, with every table of the shared design (no vault needed).

Counts are drawn from a seeded generator so that every kind of cell occurs: zeros, small counts that
suppression hides, large ones, withheld medians. Used by the publish and writer tests. Tables that
publish the same number agree (suppression refuses a report whose shared margins disagree): the one-way
tables of one population add up to the same total, and a cross-table's margins are its one-way tables.
"""

from __future__ import annotations

import random
from datetime import date

from safecase.reports.model import Axis, CountTable, MedianRow, MedianTable, Table
from safecase.reports.statistics import ReportPeriod, StatisticsReport
from safecase.reports.suppression import CellState, Suppression

INCIDENT_TYPES = (
    "synthetic_images",
    "illegal_filming",
    "distribution",
    "threat_to_distribute",
    "fear_of_distribution",
    "bodycam_phishing",
    "online_sexual_harassment",
    "sexual_assault",
    "other",
    "not_recorded",
)
CUSTOM_PLATFORM = '=HYPERLINK("http://x","y")'
"""A custom platform name a counselor typed; a custom name is its own code and label."""
HOSTILE_PLATFORMS = (CUSTOM_PLATFORM, "+1", "-2", "@SUM(A1)", "\tTab", "\rCR")
"""Names a spreadsheet would take for formulas (CSV injection)."""
PLATFORMS = ("telegram", "kakaotalk", "instagram", "x", "discord", "webhard", *HOSTILE_PLATFORMS, "other_platforms")
RELATIONS = ("superior", "peer", "subordinate", "partner_or_ex", "stranger", "online_only", "unknown", "not_recorded")
BRANCHES = ("army", "navy", "air_force", "marines", "mnd_direct", "none", "not_recorded")
STATUSES = ("enlisted", "nco", "officer", "civilian_employee", "cadet", "civilian", "not_recorded")
AGE_BANDS = ("under_10", "10s", "20s", "30s", "40s", "50s", "60_plus", "unknown", "not_recorded")
GENDERS = ("female", "male", "non_binary", "unknown", "not_recorded")
REGIONS = ("seoul", "busan", "gyeonggi", "gangwon", "chungnam", "jeju", "not_recorded")
CHANNELS = ("phone", "chat", "messenger", "email", "visit", "other", "not_recorded")
CALLERS = ("survivor", "family", "friend", "colleague", "officer", "anonymous", "not_recorded")
ORG_TYPES = (
    "police",
    "prosecution",
    "legal_aid",
    "medical",
    "mental_health",
    "shelter",
    "takedown",
    "victim_support",
    "military_command",
    "other",
)
REFERRAL_STATUSES = ("sent", "accepted", "declined", "no_response", "completed")
REFERRAL_OUTCOMES = (
    "help_given",
    "investigation_opened",
    "legal_action",
    "content_removed",
    "declined_by_survivor",
    "not_eligible",
    "other",
    "not_recorded",
)
REPORTED_TO = ("platform", "kcsc", "dsc", "police", "other")
TAKEDOWN_OUTCOMES = ("removed", "refused", "pending")

TERMS: dict[str, dict[str, tuple[str, str]]] = {
    "incident_type": {
        "synthetic_images": ("deepfake / synthetic sexual images", "합성·편집 (허위영상물·딥페이크)"),
        "illegal_filming": ("illegal (non-consensual) filming", "불법촬영"),
        "distribution": ("non-consensual distribution of intimate images", "유포"),
        "threat_to_distribute": ("threat to distribute (sextortion)", "유포협박"),
        "fear_of_distribution": ("fear of distribution", "유포불안"),
        "bodycam_phishing": ("video-chat sextortion (body-cam phishing)", "몸캠피싱"),
        "online_sexual_harassment": ("online sexual harassment", "사이버 성희롱"),
        "sexual_assault": ("sexual assault (indecent assault)", "강제추행"),
        "other": ("other", "기타"),
    },
    "platform": {
        "telegram": ("Telegram", "텔레그램"),
        "kakaotalk": ("KakaoTalk (incl. open chats)", "카카오톡(오픈채팅 포함)"),
        "instagram": ("Instagram", "인스타그램"),
        "x": ("X (Twitter)", "X(트위터)"),
        "discord": ("Discord", "디스코드"),
        "webhard": ("Webhard", "웹하드"),
    },
    "perpetrator_relation": {
        "superior": ("superior", "상급자"),
        "peer": ("peer", "동급자"),
        "subordinate": ("subordinate", "하급자"),
        "partner_or_ex": ("partner or ex-partner", "(전)연인·배우자"),
        "stranger": ("stranger", "모르는 사람"),
        "online_only": ("met online only", "온라인에서만 알게 된 사람"),
        "unknown": ("unknown", "모름"),
    },
    "branch": {
        "army": ("Army", "육군"),
        "navy": ("Navy", "해군"),
        "air_force": ("Air Force", "공군"),
        "marines": ("Marine Corps", "해병대"),
        "mnd_direct": ("MND-direct unit", "국방부 직할부대"),
        "none": ("none", "해당 없음"),
    },
    "service_status": {
        "enlisted": ("enlisted", "병사"),
        "nco": ("NCO", "부사관"),
        "officer": ("officer", "장교"),
        "civilian_employee": ("civilian employee", "군무원"),
        "cadet": ("cadet", "사관생도·후보생"),
        "civilian": ("civilian", "민간인"),
    },
    "region": {
        "seoul": ("Seoul", "서울"),
        "busan": ("Busan", "부산"),
        "gyeonggi": ("Gyeonggi", "경기"),
        "gangwon": ("Gangwon", "강원"),
        "chungnam": ("Chungnam", "충남"),
        "jeju": ("Jeju", "제주"),
    },
}


def _counts(rng: random.Random, rows: tuple[str, ...], columns: tuple[str, ...] = ("",)) -> dict[tuple[str, str], int]:
    values = {}
    for r in rows:
        for c in columns:
            roll = rng.random()
            value = 0 if roll < 0.2 else rng.randint(1, 4) if roll < 0.45 else rng.randint(5, 60)
            if value:
                values[(r, c)] = value
    return values


def _split(rng: random.Random, total: int, codes: tuple[str, ...]) -> dict[tuple[str, str], int]:
    """``total`` spread over ``codes`` (some get none), for one-way tables that must share a total."""
    values: dict[tuple[str, str], int] = {}
    for _ in range(total):
        code = codes[min(int(rng.expovariate(0.6)), len(codes) - 1)]
        values[(code, "")] = values.get((code, ""), 0) + 1
    return values


def _split_rows(
    rng: random.Random, totals: dict[tuple[str, str], int], columns: tuple[str, ...]
) -> dict[tuple[str, str], int]:
    """A cross-table whose row totals are ``totals``."""
    values: dict[tuple[str, str], int] = {}
    for (row, _), total in totals.items():
        for (column, _), value in _split(rng, total, columns).items():
            values[(row, column)] = value
    return values


def sample_tables(months: tuple[str, ...], seed: int = 7) -> tuple[Table, ...]:
    rng = random.Random(seed)
    month = Axis("month", months)
    incident = Axis("incident_type", INCIDENT_TYPES, multi_valued=True)
    branch = Axis("branch", BRANCHES)
    by_month = _counts(rng, INCIDENT_TYPES, months)
    # Some months with a small count or none: the charts must show a hidden count as no bar.
    cases_per_month = {(m, ""): rng.randint(8, 40) for m in months}
    if len(months) >= 3:
        cases_per_month[(months[1], "")] = 3
        del cases_per_month[(months[2], "")]

    def one_way(key: str, population: str, axis: Axis, values: dict[tuple[str, str], int]) -> CountTable:
        return CountTable(key, population, axis, values=values)

    incident_totals = {(r, ""): sum(v for (rr, _), v in by_month.items() if rr == r) for r in INCIDENT_TYPES}
    by_branch = _split_rows(rng, {rc: v for rc, v in incident_totals.items() if v}, BRANCHES)
    cases = sum(cases_per_month.values())
    contacts_per_month = {(m, ""): rng.randint(20, 90) for m in months}
    contacts = sum(contacts_per_month.values())
    org = Axis("org_type", ORG_TYPES)
    referral_status = _counts(rng, ORG_TYPES, REFERRAL_STATUSES)
    org_totals = {(o, ""): sum(v for (oo, _), v in referral_status.items() if oo == o) for o in ORG_TYPES}
    referrals = sum(org_totals.values())
    return (
        one_way("new_cases_by_month", "cases", month, cases_per_month),
        one_way("contacts_by_month", "contacts", month, contacts_per_month),
        one_way("incident_types", "cases", incident, incident_totals),
        CountTable("incident_type_by_month", "cases", incident, month, by_month),
        CountTable("incident_type_by_branch", "cases", incident, branch, by_branch),
        one_way("platforms", "cases", Axis("platform", PLATFORMS, True), _counts(rng, PLATFORMS)),
        one_way(
            "perpetrator_relations", "cases", Axis("perpetrator_relation", RELATIONS, True), _counts(rng, RELATIONS)
        ),
        one_way("branches", "cases", branch, _split(rng, cases, BRANCHES)),
        one_way("service_statuses", "cases", Axis("service_status", STATUSES), _split(rng, cases, STATUSES)),
        one_way("age_bands", "cases", Axis("age_band", AGE_BANDS), _split(rng, cases, AGE_BANDS)),
        one_way("genders", "cases", Axis("gender", GENDERS), _split(rng, cases, GENDERS)),
        one_way("regions", "cases", Axis("region", REGIONS), _split(rng, cases, REGIONS)),
        one_way("contact_channels", "contacts", Axis("channel", CHANNELS), _split(rng, contacts, CHANNELS)),
        one_way("caller_types", "contacts", Axis("caller_type", CALLERS), _split(rng, contacts, CALLERS)),
        one_way("referral_org_types", "referrals", org, org_totals),
        CountTable(
            "referral_status_by_org_type", "referrals", org, Axis("referral_status", REFERRAL_STATUSES), referral_status
        ),
        one_way(
            "referral_outcomes",
            "referrals",
            Axis("referral_outcome", REFERRAL_OUTCOMES),
            _split(rng, referrals, REFERRAL_OUTCOMES),
        ),
        CountTable(
            "takedowns_by_reported_to",
            "takedowns",
            Axis("reported_to", REPORTED_TO),
            Axis("takedown_outcome", TAKEDOWN_OUTCOMES),
            _counts(rng, REPORTED_TO, TAKEDOWN_OUTCOMES),
        ),
        MedianTable(
            "median_days_to_removal",
            Axis("reported_to", (*REPORTED_TO, "all")),
            (
                MedianRow("platform", 12, 4.5),
                MedianRow("kcsc", 7, 21.0),
                MedianRow("dsc", 3, 9.0),
                MedianRow("police", 0, None),
                MedianRow("other", 5, 13.25),
                MedianRow("all", 27, 8.0),
            ),
        ),
        MedianTable(
            "median_days_to_first_referral",
            Axis("incident_type", ("all", *INCIDENT_TYPES)),
            tuple(
                MedianRow(code, size, float(rng.randint(0, 30)) if size else None)
                for code, size in [("all", 80), *((c, rng.choice([0, 2, 6, 15])) for c in INCIDENT_TYPES)]
            ),
        ),
    )


def sample_report(
    first: date = date(2026, 1, 1),
    last: date = date(2026, 6, 1),
    k: int = 5,
    *,
    seed: int = 7,
    withheld: frozenset[str] = frozenset(),
    secondary: int = 3,
    excluded_cases: int = 4,
    center_name: str = "",
) -> StatisticsReport:
    """A report over ``first``..``last``; ``secondary`` shown interior cells are marked secondary by hand
    (the suppression algorithm is not what these tests are about, only how its states are printed)."""
    period = ReportPeriod(first, last)
    tables = sample_tables(period.months(), seed)
    counted = [t for t in tables if isinstance(t, CountTable)]
    # Primary suppression only, by the rule itself: the secondary algorithm's choices would change
    # whenever it improves, and these tests are about printing states, not choosing them.
    states = {
        key: CellState.PRIMARY if 0 < value < k else CellState.SHOWN for t in counted for key, value in t.quantities()
    }
    marked = 0
    for table in counted:
        if table.columns is None or marked >= secondary:
            continue
        for (row, column), value in sorted(table.values.items()):
            key = table.cell_key(row, column)
            if value >= k and states[key] is CellState.SHOWN and marked < secondary:
                states[key] = CellState.SECONDARY
                marked += 1
    return StatisticsReport(
        period,
        k,
        tables,
        Suppression(k, states, withheld),
        excluded_cases,
        center_name,
    )
