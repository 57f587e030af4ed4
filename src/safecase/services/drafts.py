"""Autosaved drafts of unfinished forms, kept inside the encrypted vault and per user."""

from __future__ import annotations

import json
from typing import Any

from safecase.domain.roles import Permission
from safecase.services.session import VaultSession
from safecase.vault.repositories.drafts import DraftRepository

QUICK_INTAKE = "quick_intake"


class DraftService:
    def __init__(self, session: VaultSession) -> None:
        self._session = session

    @property
    def _repo(self) -> DraftRepository:
        # Built per use: a re-key (session.replace_keys) closes and replaces the connection.
        return DraftRepository(self._session.conn)

    def save(self, kind: str, values: dict[str, Any]) -> None:
        self._session.require(Permission.WORK_OWN_CASES)
        with self._session.write():
            payload = json.dumps(values, ensure_ascii=False)
            self._repo.save(self._session.user.name, kind, payload, self._session.clock.now())

    def load(self, kind: str) -> dict[str, Any] | None:
        self._session.require(Permission.WORK_OWN_CASES)
        raw = self._repo.load(self._session.user.name, kind)
        if raw is None:
            return None
        try:
            value = json.loads(raw)
        except ValueError:
            return None
        return value if isinstance(value, dict) else None

    def clear(self, kind: str) -> None:
        self._session.require(Permission.WORK_OWN_CASES)
        with self._session.write():
            self._repo.clear(self._session.user.name, kind)
