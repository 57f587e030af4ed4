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
    separator = QCoreApplication.translate("Labels", ", ")
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


def status_label(status: CaseStatus | str) -> str:
    labels = {
        CaseStatus.OPEN: QCoreApplication.translate("Labels", "Open"),
        CaseStatus.ACTIVE: QCoreApplication.translate("Labels", "Active"),
        CaseStatus.REFERRED: QCoreApplication.translate("Labels", "Referred"),
        CaseStatus.CLOSED: QCoreApplication.translate("Labels", "Closed"),
        CaseStatus.ARCHIVED: QCoreApplication.translate("Labels", "Archived"),
    }
    return _pick(labels, CaseStatus, status)


def risk_label(risk: RiskLevel | str) -> str:
    labels = {
        RiskLevel.LOW: QCoreApplication.translate("Labels", "Low"),
        RiskLevel.MEDIUM: QCoreApplication.translate("Labels", "Medium"),
        RiskLevel.HIGH: QCoreApplication.translate("Labels", "High"),
        RiskLevel.URGENT: QCoreApplication.translate("Labels", "Urgent"),
    }
    return _pick(labels, RiskLevel, risk)


def age_band_label(band: AgeBand | str) -> str:
    labels = {
        AgeBand.UNDER_10: QCoreApplication.translate("Labels", "Under 10"),
        AgeBand.TEENS: QCoreApplication.translate("Labels", "Teens"),
        AgeBand.TWENTIES: QCoreApplication.translate("Labels", "20s"),
        AgeBand.THIRTIES: QCoreApplication.translate("Labels", "30s"),
        AgeBand.FORTIES: QCoreApplication.translate("Labels", "40s"),
        AgeBand.FIFTIES: QCoreApplication.translate("Labels", "50s"),
        AgeBand.SIXTY_PLUS: QCoreApplication.translate("Labels", "60 and over"),
        AgeBand.UNKNOWN: QCoreApplication.translate("Labels", "Not known"),
    }
    return _pick(labels, AgeBand, band)


def gender_label(gender: Gender | str) -> str:
    labels = {
        Gender.FEMALE: QCoreApplication.translate("Labels", "Female"),
        Gender.MALE: QCoreApplication.translate("Labels", "Male"),
        Gender.NON_BINARY: QCoreApplication.translate("Labels", "Non-binary"),
        Gender.UNKNOWN: QCoreApplication.translate("Labels", "Not known"),
    }
    return _pick(labels, Gender, gender)


def channel_label(channel: Channel | str) -> str:
    labels = {
        Channel.PHONE: QCoreApplication.translate("Labels", "Phone"),
        Channel.CHAT: QCoreApplication.translate("Labels", "Chat"),
        Channel.MESSENGER: QCoreApplication.translate("Labels", "Messenger app"),
        Channel.EMAIL: QCoreApplication.translate("Labels", "Email"),
        Channel.VISIT: QCoreApplication.translate("Labels", "Visit"),
        Channel.OTHER: QCoreApplication.translate("Labels", "Other"),
    }
    return _pick(labels, Channel, channel)


def direction_label(direction: Direction | str) -> str:
    labels = {
        Direction.INBOUND: QCoreApplication.translate("Labels", "Inbound"),
        Direction.OUTBOUND: QCoreApplication.translate("Labels", "Outbound"),
    }
    return _pick(labels, Direction, direction)


def caller_type_label(caller: CallerType | str) -> str:
    labels = {
        CallerType.SURVIVOR: QCoreApplication.translate("Labels", "Survivor"),
        CallerType.FAMILY: QCoreApplication.translate("Labels", "Family"),
        CallerType.FRIEND: QCoreApplication.translate("Labels", "Friend"),
        CallerType.COLLEAGUE: QCoreApplication.translate("Labels", "Colleague"),
        CallerType.OFFICER: QCoreApplication.translate("Labels", "Officer"),
        CallerType.ANONYMOUS: QCoreApplication.translate("Labels", "Anonymous"),
    }
    return _pick(labels, CallerType, caller)


def referral_status_label(status: ReferralStatus | str) -> str:
    labels = {
        ReferralStatus.DRAFT: QCoreApplication.translate("Labels", "Draft"),
        ReferralStatus.SENT: QCoreApplication.translate("Labels", "Sent"),
        ReferralStatus.ACCEPTED: QCoreApplication.translate("Labels", "Accepted"),
        ReferralStatus.DECLINED: QCoreApplication.translate("Labels", "Declined"),
        ReferralStatus.NO_RESPONSE: QCoreApplication.translate("Labels", "No response"),
        ReferralStatus.COMPLETED: QCoreApplication.translate("Labels", "Completed"),
    }
    return _pick(labels, ReferralStatus, status)


def referral_outcome_label(outcome: ReferralOutcome | str) -> str:
    labels = {
        ReferralOutcome.HELP_GIVEN: QCoreApplication.translate("Labels", "Help given"),
        ReferralOutcome.INVESTIGATION_OPENED: QCoreApplication.translate("Labels", "Investigation opened"),
        ReferralOutcome.LEGAL_ACTION: QCoreApplication.translate("Labels", "Legal action taken"),
        ReferralOutcome.CONTENT_REMOVED: QCoreApplication.translate("Labels", "Content removed"),
        ReferralOutcome.DECLINED_BY_SURVIVOR: QCoreApplication.translate("Labels", "Declined by the survivor"),
        ReferralOutcome.NOT_ELIGIBLE: QCoreApplication.translate("Labels", "Not eligible"),
        ReferralOutcome.OTHER: QCoreApplication.translate("Labels", "Other"),
        ReferralOutcome.NOT_RECORDED: QCoreApplication.translate("Labels", "Not recorded"),
    }
    return _pick(labels, ReferralOutcome, outcome)


def organization_type_label(org_type: OrganizationType | str) -> str:
    labels = {
        OrganizationType.POLICE: QCoreApplication.translate("Labels", "Police / military police"),
        OrganizationType.PROSECUTION: QCoreApplication.translate("Labels", "Prosecution"),
        OrganizationType.LEGAL_AID: QCoreApplication.translate("Labels", "Legal aid"),
        OrganizationType.MEDICAL: QCoreApplication.translate("Labels", "Medical"),
        OrganizationType.MENTAL_HEALTH: QCoreApplication.translate("Labels", "Mental health"),
        OrganizationType.SHELTER: QCoreApplication.translate("Labels", "Shelter"),
        OrganizationType.TAKEDOWN: QCoreApplication.translate("Labels", "Take-down / deletion support"),
        OrganizationType.VICTIM_SUPPORT: QCoreApplication.translate("Labels", "Victim support center"),
        OrganizationType.MILITARY_COMMAND: QCoreApplication.translate("Labels", "Military chain of command"),
        OrganizationType.OTHER: QCoreApplication.translate("Labels", "Other"),
    }
    return _pick(labels, OrganizationType, org_type)


def consent_purpose_label(purpose: ConsentPurpose | str) -> str:
    labels = {
        ConsentPurpose.RECORD: QCoreApplication.translate("Labels", "To record data"),
        ConsentPurpose.SHARE: QCoreApplication.translate("Labels", "To share with an organization"),
    }
    return _pick(labels, ConsentPurpose, purpose)


def consent_giver_label(giver: ConsentGiver | str) -> str:
    labels = {
        ConsentGiver.SURVIVOR: QCoreApplication.translate("Labels", "Survivor"),
        ConsentGiver.GUARDIAN: QCoreApplication.translate("Labels", "Guardian"),
        ConsentGiver.REPRESENTATIVE: QCoreApplication.translate("Labels", "Representative"),
    }
    return _pick(labels, ConsentGiver, giver)


def task_kind_label(kind: TaskKind | str) -> str:
    labels = {
        TaskKind.MANUAL: QCoreApplication.translate("Labels", "Task"),
        TaskKind.REFERRAL_FOLLOW_UP: QCoreApplication.translate("Labels", "Referral follow-up"),
        TaskKind.CONTACT_FOLLOW_UP: QCoreApplication.translate("Labels", "Contact follow-up"),
    }
    return _pick(labels, TaskKind, kind)


def date_precision_label(precision: DatePrecision | str) -> str:
    labels = {
        DatePrecision.EXACT: QCoreApplication.translate("Labels", "Exact date"),
        DatePrecision.MONTH: QCoreApplication.translate("Labels", "Month only"),
        DatePrecision.YEAR: QCoreApplication.translate("Labels", "Year only"),
        DatePrecision.UNKNOWN: QCoreApplication.translate("Labels", "Not known"),
    }
    return _pick(labels, DatePrecision, precision)


def takedown_status_label(status: TakedownStatus | str) -> str:
    labels = {
        TakedownStatus.FOUND: QCoreApplication.translate("Labels", "Found, not reported"),
        TakedownStatus.REPORTED: QCoreApplication.translate("Labels", "Reported"),
        TakedownStatus.ACKNOWLEDGED: QCoreApplication.translate("Labels", "Acknowledged"),
        TakedownStatus.REMOVED: QCoreApplication.translate("Labels", "Removed"),
        TakedownStatus.REFUSED: QCoreApplication.translate("Labels", "Refused"),
        TakedownStatus.REAPPEARED: QCoreApplication.translate("Labels", "Reappeared"),
    }
    return _pick(labels, TakedownStatus, status)


def reported_to_label(place: ReportedTo | str, *, full: bool = False) -> str:
    """Where a take-down was requested: short for a table cell, ``full`` for a choice in a form."""
    if full:
        labels = {
            ReportedTo.PLATFORM: QCoreApplication.translate("Labels", "The platform or site itself"),
            ReportedTo.KCSC: QCoreApplication.translate(
                "Labels", "Korea Communications Standards Commission (방송통신심의위원회)"
            ),
            ReportedTo.DSC: QCoreApplication.translate(
                "Labels", "Digital Sex Crime Victim Support Center (디지털성범죄피해자지원센터)"
            ),
            ReportedTo.POLICE: QCoreApplication.translate("Labels", "Police (cyber investigation)"),
            ReportedTo.OTHER: QCoreApplication.translate("Labels", "Other"),
        }
    else:
        labels = {
            ReportedTo.PLATFORM: QCoreApplication.translate("Labels", "Platform"),
            ReportedTo.KCSC: QCoreApplication.translate("Labels", "KCSC (방심위)"),
            ReportedTo.DSC: QCoreApplication.translate("Labels", "DSC (디성센터)"),
            ReportedTo.POLICE: QCoreApplication.translate("Labels", "Police"),
            ReportedTo.OTHER: QCoreApplication.translate("Labels", "Other"),
        }
    return _pick(labels, ReportedTo, place)
