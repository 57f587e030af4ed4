"""The ``incidents`` table with its incident types and platforms."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from safecase.domain.incidents import DatePrecision, Incident
from safecase.vault.connection import Connection
from safecase.vault.repositories._time import to_text

_COLUMNS = "id, case_id, perpetrator_relation, date_precision, date_value, place_type, description"


class IncidentRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def insert(self, incident: Incident, at: datetime) -> int:
        cursor = self._conn.execute(
            "INSERT INTO incidents (case_id, perpetrator_relation, date_precision, date_value, place_type, description, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
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
        )
        incident_id = int(cursor.lastrowid or 0)
        self._set_lists(incident_id, incident)
        return incident_id

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

    def _set_lists(self, incident_id: int, incident: Incident) -> None:
        self._conn.execute("DELETE FROM incident_types WHERE incident_id = ?", (incident_id,))
        self._conn.executemany(
            "INSERT INTO incident_types (incident_id, case_id, code) VALUES (?, ?, ?)",
            [(incident_id, incident.case_id, code) for code in sorted(set(incident.types))],
        )
        self._conn.execute("DELETE FROM incident_platforms WHERE incident_id = ?", (incident_id,))
        self._conn.executemany(
            "INSERT INTO incident_platforms (incident_id, platform) VALUES (?, ?)",
            [(incident_id, p) for p in sorted(set(incident.platforms))],
        )

    def _row(self, row: tuple[Any, ...]) -> Incident:
        incident_id = int(row[0])
        types = self._conn.execute(
            "SELECT code FROM incident_types WHERE incident_id = ? ORDER BY code", (incident_id,)
        ).fetchall()
        platforms = self._conn.execute(
            "SELECT platform FROM incident_platforms WHERE incident_id = ? ORDER BY platform", (incident_id,)
        ).fetchall()
        return Incident(
            id=incident_id,
            case_id=int(row[1]),
            types=tuple(str(t[0]) for t in types),
            platforms=tuple(str(p[0]) for p in platforms),
            perpetrator_relation=str(row[2]),
            date_precision=DatePrecision(row[3]),
            date_value=str(row[4]),
            place_type=str(row[5]),
            description=str(row[6]),
        )

    def get(self, incident_id: int) -> Incident | None:
        row = self._conn.execute(f"SELECT {_COLUMNS} FROM incidents WHERE id = ?", (incident_id,)).fetchone()
        return None if row is None else self._row(row)

    def for_case(self, case_id: int) -> list[Incident]:
        rows = self._conn.execute(f"SELECT {_COLUMNS} FROM incidents WHERE case_id = ? ORDER BY id", (case_id,))
        return [self._row(r) for r in rows.fetchall()]
