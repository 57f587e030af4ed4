"""Counts for anonymized statistics reports: explicit ``GROUP BY`` over the casework tables.

Four populations, each for a period of whole months (see :class:`StatisticsWindow`):

``cases``
    Cases opened in the period whose survivor did not decline statistical use (``statistics_opt_out``).
``contacts``
    Contacts made in the period (local months), unattached ones included, those of opted-out cases not.
``referrals``
    Referrals sent (``sent_on``) in the period, drafts never, of cases not opted out.
``takedowns``
    Take-down entries reported (``reported_on``) in the period, of cases not opted out.

Every count is of records (distinct cases on the multi-valued axes: incident type, perpetrator
relation, platform), grouped by axes of codes the caller names. A stored value outside the caller's
codes (blank, or a code from a newer SafeCase) counts under ``not_recorded``, so every record lands in
exactly one cell of a single-valued axis and tables over the same population always add up alike. On a
multi-valued axis a case with no value counts once under ``not_recorded``.

One ``GROUP BY`` may take several axes at once (at most one of them multi-valued): every record has
exactly one code on each single-valued axis, so summing the result over single-valued axes gives the
exact counts by the remaining ones, distinct cases included. A report therefore reads each population
in a pass or two instead of one pass per table: on an encrypted vault of 100 000 cases each pass over
a table costs a noticeable fraction of a second (every page is decrypted and every row decoded), and
the passes, not the grouping, are what a report's time is made of.

Nothing but codes, months and counts leaves these queries: no case number, no text a person typed
(custom platform names excepted, and only those :meth:`StatisticsRepository.platform_counts` keeps
because at least k cases share them), no day. Medians need days; those facts stay with the service,
which publishes only the median of groups of at least k.

Read the whole report inside :meth:`StatisticsRepository.snapshot`, so every table sees the same
committed state and tables that share a margin agree on it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from safecase.domain.referrals import ReferralStatus
from safecase.domain.statistics import NOT_RECORDED, OTHER_PLATFORMS, TakedownOutcome
from safecase.domain.takedowns import ReportedTo, TakedownStatus
from safecase.vault.connection import Connection
from safecase.vault.repositories._rows import placeholders
from safecase.vault.repositories._time import to_text

Counts = dict[tuple[str, ...], int]
"""Counts by a tuple of codes, one per axis asked for, in the order asked."""


@dataclass(frozen=True)
class MonthSpan:
    """One month of a report: its code and where it begins and ends, as days and as UTC moments."""

    code: str
    """``YYYY-MM``."""
    first_day: date
    last_day: date
    since: datetime
    """The moment its first day begins where SafeCase runs (contacts are stored as UTC moments)."""
    until: datetime
    """The moment the day after its last day begins (excluded)."""


@dataclass(frozen=True)
class StatisticsWindow:
    """The months a report counts, in order, without gaps."""

    months: tuple[MonthSpan, ...]

    def __post_init__(self) -> None:
        if not self.months:
            raise ValueError("a statistics window holds at least one month")

    @property
    def first_day(self) -> date:
        return self.months[0].first_day

    @property
    def last_day(self) -> date:
        return self.months[-1].last_day


@dataclass(frozen=True)
class AxisCodes:
    """An axis the caller wants counts by: its name (``incident_type``) and every code it shows."""

    name: str
    codes: tuple[str, ...]


@dataclass(frozen=True)
class FirstReferralFact:
    """What the days from a case's first contact to its first referral need (no case, no text)."""

    opened_on: date
    first_contact_on: date | None
    """The local day of the case's earliest contact, None when it has none."""
    first_sent_on: date
    incident_types: tuple[str, ...]


# --- populations and axes ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Expression:
    sql: str
    join: str = ""
    multi_valued: bool = False
    params: tuple[Any, ...] = ()


_CASES_FROM = "FROM cases c"
_CASES_OPENED = "c.opened_on >= ? AND c.opened_on <= ?"
# The same, with the index on opened_on turned off (a unary + makes the term no index's business).
_CASES_OPENED_SCANNED = "+c.opened_on >= ? AND +c.opened_on <= ?"
SCAN_SHARE = 0.1
"""Above this share of all cases in the period, the cases are read by a scan of the table rather than
through the index on ``opened_on``: walking the index fetches each row apart, which on 100 000 cases
(bench_reports) cost 1.25 times the scan for twelve months out of 34 and 1.3 times for all of them, and
the same for a quarter (9 %). SQLite cannot tell by itself: a vault has no ANALYZE statistics."""

# A contact of no case counts (an anonymous one-off call); one of an opted-out case does not.
_CONTACTS_FROM = "FROM contacts ct LEFT JOIN cases c ON c.id = ct.case_id"
_CONTACTS_WHERE = "ct.at >= ? AND ct.at < ? AND (ct.case_id IS NULL OR c.statistics_opt_out = 0)"

_REFERRALS_FROM = "FROM referrals r JOIN cases c ON c.id = r.case_id JOIN organizations o ON o.id = r.organization_id"
_REFERRALS_WHERE = "r.sent_on >= ? AND r.sent_on <= ? AND r.status != ? AND c.statistics_opt_out = 0"

_TAKEDOWNS_FROM = "FROM takedowns t JOIN cases c ON c.id = t.case_id"
_TAKEDOWNS_WHERE = "t.reported_on >= ? AND t.reported_on <= ? AND c.statistics_opt_out = 0"

_TAKEDOWN_OUTCOME = (
    f"CASE t.status WHEN '{TakedownStatus.REMOVED.value}' THEN '{TakedownOutcome.REMOVED.value}' "
    f"WHEN '{TakedownStatus.REFUSED.value}' THEN '{TakedownOutcome.REFUSED.value}' "
    f"ELSE '{TakedownOutcome.PENDING.value}' END"
)

_AXES: dict[str, dict[str, _Expression]] = {
    "cases": {
        "month": _Expression("substr(c.opened_on, 1, 7)"),
        "branch": _Expression("c.branch"),
        "service_status": _Expression("c.service_status"),
        "age_band": _Expression("c.age_band"),
        "gender": _Expression("c.gender"),
        "region": _Expression("c.region"),
        # incident_types carries the case id, so no join through incidents; a case with two incidents of
        # the same type is counted once (count DISTINCT below).
        "incident_type": _Expression("it.code", "LEFT JOIN incident_types it ON it.case_id = c.id", True),
        "perpetrator_relation": _Expression(
            "inc.perpetrator_relation", "LEFT JOIN incidents inc ON inc.case_id = c.id", True
        ),
    },
    "contacts": {
        # "month" is built per window (local months as UTC ranges), see _contact_month().
        "channel": _Expression("ct.channel"),
        "caller_type": _Expression("ct.caller_type"),
    },
    "referrals": {
        "org_type": _Expression("o.org_type"),
        "referral_status": _Expression("r.status"),
        "referral_outcome": _Expression("r.outcome_code"),
    },
    "takedowns": {
        "reported_to": _Expression("t.reported_to"),
        "takedown_outcome": _Expression(_TAKEDOWN_OUTCOME),
    },
}

POPULATIONS = ("cases", "contacts", "referrals", "takedowns")


class StatisticsRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._scans: dict[tuple[date, date], bool] = {}

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[None]:
        """One read transaction for every query of a report (inside the caller's, when one is open).

        SQLite in WAL mode gives a read transaction one view of the database from its first read to its
        end, so a change committed by someone else while the report is counted is in every table or in
        none. Nothing is written, so the transaction is always rolled back.
        """
        if self._conn.in_transaction:
            yield
            return
        self._conn.execute("BEGIN DEFERRED")
        try:
            yield
        finally:
            self._conn.execute("ROLLBACK")

    # --- counts --------------------------------------------------------------------------------------------

    def counts(self, window: StatisticsWindow, population: str, axes: Sequence[AxisCodes]) -> Counts:
        """Records of ``population`` in ``window`` by every combination of ``axes`` that occurs: one
        ``GROUP BY`` (at most one multi-valued axis, whose records are counted once per code)."""
        if population not in POPULATIONS:
            raise ValueError(f"unknown population {population!r}")
        if not axes:
            raise ValueError("count by at least one axis")
        params: list[Any] = []
        selects: list[str] = []
        joins: list[str] = []
        multi_valued = 0
        for axis in axes:
            expression = self._expression(window, population, axis.name)
            if expression.join and expression.join not in joins:
                joins.append(expression.join)
            if expression.multi_valued:
                # Restricted in SQL: a case with two codes outside the axis must still count once.
                multi_valued += 1
                sql, values = _restricted(expression, axis.codes)
            else:
                # Each record has one value here, so values outside the axis are merged below, in Python,
                # over the few groups: cheaper than a CASE on every row.
                sql, values = expression.sql, list(expression.params)
            selects.append(sql)
            params += values
        if multi_valued > 1:
            # Two outer joins multiply each other's rows: a sum over either axis would no longer be exact.
            raise ValueError("one multi-valued axis per count")
        source, where, where_params = self._population(window, population)
        counted = {"cases": "c.id", "contacts": "ct.id", "referrals": "r.id", "takedowns": "t.id"}[population]
        aggregate = f"count(DISTINCT {counted})" if multi_valued else "count(*)"
        groups = ", ".join(str(n) for n in range(1, len(axes) + 1))
        sql = f"SELECT {', '.join(selects)}, {aggregate} {source} {' '.join(joins)} WHERE {where} GROUP BY {groups}"
        known = [frozenset(axis.codes) for axis in axes]
        found: Counts = {}
        for row in self._conn.execute(sql, [*params, *where_params]):
            key = tuple(str(v) if v in codes else NOT_RECORDED for v, codes in zip(row[:-1], known, strict=True))
            found[key] = found.get(key, 0) + int(row[-1])
        return found

    def platform_counts(self, window: StatisticsWindow, known: Sequence[str], k: int) -> tuple[Counts, tuple[str, ...]]:
        """Cases by platform, and the custom names kept (those at least ``k`` distinct cases share).

        ``known`` are the taxonomy's codes. A name counselors typed (a platform not on the list) is a
        row of its own only when ``k`` or more cases of the population name it; the others count
        together, once per case, under ``other_platforms``. A case with no platform at all counts under
        ``not_recorded``. Kept names come most used first, then by name.

        One pass over the cases' platforms: a listed platform is one group (its distinct cases); a typed
        name is one group per case naming it, few as they are, so the folding can count each case once.
        """
        where_params = [window.first_day.isoformat(), window.last_day.isoformat()]
        marks = placeholders(len(known)) if known else "NULL"
        rows = self._conn.execute(
            f"SELECT p.platform, CASE WHEN p.platform IN ({marks}) THEN NULL ELSE c.id END, count(DISTINCT c.id) "
            "FROM cases c JOIN incidents i ON i.case_id = c.id JOIN incident_platforms p ON p.incident_id = i.id "
            f"WHERE {self._cases_where(window)} GROUP BY 1, 2",
            [*known, *where_params],
        )
        counts: Counts = {}
        custom: dict[str, set[int]] = {}
        for platform, case_id, n in rows:
            if case_id is None:
                counts[(str(platform),)] = int(n)
            else:
                custom.setdefault(str(platform), set()).add(int(case_id))
        kept = tuple(
            sorted((name for name, ids in custom.items() if len(ids) >= k), key=lambda n: (-len(custom[n]), n))
        )
        for name in kept:
            counts[(name,)] = len(custom[name])
        folded: set[int] = set()
        for name, ids in custom.items():
            if name not in kept:
                folded |= ids
        if folded:
            counts[(OTHER_PLATFORMS,)] = len(folded)
        none = self._conn.execute(
            f"SELECT count(*) {_CASES_FROM} WHERE {self._cases_where(window)} AND NOT EXISTS ("
            "SELECT 1 FROM incidents i JOIN incident_platforms p ON p.incident_id = i.id WHERE i.case_id = c.id)",
            where_params,
        ).fetchone()
        if int(none[0]):
            counts[(NOT_RECORDED,)] = int(none[0])
        return counts, kept

    def opted_out(self, window: StatisticsWindow) -> int:
        """Cases opened in the period whose survivor declined statistical use (left out of every table)."""
        row = self._conn.execute(
            f"SELECT count(*) {_CASES_FROM} WHERE {self._opened(window)} AND c.statistics_opt_out = 1",
            (window.first_day.isoformat(), window.last_day.isoformat()),
        ).fetchone()
        return int(row[0])

    # --- facts for medians ----------------------------------------------------------------------------------

    def removal_days(self, window: StatisticsWindow) -> list[tuple[ReportedTo, int]]:
        """(where it was reported, days from report to removal) of every entry removed in the period that
        has a report date, of cases not opted out. A removal recorded before its report counts as 0 days."""
        rows = self._conn.execute(
            "SELECT t.reported_to, max(0, CAST(julianday(t.status_on) - julianday(t.reported_on) AS INTEGER)) "
            f"{_TAKEDOWNS_FROM} WHERE t.status = ? AND t.status_on >= ? AND t.status_on <= ? "
            "AND t.reported_on IS NOT NULL AND c.statistics_opt_out = 0",
            (TakedownStatus.REMOVED.value, window.first_day.isoformat(), window.last_day.isoformat()),
        )
        return [(ReportedTo(r[0]), int(r[1])) for r in rows]

    def first_referrals(self, window: StatisticsWindow) -> list[FirstReferralFact]:
        """For each case of the population with a referral sent (at any time): its opening day, its first
        contact, the day its first referral was sent and its incident types."""
        rows = self._conn.execute(
            # SQLite's 'localtime' is the C library's, as Python's astimezone() is: the same local day.
            "SELECT c.opened_on, (SELECT date(min(at), 'localtime') FROM contacts WHERE case_id = c.id), first.sent_on, "
            "(SELECT group_concat(DISTINCT code) FROM incident_types WHERE case_id = c.id) "
            "FROM (SELECT case_id, min(sent_on) AS sent_on FROM referrals WHERE status != ? AND sent_on IS NOT NULL "
            "GROUP BY case_id) first "
            f"JOIN cases c ON c.id = first.case_id WHERE {self._cases_where(window)}",
            (ReferralStatus.DRAFT.value, window.first_day.isoformat(), window.last_day.isoformat()),
        )
        return [
            FirstReferralFact(
                opened_on=date.fromisoformat(r[0]),
                first_contact_on=None if r[1] is None else date.fromisoformat(r[1]),
                first_sent_on=date.fromisoformat(r[2]),
                incident_types=tuple(sorted(str(r[3]).split(","))) if r[3] else (),
            )
            for r in rows
        ]

    # --- helpers -------------------------------------------------------------------------------------------

    def _population(self, window: StatisticsWindow, population: str) -> tuple[str, str, list[Any]]:
        first, last = window.first_day.isoformat(), window.last_day.isoformat()
        if population == "cases":
            return _CASES_FROM, self._cases_where(window), [first, last]
        if population == "contacts":
            return (
                _CONTACTS_FROM,
                _CONTACTS_WHERE,
                [to_text(window.months[0].since), to_text(window.months[-1].until)],
            )
        if population == "referrals":
            return _REFERRALS_FROM, _REFERRALS_WHERE, [first, last, ReferralStatus.DRAFT.value]
        return _TAKEDOWNS_FROM, _TAKEDOWNS_WHERE, [first, last]

    def _cases_where(self, window: StatisticsWindow) -> str:
        """The population ``cases``: opened in the period, not opted out."""
        return f"{self._opened(window)} AND c.statistics_opt_out = 0"

    def _opened(self, window: StatisticsWindow) -> str:
        """Opened in the period, read through the index on ``opened_on`` when those are few of all cases."""
        span = (window.first_day, window.last_day)
        if span not in self._scans:
            total = int(self._conn.execute("SELECT count(*) FROM cases").fetchone()[0])
            inside = int(
                self._conn.execute(
                    "SELECT count(*) FROM cases WHERE opened_on >= ? AND opened_on <= ?",
                    (window.first_day.isoformat(), window.last_day.isoformat()),
                ).fetchone()[0]
            )
            self._scans[span] = inside > SCAN_SHARE * total
        return _CASES_OPENED_SCANNED if self._scans[span] else _CASES_OPENED

    @staticmethod
    def _expression(window: StatisticsWindow, population: str, axis: str) -> _Expression:
        if population == "contacts" and axis == "month":
            return _contact_month(window)
        try:
            return _AXES[population][axis]
        except KeyError:
            raise ValueError(f"no axis {axis!r} for {population}") from None


def _contact_month(window: StatisticsWindow) -> _Expression:
    """The local month of a contact: its UTC moment against the months' UTC bounds (moments are stored as
    UTC text of one fixed form, so they compare as text)."""
    params: list[Any] = []
    for month in window.months:
        params += [to_text(month.until), month.code]
    return _Expression("CASE" + " WHEN ct.at < ? THEN ?" * len(window.months) + " END", params=tuple(params))


def _restricted(expression: _Expression, codes: Sequence[str]) -> tuple[str, list[Any]]:
    """The expression where it is one of ``codes``, else ``not_recorded`` (blank, NULL from an outer join,
    a code this version does not know); with the parameters of the SQL returned, in order."""
    if not codes:
        return "?", [NOT_RECORDED]
    sql, own = expression.sql, list(expression.params)
    return (
        f"CASE WHEN {sql} IN ({placeholders(len(codes))}) THEN {sql} ELSE ? END",
        [*own, *codes, *own, NOT_RECORDED],
    )
