"""Incidents of a case: types from the taxonomy (several), platforms (list plus free entry), when and where."""

from __future__ import annotations

import dataclasses

from safecase.domain.audit import AuditAction
from safecase.domain.errors import InputError
from safecase.domain.incidents import DatePrecision, Incident, parse_approximate_date
from safecase.i18n import tr
from safecase.services.cases import check_text_lengths, diff, record_change, record_created, reindex
from safecase.services.casework_access import require_case
from safecase.services.session import VaultSession
from safecase.services.taxonomies import INCIDENT_TYPES, PERPETRATOR_RELATIONS, PLACE_TYPES, PLATFORMS, taxonomies
from safecase.vault.repositories.incidents import IncidentRepository

MAX_PLATFORM_LENGTH = 80


def check_incident(incident: Incident) -> Incident:
    """Codes must come from the taxonomies; platforms may be free text; the date must parse."""
    tax = taxonomies()
    if not incident.types:
        raise InputError(tr("Choose at least one incident type."))
    for code in incident.types:
        if tax[INCIDENT_TYPES].get(code) is None:
            raise InputError(tr("Unknown incident type “{code}”.").format(code=code))
    if tax[PERPETRATOR_RELATIONS].get(incident.perpetrator_relation) is None:
        raise InputError(tr("Unknown perpetrator relation “{code}”.").format(code=incident.perpetrator_relation))
    if tax[PLACE_TYPES].get(incident.place_type) is None:
        raise InputError(tr("Unknown place type “{code}”.").format(code=incident.place_type))
    platforms: list[str] = []
    for raw in incident.platforms:
        text = raw.strip()
        if not text:
            continue
        if len(text) > MAX_PLATFORM_LENGTH:
            raise InputError(tr("A platform name is too long."))
        platforms.append(tax[PLATFORMS].resolve(text) or text)
    parsed = parse_approximate_date(incident.date_value)
    if parsed is None:
        raise InputError(
            tr("“{value}” is not a date: use YYYY, YYYY-MM or YYYY-MM-DD.").format(value=incident.date_value)
        )
    precision, value = parsed
    check_text_lengths([incident.description])
    return dataclasses.replace(
        incident,
        platforms=tuple(sorted(set(platforms))),
        types=tuple(sorted(set(incident.types))),
        date_precision=precision if value else DatePrecision.UNKNOWN,
        date_value=value,
        description=incident.description.strip(),
    )


class IncidentService:
    def __init__(self, session: VaultSession) -> None:
        self._session = session

    @property
    def _repo(self) -> IncidentRepository:
        # Built per use: a re-key (session.replace_keys) closes and replaces the connection.
        return IncidentRepository(self._session.conn)

    def add(self, incident: Incident) -> Incident:
        session = self._session
        with session.write():
            require_case(session, incident.case_id)
            incident = check_incident(incident)
            stored = self._repo.insert(incident, session.clock.now())
            record_created(session, stored.case_id, "incident", stored.id, incident)
            reindex(session, stored.case_id)
            session.log(AuditAction.INCIDENT_ADDED, "incident", str(stored.id), {"case": str(stored.case_id)})
            return stored

    def update(self, incident: Incident) -> Incident:
        session = self._session
        with session.write():
            old = self._repo.get(incident.id)
            if old is None:
                raise InputError(tr("That incident does not exist."))
            require_case(session, old.case_id)
            new = check_incident(dataclasses.replace(incident, case_id=old.case_id))
            changes = diff(old, new)
            if not changes:
                return old
            self._repo.update(new, session.clock.now())
            record_change(session, old.case_id, "incident", new.id, changes)
            reindex(session, old.case_id)
            session.log(AuditAction.INCIDENT_UPDATED, "incident", str(new.id), {"fields": ",".join(sorted(changes))})
            return self._get(new.id)

    def for_case(self, case_id: int) -> list[Incident]:
        require_case(self._session, case_id)
        return self._repo.for_case(case_id)

    def _get(self, incident_id: int) -> Incident:
        incident = self._repo.get(incident_id)
        assert incident is not None
        return incident
