"""The Take-downs page and Today's reminder: listing, sorting, overdue shown, the dialogs, the empty state."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from gui_cases_support import Casework, seed
from gui_support import COUNSELOR, COUNSELOR_PASSWORD, SUPERVISOR, SUPERVISOR_PASSWORD, Gui
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from safecase.domain.takedowns import ReportedTo, TakedownStatus
from safecase.services import access
from safecase.services.takedowns import NewTakedown, TakedownService
from safecase.ui.case.case_history import ValueWords, field_label, record_label
from safecase.ui.common.widgets import ERROR_COLOR
from safecase.ui.pages.takedown_dialogs import (
    ReappearedDialog,
    RecheckDialog,
    TakedownDialog,
    TakedownStatusDialog,
)
from safecase.ui.pages.takedowns_model import TakedownsModel
from safecase.ui.pages.takedowns_page import TakedownsPage
from safecase.ui.shell.controller import SafeCaseApp
from safecase.ui.shell.main_window import TAKEDOWNS, TODAY, MainWindow

TODAY_DATE = date.today()


@dataclass(frozen=True)
class Takedowns:
    work: Casework
    overdue: int  # minji, telegram, re-check two days ago
    later: int  # sangbyeong, X, in three days
    undated: int  # minji, no re-check date
    today: int  # sangbyeong, re-check today
    hidden: int  # the supervisor's closed case: never on the counselor's list


def _seed(vault: Path) -> Takedowns:
    work = seed(vault)
    session = access.sign_in(vault, SUPERVISOR, SUPERVISOR_PASSWORD)
    try:
        service = TakedownService(session)

        def add(case_id: int, url: str, platform: str, to: ReportedTo, days_ago: int, recheck: int | None) -> int:
            reported = TODAY_DATE - timedelta(days=days_ago)
            entry = NewTakedown(
                url,
                platform,
                to,
                reported_on=reported,
                reference=f"REF-{days_ago}",
                recheck_on=None if recheck is None else TODAY_DATE + timedelta(days=recheck),
            )
            return service.record(case_id, entry).id

        return Takedowns(
            work,
            overdue=add(work.minji, "https://t.me/deepfake_room/4411", "텔레그램", ReportedTo.DSC, 9, -2),
            later=add(work.sangbyeong, "https://x.com/anon_acc/status/1881", "x", ReportedTo.PLATFORM, 4, 3),
            undated=add(work.minji, "https://webhard.example/file/2231", "webhard", ReportedTo.KCSC, 1, None),
            today=add(work.sangbyeong, "https://open.kakao.com/o/g9xAB", "kakaotalk", ReportedTo.POLICE, 7, 0),
            hidden=add(work.closed, "https://example.org/old/1", "other", ReportedTo.OTHER, 40, -10),
        )
    finally:
        session.close()


def _signed_in(gui: Gui, vault: Path, name: str = COUNSELOR, password: str = COUNSELOR_PASSWORD) -> SafeCaseApp:
    return gui.signed_in(vault, name, password)


def _page(gui: Gui, app: SafeCaseApp) -> tuple[MainWindow, TakedownsPage]:
    window = app.main_window
    assert window is not None and window.takedowns is not None
    window.show_page(TAKEDOWNS)
    gui.settle(app.tasks)
    return window, window.takedowns


def _ids(page: TakedownsPage) -> list[int]:
    return [row.takedown.id for row in page.model.rows()]


def _select(page: TakedownsPage, takedown_id: int) -> None:
    assert page.select_takedown(takedown_id)


def test_page_lists_open_takedowns_by_recheck_date_with_overdue_shown(
    gui: Gui, qtbot: QtBot, center_vault: Path
) -> None:
    seeded = _seed(center_vault)
    app = _signed_in(gui, center_vault)
    window, page = _page(gui, app)
    assert window.page_keys().index(TAKEDOWNS) == 2, "after Today and Cases"
    assert _ids(page) == [seeded.overdue, seeded.today, seeded.later, seeded.undated], "the supervisor's is not hers"
    model = page.model
    first = model.index(0, TakedownsModel.RECHECK)
    assert model.data(first, Qt.ItemDataRole.ForegroundRole).name() == ERROR_COLOR
    assert model.data(first, Qt.ItemDataRole.FontRole).bold()
    assert "overdue by 2 days" in model.data(first, Qt.ItemDataRole.ToolTipRole)
    due_today = model.index(1, TakedownsModel.RECHECK)
    assert model.data(due_today, Qt.ItemDataRole.ForegroundRole) is None, "today is not overdue"
    assert model.data(due_today, Qt.ItemDataRole.FontRole).bold()
    assert model.data(model.index(3, TakedownsModel.RECHECK)) == "—"
    row = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert row[TakedownsModel.CASE] == seeded.work.minji_number
    assert row[TakedownsModel.PLATFORM] == "Telegram" and row[TakedownsModel.REPORTED_TO] == "DSC (디성센터)"
    assert row[TakedownsModel.STATUS] == "Reported"
    assert row[TakedownsModel.REPORTED_ON] == (TODAY_DATE - timedelta(days=9)).isoformat()
    assert "4 take-downs" in page.count_label.text() and "1 overdue" in page.count_label.text()
    gui.screenshot(window, "takedowns")

    # A header click sorts by that column, keeping the selection; the re-check date sorts back.
    _select(page, seeded.later)
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(TakedownsModel.CASE) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    numbers = [r.case_number for r in page.model.rows()]
    assert numbers == sorted(numbers)
    assert page.selected_takedown_id() == seeded.later
    page.table.sortByColumn(TakedownsModel.RECHECK, Qt.SortOrder.AscendingOrder)
    assert _ids(page) == [seeded.overdue, seeded.today, seeded.later, seeded.undated]

    # "To re-check now" lists the due ones; Enter opens the case.
    page.show_combo.setCurrentIndex(1)
    gui.settle(app.tasks)
    assert _ids(page) == [seeded.overdue, seeded.today]
    page.table.setFocus()
    page.table.selectRow(0)
    QTest.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(window.case_windows()))
    assert window.case_windows()[0].case_id == seeded.work.minji


def test_supervisor_sees_every_case(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    seeded = _seed(center_vault)
    app = _signed_in(gui, center_vault, SUPERVISOR, SUPERVISOR_PASSWORD)
    _window, page = _page(gui, app)
    assert _ids(page)[0] == seeded.hidden and len(_ids(page)) == 5


def test_status_dialog_then_reappeared(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    seeded = _seed(center_vault)
    app = _signed_in(gui, center_vault)
    _window, page = _page(gui, app)
    _select(page, seeded.overdue)
    assert page.reappeared_button.isEnabled() is False and page.recheck_button.isEnabled()
    qtbot.mouseClick(page.status_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, TakedownStatusDialog)
    qtbot.waitExposed(dialog)
    assert dialog.chosen_status() is TakedownStatus.ACKNOWLEDGED, "the usual next step is proposed"
    assert dialog.reference_edit.text() == "REF-9"
    dialog.status_combo.set_code(TakedownStatus.REMOVED.value)
    assert not dialog.recheck_check.isEnabled() and not dialog.settled_hint.isHidden()
    dialog.note_edit.setPlainText("디성센터에서 삭제 완료 통보")
    gui.screenshot(dialog, "takedown-status")
    # Tab order: status, date, reference, re-check, note.
    assert dialog.status_combo.nextInFocusChain() is dialog.on_edit
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    gui.settle(app.tasks)
    assert seeded.overdue not in _ids(page), "removed: off the open list"
    assert "status saved" in page.message.text()

    page.show_combo.setCurrentIndex(2)  # removed or refused
    gui.settle(app.tasks)
    assert _ids(page) == [seeded.overdue]
    _select(page, seeded.overdue)
    assert page.reappeared_button.isEnabled() and not page.recheck_button.isEnabled()
    qtbot.mouseClick(page.reappeared_button, Qt.MouseButton.LeftButton)
    again = page.dialog
    assert isinstance(again, ReappearedDialog)
    qtbot.waitExposed(again)
    again.url_edit.setText("https://t.me/mirror_room/77")
    gui.screenshot(again, "takedown-reappeared")
    qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    page.show_combo.setCurrentIndex(0)
    gui.settle(app.tasks)
    new = next(r.takedown for r in page.model.rows() if r.takedown.reappeared_from == seeded.overdue)
    assert new.status is TakedownStatus.REAPPEARED and new.url == "https://t.me/mirror_room/77"
    assert page.selected_takedown_id() == new.id
    status = page.model.data(page.model.index(page.model.row_of(new.id), TakedownsModel.STATUS))
    assert status == f"Reappeared (of #{seeded.overdue})"


def test_recheck_dialog_moves_it_off_today(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    seeded = _seed(center_vault)
    app = _signed_in(gui, center_vault)
    window, page = _page(gui, app)
    _select(page, seeded.today)
    qtbot.mouseClick(page.recheck_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, RecheckDialog)
    qtbot.waitExposed(dialog)
    dialog.recheck_edit.setDate(dialog.recheck_edit.date().addDays(5))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    window.show_page(TODAY)
    gui.settle(app.tasks)
    today = window.today
    assert today is not None
    cases = {today.takedowns.list.topLevelItem(i).text(1) for i in range(today.takedowns.list.topLevelItemCount())}  # type: ignore[union-attr]
    assert cases == {seeded.work.minji_number}


def test_add_takedown_from_the_page(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    work = seed(center_vault)
    app = _signed_in(gui, center_vault)
    window, page = _page(gui, app)
    assert page.stack.currentWidget() is page.empty_label and "No take-down is waiting" in page.empty_label.text()
    assert page.status_button.isHidden() and page.open_button.isHidden() and not page.add_button.isHidden()
    gui.screenshot(window, "takedowns-empty")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(page.dialog, TakedownDialog))
    dialog = page.dialog
    assert isinstance(dialog, TakedownDialog) and dialog.case_combo is not None
    qtbot.waitExposed(dialog)
    offered = [dialog.case_combo.itemText(i) for i in range(dialog.case_combo.count())]
    assert len(offered) == 2 and not any(work.closed_number in text for text in offered), "open cases of hers"
    dialog.case_combo.setCurrentIndex(next(i for i, t in enumerate(offered) if work.minji_number in t))
    dialog.url_edit.setText("https://t.me/deepfake_room/5120")
    dialog.platform_combo.setEditText("텔레그램")
    dialog.reported_to_combo.set_code(ReportedTo.KCSC.value)
    dialog.reference_edit.setText("방심위-2026-3381")
    dialog.reported_edit.setDate(dialog.reported_edit.date().addDays(-2))
    assert dialog.recheck_edit.date() == dialog.reported_edit.date().addDays(7), "a week after the report"
    gui.screenshot(dialog, "takedown-add")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    gui.settle(app.tasks)
    [row] = page.model.rows()
    assert row.case_number == work.minji_number and row.takedown.platform == "telegram"
    assert row.takedown.reported_to is ReportedTo.KCSC and row.takedown.reference == "방심위-2026-3381"
    assert row.takedown.recheck_on == TODAY_DATE + timedelta(days=5)
    assert page.stack.currentWidget() is page.table and not page.status_button.isHidden()
    assert work.minji_number in page.message.text()


def test_add_dialog_refuses_a_case_not_hers(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    work = seed(center_vault)
    app = _signed_in(gui, center_vault)
    _window, page = _page(gui, app)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(page.dialog, TakedownDialog))
    dialog = page.dialog
    assert isinstance(dialog, TakedownDialog) and dialog.case_combo is not None
    dialog.case_combo.setEditText(work.closed_number)
    dialog.url_edit.setText("https://x.com/a/1")
    dialog.platform_combo.setEditText("X")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "not assigned to you" in dialog.error_line.text() and dialog.isVisible()


def test_evidence_tab_can_open_the_dialog_for_a_case(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    work = seed(center_vault)
    app = _signed_in(gui, center_vault)
    assert app.main_window is not None and app.session is not None
    dialog = TakedownDialog(
        app.session, work.minji, None, app.main_window, case_number=work.minji_number, url="https://t.me/x/1"
    )
    dialog.platform_combo.setEditText("Telegram")
    dialog.save()
    assert not dialog.isVisible()
    assert [t.url for t in TakedownService(app.session).for_case(work.minji)] == ["https://t.me/x/1"]


def test_today_reminds_of_takedowns_to_recheck(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    seeded = _seed(center_vault)
    app = _signed_in(gui, center_vault)
    window = app.main_window
    assert window is not None and window.today is not None
    gui.settle(app.tasks)
    today = window.today
    section = today.takedowns
    assert section.list.topLevelItemCount() == 2 and section.empty_label.isHidden()
    first, second = section.list.topLevelItem(0), section.list.topLevelItem(1)
    assert first is not None and second is not None
    assert first.text(0).endswith("overdue by 2 days") and first.text(1) == seeded.work.minji_number
    assert first.font(0).bold() and first.foreground(0).color().name() == ERROR_COLOR
    assert second.text(0) == "Today" and second.text(2) == "https://open.kakao.com/o/g9xAB"
    scroll = today.findChild(QScrollArea)
    assert scroll is not None
    scroll.ensureWidgetVisible(section)
    gui.screenshot(window, "today-takedowns")

    section.list.setCurrentItem(second)
    qtbot.mouseClick(today.show_takedown_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == TAKEDOWNS
    gui.settle(app.tasks)
    assert window.takedowns is not None and window.takedowns.selected_takedown_id() == seeded.today

    window.show_page(TODAY)
    gui.settle(app.tasks)
    section.list.setFocus()
    section.list.setCurrentItem(section.list.topLevelItem(0))
    QTest.keyClick(section.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(window.case_windows()))
    assert window.case_windows()[0].case_id == seeded.work.minji


def test_today_without_takedowns_due_is_calm(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    app = _signed_in(gui, center_vault)
    window = app.main_window
    assert window is not None and window.today is not None
    gui.settle(app.tasks)
    section = window.today.takedowns
    assert section.list.isHidden() and section.empty_label.text() == "No take-down is due for a re-check."
    assert window.today.show_takedown_button.isHidden()


def _focus_chain(start: QWidget, count: int) -> list[QWidget]:
    """The widgets Tab visits from ``start``; the line edit inside a combo or a date counts as that field."""
    chain: list[QWidget] = []
    widget = start
    while len(chain) < count:
        parent = widget.parentWidget()
        shown = parent if isinstance(parent, QComboBox | QAbstractSpinBox) else widget
        if not chain or chain[-1] is not shown:
            chain.append(shown)
        widget = widget.nextInFocusChain()
        while not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) or not widget.isVisibleTo(start.window()):
            widget = widget.nextInFocusChain()
    return chain


def test_add_dialog_tab_order_follows_the_form(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    app = _signed_in(gui, center_vault)
    assert app.main_window is not None and app.session is not None
    dialog = TakedownDialog(app.session, None, parent=app.main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.case_combo is not None
    chain = _focus_chain(dialog.case_combo, 12)
    expected = [
        dialog.case_combo,
        dialog.url_edit,
        dialog.platform_combo,
        dialog.reported_to_combo,
        dialog.reported_check,
        dialog.reported_edit,
        dialog.reference_edit,
        dialog.recheck_check,
        dialog.recheck_edit,
        dialog.notes_edit,
        dialog.save_button,
        dialog.footer.cancel_button,
    ]
    assert chain == expected


def test_case_history_words_for_takedowns(qtbot: QtBot) -> None:
    words = ValueWords({}, {})
    assert record_label("takedown") == "Take-down"
    assert field_label("recheck_on") == "Re-check on" and field_label("status") == "Status"
    assert words("takedown", "status", "removed") == "Removed"
    assert words("takedown", "reported_to", "kcsc") == "KCSC (방심위)"
    assert words("takedown", "platform", "telegram") == "Telegram"
    assert words("referral", "status", "sent") == "Sent", "other records keep their words"
