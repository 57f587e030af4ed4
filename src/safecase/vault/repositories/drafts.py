"""The ``drafts`` table: unsaved forms (quick intake) kept inside the vault, never in a temp file."""

from __future__ import annotations

from datetime import datetime

from safecase.vault.connection import Connection
from safecase.vault.repositories._time import to_text


class DraftRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def save(self, owner: str, kind: str, payload: str, at: datetime) -> None:
        self._conn.execute(
            "INSERT INTO drafts (owner, kind, payload, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (owner, kind) DO UPDATE SET payload = excluded.payload, updated_at = excluded.updated_at",
            (owner, kind, payload, to_text(at)),
        )

    def load(self, owner: str, kind: str) -> str | None:
        row = self._conn.execute("SELECT payload FROM drafts WHERE owner = ? AND kind = ?", (owner, kind)).fetchone()
        return None if row is None else str(row[0])

    def clear(self, owner: str, kind: str) -> None:
        self._conn.execute("DELETE FROM drafts WHERE owner = ? AND kind = ?", (owner, kind))
