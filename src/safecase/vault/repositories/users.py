"""The ``users`` table."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from safecase.domain.roles import Role, parse_roles, sorted_roles
from safecase.domain.users import User
from safecase.vault.connection import Connection
from safecase.vault.repositories._time import from_text, to_text

_COLUMNS = "id, name, display_name, roles, enabled, created_at, disabled_at"


def _row_to_user(row: tuple[Any, ...]) -> User:
    return User(
        id=int(row[0]),
        name=str(row[1]),
        display_name=str(row[2]),
        roles=parse_roles(str(row[3]).split(",")) if row[3] else frozenset(),
        enabled=bool(row[4]),
        created_at=from_text(row[5]),
        disabled_at=from_text(row[6]) if row[6] else None,
    )


class UserRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def add(self, name: str, display_name: str, roles: Iterable[Role], created_at: datetime) -> User:
        cursor = self._conn.execute(
            "INSERT INTO users (name, display_name, roles, enabled, created_at) VALUES (?, ?, ?, 1, ?)",
            (name, display_name, ",".join(sorted_roles(roles)), to_text(created_at)),
        )
        user = self.by_id(int(cursor.lastrowid or 0))
        assert user is not None
        return user

    def by_id(self, user_id: int) -> User | None:
        row = self._conn.execute(f"SELECT {_COLUMNS} FROM users WHERE id = ?", (user_id,)).fetchone()
        return None if row is None else _row_to_user(row)

    def by_name(self, name: str) -> User | None:
        row = self._conn.execute(f"SELECT {_COLUMNS} FROM users WHERE name = ?", (name,)).fetchone()
        return None if row is None else _row_to_user(row)

    def all(self) -> list[User]:
        rows = self._conn.execute(f"SELECT {_COLUMNS} FROM users ORDER BY name").fetchall()
        return [_row_to_user(row) for row in rows]

    def set_enabled(self, user_id: int, enabled: bool, at: datetime) -> None:
        self._conn.execute(
            "UPDATE users SET enabled = ?, disabled_at = ? WHERE id = ?",
            (int(enabled), None if enabled else to_text(at), user_id),
        )

    def set_roles(self, user_id: int, roles: Iterable[Role]) -> None:
        self._conn.execute("UPDATE users SET roles = ? WHERE id = ?", (",".join(sorted_roles(roles)), user_id))

    def set_display_name(self, user_id: int, display_name: str) -> None:
        self._conn.execute("UPDATE users SET display_name = ? WHERE id = ?", (display_name, user_id))
