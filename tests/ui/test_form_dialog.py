"""The form-dialog skeleton: a refusal stays in the dialog, the keys save and cancel, the error line is never cut off."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from gui_support import COUNSELOR, COUNSELOR_PASSWORD, Gui
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QDialog, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from safecase.domain.cases import CaseFields, SurvivorProfile
from safecase.domain.errors import InputError, SafeCaseError
from safecase.services.cases import CaseService
from safecase.services.contacts import ContactService
from safecase.ui.case.contact_dialogs import ContactDialog
from safecase.ui.case.incident_dialog import IncidentDialog
from safecase.ui.common.form_dialog import FormDialog, InBackground
from safecase.ui.shell.change_password import ChangePasswordDialog
from safecase.ui.tasks import TaskManager

LONG_REFUSAL = (
    "This organization is already in the directory under a slightly different name, and a second entry "
    "would split the referrals made to it. Search for it by its phone number or address, or ask a "
    "supervisor to rename the entry that is there, then choose it for this referral."
)


class _Form(FormDialog):
    """A form whose save does whatever the test hands it."""

    def __init__(self, outcome: Callable[[], object], tasks: TaskManager | None = None) -> None:
        super().__init__("Log a test", "Save test", tasks=tasks)
        self.name_edit = QLineEdit(self)
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setFixedHeight(60)
        form = QFormLayout()
        form.addRow("Name:", self.name_edit)
        form.addRow("Notes:", self.notes_edit)
        self.body.addLayout(form)
        self.setMinimumWidth(420)
        self.outcome = outcome
        self.calls = 0

    def commit(self) -> object:
        self.calls += 1
        return self.outcome()


def _refuse(message: str) -> Callable[[], object]:
    def refuse() -> object:
        raise InputError(message)

    return refuse


def _open(qtbot: QtBot, dialog: QDialog) -> None:
    """Open as the app does; offscreen Qt does not activate the new window by itself (a desktop does)."""
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)


@pytest.fixture
def show(qtbot: QtBot) -> Iterator[Callable[[_Form], _Form]]:
    def shown(dialog: _Form) -> _Form:
        qtbot.addWidget(dialog)
        _open(qtbot, dialog)
        dialog.name_edit.setFocus()
        return dialog

    yield shown


def _text_fits(label: QLabel) -> bool:
    """The label's wrapped text is no taller than the room the layout gave it."""
    area = label.contentsRect()
    flags = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)
    needed = label.fontMetrics().boundingRect(QRect(0, 0, area.width(), 100_000), flags, label.text())
    return needed.height() <= area.height()


def _inside(widget: QWidget, window: QWidget) -> bool:
    top_left = widget.mapTo(window, widget.rect().topLeft())
    return window.rect().contains(QRect(top_left, widget.size()))


def test_a_refusal_is_shown_in_the_dialog_which_stays_open(qtbot: QtBot, show: Callable[[_Form], _Form]) -> None:
    dialog = show(_Form(_refuse("That name is taken.")))
    dialog.name_edit.setText("typed by hand")
    assert not dialog.error_line.isVisible(), "the error line is hidden while there is nothing to say"
    with qtbot.assertNotEmitted(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.calls == 1
    assert dialog.error_line.isVisible() and dialog.error_line.text() == "That name is taken."
    assert "#b3261e" in dialog.error_line.styleSheet(), "errors are red"
    assert dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.name_edit.text() == "typed by hand", "nothing typed is lost"

    dialog.outcome = lambda: "saved"
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.save()
    assert saved.args == ["saved"]
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Accepted


@pytest.mark.parametrize(
    ("key", "modifiers"),
    [
        (Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.KeypadModifier),
        (Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier),
    ],
    ids=["ctrl-return", "ctrl-keypad-enter", "ctrl-s"],
)
def test_the_save_keys_save_from_any_field_even_multi_line_notes(
    qtbot: QtBot, show: Callable[[_Form], _Form], key: Qt.Key, modifiers: Qt.KeyboardModifier
) -> None:
    dialog = show(_Form(lambda: 7))
    dialog.notes_edit.setFocus()
    qtbot.keyClick(dialog.notes_edit, Qt.Key.Key_Return)
    assert dialog.calls == 0 and dialog.notes_edit.toPlainText() == "\n", "Enter in notes adds a line"
    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.keyClick(dialog.notes_edit, key, modifiers)
    assert saved.args == [7] and dialog.calls == 1
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_enter_in_a_line_edit_saves_but_not_while_the_save_button_is_disabled(
    qtbot: QtBot, show: Callable[[_Form], _Form]
) -> None:
    dialog = show(_Form(lambda: None))
    dialog.save_button.setEnabled(False)
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert dialog.calls == 0 and dialog.isVisible()
    dialog.save_button.setEnabled(True)
    with qtbot.waitSignal(dialog.saved):
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert dialog.calls == 1


def test_escape_and_cancel_close_without_saving(qtbot: QtBot, show: Callable[[_Form], _Form]) -> None:
    dialog = show(_Form(lambda: None))
    with qtbot.assertNotEmitted(dialog.saved):
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected and dialog.calls == 0

    again = show(_Form(lambda: None))
    assert again.footer.cancel_button.text() == "Cancel"
    qtbot.mouseClick(again.footer.cancel_button, Qt.MouseButton.LeftButton)
    assert not again.isVisible() and again.calls == 0


def test_a_long_refusal_is_shown_whole(qtbot: QtBot, show: Callable[[_Form], _Form]) -> None:
    dialog = show(_Form(_refuse(LONG_REFUSAL)))
    height = dialog.height()
    dialog.save()
    QApplication.processEvents()
    line = dialog.error_line
    assert line.isVisible() and line.wordWrap()
    assert line.height() >= line.heightForWidth(line.width())
    assert _text_fits(line), "every wrapped line of the message has room"
    assert _inside(line, dialog) and _inside(dialog.save_button, dialog), "nothing is pushed out of the window"
    assert dialog.height() > height, "the dialog grew to make room"
    assert dialog.name_edit.height() >= dialog.name_edit.minimumSizeHint().height(), "the fields were not squeezed"


def test_slow_work_runs_in_the_background_and_ends_like_quick_work(
    qtbot: QtBot, show: Callable[[_Form], _Form]
) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    tasks = TaskManager(owner)

    def refused() -> object:
        raise SafeCaseError("The current password is wrong.")

    dialog = show(_Form(lambda: InBackground(refused, "Checking…"), tasks))
    dialog.save()
    assert dialog.working
    dialog.save()  # a second press while the work runs is ignored
    qtbot.waitUntil(lambda: dialog.error_line.isVisible(), timeout=10_000)
    assert dialog.calls == 1 and not dialog.working
    assert dialog.error_line.text() == "The current password is wrong." and dialog.isVisible()

    dialog.outcome = lambda: InBackground(lambda: "changed", "Changing…")
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
        dialog.save()
    assert saved.args == ["changed"] and dialog.result() == QDialog.DialogCode.Accepted
    tasks.wait_for_done()


# --- converted dialogs, against a real vault ------------------------------------------------------------


def test_a_real_refusal_by_keyboard_then_a_real_save(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    session = app.session
    assert session is not None and app.main_window is not None
    case = CaseService(session).create(CaseFields(profile=SurvivorProfile(alias="상병A")))

    incident = IncidentDialog(session, case.id, None, app.main_window)
    _open(qtbot, incident)
    qtbot.keyClick(incident.types_list, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "at least one incident type" in incident.error_line.text() and incident.isVisible()
    assert _text_fits(incident.error_line) and _inside(incident.save_button, incident)
    gui.screenshot(incident, "form-incident-refused")
    incident.reject()

    contact = ContactDialog(session, case.id, None, app.main_window)
    _open(qtbot, contact)
    contact.fields.summary_edit.setPlainText("부대 밖에서 전화, 다음 주에 다시 연락하기로 함")
    saved: list[object] = []
    contact.saved.connect(saved.append)
    qtbot.keyClick(contact.fields.summary_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not contact.isVisible() and len(saved) == 1
    [logged] = ContactService(session).for_case(case.id)
    assert logged.summary == "부대 밖에서 전화, 다음 주에 다시 연락하기로 함"


def test_a_password_form_shows_the_refusal_at_its_natural_size(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    assert app.session is not None and app.main_window is not None
    dialog = ChangePasswordDialog(app.session, app.tasks, app.main_window)
    _open(qtbot, dialog)
    dialog.current_edit.setText("not my password")
    dialog.passwords.new_edit.setText("lanterns along the harbor wall")
    dialog.passwords.repeat_edit.setText("lanterns along the harbor wall")
    qtbot.waitUntil(dialog.save_button.isEnabled)
    qtbot.keyClick(dialog.passwords.repeat_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.error_line.isVisible(), timeout=10_000)
    assert dialog.isVisible() and dialog.current_edit.text() == "", "the wrong password is cleared to type again"
    assert _text_fits(dialog.error_line) and _inside(dialog.save_button, dialog)
    gui.screenshot(dialog, "form-change-password-refused")
    dialog.reject()
