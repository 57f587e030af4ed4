"""Consent, referrals and the organization directory.

The rule that matters: a referral cannot be marked sent (or any later state) unless the survivor's
consent to share with that very organization is on record and not withdrawn. Personal information on
sex life is sensitive information under Korea's Personal Information Protection Act, which needs
separate consent per recipient; SafeCase records exactly that.

A referral with a follow-up date gets a task for each counselor of the case, so an unanswered
referral comes back on the Today view.
"""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

from safecase.domain.audit import AuditAction
from safecase.domain.errors import InputError
from safecase.domain.referrals import (
    SHARED_STATUSES,
    Consent,
    ConsentPurpose,
    Organization,
    OrganizationType,
    Referral,
    ReferralOutcome,
    ReferralStatus,
    consent_covers,
)
from safecase.domain.roles import Permission
from safecase.domain.tasks import Task, TaskKind
from safecase.i18n import tr
from safecase.services.cases import check_text_lengths, diff, record_change, record_created, reindex
from safecase.services.casework_access import require_case, visible_to, works_cases
from safecase.services.session import VaultSession
from safecase.vault.repositories.cases import CaseRepository
from safecase.vault.repositories.referrals import ConsentRepository, OrganizationRepository, ReferralRepository
from safecase.vault.repositories.tasks import TaskRepository

DEFAULT_FOLLOW_UP_DAYS = 7


def reads_directory(session: VaultSession) -> bool:
    """Everyone doing casework reads the referral directory, and administrators, who keep it."""
    return works_cases(session) or session.can(Permission.MANAGE_SETTINGS)


def adds_to_directory(session: VaultSession) -> bool:
    """Whoever reads the directory may add an organization to it (a counselor finds a new one on a call)."""
    return reads_directory(session)


def edits_directory(session: VaultSession) -> bool:
    """Supervisors and administrators edit and deactivate entries."""
    return session.can(Permission.REASSIGN_CASES) or session.can(Permission.MANAGE_SETTINGS)


class OrganizationService:
    """The referral directory: caseworkers and admins read and add; supervisors and admins edit.

    Who may do what is decided by :func:`reads_directory`, :func:`adds_to_directory` and
    :func:`edits_directory`, which the screens ask too.
    """

    def __init__(self, session: VaultSession) -> None:
        self._session = session

    @property
    def _repo(self) -> OrganizationRepository:
        # Built per use: a re-key (session.replace_keys) closes and replaces the connection.
        return OrganizationRepository(self._session.conn)

    def all(self, include_inactive: bool = False) -> list[Organization]:
        if not reads_directory(self._session):
            self._session.require(Permission.WORK_OWN_CASES)  # refuses, with the usual message
        return self._repo.all(include_inactive)

    def get(self, org_id: int) -> Organization:
        org = self._repo.get(org_id)
        if org is None:
            raise InputError(tr("That organization is not in the directory."))
        return org

    def add(self, name: str, org_type: OrganizationType, contact: str = "", notes: str = "") -> Organization:
        if not adds_to_directory(self._session):
            self._session.require(Permission.WORK_OWN_CASES)
        org = self._checked(Organization(0, name, org_type, contact, notes, True))
        with self._session.write():
            if self._repo.by_name(org.name) is not None:
                raise InputError(tr("“{name}” is already in the directory.").format(name=org.name))
            org_id = self._repo.insert(org, self._session.clock.now())
            self._session.log(AuditAction.ORGANIZATION_ADDED, "organization", str(org_id))
            return self.get(org_id)

    def update(self, org: Organization) -> Organization:
        if not edits_directory(self._session):
            self._session.require(Permission.MANAGE_SETTINGS)
        with self._session.write():
            old = self.get(org.id)
            new = self._checked(org)
            other = self._repo.by_name(new.name)
            if other is not None and other.id != new.id:
                raise InputError(tr("“{name}” is already in the directory.").format(name=new.name))
            changes = diff(old, new)
            if changes:
                self._repo.update(new, self._session.clock.now())
                self._session.log(
                    AuditAction.ORGANIZATION_UPDATED, "organization", str(new.id), {"fields": ",".join(changes)}
                )
            return self.get(new.id)

    @staticmethod
    def _checked(org: Organization) -> Organization:
        name = org.name.strip()
        if not name or len(name) > 200:
            raise InputError(tr("An organization needs a name (at most 200 characters)."))
        check_text_lengths([org.contact, org.notes])
        return dataclasses.replace(org, name=name, contact=org.contact.strip(), notes=org.notes.strip())


class ReferralService:
    def __init__(self, session: VaultSession) -> None:
        self._session = session

    @property
    def _referrals(self) -> ReferralRepository:
        # Built per use: a re-key (session.replace_keys) closes and replaces the connection.
        return ReferralRepository(self._session.conn)

    @property
    def _consents(self) -> ConsentRepository:
        return ConsentRepository(self._session.conn)

    # --- consent -----------------------------------------------------------------------------------

    def record_consent(self, consent: Consent) -> Consent:
        """Record informed consent (to record data, or to share with one organization)."""
        session = self._session
        with session.write():
            require_case(session, consent.case_id)
            if consent.purpose is ConsentPurpose.SHARE:
                if consent.organization_id is None:
                    raise InputError(tr("Consent to share names the organization it covers."))
                OrganizationService(session).get(consent.organization_id)
            check_text_lengths([consent.scope])
            stored = self._consents.insert(consent, session.user.name, session.clock.now())
            record_created(session, consent.case_id, "consent", stored.id, consent)
            session.log(AuditAction.CONSENT_RECORDED, "consent", str(stored.id), {"case": str(consent.case_id)})
            return stored

    def withdraw_consent(self, consent_id: int) -> None:
        session = self._session
        with session.write():
            consent = self._consents.get(consent_id)
            if consent is None:
                raise InputError(tr("That consent is not on record."))
            require_case(session, consent.case_id)
            if consent.withdrawn_on is not None:
                raise InputError(tr("That consent was already withdrawn."))
            today = session.clock.today()
            self._consents.withdraw(consent_id, today)
            record_change(session, consent.case_id, "consent", consent_id, {"withdrawn_on": ("", today.isoformat())})
            session.log(AuditAction.CONSENT_WITHDRAWN, "consent", str(consent_id))

    def consents(self, case_id: int) -> list[Consent]:
        require_case(self._session, case_id)
        return self._consents.for_case(case_id)

    # --- referrals ---------------------------------------------------------------------------------

    def create(self, referral: Referral) -> Referral:
        """Record a referral (usually a draft); a follow-up task is made when it has a due date."""
        session = self._session
        with session.write():
            require_case(session, referral.case_id)
            referral = self._checked(referral, None)
            stored = self._referrals.insert(referral, session.user.name, session.clock.now())
            record_created(session, referral.case_id, "referral", stored.id, referral)
            self._sync_follow_up(stored, new=True)
            reindex(session, referral.case_id)
            session.log(AuditAction.REFERRAL_CREATED, "referral", str(stored.id), {"case": str(referral.case_id)})
            return stored

    def update(self, referral: Referral) -> Referral:
        session = self._session
        with session.write():
            old = self._get(referral.id)
            require_case(session, old.case_id)
            new = self._checked(dataclasses.replace(referral, case_id=old.case_id), old)
            changes = diff(old, new)
            if not changes:
                return old
            self._referrals.update(new, session.clock.now())
            record_change(session, old.case_id, "referral", new.id, changes)
            self._sync_follow_up(new)
            reindex(session, old.case_id)
            session.log(AuditAction.REFERRAL_UPDATED, "referral", str(new.id), {"fields": ",".join(sorted(changes))})
            return self._get(new.id)

    def mark_sent(
        self, referral_id: int, sent_on: date | None = None, follow_up_in_days: int = DEFAULT_FOLLOW_UP_DAYS
    ) -> Referral:
        """Sent today (or ``sent_on``), with a follow-up due a week later unless one is set."""
        with self._session.write():
            old = self._get(referral_id)
            sent = sent_on or self._session.clock.today()
            return self.update(
                dataclasses.replace(
                    old,
                    status=ReferralStatus.SENT,
                    sent_on=sent,
                    follow_up_due=old.follow_up_due or sent + timedelta(days=follow_up_in_days),
                )
            )

    def for_case(self, case_id: int) -> list[Referral]:
        require_case(self._session, case_id)
        return self._referrals.for_case(case_id)

    def overdue(self) -> list[Referral]:
        """Sent referrals with no answer past their follow-up date, in the cases the user may see."""
        return self._referrals.overdue(self._session.clock.today(), visible_to(self._session))

    def _get(self, referral_id: int) -> Referral:
        referral = self._referrals.get(referral_id)
        if referral is None:
            raise InputError(tr("That referral does not exist."))
        return referral

    def _checked(self, referral: Referral, old: Referral | None) -> Referral:
        OrganizationService(self._session).get(referral.organization_id)
        check_text_lengths([referral.reason, referral.outcome])
        try:
            outcome_code = ReferralOutcome(referral.outcome_code)
        except ValueError:
            raise InputError(tr("Unknown referral outcome “{code}”.").format(code=referral.outcome_code)) from None
        if outcome_code is not ReferralOutcome.NOT_RECORDED and referral.status not in SHARED_STATUSES:
            # A draft has not left the center: nothing can have come of it yet, and the reports count
            # outcomes of sent referrals only.
            raise InputError(tr("An outcome can be recorded only for a referral that was sent."))
        referral = dataclasses.replace(
            referral, reason=referral.reason.strip(), outcome=referral.outcome.strip(), outcome_code=outcome_code
        )
        if referral.consent_id is not None:
            named = self._consents.get(referral.consent_id)
            if named is None or named.case_id != referral.case_id:
                raise InputError(tr("That consent is not on record for this case."))
        if (
            referral.status in SHARED_STATUSES
            and old is not None
            and old.status in SHARED_STATUSES
            and old.organization_id == referral.organization_id
            and old.consent_id is not None
        ):
            # Already shared with this organization under the consent then in force: recording the
            # answer or the outcome shares nothing new, so it stays possible after a withdrawal.
            if not consent_covers(self._consents.get(referral.consent_id or old.consent_id), referral.organization_id):
                referral = dataclasses.replace(referral, consent_id=old.consent_id)
            return dataclasses.replace(referral, sent_on=referral.sent_on or old.sent_on or self._session.clock.today())
        if referral.status in SHARED_STATUSES:
            consent = self._consent_for(referral)
            if not consent_covers(consent, referral.organization_id):
                raise InputError(
                    tr(
                        "This referral cannot be marked sent: there is no consent on record to share with this "
                        "organization. Record the survivor's consent first."
                    )
                )
            assert consent is not None
            referral = dataclasses.replace(
                referral, consent_id=consent.id, sent_on=referral.sent_on or self._session.clock.today()
            )
        return referral

    def _consent_for(self, referral: Referral) -> Consent | None:
        """The consent the referral names, or else the newest one in force for that organization."""
        if referral.consent_id is not None:
            consent = self._consents.get(referral.consent_id)
            if consent is not None and consent.case_id == referral.case_id:
                return consent
        candidates = [
            c for c in self._consents.for_case(referral.case_id) if consent_covers(c, referral.organization_id)
        ]
        return candidates[-1] if candidates else None

    def _sync_follow_up(self, referral: Referral, *, new: bool = False) -> None:
        """One open follow-up task per counselor while the referral waits with a due date; done otherwise.

        Every task created, moved or closed here is audit-logged, as the contact follow-ups are.
        """
        session = self._session
        tasks = TaskRepository(session.conn)
        open_tasks = [] if new else tasks.open_for_referral(referral.id)  # a new referral has none yet
        if not referral.waiting:
            for task in open_tasks:
                tasks.update(dataclasses.replace(task, done_at=session.clock.now()))
                session.log(AuditAction.TASK_UPDATED, "task", str(task.id), {"done": "yes"})
            return
        assert referral.follow_up_due is not None
        org = OrganizationService(session).get(referral.organization_id)
        title = tr("Follow up the referral to {organization}").format(organization=org.name)
        owners = {t.owner: t for t in open_tasks}
        for counselor in CaseRepository(session.conn).counselors(referral.case_id):
            if counselor in owners:
                task = owners[counselor]
                moved = dataclasses.replace(task, due_on=referral.follow_up_due, title=title)
                if moved != task:
                    tasks.update(moved)
                    fields = [f for f in ("due_on", "title") if getattr(moved, f) != getattr(task, f)]
                    session.log(AuditAction.TASK_UPDATED, "task", str(task.id), {"fields": ",".join(fields)})
            else:
                task = Task(
                    0,
                    referral.case_id,
                    TaskKind.REFERRAL_FOLLOW_UP,
                    title,
                    referral.follow_up_due,
                    counselor,
                    None,
                    referral_id=referral.id,
                )
                task_id = tasks.insert(task, session.user.name, session.clock.now())
                session.log(AuditAction.TASK_CREATED, "task", str(task_id))
