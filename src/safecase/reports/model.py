"""The counts a statistics report is made of, before anything is hidden: plain data, no I/O, no Qt.

A report is a list of tables over a few *populations* (cases opened in the period, contacts, referrals,
take-down entries). Every number in every table — each cell, each row total, each column total, each
grand total — is a *quantity* with a stable key. Two tables that publish the same number (the one-way
table "cases by incident type" and the row totals of "incident type by month") publish the same
quantity, so suppression treats them as one cell and an attacker's equations link the tables exactly
as they link in the data.

Keys: ``population`` then ``axis=code`` parts sorted by axis name, joined by ``|``
(``cases|incident_type=rape|month=2026-03``). Summing over a *single-valued* axis (each record has
exactly one value: month, branch, age band) removes the axis from the key. Summing over a
*multi-valued* axis (a case may have several incident types or platforms) does not give the
population's size, so that sum is written ``axis=*`` (``cases|incident_type=*`` is the number of
incident-type mentions, never the number of cases).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

ALL = "*"
"""The code of a sum over a multi-valued axis."""


@dataclass(frozen=True)
class Axis:
    """One dimension of a table: its name (``incident_type``), its category codes in display order, and
    whether one record can fall under several codes at once (then a sum over it is not a head count)."""

    name: str
    codes: tuple[str, ...]
    multi_valued: bool = False


def quantity_key(population: str, parts: dict[str, str]) -> str:
    """The key of a count: the population and its ``axis=code`` parts, sorted by axis name."""
    return "|".join([population, *(f"{name}={code}" for name, code in sorted(parts.items()))])


@dataclass(frozen=True)
class CountTable:
    """Counts of one population by one axis (a one-way table) or two (a cross-table), with every margin.

    ``values`` holds the interior only, keyed ``(row_code, column_code)`` (``column_code`` is ``""``
    in a one-way table); a missing key is a zero. Margins are sums of the interior, computed here, so
    they can never disagree with it.
    """

    key: str
    """Stable identifier, also the sheet and CSV section name (``cases_by_incident_type``)."""
    population: str
    rows: Axis
    columns: Axis | None = None
    values: dict[tuple[str, str], int] = field(default_factory=dict)
    fixed: dict[str, str] = field(default_factory=dict)
    """Axis parts every quantity of this table shares (none so far; kept so keys stay honest)."""

    def value(self, row: str, column: str = "") -> int:
        return self.values.get((row, column), 0)

    @property
    def column_codes(self) -> tuple[str, ...]:
        return self.columns.codes if self.columns else ("",)

    # --- keys of the table's quantities -------------------------------------------------------------

    def _key(self, row: str | None, column: str | None) -> str:
        parts = dict(self.fixed)
        if row is not None:
            parts[self.rows.name] = row
        elif self.rows.multi_valued:
            parts[self.rows.name] = ALL
        if self.columns is not None:
            if column is not None:
                parts[self.columns.name] = column
            elif self.columns.multi_valued:
                parts[self.columns.name] = ALL
        return quantity_key(self.population, parts)

    def cell_key(self, row: str, column: str = "") -> str:
        return self._key(row, column if self.columns else None)

    def row_total_key(self, row: str) -> str:
        """In a one-way table a row's cell *is* its row total: the same key."""
        return self._key(row, None)

    def column_total_key(self, column: str) -> str:
        return self._key(None, column)

    def grand_total_key(self) -> str:
        return self._key(None, None)

    # --- values of the margins ----------------------------------------------------------------------

    def row_total(self, row: str) -> int:
        return sum(self.value(row, c) for c in self.column_codes)

    def column_total(self, column: str) -> int:
        return sum(self.value(r, column) for r in self.rows.codes)

    def grand_total(self) -> int:
        return sum(self.values.values())

    def quantities(self) -> Iterator[tuple[str, int]]:
        """Every (key, value) the table publishes: interior, row totals, column totals, grand total."""
        for r in self.rows.codes:
            for c in self.column_codes:
                yield self.cell_key(r, c), self.value(r, c)
        if self.columns is not None:
            for r in self.rows.codes:
                yield self.row_total_key(r), self.row_total(r)
            for c in self.columns.codes:
                yield self.column_total_key(c), self.column_total(c)
        yield self.grand_total_key(), self.grand_total()


@dataclass(frozen=True)
class MedianRow:
    code: str
    size: int
    """How many records the median is taken over (never published; decides whether the median is)."""
    median_days: float | None


@dataclass(frozen=True)
class MedianTable:
    """A median (in days) per category, shown only for groups of at least k records."""

    key: str
    rows: Axis
    values: tuple[MedianRow, ...]


Table = CountTable | MedianTable
