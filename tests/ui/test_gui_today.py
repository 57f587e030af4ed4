"""The Today page: what a counselor sees first after signing in, and acting on it."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from gui_cases_support import seed
from gui_support import ADMIN, ADMIN_PASSWORD, COUNSELOR, COUNSELOR_PASSWORD, Gui
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from safecase.services.clock import SystemClock
from safecase.ui.pages.quick_intake import QuickIntakeDialog
from safecase.ui.shell.main_window import CASES, HOME, TAKEDOWNS, TODAY


def test_today_shows_overdue_referral_follow_ups_and_urgent_cases(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    work = seed(center_vault)
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    window = app.main_window
    assert window is not None and window.today is not None
    assert window.page_keys()[:4] == [TODAY, CASES, TAKEDOWNS, HOME]
    assert window.current_page() == TODAY, "caseworkers land on Today"
    today = window.today
    gui.settle(app.tasks)
    assert today.view is not None

    # The referral sent ten days ago (follow-up due three days ago) waits for an answer.
    referrals = today.referrals.list
    assert referrals.topLevelItemCount() == 1
    row = referrals.topLevelItem(0)
    assert row is not None
    assert row.text(1) == work.minji_number and row.text(2) == work.referral_org
    assert today.referrals.empty_label.isHidden()

    # My follow-ups: the referral's, one due yesterday (overdue, highlighted), one due today.
    due = [today.due.list.topLevelItem(i) for i in range(today.due.list.topLevelItemCount())]
    titles = [item.text(2) for item in due if item is not None]
    assert len(titles) == 3 and "법률구조공단 상담 일정 확인" in titles
    overdue = [item for item in due if item is not None and "overdue" in item.text(0)]
    assert len(overdue) == 2 and all(item.font(0).bold() for item in overdue)
    assert "다음 주 면담 준비" not in titles, "not due yet"

    urgent = today.urgent.list
    assert urgent.topLevelItemCount() == 1
    first_urgent = urgent.topLevelItem(0)
    assert first_urgent is not None and first_urgent.text(1) == "민지"
    gui.screenshot(window, "today")

    # Mark one done from here: it leaves the list.
    today.due.list.setCurrentItem(next(i for i in due if i is not None and i.text(2) == "법률구조공단 상담 일정 확인"))
    qtbot.mouseClick(today.done_button, Qt.MouseButton.LeftButton)
    gui.settle(app.tasks)
    assert today.due.list.topLevelItemCount() == 2
    assert "법률구조공단" in today.message.text()

    # Enter on the referral row opens its case.
    referrals.setFocus()
    referrals.setCurrentItem(referrals.topLevelItem(0))
    QTest.keyClick(referrals, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(window.case_windows()))
    assert window.case_windows()[0].case_id == work.minji


def test_overdue_days_count_from_the_day_the_service_chose_the_rows_for(
    gui: Gui, qtbot: QtBot, center_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(center_vault)  # follow-ups due yesterday, today and in six days (by the computer's date)
    service_day = date.today() + timedelta(days=10)
    monkeypatch.setattr(SystemClock, "today", lambda _self: service_day)  # the session's clock, not the UI's
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    window = app.main_window
    assert window is not None and window.today is not None
    gui.settle(app.tasks)
    page = window.today
    assert page.view is not None and page.view.today == service_day
    due = [page.due.list.topLevelItem(i) for i in range(page.due.list.topLevelItemCount())]
    late = {item.text(2): item.text(0) for item in due if item is not None}
    assert late["다음 주 면담 준비"].endswith("overdue by 4 days")
    assert late["법률구조공단 상담 일정 확인"].endswith("overdue by 10 days")
    assert late["민지 님께 안부 전화 (19시 이후)"].endswith("overdue by 11 days")
    assert str(service_day.year) in page.date_label.text()


def test_today_empty_states_are_calm(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    window = app.main_window
    assert window is not None and window.today is not None
    today = window.today
    gui.settle(app.tasks)
    for section in (today.due, today.referrals, today.urgent):
        assert section.list.isHidden() and not section.empty_label.isHidden()
        assert section.open_button.isHidden()
    assert today.due.empty_label.text() == "Nothing due today."
    assert today.done_button.isHidden()
    gui.screenshot(window, "today-empty")


def test_admin_without_casework_has_no_today_or_cases(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    app = gui.app(center_vault)
    gui.sign_in(app, ADMIN, ADMIN_PASSWORD)
    window = app.main_window
    assert window is not None
    assert window.today is None and window.cases is None
    assert TODAY not in window.page_keys() and window.current_page() == HOME
    assert not window.new_intake_action.isVisible()


def test_ctrl_n_opens_quick_intake_once(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    window = app.main_window
    assert window is not None
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2_000)
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: any(isinstance(w, QuickIntakeDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
    )
    dialog = window.new_intake()
    assert dialog is not None and dialog.isVisible()
    assert [w for w in QApplication.topLevelWidgets() if isinstance(w, QuickIntakeDialog) and w.isVisible()] == [dialog]


def test_urgent_cases_come_first_and_show_without_scrolling(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    """At 1366x768 with a taskbar (about 728 pixels left for the window), the urgent card is on screen."""
    seed(center_vault)
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    window = app.main_window
    assert window is not None and window.today is not None
    window.resize(1366, 728)
    gui.settle(app.tasks)
    today = window.today
    qtbot.waitUntil(lambda: today.urgent.list.topLevelItemCount() == 1)
    gui.settle(app.tasks)
    gui.screenshot(window, "today-1366x728")  # draws the page as it is laid out once every read arrived
    sections = [today.urgent, today.due, today.referrals, today.takedowns]
    tops = [section.mapTo(window, section.rect().topLeft()).y() for section in sections]
    assert tops == sorted(tops), "urgent cases, then follow-ups, referrals and take-downs"
    for section in sections:
        title = section.body.itemAt(0).widget()
        assert title is not None and title.height() <= title.heightForWidth(title.width()) + 2, (
            "a card is as tall as what it holds: no gap around its title"
        )
    urgent = today.urgent.list
    bottom = urgent.mapTo(window, urgent.rect().bottomLeft()).y()
    assert bottom < window.height(), "the urgent list ends above the window's bottom edge"
