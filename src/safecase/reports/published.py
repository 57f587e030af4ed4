"""A report as it will be read: labelled rows, every cell already shown, hidden (``<k``) or marked.

Every writer (CSV, XLSX, the PDF document) and the app's preview draw from this one structure, so what
the preview shows is exactly what is exported. Nothing here can hold a value that suppression hid: a
hidden cell carries only its text (``<5`` or ``X``) and its state, never its number.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from safecase.reports.suppression import CellState


class ChartKind(StrEnum):
    BARS = "bars"
    """One bar per row (counts per month, cases by incident type)."""


@dataclass(frozen=True)
class PublishedCell:
    text: str
    """What is printed: ``12``, ``0``, ``<5``, ``X``, ``3.5``, ``–``."""
    value: float | None
    """The number when it is shown; None when hidden or not applicable."""
    state: CellState = CellState.SHOWN


@dataclass(frozen=True)
class PublishedRow:
    label: str
    cells: tuple[PublishedCell, ...]
    is_total: bool = False


@dataclass(frozen=True)
class PublishedTable:
    key: str
    title: str
    header: tuple[str, ...]
    """The row-label column's title, then one title per cell column."""
    rows: tuple[PublishedRow, ...]
    note: str = ""
    chart: ChartKind | None = None


@dataclass(frozen=True)
class PublishedReport:
    title: str
    language: str
    """``ko`` or ``en``: every label above is in it."""
    period_text: str
    k: int
    rule_note: str
    """The suppression rule applied, in words (printed in every format)."""
    notes: tuple[str, ...]
    """Other notes: cases left out for consent, what multi-valued totals count."""
    tables: tuple[PublishedTable, ...]
    primary_count: int
    secondary_count: int
