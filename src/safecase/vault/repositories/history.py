"""The ``case_history`` table: one row per changed field, inside the encrypted database."""

from __future__ import annotations

from datetime import datetime

from safecase.domain.tasks import HistoryEntry
from safecase.vault.connection import Connection
from safecase.vault.repositories._time import from_text, to_text


class HistoryRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def add(
        self,
        case_id: int,
        at: datetime,
        actor: str,
        record_type: str,
        record_id: int,
        changes: dict[str, tuple[str, str]],
    ) -> None:
        self._conn.executemany(
            "INSERT INTO case_history (case_id, at, actor, record_type, record_id, field, old_value, new_value) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(case_id, to_text(at), actor, record_type, record_id, f, old, new) for f, (old, new) in changes.items()],
        )

    def for_case(self, case_id: int) -> list[HistoryEntry]:
        rows = self._conn.execute(
            "SELECT id, case_id, at, actor, record_type, record_id, field, old_value, new_value FROM case_history "
            "WHERE case_id = ? ORDER BY id DESC",
            (case_id,),
        ).fetchall()
        return [
            HistoryEntry(
                int(r[0]), int(r[1]), from_text(r[2]), str(r[3]), str(r[4]), int(r[5]), str(r[6]), str(r[7]), str(r[8])
            )
            for r in rows
        ]
