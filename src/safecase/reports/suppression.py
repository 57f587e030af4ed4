"""Small-cell and secondary suppression over every table of a report at once.

(Interface fixed; the algorithm is being written — see the helper's commit that replaces this
placeholder body. Until then only primary suppression is done, which is NOT safe to export.)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from safecase.reports.model import CountTable

MIN_K = 3
DEFAULT_K = 5


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
    """By quantity key (see :mod:`safecase.reports.model`); every quantity of every table has one."""
    withheld_tables: frozenset[str] = frozenset()
    """Keys of tables that cannot be published safely however many cells are hidden (too few records):
    the report shows a note in their place and none of their cells."""

    def state(self, key: str) -> CellState:
        return self.states[key]

    @property
    def primary_count(self) -> int:
        return sum(1 for s in self.states.values() if s is CellState.PRIMARY)

    @property
    def secondary_count(self) -> int:
        return sum(1 for s in self.states.values() if s is CellState.SECONDARY)


def suppress(tables: Sequence[CountTable], k: int = DEFAULT_K) -> Suppression:
    if k < MIN_K:
        raise ValueError(f"k must be at least {MIN_K}")
    states: dict[str, CellState] = {}
    for table in tables:
        for key, value in table.quantities():
            states[key] = CellState.PRIMARY if 0 < value < k else CellState.SHOWN
    return Suppression(k, states)
