"""The statistics report's files: CSV, XLSX and PDF hold exactly the published report, nothing hidden.

- CSV: BOM, CRLF, every table one after another, round-trips through Python's csv module, and no cell
  can become a formula (custom platform names such as ``=HYPERLINK(...)``), Korean intact.
- XLSX: read back from its XML (zipfile) and through LibreOffice headless (converted to CSV, one file
  per sheet): the same numbers as the published report, numbers as numbers, no formulas, a native chart
  per flagged table whose data leaves hidden counts out, Malgun Gothic as the default font.
- PDF: every table's title in its text (Korean with ``ko``, English with ``en``), wide cross-tables in
  landscape and split into parts, charts drawn as text; also written from a process with no display.
- A number suppression hid (a secondary cell, a withheld table, a median's group size) is in no file.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import sys
import unicodedata
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import pytest

from report_samples import CUSTOM_PLATFORM, HOSTILE_PLATFORMS, TERMS, sample_report
from safecase.pdf import render_pdf
from safecase.reports import labels
from safecase.reports.csv_writer import BOM, FORMULA_STARTS, neutralise
from safecase.reports.document import BarChart, Table
from safecase.reports.model import Axis, CountTable, MedianRow, MedianTable
from safecase.reports.published import ChartKind, PublishedReport, PublishedTable, publish
from safecase.reports.report_csv import report_csv, report_lines
from safecase.reports.report_document import LANDSCAPE_VALUE_COLUMNS, report_document
from safecase.reports.report_xlsx import FONT, HEADER_ROW, SHEET_NAME_LIMIT, report_xlsx, sheet_names
from safecase.reports.statistics import ReportPeriod, StatisticsReport
from safecase.reports.suppression import CellState, Suppression, suppress

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
DOC_RELS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


@pytest.fixture(scope="module")
def published() -> dict[str, PublishedReport]:
    report = sample_report(withheld=frozenset({"regions"}), center_name="해바라기 상담소")
    return {language: publish(report, language, TERMS) for language in ("ko", "en")}


# --- CSV -------------------------------------------------------------------------------------------------


def _csv_rows(data: bytes) -> list[list[str]]:
    text = data.decode("utf-8")
    assert text.startswith(BOM)
    return list(csv.reader(io.StringIO(text[len(BOM) :], newline="")))


def test_csv_holds_every_table_and_round_trips_through_the_csv_module(published: dict[str, PublishedReport]) -> None:
    for language, report in published.items():
        data = report_csv(report)
        assert data.startswith(BOM.encode("utf-8"))
        assert data.endswith(b"\r\n")
        # Every line ends in CRLF (a lone CR only occurs inside a quoted cell, from a label).
        assert all(data[i - 1 : i] == b"\r" for i in [m.start() for m in re.finditer(b"\n", data)])
        rows = _csv_rows(data)
        assert rows == [[neutralise(cell) for cell in line] for line in report_lines(report)]
        assert rows[0] == [report.title]
        for table in report.tables:
            assert [table.title] in rows
            if table.withheld:
                continue
            start = rows.index(list(table.header))
            for offset, row in enumerate(table.rows, start=1):
                assert rows[start + offset] == [neutralise(row.label), *(c.text for c in row.cells)]
            assert rows[start + len(table.rows) + 1] == []
        if language == "ko":
            assert ["피해 유형별 사례"] in rows
            assert rows[rows.index(["연령대", "사례(건)"]) + 1][0] == "10세 미만"


def test_csv_neutralises_every_label_a_spreadsheet_would_take_for_a_formula(
    published: dict[str, PublishedReport],
) -> None:
    for report in published.values():
        rows = _csv_rows(report_csv(report))
        labels_found = {row[0] for row in rows if row}
        for hostile in HOSTILE_PLATFORMS:
            assert "'" + hostile in labels_found, hostile
            assert hostile not in labels_found
        assert "'" + CUSTOM_PLATFORM in labels_found
        for row in rows:
            for cell in row:
                assert not cell.startswith(FORMULA_STARTS), cell
    korean = {row[0] for row in _csv_rows(report_csv(published["ko"])) if row}
    assert {
        "합성·편집 (허위영상물·딥페이크)",
        "텔레그램",
        "기타 플랫폼",
        "익명 통계 보고서 — 해바라기 상담소",
    } <= korean


def test_a_withheld_table_is_a_title_and_a_note_in_the_csv(published: dict[str, PublishedReport]) -> None:
    rows = _csv_rows(report_csv(published["en"]))
    at = rows.index(["Cases by region"])
    assert rows[at + 1] == [labels.WITHHELD_NOTE.en]
    assert rows[at + 2] == []


# --- XLSX read from its XML ------------------------------------------------------------------------------


def _column_index(reference: str) -> tuple[int, int]:
    letters = re.match(r"[A-Z]+", reference)
    assert letters is not None
    column = 0
    for ch in letters.group(0):
        column = column * 26 + ord(ch) - ord("A") + 1
    return int(reference[letters.end() :]) - 1, column - 1


def _xml(book: zipfile.ZipFile, name: str) -> ElementTree.Element:
    return ElementTree.fromstring(book.read(name))  # noqa: S314 - our own writer's output, not a stranger's


def _sheets(data: bytes) -> dict[str, dict[tuple[int, int], str | float]]:
    """Every sheet's cells: (row, column) -> the string or the number it holds."""
    book = zipfile.ZipFile(io.BytesIO(data))
    shared = [
        # OOXML writes a control character such as CR as _x000D_.
        re.sub(
            r"_x([0-9A-F]{4})_", lambda m: chr(int(m.group(1), 16)), "".join(t.text or "" for t in si.iter(f"{MAIN}t"))
        )
        for si in _xml(book, "xl/sharedStrings.xml").iter(f"{MAIN}si")
    ]
    rels = {r.get("Id"): r.get("Target") for r in _xml(book, "xl/_rels/workbook.xml.rels").iter(f"{RELS}Relationship")}
    sheets = {}
    for sheet in _xml(book, "xl/workbook.xml").iter(f"{MAIN}sheet"):
        xml = _xml(book, "xl/" + str(rels[sheet.get(f"{DOC_RELS}id")]))
        cells: dict[tuple[int, int], str | float] = {}
        for c in xml.iter(f"{MAIN}c"):
            v = c.find(f"{MAIN}v")
            assert c.find(f"{MAIN}f") is None, "no cell is a formula"
            if v is None:
                continue
            position = _column_index(str(c.get("r")))
            cells[position] = shared[int(str(v.text))] if c.get("t") == "s" else float(str(v.text))
        sheets[str(sheet.get("name"))] = cells
    return sheets


def _expected_cells(table: PublishedTable) -> dict[tuple[int, int], str | float]:
    expected: dict[tuple[int, int], str | float] = {(0, 0): table.title}
    if table.note:
        expected[(1, 0)] = table.note
    if table.withheld:
        return expected
    for column, title in enumerate(table.header):
        expected[(HEADER_ROW, column)] = title
    for offset, row in enumerate(table.rows, start=1):
        expected[(HEADER_ROW + offset, 0)] = row.label
        for column, cell in enumerate(row.cells, start=1):
            expected[(HEADER_ROW + offset, column)] = cell.value if cell.value is not None else cell.text
    return expected


def test_xlsx_sheets_hold_the_published_tables_numbers_as_numbers(published: dict[str, PublishedReport]) -> None:
    for language, report in published.items():
        sheets = _sheets(report_xlsx(report))
        names = list(sheets)
        assert names[0] == labels.SUMMARY.in_(language)
        assert len(names) == len(report.tables) + 1
        for name, table in zip(names[1:], report.tables, strict=True):
            cells = sheets[name]
            width = len(table.header)
            table_cells = {pos: value for pos, value in cells.items() if pos[1] < width}
            assert table_cells == _expected_cells(table), table.key
            for row in table.rows:
                for cell in row.cells:
                    if cell.state is not CellState.SHOWN:
                        assert isinstance(cell.text, str) and cell.value is None
        summary = sheets[names[0]]
        assert summary[(0, 0)] == report.title
        values = {summary[pos]: summary.get((pos[0], 1)) for pos in summary if pos[1] == 0}
        assert values[labels.PERIOD.in_(language)] == report.period_text
        assert values[labels.RULE.in_(language)] == report.rule_note
        assert values[labels.PRIMARY_SUPPRESSIONS.in_(language).format(k=5)] == float(report.primary_count)
        assert values[labels.SECONDARY_SUPPRESSIONS.in_(language)] == 3.0
        assert {summary[(r, 1)] for r in range(20) if (r, 1) in summary} >= set(report.notes)
    ko = _sheets(report_xlsx(published["ko"]))
    assert "6. 플랫폼" in ko
    assert CUSTOM_PLATFORM in ko["6. 플랫폼"].values()  # text, never a formula (the no-<f> check above)


def test_xlsx_structure_charts_font_and_frozen_header(published: dict[str, PublishedReport]) -> None:
    data = report_xlsx(published["ko"])
    book = zipfile.ZipFile(io.BytesIO(data))
    charts = sorted(n for n in book.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n))
    flagged = [t for t in published["ko"].tables if t.chart is ChartKind.BARS and not t.withheld]
    assert len(charts) == len(flagged) == 3
    for part, table in zip(charts, flagged, strict=True):
        xml = book.read(part).decode()
        assert '<c:barDir val="col"/>' in xml
        assert "<c:plotVisOnly" not in xml  # the data column is hidden: plot hidden cells
        points = {
            int(m.group(1)): float(m.group(2))
            for m in re.finditer(r'<c:pt idx="(\d+)"><c:v>([\d.]+)</c:v></c:pt>', xml.split("<c:numCache>")[1])
        }
        bars = [row for row in table.rows if not row.is_total]
        assert points == {i: row.cells[0].value for i, row in enumerate(bars) if row.cells[0].value is not None}
        assert any(row.cells[0].value is None for row in bars) or table.key != "new_cases_by_month"
    styles = book.read("xl/styles.xml").decode()
    first_font = styles.split("<font>", 1)[1].split("</font>", 1)[0]
    assert f'<name val="{FONT}"/>' in first_font and "<scheme" not in first_font
    sheet1 = book.read("xl/worksheets/sheet2.xml").decode()
    assert '<pane xSplit="1" ySplit="4" topLeftCell="B5" activePane="bottomRight" state="frozen"/>' in sheet1
    for name in book.namelist():
        if name.startswith("xl/worksheets/sheet"):
            assert "<f>" not in book.read(name).decode()


def test_sheet_names_are_valid_unique_and_short() -> None:
    names = sheet_names(
        ["a/b:c*d?e[f]g\\h", "'quoted'", "x" * 40, "x" * 40, "요약"],
        {"요약"},
    )
    for name in names:
        assert len(name) <= SHEET_NAME_LIMIT
        assert not set(name) & set("[]:*?/\\")
        assert not name.startswith("'") and not name.endswith("'")
    assert names[0] == "1. a b c d e f g h"
    assert names[1] == "2. 'quoted"
    assert len({n.casefold() for n in names}) == len(names)
    assert sheet_names(["same", "same"], {"1. same"}) == ["1. same (2)", "2. same"]


def test_korean_columns_are_wide_enough(published: dict[str, PublishedReport]) -> None:
    book = zipfile.ZipFile(io.BytesIO(report_xlsx(published["ko"])))
    xml = book.read("xl/worksheets/sheet4.xml").decode()  # 3. 피해 유형
    width = float(re.search(r'<col min="1" max="1" width="([\d.]+)"', xml).group(1))  # type: ignore[union-attr]
    # "합성·편집 (허위영상물·딥페이크)": 13 Hangul (2 columns each) and 7 narrow characters.
    assert width >= 2 * 13 + 7


# --- XLSX through LibreOffice ------------------------------------------------------------------------------


def test_libreoffice_reads_the_same_numbers_from_every_sheet(
    published: dict[str, PublishedReport], tmp_path: Path
) -> None:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.skip("LibreOffice (soffice) is not installed: on Debian, apt-get install libreoffice-calc-nogui")
    report = published["ko"]
    workbook = tmp_path / "report.xlsx"
    workbook.write_bytes(report_xlsx(report))
    # CSV filter tokens: comma, double quote, UTF-8 (76), from line 1, no column formats, language 0,
    # quote text cells off, (import-only), cell contents *not* as shown (raw numbers: 1082, not 1,082),
    # no formulas, no space trimming, and token 12 = -1: every sheet, each to its own file
    # (report-<sheet name>.csv; a positive N would export sheet N alone).
    options = "44,34,76,1,,0,false,true,false,false,false,-1"
    subprocess.run(
        [
            office,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            f"csv:Text - txt - csv (StarCalc):{options}",
            "--outdir",
            str(tmp_path),
            str(workbook),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    names = sheet_names([labels.sheet_label(t.key, "ko") for t in report.tables], {"요약"})
    for name, table in zip(names, report.tables, strict=True):
        path = tmp_path / f"report-{name}.csv"
        assert path.is_file(), f"LibreOffice wrote no sheet {name!r}: {sorted(p.name for p in tmp_path.iterdir())}"
        rows = list(csv.reader(io.StringIO(path.read_text("utf-8-sig"), newline="")))
        assert rows[0][0] == table.title
        if table.withheld:
            assert rows[1][0] == table.note
            assert all(not any(row) for row in rows[2:])
            continue
        width = len(table.header)
        assert rows[HEADER_ROW][:width] == list(table.header)
        for offset, row in enumerate(table.rows, start=1):
            # LibreOffice turns a carriage return inside a text into a line feed (the "\rCR" platform).
            label = row.label.replace("\r", "\n")
            assert rows[HEADER_ROW + offset][:width] == [label, *(cell.text for cell in row.cells)], table.key
    summary = list(csv.reader(io.StringIO((tmp_path / "report-요약.csv").read_text("utf-8-sig"), newline="")))
    assert summary[0][0] == report.title
    assert [labels.PERIOD.ko, report.period_text] in [row[:2] for row in summary]


# --- PDF ---------------------------------------------------------------------------------------------------


def _pdf_text(pdf: bytes, folder: Path, name: str = "report.pdf") -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (Debian poppler-utils, installed by scripts/run-tests) is not installed")
    path = folder / name
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    # NFKC: the Latin font sets "ffi" as one ligature glyph, which pdftotext gives back as U+FB03.
    return unicodedata.normalize("NFKC", text)


@pytest.mark.usefixtures("qapp")
def test_pdf_text_holds_every_title_in_the_reports_language(
    published: dict[str, PublishedReport], tmp_path: Path
) -> None:
    for language, report in published.items():
        text = _pdf_text(render_pdf(report_document(report)), tmp_path, f"{language}.pdf")
        flat = " ".join(text.split())
        assert report.title in flat
        assert report.period_text in flat
        for table in report.tables:
            assert table.title in flat, (language, table.title)
        assert labels.WITHHELD_NOTE.in_(language)[:30] in flat
        other = "en" if language == "ko" else "ko"
        assert labels.TABLE_TITLES["age_bands"].in_(other) not in flat
    ko = " ".join(_pdf_text(render_pdf(report_document(published["ko"])), tmp_path).split())
    # Month labels are in the two month tables, in their two charts, and in the cross-table's header:
    # the charts are drawn as text, not pictures.
    assert ko.count("2026년 2월") >= 5
    assert "10세 미만" in ko and "60대 이상" in ko
    # The page numbers are in the report's language, whatever the interface's is.
    assert re.search(r"· 1 / \d+쪽", ko)


def test_the_document_splits_wide_cross_tables_in_landscape_and_charts_only_shown_counts() -> None:
    report = publish(sample_report(date(2026, 1, 1), date(2027, 12, 1)), "en", TERMS)
    document = report_document(report)
    assert document.landscape
    blocks = list(document.blocks)
    start = next(i for i, b in enumerate(blocks) if getattr(b, "text", "") == "Cases by incident type and month")
    parts = [b for b in blocks[start + 1 :] if isinstance(b, Table)][:2]
    assert [b.text for b in blocks[start + 1 : start + 8] if hasattr(b, "text") and "Part" in b.text] == [
        "Part 1 of 2",
        "Part 2 of 2",
    ]
    titles = [[c.title for c in part.columns] for part in parts]
    months = [labels.month_label(m, "en") for m in report.months]
    assert titles[0][1:] + titles[1][1:] == [*months, "Total"]
    assert all(len(t) - 1 <= LANDSCAPE_VALUE_COLUMNS for t in titles)
    assert titles[0][0] == titles[1][0] == "Incident type"
    assert [len(row) for row in parts[0].rows] == [len(titles[0])] * len(parts[0].rows)

    charts = [b for b in blocks if isinstance(b, BarChart)]
    assert len(charts) == 3
    new_cases = next(t for t in report.tables if t.key == "new_cases_by_month")
    bars = charts[0].bars
    assert [bar.label for bar in bars] == months
    assert [(bar.value, bar.text) for bar in bars] == [(r.cells[0].value, r.cells[0].text) for r in new_cases.rows[:-1]]
    assert (bars[1].value, bars[1].text) == (None, "<5")  # hidden: no bar, its marker
    assert (bars[2].value, bars[2].text) == (0.0, "0")

    six_months = report_document(publish(sample_report(), "en", TERMS))
    assert not six_months.landscape
    assert not any("Part" in getattr(b, "text", "") for b in six_months.blocks)


def test_a_pdf_is_written_from_a_process_without_a_display(tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (Debian poppler-utils, installed by scripts/run-tests) is not installed")
    out = tmp_path / "cli.pdf"
    script = (
        "import sys\n"
        "from report_samples import TERMS, sample_report\n"
        "from safecase.pdf import render_pdf\n"
        "from safecase.reports.published import publish\n"
        "from safecase.reports.report_document import report_document\n"
        "open(sys.argv[1], 'wb').write(render_pdf(report_document(publish(sample_report(), 'ko', TERMS))))\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = os.pathsep.join([str(Path(__file__).parent), *sys.path])
    subprocess.run([sys.executable, "-c", script, str(out)], check=True, env=env, timeout=120, capture_output=True)
    text = " ".join(_pdf_text(out.read_bytes(), tmp_path, "cli-text.pdf").split())
    assert "익명 통계 보고서" in text and "피해 유형별·월별 사례" in text and "첫 상담부터 첫 연계까지" in text


# --- nothing hidden leaks --------------------------------------------------------------------------------

SECRET_CELL = 98765
SECRET_WITHHELD = 86420
SECRET_SIZE = 4242


def _secret_report() -> StatisticsReport:
    months = Axis("month", ("2026-03", "2026-04"))
    types = Axis("incident_type", ("rape", "stalking"), multi_valued=True)
    cross = CountTable(
        "incident_type_by_month",
        "cases",
        types,
        months,
        {("rape", "2026-03"): SECRET_CELL, ("rape", "2026-04"): 2, ("stalking", "2026-03"): 7},
    )
    regions = CountTable("regions", "cases", Axis("region", ("seoul",)), values={("seoul", ""): SECRET_WITHHELD})
    median = MedianTable(
        "median_days_to_removal", Axis("reported_to", ("kcsc", "all")), (MedianRow("all", SECRET_SIZE, 3.0),)
    )
    base = suppress([cross, regions], 5)
    states = dict(base.states)
    # Hide what would give the small cell away: the secret, its row total and the column totals.
    for key in (
        cross.cell_key("rape", "2026-03"),
        cross.row_total_key("rape"),
        cross.column_total_key("2026-03"),
        cross.column_total_key("2026-04"),
        cross.grand_total_key(),
    ):
        states[key] = CellState.SECONDARY
    return StatisticsReport(
        ReportPeriod(date(2026, 3, 1), date(2026, 4, 1)),
        5,
        (cross, regions, median),
        Suppression(5, states, frozenset({"regions"})),
        0,
    )


@pytest.mark.usefixtures("qapp")
def test_no_hidden_number_reaches_any_file(tmp_path: Path) -> None:
    secrets = [str(SECRET_CELL), str(SECRET_WITHHELD), str(SECRET_SIZE), f"{SECRET_CELL:,}", f"{SECRET_WITHHELD:,}"]
    for language in ("ko", "en"):
        report = publish(_secret_report(), language, {})
        assert (report.primary_count, report.secondary_count) == (1, 5)
        csv_text = report_csv(report).decode("utf-8")
        book = zipfile.ZipFile(io.BytesIO(report_xlsx(report)))
        xlsx_text = "".join(book.read(name).decode("utf-8", "replace") for name in book.namelist())
        pdf_text = _pdf_text(render_pdf(report_document(report)), tmp_path, f"secret-{language}.pdf")
        for found in (csv_text, xlsx_text, pdf_text):
            for secret in secrets:
                assert secret not in found
        assert "X" in csv_text and "<5" in csv_text


def test_a_report_without_cells_to_chart_still_writes(tmp_path: Path) -> None:
    report = publish(
        replace(
            sample_report(),
            suppression=Suppression(5, sample_report().suppression.states, frozenset({"incident_types"})),
        ),
        "en",
        TERMS,
    )
    assert next(t for t in report.tables if t.key == "incident_types").withheld
    book = zipfile.ZipFile(io.BytesIO(report_xlsx(report)))
    assert len([n for n in book.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]) == 2
    assert len([b for b in report_document(report).blocks if isinstance(b, BarChart)]) == 2
