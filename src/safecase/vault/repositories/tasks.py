"""The ``tasks`` table: follow-ups with an owner and a due date."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from safecase.domain.tasks import Task, TaskKind
from safecase.vault.connection import Connection
from safecase.vault.repositories._time import from_text, to_text

_COLUMNS = "id, case_id, kind, title, due_on, owner, done_at, referral_id, contact_id"


def _row(row: tuple[Any, ...]) -> Task:
    return Task(
        id=int(row[0]),
        case_id=None if row[1] is None else int(row[1]),
        kind=TaskKind(row[2]),
        title=str(row[3]),
        due_on=date.fromisoformat(row[4]),
        owner=str(row[5]),
        done_at=None if row[6] is None else from_text(row[6]),
        referral_id=None if row[7] is None else int(row[7]),
        contact_id=None if row[8] is None else int(row[8]),
    )


class TaskRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def insert(self, task: Task, by: str, at: datetime) -> int:
        cursor = self._conn.execute(
            "INSERT INTO tasks (case_id, kind, title, due_on, owner, done_at, referral_id, contact_id, created_at, "
            "created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                task.case_id,
                task.kind.value,
                task.title,
                task.due_on.isoformat(),
                task.owner,
                None if task.done_at is None else to_text(task.done_at),
                task.referral_id,
                task.contact_id,
                to_text(at),
                by,
            ),
        )
        return int(cursor.lastrowid or 0)

    def update(self, task: Task) -> None:
        self._conn.execute(
            "UPDATE tasks SET case_id = ?, title = ?, due_on = ?, owner = ?, done_at = ? WHERE id = ?",
            (
                task.case_id,
                task.title,
                task.due_on.isoformat(),
                task.owner,
                None if task.done_at is None else to_text(task.done_at),
                task.id,
            ),
        )

    def get(self, task_id: int) -> Task | None:
        row = self._conn.execute(f"SELECT {_COLUMNS} FROM tasks WHERE id = ?", (task_id,)).fetchone()
        return None if row is None else _row(row)

    def for_case(self, case_id: int) -> list[Task]:
        rows = self._conn.execute(
            f"SELECT {_COLUMNS} FROM tasks WHERE case_id = ? ORDER BY done_at IS NOT NULL, due_on, id", (case_id,)
        )
        return [_row(r) for r in rows.fetchall()]

    def open_for_referral(self, referral_id: int) -> list[Task]:
        rows = self._conn.execute(
            f"SELECT {_COLUMNS} FROM tasks WHERE referral_id = ? AND done_at IS NULL", (referral_id,)
        )
        return [_row(r) for r in rows.fetchall()]

    def open_for_contact(self, contact_id: int) -> list[Task]:
        rows = self._conn.execute(
            f"SELECT {_COLUMNS} FROM tasks WHERE contact_id = ? AND done_at IS NULL", (contact_id,)
        )
        return [_row(r) for r in rows.fetchall()]

    def due_for(self, owner: str, until: date) -> list[Task]:
        """Open tasks of ``owner`` due on or before ``until``, oldest first."""
        rows = self._conn.execute(
            f"SELECT {_COLUMNS} FROM tasks WHERE owner = ? AND done_at IS NULL AND due_on <= ? ORDER BY due_on, id",
            (owner, until.isoformat()),
        )
        return [_row(r) for r in rows.fetchall()]
