"""Helpers for tests that look at a vault's files from the outside, as an attacker or a disk would."""

from __future__ import annotations

import hashlib
from pathlib import Path

from safecase.services.session import VaultSession
from safecase.vault.connection import Connection, connect


def snapshot(root: Path) -> dict[str, str]:
    """SHA-256 of every file under ``root`` (relative path → hash), to prove nothing changed.

    Left out: the sign-in delay file (counting a failure is the point) and its empty lock files, and the
    WAL index (``-shm``), which SQLite rewrites on every read and which holds no data.
    """
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file() and not path.name.startswith("sign-in-delays.json") and not path.name.endswith("-shm")
    }


def raw_connection(session: VaultSession) -> Connection:
    """A second connection with the data key, for tests that tamper the way someone holding the key could."""
    return connect(session.paths.db, session.data_key)


def vault_bytes(root: Path) -> dict[str, bytes]:
    """Every file of the vault that holds data at rest: database, WAL, shm, key file, blobs."""
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}
