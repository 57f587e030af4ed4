"""The ``takedowns`` table and its append-only status history (``takedown_statuses``).

Insert an entry, record a status change (which also sets the entry's current status), change the
few fields that are not history (report date and number, re-check date, notes), and read entries by
case, across the cases a person sees, or as the bare facts the removal counts need. The history table
is append-only (triggers refuse UPDATE and DELETE). The take-down services build on it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from safecase.domain.takedowns import (
    OPEN_STATUSES,
    RemovalFacts,
    ReportedTo,
    Takedown,
    TakedownStatus,
    TakedownStatusChange,
)
from safecase.vault.connection import Connection
from safecase.vault.repositories._rows import date_or_none, date_text, placeholders
from safecase.vault.repositories._time import from_text, to_text

_COLUMNS = (
    "id, case_id, evidence_id, url, platform, reported_to, reported_on, reference, status, status_on, recheck_on, "
    "reappeared_from, notes, created_at, created_by, updated_at"
)


def _takedown(row: tuple[Any, ...]) -> Takedown:
    return Takedown(
        id=int(row[0]),
        case_id=int(row[1]),
        evidence_id=None if row[2] is None else int(row[2]),
        url=str(row[3]),
        platform=str(row[4]),
        reported_to=ReportedTo(row[5]),
        reported_on=date_or_none(row[6]),
        reference=str(row[7]),
        status=TakedownStatus(row[8]),
        status_on=date.fromisoformat(row[9]),
        recheck_on=date_or_none(row[10]),
        reappeared_from=None if row[11] is None else int(row[11]),
        notes=str(row[12]),
        created_at=from_text(row[13]),
        created_by=str(row[14]),
        updated_at=from_text(row[15]),
    )


class TakedownRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def insert(self, entry: Takedown, at: datetime, by: str) -> Takedown:
        """Insert ``entry`` (id and times ignored) and its first status in the history; returns it as stored."""
        row = self._conn.execute(
            "INSERT INTO takedowns (case_id, evidence_id, url, platform, reported_to, reported_on, reference, status, "
            "status_on, recheck_on, reappeared_from, notes, created_at, created_by, updated_at) "
            f"VALUES ({placeholders(15)}) RETURNING {_COLUMNS}",
            (
                entry.case_id,
                entry.evidence_id,
                entry.url,
                entry.platform,
                entry.reported_to.value,
                date_text(entry.reported_on),
                entry.reference,
                entry.status.value,
                entry.status_on.isoformat(),
                date_text(entry.recheck_on),
                entry.reappeared_from,
                entry.notes,
                to_text(at),
                by,
                to_text(at),
            ),
        ).fetchone()
        stored = _takedown(row)
        self._history(stored.id, stored.status, stored.status_on, "", at, by)
        return stored

    def change_status(
        self, takedown_id: int, status: TakedownStatus, on: date, note: str, at: datetime, by: str
    ) -> None:
        """Record that the entry reached ``status`` on ``on``; it becomes the entry's current status."""
        self._conn.execute(
            "UPDATE takedowns SET status = ?, status_on = ?, updated_at = ? WHERE id = ?",
            (status.value, on.isoformat(), to_text(at), takedown_id),
        )
        self._history(takedown_id, status, on, note, at, by)

    def update(self, entry: Takedown, at: datetime) -> None:
        """Store the fields of ``entry`` that are not its status: report date and number, re-check date, notes."""
        self._conn.execute(
            "UPDATE takedowns SET reported_on = ?, reference = ?, recheck_on = ?, notes = ?, updated_at = ? "
            "WHERE id = ?",
            (
                date_text(entry.reported_on),
                entry.reference,
                date_text(entry.recheck_on),
                entry.notes,
                to_text(at),
                entry.id,
            ),
        )

    def _history(self, takedown_id: int, status: TakedownStatus, on: date, note: str, at: datetime, by: str) -> None:
        self._conn.execute(
            "INSERT INTO takedown_statuses (takedown_id, status, status_on, note, recorded_at, recorded_by) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (takedown_id, status.value, on.isoformat(), note, to_text(at), by),
        )

    def get(self, takedown_id: int) -> Takedown | None:
        row = self._conn.execute(f"SELECT {_COLUMNS} FROM takedowns WHERE id = ?", (takedown_id,)).fetchone()
        return None if row is None else _takedown(row)

    def for_case(self, case_id: int) -> list[Takedown]:
        rows = self._conn.execute(f"SELECT {_COLUMNS} FROM takedowns WHERE case_id = ? ORDER BY id", (case_id,))
        return [_takedown(r) for r in rows]

    def open_entries(self, case_ids: Iterable[int] | None = None) -> list[Takedown]:
        """Entries still waiting for removal, by re-check date (none last), in ``case_ids`` or every case."""
        statuses = sorted(s.value for s in OPEN_STATUSES)
        sql = f"SELECT {_COLUMNS} FROM takedowns WHERE status IN ({placeholders(len(statuses))})"
        params: list[Any] = list(statuses)
        if case_ids is not None:
            ids = list(case_ids)
            if not ids:
                return []
            sql += f" AND case_id IN ({placeholders(len(ids))})"
            params += ids
        sql += " ORDER BY recheck_on IS NULL, recheck_on, id"
        return [_takedown(r) for r in self._conn.execute(sql, params)]

    def listing(
        self, statuses: Iterable[TakedownStatus], visible_to: str | None, due_by: date | None = None
    ) -> list[Takedown]:
        """Entries in ``statuses`` of the cases ``visible_to`` works (None: every case), by re-check date
        (none last); with ``due_by``, only those to re-check on or before that day."""
        codes = sorted(s.value for s in statuses)
        if not codes:
            return []
        sql = f"SELECT {_COLUMNS} FROM takedowns WHERE status IN ({placeholders(len(codes))})"
        params: list[Any] = list(codes)
        if visible_to is not None:
            sql += " AND case_id IN (SELECT case_id FROM case_counselors WHERE user_name = ?)"
            params.append(visible_to)
        if due_by is not None:
            sql += " AND recheck_on IS NOT NULL AND recheck_on <= ?"
            params.append(due_by.isoformat())
        sql += " ORDER BY recheck_on IS NULL, recheck_on, id"
        return [_takedown(r) for r in self._conn.execute(sql, params)]

    def removal_facts(self, visible_to: str | None) -> list[RemovalFacts]:
        """Status, days and place of every entry of the cases ``visible_to`` works (None: every case)."""
        sql = (
            "SELECT status, status_on, reported_on, reported_to, reappeared_from, "
            "(SELECT status_on FROM takedown_statuses s WHERE s.takedown_id = t.id ORDER BY s.id LIMIT 1) "
            "FROM takedowns t"
        )
        params: list[Any] = []
        if visible_to is not None:
            sql += " WHERE case_id IN (SELECT case_id FROM case_counselors WHERE user_name = ?)"
            params.append(visible_to)
        return [
            RemovalFacts(
                status=TakedownStatus(r[0]),
                status_on=date.fromisoformat(r[1]),
                reported_on=date_or_none(r[2]),
                reported_to=ReportedTo(r[3]),
                reappeared_from=None if r[4] is None else int(r[4]),
                first_on=date.fromisoformat(r[5] or r[1]),
            )
            for r in self._conn.execute(sql, params)
        ]

    def history(self, takedown_id: int) -> list[TakedownStatusChange]:
        rows = self._conn.execute(
            "SELECT takedown_id, status, status_on, note, recorded_at, recorded_by FROM takedown_statuses "
            "WHERE takedown_id = ? ORDER BY id",
            (takedown_id,),
        )
        return [
            TakedownStatusChange(
                int(r[0]), TakedownStatus(r[1]), date.fromisoformat(r[2]), str(r[3]), from_text(r[4]), str(r[5])
            )
            for r in rows
        ]
