"""Words people read for taxonomy codes and for the casework enums.

Taxonomy terms (incident types, platforms, regions, …) carry their own English and Korean labels in
``resources/taxonomies``; the screen picks the Korean one when the interface language is Korean.
The domain enums (status, risk, age band, …) are translated like any other interface text, with
English source strings. Unknown codes (from a newer SafeCase or an import) are shown as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QLocale

from safecase.domain.cases import AgeBand, CaseStatus, Gender, RiskLevel
from safecase.domain.contacts import CallerType, Channel, Direction
from safecase.domain.incidents import DatePrecision
from safecase.domain.referrals import ConsentGiver, ConsentPurpose, OrganizationType, ReferralOutcome, ReferralStatus
from safecase.domain.takedowns import ReportedTo, TakedownStatus
from safecase.domain.tasks import TaskKind
from safecase.services.taxonomies import taxonomies

_CONTEXT = "Labels"


def _language() -> str:
    return "ko" if QLocale().language() == QLocale.Language.Korean else "en"


def term_label(taxonomy_name: str, code: str) -> str:
    """The label of one taxonomy term in the interface language; the code itself when unknown."""
    if not code:
        return ""
    taxonomy = taxonomies().by_name.get(taxonomy_name)
    return taxonomy.label(code, _language()) if taxonomy else code


def term_labels(taxonomy_name: str, codes: Iterable[str]) -> str:
    """Several terms joined for one line of text (a table cell)."""
    separator = QCoreApplication.translate(_CONTEXT, ", ")
    return separator.join(term_label(taxonomy_name, code) for code in codes)


def terms(taxonomy_name: str) -> list[tuple[str, str]]:
    """(code, label) of every term of a taxonomy, in the bundled order."""
    language = _language()
    return [(term.code, term.label(language)) for term in taxonomies()[taxonomy_name].terms]


E = TypeVar("E", bound=StrEnum)


def choices(enum_type: type[E], label: Callable[[E], str]) -> list[tuple[str, str]]:
    """(code, label) of every member of a domain enum, for a combo box."""
    return [(member.value, label(member)) for member in enum_type]


def _pick(labels: dict[E, str], enum_type: type[E], value: str) -> str:
    try:
        return labels[enum_type(value)]
    except (ValueError, KeyError):
        return str(value)


def _t(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def status_label(status: CaseStatus | str) -> str:
    labels = {
        CaseStatus.OPEN: _t("Open"),
        CaseStatus.ACTIVE: _t("Active"),
        CaseStatus.REFERRED: _t("Referred"),
        CaseStatus.CLOSED: _t("Closed"),
        CaseStatus.ARCHIVED: _t("Archived"),
    }
    return _pick(labels, CaseStatus, status)


def risk_label(risk: RiskLevel | str) -> str:
    labels = {
        RiskLevel.LOW: _t("Low"),
        RiskLevel.MEDIUM: _t("Medium"),
        RiskLevel.HIGH: _t("High"),
        RiskLevel.URGENT: _t("Urgent"),
    }
    return _pick(labels, RiskLevel, risk)


def age_band_label(band: AgeBand | str) -> str:
    labels = {
        AgeBand.UNDER_10: _t("Under 10"),
        AgeBand.TEENS: _t("Teens"),
        AgeBand.TWENTIES: _t("20s"),
        AgeBand.THIRTIES: _t("30s"),
        AgeBand.FORTIES: _t("40s"),
        AgeBand.FIFTIES: _t("50s"),
        AgeBand.SIXTY_PLUS: _t("60 and over"),
        AgeBand.UNKNOWN: _t("Not known"),
    }
    return _pick(labels, AgeBand, band)


def gender_label(gender: Gender | str) -> str:
    labels = {
        Gender.FEMALE: _t("Female"),
        Gender.MALE: _t("Male"),
        Gender.NON_BINARY: _t("Non-binary"),
        Gender.UNKNOWN: _t("Not known"),
    }
    return _pick(labels, Gender, gender)


def channel_label(channel: Channel | str) -> str:
    labels = {
        Channel.PHONE: _t("Phone"),
        Channel.CHAT: _t("Chat"),
        Channel.MESSENGER: _t("Messenger app"),
        Channel.EMAIL: _t("Email"),
        Channel.VISIT: _t("Visit"),
        Channel.OTHER: _t("Other"),
    }
    return _pick(labels, Channel, channel)


def direction_label(direction: Direction | str) -> str:
    labels = {
        Direction.INBOUND: _t("Inbound"),
        Direction.OUTBOUND: _t("Outbound"),
    }
    return _pick(labels, Direction, direction)


def caller_type_label(caller: CallerType | str) -> str:
    labels = {
        CallerType.SURVIVOR: _t("Survivor"),
        CallerType.FAMILY: _t("Family"),
        CallerType.FRIEND: _t("Friend"),
        CallerType.COLLEAGUE: _t("Colleague"),
        CallerType.OFFICER: _t("Officer"),
        CallerType.ANONYMOUS: _t("Anonymous"),
    }
    return _pick(labels, CallerType, caller)


def referral_status_label(status: ReferralStatus | str) -> str:
    labels = {
        ReferralStatus.DRAFT: _t("Draft"),
        ReferralStatus.SENT: _t("Sent"),
        ReferralStatus.ACCEPTED: _t("Accepted"),
        ReferralStatus.DECLINED: _t("Declined"),
        ReferralStatus.NO_RESPONSE: _t("No response"),
        ReferralStatus.COMPLETED: _t("Completed"),
    }
    return _pick(labels, ReferralStatus, status)


def referral_outcome_label(outcome: ReferralOutcome | str) -> str:
    labels = {
        ReferralOutcome.HELP_GIVEN: _t("Help given"),
        ReferralOutcome.INVESTIGATION_OPENED: _t("Investigation opened"),
        ReferralOutcome.LEGAL_ACTION: _t("Legal action taken"),
        ReferralOutcome.CONTENT_REMOVED: _t("Content removed"),
        ReferralOutcome.DECLINED_BY_SURVIVOR: _t("Declined by the survivor"),
        ReferralOutcome.NOT_ELIGIBLE: _t("Not eligible"),
        ReferralOutcome.OTHER: _t("Other"),
        ReferralOutcome.NOT_RECORDED: _t("Not recorded"),
    }
    return _pick(labels, ReferralOutcome, outcome)


def organization_type_label(org_type: OrganizationType | str) -> str:
    labels = {
        OrganizationType.POLICE: _t("Police / military police"),
        OrganizationType.PROSECUTION: _t("Prosecution"),
        OrganizationType.LEGAL_AID: _t("Legal aid"),
        OrganizationType.MEDICAL: _t("Medical"),
        OrganizationType.MENTAL_HEALTH: _t("Mental health"),
        OrganizationType.SHELTER: _t("Shelter"),
        OrganizationType.TAKEDOWN: _t("Take-down / deletion support"),
        OrganizationType.VICTIM_SUPPORT: _t("Victim support center"),
        OrganizationType.MILITARY_COMMAND: _t("Military chain of command"),
        OrganizationType.OTHER: _t("Other"),
    }
    return _pick(labels, OrganizationType, org_type)


def consent_purpose_label(purpose: ConsentPurpose | str) -> str:
    labels = {
        ConsentPurpose.RECORD: _t("To record data"),
        ConsentPurpose.SHARE: _t("To share with an organization"),
    }
    return _pick(labels, ConsentPurpose, purpose)


def consent_giver_label(giver: ConsentGiver | str) -> str:
    labels = {
        ConsentGiver.SURVIVOR: _t("Survivor"),
        ConsentGiver.GUARDIAN: _t("Guardian"),
        ConsentGiver.REPRESENTATIVE: _t("Representative"),
    }
    return _pick(labels, ConsentGiver, giver)


def task_kind_label(kind: TaskKind | str) -> str:
    labels = {
        TaskKind.MANUAL: _t("Task"),
        TaskKind.REFERRAL_FOLLOW_UP: _t("Referral follow-up"),
        TaskKind.CONTACT_FOLLOW_UP: _t("Contact follow-up"),
    }
    return _pick(labels, TaskKind, kind)


def date_precision_label(precision: DatePrecision | str) -> str:
    labels = {
        DatePrecision.EXACT: _t("Exact date"),
        DatePrecision.MONTH: _t("Month only"),
        DatePrecision.YEAR: _t("Year only"),
        DatePrecision.UNKNOWN: _t("Not known"),
    }
    return _pick(labels, DatePrecision, precision)


def takedown_status_label(status: TakedownStatus | str) -> str:
    labels = {
        TakedownStatus.FOUND: _t("Found, not reported"),
        TakedownStatus.REPORTED: _t("Reported"),
        TakedownStatus.ACKNOWLEDGED: _t("Acknowledged"),
        TakedownStatus.REMOVED: _t("Removed"),
        TakedownStatus.REFUSED: _t("Refused"),
        TakedownStatus.REAPPEARED: _t("Reappeared"),
    }
    return _pick(labels, TakedownStatus, status)


def reported_to_label(place: ReportedTo | str, *, full: bool = False) -> str:
    """Where a take-down was requested: short for a table cell, ``full`` for a choice in a form."""
    if full:
        labels = {
            ReportedTo.PLATFORM: _t("The platform or site itself"),
            ReportedTo.KCSC: _t("Korea Communications Standards Commission (방송통신심의위원회)"),
            ReportedTo.DSC: _t("Digital Sex Crime Victim Support Center (디지털성범죄피해자지원센터)"),
            ReportedTo.POLICE: _t("Police (cyber investigation)"),
            ReportedTo.OTHER: _t("Other"),
        }
    else:
        labels = {
            ReportedTo.PLATFORM: _t("Platform"),
            ReportedTo.KCSC: _t("KCSC (방심위)"),
            ReportedTo.DSC: _t("DSC (디성센터)"),
            ReportedTo.POLICE: _t("Police"),
            ReportedTo.OTHER: _t("Other"),
        }
    return _pick(labels, ReportedTo, place)
