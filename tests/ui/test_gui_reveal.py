"""Reveal asks first (with an optional reason), and "who revealed the identity in case 2026-0115?" is
answered in two clicks from the Cases list: the case, then "Who saw this identity…" on its Overview."""

from __future__ import annotations

from pathlib import Path

from gui_cases_support import REAL_NAME, seed
from gui_support import (
    ADMIN,
    ADMIN_PASSWORD,
    COUNSELOR,
    COUNSELOR_DISPLAY,
    COUNSELOR_PASSWORD,
    SCREEN,
    SUPERVISOR,
    SUPERVISOR_PASSWORD,
    Gui,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from safecase.domain.audit import AuditAction, AuditFilter
from safecase.domain.cases import MASKED
from safecase.services import access
from safecase.services.audit import AuditService
from safecase.services.cases import CaseService
from safecase.ui.case.case_window import CaseWindow
from safecase.ui.case.reveal_dialog import RevealDialog
from safecase.ui.shell.controller import SafeCaseApp
from safecase.ui.shell.main_window import AUDIT, CASES

REVEALED = AuditAction.CASE_REVEALED.value


def _reveals(vault: Path) -> list[tuple[str, str, dict[str, str]]]:
    session = access.sign_in(vault, ADMIN, ADMIN_PASSWORD)
    try:
        return [(e.actor, e.target_id, e.details) for e in AuditService(session).entries(500) if e.action == REVEALED]
    finally:
        session.close()


def _open(gui: Gui, app: SafeCaseApp, case_id: int) -> CaseWindow:
    assert app.main_window is not None
    window = app.main_window.open_case(case_id)
    assert window is not None
    gui.qtbot.waitExposed(window)
    gui.settle(app.tasks)
    return window


def _reveal_dialog(qtbot: QtBot, window: CaseWindow) -> RevealDialog:
    qtbot.mouseClick(window.overview.reveal_button, Qt.MouseButton.LeftButton)
    dialogs = [w for w in window.overview.findChildren(RevealDialog) if w.isVisible()]
    assert len(dialogs) == 1
    qtbot.waitExposed(dialogs[0])
    return dialogs[0]


# --- Reveal asks first ----------------------------------------------------------------------------------


def test_cancelling_the_reveal_shows_nothing_and_writes_nothing(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    work = seed(center_vault)
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    window = _open(gui, app, work.minji)
    dialog = _reveal_dialog(qtbot, window)
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert f"Show the real name and phone of case {work.minji_number}?" in texts
    assert "recorded in the audit log" in texts
    assert dialog.focusWidget() is dialog.reason_edit
    gui.screenshot(dialog, "reveal-confirm")
    qtbot.mouseClick(dialog.footer.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    overview = window.overview
    assert overview.real_name_edit.text() == MASKED and overview.real_name_edit.isReadOnly()
    assert overview.reveal_button.isEnabled() and not overview.revealed
    app.quit()
    assert _reveals(center_vault) == []


def test_confirming_the_reveal_shows_the_details_and_records_the_reason(
    gui: Gui, qtbot: QtBot, center_vault: Path
) -> None:
    work = seed(center_vault)
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    window = _open(gui, app, work.minji)
    assert not window.overview.reveals_button.isVisible(), "counselors do not read the audit log"
    # The case menu's Reveal asks the same way.
    window.reveal_action.trigger()
    dialog = next(w for w in window.overview.findChildren(RevealDialog) if w.isVisible())
    dialog.reason_edit.setText("경찰 진술 동행 일정")
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.overview.revealed)
    assert window.overview.real_name_edit.text() == REAL_NAME
    app.quit()
    assert _reveals(center_vault) == [(COUNSELOR, str(work.minji), {"reason": "경찰 진술 동행 일정"})]


# --- who revealed the identity in case N? ---------------------------------------------------------------


def test_who_revealed_the_identity_in_two_clicks(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    work = seed(center_vault)
    counselor = access.sign_in(center_vault, COUNSELOR, COUNSELOR_PASSWORD)
    try:
        CaseService(counselor).reveal(work.minji, "보호자 연락 일정")
        CaseService(counselor).reveal(work.sangbyeong)
    finally:
        counselor.close()
    app = gui.app(center_vault)
    gui.sign_in(app, SUPERVISOR, SUPERVISOR_PASSWORD)
    main = app.main_window
    assert main is not None and main.cases is not None and main.audit is not None
    main.resize(*SCREEN)
    main.show_page(CASES)
    gui.settle(app.tasks)

    # Click 1: double-click the case in the list.
    cases = main.cases
    row = cases.model.row_of(work.minji)
    rect = cases.table.visualRect(cases.model.index(row, 0))
    # A double-click as the window system delivers it: press and release, then the second press.
    qtbot.mouseClick(cases.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(cases.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: bool(main.case_windows()))
    window = main.case_windows()[0]
    qtbot.waitExposed(window)
    window.resize(*SCREEN)
    gui.settle(app.tasks)
    link = window.overview.reveals_button
    assert link.isVisible()
    gui.screenshot(window, "case-overview-who-saw")

    # Click 2: "Who saw this identity…".
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    assert main.current_page() == AUDIT
    gui.settle(app.tasks)
    page = main.audit
    shown = page.filters.current()
    assert shown == AuditFilter(action=REVEALED, case_number=work.minji_number)
    model = page.model
    assert model.rowCount() == 1
    assert model.data(model.index(0, model.ACTOR)) == COUNSELOR_DISPLAY
    assert model.data(model.index(0, model.ACTOR), Qt.ItemDataRole.ToolTipRole) == f"Sign-in name: {COUNSELOR}"
    assert model.data(model.index(0, model.ACTION)) == "Identifying details shown"
    assert model.data(model.index(0, model.TARGET)) == f"case {work.minji_number}"
    assert model.data(model.index(0, model.DETAILS)) == "reason=보호자 연락 일정"
    assert page.count_label.text() == "Showing 1 of 1 matching entries"
    assert page.filters.case_edit.text() == work.minji_number
    assert page.filters.action_combo.currentText() == "Identifying details shown"
    gui.screenshot(main, "audit-who-revealed")
