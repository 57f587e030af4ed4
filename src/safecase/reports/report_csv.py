"""A published statistics report as one CSV file: every table one after another.

First the report's own lines (title, period, rule, notes, what was hidden), then per table a title
line, its note when it has one, the header, the rows and an empty line. Cells are printed exactly as
in every other format (``<5``, ``X``, ``0``, ``–``): the file is read by people in a spreadsheet, and a
hidden cell must look the same there as in the PDF. Written through
:func:`safecase.reports.csv_writer.csv_lines_bytes` (BOM, CRLF, no cell can become a formula: a
custom platform name such as ``=HYPERLINK(...)`` is text).
"""

from __future__ import annotations

from safecase.reports import labels
from safecase.reports.csv_writer import csv_lines_bytes
from safecase.reports.published import PublishedReport, PublishedTable


def report_lines(report: PublishedReport) -> list[list[str]]:
    """The file's lines, before quoting and neutralising (the tests read the file back against these)."""
    language = report.language
    lines: list[list[str]] = [
        [report.title],
        [labels.PERIOD.in_(language), report.period_text],
        [labels.RULE.in_(language), report.rule_note],
        *([labels.NOTES.in_(language), note] for note in report.notes),
        [labels.PRIMARY_SUPPRESSIONS.in_(language).format(k=report.k), str(report.primary_count)],
        [labels.SECONDARY_SUPPRESSIONS.in_(language), str(report.secondary_count)],
        [],
    ]
    for table in report.tables:
        lines += table_lines(table)
        lines.append([])
    return lines


def table_lines(table: PublishedTable) -> list[list[str]]:
    lines = [[table.title]]
    if table.note:
        lines.append([table.note])
    if table.withheld:
        return lines
    lines.append(list(table.header))
    lines += [[row.label, *(cell.text for cell in row.cells)] for row in table.rows]
    return lines


def report_csv(report: PublishedReport) -> bytes:
    """The CSV file's bytes (UTF-8 with BOM, CRLF line ends)."""
    return csv_lines_bytes(report_lines(report))
