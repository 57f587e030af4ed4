"""The words a statistics report is printed in, English and Korean side by side.

A report's language is chosen per export (``--lang ko|en``), not taken from the interface, so these
labels are pairs rather than strings run through :func:`safecase.i18n.tr`: a supervisor using the
app in English can still send the ministry a Korean report. Taxonomy terms (incident types,
platforms, regions, …) and custom platform names are not here; the service hands them to
:func:`safecase.reports.published.publish` with their own two labels.

The Korean is the vocabulary of ``shared/reference/ko-ui-glossary.md``; age bands follow the annual
statistics of digital sex crime victim support (10세 미만, 10대 … 60대 이상, 미상), so a center can copy
a table into the forms it already fills in.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

# The special codes (blank value, folded custom platforms, a median over every record) are the domain's,
# which the service counts under: one definition, re-exported for the writers.
from safecase.domain.statistics import ALL as ALL
from safecase.domain.statistics import NOT_RECORDED as NOT_RECORDED
from safecase.domain.statistics import OTHER_PLATFORMS as OTHER_PLATFORMS
from safecase.i18n import tr

ENGLISH = "en"
KOREAN = "ko"
LANGUAGES = (ENGLISH, KOREAN)


Terms = Mapping[str, Mapping[str, tuple[str, str]]]
"""``terms[axis][code] = (English, Korean)``: taxonomy terms and custom platform names."""


@dataclass(frozen=True)
class Words:
    """One text in both languages."""

    en: str
    ko: str

    def in_(self, language: str) -> str:
        return self.ko if language == KOREAN else self.en


def language_of(language: str) -> str:
    """``ko`` or ``en`` from a language tag (``ko``, ``ko_KR``, ``en-GB``); ValueError for any other."""
    tag = language.strip().lower().replace("-", "_")
    for known in LANGUAGES:
        if tag == known or tag.startswith(known + "_"):
            return known
    raise ValueError(
        tr("A report can be written in Korean (ko) or English (en), not in {language}.").format(language=language)
    )


# --- codes every axis may hold ------------------------------------------------------------------------

SPECIAL_CODES: dict[str, Words] = {
    NOT_RECORDED: Words("Not recorded", "미기재"),
    OTHER_PLATFORMS: Words("Other platforms", "기타 플랫폼"),
    ALL: Words("All", "전체"),
}

# --- the fixed axes (domain enums and the report's own codes) ------------------------------------------

FIXED_CODES: dict[str, dict[str, Words]] = {
    "age_band": {
        "under_10": Words("Under 10", "10세 미만"),
        "10s": Words("10–19", "10대"),
        "20s": Words("20–29", "20대"),
        "30s": Words("30–39", "30대"),
        "40s": Words("40–49", "40대"),
        "50s": Words("50–59", "50대"),
        "60_plus": Words("60 and over", "60대 이상"),
        "unknown": Words("Age not known", "미상"),
    },
    "gender": {
        "female": Words("Female", "여성"),
        "male": Words("Male", "남성"),
        "non_binary": Words("Non-binary", "논바이너리"),
        "unknown": Words("Not known", "미상"),
    },
    "channel": {
        "phone": Words("Phone", "전화"),
        "chat": Words("Chat", "채팅"),
        "messenger": Words("Messenger app", "메신저(카카오톡 등)"),
        "email": Words("Email", "온라인(게시판·메일)"),
        "visit": Words("Visit", "방문(면접)"),
        "other": Words("Other", "기타"),
    },
    "caller_type": {
        "survivor": Words("Survivor", "본인"),
        "family": Words("Family", "가족"),
        "friend": Words("Friend", "지인"),
        "colleague": Words("Colleague", "동료"),
        "officer": Words("Officer of an organization", "기관 담당자"),
        "anonymous": Words("Anonymous", "익명"),
    },
    "org_type": {
        "police": Words("Police / military police", "경찰·군사경찰"),
        "prosecution": Words("Prosecution", "검찰·군검찰"),
        "legal_aid": Words("Legal aid", "법률 지원"),
        "medical": Words("Medical", "의료기관"),
        "mental_health": Words("Mental health", "정신건강 기관"),
        "shelter": Words("Shelter", "보호시설"),
        "takedown": Words("Take-down / deletion support", "삭제지원 기관"),
        "victim_support": Words("Victim support center", "피해자 지원기관"),
        "military_command": Words("Military chain of command", "부대 지휘계통"),
        "other": Words("Other", "기타"),
    },
    "referral_status": {
        "sent": Words("Sent", "연계 요청"),
        "accepted": Words("Accepted", "수락"),
        "declined": Words("Declined", "거절"),
        "no_response": Words("No response", "회신 없음"),
        "completed": Words("Completed", "완료"),
    },
    "referral_outcome": {
        "help_given": Words("Help given", "지원 제공"),
        "investigation_opened": Words("Investigation opened", "수사 개시"),
        "legal_action": Words("Legal action", "법적 조치"),
        "content_removed": Words("Content removed", "삭제 완료"),
        "declined_by_survivor": Words("Declined by the survivor", "피해자가 원하지 않음"),
        "not_eligible": Words("Not eligible", "지원 대상 아님"),
        "other": Words("Other", "기타"),
    },
    "reported_to": {
        "platform": Words("The platform or site", "플랫폼"),
        "kcsc": Words("Korea Communications Standards Commission", "방송통신심의위원회"),
        "dsc": Words("Digital Sex Crime Victim Support Center", "디지털성범죄피해자지원센터"),
        "police": Words("Police", "경찰"),
        "other": Words("Other", "기타"),
    },
    "takedown_outcome": {
        "removed": Words("Removed", "삭제 완료"),
        "refused": Words("Refused", "삭제 거부"),
        "pending": Words("Pending", "처리 중"),
    },
}

AXIS_TITLES: dict[str, Words] = {
    "month": Words("Month", "월"),
    "incident_type": Words("Incident type", "피해 유형"),
    "platform": Words("Platform", "플랫폼"),
    "perpetrator_relation": Words("Perpetrator relation", "가해자와의 관계"),
    "branch": Words("Affiliation (branch)", "소속"),
    "service_status": Words("Service status", "신분"),
    "age_band": Words("Age band", "연령대"),
    "gender": Words("Gender", "성별"),
    "region": Words("Region", "지역"),
    "channel": Words("Channel", "상담 방법"),
    "caller_type": Words("Caller type", "상담 요청자"),
    "org_type": Words("Organization type", "연계기관 유형"),
    "referral_status": Words("Referral status", "연계 진행 상태"),
    "referral_outcome": Words("Referral outcome", "연계 결과"),
    "reported_to": Words("Reported to", "삭제 요청처"),
    "takedown_outcome": Words("Outcome", "처리 결과"),
}

POPULATION_COUNTS: dict[str, Words] = {
    "cases": Words("Cases", "사례(건)"),
    "contacts": Words("Contacts", "상담(건)"),
    "referrals": Words("Referrals", "연계(건)"),
    "takedowns": Words("Take-down requests", "삭제 요청(건)"),
}
"""The header of a one-way table's count column: what is counted."""

TABLE_TITLES: dict[str, Words] = {
    "new_cases_by_month": Words("New cases by month", "월별 신규 사례"),
    "contacts_by_month": Words("Contacts by month", "월별 상담 건수"),
    "incident_types": Words("Cases by incident type", "피해 유형별 사례"),
    "incident_type_by_month": Words("Cases by incident type and month", "피해 유형별·월별 사례"),
    "incident_type_by_branch": Words("Cases by incident type and affiliation", "피해 유형별·소속별 사례"),
    "platforms": Words("Cases by platform", "플랫폼별 사례"),
    "perpetrator_relations": Words("Cases by perpetrator relation", "가해자와의 관계별 사례"),
    "branches": Words("Cases by affiliation (branch)", "소속별 사례"),
    "service_statuses": Words("Cases by service status", "신분별 사례"),
    "age_bands": Words("Cases by age band", "연령대별 사례"),
    "genders": Words("Cases by gender", "성별 사례"),
    "regions": Words("Cases by region", "지역별 사례"),
    "contact_channels": Words("Contacts by channel", "상담 방법별 상담 건수"),
    "caller_types": Words("Contacts by caller type", "상담 요청자별 상담 건수"),
    "referral_org_types": Words("Referrals by organization type", "연계기관 유형별 연계"),
    "referral_status_by_org_type": Words(
        "Referrals by organization type and status", "연계기관 유형별·진행 상태별 연계"
    ),
    "referral_outcomes": Words("Referrals by outcome", "연계 결과별 연계"),
    "takedowns_by_reported_to": Words(
        "Take-down requests by where they were reported and outcome", "삭제 요청처별·처리 결과별 삭제 요청"
    ),
    "median_days_to_removal": Words("Median days from take-down request to removal", "삭제 완료까지 걸린 일수(중앙값)"),
    "median_days_to_first_referral": Words(
        "Median days from first contact to first referral", "첫 상담부터 첫 연계까지 걸린 일수(중앙값)"
    ),
}

SHEET_NAMES: dict[str, Words] = {
    "new_cases_by_month": Words("New cases by month", "월별 신규 사례"),
    "contacts_by_month": Words("Contacts by month", "월별 상담"),
    "incident_types": Words("Incident types", "피해 유형"),
    "incident_type_by_month": Words("Incident type by month", "피해 유형×월"),
    "incident_type_by_branch": Words("Incident type by affiliation", "피해 유형×소속"),
    "platforms": Words("Platforms", "플랫폼"),
    "perpetrator_relations": Words("Perpetrator relations", "가해자와의 관계"),
    "branches": Words("Affiliation (branch)", "소속"),
    "service_statuses": Words("Service status", "신분"),
    "age_bands": Words("Age bands", "연령대"),
    "genders": Words("Genders", "성별"),
    "regions": Words("Regions", "지역"),
    "contact_channels": Words("Contact channels", "상담 방법"),
    "caller_types": Words("Caller types", "상담 요청자"),
    "referral_org_types": Words("Referral org types", "연계기관 유형"),
    "referral_status_by_org_type": Words("Referral status by org type", "연계기관 유형×진행 상태"),
    "referral_outcomes": Words("Referral outcomes", "연계 결과"),
    "takedowns_by_reported_to": Words("Take-downs by reported to", "삭제 요청처×처리 결과"),
    "median_days_to_removal": Words("Median days to removal", "삭제 완료 일수(중앙값)"),
    "median_days_to_first_referral": Words("Median days to 1st referral", "첫 연계 일수(중앙값)"),
}
"""Short names for spreadsheet tabs (Excel allows 31 characters, numbered ``3. …``); the title is on the sheet."""

TABLE_DESCRIPTIONS: dict[str, Words] = {
    "median_days_to_removal": Words(
        "Take-down requests removed in the period: days from the request to the removal.",
        "기간 중 삭제 완료된 삭제 요청: 요청한 날부터 삭제 완료까지의 일수입니다.",
    ),
    "median_days_to_first_referral": Words(
        "Cases of the period with a referral: days from the first contact (or the opening of the case) "
        "to the first referral sent.",
        "기간 중 접수되어 연계된 사례: 첫 상담(또는 사례 접수)부터 첫 연계 요청까지의 일수입니다.",
    ),
}

# --- fixed texts -----------------------------------------------------------------------------------------

REPORT_TITLE = Words("Anonymized statistics report", "익명 통계 보고서")
TOTAL = Words("Total", "합계")
TOTAL_MENTIONS = Words("Total (mentions)", "합계(중복 포함)")
MEDIAN_DAYS = Words("Median (days)", "중앙값(일)")
PERIOD = Words("Period", "기간")
RULE = Words("Suppression rule", "소수 사례 비공개 기준")
NOTES = Words("Notes", "참고")
PRIMARY_SUPPRESSIONS = Words("Numbers shown as “<{k}”", "“<{k}”로 표시한 값")
SECONDARY_SUPPRESSIONS = Words("Numbers shown as “X” (secondary suppression)", "“X”로 표시한 값(2차 비공개)")
SUMMARY = Words("Summary", "요약")
TABLE_PART = Words("Part {part} of {parts}", "표 {part}/{parts}")
PAGE = Words("page {page} of {pages}", "{page} / {pages}쪽")
CHART_VALUE = Words("Chart value (shown counts only)", "차트 값(공개된 값만)")

RULE_NOTE = Words(
    "Small-cell suppression with k = {k}: a count from 1 to {k_minus_1} is shown as “<{k}”. Further counts "
    "from which a hidden count could be worked out — through row or column totals or through another table "
    "over the same records — are hidden as well and shown as “X” (secondary suppression). Zero is shown as 0. "
    "A median is shown only for a group of at least {k} records; otherwise “–”.",
    "소수 사례 비공개 기준(k = {k}): 1~{k_minus_1}건인 값은 “<{k}”로 표시합니다. 행·열 합계나 같은 기록을 "
    "집계한 다른 표로 비공개 값을 계산해 낼 수 있는 경우, 그 값도 숨기고 “X”로 표시합니다(2차 비공개). "
    "0은 그대로 표시합니다. 중앙값은 {k}건 이상인 집단에만 표시하고, 그렇지 않으면 “–”로 표시합니다.",
)
PERIOD_NOTE = Words(
    "Period: {period}, {months} whole months; months are the finest time unit in this report.",
    "기간: {period}, {months}개월. 이 보고서의 가장 작은 시간 단위는 월입니다.",
)
PERIOD_NOTE_ONE_MONTH = Words(
    "Period: {period}, one whole month; months are the finest time unit in this report.",
    "기간: {period}, 1개월. 이 보고서의 가장 작은 시간 단위는 월입니다.",
)
CONSENT_NOTE = Words(
    "{count} cases were left out because the survivor declined the use of their case in statistics.",
    "피해자가 통계 활용에 동의하지 않은 사례 {count}건은 집계에서 제외했습니다.",
)
CONSENT_NOTE_ONE = Words(
    "1 case was left out because the survivor declined the use of their case in statistics.",
    "피해자가 통계 활용에 동의하지 않은 사례 1건은 집계에서 제외했습니다.",
)
CONSENT_NOTE_NONE = Words(
    "No case was left out for consent: no survivor of the period declined the use of their case in statistics.",
    "통계 활용에 동의하지 않은 피해자의 사례가 없어 제외한 사례는 없습니다.",
)
SUPPRESSION_NOTE = Words(
    "Hidden numbers: {primary} shown as “<{k}”, {secondary} shown as “X”. "
    "A number that appears in several tables is counted once.",
    "비공개 값: “<{k}”로 표시한 값 {primary}개, “X”로 표시한 값 {secondary}개. "
    "여러 표에 같은 값이 나오면 한 번만 셉니다.",
)
MULTI_VALUED_NOTE = Words(
    "{axes}: one case can count under several categories, so a total over these categories counts mentions, not cases.",
    "{axes}: 한 사례가 여러 항목에 해당할 수 있어, 이 항목들의 합계는 사례 수가 아니라 중복을 포함한 건수입니다.",
)
LIST_SEPARATOR = Words(", ", "·")
TABLE_MULTI_VALUED_NOTE = Words(
    "One case can count under several categories ({axis}): the “{total}” row counts mentions, not cases.",
    "한 사례가 여러 항목({axis})에 해당할 수 있으므로 “{total}” 행은 사례 수가 아니라 중복을 포함한 건수입니다.",
)
TABLE_MULTI_VALUED_COLUMNS_NOTE = Words(
    "One case can count under several categories ({axis}): the “{total}” column counts mentions, not cases.",
    "한 사례가 여러 항목({axis})에 해당할 수 있으므로 “{total}” 열은 사례 수가 아니라 중복을 포함한 건수입니다.",
)
WITHHELD_NOTE = Words(
    # Deliberately no reason: "too few records" or "a row would give a count away" would itself hint at
    # which rare category made the table unsafe (the other tables still publish its margins).
    "Not published: no count of this table can be shown without letting a hidden count be worked out.",
    "공개하지 않음: 이 표는 어떤 수치를 보여도 가려진 수치를 알아낼 수 있게 되므로 싣지 않았습니다.",
)
CENTER = Words("Center", "기관")

MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month_label(month: str, language: str) -> str:
    """``2026년 3월`` or ``Mar 2026`` for ``2026-03``."""
    year, number = month.split("-")
    if language == KOREAN:
        return f"{int(year)}년 {int(number)}월"
    return f"{MONTH_NAMES[int(number) - 1]} {int(year)}"


def period_text(months: tuple[str, ...], language: str) -> str:
    """``2026년 1월 ~ 2026년 6월`` or ``Jan 2026 – Jun 2026`` (one month alone when the period is one)."""
    first, last = month_label(months[0], language), month_label(months[-1], language)
    if len(months) == 1:
        return first
    return f"{first} ~ {last}" if language == KOREAN else f"{first} – {last}"


def code_label(axis: str, code: str, language: str, terms: Terms) -> str:
    """The printed label of ``code`` on ``axis``.

    The report's own codes first (not recorded, other platforms, all), then the fixed axes' words (so a
    term list cannot make the age bands stop matching the official counts), then the service's terms
    (taxonomies, custom platform names), and last the code itself: a custom platform name is its own label.
    """
    if code in SPECIAL_CODES:
        return SPECIAL_CODES[code].in_(language)
    if axis == "month":
        return month_label(code, language)
    fixed = FIXED_CODES.get(axis, {}).get(code)
    if fixed is not None:
        return fixed.in_(language)
    pair = terms.get(axis, {}).get(code)
    if pair is not None:
        english, korean = pair
        return (korean or english) if language == KOREAN else (english or korean)
    return code


def axis_title(axis: str, language: str) -> str:
    words = AXIS_TITLES.get(axis)
    return words.in_(language) if words else axis


def table_title(key: str, language: str) -> str:
    words = TABLE_TITLES.get(key)
    if words is None:
        raise ValueError(f"no title for report table {key!r}")
    return words.in_(language)


def sheet_label(key: str, language: str) -> str:
    """A table's spreadsheet tab name (its title when it has no short name)."""
    words = SHEET_NAMES.get(key)
    return words.in_(language) if words else table_title(key, language)


def display_width(text: str) -> int:
    """Columns ``text`` takes in a grid of text (a spreadsheet column): Hangul and other wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)
