"""What a reader of a report knows about its numbers besides the numbers shown: equations and inequalities.

Suppression must hide cells so that no hidden value can be worked out from everything published. This
module states *everything published* as the reader's equations and inequalities over the report's
quantities (keys as in :mod:`safecase.reports.model`), so the suppression algorithm
(:mod:`safecase.reports.suppression`) and the tests that attack its output with linear programming
reason about exactly the same system:

- **Equations**: in every table each row sums to its row total, each column to its column total, and
  the totals to the grand total (a one-way table: its cells sum to its total). Tables that share a
  quantity (a one-way table and the margin of a cross-table; the population total of every one-way
  table over a single-valued axis) share its variable, so the equations link the tables.
- **Inequalities** from how the counts nest (``x[a] <= x[b]``), for any two quantities of the report:
  the records (or record–code pairs) one counts are among those the other counts. Dropping a condition
  counts more (cases of type rape opened in March <= cases opened in March); replacing a code by ``*``
  counts more (type rape <= all type mentions); and dropping a ``*`` part counts fewer, because every
  record has at least one code on every multi-valued axis (``not_recorded`` when it has none), so the
  mentions are at least the records (type mentions in March >= cases opened in March).

The bounds a reader knows from a cell's state (shown exactly, ``<k`` or ``X``) are added by
:func:`safecase.reports.suppression.known_bounds`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import product

from safecase.reports.model import ALL, CountTable, quantity_key


@dataclass(frozen=True)
class Equation:
    """``x[total] == sum(x[part] for part in parts)``."""

    total: str
    parts: tuple[str, ...]


@dataclass(frozen=True)
class AtMost:
    """``x[smaller] <= x[larger]``: every record (or record–code pair) counted in one is counted in the other."""

    smaller: str
    larger: str


@dataclass(frozen=True)
class Relations:
    values: dict[str, int]
    """Every quantity the tables publish and its true value, in the order the tables first list them."""
    equations: tuple[Equation, ...]
    at_most: tuple[AtMost, ...]
    """Only those the equations do not already imply (a part is at most its total, as counts are >= 0)."""
    tables_of: dict[str, tuple[str, ...]]
    """For each quantity, the keys of the tables that publish it."""


@dataclass(frozen=True)
class _Quantity:
    key: str
    population: str
    parts: frozenset[tuple[str, str]]


def _table_quantities(table: CountTable) -> Iterator[tuple[_Quantity, int]]:
    """The table's quantities with their ``axis=code`` parts, checked against the keys the table gives.

    The parts are rebuilt here rather than parsed back out of the keys, because codes (custom platform
    names) may contain the separators.
    """

    def quantity(key: str, row: str | None, column: str | None) -> _Quantity:
        parts = dict(table.fixed)
        if row is not None or table.rows.multi_valued:
            parts[table.rows.name] = ALL if row is None else row
        if table.columns is not None and (column is not None or table.columns.multi_valued):
            parts[table.columns.name] = ALL if column is None else column
        if quantity_key(table.population, parts) != key:
            raise ValueError(f"table {table.key}: quantity key {key!r} does not match its parts")
        return _Quantity(key, table.population, frozenset(parts.items()))

    for r in table.rows.codes:
        for c in table.column_codes:
            yield quantity(table.cell_key(r, c), r, c if table.columns else None), table.value(r, c)
    if table.columns is not None:
        for r in table.rows.codes:
            yield quantity(table.row_total_key(r), r, None), table.row_total(r)
        for c in table.columns.codes:
            yield quantity(table.column_total_key(c), None, c), table.column_total(c)
    yield quantity(table.grand_total_key(), None, None), table.grand_total()


def _table_equations(table: CountTable) -> Iterator[Equation]:
    if table.columns is None:
        yield Equation(table.grand_total_key(), tuple(table.cell_key(r) for r in table.rows.codes))
        return
    columns = table.columns.codes
    for r in table.rows.codes:
        yield Equation(table.row_total_key(r), tuple(table.cell_key(r, c) for c in columns))
    for c in columns:
        yield Equation(table.column_total_key(c), tuple(table.cell_key(r, c) for r in table.rows.codes))
    yield Equation(table.grand_total_key(), tuple(table.row_total_key(r) for r in table.rows.codes))
    yield Equation(table.grand_total_key(), tuple(table.column_total_key(c) for c in columns))


def relations(tables: Sequence[CountTable]) -> Relations:
    """Everything a reader of these tables (published together, over the same records) can rely on."""
    values: dict[str, int] = {}
    quantities: dict[str, _Quantity] = {}
    tables_of: dict[str, list[str]] = {}
    for table in tables:
        for q, value in _table_quantities(table):
            if values.setdefault(q.key, value) != value:
                raise ValueError(f"quantity {q.key} has two values: {values[q.key]} and {value}")
            quantities[q.key] = q
            if table.key not in tables_of.setdefault(q.key, []):
                tables_of[q.key].append(table.key)

    equations: dict[tuple[str, frozenset[str]], Equation] = {}
    for table in tables:
        for eq in _table_equations(table):
            equations.setdefault((eq.total, frozenset(eq.parts)), eq)

    # x[a] <= x[b] for every nesting pair; then keep only what the equations and the other pairs do not
    # already imply, so the attacker's system (and the search in suppression) stays small.
    by_parts = {(q.population, q.parts): q.key for q in quantities.values()}
    implied: dict[str, set[str]] = {}  # smaller -> larger, from "a part is at most its total"
    for eq in equations.values():
        for part in eq.parts:
            implied.setdefault(part, set()).add(eq.total)
    nested: dict[str, set[str]] = {}
    for q in quantities.values():
        for larger in _counting_more(q, by_parts):
            nested.setdefault(q.key, set()).add(larger)
        for smaller in _counting_fewer(q, by_parts):
            nested.setdefault(smaller, set()).add(q.key)
    above = {key: implied.get(key, set()) | nested.get(key, set()) for key in values}
    at_most = []
    for smaller, larger_keys in nested.items():
        for larger in larger_keys:
            if larger in implied.get(smaller, set()):
                continue
            if any(larger in above[middle] for middle in above[smaller] if middle != larger):
                continue
            at_most.append(AtMost(smaller, larger))
    order = {key: i for i, key in enumerate(values)}
    at_most.sort(key=lambda a: (order[a.smaller], order[a.larger]))
    return Relations(
        values=values,
        equations=tuple(equations.values()),
        at_most=tuple(at_most),
        tables_of={key: tuple(keys) for key, keys in tables_of.items()},
    )


def _counting_more(q: _Quantity, by_parts: dict[tuple[str, frozenset[tuple[str, str]]], str]) -> Iterator[str]:
    """Quantities of the report that count everything ``q`` counts: a code dropped or replaced by ``*``."""
    choices = [[(axis, code), None, (axis, ALL)] if code != ALL else [(axis, code)] for axis, code in q.parts]
    for pick in product(*choices):
        parts = frozenset(p for p in pick if p is not None)
        if parts != q.parts and (key := by_parts.get((q.population, parts))) is not None:
            yield key


def _counting_fewer(q: _Quantity, by_parts: dict[tuple[str, frozenset[tuple[str, str]]], str]) -> Iterator[str]:
    """Quantities that count at most what ``q`` counts: one or more of its ``*`` parts dropped."""
    choices = [[(axis, code), None] if code == ALL else [(axis, code)] for axis, code in q.parts]
    for pick in product(*choices):
        parts = frozenset(p for p in pick if p is not None)
        if parts != q.parts and (key := by_parts.get((q.population, parts))) is not None:
            yield key
