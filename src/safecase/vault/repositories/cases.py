"""The ``cases`` table, its counselors and numbering, and the queries behind the Cases list.

The list is driven by ids (as Anki's browser is): :meth:`CaseRepository.ids` returns the ordered ids
for a filter, and :meth:`CaseRepository.summaries` loads only the rows on screen.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from safecase.domain.cases import (
    RISK_ORDER,
    AgeBand,
    Case,
    CaseFields,
    CaseFilter,
    CaseSort,
    CaseStatus,
    CaseSummary,
    Gender,
    RiskLevel,
    SensitiveContact,
    SurvivorProfile,
    format_case_number,
)
from safecase.domain.referrals import AWAITING_STATUSES
from safecase.vault.connection import Connection
from safecase.vault.repositories._rows import bool_or_none, date_or_none, date_text, placeholders
from safecase.vault.repositories._time import from_text, to_text
from safecase.vault.repositories.search import match_clauses

_COLUMNS = (
    "id, number, status, opened_on, closed_on, risk, risk_reason, alias, age_band, gender, branch, "
    "service_status, region, preferred_channel, safe_channels, safe_to_leave_message, safe_contact_notes, "
    "identity IS NOT NULL, created_at, updated_at, statistics_opt_out"
)

_SORT_SQL = {
    CaseSort.NUMBER: "c.number",
    CaseSort.OPENED: "c.opened_on",
    CaseSort.STATUS: "c.status",
    CaseSort.RISK: "c.risk_rank",
    CaseSort.ALIAS: "c.alias COLLATE NOCASE",
    CaseSort.UPDATED: "c.updated_at",
}


def _profile_values(fields: CaseFields) -> tuple[Any, ...]:
    p = fields.profile
    return (
        p.alias,
        p.age_band.value,
        p.gender.value,
        p.branch,
        p.service_status,
        p.region,
        p.preferred_channel,
        p.safe_channels,
        None if p.safe_to_leave_message is None else int(p.safe_to_leave_message),
        p.safe_contact_notes,
    )


class CaseRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    # --- numbering -------------------------------------------------------------------------------

    def next_number(self, year: int) -> str:
        """The next free number of ``year``; call inside the write transaction that inserts the case."""
        row = self._conn.execute("SELECT last_serial FROM case_numbers WHERE year = ?", (year,)).fetchone()
        serial = (int(row[0]) if row else 0) + 1
        while self.number_exists(format_case_number(year, serial)):
            serial += 1
        self._conn.execute(
            "INSERT INTO case_numbers (year, last_serial) VALUES (?, ?) "
            "ON CONFLICT (year) DO UPDATE SET last_serial = excluded.last_serial",
            (year, serial),
        )
        return format_case_number(year, serial)

    def number_exists(self, number: str) -> bool:
        return self._conn.execute("SELECT 1 FROM cases WHERE number = ?", (number,)).fetchone() is not None

    # --- writes ----------------------------------------------------------------------------------

    def insert(
        self, number: str, fields: CaseFields, opened_on: date, by: str, at: datetime, counselors: Iterable[str]
    ) -> Case:
        """Insert a case worked by ``counselors``; returns it as stored."""
        row = self._conn.execute(
            "INSERT INTO cases (number, status, opened_on, closed_on, risk, risk_rank, risk_reason, alias, age_band, "
            "gender, branch, service_status, region, preferred_channel, safe_channels, safe_to_leave_message, "
            "safe_contact_notes, statistics_opt_out, created_at, updated_at, created_by) "
            f"VALUES ({placeholders(21)}) RETURNING {_COLUMNS}",
            (
                number,
                fields.status.value,
                opened_on.isoformat(),
                date_text(fields.closed_on),
                fields.risk.value,
                RISK_ORDER[fields.risk],
                fields.risk_reason,
                *_profile_values(fields),
                int(fields.statistics_opt_out),
                to_text(at),
                to_text(at),
                by,
            ),
        ).fetchone()
        names = sorted(set(counselors))
        self._conn.executemany(
            "INSERT INTO case_counselors (case_id, user_name) VALUES (?, ?)", [(int(row[0]), n) for n in names]
        )
        return _case(row, names, ())

    def update(self, case_id: int, fields: CaseFields, at: datetime) -> None:
        assert fields.opened_on is not None
        self._conn.execute(
            "UPDATE cases SET status = ?, opened_on = ?, closed_on = ?, risk = ?, risk_rank = ?, risk_reason = ?, "
            "alias = ?, age_band = ?, gender = ?, branch = ?, service_status = ?, region = ?, preferred_channel = ?, "
            "safe_channels = ?, safe_to_leave_message = ?, safe_contact_notes = ?, statistics_opt_out = ?, "
            "updated_at = ? WHERE id = ?",
            (
                fields.status.value,
                fields.opened_on.isoformat(),
                date_text(fields.closed_on),
                fields.risk.value,
                RISK_ORDER[fields.risk],
                fields.risk_reason,
                *_profile_values(fields),
                int(fields.statistics_opt_out),
                to_text(at),
                case_id,
            ),
        )

    def touch(self, changed: Mapping[int, datetime]) -> None:
        """Set the time of change of each case."""
        self._conn.executemany(
            "UPDATE cases SET updated_at = ? WHERE id = ?", [(to_text(at), case_id) for case_id, at in changed.items()]
        )

    def set_counselors(self, case_id: int, names: Iterable[str]) -> None:
        self._conn.execute("DELETE FROM case_counselors WHERE case_id = ?", (case_id,))
        self._conn.executemany(
            "INSERT INTO case_counselors (case_id, user_name) VALUES (?, ?)", [(case_id, n) for n in sorted(set(names))]
        )

    # --- reads -----------------------------------------------------------------------------------

    def id_for_number(self, number: str) -> int | None:
        row = self._conn.execute("SELECT id FROM cases WHERE number = ?", (number.strip(),)).fetchone()
        return None if row is None else int(row[0])

    def numbers(self, ids: Iterable[int]) -> dict[int, str]:
        """Case numbers for many ids at once (in chunks, to stay under SQLite's parameter limit)."""
        wanted = sorted(set(ids))
        found: dict[int, str] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            rows = self._conn.execute(f"SELECT id, number FROM cases WHERE id IN ({placeholders(len(chunk))})", chunk)
            found.update((int(r[0]), str(r[1])) for r in rows)
        return found

    def counselors(self, case_id: int) -> tuple[str, ...]:
        rows = self._conn.execute(
            "SELECT user_name FROM case_counselors WHERE case_id = ? ORDER BY user_name", (case_id,)
        ).fetchall()
        return tuple(str(r[0]) for r in rows)

    def exists(self, case_id: int) -> bool:
        return self._conn.execute("SELECT 1 FROM cases WHERE id = ?", (case_id,)).fetchone() is not None

    def is_assigned(self, case_id: int, user_name: str) -> bool:
        row = self._conn.execute(
            "SELECT 1 FROM case_counselors WHERE case_id = ? AND user_name = ?", (case_id, user_name)
        ).fetchone()
        return row is not None

    def get(self, case_id: int) -> Case | None:
        # One statement: the case, its counselors and its incident types (as JSON arrays).
        row = self._conn.execute(
            f"SELECT {_COLUMNS}, "
            "(SELECT json_group_array(user_name) FROM (SELECT user_name FROM case_counselors "
            "WHERE case_id = cases.id ORDER BY user_name)), "
            "(SELECT json_group_array(code) FROM (SELECT DISTINCT code FROM incident_types "
            "WHERE case_id = cases.id ORDER BY code)) "
            "FROM cases WHERE id = ?",
            (case_id,),
        ).fetchone()
        if row is None:
            return None
        return _case(row, json.loads(row[-2]), json.loads(row[-1]))

    def identity(self, case_id: int) -> bytes | None:
        """The real name and phone, sealed under the case's key (None when none were recorded)."""
        row = self._conn.execute("SELECT identity FROM cases WHERE id = ?", (case_id,)).fetchone()
        return None if row is None or row[0] is None else bytes(row[0])

    def set_identity(self, case_id: int, sealed: bytes | None, phone_match: str) -> None:
        self._conn.execute(
            "UPDATE cases SET identity = ?, phone_match = ? WHERE id = ?", (sealed, phone_match, case_id)
        )

    def fields(self, case_id: int) -> CaseFields | None:
        """The stored fields; the identity is sealed, so it comes back empty (see CaseKeys)."""
        case = self.get(case_id)
        return None if case is None else case.fields(SensitiveContact())

    def ids(self, flt: CaseFilter, visible_to: str | None, today: date) -> list[int]:
        """Ordered ids of the cases that pass ``flt``; ``visible_to`` limits to that counselor's cases."""
        where: list[str] = []
        params: list[Any] = []
        if visible_to is not None:
            where.append("c.id IN (SELECT case_id FROM case_counselors WHERE user_name = ?)")
            params.append(visible_to)
        if flt.counselor:
            where.append("c.id IN (SELECT case_id FROM case_counselors WHERE user_name = ?)")
            params.append(flt.counselor)
        if flt.statuses:
            where.append(f"c.status IN ({placeholders(len(flt.statuses))})")
            params.extend(sorted(s.value for s in flt.statuses))
        if flt.risks:
            where.append(f"c.risk IN ({placeholders(len(flt.risks))})")
            params.extend(sorted(r.value for r in flt.risks))
        if flt.incident_type:
            where.append("c.id IN (SELECT case_id FROM incident_types WHERE code = ?)")
            params.append(flt.incident_type)
        if flt.opened_from is not None:
            where.append("c.opened_on >= ?")
            params.append(flt.opened_from.isoformat())
        if flt.opened_to is not None:
            where.append("c.opened_on <= ?")
            params.append(flt.opened_to.isoformat())
        if flt.overdue_only:
            where.append(
                "(c.id IN (SELECT case_id FROM tasks WHERE done_at IS NULL AND due_on < ? AND case_id IS NOT NULL) "
                f"OR c.id IN (SELECT case_id FROM referrals WHERE status IN ({placeholders(len(AWAITING_STATUSES))}) "
                "AND follow_up_due < ?))"
            )
            params.extend([today.isoformat(), *sorted(s.value for s in AWAITING_STATUSES), today.isoformat()])
        if flt.text.strip():
            clauses = match_clauses(flt.text)
            if not clauses:
                return []
            for sql, param in clauses:
                where.append(f"c.id IN ({sql})")
                params.append(param)
        order = _SORT_SQL[flt.sort]
        direction = "DESC" if flt.descending else "ASC"
        sql = "SELECT c.id FROM cases c"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {order} {direction}, c.id {direction}"
        return [int(row[0]) for row in self._conn.execute(sql, params)]

    def summaries(self, ids: Sequence[int], today: date) -> list[CaseSummary]:
        """Rows for ``ids`` in the same order (the ids on screen, typically a few dozen)."""
        if not ids:
            return []
        marks = placeholders(len(ids))
        rows = self._conn.execute(
            f"SELECT id, number, status, risk, opened_on, alias, updated_at FROM cases WHERE id IN ({marks})", list(ids)
        ).fetchall()
        counselors: dict[int, list[str]] = {}
        for case_id, name in self._conn.execute(
            f"SELECT case_id, user_name FROM case_counselors WHERE case_id IN ({marks}) ORDER BY user_name", list(ids)
        ):
            counselors.setdefault(int(case_id), []).append(str(name))
        types: dict[int, list[str]] = {}
        for case_id, code in self._conn.execute(
            f"SELECT DISTINCT case_id, code FROM incident_types WHERE case_id IN ({marks}) ORDER BY code", list(ids)
        ):
            types.setdefault(int(case_id), []).append(str(code))
        # Overdue work, counted as the overdue filter sees it: open tasks past their date (a referral's
        # follow-up task counted through its referral) and referrals waiting past their follow-up date.
        overdue: dict[int, int] = {}
        for case_id, count in self._conn.execute(
            f"SELECT case_id, count(*) FROM tasks WHERE done_at IS NULL AND due_on < ? AND kind != 'referral_follow_up' "
            f"AND case_id IN ({marks}) GROUP BY case_id",
            [today.isoformat(), *ids],
        ):
            overdue[int(case_id)] = int(count)
        waiting = sorted(s.value for s in AWAITING_STATUSES)
        for case_id, count in self._conn.execute(
            f"SELECT case_id, count(*) FROM referrals WHERE status IN ({placeholders(len(waiting))}) "
            f"AND follow_up_due < ? AND case_id IN ({marks}) GROUP BY case_id",
            [*waiting, today.isoformat(), *ids],
        ):
            overdue[int(case_id)] = overdue.get(int(case_id), 0) + int(count)
        by_id = {
            int(r[0]): CaseSummary(
                id=int(r[0]),
                number=str(r[1]),
                status=CaseStatus(r[2]),
                risk=RiskLevel(r[3]),
                opened_on=date.fromisoformat(r[4]),
                alias=str(r[5]),
                counselors=tuple(counselors.get(int(r[0]), ())),
                incident_types=tuple(types.get(int(r[0]), ())),
                overdue_tasks=overdue.get(int(r[0]), 0),
                updated_at=from_text(r[6]),
            )
            for r in rows
        }
        return [by_id[i] for i in ids if i in by_id]

    def ids_by_phone(self, phone_match: str, exclude: int | None = None) -> list[int]:
        """Cases whose phone has this keyed hash (see :func:`safecase.crypto.case_keys.phone_match`)."""
        rows = self._conn.execute(
            "SELECT id FROM cases WHERE phone_match = ? AND id != ? ORDER BY opened_on DESC LIMIT 20",
            (phone_match, exclude or 0),
        ).fetchall()
        return [int(r[0]) for r in rows]

    def ids_by_profile(
        self, alias: str, age_band: str, branch: str, service_status: str, exclude: int | None = None
    ) -> list[int]:
        """Same alias (any case) with the same age band and affiliation: a likely repeat caller."""
        rows = self._conn.execute(
            "SELECT id FROM cases WHERE alias = ? COLLATE NOCASE AND age_band = ? AND branch = ? AND service_status = ? "
            "AND id != ? ORDER BY opened_on DESC LIMIT 20",
            (alias.strip(), age_band, branch, service_status, exclude or 0),
        ).fetchall()
        return [int(r[0]) for r in rows]

    def count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM cases").fetchone()[0])

    def taxonomy_codes(self, case_ids: Sequence[int]) -> dict[int, tuple[list[str], list[str]]]:
        """The incident-type codes and platforms recorded for each case, for indexing their labels."""
        found: dict[int, tuple[list[str], list[str]]] = {case_id: ([], []) for case_id in case_ids}
        for chunk in _chunks(case_ids):
            marks = placeholders(len(chunk))
            for case_id, code in self._conn.execute(
                f"SELECT DISTINCT case_id, code FROM incident_types WHERE case_id IN ({marks}) ORDER BY case_id, code",
                chunk,
            ):
                found[int(case_id)][0].append(str(code))
            for case_id, platform in self._conn.execute(
                "SELECT DISTINCT i.case_id, p.platform FROM incident_platforms p JOIN incidents i ON i.id = p.incident_id "
                f"WHERE i.case_id IN ({marks}) ORDER BY i.case_id, p.platform",
                chunk,
            ):
                found[int(case_id)][1].append(str(platform))
        return found

    def texts_for_index(self, case_ids: Sequence[int]) -> dict[int, list[str]]:
        """Every free text of each case that search should find (not real name or phone)."""
        found: dict[int, list[str]] = {case_id: [] for case_id in case_ids}
        for chunk in _chunks(case_ids):
            marks = placeholders(len(chunk))
            for row in self._conn.execute(
                f"SELECT id, number, alias, risk_reason, safe_contact_notes, safe_channels FROM cases WHERE id IN ({marks})",
                chunk,
            ):
                found[int(row[0])].extend(str(v) for v in row[1:])
            for sql in (
                f"SELECT case_id, summary FROM contacts WHERE case_id IN ({marks}) ORDER BY case_id, id",
                f"SELECT case_id, description FROM incidents WHERE case_id IN ({marks}) ORDER BY case_id, id",
                f"SELECT case_id, reason, outcome FROM referrals WHERE case_id IN ({marks}) ORDER BY case_id, id",
                "SELECT DISTINCT i.case_id, p.platform FROM incident_platforms p JOIN incidents i ON i.id = p.incident_id "
                f"WHERE i.case_id IN ({marks}) ORDER BY i.case_id, p.platform",
            ):
                for row in self._conn.execute(sql, chunk):
                    found[int(row[0])].extend(str(v) for v in row[1:])
        return found


def _case(row: Sequence[Any], counselors: Iterable[str], types: Iterable[str]) -> Case:
    """A case from a row of ``_COLUMNS``, its counselors and incident-type codes (each in order)."""
    return Case(
        id=int(row[0]),
        number=str(row[1]),
        status=CaseStatus(row[2]),
        opened_on=date.fromisoformat(row[3]),
        closed_on=date_or_none(row[4]),
        risk=RiskLevel(row[5]),
        risk_reason=str(row[6]),
        counselors=tuple(str(name) for name in counselors),
        profile=SurvivorProfile(
            alias=str(row[7]),
            age_band=AgeBand(row[8]),
            gender=Gender(row[9]),
            branch=str(row[10]),
            service_status=str(row[11]),
            region=str(row[12]),
            preferred_channel=str(row[13]),
            safe_channels=str(row[14]),
            safe_to_leave_message=bool_or_none(row[15]),
            safe_contact_notes=str(row[16]),
        ),
        has_sensitive=bool(row[17]),
        created_at=from_text(row[18]),
        updated_at=from_text(row[19]),
        incident_types=tuple(str(code) for code in types),
        statistics_opt_out=bool(row[20]),
    )


def _chunks(ids: Sequence[int], size: int = 500) -> Iterator[list[int]]:
    """``ids`` in slices that stay under SQLite's limit on parameters."""
    for start in range(0, len(ids), size):
        yield list(ids[start : start + size])
