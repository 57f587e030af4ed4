"""A published statistics report as a printable :class:`~safecase.reports.document.Document` (for the PDF).

Title, period, the suppression rule and the notes first, then every table under its title with its note,
and a bar chart under the tables flagged for one. The chart is drawn from the published cells only: a
hidden count has no bar, just its marker (``<5``, ``X``).

Wide cross-tables (incident type by month over 24 months) do not fit a page: the document turns to
landscape when a cross-table has more columns than a portrait page holds, and a table wider than a
landscape page is split into parts over the columns, each part repeating the row labels; the Total
column comes with the last part.
"""

from __future__ import annotations

import math

from safecase.reports import labels
from safecase.reports.document import Bar, BarChart, Block, Cell, Column, Document, Fields, Heading, Paragraph, Table
from safecase.reports.labels import display_width
from safecase.reports.published import ChartKind, PublishedReport, PublishedRow, PublishedTable

PORTRAIT_VALUE_COLUMNS = 8
"""Value columns (the Total included) a portrait A4 page holds next to the row labels."""
LANDSCAPE_VALUE_COLUMNS = 13
LABEL_WEIGHT = 3.2
"""The row-label column's width relative to a value column (category names are long, numbers short)."""
SMALL_FROM = 7
"""Value columns from which a table is set in the small font."""
WORD_PER_WEIGHT = 7
"""Characters of a header's longest word one unit of column weight holds without breaking the word."""
ONE_WAY_WIDTH = {False: 0.6, True: 0.45}
"""The page share of a table with one column of counts, portrait and landscape: wider only spreads the
label and its number apart."""


def report_document(report: PublishedReport) -> Document:
    language = report.language
    landscape = any(len(t.header) - 1 > PORTRAIT_VALUE_COLUMNS for t in report.tables)
    limit = LANDSCAPE_VALUE_COLUMNS if landscape else PORTRAIT_VALUE_COLUMNS
    blocks: list[Block] = [
        Fields(
            (
                (labels.PERIOD.in_(language), report.period_text),
                (labels.PRIMARY_SUPPRESSIONS.in_(language).format(k=report.k), str(report.primary_count)),
                (labels.SECONDARY_SUPPRESSIONS.in_(language), str(report.secondary_count)),
            )
        ),
        Heading(labels.RULE.in_(language), level=3),
        Paragraph(report.rule_note),
        Heading(labels.NOTES.in_(language), level=3),
        *(Paragraph(note) for note in report.notes),
    ]
    for table in report.tables:
        blocks += _table_blocks(table, limit, language, landscape)
    return Document(
        title=report.title,
        blocks=tuple(blocks),
        footer=f"{report.title} · {report.period_text}",
        page_text=labels.PAGE.in_(language),
        landscape=landscape,
        metadata={"creator": "SafeCase"},
    )


def _table_blocks(table: PublishedTable, limit: int, language: str, landscape: bool) -> list[Block]:
    blocks: list[Block] = [Heading(table.title)]
    if table.note:
        blocks.append(Paragraph(table.note, small=True))
    if table.withheld:
        return blocks
    parts = _column_parts(len(table.header) - 1, limit)
    for number, columns in enumerate(parts, start=1):
        if len(parts) > 1:
            blocks.append(Paragraph(labels.TABLE_PART.in_(language).format(part=number, parts=len(parts)), small=True))
        blocks.append(_table_part(table, columns, ONE_WAY_WIDTH[landscape] if len(table.header) == 2 else 1.0))
    if table.chart is ChartKind.BARS:
        blocks.append(_chart(table.rows))
    return blocks


def _column_parts(count: int, limit: int) -> list[range]:
    """The value columns ``0..count-1`` in as few parts of at most ``limit`` as needed, evenly filled."""
    parts = max(1, math.ceil(count / limit))
    size = math.ceil(count / parts)
    return [range(start, min(start + size, count)) for start in range(0, count, size)]


def _table_part(table: PublishedTable, columns: range, width: float) -> Table:
    header = (
        Column(table.header[0], LABEL_WEIGHT),
        *(Column(table.header[1 + c], _weight(table.header[1 + c]), numeric=True) for c in columns),
    )
    rows = tuple(
        (
            Cell(row.label, bold=row.is_total),
            *(Cell(row.cells[c].text, bold=row.is_total, numeric=True) for c in columns),
        )
        for row in table.rows
    )
    return Table(header, rows, small=len(columns) >= SMALL_FROM, width=width)


def _weight(title: str) -> float:
    """A value column's weight: wide enough for its header's longest word ("recorded", "2026년")."""
    longest = max((display_width(word) for word in title.split()), default=0)
    return max(1.0, longest / WORD_PER_WEIGHT)


def _chart(rows: tuple[PublishedRow, ...]) -> BarChart:
    return BarChart(tuple(Bar(row.label, row.cells[0].value, row.cells[0].text) for row in rows if not row.is_total))
