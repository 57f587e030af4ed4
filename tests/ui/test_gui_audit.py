"""The Audit log page: filters by person, action, case and days (applied by the service, in SQL), names
people and cases as the app does, shows an empty state, and tabs through its filters in reading order."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from gui_cases_support import seed
from gui_support import (
    COUNSELOR,
    COUNSELOR_DISPLAY,
    COUNSELOR_PASSWORD,
    SCREEN,
    SUPERVISOR,
    SUPERVISOR_DISPLAY,
    SUPERVISOR_PASSWORD,
    Gui,
)
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from safecase.domain.audit import AuditAction, AuditFilter
from safecase.services import access
from safecase.services.cases import CaseService
from safecase.ui.pages.audit_page import AuditPage
from safecase.ui.shell.controller import SafeCaseApp
from safecase.ui.shell.main_window import AUDIT

REVEALED = AuditAction.CASE_REVEALED.value


def _audit_page(gui: Gui, app: SafeCaseApp) -> AuditPage:
    main = app.main_window
    assert main is not None and main.audit is not None
    main.resize(*SCREEN)
    main.show_page(AUDIT)
    gui.settle(app.tasks)
    return main.audit


def test_audit_filters_person_action_case_and_days(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    work = seed(center_vault)
    counselor = access.sign_in(center_vault, COUNSELOR, COUNSELOR_PASSWORD)
    try:
        CaseService(counselor).reveal(work.minji)
    finally:
        counselor.close()
    app = gui.app(center_vault)
    gui.sign_in(app, SUPERVISOR, SUPERVISOR_PASSWORD)
    page = _audit_page(gui, app)
    filters = page.filters
    model = page.model
    assert model.rowCount() > 5 and page.count_label.text().startswith("Showing")
    people = [filters.person_combo.itemText(i) for i in range(filters.person_combo.count())]
    assert people[0] == "Anyone" and {COUNSELOR_DISPLAY, SUPERVISOR_DISPLAY} <= set(people)
    seqs = [model.entry(r).seq for r in range(model.rowCount())]
    assert seqs == sorted(seqs, reverse=True), "newest first"

    filters.person_combo.setCurrentIndex(filters.person_combo.findData(COUNSELOR))
    gui.settle(app.tasks)
    assert {model.entry(r).actor for r in range(model.rowCount())} == {COUNSELOR}

    filters.action_combo.setCurrentIndex(filters.action_combo.findData(REVEALED))
    gui.settle(app.tasks)
    assert [model.entry(r).target_id for r in range(model.rowCount())] == [str(work.minji)]

    # A case with no reveal: the empty state, not an empty table.
    filters.person_combo.setCurrentIndex(0)
    filters.case_edit.setText(work.closed_number)
    qtbot.waitUntil(lambda: filters.current().case_number == work.closed_number)
    gui.settle(app.tasks)
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.empty_label)
    assert model.rowCount() == 0 and page.empty_label.isVisible()
    assert page.count_label.text() == "Showing 0 of 0 matching entries"
    gui.screenshot(app.main_window, "audit-no-match")  # type: ignore[arg-type]

    # Half a number reads nothing; a complete unknown one is refused with a message.
    filters.case_edit.setText("2026-")
    qtbot.wait(2 * 400)
    assert not app.tasks.querying
    filters.case_edit.setText("2019-0001")
    qtbot.waitUntil(lambda: "2019-0001" in page.empty_label.text(), timeout=5_000)
    assert page.stack.currentWidget() is page.empty_label and model.rowCount() == 0
    gui.screenshot(app.main_window, "audit-unknown-case")  # type: ignore[arg-type]

    # Days: nothing happened tomorrow; clearing brings every entry back.
    filters.case_edit.clear()
    filters.action_combo.setCurrentIndex(0)
    tomorrow = date.today() + timedelta(days=1)
    filters.from_date.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    filters.from_check.setChecked(True)
    gui.settle(app.tasks)
    assert model.rowCount() == 0 and page.empty_label.text().startswith("No entry matches")
    qtbot.mouseClick(filters.clear_button, Qt.MouseButton.LeftButton)
    gui.settle(app.tasks)
    assert filters.current() == AuditFilter()
    assert model.rowCount() > 5 and page.stack.currentWidget() is page.table


def test_the_audit_filters_tab_in_reading_order(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    app = gui.app(center_vault)
    gui.sign_in(app, SUPERVISOR, SUPERVISOR_PASSWORD)
    page = _audit_page(gui, app)
    f = page.filters
    # The date fields are skipped until their box is ticked.
    expected = [f.person_combo, f.action_combo, f.case_edit, f.from_check, f.to_check, f.clear_button, page.table]
    main = app.main_window
    assert main is not None
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main, timeout=2_000)
    f.person_combo.setFocus()
    order = [QApplication.focusWidget()]
    for _ in expected[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order == expected
