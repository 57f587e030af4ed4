"""A report as it will be read: labelled rows, every cell already shown, hidden (``<k``) or marked.

Every writer (CSV, XLSX, the PDF document) and the app's preview draw from this one structure, so what
the preview shows is exactly what is exported. Nothing here can hold a value that suppression hid: a
hidden cell carries only its text (``<5`` or ``X``) and its state, never its number.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from safecase.reports import labels
from safecase.reports.labels import Words
from safecase.reports.model import CountTable, MedianTable
from safecase.reports.statistics import StatisticsReport
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
    withheld: bool = False
    """Not published at all (no cell could be shown safely): no rows, and a note without the reason."""


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
    """Distinct numbers hidden as ``<k`` and as ``X`` in the published tables (a number shared by two
    tables counts once)."""
    excluded_cases: int = 0
    """Cases left out because the survivor declined statistical use (also said in :attr:`notes`)."""
    months: tuple[str, ...] = ()
    """``YYYY-MM`` of every month of the period."""


CHARTS: dict[str, ChartKind] = {
    "new_cases_by_month": ChartKind.BARS,
    "contacts_by_month": ChartKind.BARS,
    "incident_types": ChartKind.BARS,
}
"""The tables a reader would rather look at than read (the issue's "counts per month, cases by incident type")."""

WITHHELD_MEDIAN = "–"


def publish(
    report: StatisticsReport, language: str, terms: Mapping[str, Mapping[str, tuple[str, str]]]
) -> PublishedReport:
    """``report`` as it will be read, in ``language`` (``ko`` or ``en``; ValueError otherwise).

    Every table in the report's order, labelled; every count in the state suppression gave it (a hidden
    count keeps only its marker, never its number); withheld tables with a note and no cells; the notes
    a reader needs (the period, the rule, the cases left out for consent, what was hidden).
    """
    lang = labels.language_of(language)
    k = report.k
    states = report.suppression.states
    withheld = report.suppression.withheld_tables
    months = report.period.months()

    def count_cell(key: str, value: int) -> PublishedCell:
        state = states.get(key, CellState.SHOWN)
        if state is CellState.PRIMARY:
            return PublishedCell(f"<{k}", None, state)
        if state is CellState.SECONDARY:
            return PublishedCell("X", None, state)
        return PublishedCell(str(value), float(value), state)

    hidden: dict[str, CellState] = {}
    tables: list[PublishedTable] = []
    for table in report.tables:
        title = labels.table_title(table.key, lang)
        header = _header(table, lang, terms)
        if table.key in withheld:
            tables.append(PublishedTable(table.key, title, header, (), labels.WITHHELD_NOTE.in_(lang), None, True))
            continue
        if isinstance(table, MedianTable):
            rows = _median_rows(table, k, lang, terms)
        else:
            rows = _count_rows(table, lang, terms, count_cell)
            for key, _ in table.quantities():
                if states.get(key, CellState.SHOWN) is not CellState.SHOWN:
                    hidden[key] = states[key]
        tables.append(PublishedTable(table.key, title, header, rows, _table_note(table, lang), CHARTS.get(table.key)))

    primary = sum(1 for s in hidden.values() if s is CellState.PRIMARY)
    secondary = sum(1 for s in hidden.values() if s is CellState.SECONDARY)
    period = labels.period_text(months, lang)
    return PublishedReport(
        title=_title(report.center_name, lang),
        language=lang,
        period_text=period,
        k=k,
        rule_note=labels.RULE_NOTE.in_(lang).format(k=k, k_minus_1=k - 1),
        notes=_notes(report, tables, period, months, primary, secondary, lang),
        tables=tuple(tables),
        primary_count=primary,
        secondary_count=secondary,
        excluded_cases=report.excluded_cases,
        months=months,
    )


def _title(center_name: str, language: str) -> str:
    title = labels.REPORT_TITLE.in_(language)
    return f"{title} — {center_name}" if center_name.strip() else title


def _header(
    table: CountTable | MedianTable, language: str, terms: Mapping[str, Mapping[str, tuple[str, str]]]
) -> tuple[str, ...]:
    first = labels.axis_title(table.rows.name, language)
    if isinstance(table, MedianTable):
        return (first, labels.MEDIAN_DAYS.in_(language))
    if table.columns is None:
        return (first, labels.POPULATION_COUNTS[table.population].in_(language))
    columns = tuple(labels.code_label(table.columns.name, c, language, terms) for c in table.columns.codes)
    return (first, *columns, _total_words(table.columns.multi_valued).in_(language))


def _total_words(multi_valued: bool) -> Words:
    return labels.TOTAL_MENTIONS if multi_valued else labels.TOTAL


def _count_rows(
    table: CountTable,
    language: str,
    terms: Mapping[str, Mapping[str, tuple[str, str]]],
    cell: Callable[[str, int], PublishedCell],
) -> tuple[PublishedRow, ...]:
    rows: list[PublishedRow] = []
    for code in table.rows.codes:
        label = labels.code_label(table.rows.name, code, language, terms)
        cells: tuple[PublishedCell, ...]
        if table.columns is None:
            cells = (cell(table.cell_key(code), table.value(code)),)
        else:
            cells = (
                *(cell(table.cell_key(code, c), table.value(code, c)) for c in table.columns.codes),
                cell(table.row_total_key(code), table.row_total(code)),
            )
        rows.append(PublishedRow(label, cells))
    if table.columns is None:
        totals: tuple[PublishedCell, ...] = (cell(table.grand_total_key(), table.grand_total()),)
    else:
        totals = (
            *(cell(table.column_total_key(c), table.column_total(c)) for c in table.columns.codes),
            cell(table.grand_total_key(), table.grand_total()),
        )
    rows.append(PublishedRow(_total_words(table.rows.multi_valued).in_(language), totals, is_total=True))
    return tuple(rows)


def median_text(days: float) -> str:
    """Days with one decimal only when needed: ``4``, ``4.5``."""
    rounded = round(days, 1)
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:.1f}"


def _median_rows(
    table: MedianTable, k: int, language: str, terms: Mapping[str, Mapping[str, tuple[str, str]]]
) -> tuple[PublishedRow, ...]:
    by_code = {row.code: row for row in table.values}
    rows = []
    for code in table.rows.codes:
        label = labels.code_label(table.rows.name, code, language, terms)
        found = by_code.get(code)
        if found is not None and found.size >= k and found.median_days is not None:
            value = round(found.median_days, 1)
            cell = PublishedCell(median_text(value), value)
        else:
            # A median of fewer than k records tells too much about each of them (one record: its exact
            # number of days); the group's size is never printed either.
            cell = PublishedCell(WITHHELD_MEDIAN, None, CellState.PRIMARY)
        rows.append(PublishedRow(label, (cell,)))
    return tuple(rows)


def _multi_valued_axes(table: CountTable | MedianTable) -> list[str]:
    if isinstance(table, MedianTable):
        return []
    axes = [table.rows] if table.columns is None else [table.rows, table.columns]
    return [axis.name for axis in axes if axis.multi_valued]


def _table_note(table: CountTable | MedianTable, language: str) -> str:
    notes = []
    description = labels.TABLE_DESCRIPTIONS.get(table.key)
    if description is not None:
        notes.append(description.in_(language))
    if isinstance(table, CountTable):
        for axis, words in (
            (table.rows, labels.TABLE_MULTI_VALUED_NOTE),
            (table.columns, labels.TABLE_MULTI_VALUED_COLUMNS_NOTE),
        ):
            if axis is not None and axis.multi_valued:
                notes.append(
                    words.in_(language).format(
                        axis=labels.axis_title(axis.name, language), total=labels.TOTAL_MENTIONS.in_(language)
                    )
                )
    return " ".join(notes)


def _notes(
    report: StatisticsReport,
    tables: list[PublishedTable],
    period: str,
    months: tuple[str, ...],
    primary: int,
    secondary: int,
    language: str,
) -> tuple[str, ...]:
    notes = []
    if len(months) == 1:
        notes.append(labels.PERIOD_NOTE_ONE_MONTH.in_(language).format(period=period))
    else:
        notes.append(labels.PERIOD_NOTE.in_(language).format(period=period, months=len(months)))
    if report.excluded_cases == 0:
        notes.append(labels.CONSENT_NOTE_NONE.in_(language))
    elif report.excluded_cases == 1:
        notes.append(labels.CONSENT_NOTE_ONE.in_(language))
    else:
        notes.append(labels.CONSENT_NOTE.in_(language).format(count=report.excluded_cases))
    notes.append(labels.SUPPRESSION_NOTE.in_(language).format(k=report.k, primary=primary, secondary=secondary))
    published = {t.key for t in tables if not t.withheld}
    multi: list[str] = []
    for table in report.tables:
        if table.key in published:
            multi += [a for a in _multi_valued_axes(table) if a not in multi]
    if multi:
        axes = labels.LIST_SEPARATOR.in_(language).join(labels.axis_title(a, language) for a in multi)
        notes.append(labels.MULTI_VALUED_NOTE.in_(language).format(axes=axes))
    return tuple(notes)
