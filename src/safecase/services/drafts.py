"""Autosaved drafts of unfinished forms, kept inside the encrypted vault and per user.

A draft can hold what a person typed before saving, a survivor's real name and phone among it, so it
is sealed to the person's own key slot (bound to vault, owner and kind), not left under the data key
that every account knows: a colleague reading the database, or the log's old pages, sees ciphertext.
A draft written before sealing existed is still read once; a draft sealed to a key pair the person no
longer has (a password reset) is dropped.
"""

from __future__ import annotations

import json
from typing import Any

from safecase.crypto.encoding import b64d, b64e
from safecase.crypto.errors import CryptoError
from safecase.crypto.keyslots import open_envelope, public_key_of, seal_to_public_key
from safecase.domain.roles import Permission
from safecase.services.session import VaultSession
from safecase.vault.repositories.drafts import DraftRepository

QUICK_INTAKE = "quick_intake"
_SEALED = "sealed:"


class DraftService:
    def __init__(self, session: VaultSession) -> None:
        self._session = session

    @property
    def _repo(self) -> DraftRepository:
        # Built per use: a re-key (session.replace_keys) closes and replaces the connection.
        return DraftRepository(self._session.conn)

    def _binding(self, kind: str) -> bytes:
        session = self._session
        return b"\x00".join(
            (b"safecase/draft/v1", session.keyfile.vault_id.encode(), session.user.name.encode(), kind.encode())
        )

    def save(self, kind: str, values: dict[str, Any]) -> None:
        """Keep ``values``; a session without its own slot key (none signed in) keeps nothing."""
        session = self._session
        session.require(Permission.WORK_OWN_CASES)
        own = session.own_slot
        if own is None:
            return
        plaintext = json.dumps(values, ensure_ascii=False).encode()
        sealed = seal_to_public_key(public_key_of(own.private_key), plaintext, self._binding(kind))
        with session.write():
            self._repo.save(session.user.name, kind, _SEALED + b64e(sealed), session.clock.now())

    def load(self, kind: str) -> dict[str, Any] | None:
        session = self._session
        session.require(Permission.WORK_OWN_CASES)
        raw = self._repo.load(session.user.name, kind)
        if raw is None:
            return None
        try:
            if raw.startswith(_SEALED):
                own = session.own_slot
                if own is None:
                    return None
                raw = open_envelope(own.private_key, b64d(raw[len(_SEALED) :]), self._binding(kind)).decode()
            value = json.loads(raw)
        except (ValueError, CryptoError):
            return None
        return value if isinstance(value, dict) else None

    def clear(self, kind: str) -> None:
        self._session.require(Permission.WORK_OWN_CASES)
        with self._session.write():
            self._repo.clear(self._session.user.name, kind)
