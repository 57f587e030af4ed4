"""A statistics report as the service builds it: its parameters, its tables and what was hidden.

The service (``safecase.services.reports``) fills this from the vault; :mod:`safecase.reports.published`
turns it into the labelled, suppressed cells every writer and the app's preview show.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from safecase.reports.model import Table
from safecase.reports.suppression import Suppression


@dataclass(frozen=True)
class ReportPeriod:
    """Whole months, ``first`` to ``last`` included (both are the first day of their month)."""

    first: date
    last: date

    def months(self) -> tuple[str, ...]:
        """``YYYY-MM`` of every month in the period, in order."""
        out = []
        year, month = self.first.year, self.first.month
        while (year, month) <= (self.last.year, self.last.month):
            out.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return tuple(out)


@dataclass(frozen=True)
class StatisticsReport:
    period: ReportPeriod
    k: int
    tables: tuple[Table, ...]
    suppression: Suppression
    excluded_cases: int
    """Cases left out because the survivor declined statistical use."""
    center_name: str = ""
