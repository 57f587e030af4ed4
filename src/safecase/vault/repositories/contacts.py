"""The ``contacts`` table: the contact log, with or without a case."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from safecase.domain.contacts import CallerType, Channel, Contact, Direction
from safecase.vault.connection import Connection
from safecase.vault.repositories._rows import date_or_none, date_text
from safecase.vault.repositories._time import from_text, to_text

_COLUMNS = (
    "id, case_id, at, channel, direction, duration_minutes, caller_type, counselor, summary, "
    "follow_up_needed, follow_up_due"
)


def _row(row: tuple[Any, ...]) -> Contact:
    return Contact(
        id=int(row[0]),
        case_id=None if row[1] is None else int(row[1]),
        at=from_text(row[2]),
        channel=Channel(row[3]),
        direction=Direction(row[4]),
        duration_minutes=None if row[5] is None else int(row[5]),
        caller_type=CallerType(row[6]),
        counselor=str(row[7]),
        summary=str(row[8]),
        follow_up_needed=bool(row[9]),
        follow_up_due=date_or_none(row[10]),
    )


def _values(c: Contact) -> tuple[Any, ...]:
    return (
        c.case_id,
        to_text(c.at),
        c.channel.value,
        c.direction.value,
        c.duration_minutes,
        c.caller_type.value,
        c.counselor,
        c.summary,
        int(c.follow_up_needed),
        date_text(c.follow_up_due),
    )


class ContactRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def insert(self, contact: Contact, at: datetime) -> Contact:
        """Insert ``contact`` (its id is ignored); returns it as stored."""
        row = self._conn.execute(
            "INSERT INTO contacts (case_id, at, channel, direction, duration_minutes, caller_type, counselor, summary, "
            "follow_up_needed, follow_up_due, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            f"RETURNING {_COLUMNS}",
            (*_values(contact), to_text(at), to_text(at)),
        ).fetchone()
        return _row(row)

    def update(self, contact: Contact, at: datetime) -> None:
        self._conn.execute(
            "UPDATE contacts SET case_id = ?, at = ?, channel = ?, direction = ?, duration_minutes = ?, "
            "caller_type = ?, counselor = ?, summary = ?, follow_up_needed = ?, follow_up_due = ?, updated_at = ? "
            "WHERE id = ?",
            (*_values(contact), to_text(at), contact.id),
        )

    def get(self, contact_id: int) -> Contact | None:
        row = self._conn.execute(f"SELECT {_COLUMNS} FROM contacts WHERE id = ?", (contact_id,)).fetchone()
        return None if row is None else _row(row)

    def for_case(self, case_id: int) -> list[Contact]:
        rows = self._conn.execute(
            f"SELECT {_COLUMNS} FROM contacts WHERE case_id = ? ORDER BY at DESC, id DESC", (case_id,)
        ).fetchall()
        return [_row(r) for r in rows]

    def unattached(self, counselor: str | None) -> list[Contact]:
        if counselor is None:
            rows = self._conn.execute(
                f"SELECT {_COLUMNS} FROM contacts WHERE case_id IS NULL ORDER BY at DESC LIMIT 500"
            ).fetchall()
        else:
            rows = self._conn.execute(
                f"SELECT {_COLUMNS} FROM contacts WHERE case_id IS NULL AND counselor = ? ORDER BY at DESC LIMIT 500",
                (counselor,),
            ).fetchall()
        return [_row(r) for r in rows]
