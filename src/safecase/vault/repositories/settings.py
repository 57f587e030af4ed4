"""The ``settings`` table: text values with who changed them last."""

from __future__ import annotations

from datetime import datetime

from safecase.vault.connection import Connection
from safecase.vault.repositories._time import to_text


class SettingsRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def get(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set(self, key: str, value: str, by: str, at: datetime) -> None:
        self._conn.execute(
            "INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, "
            "updated_by = excluded.updated_by",
            (key, value, to_text(at), by),
        )
