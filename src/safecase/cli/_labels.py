"""Words for the codes the CLI prints in its tables and case details.

The codes (``open``, ``urgent``, ``illegal_filming``) are the CLI's vocabulary: what its options take,
what ``import-cases`` reads and what ``--json`` prints. In English the text output shows them as they
are; in another language each code is shown as that language's word for it (enum codes through the
catalogue, taxonomy terms by the label the taxonomy file gives them). ``--json`` always keeps codes. A
code this version does not know (from a newer SafeCase) is shown as it is. The audit log's actions and
details and custody events' details follow the same rule, in the words of :mod:`safecase.services.labels`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from enum import StrEnum

from safecase import i18n
from safecase.domain.cases import AgeBand, CaseStatus, Gender, RiskLevel
from safecase.domain.contacts import CallerType, Channel, Direction
from safecase.domain.evidence import CustodyEventKind, EvidenceKind
from safecase.domain.incidents import DatePrecision
from safecase.domain.referrals import ConsentGiver, ReferralStatus
from safecase.domain.roles import Role, sorted_roles
from safecase.domain.takedowns import ReportedTo, TakedownStatus
from safecase.i18n import per_language, tr
from safecase.services import labels
from safecase.services.takedowns import status_phrase
from safecase.services.taxonomies import taxonomies

# The English of each word below is the code itself (“--status open”); a translation gives the
# glossary's word for it. Roles, where a take-down went, evidence kinds and custody events are
# safecase.services.labels' words, which the app and the evidence packet show too (the last two are
# phrases even in English, so word() shows the code itself in English, for every table alike).


@per_language
def _case_status() -> dict[str, str]:
    return {
        CaseStatus.OPEN: tr("open"),
        CaseStatus.ACTIVE: tr("active"),
        CaseStatus.REFERRED: tr("referred"),
        CaseStatus.CLOSED: tr("closed"),
        CaseStatus.ARCHIVED: tr("archived"),
    }


@per_language
def _risk() -> dict[str, str]:
    return {
        RiskLevel.LOW: tr("low"),
        RiskLevel.MEDIUM: tr("medium"),
        RiskLevel.HIGH: tr("high"),
        RiskLevel.URGENT: tr("urgent"),
    }


@per_language
def _age_band() -> dict[str, str]:
    return {
        AgeBand.UNDER_10: tr("under_10"),
        AgeBand.TEENS: tr("10s"),
        AgeBand.TWENTIES: tr("20s"),
        AgeBand.THIRTIES: tr("30s"),
        AgeBand.FORTIES: tr("40s"),
        AgeBand.FIFTIES: tr("50s"),
        AgeBand.SIXTY_PLUS: tr("60_plus"),
        AgeBand.UNKNOWN: tr("unknown"),
    }


@per_language
def _gender() -> dict[str, str]:
    return {
        Gender.FEMALE: tr("female"),
        Gender.MALE: tr("male"),
        Gender.NON_BINARY: tr("non_binary"),
        Gender.UNKNOWN: tr("unknown"),
    }


@per_language
def _channel() -> dict[str, str]:
    return {
        Channel.PHONE: tr("phone"),
        Channel.CHAT: tr("chat"),
        Channel.MESSENGER: tr("messenger"),
        Channel.EMAIL: tr("email"),
        Channel.VISIT: tr("visit"),
        Channel.OTHER: tr("other"),
    }


@per_language
def _direction() -> dict[str, str]:
    return {Direction.INBOUND: tr("inbound"), Direction.OUTBOUND: tr("outbound")}


@per_language
def _caller_type() -> dict[str, str]:
    return {
        CallerType.SURVIVOR: tr("survivor"),
        CallerType.FAMILY: tr("family"),
        CallerType.FRIEND: tr("friend"),
        CallerType.COLLEAGUE: tr("colleague"),
        CallerType.OFFICER: tr("officer"),
        CallerType.ANONYMOUS: tr("anonymous"),
    }


@per_language
def _date_precision() -> dict[str, str]:
    return {
        DatePrecision.EXACT: tr("exact"),
        DatePrecision.MONTH: tr("month"),
        DatePrecision.YEAR: tr("year"),
        DatePrecision.UNKNOWN: tr("unknown"),
    }


@per_language
def _consent_giver() -> dict[str, str]:
    return {
        ConsentGiver.SURVIVOR: tr("survivor"),
        ConsentGiver.GUARDIAN: tr("guardian"),
        ConsentGiver.REPRESENTATIVE: tr("representative"),
    }


@per_language
def _referral_status() -> dict[str, str]:
    return {
        ReferralStatus.DRAFT: tr("draft"),
        ReferralStatus.SENT: tr("sent"),
        ReferralStatus.ACCEPTED: tr("accepted"),
        ReferralStatus.DECLINED: tr("declined"),
        ReferralStatus.NO_RESPONSE: tr("no_response"),
        ReferralStatus.COMPLETED: tr("completed"),
    }


@per_language
def _takedown_status() -> dict[str, str]:
    return {status: status_phrase(status) for status in TakedownStatus}


# Keyed by the enum type: members of different enums share codes (“other”, “unknown”, “survivor”).
_TABLES: dict[type[StrEnum], Callable[[], dict[str, str]]] = {
    CaseStatus: _case_status,
    RiskLevel: _risk,
    AgeBand: _age_band,
    Gender: _gender,
    Channel: _channel,
    Direction: _direction,
    CallerType: _caller_type,
    DatePrecision: _date_precision,
    ConsentGiver: _consent_giver,
    ReferralStatus: _referral_status,
    EvidenceKind: labels.evidence_kind_words,
    CustodyEventKind: labels.custody_event_words,
    TakedownStatus: _takedown_status,
    ReportedTo: labels.reported_to_words,
    Role: labels.role_words,
}


def word(value: StrEnum) -> str:
    """The word for an enum code in the installed language (the code itself in English)."""
    kind = type(value)
    if kind not in _TABLES or i18n.language() == i18n.SOURCE_LANGUAGE:
        return str(value)
    return _TABLES[kind]().get(value, str(value))


def enum_word(kind: type[StrEnum], code: str) -> str:
    """:func:`word` for a code kept as text (``preferred_channel``); unknown codes as they are."""
    try:
        return word(kind(code))
    except ValueError:
        return code


def roles_word(roles: Iterable[Role]) -> str:
    """Roles in their fixed order, joined for one line."""
    return ", ".join(enum_word(Role, role) for role in sorted_roles(roles))


def term(taxonomy_name: str, code: str) -> str:
    """A taxonomy term (incident type, platform, region, …): the code in English, else the term's label."""
    language = i18n.language()
    if not code or language == i18n.SOURCE_LANGUAGE:
        return code
    taxonomy = taxonomies().by_name.get(taxonomy_name)
    return taxonomy.label(code, language) if taxonomy else code


def terms(taxonomy_name: str, codes: Iterable[str]) -> str:
    return ", ".join(term(taxonomy_name, code) for code in codes)


# --- the audit log ----------------------------------------------------------------------------------------


def action_word(code: str) -> str:
    """An audit action: the code in English (as ``--json`` prints it), else its words."""
    return code if i18n.language() == i18n.SOURCE_LANGUAGE else labels.action_label(code)


def target_word(target_type: str, target_id: str) -> str:
    """What an audit row concerns, ``user:jkim``; the kind of record in words outside English."""
    if target_type and i18n.language() != i18n.SOURCE_LANGUAGE:
        target_type = labels.target_label(target_type)
    return ":".join(part for part in (target_type, target_id) if part)


def audit_details(action_code: str, details: Mapping[str, str]) -> str:
    """An audit row's details, ``roles=counselor``: as stored in English, named and worded outside it."""
    if i18n.language() == i18n.SOURCE_LANGUAGE:
        return ", ".join(f"{key}={value}" for key, value in sorted(details.items()))
    return labels.details_text(action_code, details)


def custody_details(details: Mapping[str, str]) -> str:
    """A custody event's details, ``recipient=…``: as stored in English, named and worded outside it."""
    if i18n.language() == i18n.SOURCE_LANGUAGE:
        return ", ".join(f"{key}={value}" for key, value in sorted(details.items()))
    return ", ".join(f"{name}={value}" for name, value in labels.custody_detail_words(details))
