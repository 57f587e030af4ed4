"""The ``evidence_items`` table and each item's hash-chained custody log (``evidence_custody``).

Custody events are only ever inserted (triggers refuse UPDATE and DELETE). Each event's hash covers its
item, its number in the item's chain, its content and the previous event's hash, as the audit log does
(:mod:`safecase.crypto.hashchain`); the item row keeps the newest hash (``custody_head``), so an event
cut off the end is noticed as well as one edited or removed in the middle. Appending runs in the
caller's transaction, so two writers cannot fork a chain.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from safecase.crypto.hashchain import GENESIS, link_hash
from safecase.domain.evidence import CustodyEvent, CustodyEventKind, EvidenceItem, EvidenceKind, FileTimes
from safecase.i18n import tr
from safecase.vault.connection import Connection
from safecase.vault.repositories._rows import placeholders
from safecase.vault.repositories._time import from_text, to_text

_COLUMNS = (
    "id, case_id, kind, description, platform, urls, channel, original_name, size, media_type, captured_by, "
    "captured_at, received_at, received_from, notes, sha256, file_modified_at, file_changed_at, file_created_at, "
    "blob_id, destroyed_at, perceptual_hash, created_at, created_by"
)
_CUSTODY_COLUMNS = "id, item_id, seq, at, actor, event, details, prev_hash, hash"


def _moment(value: datetime | None) -> str | None:
    return None if value is None else to_text(value)


def _moment_or_none(text: str | None) -> datetime | None:
    return None if text is None else from_text(text)


def _item(row: tuple[Any, ...]) -> EvidenceItem:
    return EvidenceItem(
        id=int(row[0]),
        case_id=int(row[1]),
        kind=EvidenceKind(row[2]),
        description=str(row[3]),
        platform=str(row[4]),
        urls=tuple(str(u) for u in json.loads(row[5])),
        channel=str(row[6]),
        original_name=str(row[7]),
        size=None if row[8] is None else int(row[8]),
        media_type=str(row[9]),
        captured_by=str(row[10]),
        captured_at=_moment_or_none(row[11]),
        received_at=_moment_or_none(row[12]),
        received_from=str(row[13]),
        notes=str(row[14]),
        sha256=str(row[15]),
        file_times=FileTimes(_moment_or_none(row[16]), _moment_or_none(row[17]), _moment_or_none(row[18])),
        stored=row[19] is not None,
        destroyed_at=_moment_or_none(row[20]),
        perceptual_hash=None if row[21] is None else str(row[21]),
        created_at=from_text(row[22]),
        created_by=str(row[23]),
    )


class EvidenceRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def insert(self, item: EvidenceItem, blob_id: str | None, blob_key: bytes | None) -> EvidenceItem:
        """Insert ``item`` (its id is ignored) with its file's blob id and wrapped key; returns it as stored."""
        times = item.file_times
        row = self._conn.execute(
            "INSERT INTO evidence_items (case_id, kind, description, platform, urls, channel, original_name, size, "
            "media_type, captured_by, captured_at, received_at, received_from, notes, sha256, file_modified_at, "
            "file_changed_at, file_created_at, blob_id, blob_key, perceptual_hash, created_at, created_by, "
            f"updated_at) VALUES ({placeholders(24)}) RETURNING {_COLUMNS}",
            (
                item.case_id,
                item.kind.value,
                item.description,
                item.platform,
                json.dumps(list(item.urls), ensure_ascii=False),
                item.channel,
                item.original_name,
                item.size,
                item.media_type,
                item.captured_by,
                _moment(item.captured_at),
                _moment(item.received_at),
                item.received_from,
                item.notes,
                item.sha256,
                _moment(times.modified),
                _moment(times.changed),
                _moment(times.created),
                blob_id,
                blob_key,
                item.perceptual_hash,
                to_text(item.created_at),
                item.created_by,
                to_text(item.created_at),
            ),
        ).fetchone()
        return _item(row)

    def get(self, item_id: int) -> EvidenceItem | None:
        row = self._conn.execute(f"SELECT {_COLUMNS} FROM evidence_items WHERE id = ?", (item_id,)).fetchone()
        return None if row is None else _item(row)

    def for_case(self, case_id: int) -> list[EvidenceItem]:
        rows = self._conn.execute(
            f"SELECT {_COLUMNS} FROM evidence_items WHERE case_id = ? ORDER BY id", (case_id,)
        ).fetchall()
        return [_item(row) for row in rows]

    def for_cases(self, case_ids: Iterable[int]) -> list[EvidenceItem]:
        """Items of these cases, by case and id (the caller decides whose cases a person may see)."""
        found: list[EvidenceItem] = []
        ids = list(case_ids)
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            rows = self._conn.execute(
                f"SELECT {_COLUMNS} FROM evidence_items WHERE case_id IN ({placeholders(len(part))}) ORDER BY id",
                part,
            ).fetchall()
            found += [_item(row) for row in rows]
        return sorted(found, key=lambda i: (i.case_id, i.id))

    def all(self) -> list[EvidenceItem]:
        return [_item(r) for r in self._conn.execute(f"SELECT {_COLUMNS} FROM evidence_items ORDER BY case_id, id")]

    def case_ids(self) -> list[int]:
        """The cases that hold any evidence item."""
        return [int(r[0]) for r in self._conn.execute("SELECT DISTINCT case_id FROM evidence_items ORDER BY 1")]

    def blob(self, item_id: int) -> tuple[str, bytes] | None:
        """(blob id, wrapped key) of the item's kept file; None when no file is kept."""
        row = self._conn.execute(
            "SELECT blob_id, blob_key FROM evidence_items WHERE id = ? AND blob_id IS NOT NULL", (item_id,)
        ).fetchone()
        return None if row is None else (str(row[0]), bytes(row[1]))

    def wrapped_keys(self, case_id: int) -> list[tuple[int, str, bytes]]:
        """(item id, blob id, wrapped key) of every kept file of the case, oldest first."""
        rows = self._conn.execute(
            "SELECT id, blob_id, blob_key FROM evidence_items WHERE case_id = ? AND blob_id IS NOT NULL ORDER BY id",
            (case_id,),
        ).fetchall()
        return [(int(r[0]), str(r[1]), bytes(r[2])) for r in rows]

    def has_wrapped_keys(self, case_id: int) -> bool:
        row = self._conn.execute(
            "SELECT 1 FROM evidence_items WHERE case_id = ? AND blob_key IS NOT NULL LIMIT 1", (case_id,)
        ).fetchone()
        return row is not None

    def set_wrapped_key(self, item_id: int, wrapped: bytes) -> None:
        self._conn.execute("UPDATE evidence_items SET blob_key = ? WHERE id = ?", (wrapped, item_id))

    def shred(self, item_id: int, at: datetime) -> None:
        """Forget the item's file key and blob id (``secure_delete`` overwrites the old cell) and mark it
        destroyed; record and hash stay."""
        self._conn.execute(
            "UPDATE evidence_items SET blob_id = NULL, blob_key = NULL, destroyed_at = ?, updated_at = ? WHERE id = ?",
            (to_text(at), to_text(at), item_id),
        )

    def fingerprints(self, assigned_to: str | None, exclude: int) -> list[tuple[int, int, str, str]]:
        """(item id, case id, SHA-256, perceptual hash or "") of every file item but ``exclude``, in the
        cases ``assigned_to`` works, or in every case when None: what a new item is compared with."""
        sql = (
            "SELECT id, case_id, sha256, COALESCE(perceptual_hash, '') FROM evidence_items "
            "WHERE id != ? AND sha256 != ''"
        )
        params: list[object] = [exclude]
        if assigned_to is not None:
            sql += " AND case_id IN (SELECT case_id FROM case_counselors WHERE user_name = ?)"
            params.append(assigned_to)
        rows = self._conn.execute(sql + " ORDER BY id", params).fetchall()
        return [(int(r[0]), int(r[1]), str(r[2]), str(r[3])) for r in rows]

    def set_perceptual_hash(self, item_id: int, value: str, at: datetime) -> None:
        self._conn.execute(
            "UPDATE evidence_items SET perceptual_hash = ?, updated_at = ? WHERE id = ?", (value, to_text(at), item_id)
        )

    def custody_head(self, item_id: int) -> str:
        row = self._conn.execute("SELECT custody_head FROM evidence_items WHERE id = ?", (item_id,)).fetchone()
        return "" if row is None else str(row[0])

    def blob_ids(self) -> set[str]:
        """Every blob id a row names (kept files)."""
        return {str(r[0]) for r in self._conn.execute("SELECT blob_id FROM evidence_items WHERE blob_id IS NOT NULL")}


def _record(item_id: int, seq: int, at: str, actor: str, event: str, details: str) -> dict[str, Any]:
    return {"item": item_id, "seq": seq, "at": at, "actor": actor, "event": event, "details": details}


def _event(row: tuple[Any, ...]) -> CustodyEvent:
    return CustodyEvent(
        id=int(row[0]),
        item_id=int(row[1]),
        seq=int(row[2]),
        at=from_text(row[3]),
        actor=str(row[4]),
        kind=CustodyEventKind(row[5]),
        details=json.loads(row[6]),
        prev_hash=str(row[7]),
        hash=str(row[8]),
    )


class CustodyLog:
    """The custody events of evidence items, one hash chain per item."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def append(
        self, item_id: int, at: datetime, actor: str, kind: CustodyEventKind, details: dict[str, str] | None = None
    ) -> CustodyEvent:
        """Add one event at the end of the item's chain; the caller holds the write transaction."""
        last = self._conn.execute(
            "SELECT seq, hash FROM evidence_custody WHERE item_id = ? ORDER BY seq DESC LIMIT 1", (item_id,)
        ).fetchone()
        seq, prev_hash = (1, GENESIS) if last is None else (int(last[0]) + 1, str(last[1]))
        details_text = json.dumps(details or {}, sort_keys=True, ensure_ascii=False)
        at_text = to_text(at)
        digest = link_hash(prev_hash, _record(item_id, seq, at_text, actor, kind.value, details_text))
        row = self._conn.execute(
            "INSERT INTO evidence_custody (item_id, seq, at, actor, event, details, prev_hash, hash) "
            f"VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING {_CUSTODY_COLUMNS}",
            (item_id, seq, at_text, actor, kind.value, details_text, prev_hash, digest),
        ).fetchone()
        self._conn.execute("UPDATE evidence_items SET custody_head = ? WHERE id = ?", (digest, item_id))
        return _event(row)

    def events(self, item_id: int) -> list[CustodyEvent]:
        rows = self._conn.execute(
            f"SELECT {_CUSTODY_COLUMNS} FROM evidence_custody WHERE item_id = ? ORDER BY seq", (item_id,)
        ).fetchall()
        return [_event(row) for row in rows]

    def events_for(self, item_ids: Iterable[int]) -> dict[int, list[CustodyEvent]]:
        found: dict[int, list[CustodyEvent]] = {}
        ids = list(item_ids)
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            for row in self._conn.execute(
                f"SELECT {_CUSTODY_COLUMNS} FROM evidence_custody WHERE item_id IN ({placeholders(len(part))}) "
                "ORDER BY item_id, seq",
                part,
            ):
                event = _event(row)
                found.setdefault(event.item_id, []).append(event)
        return found

    def _raw(self, item_id: int) -> Iterator[tuple[Any, ...]]:
        yield from self._conn.execute(
            "SELECT seq, at, actor, event, details, prev_hash, hash FROM evidence_custody WHERE item_id = ? "
            "ORDER BY rowid",
            (item_id,),
        )

    def check_chain(self, item_id: int, head: str) -> str | None:
        """Walk the item's events in storage order; a phrase naming the first that does not hold, or None.

        ``head`` is the hash the item row says its newest event has.
        """
        prev_hash = GENESIS
        expected = 1
        for seq, at, actor, event, details, stored_prev, stored_hash in self._raw(item_id):
            if seq != expected:
                return tr("custody event {seq} is missing or out of order").format(seq=expected)
            if stored_prev != prev_hash:
                return tr("the link of custody event {seq} to the one before is broken").format(seq=seq)
            digest = link_hash(prev_hash, _record(item_id, int(seq), at, actor, event, details))
            if digest != stored_hash:
                return tr("custody event {seq} was edited").format(seq=seq)
            prev_hash = str(stored_hash)
            expected += 1
        if expected == 1:
            return tr("its custody log is empty")
        if prev_hash != head:
            return tr("custody events after event {seq} were removed").format(seq=expected - 1)
        return None
