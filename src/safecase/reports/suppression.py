"""Small-cell and secondary suppression over every table of a report at once.

**Primary**: every count from 1 to k-1 is hidden and printed ``<k``. **Secondary**: further counts
(always >= k: smaller ones are primary already and a zero is never hidden) are hidden, printed ``X``,
until no hidden count can be worked out from what is published. Zero stays zero and is known exactly.

*What a reader knows* is :func:`safecase.reports.relations.relations` (every table's sums, shared
quantities linking the tables, and how counts nest) plus, per cell, :func:`known_bounds`: a shown
number exactly, a ``<k`` cell between 1 and k-1, an ``X`` cell at least k.

*When a hidden cell is safe*: when there is a **witness**, a second whole set of values for the hidden
cells, in whole numbers, that keeps every shown number, every equation, every inequality and every
bound, and differs from the true value of that cell. Then the true table and the witness are both
consistent with everything published, so the cell's possible values (what linear programming over the
published system finds: the tests check exactly that) span at least two numbers. A witness changes
several cells at once (a cycle through rows and columns, following shared totals into other tables), so
one witness proves every cell it changes.

*The algorithm*: hide the primary cells; then, for each hidden cell not yet proved, search for a witness
(a bounded depth-first search that follows the equations: move the cell by one, then repeatedly take
the equation or inequality left most constrained and move a hidden cell by one to repair it, preferring
the move that also repairs another, which closes a cycle; a cell may move by up to ``_MAX_STEP``, as a
case with three incident types moves three cells and their total by three). If none is found, hide one
more cell — among the shown cells that blocked the search, the one that costs least: not a total, then
the smallest; if nothing shown blocked it, the cheapest shown cell nearest to it — and search again.
Hiding a cell only loosens what a reader knows, so a witness found earlier stays valid: the loop only
ever adds cells, and ends. Last, each secondary cell, latest first, is shown again if every cell whose
witness moved it finds another without it (cells hidden early for one count's sake are often made
unnecessary by cells hidden later for another's). Everything follows table order, so the same tables
give the same result.

*Withheld tables*: a table about fewer than k records (a period with 3 new cases) is not published at
all: every one of its numbers would be ``<k`` or 0, so all it could tell is which categories those few
people fall in, and with one record it would be that person's profile. A table is also withheld when
a cell of it would be known exactly even with every non-zero count hidden — zeros stay shown, so a row
of four ones under a ``<5`` total gives every one of them away — found first by propagating bounds
(see :func:`_pinned_by_zeros`) and, as a last resort, when a cell has no witness with everything
connected to it hidden. The other tables are then protected again without it: a withheld table adds
nothing to what a reader knows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from safecase.reports.model import CountTable, quantity_key
from safecase.reports.relations import Relations, relations

MIN_K = 3
DEFAULT_K = 5

_NODE_BUDGET = 200
"""Steps one witness search may take (each direction). A search that runs out hides one more cell, which
is safe (only more is hidden); the budget trades a little over-suppression for a bounded time."""
_CLEANUP_BUDGET = 60
"""Steps a witness search may take when checking whether a secondary cell can be shown again after all
(running out keeps it hidden: safe, and it bounds the time that check adds)."""
_MAX_CHANGED = 64
"""At most this many cells changed by one witness."""
_MAX_STEP = 4
"""At most this far one cell moves in a witness."""
_PROPAGATION_ROUNDS = 30
"""Rounds of bound propagation looking for quantities the zeros alone pin (a fixed point comes sooner)."""


class CellState(StrEnum):
    SHOWN = "shown"
    PRIMARY = "primary"
    """A count from 1 to k-1: shown as ``<k``."""
    SECONDARY = "secondary"
    """A count hidden so that no primary cell can be worked out from totals or other tables."""


@dataclass(frozen=True)
class Suppression:
    k: int
    states: dict[str, CellState]
    """By quantity key (see :mod:`safecase.reports.model`); every quantity of every table has one.
    A quantity that only withheld tables hold is SECONDARY whatever its value (it is published nowhere)."""
    withheld_tables: frozenset[str] = frozenset()
    """Keys of tables that cannot be published safely however many cells are hidden (too few records):
    the report shows a note in their place and none of their cells."""
    withheld_keys: frozenset[str] = frozenset()
    """Quantities that only withheld tables hold: not counted as suppressions (their table is not shown)."""

    def state(self, key: str) -> CellState:
        return self.states[key]

    @property
    def primary_count(self) -> int:
        return sum(1 for key, s in self.states.items() if s is CellState.PRIMARY and key not in self.withheld_keys)

    @property
    def secondary_count(self) -> int:
        return sum(1 for key, s in self.states.items() if s is CellState.SECONDARY and key not in self.withheld_keys)


def known_bounds(state: CellState, value: int, k: int) -> tuple[int, int | None]:
    """What a reader knows of one published cell: (lowest, highest or None for no upper bound).

    A hidden cell's true value is never among what the reader learns here beyond its state: a ``<k``
    cell is from 1 to k-1 (a zero is never hidden) and an ``X`` cell is at least k (secondary cells are
    chosen only among counts of k or more, which the reader may know)."""
    if state is CellState.SHOWN:
        return value, value
    if state is CellState.PRIMARY:
        return 1, k - 1
    return k, None


def suppress(tables: Sequence[CountTable], k: int = DEFAULT_K) -> Suppression:
    """Hide the cells of ``tables`` (all of one report, over the same records) that must not be shown."""
    if k < MIN_K:
        raise ValueError(f"k must be at least {MIN_K}")
    all_values: dict[str, int] = {}
    for table in tables:
        for key, value in table.quantities():
            all_values[key] = value
    withheld = {table.key for table in tables if _too_few_records(table, all_values, k)}
    while True:
        published = [table for table in tables if table.key not in withheld]
        rel = relations(published)
        pinned = _pinned_by_zeros(rel, k)
        if pinned is not None:
            withheld.update(rel.tables_of[pinned])
            continue
        protector = _Protector(rel, k)
        unprotectable = protector.run()
        if unprotectable is None:
            break
        # Last resort: nothing around this cell is left to hide. Drop the tables that publish it and
        # protect what remains from the start (what is left is a different system).
        withheld.update(rel.tables_of[unprotectable])
    states = protector.states()
    withheld_keys = frozenset(key for key in all_values if key not in rel.values)
    for key in withheld_keys:
        states[key] = CellState.SECONDARY
    return Suppression(k, states, frozenset(withheld), withheld_keys)


def _too_few_records(table: CountTable, values: dict[str, int], k: int) -> bool:
    """Whether the table is about 1 to k-1 records (its head count, not its number of mentions)."""
    head = values.get(quantity_key(table.population, dict(table.fixed)))
    if head is None:
        # Only tables over a multi-valued axis lack their head count when no other table gives it; their
        # grand total counts mentions, at least the records, so a small one means few records.
        head = table.grand_total()
        if head >= k:
            return False
    return 0 < head < k


def _pinned_by_zeros(rel: Relations, k: int) -> str | None:
    """A non-zero quantity that would be known exactly even if every non-zero count were hidden, if any.

    With zeros shown, a ``<k`` total over k-1 non-zero cells proves each of them is 1 (four months with
    one case each under a total of ``<5``); no amount of hiding helps, so the table must be withheld.
    Found by propagating what a reader knows (bounds through the equations and inequalities) over the
    loosest possible publication: weaker than linear programming, so what it pins is truly pinned. Of
    the pinned quantities, the one published by the fewest tables is returned: withholding the one
    cross-table whose row it is frees the margin it shares with other tables.
    """
    keys = list(rel.values)
    index = {key: i for i, key in enumerate(keys)}
    low = [0 if v == 0 else 1 if v < k else k for v in rel.values.values()]
    high: list[int | None] = [0 if v == 0 else k - 1 if v < k else None for v in rel.values.values()]
    equations = [(index[eq.total], [index[p] for p in eq.parts]) for eq in rel.equations]
    at_most = [(index[a.smaller], index[a.larger]) for a in rel.at_most]

    def tighten(i: int, lo: int, hi: int | None) -> bool:
        changed = False
        if lo > low[i]:
            low[i], changed = lo, True
        current = high[i]
        if hi is not None and (current is None or hi < current):
            high[i], changed = hi, True
        return changed

    for _ in range(_PROPAGATION_ROUNDS):
        changed = False
        for total, parts in equations:
            sum_low = sum(low[p] for p in parts)
            part_highs = [high[p] for p in parts]
            unbounded = sum(1 for h in part_highs if h is None)
            sum_high = sum(h for h in part_highs if h is not None)
            changed |= tighten(total, sum_low, None if unbounded else sum_high)
            for p, h in zip(parts, part_highs, strict=True):
                # this part is the total less the others: at least total's low less the others' highs
                others_unbounded = unbounded - (h is None)
                lo = low[total] - (sum_high - (h or 0)) if not others_unbounded else 0
                t_high = high[total]
                hi = None if t_high is None else t_high - (sum_low - low[p])
                changed |= tighten(p, lo, hi)
        for smaller, larger in at_most:
            changed |= tighten(smaller, 0, high[larger])
            changed |= tighten(larger, low[smaller], None)
        if not changed:
            break
    pinned = [i for i, key in enumerate(keys) if rel.values[key] and low[i] == high[i]]
    if not pinned:
        return None
    return keys[min(pinned, key=lambda i: (len(rel.tables_of[keys[i]]), i))]


class _Protector:
    """The secondary-suppression loop over one system of relations, on integer-indexed cells."""

    def __init__(self, rel: Relations, k: int) -> None:
        self.k = k
        self.keys = list(rel.values)
        index = {key: i for i, key in enumerate(self.keys)}
        self.value = [rel.values[key] for key in self.keys]
        n = len(self.keys)
        self.primary = [0 < v < k for v in self.value]
        self.hidden = [False] * n
        self.can_rise = [False] * n
        """Whether a hidden cell may move up by one and stay within what its state tells."""
        self.can_fall = [False] * n
        self.equations: list[list[tuple[int, int]]] = []
        self.hidden_terms: list[list[tuple[int, int]]] = []
        self.eqs_of: list[list[tuple[int, int]]] = [[] for _ in range(n)]
        self.is_total = [False] * n
        for eq in rel.equations:
            total = index[eq.total]
            terms = [(total, -1), *((index[p], 1) for p in eq.parts)]
            e = len(self.equations)
            self.equations.append(terms)
            self.hidden_terms.append([])
            for var, coef in terms:
                self.eqs_of[var].append((e, coef))
            self.is_total[total] = True
        self.at_most = [(index[a.smaller], index[a.larger]) for a in rel.at_most]
        self.ineqs_of: list[list[int]] = [[] for _ in range(n)]
        for q, (a, b) in enumerate(self.at_most):
            self.ineqs_of[a].append(q)
            self.ineqs_of[b].append(q)
        for i in range(n):
            if self.primary[i]:
                self.hide(i)

    def hide(self, i: int) -> None:
        self.hidden[i] = True
        self.can_rise[i] = self.fits(i, 1)
        self.can_fall[i] = self.fits(i, -1)
        for e, coef in self.eqs_of[i]:
            self.hidden_terms[e].append((i, coef))

    def unhide(self, i: int) -> None:
        self.hidden[i] = False
        for e, coef in self.eqs_of[i]:
            self.hidden_terms[e].remove((i, coef))

    def fits(self, i: int, moved: int) -> bool:
        """Whether hidden cell ``i`` moved by ``moved`` stays within what its state tells."""
        v = self.value[i] + moved
        return 1 <= v < self.k if self.primary[i] else v >= self.k

    def could_move(self, i: int, delta: int) -> bool:
        """Whether shown cell ``i`` could move by ``delta`` once hidden (as an ``X`` cell, at least k)."""
        return self.value[i] >= self.k and self.value[i] + delta >= self.k

    # --- the loop -----------------------------------------------------------------------------------

    def run(self) -> str | None:
        """Hide cells until every hidden cell has a witness; the key of a cell that cannot get one, if any.

        Then show again each secondary cell, latest first, that turns out not to be needed: cells hidden
        early for one cell's sake are often made unnecessary by cells hidden later for another's.
        """
        proof: list[frozenset[int] | None] = [None] * len(self.keys)
        """For each hidden cell, the cells its witness moves (a witness proves every cell it moves)."""
        secondary: list[int] = []
        queue = [i for i, h in enumerate(self.hidden) if h]
        pos = 0
        while pos < len(queue):
            c = queue[pos]
            pos += 1
            if proof[c] is not None:
                continue
            blockers: dict[int, int] = {}
            witness = self._witness(c, blockers)
            if witness is not None:
                for i in witness:
                    proof[i] = proof[i] or witness
                continue
            extra = self._choose(c, blockers)
            if extra is None:
                return self.keys[c]
            self.hide(extra)
            secondary.append(extra)
            queue.append(extra)
            queue.append(c)
        for j in reversed(secondary):
            self._try_showing(j, proof)
        return None

    def _witness(self, c: int, blockers: dict[int, int], budget: int = _NODE_BUDGET) -> frozenset[int] | None:
        for direction in (-1, 1):
            if self.fits(c, direction):
                witness = _WitnessSearch(self, c, direction, blockers, budget).run()
                if witness is not None:
                    return frozenset(witness)
        return None

    def _try_showing(self, j: int, proof: list[frozenset[int] | None]) -> None:
        """Show secondary cell ``j`` again if every hidden cell still has a witness without it."""
        self.unhide(j)
        renewed: dict[int, frozenset[int]] = {}
        for i, cells in enumerate(proof):
            if cells is None or j not in cells or i == j or i in renewed:
                continue
            witness = self._witness(i, {}, _CLEANUP_BUDGET)
            if witness is None:
                self.hide(j)
                return
            for m in witness:
                renewed.setdefault(m, witness)
        proof[j] = None
        for i, cells in renewed.items():
            if self.hidden[i]:
                proof[i] = cells

    def _choose(self, c: int, blockers: dict[int, int]) -> int | None:
        """The shown cell to hide next so that ``c`` may get a witness: the cheapest that blocked it."""

        def cost(i: int) -> tuple[bool, int, int]:
            return self.is_total[i], self.value[i], i

        if blockers:
            return min(blockers, key=cost)
        # The search ran out of steps without a dead end to blame (or every dead end was a zero): hide
        # the cheapest shown count nearest the cell, going out through hidden cells one equation or
        # inequality at a time. Only when everything connected to the cell is hidden is it hopeless.
        reached = {c}
        layer = [c]
        while layer:
            frontier: set[int] = set()
            for i in layer:
                for e, _ in self.eqs_of[i]:
                    frontier.update(j for j, _ in self.equations[e])
                for q in self.ineqs_of[i]:
                    frontier.update(self.at_most[q])
            frontier -= reached
            reached |= frontier
            shown = [i for i in frontier if not self.hidden[i] and self.value[i] >= self.k]
            if shown:
                return min(shown, key=cost)
            layer = [i for i in frontier if self.hidden[i]]
        return None

    def states(self) -> dict[str, CellState]:
        out = {}
        for i, key in enumerate(self.keys):
            if self.primary[i]:
                out[key] = CellState.PRIMARY
            elif self.hidden[i]:
                out[key] = CellState.SECONDARY
            else:
                out[key] = CellState.SHOWN
        return out


class _WitnessSearch:
    """Depth-first search for a witness that moves cell ``target`` by ``direction``.

    The state is the move ``d`` (cell -> ±1) and what it leaves unsatisfied: equations out of balance
    and nesting inequalities broken. Each step takes the unsatisfied constraint with the fewest ways to
    repair it and tries, best first, each hidden cell whose ±1 repairs it (best: the one that also
    repairs others, which closes the cycle). A constraint nothing hidden can repair is a dead end; the
    shown cells that could have repaired it are recorded in ``blockers`` (cell -> times). A move reached
    again in another order is not searched twice.
    """

    def __init__(self, p: _Protector, target: int, direction: int, blockers: dict[int, int], budget: int) -> None:
        self.p = p
        self.budget = budget
        self.d: dict[int, int] = {}
        self.unbalanced: dict[int, int] = {}
        self.broken: set[int] = set()
        self.blockers = blockers
        self.steps = 0
        self.seen: set[frozenset[tuple[int, int]]] = set()
        self._apply(target, direction)

    def run(self) -> list[int] | None:
        return list(self.d) if self._extend() else None

    def _slack(self, q: int) -> int:
        a, b = self.p.at_most[q]
        value, d = self.p.value, self.d
        return value[b] + d.get(b, 0) - value[a] - d.get(a, 0)

    def _apply(self, i: int, delta: int) -> None:
        moved = self.d.get(i, 0) + delta
        if moved:
            self.d[i] = moved
        else:
            del self.d[i]
        self._rebalance(i, delta)

    def _rebalance(self, i: int, delta: int) -> None:
        unbalanced = self.unbalanced
        for e, coef in self.p.eqs_of[i]:
            r = unbalanced.get(e, 0) + coef * delta
            if r:
                unbalanced[e] = r
            else:
                del unbalanced[e]
        for q in self.p.ineqs_of[i]:
            if self._slack(q) < 0:
                self.broken.add(q)
            else:
                self.broken.discard(q)

    def _repairs(self, is_equation: bool, index: int) -> list[tuple[int, int]]:
        """The unit moves (cell, ±1) of hidden cells that repair one unsatisfied constraint: a cell not
        moved yet, or moved the same way less than ``_MAX_STEP`` (a case with several incident types
        moves several cells by one, and their total by as many)."""
        d, p = self.d, self.p
        if is_equation:
            wanted = -1 if self.unbalanced[index] > 0 else 1
            options = [(i, wanted * coef) for i, coef in p.hidden_terms[index]]
        else:
            a, b = p.at_most[index]
            options = [(m, step) for m, step in ((b, 1), (a, -1)) if p.hidden[m]]
        moves = []
        up, down = p.can_rise, p.can_fall
        for i, delta in options:
            moved = d.get(i)
            if moved is None:
                if up[i] if delta > 0 else down[i]:
                    moves.append((i, delta))
            elif moved * delta > 0 and abs(moved) < _MAX_STEP and p.fits(i, moved + delta):
                moves.append((i, delta))
        return moves

    def _blame(self, is_equation: bool, index: int) -> None:
        """Record the shown cells that could have repaired a constraint nothing hidden can."""
        p = self.p
        if is_equation:
            wanted = -1 if self.unbalanced[index] > 0 else 1
            options = [(i, wanted * coef) for i, coef in p.equations[index]]
        else:
            a, b = p.at_most[index]
            options = [(b, 1), (a, -1)]
        for i, delta in options:
            if not p.hidden[i] and p.could_move(i, delta):
                self.blockers[i] = self.blockers.get(i, 0) + 1

    def _gain(self, i: int, delta: int) -> int:
        """How many unsatisfied constraints the move repairs, less how many it newly breaks."""
        gain = 0
        for e, coef in self.p.eqs_of[i]:
            r = self.unbalanced.get(e, 0)
            after = r + coef * delta
            gain += (abs(r) - abs(after)) if r else -1
        return gain

    def _extend(self) -> bool:
        if not self.unbalanced and not self.broken:
            return True
        self.steps += 1
        if self.steps > self.budget or len(self.d) >= _MAX_CHANGED:
            return False
        state = frozenset(self.d.items())
        if state in self.seen:
            return False
        self.seen.add(state)
        best: list[tuple[int, int]] | None = None
        constraints = [(True, e) for e in self.unbalanced] + [(False, q) for q in sorted(self.broken)]
        for is_equation, index in constraints:
            moves = self._repairs(is_equation, index)
            if not moves:
                self._blame(is_equation, index)
                return False
            if best is None or len(moves) < len(best):
                best = moves
                if len(moves) == 1:
                    break  # forced: no constraint offers fewer (short of none, found at the next step)
        assert best is not None
        best.sort(key=lambda move: (-self._gain(*move), move[0]))
        for i, delta in best:
            self._apply(i, delta)
            if self._extend():
                return True
            self._apply(i, -delta)
            if self.steps > self.budget:
                return False
        return False
