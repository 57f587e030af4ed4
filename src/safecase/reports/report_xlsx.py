"""A published statistics report as an Excel workbook (XlsxWriter): a summary sheet, then one sheet per table.

- Numbers are stored as numbers, so a center can sum and chart them; ``<5``, ``X`` and ``–`` are text.
- Nothing is ever a formula: every label goes through ``write_string`` and the workbook is opened with
  ``strings_to_formulas`` (and URL and number guessing) off, so a custom platform name such as
  ``=HYPERLINK(...)`` stays the text a counselor typed.
- A table flagged for a chart gets a native column chart. Its data is a separate, hidden column holding
  only the shown counts: a hidden cell is left blank there, so the chart has a gap, not a bar — Excel
  plots a text cell as zero, which would print a false 0 where the truth is "1 to 4".
- The default font is Malgun Gothic (맑은 고딕), which every Korean Windows has: Calibri has no Hangul
  and Excel's fallback sets Korean in mismatched sizes.
- Built in memory (``in_memory``): XlsxWriter otherwise spools worksheets to temporary files, and
  nothing of a report is written anywhere but the file the user chose.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import xlsxwriter

from safecase.reports import labels
from safecase.reports.labels import display_width
from safecase.reports.published import ChartKind, PublishedReport, PublishedTable

FONT = "Malgun Gothic"
FONT_SIZE = 10
SHEET_NAME_LIMIT = 31
SHEET_NAME_FORBIDDEN = "[]:*?/\\"
HEADER_FILL = "#D9E1F2"
TOTAL_FILL = "#F2F2F2"
TITLE_ROW = 0
NOTE_ROW = 1
HEADER_ROW = 3
MAX_COLUMN_WIDTH = 60
LABEL_MIN_WIDTH = 12
VALUE_MIN_WIDTH = 8


def sheet_names(titles: list[str], taken: set[str]) -> list[str]:
    """A valid, unique sheet name per title: ``3. Cases by incident type`` cut to 31 characters, without the
    characters Excel forbids (``[]:*?/\\``) and without a leading or trailing apostrophe."""
    names = []
    used = {name.casefold() for name in taken}
    for index, title in enumerate(titles, start=1):
        cleaned = "".join(" " if ch in SHEET_NAME_FORBIDDEN or not ch.isprintable() else ch for ch in title)
        base = " ".join(f"{index}. {cleaned}".split())[:SHEET_NAME_LIMIT].strip().strip("'").strip()
        name, n = base, 2
        while name.casefold() in used:
            suffix = f" ({n})"
            name = base[: SHEET_NAME_LIMIT - len(suffix)].rstrip() + suffix
            n += 1
        used.add(name.casefold())
        names.append(name)
    return names


@dataclass
class _Formats:
    title: Any
    bold: Any
    wrap: Any
    header: Any
    label: Any
    count: Any
    number: Any
    marker: Any
    total_label: Any
    total_count: Any
    total_number: Any
    total_marker: Any


def _formats(workbook: xlsxwriter.Workbook) -> _Formats:
    border = {"border": 1, "border_color": "#BFBFBF"}
    total = {**border, "bold": True, "bg_color": TOTAL_FILL, "top": 2}
    return _Formats(
        title=workbook.add_format({"bold": True, "font_size": 13}),
        bold=workbook.add_format({"bold": True, "valign": "top"}),
        wrap=workbook.add_format({"text_wrap": True, "valign": "top"}),
        header=workbook.add_format(
            {**border, "bold": True, "bg_color": HEADER_FILL, "text_wrap": True, "valign": "vcenter", "align": "center"}
        ),
        label=workbook.add_format({**border, "text_wrap": True, "valign": "vcenter"}),
        count=workbook.add_format({**border, "num_format": "#,##0", "valign": "vcenter"}),
        number=workbook.add_format({**border, "valign": "vcenter"}),
        marker=workbook.add_format({**border, "align": "right", "valign": "vcenter", "font_color": "#595959"}),
        total_label=workbook.add_format({**total, "text_wrap": True, "valign": "vcenter"}),
        total_count=workbook.add_format({**total, "num_format": "#,##0", "valign": "vcenter"}),
        total_number=workbook.add_format({**total, "valign": "vcenter"}),
        total_marker=workbook.add_format({**total, "align": "right", "valign": "vcenter"}),
    )


def report_xlsx(report: PublishedReport) -> bytes:
    """The workbook's bytes."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        buffer,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
            # font_scheme "none": with the default "minor" scheme Excel sets text in the theme's font (Calibri)
            # and ignores the name given here.
            "default_format_properties": {"font_name": FONT, "font_size": FONT_SIZE, "font_scheme": "none"},
        },
    )
    workbook.set_properties({"title": report.title, "creator": "SafeCase"})
    formats = _formats(workbook)
    summary_name = labels.SUMMARY.in_(report.language)
    names = sheet_names([labels.sheet_label(t.key, report.language) for t in report.tables], {summary_name})
    _summary(workbook.add_worksheet(summary_name), report, names, formats)
    for table, name in zip(report.tables, names, strict=True):
        _table_sheet(workbook, workbook.add_worksheet(name), name, table, report.language, formats)
    workbook.close()
    return buffer.getvalue()


def _summary(sheet: Any, report: PublishedReport, names: list[str], formats: _Formats) -> None:
    language = report.language
    sheet.write_string(0, 0, report.title, formats.title)
    lines: list[tuple[str, str | int]] = [
        (labels.PERIOD.in_(language), report.period_text),
        (labels.RULE.in_(language), report.rule_note),
        *((labels.NOTES.in_(language), note) for note in report.notes),
        (labels.PRIMARY_SUPPRESSIONS.in_(language).format(k=report.k), report.primary_count),
        (labels.SECONDARY_SUPPRESSIONS.in_(language), report.secondary_count),
    ]
    row = 2
    for label, value in lines:
        sheet.write_string(row, 0, label, formats.bold)
        if isinstance(value, int):
            sheet.write_number(row, 1, value, formats.wrap)
        else:
            sheet.write_string(row, 1, value, formats.wrap)
        row += 1
    row += 1
    for name, table in zip(names, report.tables, strict=True):
        sheet.write_string(row, 0, name)
        sheet.write_string(row, 1, table.title)
        row += 1
    label_width = max(display_width(label) for label, _ in lines)
    sheet.set_column(0, 0, min(max(label_width, *(display_width(n) for n in names)) + 2, MAX_COLUMN_WIDTH))
    sheet.set_column(1, 1, 100)
    sheet.activate()


def _table_sheet(
    workbook: xlsxwriter.Workbook, sheet: Any, name: str, table: PublishedTable, language: str, formats: _Formats
) -> None:
    sheet.write_string(TITLE_ROW, 0, table.title, formats.title)
    if table.note:
        sheet.write_string(NOTE_ROW, 0, table.note)
    if table.withheld:
        sheet.set_column(0, 0, max(LABEL_MIN_WIDTH, min(display_width(table.title), MAX_COLUMN_WIDTH)))
        return
    for column, title in enumerate(table.header):
        sheet.write_string(HEADER_ROW, column, title, formats.header)
    widths = [display_width(title) for title in table.header]
    for offset, row in enumerate(table.rows, start=1):
        r = HEADER_ROW + offset
        label_format = formats.total_label if row.is_total else formats.label
        sheet.write_string(r, 0, row.label, label_format)
        widths[0] = max(widths[0], display_width(row.label))
        for column, cell in enumerate(row.cells, start=1):
            if cell.value is not None:
                # Counts with a thousands separator; a median such as 4.5 in the general format (which
                # prints 21, not "21.").
                if cell.value == int(cell.value):
                    number_format = formats.total_count if row.is_total else formats.count
                else:
                    number_format = formats.total_number if row.is_total else formats.number
                sheet.write_number(r, column, cell.value, number_format)
            else:
                sheet.write_string(r, column, cell.text, formats.total_marker if row.is_total else formats.marker)
            widths[column] = max(widths[column], display_width(cell.text))
    sheet.set_column(0, 0, min(max(widths[0], LABEL_MIN_WIDTH) + 2, MAX_COLUMN_WIDTH))
    for column, width in enumerate(widths[1:], start=1):
        # Headers wrap, so a long month or category name need not make its column as wide as itself.
        sheet.set_column(column, column, min(max(width, VALUE_MIN_WIDTH) + 2, 24))
    sheet.freeze_panes(HEADER_ROW + 1, 1)
    if table.chart is ChartKind.BARS:
        _chart(workbook, sheet, name, table, language)


def _chart(workbook: xlsxwriter.Workbook, sheet: Any, name: str, table: PublishedTable, language: str) -> None:
    """A column chart of the table's (one-way) counts, drawn from a hidden column of the shown counts only."""
    data_column = len(table.header) + 1
    sheet.write_string(HEADER_ROW, data_column, labels.CHART_VALUE.in_(language))
    bars = [row for row in table.rows if not row.is_total]
    for offset, row in enumerate(bars, start=1):
        value = row.cells[0].value
        if value is not None:
            sheet.write_number(HEADER_ROW + offset, data_column, value)
    sheet.set_column(data_column, data_column, None, None, {"hidden": True})
    first, last = HEADER_ROW + 1, HEADER_ROW + len(bars)
    chart = workbook.add_chart({"type": "column"})
    font = {"name": FONT, "size": 9}
    chart.add_series(
        {
            "name": table.title,
            "categories": [name, first, 0, last, 0],
            "values": [name, first, data_column, last, data_column],
            "data_labels": {"value": True, "font": font},
            "fill": {"color": "#4472C4"},
            "gap": 60,
        }
    )
    chart.set_title({"name": table.title, "name_font": {"name": FONT, "size": 11, "bold": True}})
    chart.set_legend({"none": True})
    chart.set_x_axis({"num_font": {**font, "rotation": -45 if len(bars) > 8 else 0}})
    chart.set_y_axis({"num_font": font, "min": 0, "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}}})
    # The chart's data column is hidden; without this Excel would leave hidden cells out, i.e. plot nothing.
    chart.show_hidden_data()
    chart.show_blanks_as("gap")
    chart.set_size({"width": max(520, 44 * len(bars) + 160), "height": 340})
    sheet.insert_chart(HEADER_ROW, data_column + 1, chart, {"x_offset": 12})
