"""A small vault of casework built by hand for the statistics tests, with every count worked out here.

Written through the casework services (never SQL), as a supervisor, with the clock frozen at
:data:`casework_data.TODAY`. The report period is January to March 2026; k is 3 (the administrator's
setting). The cases (letters as in the comments and :class:`ReportCases`):

- A (2026-01-10, army NCO, 20s woman, Seoul): deepfake + distribution on Telegram and 에브리타임, by a
  superior; two contacts (Jan phone, Feb chat from family); a take-down referral sent 01-20, completed,
  content removed; three take-downs (KCSC 01-21 removed 01-31, platform 02-01 refused 02-20, KCSC 02-02
  removed 02-06).
- B (2026-01-25, air force enlisted, teenage man, no region): illegal filming in two incidents (on
  에브리타임 by a peer; without a platform by a stranger); a contact (Jan visit); a draft referral only.
- F (2026-02-05, civilian, 30s woman, Gyeonggi, no branch): threat to distribute on 에브리타임 and 네이버 밴드,
  someone met online; a contact at 00:30 local time on 03-01 (still February in UTC east of Greenwich);
  a legal-aid referral sent 03-15 (no answer yet); a take-down reported to the DSC 03-03, still pending.
- G (2026-03-09, navy officer, 20s, Busan): body-cam phishing on 랜덤채팅앱 and 네이버 밴드, someone met
  online; a police referral sent 04-02 (after the period).
- C (2026-03-02): nothing but the opening (no incident, no profile).
- D (2026-02-14): the survivor declined statistical use: a rape incident on Telegram, a Feb contact, a
  police referral sent 02-20 with its outcome, a take-down reported and removed in Feb: none of it counts.
- E (2025-12-30, before the period): a contact 2026-01-05 and a police referral sent 02-10 (accepted,
  investigation opened) count in the contact and referral tables; a take-down reported 2025-12-31 and
  removed 2026-01-15 counts in the removal medians only.
- One contact attached to no case: 2026-03-05, an anonymous caller.

Every free text of these records (aliases, notes, reasons, outcomes, descriptions …) is :data:`CANARY`
followed by a label, so the exports can be searched for it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime

from casework_data import TODAY
from clock_support import frozen
from safecase.domain.cases import AgeBand, CaseFields, CaseStatus, Gender, SensitiveContact, SurvivorProfile
from safecase.domain.contacts import CallerType, Channel, Contact, Direction
from safecase.domain.incidents import DatePrecision, Incident
from safecase.domain.referrals import (
    Consent,
    ConsentGiver,
    ConsentPurpose,
    Organization,
    OrganizationType,
    Referral,
    ReferralOutcome,
    ReferralStatus,
)
from safecase.domain.takedowns import ReportedTo, TakedownStatus
from safecase.services.cases import CaseService
from safecase.services.contacts import ContactService
from safecase.services.incidents import IncidentService
from safecase.services.referrals import OrganizationService, ReferralService
from safecase.services.session import VaultSession
from safecase.services.takedowns import NewTakedown, TakedownService
from safecase.services.tasks import TaskService

CANARY = "캐너리QZX"
"""Starts every free text the report vault holds."""


@dataclass(frozen=True)
class ReportCases:
    a: int
    b: int
    c: int
    d: int
    e: int
    f: int
    g: int
    numbers: tuple[str, ...]
    """Every case number (none may appear in a report)."""


def _text(label: str) -> str:
    return f"{CANARY} {label}"


def _local(day: date, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute).astimezone()


def _profile(alias: str, **values: object) -> SurvivorProfile:
    return SurvivorProfile(
        alias=_text(alias),
        safe_channels=_text(f"{alias} safe channels"),
        safe_contact_notes=_text(f"{alias} safe-contact notes"),
        **values,  # type: ignore[arg-type]
    )


class _Builder:
    def __init__(self, session: VaultSession) -> None:
        self.session = frozen(session, TODAY)
        self.cases = CaseService(self.session)
        self.contacts = ContactService(self.session)
        self.incidents = IncidentService(self.session)
        self.referrals = ReferralService(self.session)
        self.takedowns = TakedownService(self.session)
        orgs = OrganizationService(self.session)
        self.orgs: dict[OrganizationType, Organization] = {}
        for org_type in (OrganizationType.TAKEDOWN, OrganizationType.POLICE, OrganizationType.LEGAL_AID):
            self.orgs[org_type] = orgs.add(
                _text(f"{org_type.value} organization"), org_type, _text("org contact"), _text("org notes")
            )

    def case(self, label: str, opened: date, profile: SurvivorProfile, *, opt_out: bool = False) -> int:
        fields = CaseFields(
            status=CaseStatus.ACTIVE,
            opened_on=opened,
            risk_reason=_text(f"{label} risk reason"),
            profile=profile,
            sensitive=SensitiveContact(_text(f"{label} real name"), "010-5550-9137"),
            statistics_opt_out=opt_out,
        )
        case_id = self.cases.create(fields).id
        TaskService(self.session).create(case_id, _text(f"{label} task title"), TODAY)
        return case_id

    def contact(
        self, case_id: int | None, at: datetime, channel: Channel, caller: CallerType, label: str = "contact"
    ) -> None:
        self.contacts.log(
            Contact(0, case_id, at, channel, Direction.INBOUND, 20, caller, "", _text(f"{label} summary"), False, None)
        )

    def incident(self, case_id: int, types: tuple[str, ...], platforms: tuple[str, ...], relation: str) -> None:
        self.incidents.add(
            Incident(0, case_id, types, platforms, relation, DatePrecision.UNKNOWN, "", "online", _text("description"))
        )

    def referral(
        self,
        case_id: int,
        org_type: OrganizationType,
        sent_on: date | None,
        status: ReferralStatus = ReferralStatus.SENT,
        outcome: ReferralOutcome = ReferralOutcome.NOT_RECORDED,
    ) -> None:
        org = self.orgs[org_type]
        draft = self.referrals.create(
            Referral(0, case_id, org.id, _text("referral reason"), ReferralStatus.DRAFT, None, None, None, "")
        )
        if sent_on is None:
            return
        self.referrals.record_consent(
            Consent(0, case_id, ConsentPurpose.SHARE, org.id, ConsentGiver.SURVIVOR, sent_on, _text("scope"), None)
        )
        sent = self.referrals.mark_sent(draft.id, sent_on)
        if status is not ReferralStatus.SENT or outcome is not ReferralOutcome.NOT_RECORDED:
            self.referrals.update(
                dataclasses.replace(sent, status=status, outcome=_text("referral outcome"), outcome_code=outcome)
            )

    def takedown(
        self,
        case_id: int,
        to: ReportedTo,
        reported: date,
        status: TakedownStatus | None = None,
        on: date | None = None,
    ) -> None:
        entry = self.takedowns.record(
            case_id,
            NewTakedown(
                f"https://t.me/{CANARY}/{case_id}/{reported.isoformat()}",
                "telegram",
                to,
                reported,
                reference=_text("reference"),
                notes=_text("take-down notes"),
            ),
        )
        if status is not None:
            self.takedowns.change_status(entry.id, status, on, _text("status note"))


def build_report_vault(session: VaultSession) -> ReportCases:
    """The cases above, recorded by ``session`` (a supervisor, or anyone who works cases)."""
    b = _Builder(session)
    a = b.case(
        "A",
        date(2026, 1, 10),
        _profile(
            "A",
            age_band=AgeBand.TWENTIES,
            gender=Gender.FEMALE,
            branch="army",
            service_status="nco",
            region="seoul",
        ),
    )
    b.incident(a, ("synthetic_images", "distribution"), ("telegram", "에브리타임"), "superior")
    b.contact(a, _local(date(2026, 1, 10)), Channel.PHONE, CallerType.SURVIVOR, "A first")
    b.contact(a, _local(date(2026, 2, 3)), Channel.CHAT, CallerType.FAMILY, "A second")
    b.referral(
        a, OrganizationType.TAKEDOWN, date(2026, 1, 20), ReferralStatus.COMPLETED, ReferralOutcome.CONTENT_REMOVED
    )
    b.takedown(a, ReportedTo.KCSC, date(2026, 1, 21), TakedownStatus.REMOVED, date(2026, 1, 31))
    b.takedown(a, ReportedTo.PLATFORM, date(2026, 2, 1), TakedownStatus.REFUSED, date(2026, 2, 20))
    b.takedown(a, ReportedTo.KCSC, date(2026, 2, 2), TakedownStatus.REMOVED, date(2026, 2, 6))

    bee = b.case(
        "B",
        date(2026, 1, 25),
        _profile("B", age_band=AgeBand.TEENS, gender=Gender.MALE, branch="air_force", service_status="enlisted"),
    )
    b.incident(bee, ("illegal_filming",), ("에브리타임",), "peer")
    b.incident(bee, ("illegal_filming",), (), "stranger")
    b.contact(bee, _local(date(2026, 1, 25)), Channel.VISIT, CallerType.SURVIVOR, "B")
    b.referral(bee, OrganizationType.POLICE, None)

    f = b.case(
        "F",
        date(2026, 2, 5),
        _profile("F", age_band=AgeBand.THIRTIES, gender=Gender.FEMALE, service_status="civilian", region="gyeonggi"),
    )
    b.incident(f, ("threat_to_distribute",), ("에브리타임", "네이버 밴드"), "online_only")
    b.contact(f, _local(date(2026, 3, 1), 0, 30), Channel.MESSENGER, CallerType.SURVIVOR, "F")
    b.referral(f, OrganizationType.LEGAL_AID, date(2026, 3, 15))
    b.takedown(f, ReportedTo.DSC, date(2026, 3, 3))

    g = b.case(
        "G",
        date(2026, 3, 9),
        _profile(
            "G",
            age_band=AgeBand.TWENTIES,
            gender=Gender.NON_BINARY,
            branch="navy",
            service_status="officer",
            region="busan",
        ),
    )
    b.incident(g, ("bodycam_phishing",), ("랜덤채팅앱", "네이버 밴드"), "online_only")
    b.referral(g, OrganizationType.POLICE, date(2026, 4, 2))

    c = b.case("C", date(2026, 3, 2), _profile("C"))

    d = b.case(
        "D",
        date(2026, 2, 14),
        _profile("D", age_band=AgeBand.FORTIES, gender=Gender.FEMALE, branch="marines", region="jeju"),
        opt_out=True,
    )
    b.incident(d, ("rape",), ("telegram",), "family")
    b.contact(d, _local(date(2026, 2, 14)), Channel.EMAIL, CallerType.OFFICER, "D")
    b.referral(d, OrganizationType.POLICE, date(2026, 2, 20), ReferralStatus.DECLINED, ReferralOutcome.NOT_ELIGIBLE)
    b.takedown(d, ReportedTo.POLICE, date(2026, 2, 15), TakedownStatus.REMOVED, date(2026, 2, 25))

    e = b.case("E", date(2025, 12, 30), _profile("E", region="incheon"))
    b.contact(e, _local(date(2025, 12, 31)), Channel.PHONE, CallerType.SURVIVOR, "E before")
    b.contact(e, _local(date(2026, 1, 5)), Channel.PHONE, CallerType.SURVIVOR, "E")
    b.referral(
        e, OrganizationType.POLICE, date(2026, 2, 10), ReferralStatus.ACCEPTED, ReferralOutcome.INVESTIGATION_OPENED
    )
    b.takedown(e, ReportedTo.POLICE, date(2025, 12, 31), TakedownStatus.REMOVED, date(2026, 1, 15))

    b.contact(None, _local(date(2026, 3, 5)), Channel.PHONE, CallerType.ANONYMOUS, "unattached")
    numbers = tuple(CaseService(b.session).get(i, log=False).number for i in (a, bee, c, d, e, f, g))
    return ReportCases(a, bee, c, d, e, f, g, numbers)
