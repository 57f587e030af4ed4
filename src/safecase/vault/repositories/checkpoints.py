"""The insert-only ``audit_checkpoints`` table: audit heads the administrators' key signed.

Triggers refuse UPDATE and DELETE, as on ``audit_log``. Someone holding the data key can still drop
them; what that cannot forge is a signature, so verify checks every row against the administrators'
keys and the chain, and a copy of the latest checkpoint also travels in each backup's manifest.
"""

from __future__ import annotations

from typing import Any

from safecase.crypto.encoding import b64d, b64e
from safecase.domain.audit import AuditHead, Checkpoint
from safecase.vault.connection import Connection

_COLUMNS = "head_seq, head_hash, at, reason, signer, signature"


def _row_to_checkpoint(row: tuple[Any, ...]) -> Checkpoint:
    return Checkpoint(
        head=AuditHead(int(row[0]), str(row[1])),
        at=str(row[2]),
        reason=str(row[3]),
        signer=b64d(str(row[4])),
        signature=b64d(str(row[5])),
    )


class CheckpointRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def add(self, checkpoint: Checkpoint) -> None:
        """Insert one checkpoint; the caller holds the write transaction."""
        self._conn.execute(
            f"INSERT INTO audit_checkpoints ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",
            (
                checkpoint.head.seq,
                checkpoint.head.hash,
                checkpoint.at,
                checkpoint.reason,
                b64e(checkpoint.signer),
                b64e(checkpoint.signature),
            ),
        )

    def all(self) -> list[Checkpoint]:
        """Oldest first, as stored."""
        rows = self._conn.execute(f"SELECT {_COLUMNS} FROM audit_checkpoints ORDER BY id").fetchall()
        return [_row_to_checkpoint(row) for row in rows]

    def latest(self) -> Checkpoint | None:
        row = self._conn.execute(f"SELECT {_COLUMNS} FROM audit_checkpoints ORDER BY id DESC LIMIT 1").fetchone()
        return None if row is None else _row_to_checkpoint(row)
