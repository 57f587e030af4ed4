"""Quick intake: one form that logs a call and opens (or finds) the case, saved in one unit of work.

Either everything the counselor typed is saved — case, contact, incident, follow-up — or nothing is,
and the draft stays in the vault until it is saved or discarded. Each part is saved by its own
service, with that service's rules, inside the intake's unit of work.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from safecase.domain.cases import Case, CaseFields
from safecase.domain.contacts import Contact
from safecase.domain.errors import InputError
from safecase.domain.incidents import Incident
from safecase.i18n import tr
from safecase.services.cases import CaseService
from safecase.services.casework_access import visible_to
from safecase.services.contacts import ContactService
from safecase.services.drafts import QUICK_INTAKE, DraftService
from safecase.services.incidents import IncidentService
from safecase.services.session import VaultSession


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
    def __init__(self, session: VaultSession) -> None:
        self._session = session

    def save(self, form: IntakeForm) -> IntakeResult:
        session = self._session
        visible_to(session)
        if form.incident is not None and form.case_id is None and form.case_fields is None:
            # An incident belongs to a case; never drop what was typed without saying so.
            raise InputError(tr("An incident belongs to a case: choose a new or existing case."))
        cases = CaseService(session)
        with session.write():
            case_id = form.case_id
            if case_id is None and form.case_fields is not None:
                case_id = cases.create(form.case_fields).id
            contact = ContactService(session).log(dataclasses.replace(form.contact, case_id=case_id))
            if form.incident is not None and case_id is not None:
                IncidentService(session).add(dataclasses.replace(form.incident, case_id=case_id))
            DraftService(session).clear(QUICK_INTAKE)
            case = cases.get(case_id, log=False) if case_id is not None else None
        return IntakeResult(case, contact)
