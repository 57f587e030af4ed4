"""Suppression attacked the way a reader would: linear programming over everything a report publishes.

Random case sets are counted into the tables the real report has (cases by month, by branch, by incident
type — multi-valued —, incident type by month, incident type by branch); ``suppress`` hides cells; then
for every hidden cell SciPy's ``linprog`` minimises and maximises it subject to every shown value, every
equation and inequality of :func:`safecase.reports.relations.relations` and the bounds a ``<k`` or ``X``
cell gives away. The interval must be wider than one value. The heavier run of the same checks is
``tests/benchmarks/proof_suppression.py``.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from safecase.reports.model import ALL, Axis, CountTable
from safecase.reports.relations import relations
from safecase.reports.suppression import MIN_K, CellState, Suppression, known_bounds, suppress

MONTHS = ("2026-01", "2026-02", "2026-03", "2026-04")
TYPES = ("filming", "distribution", "threat", "grooming", "deepfake", "not_recorded")
BRANCHES = ("army", "navy", "air_force", "marines")


@dataclass(frozen=True)
class Case:
    month: str
    incident_types: frozenset[str]
    branch: str


def count_tables(
    cases: Iterable[Case],
    months: Sequence[str] = MONTHS,
    types: Sequence[str] = TYPES,
    branches: Sequence[str] = BRANCHES,
) -> list[CountTable]:
    """The cases counted into the report's case tables (the real counting is SQL in the service)."""
    by_month: Counter[tuple[str, str]] = Counter()
    by_branch: Counter[tuple[str, str]] = Counter()
    by_type: Counter[tuple[str, str]] = Counter()
    type_month: Counter[tuple[str, str]] = Counter()
    type_branch: Counter[tuple[str, str]] = Counter()
    for case in cases:
        by_month[case.month, ""] += 1
        by_branch[case.branch, ""] += 1
        for t in case.incident_types:
            by_type[t, ""] += 1
            type_month[t, case.month] += 1
            type_branch[t, case.branch] += 1
    month = Axis("month", tuple(months))
    branch = Axis("branch", tuple(branches))
    incident_type = Axis("incident_type", tuple(types), multi_valued=True)
    return [
        CountTable("new_cases_by_month", "cases", month, values=dict(by_month)),
        CountTable("incident_types", "cases", incident_type, values=dict(by_type)),
        CountTable("incident_type_by_month", "cases", incident_type, month, values=dict(type_month)),
        CountTable("incident_type_by_branch", "cases", incident_type, branch, values=dict(type_branch)),
        CountTable("branches", "cases", branch, values=dict(by_branch)),
    ]


@dataclass(frozen=True)
class Interval:
    """Values linear programming reached for one hidden cell: its possible interval holds at least
    [low, high], which holds the true value."""

    key: str
    true_value: int
    low: float
    high: float  # inf when unbounded

    @property
    def width(self) -> float:
        return self.high - self.low


def lp_intervals(tables: Sequence[CountTable], result: Suppression) -> list[Interval]:
    """For every hidden cell of the published tables, how far linear programming can move it.

    The attacker's system: shown values fixed (zeros included), ``known_bounds`` for hidden cells, every
    equation and inequality of the tables that are published (a withheld table contributes nothing).
    Each cell is minimised (or, when its true value is its lowest possible, maximised) and then, if that
    did not move it by one, optimised the other way. Every optimum is a whole point of the system, so it
    also shows how far it moved the *other* hidden cells: a cell it moved by one or more needs no
    program of its own. So ``low``/``high`` are what was reached (the true extremes may lie further).
    """
    published = [t for t in tables if t.key not in result.withheld_tables]
    rel = relations(published)
    hidden = [key for key in rel.values if result.states[key] is not CellState.SHOWN]
    if not hidden:
        return []
    col = {key: i for i, key in enumerate(hidden)}
    n = len(hidden)

    def row(terms: Iterable[tuple[str, float]]) -> tuple[list[float], float]:
        """Coefficients over the hidden cells and the constant the shown ones add."""
        coefs, constant = [0.0] * n, 0.0
        for key, coef in terms:
            if key in col:
                coefs[col[key]] += coef
            else:
                constant += coef * rel.values[key]
        return coefs, constant

    a_eq, b_eq = [], []
    for eq in rel.equations:
        coefs, constant = row([(eq.total, -1.0), *((p, 1.0) for p in eq.parts)])
        if any(coefs):
            a_eq.append(coefs)
            b_eq.append(-constant)
        else:
            assert constant == 0, f"shown values break {eq}"
    a_ub, b_ub = [], []
    for ineq in rel.at_most:
        coefs, constant = row([(ineq.smaller, 1.0), (ineq.larger, -1.0)])
        if any(coefs):
            a_ub.append(coefs)
            b_ub.append(-constant)
        else:
            assert constant <= 0, f"shown values break {ineq}"
    system = {
        "A_ub": np.array(a_ub) if a_ub else None,
        "b_ub": np.array(b_ub) if b_ub else None,
        "A_eq": np.array(a_eq) if a_eq else None,
        "b_eq": np.array(b_eq) if b_eq else None,
        "bounds": [known_bounds(result.states[key], rel.values[key], result.k) for key in hidden],
        "method": "highs",
    }
    true = np.array([rel.values[key] for key in hidden], dtype=float)
    low, high = true.copy(), true.copy()
    for key in hidden:
        j = col[key]
        at_lowest = true[j] <= system["bounds"][j][0]
        for sense in (-1.0, 1.0) if at_lowest else (1.0, -1.0):
            if high[j] - low[j] >= 1 - 1e-6:
                break
            c = np.zeros(n)
            c[j] = sense
            res = linprog(c, **system)
            if res.status == 3:  # unbounded: only ever upwards (every count is at least 0)
                assert sense < 0
                high[j] = np.inf
                continue
            assert res.status == 0, f"the true values should be feasible: {res.message}"
            np.minimum(low, res.x, out=low)
            np.maximum(high, res.x, out=high)
    return [Interval(key, rel.values[key], float(low[col[key]]), float(high[col[key]])) for key in hidden]


def check_suppression(tables: Sequence[CountTable], result: Suppression) -> list[Interval]:
    """Every property the report relies on; returns the LP intervals (for the figures of the proof run)."""
    k = result.k
    every_key = {key for t in tables for key, _ in t.quantities()}
    assert set(result.states) == every_key, "every quantity of every table has a state"
    published = [t for t in tables if t.key not in result.withheld_tables]
    published_keys = {key for t in published for key, _ in t.quantities()}
    assert result.withheld_keys == every_key - published_keys
    for table in published:
        for key, value in table.quantities():
            state = result.states[key]
            if value == 0:
                assert state is CellState.SHOWN, f"{key}: a zero is shown as zero"
            elif value < k:
                assert state is CellState.PRIMARY, f"{key}={value} must be shown as <{k}"
            else:
                assert state is not CellState.PRIMARY, f"{key}={value} is not a small count"
        # what a reader sees of the table: shown numbers, sums of the true interior where shown
        for r in table.rows.codes:
            if result.states[table.row_total_key(r)] is CellState.SHOWN:
                assert table.row_total(r) == sum(table.value(r, c) for c in table.column_codes)
        if result.states[table.grand_total_key()] is CellState.SHOWN:
            assert table.grand_total() == sum(table.values.values())
    for key in result.withheld_keys:
        assert result.states[key] is not CellState.SHOWN, f"{key} is published nowhere and hidden"
    # what the attacker is granted is true of the data (else the linear programs below prove nothing)
    rel = relations(published)
    for eq in rel.equations:
        assert rel.values[eq.total] == sum(rel.values[p] for p in eq.parts), eq
    for ineq in rel.at_most:
        assert rel.values[ineq.smaller] <= rel.values[ineq.larger], ineq
    intervals = lp_intervals(tables, result)
    for interval in intervals:
        assert interval.low <= interval.true_value <= interval.high
        assert interval.width >= 1 - 1e-6, (
            f"{interval.key}={interval.true_value} can be worked out: [{interval.low}, {interval.high}]"
        )
    return intervals


# --- random case sets --------------------------------------------------------------------------------

case_groups = st.lists(
    st.tuples(
        st.sampled_from(MONTHS[:3]),
        st.frozensets(st.sampled_from(TYPES), min_size=1, max_size=3),
        st.sampled_from(BRANCHES),
        # many groups of one case (the dangerous counts), a few large ones (the counts that are shown)
        st.sampled_from((1, 1, 1, 1, 2, 3, 6, 20)),
    ),
    max_size=30,
)


def expand(groups: Iterable[tuple[str, frozenset[str], str, int]]) -> list[Case]:
    return [Case(m, types, b) for m, types, b, times in groups for _ in range(times)]


def random_cases(rng: random.Random, size: int) -> list[Case]:
    """The same shape as ``case_groups``, for runs without Hypothesis (the proof run)."""
    groups = []
    for _ in range(rng.randint(0, size)):
        types = frozenset(rng.sample(TYPES, rng.randint(1, 3)))
        groups.append((rng.choice(MONTHS[:3]), types, rng.choice(BRANCHES), rng.choice((1, 1, 1, 1, 2, 3, 6, 20))))
    return expand(groups)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(groups=case_groups, k=st.sampled_from((3, 5, 7)))
def test_no_hidden_cell_can_be_worked_out(groups: list[tuple[str, frozenset[str], str, int]], k: int) -> None:
    tables = count_tables(expand(groups))
    result = suppress(tables, k)
    check_suppression(tables, result)
    assert suppress(tables, k) == result, "the same tables always give the same suppression"


# --- examples that once went wrong, or easily could -----------------------------------------------------


def cases_from(rows: Iterable[tuple[str, str | tuple[str, ...], str, int]]) -> list[Case]:
    out = []
    for month, types, branch, times in rows:
        names = (types,) if isinstance(types, str) else types
        out.extend(Case(month, frozenset(names), branch) for _ in range(times))
    return out


def test_two_ones_whose_sum_of_two_the_shown_numbers_give_away_get_company() -> None:
    # filming by month: 1, 1, 10 under a shown row total of 12. Hidden alone, the two <5 cells would
    # sum to 12 - 10 = 2, so both are 1: a further cell of the row (or of its columns) must be hidden.
    cases = cases_from(
        [
            ("2026-01", "filming", "army", 1),
            ("2026-02", "filming", "navy", 1),
            ("2026-03", "filming", "army", 10),
            *((m, t, b, 9) for m in MONTHS[:3] for t in TYPES[1:4] for b in BRANCHES[:2]),
        ]
    )
    tables = count_tables(cases)
    result = suppress(tables, 5)
    row = [f"cases|incident_type=filming|month={m}" for m in MONTHS[:3]]
    assert [result.state(key) for key in row[:2]] == [CellState.PRIMARY, CellState.PRIMARY]
    assert result.secondary_count > 0
    check_suppression(tables, result)


def test_two_ones_under_their_own_small_total_are_protected_across_tables() -> None:
    # filming: one case in January, one in February: the row total 2 is itself <5 — and a margin of
    # the one-way table, whose shown mentions total would give it away unless another type is hidden
    cases = cases_from(
        [
            ("2026-01", "filming", "army", 1),
            ("2026-02", "filming", "navy", 1),
            *((m, t, b, 9) for m in MONTHS[:3] for t in TYPES[1:4] for b in BRANCHES[:2]),
        ]
    )
    tables = count_tables(cases)
    result = suppress(tables, 5)
    assert result.state("cases|incident_type=filming") is CellState.PRIMARY
    one_way = tables[1]
    assert any(result.state(one_way.cell_key(t)) is CellState.SECONDARY for t in TYPES[1:])
    check_suppression(tables, result)


def test_five_ones_under_a_total_of_five_are_not_all_ones() -> None:
    # five months, one deepfake case each: the total 5 would prove every cell is 1
    months = ("2026-01", "2026-02", "2026-03", "2026-04", "2026-05")
    cases = cases_from(
        [
            *((m, "deepfake", "army", 1) for m in months),
            *((m, t, b, 7) for m in months for t in ("threat", "grooming") for b in BRANCHES[:3]),
        ]
    )
    tables = count_tables(cases, months=months)
    result = suppress(tables, 5)
    assert all(result.state(f"cases|incident_type=deepfake|month={m}") is CellState.PRIMARY for m in months)
    assert result.state("cases|incident_type=deepfake") is not CellState.SHOWN
    check_suppression(tables, result)


def test_a_small_margin_shared_by_three_tables_is_protected_in_each() -> None:
    # threat: 3 cases, a margin of the one-way table and of both cross-tables
    cases = cases_from(
        [
            ("2026-01", "threat", "army", 2),
            ("2026-02", ("threat", "filming"), "navy", 1),
            *((m, t, b, 8) for m in MONTHS[:3] for t in ("filming", "distribution") for b in BRANCHES[:3]),
        ]
    )
    tables = count_tables(cases)
    result = suppress(tables, 5)
    assert result.state("cases|incident_type=threat") is CellState.PRIMARY
    assert {t.key for t in tables if "cases|incident_type=threat" in dict(t.quantities())} == {
        "incident_types",
        "incident_type_by_month",
        "incident_type_by_branch",
    }
    intervals = {i.key: i for i in check_suppression(tables, result)}
    assert intervals["cases|incident_type=threat"].width >= 1


def test_ones_under_a_small_total_that_the_zeros_give_away_withhold_only_their_table() -> None:
    # deepfake: 4 cases in 4 different months. With k=5 the row reads <5 <5 <5 <5 | <5, and four
    # non-zero counts summing to at most 4 are all 1: nothing left to hide (zeros stay zeros) helps.
    cases = cases_from(
        [
            *((m, "deepfake", "army", 1) for m in MONTHS),
            *((m, t, b, 6) for m in MONTHS for t in ("threat", "grooming") for b in BRANCHES),
        ]
    )
    tables = count_tables(cases)
    result = suppress(tables, 5)
    assert result.withheld_tables == {"incident_type_by_month"}
    # its row total is still published by the other tables, as a protected <5
    assert result.state("cases|incident_type=deepfake") is CellState.PRIMARY
    assert "cases|incident_type=deepfake" not in result.withheld_keys
    assert "cases|incident_type=deepfake|month=2026-01" in result.withheld_keys
    check_suppression(tables, result)


@pytest.mark.parametrize("size", [1, 2, 4])
def test_a_population_smaller_than_k_is_withheld_whole(size: int) -> None:
    cases = cases_from([("2026-01", ("filming", "threat"), "army", size)])
    tables = count_tables(cases)
    result = suppress(tables, 5)
    assert result.withheld_tables == {t.key for t in tables}
    assert result.primary_count == result.secondary_count == 0
    assert all(state is not CellState.SHOWN for state in result.states.values())
    check_suppression(tables, result)


def test_no_cases_at_all_shows_zeros() -> None:
    tables = count_tables([])
    result = suppress(tables, 5)
    assert result.withheld_tables == frozenset()
    assert set(result.states.values()) == {CellState.SHOWN}


def test_a_large_population_with_no_small_counts_hides_nothing() -> None:
    cases = cases_from([(m, t, b, 5) for m in MONTHS for t in TYPES for b in BRANCHES])
    result = suppress(count_tables(cases), 5)
    assert result.primary_count == result.secondary_count == 0
    assert set(result.states.values()) == {CellState.SHOWN}


def test_k_below_the_minimum_is_refused() -> None:
    with pytest.raises(ValueError, match=f"at least {MIN_K}"):
        suppress(count_tables([]), MIN_K - 1)


def test_relations_link_the_tables_through_shared_quantities() -> None:
    cases = cases_from([("2026-01", ("filming", "threat"), "army", 6), ("2026-02", "filming", "navy", 7)])
    rel = relations(count_tables(cases))
    totals = {eq.total for eq in rel.equations}
    assert f"cases|incident_type={ALL}" in totals and "cases" in totals
    # the one-way table's cell is the cross-tables' row total: one quantity published by three tables
    assert rel.tables_of["cases|incident_type=filming"] == (
        "incident_types",
        "incident_type_by_month",
        "incident_type_by_branch",
    )
    pairs = {(a.smaller, a.larger) for a in rel.at_most}
    assert ("cases|incident_type=filming|month=2026-01", "cases|month=2026-01") in pairs
    assert ("cases|month=2026-01", f"cases|incident_type={ALL}|month=2026-01") in pairs
    assert ("cases", f"cases|incident_type={ALL}") in pairs
    # a part is at most its total already by the equations: not repeated as an inequality
    assert ("cases|incident_type=filming|month=2026-01", "cases|incident_type=filming") not in pairs
