"""Quick intake: by keyboard alone, repeat callers, drafts kept in the vault, and never losing work silently."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from gui_support import COUNSELOR, COUNSELOR_PASSWORD, SUPERVISOR, SUPERVISOR_DISPLAY, SUPERVISOR_PASSWORD, Gui
from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from safecase.domain.cases import AgeBand, CaseFields, CaseFilter, RiskLevel, SensitiveContact, SurvivorProfile
from safecase.domain.tasks import TaskKind
from safecase.services import access
from safecase.services.cases import CaseService
from safecase.services.contacts import ContactService
from safecase.services.drafts import QUICK_INTAKE, DraftService
from safecase.services.incidents import IncidentService
from safecase.services.session import VaultSession
from safecase.services.tasks import TaskService
from safecase.ui.pages.quick_intake import CaseMode, QuickIntakeDialog
from safecase.ui.shell.controller import SafeCaseApp


def _signed_in(gui: Gui, vault: Path) -> tuple[SafeCaseApp, VaultSession]:
    app = gui.app(vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    assert app.session is not None
    return app, app.session


def _open(qtbot: QtBot, app: SafeCaseApp) -> QuickIntakeDialog:
    assert app.session is not None and app.main_window is not None
    dialog = QuickIntakeDialog(app.session, app.tasks, app.main_window)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


def _message_box(qtbot: QtBot) -> QMessageBox:
    qtbot.waitUntil(
        lambda: any(isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets()),
        timeout=5_000,
    )
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())


class _CloseButton(QCloseEvent):
    """A close from the window system (the title bar's button, Alt+F4). Offscreen Qt cannot make one, and
    QWidget.close() is the app closing the window (not spontaneous), so the flag is set here."""

    def spontaneous(self) -> bool:
        return True


def _press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, key, modifier)


def _tab_to(qtbot: QtBot, expected: QWidget) -> None:
    _press(qtbot, Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    assert focused is expected, f"Tab went to {focused!r} ({focused.accessibleName() if focused else ''})"


def _type(qtbot: QtBot, text: str) -> None:
    """Keys into the focused widget (ASCII only: key clicks with Hangul can crash offscreen Qt)."""
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClicks(widget, text)


def test_quick_intake_by_keyboard_alone_opens_a_case(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    app, session = _signed_in(gui, center_vault)
    dialog = _open(qtbot, app)
    saved: list[object] = []
    dialog.saved.connect(saved.append)
    gui.screenshot(dialog, "quick-intake-empty")
    assert QApplication.focusWidget() is dialog.contact.channel_combo
    assert dialog.contact.channel_combo.code() == "phone" and dialog.contact.direction_combo.code() == "inbound"

    _tab_to(qtbot, dialog.contact.direction_combo)
    _tab_to(qtbot, dialog.contact.caller_combo)
    _tab_to(qtbot, dialog.contact.duration_spin)
    _press(qtbot, Qt.Key.Key_Backspace)
    _type(qtbot, "25")
    _tab_to(qtbot, dialog.contact.summary_edit)
    _type(qtbot, "Deepfake photos of her were posted in a unit group chat")
    _tab_to(qtbot, dialog.mode_buttons[CaseMode.NEW])
    _tab_to(qtbot, dialog.alias_edit)
    _type(qtbot, "JK")
    _tab_to(qtbot, dialog.age_combo)
    _type(qtbot, "2")
    _tab_to(qtbot, dialog.gender_combo)
    _type(qtbot, "F")
    _tab_to(qtbot, dialog.branch_combo)
    _type(qtbot, "Ar")
    _tab_to(qtbot, dialog.status_combo)
    _type(qtbot, "N")
    _tab_to(qtbot, dialog.region_combo)
    _type(qtbot, "Seo")
    _tab_to(qtbot, dialog.risk_combo)
    _type(qtbot, "H")
    _tab_to(qtbot, dialog.risk_reason_edit)
    _type(qtbot, "the superior still commands her unit")
    _tab_to(qtbot, dialog.real_name_edit)
    _tab_to(qtbot, dialog.phone_edit)
    _tab_to(qtbot, dialog.types_list)
    _press(qtbot, Qt.Key.Key_Space)  # the first type: deepfake / synthetic images
    _press(qtbot, Qt.Key.Key_Down)
    _press(qtbot, Qt.Key.Key_Down)
    _press(qtbot, Qt.Key.Key_Space)  # distribution
    _tab_to(qtbot, dialog.platforms_edit)
    _type(qtbot, "Telegram, a new app")
    _tab_to(qtbot, dialog.relation_combo)
    _type(qtbot, "sup")
    _tab_to(qtbot, dialog.follow_up.needed_check)
    _press(qtbot, Qt.Key.Key_Space)
    _tab_to(qtbot, dialog.follow_up.due_edit)
    assert dialog.has_unsaved_changes
    _press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(lambda: bool(saved), timeout=5_000)
    assert not dialog.isVisible()
    case_id = saved[0]
    assert isinstance(case_id, int)
    case = CaseService(session).get(case_id)
    assert case.counselors == (COUNSELOR,)
    assert case.profile.alias == "JK"
    assert case.profile.age_band is AgeBand.TWENTIES
    assert (case.profile.branch, case.profile.service_status, case.profile.region) == ("army", "nco", "seoul")
    assert case.risk is RiskLevel.HIGH and case.risk_reason == "the superior still commands her unit"
    [contact] = ContactService(session).for_case(case_id)
    assert contact.summary == "Deepfake photos of her were posted in a unit group chat"
    assert contact.duration_minutes == 25 and contact.channel == "phone" and contact.counselor == COUNSELOR
    [incident] = IncidentService(session).for_case(case_id)
    assert set(incident.types) == {"synthetic_images", "distribution"}
    assert incident.platforms == ("a new app", "telegram")
    assert incident.perpetrator_relation == "superior"
    [task] = TaskService(session).for_case(case_id)
    assert task.kind is TaskKind.CONTACT_FOLLOW_UP and task.owner == COUNSELOR
    assert task.due_on == date.today() + timedelta(days=1)
    assert DraftService(session).load(QUICK_INTAKE) is None


def test_repeat_caller_is_suggested_and_linked(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    # The supervisor's own case with the same phone: the counselor sees its number and counselor only.
    other = access.sign_in(center_vault, SUPERVISOR, SUPERVISOR_PASSWORD)
    try:
        theirs = CaseService(other).create(
            CaseFields(profile=SurvivorProfile(alias="비공개"), sensitive=SensitiveContact(phone="010-2222-3333"))
        )
    finally:
        other.close()
    app, session = _signed_in(gui, center_vault)
    mine = CaseService(session).create(
        CaseFields(
            risk=RiskLevel.MEDIUM,
            profile=SurvivorProfile(alias="민지", age_band=AgeBand.TWENTIES, branch="army", service_status="nco"),
            sensitive=SensitiveContact("김민지", "010-2222-3333"),
        )
    )
    dialog = _open(qtbot, app)
    dialog.contact.summary_edit.setPlainText("다시 전화함. 텔레그램방에 합성 사진이 또 올라왔다고 함")
    dialog.contact.duration_spin.setValue(12)
    dialog.alias_edit.setText("민지")
    dialog.age_combo.set_code(AgeBand.TWENTIES)
    dialog.phone_edit.setText("01022223333")
    dialog.types_list.check("synthetic_images")
    dialog.platforms_edit.setText("텔레그램")
    qtbot.waitUntil(lambda: len(dialog.suggestions()) == 2, timeout=5_000)
    assert dialog.repeats_list.isVisible()
    texts = [dialog.repeats_list.item(row).text() for row in range(dialog.repeats_list.count())]
    assert any(mine.number in t and "same phone number" in t and "민지" in t for t in texts)
    hidden = next(t for t in texts if theirs.number in t)
    assert SUPERVISOR_DISPLAY in hidden and "비공개" not in hidden, (
        "another counselor's case shows number and counselors only"
    )
    assert SUPERVISOR not in hidden, "people read display names, not sign-in names"
    gui.screenshot(dialog, "quick-intake-repeat-caller")

    row = next(r for r in range(dialog.repeats_list.count()) if mine.number in dialog.repeats_list.item(r).text())
    rect = dialog.repeats_list.visualItemRect(dialog.repeats_list.item(row))
    qtbot.mouseClick(dialog.repeats_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.mode() is CaseMode.EXISTING
    assert dialog.chosen_case() == mine.id
    assert mine.number in dialog.notice.text()
    gui.screenshot(dialog, "quick-intake-attached")
    saved: list[object] = []
    dialog.saved.connect(saved.append)
    qtbot.keyClick(dialog.types_list, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(saved), timeout=5_000)

    assert saved == [mine.id]
    assert CaseService(session).list_ids(CaseFilter()) == [mine.id], "no second case was opened"
    [contact] = ContactService(session).for_case(mine.id)
    assert contact.summary.startswith("다시 전화함")
    [incident] = IncidentService(session).for_case(mine.id)
    assert incident.types == ("synthetic_images",) and incident.platforms == ("telegram",)


def test_draft_is_kept_in_the_vault_and_restored(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    app, session = _signed_in(gui, center_vault)
    dialog = _open(qtbot, app)
    dialog.contact.summary_edit.setPlainText("군사경찰 신고를 망설이는 중")
    dialog.alias_edit.setText("상병A")
    dialog.types_list.check("threat_to_distribute")
    drafts = DraftService(session)
    qtbot.waitUntil(lambda: drafts.load(QUICK_INTAKE) is not None, timeout=6_000)
    draft = drafts.load(QUICK_INTAKE)
    assert draft is not None and draft["contact"]["summary"] == "군사경찰 신고를 망설이는 중"

    dialog.alias_edit.setText("상병B")
    dialog.close()  # the app closing it (as auto-lock does): the newest text is written at once, no question
    qtbot.waitUntil(lambda: not dialog.isVisible())
    draft = drafts.load(QUICK_INTAKE)
    assert draft is not None and draft["new_case"]["alias"] == "상병B"

    again = _open(qtbot, app)
    assert again.contact.summary_edit.toPlainText() == "군사경찰 신고를 망설이는 중"
    assert again.alias_edit.text() == "상병B"
    assert again.types_list.checked_codes() == ("threat_to_distribute",)
    assert "Restored your unsaved intake from" in again.notice.text()
    assert again.has_unsaved_changes
    gui.screenshot(again, "quick-intake-restored")

    qtbot.keyClick(again.contact.channel_combo, Qt.Key.Key_Escape)
    box = _message_box(qtbot)
    discard = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    discard.click()
    qtbot.waitUntil(lambda: not again.isVisible())
    assert drafts.load(QUICK_INTAKE) is None


def test_closing_with_unsaved_changes_asks_first(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    app, _session = _signed_in(gui, center_vault)
    dialog = _open(qtbot, app)
    qtbot.keyClick(dialog.contact.channel_combo, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2_000)  # nothing typed: closes at once

    dialog = _open(qtbot, app)
    dialog.contact.summary_edit.setPlainText("익명 전화, 이름 밝히기 원치 않음")
    dialog.closeEvent(_CloseButton())
    box = _message_box(qtbot)
    assert box.windowTitle() == "Discard this intake?" and "not been saved" in box.text()
    cancel = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole)
    cancel.click()
    qtbot.waitUntil(lambda: not box.isVisible())
    assert dialog.isVisible() and dialog.contact.summary_edit.toPlainText() == "익명 전화, 이름 밝히기 원치 않음"

    qtbot.keyClick(dialog.contact.summary_edit, Qt.Key.Key_Escape)
    box = _message_box(qtbot)
    cancel = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole)
    cancel.click()
    assert dialog.isVisible()


def test_one_off_call_without_a_case(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    app, session = _signed_in(gui, center_vault)
    dialog = _open(qtbot, app)
    saved: list[object] = []
    dialog.saved.connect(saved.append)
    dialog.contact.caller_combo.set_code("anonymous")
    dialog.contact.summary_edit.setPlainText("익명 문의: 삭제지원 절차")
    dialog.mode_buttons[CaseMode.NONE].click()
    dialog.types_list.check("distribution")
    dialog.save()
    assert "belongs to a case" in dialog.error_line.text(), "an incident needs a case"
    dialog.types_list.check("distribution", False)
    dialog.save()
    assert saved == [None]
    [contact] = ContactService(session).unattached()
    assert contact.case_id is None and contact.caller_type == "anonymous"


def test_auto_lock_keeps_the_intake_as_a_draft(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    """Locking cannot wait for an answer: the dialog closes quietly and the work comes back after sign-in."""
    app, _session = _signed_in(gui, center_vault)
    assert app.main_window is not None
    dialog = app.main_window.new_intake()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.contact.summary_edit.setPlainText("잠금 직전에 입력한 상담 내용")
    app.request_lock()
    qtbot.waitUntil(lambda: app.session is None)
    assert not any(isinstance(w, QuickIntakeDialog) and w.isVisible() for w in QApplication.topLevelWidgets())

    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    assert app.main_window is not None
    again = app.main_window.new_intake()
    assert again is not None
    qtbot.waitExposed(again)
    assert again.contact.summary_edit.toPlainText() == "잠금 직전에 입력한 상담 내용"
    assert "Restored your unsaved intake" in again.notice.text()
