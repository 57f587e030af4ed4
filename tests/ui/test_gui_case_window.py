"""The case window: open (audited), edit and save the overview, reveal identifying details, history,
tasks, reassigning, closing with unsaved changes, and what locking does to open case windows."""

from __future__ import annotations

from pathlib import Path

from gui_cases_support import PHONE, REAL_NAME, seed
from gui_support import (
    ADMIN,
    ADMIN_PASSWORD,
    COUNSELOR,
    COUNSELOR_PASSWORD,
    SUPERVISOR,
    SUPERVISOR_PASSWORD,
    Gui,
)
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from safecase.domain.audit import AuditAction
from safecase.domain.cases import MASKED, CaseFilter, RiskLevel
from safecase.services import access
from safecase.services.accounts import AccountService
from safecase.services.audit import AuditService
from safecase.services.cases import CaseService
from safecase.ui.case.case_window import CaseWindow
from safecase.ui.case.reassign_dialog import ReassignDialog
from safecase.ui.case.reveal_dialog import RevealDialog
from safecase.ui.shell.controller import SafeCaseApp

RESET_PASSWORD = "amber gulls circle the old pier"


def _audit(vault: Path) -> list[tuple[str, str]]:
    session = access.sign_in(vault, ADMIN, ADMIN_PASSWORD)
    try:
        return [(e.action, e.target_id) for e in AuditService(session).entries(200)]
    finally:
        session.close()


def _open(gui: Gui, app: SafeCaseApp, case_id: int) -> CaseWindow:
    assert app.main_window is not None
    window = app.main_window.open_case(case_id)
    assert window is not None
    gui.qtbot.waitExposed(window)
    gui.settle(app.tasks)
    return window


def _activate(qtbot: QtBot, window: QWidget) -> None:
    """Make ``window`` the active one, so its shortcuts (Ctrl+S, Ctrl+W) reach it as they would a person's."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2_000)


def _visible_box(qtbot: QtBot) -> QMessageBox:
    def boxes() -> list[QWidget]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]

    qtbot.waitUntil(lambda: bool(boxes()), timeout=5_000)
    box = boxes()[0]
    assert isinstance(box, QMessageBox)
    return box


def test_edit_save_and_history(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    work = seed(center_vault)
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    window = _open(gui, app, work.minji)
    overview = window.overview
    assert window.windowTitle().startswith(f"Case {work.minji_number}")
    assert overview.alias_edit.text() == "민지"
    assert overview.risk_combo.currentData() == RiskLevel.URGENT.value
    assert overview.safe_notes_edit.toPlainText() == "부대 전화로 연락 금지. 안전 단어: '택배'"
    assert overview.real_name_edit.text() == MASKED and overview.real_name_edit.isReadOnly()
    assert overview.phone_edit.text() == MASKED and overview.phone_edit.isReadOnly()
    assert "deepfake" in overview.incidents_label.text()
    assert not overview.save_button.isEnabled()
    assert not overview.reassign_button.isVisible(), "only supervisors reassign"
    gui.screenshot(window, "case-overview")

    # Opening it again brings up the same window.
    assert app.main_window is not None
    assert app.main_window.open_case(work.minji) is window

    overview.risk_combo.setCurrentIndex(overview.risk_combo.findData(RiskLevel.HIGH.value))
    overview.risk_reason_edit.setText("가해자 전출 후 위험 감소")
    assert overview.is_dirty() and window.windowTitle().startswith("*")
    _activate(qtbot, window)
    QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not overview.is_dirty()
    assert overview.message.text() == "Saved."
    assert not window.windowTitle().startswith("*")
    assert window.risk_chip.text() == "High risk"

    # The Cases list follows the change.
    assert app.main_window.cases is not None
    cases = app.main_window.cases
    app.main_window.show_page("cases")
    gui.settle(app.tasks)
    row = cases.model.row_of(work.minji)
    assert cases.model.data(cases.model.index(row, cases.model.RISK)) == "High"

    window.show_tab(CaseWindow.HISTORY)
    gui.settle(app.tasks)
    rows = window.history.rows()
    risk = next(r for r in rows if r[3] == "Risk")
    assert risk[1] == "김상담" and risk[2] == "Case" and risk[4] == "Urgent → High"
    assert any(r[3] == "Risk reason" and "가해자 전출 후 위험 감소" in r[4] for r in rows)
    gui.screenshot(window, "case-history")

    window.show_tab(CaseWindow.EVIDENCE)
    gui.screenshot(window, "case-evidence")

    # The stored case: identifying details untouched by a save that never revealed them.
    assert app.session is not None
    service = CaseService(app.session)
    assert service.fields(work.minji).risk is RiskLevel.HIGH
    app.quit()
    actions = _audit(center_vault)
    assert (AuditAction.CASE_VIEWED, str(work.minji)) in actions
    assert (AuditAction.CASE_REVEALED, str(work.minji)) not in actions
    session = access.sign_in(center_vault, SUPERVISOR, SUPERVISOR_PASSWORD)
    try:
        sensitive = CaseService(session).reveal(work.minji)
        assert (sensitive.real_name, sensitive.phone) == (REAL_NAME, PHONE)
    finally:
        session.close()


def test_reveal_shows_real_name_and_is_audited(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    work = seed(center_vault)
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    window = _open(gui, app, work.minji)
    overview = window.overview
    qtbot.mouseClick(overview.reveal_button, Qt.MouseButton.LeftButton)
    dialog = next(w for w in overview.findChildren(RevealDialog) if w.isVisible())
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert overview.real_name_edit.text() == REAL_NAME
    assert overview.phone_edit.text() == PHONE
    assert not overview.real_name_edit.isReadOnly()
    assert not overview.reveal_button.isEnabled()
    assert not overview.is_dirty(), "revealing is not an edit"
    overview.phone_edit.setText("010-9999-0000")
    assert overview.save()
    window.show_tab(CaseWindow.HISTORY)
    gui.settle(app.tasks)
    phone = next(r for r in window.history.rows() if r[3] == "Phone")
    assert "010" not in phone[4], "history never shows identifying details"
    app.quit()
    assert (AuditAction.CASE_REVEALED, str(work.minji)) in _audit(center_vault)


def test_closing_with_unsaved_changes_asks(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    work = seed(center_vault)
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    window = _open(gui, app, work.sangbyeong)
    window.overview.alias_edit.setText("상병B")
    _activate(qtbot, window)

    QTest.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    box = _visible_box(qtbot)
    assert "Save the changes" in box.text()
    gui.screenshot(box, "case-unsaved-changes")
    box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: not box.isVisible())
    assert window.isVisible() and window.overview.alias_edit.text() == "상병B"

    # Quitting SafeCase asks in the case window too, instead of dropping the edit.
    assert app.main_window is not None
    app.main_window.close()
    box = _visible_box(qtbot)
    box.button(QMessageBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: app.main_window is not None and not app.main_window.case_windows())
    assert app.session is not None
    assert CaseService(app.session).fields(work.sangbyeong).profile.alias == "상병B"

    # Discard really discards.
    window = _open(gui, app, work.sangbyeong)
    window.overview.alias_edit.setText("상병C")
    window.request_close()
    box = _visible_box(qtbot)
    box.button(QMessageBox.StandardButton.Discard).click()
    assert app.main_window is not None
    qtbot.waitUntil(lambda: app.main_window is not None and not app.main_window.case_windows())
    assert CaseService(app.session).fields(work.sangbyeong).profile.alias == "상병B"


def test_lock_closes_case_windows_and_keeps_unsaved_edits(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    work = seed(center_vault)
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    window = _open(gui, app, work.minji)
    window.overview.safe_notes_edit.setPlainText("연락은 카카오톡으로만, 부대 전화 금지")
    with qtbot.waitSignal(app.locked):
        app.request_lock()
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, CaseWindow) and w.isVisible()]
    assert app.main_window is None

    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    window = _open(gui, app, work.minji)
    overview = window.overview
    assert overview.draft_bar.isVisible()
    assert overview.safe_notes_edit.toPlainText() == "부대 전화로 연락 금지. 안전 단어: '택배'"
    qtbot.mouseClick(overview.restore_draft_button, Qt.MouseButton.LeftButton)
    assert overview.safe_notes_edit.toPlainText() == "연락은 카카오톡으로만, 부대 전화 금지"
    assert overview.is_dirty() and not overview.draft_bar.isVisible()
    assert overview.save()
    window.force_close()
    window = _open(gui, app, work.minji)
    assert not window.overview.draft_bar.isVisible(), "a restored draft is offered once"


def test_supervisor_reassigns_and_the_case_moves(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    work = seed(center_vault)
    app = gui.app(center_vault)
    gui.sign_in(app, SUPERVISOR, SUPERVISOR_PASSWORD)
    window = _open(gui, app, work.sangbyeong)
    overview = window.overview
    assert overview.reassign_button.isVisible()
    assert overview.counselors_label.text() == "김상담"
    qtbot.mouseClick(overview.reassign_button, Qt.MouseButton.LeftButton)
    dialog = next(w for w in window.findChildren(ReassignDialog) if w.isVisible())
    qtbot.waitExposed(dialog)
    assert dialog.chosen() == [COUNSELOR]
    dialog.set_checked(set())
    assert not dialog.save_button.isEnabled() and "at least one" in dialog.error_line.text()
    dialog.set_checked({SUPERVISOR})
    assert dialog.save_button.isEnabled()
    gui.screenshot(dialog, "reassign")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: overview.counselors_label.text() == "최지도")
    window.show_tab(CaseWindow.HISTORY)
    gui.settle(app.tasks)
    assert any(r[3] == "Counselors" and r[4] == "김상담 → 최지도" for r in window.history.rows())
    app.quit()

    counselor = access.sign_in(center_vault, COUNSELOR, COUNSELOR_PASSWORD)
    try:
        assert work.sangbyeong not in CaseService(counselor).list_ids(CaseFilter(), log=False)
    finally:
        counselor.close()


def test_supervisor_gives_the_key_back_after_a_password_reset(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    """After a reset the counselor's seals are gone; the Reassign dialog says so and, with the same
    counselor ticked, Reassign seals the key to her again."""
    work = seed(center_vault)
    admin = access.sign_in(center_vault, ADMIN, ADMIN_PASSWORD)
    try:
        AccountService(admin).reset_password(COUNSELOR, RESET_PASSWORD)
    finally:
        admin.close()
    app = gui.app(center_vault)
    gui.sign_in(app, SUPERVISOR, SUPERVISOR_PASSWORD)
    window = _open(gui, app, work.minji)
    qtbot.mouseClick(window.overview.reassign_button, Qt.MouseButton.LeftButton)
    dialog = next(w for w in window.findChildren(ReassignDialog) if w.isVisible())
    qtbot.waitExposed(dialog)
    assert dialog.chosen() == [COUNSELOR]
    assert dialog.save_button.isEnabled() and "김상담" in dialog.error_line.text()
    gui.screenshot(dialog, "reassign-without-key")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    app.quit()

    counselor = access.sign_in(center_vault, COUNSELOR, RESET_PASSWORD)
    try:
        assert CaseService(counselor).reveal(work.minji).real_name == REAL_NAME
    finally:
        counselor.close()


def test_counselor_cannot_open_another_counselors_case(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    work = seed(center_vault)
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    assert app.main_window is not None
    assert app.main_window.open_case(work.closed) is None
    box = _visible_box(qtbot)
    assert "not assigned to you" in box.text()
    box.close()
    assert not app.main_window.case_windows()


def test_tasks_tab_adds_and_completes_follow_ups(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    work = seed(center_vault)
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    window = _open(gui, app, work.sangbyeong)
    window.show_tab(CaseWindow.TASKS)
    gui.settle(app.tasks)
    tab = window.tasks
    assert tab.task_titles() == ["법률구조공단 상담 일정 확인", "다음 주 면담 준비"]
    tab.title_edit.setText("해바라기센터 동행 일정 잡기")
    QTest.keyClick(tab.title_edit, Qt.Key.Key_Return)
    gui.settle(app.tasks)
    assert "해바라기센터 동행 일정 잡기" in tab.task_titles()
    assert tab.message.text() == "Follow-up added."
    tab.select_task("법률구조공단 상담 일정 확인")
    qtbot.mouseClick(tab.done_button, Qt.MouseButton.LeftButton)
    gui.settle(app.tasks)
    assert tab.task_titles()[-1] == "법률구조공단 상담 일정 확인", "done ones go last"
    gui.screenshot(window, "case-tasks")
    # Today no longer lists it.
    assert app.main_window is not None and app.main_window.today is not None
    app.main_window.today.refresh()
    gui.settle(app.tasks)
    today_titles = [
        item.text(2)
        for item in (
            app.main_window.today.due.list.topLevelItem(i)
            for i in range(app.main_window.today.due.list.topLevelItemCount())
        )
        if item is not None
    ]
    assert "법률구조공단 상담 일정 확인" not in today_titles
