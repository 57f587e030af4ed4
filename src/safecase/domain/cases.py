"""Cases and the survivor profile: only what the work needs.

A case is known by its number (``2026-0042``), never by a name. Real name and phone number are
optional, kept apart in :class:`SensitiveContact`, shown masked until someone reveals them (and the
reveal is audit-logged by the services).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class CaseStatus(StrEnum):
    OPEN = "open"
    ACTIVE = "active"
    REFERRED = "referred"
    CLOSED = "closed"
    ARCHIVED = "archived"


class RiskLevel(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    URGENT = "urgent"


# Statuses in which a case is still being worked (Today's urgent list, reopening clears the closed date).
OPEN_STATUSES = frozenset({CaseStatus.OPEN, CaseStatus.ACTIVE, CaseStatus.REFERRED})

RISK_ORDER = {RiskLevel.LOW: 0, RiskLevel.MEDIUM: 1, RiskLevel.HIGH: 2, RiskLevel.URGENT: 3}


class AgeBand(StrEnum):
    """The age bands of official Korean counts; under 10 and teens are minors."""

    UNDER_10 = "under_10"
    TEENS = "10s"
    TWENTIES = "20s"
    THIRTIES = "30s"
    FORTIES = "40s"
    FIFTIES = "50s"
    SIXTY_PLUS = "60_plus"
    UNKNOWN = "unknown"

    @property
    def is_minor(self) -> bool:
        return self in (AgeBand.UNDER_10, AgeBand.TEENS)


class Gender(StrEnum):
    FEMALE = "female"
    MALE = "male"
    NON_BINARY = "non_binary"
    UNKNOWN = "unknown"


CASE_NUMBER = re.compile(r"^(\d{4})-(\d{4,6})$")


def format_case_number(year: int, serial: int) -> str:
    return f"{year:04d}-{serial:04d}"


def parse_case_number(text: str) -> tuple[int, int] | None:
    match = CASE_NUMBER.match(text.strip())
    return (int(match.group(1)), int(match.group(2))) if match else None


@dataclass(frozen=True)
class SensitiveContact:
    """Identifying details, optional, masked until revealed."""

    real_name: str = ""
    phone: str = ""


def normalize_phone(phone: str) -> str:
    """Digits only, so 010-1234-5678 and 01012345678 match when looking for repeat callers."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    if digits.startswith("82") and len(digits) > 10:
        digits = "0" + digits[2:]
    return digits


MASKED = "•••"
"""What a hidden identifying detail shows wherever it appears (case window, CLI, history): a fixed run of
dots, so neither a character nor the length of the real value is given away."""


def masked(value: object) -> str:
    """:data:`MASKED` when ``value`` is set (a text, or True for "recorded"), empty when it is not."""
    return MASKED if value else ""


@dataclass(frozen=True)
class SurvivorProfile:
    alias: str = ""
    age_band: AgeBand = AgeBand.UNKNOWN
    gender: Gender = Gender.UNKNOWN
    branch: str = ""
    service_status: str = ""
    region: str = ""
    preferred_channel: str = ""
    safe_channels: str = ""
    safe_to_leave_message: bool | None = None
    safe_contact_notes: str = ""


@dataclass(frozen=True)
class Case:
    id: int
    number: str
    status: CaseStatus
    opened_on: date
    closed_on: date | None
    risk: RiskLevel
    risk_reason: str
    counselors: tuple[str, ...]
    profile: SurvivorProfile
    has_sensitive: bool
    created_at: datetime
    updated_at: datetime
    incident_types: tuple[str, ...] = field(default=())
    statistics_opt_out: bool = False
    """The survivor declined statistical use: the case is left out of every report (which says how many)."""

    def fields(self, sensitive: SensitiveContact | None = None) -> CaseFields:
        """The case as the fields a person edits; identifying details only when given (they are read apart)."""
        return CaseFields(
            status=self.status,
            opened_on=self.opened_on,
            closed_on=self.closed_on,
            risk=self.risk,
            risk_reason=self.risk_reason,
            profile=self.profile,
            sensitive=sensitive or SensitiveContact(),
            statistics_opt_out=self.statistics_opt_out,
        )


@dataclass(frozen=True)
class CaseSummary:
    """One row of the Cases list: enough to show and sort, nothing more."""

    id: int
    number: str
    status: CaseStatus
    risk: RiskLevel
    opened_on: date
    alias: str
    counselors: tuple[str, ...]
    incident_types: tuple[str, ...]
    overdue_tasks: int
    updated_at: datetime


@dataclass(frozen=True)
class CaseFields:
    """Everything about a case a person edits; services diff old and new to write the history."""

    status: CaseStatus = CaseStatus.OPEN
    opened_on: date | None = None
    closed_on: date | None = None
    risk: RiskLevel = RiskLevel.LOW
    risk_reason: str = ""
    profile: SurvivorProfile = field(default_factory=SurvivorProfile)
    sensitive: SensitiveContact = field(default_factory=SensitiveContact)
    statistics_opt_out: bool = False
    """The survivor declined statistical use of the case (see :attr:`Case.statistics_opt_out`)."""


class CaseSort(StrEnum):
    NUMBER = "number"
    OPENED = "opened"
    STATUS = "status"
    RISK = "risk"
    ALIAS = "alias"
    UPDATED = "updated"


@dataclass(frozen=True)
class CaseFilter:
    """What the Cases list shows. Empty collections mean "any"."""

    statuses: frozenset[CaseStatus] = frozenset()
    risks: frozenset[RiskLevel] = frozenset()
    counselor: str = ""
    incident_type: str = ""
    opened_from: date | None = None
    opened_to: date | None = None
    overdue_only: bool = False
    text: str = ""
    sort: CaseSort = CaseSort.OPENED
    descending: bool = True


@dataclass(frozen=True)
class RepeatMatch:
    """An earlier case that may be the same person; ``visible`` False shows only number and counselors."""

    case_id: int
    number: str
    reason: str
    counselors: tuple[str, ...]
    visible: bool
    alias: str = ""
