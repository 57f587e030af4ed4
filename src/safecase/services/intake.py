"""Quick intake: one form that logs a call and opens (or finds) the case, saved in one transaction.

Either everything the counselor typed is saved — case, contact, incident, follow-up — or nothing is,
and the draft stays in the vault until it is saved or discarded.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from safecase.domain.audit import AuditAction
from safecase.domain.cases import Case, CaseFields
from safecase.domain.contacts import Contact
from safecase.domain.errors import InputError
from safecase.domain.incidents import Incident
from safecase.i18n import tr
from safecase.services.cases import CaseService
from safecase.services.casework_access import visible_to
from safecase.services.contacts import ContactService
from safecase.services.drafts import QUICK_INTAKE
from safecase.services.incidents import IncidentService, check_incident
from safecase.services.session import VaultSession
from safecase.vault.repositories.drafts import DraftRepository


@dataclass(frozen=True)
class IntakeForm:
    """What the quick intake form holds. ``case_id`` set: attach to that case; else open a new one."""

    contact: Contact
    case_id: int | None = None
    case_fields: CaseFields | None = None
    incident: Incident | None = None


@dataclass(frozen=True)
class IntakeResult:
    case: Case | None
    contact: Contact


class IntakeService:
    def __init__(self, session: VaultSession, today: Callable[[], date] = date.today) -> None:
        self._session = session
        self._today = today

    def save(self, form: IntakeForm) -> IntakeResult:
        session = self._session
        visible_to(session)
        cases = CaseService(session, self._today)
        contacts = ContactService(session, self._today)
        incidents = IncidentService(session)
        incident = form.incident
        if incident is not None and form.case_id is None and form.case_fields is None:
            # An incident belongs to a case; never drop what was typed without saying so.
            raise InputError(tr("An incident belongs to a case: choose a new or existing case."))
        if incident is not None:
            incident = check_incident(dataclasses.replace(incident, case_id=0))
        with session.write():
            case_id = form.case_id
            if case_id is None and form.case_fields is not None:
                fields = form.case_fields
                opened_on = fields.opened_on or self._today()
                fields = cases._normalized(dataclasses.replace(fields, opened_on=opened_on))
                case_id = cases._insert(fields, (session.user.name,), "", opened_on)
                session.log(AuditAction.CASE_CREATED, "case", str(case_id))
            contact = contacts._checked(
                dataclasses.replace(
                    form.contact, case_id=case_id, counselor=form.contact.counselor or session.user.name
                )
            )
            contact_id = contacts._insert(contact)
            session.log(AuditAction.CONTACT_LOGGED, "contact", str(contact_id), {"case": str(case_id or "")})
            if incident is not None and case_id is not None:
                incident_id = incidents._insert(dataclasses.replace(incident, case_id=case_id))
                session.log(AuditAction.INCIDENT_ADDED, "incident", str(incident_id), {"case": str(case_id)})
            DraftRepository(session.conn).clear(session.user.name, QUICK_INTAKE)
        case = CaseService(session, self._today)._get(case_id) if case_id is not None else None
        saved = contacts._get(contact_id)
        return IntakeResult(case, saved)
