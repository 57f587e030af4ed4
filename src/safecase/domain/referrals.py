"""Referrals to other organizations, the consent they need, and the directory they come from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class OrganizationType(StrEnum):
    POLICE = "police"
    PROSECUTION = "prosecution"
    LEGAL_AID = "legal_aid"
    MEDICAL = "medical"
    MENTAL_HEALTH = "mental_health"
    SHELTER = "shelter"
    TAKEDOWN = "takedown"
    VICTIM_SUPPORT = "victim_support"
    MILITARY_COMMAND = "military_command"
    OTHER = "other"


class ReferralStatus(StrEnum):
    DRAFT = "draft"
    SENT = "sent"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    NO_RESPONSE = "no_response"
    COMPLETED = "completed"


class ReferralOutcome(StrEnum):
    """What came of a referral, as a category the statistics can count (the free-text ``outcome`` says the
    rest, and never leaves the vault)."""

    HELP_GIVEN = "help_given"
    INVESTIGATION_OPENED = "investigation_opened"
    LEGAL_ACTION = "legal_action"
    CONTENT_REMOVED = "content_removed"
    DECLINED_BY_SURVIVOR = "declined_by_survivor"
    NOT_ELIGIBLE = "not_eligible"
    OTHER = "other"
    NOT_RECORDED = "not_recorded"


# Statuses that mean the referral has left the center (so consent must exist).
SHARED_STATUSES = frozenset(
    {
        ReferralStatus.SENT,
        ReferralStatus.ACCEPTED,
        ReferralStatus.DECLINED,
        ReferralStatus.NO_RESPONSE,
        ReferralStatus.COMPLETED,
    }
)
# Statuses in which the center is still waiting for the other side.
AWAITING_STATUSES = frozenset({ReferralStatus.SENT, ReferralStatus.NO_RESPONSE})


class ConsentPurpose(StrEnum):
    RECORD = "record"
    SHARE = "share"


class ConsentGiver(StrEnum):
    SURVIVOR = "survivor"
    GUARDIAN = "guardian"
    REPRESENTATIVE = "representative"


@dataclass(frozen=True)
class Organization:
    id: int
    name: str
    org_type: OrganizationType
    contact: str
    notes: str
    active: bool


@dataclass(frozen=True)
class Consent:
    id: int
    case_id: int
    purpose: ConsentPurpose
    organization_id: int | None
    given_by: ConsentGiver
    given_on: date
    scope: str
    withdrawn_on: date | None

    @property
    def in_force(self) -> bool:
        return self.withdrawn_on is None


@dataclass(frozen=True)
class Referral:
    id: int
    case_id: int
    organization_id: int
    reason: str
    status: ReferralStatus
    sent_on: date | None
    consent_id: int | None
    follow_up_due: date | None
    outcome: str
    outcome_code: ReferralOutcome = ReferralOutcome.NOT_RECORDED

    @property
    def waiting(self) -> bool:
        """Has a follow-up date and waits to be sent or answered: its counselors get follow-up tasks."""
        return self.follow_up_due is not None and self.status in (ReferralStatus.DRAFT, *AWAITING_STATUSES)

    def is_overdue(self, today: date) -> bool:
        """Waiting past its follow-up date with no answer."""
        return self.status in AWAITING_STATUSES and self.follow_up_due is not None and self.follow_up_due < today


def consent_covers(consent: Consent | None, organization_id: int) -> bool:
    """A referral may be shared only under consent to share with that very organization, still in force."""
    return (
        consent is not None
        and consent.in_force
        and consent.purpose is ConsentPurpose.SHARE
        and consent.organization_id == organization_id
    )
