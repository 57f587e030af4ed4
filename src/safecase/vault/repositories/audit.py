"""The append-only, hash-chained ``audit_log`` table.

Rows are only ever inserted (triggers refuse UPDATE and DELETE). Appending reads the last hash and
writes the new row in the caller's transaction, so concurrent writers (app and CLI) cannot fork the
chain: ``BEGIN IMMEDIATE`` serializes them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from safecase.crypto.hashchain import GENESIS, link_hash
from safecase.domain.audit import AuditEntry, AuditHead, AuditQuery, ChainCheck
from safecase.i18n import tr
from safecase.vault.connection import Connection
from safecase.vault.repositories._time import from_text, to_text

_COLUMNS = "seq, at, actor, action, target_type, target_id, details, prev_hash, hash"


def _record(
    seq: int, at: str, actor: str, action: str, target_type: str, target_id: str, details: str
) -> dict[str, Any]:
    return {
        "seq": seq,
        "at": at,
        "actor": actor,
        "action": action,
        "target_type": target_type,
        "target_id": target_id,
        "details": details,
    }


def _row_to_entry(row: tuple[Any, ...]) -> AuditEntry:
    return AuditEntry(
        seq=int(row[0]),
        at=from_text(row[1]),
        actor=str(row[2]),
        action=str(row[3]),
        target_type=str(row[4]),
        target_id=str(row[5]),
        details=json.loads(row[6]),
        prev_hash=str(row[7]),
        hash=str(row[8]),
    )


# A case's rows: its own, and those of its records (contact, consent, referral) whose details name it.
# Details are JSON written by append(); CASE keeps json_extract off a row that is not (a damaged log).
_CONCERNS_CASE = (
    "((target_type = 'case' AND target_id = ?) "
    "OR CASE WHEN json_valid(details) THEN json_extract(details, '$.case') END = ?)"
)


def _where(query: AuditQuery | None, before_seq: int | None = None) -> tuple[str, tuple[Any, ...]]:
    """The WHERE clause of ``query`` (and ``seq < before_seq``), with its parameters."""
    clauses: list[str] = []
    params: list[Any] = []
    if before_seq is not None:
        clauses.append("seq < ?")
        params.append(before_seq)
    if query is not None:
        if query.actor:
            clauses.append("actor = ?")
            params.append(query.actor)
        if query.action:
            clauses.append("action = ?")
            params.append(query.action)
        if query.case_id is not None:
            clauses.append(_CONCERNS_CASE)
            params += [str(query.case_id), str(query.case_id)]
        if query.since is not None:
            clauses.append("at >= ?")
            params.append(to_text(query.since))
        if query.until is not None:
            clauses.append("at < ?")
            params.append(to_text(query.until))
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), tuple(params)


class AuditRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def append(
        self,
        at: datetime,
        actor: str,
        action: str,
        target_type: str = "",
        target_id: str = "",
        details: dict[str, str] | None = None,
    ) -> AuditEntry:
        """Append one row; the caller holds the write transaction."""
        last = self._conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        seq, prev_hash = (1, GENESIS) if last is None else (int(last[0]) + 1, str(last[1]))
        details_text = json.dumps(details or {}, sort_keys=True, ensure_ascii=False)
        at_text = to_text(at)
        digest = link_hash(prev_hash, _record(seq, at_text, actor, action, target_type, target_id, details_text))
        self._conn.execute(
            f"INSERT INTO audit_log ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (seq, at_text, actor, action, target_type, target_id, details_text, prev_hash, digest),
        )
        return AuditEntry(
            seq, from_text(at_text), actor, action, target_type, target_id, details or {}, prev_hash, digest
        )

    def newest(self) -> AuditEntry | None:
        """The newest row of the chain (None in an empty log)."""
        row = self._conn.execute(f"SELECT {_COLUMNS} FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        return None if row is None else _row_to_entry(row)

    def head(self) -> AuditHead | None:
        """The newest row's number and hash; None for an empty log."""
        last = self._conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        return None if last is None else AuditHead(int(last[0]), str(last[1]))

    def row_hash(self, seq: int) -> str | None:
        """The stored hash of row ``seq``, None when there is no such row."""
        row = self._conn.execute("SELECT hash FROM audit_log WHERE seq = ?", (seq,)).fetchone()
        return None if row is None else str(row[0])

    def count(self, query: AuditQuery | None = None) -> int:
        """Rows in the log, or those ``query`` matches."""
        where, params = _where(query)
        return int(self._conn.execute(f"SELECT count(*) FROM audit_log{where}", params).fetchone()[0])

    def page(
        self, limit: int = 200, before_seq: int | None = None, query: AuditQuery | None = None
    ) -> list[AuditEntry]:
        """Newest first, ``limit`` rows (of those ``query`` matches), older than ``before_seq`` when given.

        The filter runs in SQLite, walking the log newest first until ``limit`` rows matched; the log
        has no index but its key (``seq``), so a rare match reads far back.
        """
        where, params = _where(query, before_seq)
        rows = self._conn.execute(
            f"SELECT {_COLUMNS} FROM audit_log{where} ORDER BY seq DESC LIMIT ?", (*params, limit)
        ).fetchall()
        return [_row_to_entry(row) for row in rows]

    def of_action(self, action: str) -> list[AuditEntry]:
        """Every row of one action, oldest first (the items ``evidence.added`` recorded, say)."""
        rows = self._conn.execute(f"SELECT {_COLUMNS} FROM audit_log WHERE action = ? ORDER BY seq", (action,))
        return [_row_to_entry(row) for row in rows]

    def _raw_rows(self) -> Iterator[tuple[Any, ...]]:
        yield from self._conn.execute(f"SELECT {_COLUMNS} FROM audit_log ORDER BY rowid")

    def check_chain(self) -> ChainCheck:
        """Walk the rows in storage order; name the first whose link or content does not hold."""
        prev_hash = GENESIS
        expected_seq = 1
        checked = 0
        for (
            seq,
            at,
            actor,
            action,
            target_type,
            target_id,
            details,
            stored_prev,
            stored_hash,
        ) in self._raw_rows():
            if seq != expected_seq:
                reason = tr("a row is missing or out of order") if seq > expected_seq else tr("rows are out of order")
                return ChainCheck(checked, int(seq), reason)
            if stored_prev != prev_hash:
                return ChainCheck(checked, int(seq), tr("the link to the previous row is broken"))
            digest = link_hash(prev_hash, _record(seq, at, actor, action, target_type, target_id, details))
            if digest != stored_hash:
                return ChainCheck(checked, int(seq), tr("the row was edited"))
            prev_hash = stored_hash
            expected_seq += 1
            checked += 1
        return ChainCheck(checked, None)
