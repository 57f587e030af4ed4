"""The Reports page: who sees it, the preview (hidden cells marked, suppression counts, charts), export
with its audit row, refusals in the message line, the empty states, the keyboard, and screenshots."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from gui_support import (
    ADMIN,
    ADMIN_PASSWORD,
    COUNSELOR,
    COUNSELOR_PASSWORD,
    SUPERVISOR,
    SUPERVISOR_PASSWORD,
    Gui,
    build_center_vault,
)
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from report_vault import CANARY, build_report_vault
from safecase.domain.audit import AuditAction
from safecase.pdf.charts import BAR_COLOR
from safecase.reports.published import ChartKind, PublishedCell, PublishedRow, PublishedTable
from safecase.reports.suppression import CellState
from safecase.services import access
from safecase.services.audit import AuditService
from safecase.services.demo import add_demo_cases
from safecase.services.reports import ReportFormat
from safecase.services.settings import SettingsService
from safecase.ui.pages.report_chart import ReportChart
from safecase.ui.pages.reports_model import PRIMARY_BACKGROUND, SECONDARY_BACKGROUND, STATE_ROLE, ReportTableModel
from safecase.ui.pages.reports_page import QuickPeriod, ReportsPage, quick_months
from safecase.ui.shell.controller import SafeCaseApp
from safecase.ui.shell.main_window import AUDIT, HOME, REPORTS, MainWindow
from vault_templates import VaultTemplates


def _report_vault(root: Path) -> None:
    """The GUI vault with the hand-built casework of the statistics tests (January to March 2026)."""
    build_center_vault(root)
    session = access.sign_in(root, SUPERVISOR, SUPERVISOR_PASSWORD)
    try:
        build_report_vault(session)
    finally:
        session.close()


def _demo_vault(root: Path) -> None:
    """The GUI vault with 400 demo cases since 2024 (enough that some counts are shown and some hidden)."""
    build_center_vault(root)
    session = access.sign_in(root, ADMIN, ADMIN_PASSWORD)
    try:
        add_demo_cases(session, 400, seed=7)
    finally:
        session.close()


def _open(gui: Gui, vault: Path, name: str = SUPERVISOR, password: str = SUPERVISOR_PASSWORD) -> SafeCaseApp:
    return gui.signed_in(vault, name, password)


def _page(gui: Gui, app: SafeCaseApp) -> tuple[MainWindow, ReportsPage]:
    window = app.main_window
    assert window is not None and window.reports is not None
    window.show_page(REPORTS)
    gui.settle(app.tasks)
    return window, window.reports


def _preview(gui: Gui, app: SafeCaseApp, page: ReportsPage, first: str, last: str) -> None:
    page.set_months(first, last)
    page.preview_button.click()
    gui.settle(app.tasks, timeout=30_000)


def _cells(page: ReportsPage) -> list[list[str]]:
    model = page.model
    return [[model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(model.rowCount())]


def _has_color(widget: QWidget, color: str) -> bool:
    """Whether any pixel of ``widget`` as drawn now is ``color`` (a bar; antialiased edges aside)."""
    QCoreApplication.processEvents()  # the chart is laid out and painted for the table just chosen
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    wanted = QColor(color).rgb()
    return any(image.pixel(x, y) == wanted for y in range(0, image.height(), 2) for x in range(0, image.width(), 2))


def test_only_supervisors_and_administrators_have_the_page(gui: Gui, center_vault: Path) -> None:
    app = _open(gui, center_vault, COUNSELOR, COUNSELOR_PASSWORD)
    assert app.main_window is not None
    assert REPORTS not in app.main_window.page_keys() and app.main_window.reports is None
    nav = app.main_window.nav
    assert "Reports" not in [nav.item(i).text() for i in range(nav.count())]
    app.quit()

    for name, password in ((SUPERVISOR, SUPERVISOR_PASSWORD), (ADMIN, ADMIN_PASSWORD)):
        other = _open(gui, center_vault, name, password)
        window = other.main_window
        assert window is not None and isinstance(window.reports, ReportsPage)
        keys = window.page_keys()
        assert keys.index(HOME) < keys.index(REPORTS) < keys.index(AUDIT)
        other.quit()


def test_quick_choices_are_whole_months_up_to_this_one() -> None:
    today = date(2026, 11, 20)
    assert quick_months(QuickPeriod.THIS_QUARTER, today) == (date(2026, 10, 1), date(2026, 11, 1))
    assert quick_months(QuickPeriod.LAST_QUARTER, today) == (date(2026, 7, 1), date(2026, 9, 1))
    assert quick_months(QuickPeriod.THIS_YEAR, today) == (date(2026, 1, 1), date(2026, 11, 1))
    assert quick_months(QuickPeriod.LAST_YEAR, today) == (date(2025, 1, 1), date(2025, 12, 1))
    assert quick_months(QuickPeriod.LAST_QUARTER, date(2026, 2, 3)) == (date(2025, 10, 1), date(2025, 12, 1))


def test_model_and_chart_mark_each_kind_of_hidden_cell(qtbot: QtBot) -> None:
    """Hand-made published cells: shown, <5, X, zero and a withheld median, each as the preview shows it."""
    rows = (
        PublishedRow("Telegram", (PublishedCell("12", 12.0),)),
        PublishedRow("Instagram", (PublishedCell("<5", None, CellState.PRIMARY),)),
        PublishedRow("X (Twitter)", (PublishedCell("X", None, CellState.SECONDARY),)),
        PublishedRow("Discord", (PublishedCell("0", 0.0),)),
        PublishedRow("Total", (PublishedCell("19", 19.0),), is_total=True),
    )
    table = PublishedTable("platforms", "Cases by platform", ("Platform", "Cases"), rows, chart=ChartKind.BARS)
    model = ReportTableModel()
    model.set_table(table, 5)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Cases"
    shown, primary, secondary, zero = (model.index(r, 1) for r in range(4))
    assert [model.data(i) for i in (shown, primary, secondary, zero)] == ["12", "<5", "X", "0"]
    assert (
        model.data(shown, Qt.ItemDataRole.BackgroundRole) is None
        and model.data(shown, Qt.ItemDataRole.ToolTipRole) is None
    )
    assert model.data(primary, Qt.ItemDataRole.BackgroundRole).name() == PRIMARY_BACKGROUND
    assert model.data(secondary, Qt.ItemDataRole.BackgroundRole).name() == SECONDARY_BACKGROUND
    assert model.data(secondary, Qt.ItemDataRole.ToolTipRole).startswith("Secondary suppression: hidden as “X”")
    assert model.data(secondary, Qt.ItemDataRole.AccessibleTextRole).startswith("X: Secondary suppression")
    assert model.data(zero, Qt.ItemDataRole.BackgroundRole) is None, "zero stays zero, unmarked"
    assert model.data(model.index(4, 1), Qt.ItemDataRole.FontRole).bold()
    assert model.data(shown, Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight

    chart = ReportChart()
    qtbot.addWidget(chart)
    chart.set_table(table)
    chart.resize(500, chart.sizeHint().height())
    assert [b.value for b in chart.bars()] == [12.0, None, None, 0.0], "no bar for the total or a hidden count"
    assert chart.bar_at(chart.sizeHint().height() / 2) is not None
    assert _has_color(chart, BAR_COLOR)
    chart.set_table(
        PublishedTable("platforms", "Cases by platform", ("Platform", "Cases"), rows[1:3], chart=ChartKind.BARS)
    )
    assert not _has_color(chart, BAR_COLOR), "nothing shown, nothing drawn"


def test_supervisor_previews_hidden_cells_counts_and_chart(
    gui: Gui, qtbot: QtBot, vault_dir: Path, vault_templates: VaultTemplates
) -> None:
    vault_templates.copy("reports", _report_vault, vault_dir)
    app = _open(gui, vault_dir)
    _, page = _page(gui, app)
    assert page.stack.currentWidget() is page.empty_label and "press Preview (F5)" in page.empty_label.text()
    assert not page.export_button.isEnabled(), "nothing to export before a preview"
    assert page.k_spin.minimum() == 5 and page.k_spin.value() == 5
    assert page.language_combo.currentData() == "en"

    page.set_months("2026-01", "2026-03")
    assert page.quick_choice() is QuickPeriod.CUSTOM
    page.setFocus()
    QTest.keyClick(page, Qt.Key.Key_F5)  # F5 previews
    gui.settle(app.tasks, timeout=30_000)
    assert page.preview is not None and page.stack.currentWidget() is page.results
    published = page.preview.published

    # New cases by month: A and B in January, F in February, G and C in March (D declined): all below 5.
    assert page.tables_list.currentItem().text() == "New cases by month"
    cells = _cells(page)
    assert [row[0] for row in cells[:3]] == ["Jan 2026", "Feb 2026", "Mar 2026"]
    assert [row[1] for row in cells[:3]] == ["<5", "<5", "<5"]
    january = page.model.index(0, 1)
    assert page.model.data(january, STATE_ROLE) is CellState.PRIMARY
    assert page.model.data(january, Qt.ItemDataRole.BackgroundRole).name() == PRIMARY_BACKGROUND
    assert "Primary suppression: a count from 1 to 4" in page.model.data(january, Qt.ItemDataRole.ToolTipRole)
    assert cells[-1][0] == "Total" and page.model.data(page.model.index(3, 1), Qt.ItemDataRole.FontRole).bold()
    assert page.model.data(page.model.index(0, 0), Qt.ItemDataRole.FontRole) is None

    # The counts of hidden numbers, the rule and the consent note, as every export prints them.
    assert published.primary_count > 0
    assert page.primary_chip.text() == "<5"
    assert page.primary_label.text() == f"Numbers shown as “<5”: {published.primary_count}"
    assert page.secondary_label.text() == (f"Numbers shown as “X” (secondary suppression): {published.secondary_count}")
    notes = page.notes_label.text()
    assert "k = 5" in notes and published.rule_note in notes
    assert "1 case was left out" in notes or "left out" in notes
    assert CANARY not in notes + "".join(row[0] for row in cells)

    # The chart of the same table: three rows, every one hidden, so not one bar is drawn.
    assert page.chart_area.isVisibleTo(page)
    chart: ReportChart = page.chart
    assert [(b.label, b.value, b.text) for b in chart.bars()] == [
        ("Jan 2026", None, "<5"),
        ("Feb 2026", None, "<5"),
        ("Mar 2026", None, "<5"),
    ]
    assert not _has_color(chart, BAR_COLOR)
    assert "Jan 2026: <5" in chart.accessibleDescription()

    # A cross-table has no chart; every table of the report is listed in its order.
    titles = [page.tables_list.item(i).text() for i in range(page.tables_list.count())]
    assert titles == [t.title for t in published.tables] and len(titles) == 20
    assert page.show_table("incident_type_by_month")
    assert not page.chart_area.isVisibleTo(page)
    assert page.model.columnCount() == 1 + 3 + 1  # label, three months, total
    assert page.show_table("median_days_to_removal")
    withheld = page.model.index(0, 1)
    assert page.model.data(withheld) == "–"
    assert "fewer than 5 records" in page.model.data(withheld, Qt.ItemDataRole.ToolTipRole)


def test_export_writes_the_previewed_report_and_its_hash_is_in_the_audit_log(
    gui: Gui, qtbot: QtBot, vault_dir: Path, vault_templates: VaultTemplates, tmp_path: Path
) -> None:
    vault_templates.copy("reports", _report_vault, vault_dir)
    app = _open(gui, vault_dir)
    _, page = _page(gui, app)
    _preview(gui, app, page, "2026-01", "2026-03")
    assert page.export_button.isEnabled()
    out = tmp_path / "out"
    out.mkdir()

    # CSV through the file dialog (Qt's own, forgetting where it was).
    dialog = page.choose_export_file(ReportFormat.CSV)
    assert isinstance(dialog, QFileDialog)
    assert dialog.defaultSuffix() == "csv" and dialog.selectedFiles()[0].endswith("statistics-2026-01-to-2026-03.csv")
    dialog.setDirectory(str(out))
    dialog.selectFile("q1")
    dialog.accept()
    gui.settle(app.tasks, timeout=30_000)
    target = out / "q1.csv"
    data = target.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    assert data.startswith(b"\xef\xbb\xbf") and b"<5" in data and CANARY.encode() not in data
    assert page.message.text() == f"The report was written to {target}\nSHA-256: {digest}"
    assert page.last_export is not None and page.last_export.sha256 == digest
    gui.screenshot(page.window(), "reports-exported")

    # PDF, in Korean: the language changes the choices, so the preview must be built again first.
    page.language_combo.setCurrentIndex(page.language_combo.findData("ko"))
    assert not page.export_button.isEnabled() and page.stale_label.isVisibleTo(page)
    page.preview_button.click()
    gui.settle(app.tasks, timeout=30_000)
    assert page.export_button.isEnabled() and not page.stale_label.isVisibleTo(page)
    assert page.tables_list.item(0).text() == "월별 신규 사례"
    pdf = out / "q1.pdf"
    page.export_to(ReportFormat.PDF, pdf)
    gui.settle(app.tasks, timeout=60_000)
    pdf_digest = hashlib.sha256(pdf.read_bytes()).hexdigest()
    assert pdf.read_bytes().startswith(b"%PDF")
    assert pdf_digest in page.message.text()

    assert app.session is not None
    rows = [e for e in AuditService(app.session).entries(50) if e.action == AuditAction.REPORT_EXPORTED]
    assert [(r.details["format"], r.details["language"], r.details["sha256"]) for r in rows] == [
        ("pdf", "ko", pdf_digest),
        ("csv", "en", digest),
    ]
    assert all(r.actor == SUPERVISOR and r.details["k"] == "5" for r in rows)


def test_refusals_show_in_the_message_line(
    gui: Gui, qtbot: QtBot, vault_dir: Path, vault_templates: VaultTemplates
) -> None:
    vault_templates.copy("reports", _report_vault, vault_dir)
    app = _open(gui, vault_dir)
    window, page = _page(gui, app)

    # A period that ends before it starts never reaches the service.
    page.set_months("2026-03", "2026-01")
    page.preview_button.click()
    gui.settle(app.tasks)
    assert page.message.text() == "The period ends (2026-01) before it starts (2026-03)."
    assert page.preview is None

    # The administrator raises k while the page still offers 5: the service refuses the lower k.
    admin = access.sign_in(vault_dir, ADMIN, ADMIN_PASSWORD)
    try:
        SettingsService(admin).set_report_min_cell(7)
    finally:
        admin.close()
    _preview(gui, app, page, "2026-01", "2026-03")
    assert page.message.text() == (
        "k cannot be lower than 7, the smallest count this vault's administrator allows reports to show."
    )
    assert "Traceback" not in page.message.text() and page.preview is None
    assert not page.export_button.isEnabled()

    # Shown again, the page reads the setting: 7 is now the lowest k offered, and the preview works.
    window.show_page(HOME)
    window.show_page(REPORTS)
    gui.settle(app.tasks)
    assert page.k_spin.minimum() == 7 and page.k_spin.value() == 7
    assert "This vault's setting is k = 7" in page.k_hint.text()
    page.preview_button.click()
    gui.settle(app.tasks, timeout=30_000)
    assert page.preview is not None and page.preview.published.k == 7
    assert not page.message.isVisible()
    assert page.primary_chip.text() == "<7" and "k = 7" in page.notes_label.text()
    gui.screenshot(window, "reports-k7")


def test_a_period_without_casework_says_so(
    gui: Gui, qtbot: QtBot, vault_dir: Path, vault_templates: VaultTemplates
) -> None:
    vault_templates.copy("reports", _report_vault, vault_dir)
    app = _open(gui, vault_dir)
    _, page = _page(gui, app)
    _preview(gui, app, page, "2025-01", "2025-06")
    assert page.preview is not None
    assert page.stack.currentWidget() is page.empty_label
    text = page.empty_label.text()
    assert text.startswith("Nothing to count in 2025-01 to 2025-06: no case was opened")
    assert "every count in it is 0" in text
    assert page.export_button.isEnabled(), "a report of zeros may still be sent"
    gui.screenshot(page.window(), "reports-empty-period")


def test_keyboard_order_mnemonics_and_f5(
    gui: Gui, qtbot: QtBot, vault_dir: Path, vault_templates: VaultTemplates
) -> None:
    vault_templates.copy("reports", _report_vault, vault_dir)
    app = _open(gui, vault_dir)
    window, page = _page(gui, app)
    _preview(gui, app, page, "2026-01", "2026-03")
    window.activateWindow()
    page.period_combo.setFocus()
    order = [
        page.period_combo,
        page.from_edit,
        page.to_edit,
        page.k_spin,
        page.language_combo,
        page.preview_button,
        page.export_button,
        page.tables_list,
        page.table,
    ]
    owners: list[QWidget] = []
    for _ in range(len(order) + 2):  # Tab in a month box first moves from its year to its month, as Qt's do
        focused = QApplication.focusWidget()
        owner = next(w for w in order if w is focused or w.isAncestorOf(focused))
        if not owners or owners[-1] is not owner:
            owners.append(owner)
        if owner is page.table:
            break
        QTest.keyClick(focused, Qt.Key.Key_Tab)
    assert owners == order

    # Every control has a mnemonic on its label or itself.
    buddies = {label.buddy(): label.text() for label in page.findChildren(type(page.k_hint)) if label.buddy()}
    assert buddies[page.period_combo] == "Peri&od:" and buddies[page.k_spin] == "Smallest count shown (&k):"
    assert buddies[page.tables_list] == "Ta&bles:"
    assert page.preview_button.text() == "&Preview" and page.export_button.text() == "&Export…"

    # F5 builds again, from anywhere on the page; on another page it does nothing here.
    page.tables_list.setFocus()
    previous = page.preview
    QTest.keyClick(page.tables_list, Qt.Key.Key_F5)
    gui.settle(app.tasks, timeout=30_000)
    assert page.preview is not previous
    window.show_page(HOME)
    shown = page.preview
    QTest.keyClick(window, Qt.Key.Key_F5)
    gui.settle(app.tasks)
    assert page.preview is shown


def test_screenshots_in_english_and_korean(
    gui: Gui, qtbot: QtBot, vault_dir: Path, vault_templates: VaultTemplates
) -> None:
    vault_templates.copy("demo", _demo_vault, vault_dir)
    app = _open(gui, vault_dir)
    window, page = _page(gui, app)
    assert page.quick_choice() is QuickPeriod.LAST_QUARTER
    page.preview_button.click()
    gui.settle(app.tasks, timeout=60_000)
    assert page.preview is not None and page.stack.currentWidget() is page.results
    gui.screenshot(window, "reports-en")

    # Cases by incident type: a bar for every count shown, a marker for every one hidden.
    assert page.show_table("incident_types")
    bars = page.chart.bars()
    assert any(b.value for b in bars) and any(b.value is None and b.text == "<5" for b in bars)
    assert _has_color(page.chart, BAR_COLOR)
    gui.screenshot(window, "reports-en-incident-types")

    page.language_combo.setCurrentIndex(page.language_combo.findData("ko"))
    page.preview_button.click()
    gui.settle(app.tasks, timeout=60_000)
    assert page.preview.published.language == "ko"
    assert page.tables_list.currentItem().text() == "피해 유형별 사례", "the table shown stays shown"
    gui.screenshot(window, "reports-ko-incident-types")
    assert page.show_table("incident_type_by_month")
    gui.screenshot(window, "reports-ko-cross-table")
    assert page.show_table("new_cases_by_month")
    gui.screenshot(window, "reports-ko")
