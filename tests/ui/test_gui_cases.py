"""The Cases page: who sees which cases, filters, Korean full-text search, sorting, opening a case."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from gui_cases_support import seed
from gui_support import COUNSELOR, COUNSELOR_PASSWORD, SUPERVISOR, SUPERVISOR_PASSWORD, Gui, settle
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from safecase.domain.cases import CaseFilter, CaseSort, CaseStatus, CaseSummary, RiskLevel
from safecase.services.cases import CaseService
from safecase.ui.pages.cases_model import BLOCK, RISK_BACKGROUND, CasesModel, immediately
from safecase.ui.pages.cases_page import CasesPage
from safecase.ui.shell.controller import SafeCaseApp
from safecase.ui.shell.main_window import CASES
from safecase.ui.tasks import TaskManager


def _cases_page(gui: Gui, app: SafeCaseApp) -> CasesPage:
    window = app.main_window
    assert window is not None and window.cases is not None
    window.show_page(CASES)
    gui.qtbot.waitExposed(window.cases)
    gui.settle(app.tasks)
    return window.cases


def _aliases(page: CasesPage) -> list[str]:
    model = page.model
    return [str(model.data(model.index(row, CasesModel.ALIAS))) for row in range(model.rowCount())]


def _search(qtbot: QtBot, page: CasesPage, tasks: TaskManager, text: str) -> None:
    """Type as a person would (setText for Hangul) and wait for the debounced query and its answer."""
    page.search_edit.setText(text)
    qtbot.waitUntil(lambda: not page._search_timer.isActive(), timeout=2_000)
    settle(qtbot, tasks)


def _click_header(table: QTableView, section: int) -> None:
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(x, 5))


def test_counselor_sees_own_cases_filters_and_searches(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    work = seed(center_vault)
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    page = _cases_page(gui, app)
    model = page.model

    # Newest first; the supervisor's closed case is not there at all.
    assert _aliases(page) == ["상병A", "민지"]
    assert work.closed not in model.ids()
    assert page.counselor_combo.isHidden(), "counselors filter only for supervisors"
    minji = model.row_of(work.minji)
    assert model.data(model.index(minji, CasesModel.NUMBER)) == work.minji_number
    assert model.data(model.index(minji, CasesModel.STATUS)) == "Active"
    assert model.data(model.index(minji, CasesModel.RISK)) == "Urgent"
    assert (
        model.data(model.index(minji, CasesModel.RISK), Qt.ItemDataRole.BackgroundRole)
        == RISK_BACKGROUND[RiskLevel.URGENT]
    )
    assert model.data(model.index(minji, CasesModel.COUNSELORS)) == "김상담"
    incidents = str(model.data(model.index(minji, CasesModel.INCIDENTS)))
    assert "deepfake" in incidents and "sextortion" in incidents
    assert model.data(model.index(minji, CasesModel.OVERDUE)) == "2"
    assert page.count_label.text() == "2 cases"
    assert app.main_window is not None
    gui.screenshot(app.main_window, "cases")

    # Filters.
    page.risk_combo.setCurrentIndex(page.risk_combo.findData([RiskLevel.URGENT.value]))
    gui.settle(app.tasks)
    assert _aliases(page) == ["민지"]
    assert page.count_label.text() == "1 case matches"
    page.status_combo.setCurrentIndex(page.status_combo.findData([CaseStatus.CLOSED.value]))
    gui.settle(app.tasks)
    assert model.rowCount() == 0
    assert page.stack.currentWidget() is page.empty_label
    assert "No case matches" in page.empty_label.text()
    page.clear_filters()
    gui.settle(app.tasks)
    assert model.rowCount() == 2
    page.overdue_check.setChecked(True)
    gui.settle(app.tasks)
    assert _aliases(page) == ["민지"]
    page.clear_filters()
    gui.settle(app.tasks)

    # Full-text search, Korean: a two-syllable word inside a longer word-form, and a word with a particle.
    _search(qtbot, page, app.tasks, "협")
    assert "at least 2 characters" in page.message.text()
    assert model.rowCount() == 2, "one character does not filter"
    _search(qtbot, page, app.tasks, "당함")
    assert _aliases(page) == ["상병A"]
    assert page.message.isHidden()
    _search(qtbot, page, app.tasks, "협박")
    assert sorted(_aliases(page)) == ["민지", "상병A"]
    _search(qtbot, page, app.tasks, "텔레그램")
    assert _aliases(page) == ["민지"]
    _search(qtbot, page, app.tasks, "전역")
    assert model.rowCount() == 0, "a word only in the supervisor's case finds nothing for the counselor"
    gui.screenshot(page, "cases-no-match")

    # Ctrl+F from another page focuses the search; Enter there moves to the list and Enter opens.
    window = app.main_window
    assert window is not None
    window.show_page("today")
    window.activateWindow()
    qtbot.waitActive(window)
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == CASES
    qtbot.waitUntil(page.search_edit.hasFocus)
    page.search_edit.setText("텔레그램")
    QTest.keyClick(page.search_edit, Qt.Key.Key_Return)
    gui.settle(app.tasks)
    assert page.table.hasFocus() and page.selected_case_id() == work.minji
    QTest.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(window.case_windows()))
    assert [w.case_id for w in window.case_windows()] == [work.minji]


def test_sorting_by_a_header_queries_again(
    gui: Gui, qtbot: QtBot, center_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(center_vault)
    app = gui.app(center_vault)
    gui.sign_in(app, SUPERVISOR, SUPERVISOR_PASSWORD)
    page = _cases_page(gui, app)
    assert _aliases(page) == ["상병A", "민지", "J.K."]
    queried: list[CaseSort] = []
    original = CaseService.list_ids

    def spy(service: CaseService, flt: CaseFilter, log: bool = True) -> list[int]:
        queried.append(flt.sort)
        return original(service, flt, log=log)

    monkeypatch.setattr(CaseService, "list_ids", spy)
    _click_header(page.table, CasesModel.ALIAS)
    gui.settle(app.tasks)
    assert queried == [CaseSort.ALIAS]
    assert _aliases(page) == ["J.K.", "민지", "상병A"]
    _click_header(page.table, CasesModel.ALIAS)
    gui.settle(app.tasks)
    assert _aliases(page) == ["상병A", "민지", "J.K."]
    _click_header(page.table, CasesModel.RISK)
    gui.settle(app.tasks)
    assert queried[-1] == CaseSort.RISK
    assert _aliases(page)[0] == "민지", "most urgent first"
    # Counselors cannot be sorted by: no query, the indicator stays on Risk.
    _click_header(page.table, CasesModel.COUNSELORS)
    gui.settle(app.tasks)
    assert len(queried) == 3
    assert page.table.horizontalHeader().sortIndicatorSection() == CasesModel.RISK

    # Supervisors filter by counselor.
    page.counselor_combo.setCurrentIndex(page.counselor_combo.findData(SUPERVISOR))
    gui.settle(app.tasks)
    assert _aliases(page) == ["J.K."]
    gui.screenshot(page, "cases-supervisor")


def test_the_model_loads_only_the_rows_on_screen(qtbot: QtBot) -> None:
    asked: list[int] = []

    def loader(ids: Sequence[int]) -> list[CaseSummary]:
        asked.append(len(ids))
        now = datetime.now(UTC)
        return [
            CaseSummary(i, f"2026-{i:05d}", CaseStatus.OPEN, RiskLevel.LOW, date(2026, 1, 1), "", (), (), 0, now)
            for i in ids
        ]

    model = CasesModel(immediately(loader))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(800, 400)
    model.set_ids(list(range(1, 100_001)))
    view.show()
    qtbot.waitExposed(view)
    QApplication.processEvents()
    assert model.rowCount() == 100_000
    assert asked and max(asked) <= BLOCK and sum(asked) <= 2 * BLOCK
    view.scrollToBottom()
    QApplication.processEvents()
    assert model.data(model.index(99_999, CasesModel.NUMBER)) == "2026-100000"
    assert model.cached_count() <= 4 * BLOCK
    model.set_ids([5, 6])
    assert model.cached_count() == 0, "a refresh drops the cache"
