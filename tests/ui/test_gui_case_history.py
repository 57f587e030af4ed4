"""The History tab: an empty state while nothing has changed, and words (not stored codes) for every field."""

from __future__ import annotations

from pathlib import Path

from gui_cases_support import seed
from gui_support import (
    ADMIN,
    ADMIN_PASSWORD,
    COUNSELOR,
    COUNSELOR_DISPLAY,
    COUNSELOR_PASSWORD,
    SUPERVISOR,
    SUPERVISOR_PASSWORD,
    Gui,
)
from pytestqt.qtbot import QtBot

from safecase.domain.cases import CaseFields, CaseFilter, RiskLevel, SurvivorProfile
from safecase.services import access, demo
from safecase.services.cases import CaseService
from safecase.ui.case.case_history import CaseHistoryTab
from safecase.ui.case.case_window import CaseWindow
from safecase.ui.shell.controller import SafeCaseApp


def _history(gui: Gui, app: SafeCaseApp, case_id: int) -> tuple[CaseWindow, CaseHistoryTab]:
    assert app.main_window is not None
    window = app.main_window.open_case(case_id)
    assert window is not None
    gui.qtbot.waitExposed(window)
    window.show_tab(CaseWindow.HISTORY)
    gui.settle(app.tasks)
    return window, window.history


def test_a_case_nobody_changed_yet_says_so(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    counselor = access.sign_in(center_vault, COUNSELOR, COUNSELOR_PASSWORD)
    try:
        case = CaseService(counselor).create(CaseFields(profile=SurvivorProfile(alias="민지")))
    finally:
        counselor.close()
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    window, tab = _history(gui, app, case.id)
    assert tab.empty_label.isVisible() and not tab.table.isVisible()
    text = tab.empty_label.text()
    assert text.startswith(f"Nothing has changed since {COUNSELOR_DISPLAY} opened this case on ")
    gui.screenshot(window, "case-history-nothing-changed")

    # The first change lists everything, the opening included.
    window.overview.risk_combo.setCurrentIndex(window.overview.risk_combo.findData(RiskLevel.HIGH.value))
    assert window.save()
    gui.settle(app.tasks)
    assert tab.table.isVisible() and not tab.empty_label.isVisible()
    fields = [row[3] for row in tab.rows()]
    assert "Risk" in fields and "Case number" in fields and "Alias" in fields


def test_a_case_without_any_history_shows_the_empty_state(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    """Demo cases are written without history (no person made them)."""
    admin = access.sign_in(center_vault, ADMIN, ADMIN_PASSWORD)
    try:
        demo.add_demo_cases(admin, 1, seed=7)
    finally:
        admin.close()
    app = gui.app(center_vault)
    gui.sign_in(app, SUPERVISOR, SUPERVISOR_PASSWORD)
    assert app.session is not None
    case_id = CaseService(app.session).list_ids(CaseFilter())[0]
    _window, tab = _history(gui, app, case_id)
    assert tab.empty_label.isVisible() and not tab.table.isVisible()
    assert tab.empty_label.text().startswith("No change is recorded for this case yet.")


def test_fields_and_values_read_as_words(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    work = seed(center_vault)
    app = gui.app(center_vault)
    gui.sign_in(app, SUPERVISOR, SUPERVISOR_PASSWORD)
    _window, tab = _history(gui, app, work.minji)
    rows = {(row[2].split(" #")[0], row[3]): row[4] for row in tab.rows()}
    assert rows[("Case", "Case number")] == work.minji_number
    assert rows[("Task", "For")] == COUNSELOR_DISPLAY, "whose follow-up it is, by display name"
    assert "+00:00" not in rows[("Contact", "Date and time")], "a time reads as local time, not as stored"
