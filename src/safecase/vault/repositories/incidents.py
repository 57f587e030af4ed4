"""The ``incidents`` table with its incident types and platforms."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from safecase.domain.incidents import DatePrecision, Incident
from safecase.vault.connection import Connection
from safecase.vault.repositories._time import to_text

_COLUMNS = "id, case_id, perpetrator_relation, date_precision, date_value, place_type, description"
# An incident with its types and platforms (as JSON arrays) in one statement.
_SELECT = (
    f"{_COLUMNS}, "
    "(SELECT json_group_array(code) FROM (SELECT code FROM incident_types "
    "WHERE incident_id = incidents.id ORDER BY code)), "
    "(SELECT json_group_array(platform) FROM (SELECT platform FROM incident_platforms "
    "WHERE incident_id = incidents.id ORDER BY platform)) "
    "FROM incidents"
)


class IncidentRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def insert(self, incident: Incident, at: datetime) -> Incident:
        """Insert ``incident`` (its id is ignored) with its types and platforms; returns it as stored."""
        row = self._conn.execute(
            "INSERT INTO incidents (case_id, perpetrator_relation, date_precision, date_value, place_type, description, "
            f"created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING {_COLUMNS}",
            (
                incident.case_id,
                incident.perpetrator_relation,
                incident.date_precision.value,
                incident.date_value,
                incident.place_type,
                incident.description,
                to_text(at),
                to_text(at),
            ),
        ).fetchone()
        types, platforms = self._set_lists(int(row[0]), incident, new=True)
        return self._row(row, types, platforms)

    def update(self, incident: Incident, at: datetime) -> None:
        self._conn.execute(
            "UPDATE incidents SET perpetrator_relation = ?, date_precision = ?, date_value = ?, place_type = ?, "
            "description = ?, updated_at = ? WHERE id = ?",
            (
                incident.perpetrator_relation,
                incident.date_precision.value,
                incident.date_value,
                incident.place_type,
                incident.description,
                to_text(at),
                incident.id,
            ),
        )
        self._set_lists(incident.id, incident)

    def _set_lists(self, incident_id: int, incident: Incident, *, new: bool = False) -> tuple[list[str], list[str]]:
        """Store the incident's types and platforms; returns them as stored (each sorted, once)."""
        if not new:  # a new incident has no types or platforms yet
            self._conn.execute("DELETE FROM incident_types WHERE incident_id = ?", (incident_id,))
            self._conn.execute("DELETE FROM incident_platforms WHERE incident_id = ?", (incident_id,))
        types, platforms = sorted(set(incident.types)), sorted(set(incident.platforms))
        self._conn.executemany(
            "INSERT INTO incident_types (incident_id, case_id, code) VALUES (?, ?, ?)",
            [(incident_id, incident.case_id, code) for code in types],
        )
        self._conn.executemany(
            "INSERT INTO incident_platforms (incident_id, platform) VALUES (?, ?)",
            [(incident_id, p) for p in platforms],
        )
        return types, platforms

    @staticmethod
    def _row(row: tuple[Any, ...], types: Iterable[str], platforms: Iterable[str]) -> Incident:
        return Incident(
            id=int(row[0]),
            case_id=int(row[1]),
            types=tuple(str(code) for code in types),
            platforms=tuple(str(platform) for platform in platforms),
            perpetrator_relation=str(row[2]),
            date_precision=DatePrecision(row[3]),
            date_value=str(row[4]),
            place_type=str(row[5]),
            description=str(row[6]),
        )

    def get(self, incident_id: int) -> Incident | None:
        row = self._conn.execute(f"SELECT {_SELECT} WHERE id = ?", (incident_id,)).fetchone()
        return None if row is None else self._row(row, json.loads(row[7]), json.loads(row[8]))

    def for_case(self, case_id: int) -> list[Incident]:
        rows = self._conn.execute(f"SELECT {_SELECT} WHERE case_id = ? ORDER BY id", (case_id,))
        return [self._row(r, json.loads(r[7]), json.loads(r[8])) for r in rows.fetchall()]
