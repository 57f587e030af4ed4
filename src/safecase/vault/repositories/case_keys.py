"""The ``case_keys`` table: each case's key, sealed once per person who may open the case.

A row is an envelope of the case key for one holder (a key slot id, or ``recovery``), with the public
key it was sealed to, so a seal made for a key pair that has since been replaced (a password reset) is
recognised as stale without anyone's secret.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from safecase.vault.connection import Connection


@dataclass(frozen=True)
class CaseSeal:
    case_id: int
    holder: str
    public_key: bytes
    envelope: bytes


class CaseKeyRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def has_key(self, case_id: int) -> bool:
        row = self._conn.execute("SELECT 1 FROM case_keys WHERE case_id = ? LIMIT 1", (case_id,)).fetchone()
        return row is not None

    def seal(self, case_id: int, holder: str) -> CaseSeal | None:
        row = self._conn.execute(
            "SELECT holder_public_key, envelope FROM case_keys WHERE case_id = ? AND holder = ?", (case_id, holder)
        ).fetchone()
        return None if row is None else CaseSeal(case_id, holder, bytes(row[0]), bytes(row[1]))

    def seals(self, case_id: int) -> list[CaseSeal]:
        rows = self._conn.execute(
            "SELECT holder, holder_public_key, envelope FROM case_keys WHERE case_id = ? ORDER BY holder", (case_id,)
        ).fetchall()
        return [CaseSeal(case_id, str(r[0]), bytes(r[1]), bytes(r[2])) for r in rows]

    def put(self, seal: CaseSeal) -> None:
        self._conn.execute(
            "INSERT INTO case_keys (case_id, holder, holder_public_key, envelope) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (case_id, holder) DO UPDATE SET holder_public_key = excluded.holder_public_key, "
            "envelope = excluded.envelope",
            (seal.case_id, seal.holder, seal.public_key, seal.envelope),
        )

    def remove(self, case_id: int, holders: Iterable[str]) -> None:
        self._conn.executemany(
            "DELETE FROM case_keys WHERE case_id = ? AND holder = ?", [(case_id, h) for h in holders]
        )

    def remove_case(self, case_id: int) -> None:
        self._conn.execute("DELETE FROM case_keys WHERE case_id = ?", (case_id,))

    def holders(self) -> Iterator[tuple[int, str, bytes]]:
        """(case id, holder, public key) of every seal, by case."""
        for case_id, holder, public_key in self._conn.execute(
            "SELECT case_id, holder, holder_public_key FROM case_keys ORDER BY case_id"
        ):
            yield int(case_id), str(holder), bytes(public_key)

    def keyed_case_counselors(self) -> dict[int, list[str]]:
        """The counselors of every case that has a key."""
        found: dict[int, list[str]] = {}
        for case_id, name in self._conn.execute(
            "SELECT cc.case_id, cc.user_name FROM case_counselors cc "
            "WHERE cc.case_id IN (SELECT DISTINCT case_id FROM case_keys) ORDER BY cc.case_id, cc.user_name"
        ):
            found.setdefault(int(case_id), []).append(str(name))
        return found

    def cases_held_by(self, holder: str) -> list[int]:
        rows = self._conn.execute("SELECT case_id FROM case_keys WHERE holder = ? ORDER BY case_id", (holder,))
        return [int(r[0]) for r in rows]
