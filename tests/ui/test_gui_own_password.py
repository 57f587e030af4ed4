"""Someone whose password an administrator chose is asked for their own right after signing in, at every
sign-in until they have chosen it; nobody else is asked."""

from __future__ import annotations

from pathlib import Path

from gui_support import ADMIN, ADMIN_PASSWORD, COUNSELOR, COUNSELOR_PASSWORD, Gui
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from safecase.domain.roles import Role
from safecase.services import access
from safecase.services.accounts import AccountService

GIVEN = "the words the administrator said aloud"
OWN = "a pass phrase only she knows 7"


def _add_kim(vault: Path) -> None:
    admin = access.sign_in(vault, ADMIN, ADMIN_PASSWORD)
    try:
        AccountService(admin).add_user("kim", frozenset({Role.COUNSELOR}), GIVEN, "김새봄")
    finally:
        admin.close()


def test_a_new_counselor_chooses_her_own_password_after_signing_in(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    _add_kim(center_vault)
    app = gui.app(center_vault)
    gui.sign_in(app, "kim", GIVEN)
    dialog = app.password_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Choose your own password"
    assert dialog.footer.cancel_button.text() == "Later"
    gui.screenshot(dialog, "choose-own-password")

    dialog.current_edit.setText(GIVEN)
    dialog.passwords.new_edit.setText(OWN)
    dialog.passwords.repeat_edit.setText(OWN)
    qtbot.waitUntil(dialog.save_button.isEnabled)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.password_dialog is None, timeout=10_000)

    app.request_lock()
    assert app.main_window is None
    gui.sign_in(app, "kim", OWN)
    assert app.password_dialog is None, "asked only until she chose"


def test_later_asks_again_at_the_next_sign_in(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    _add_kim(center_vault)
    app = gui.app(center_vault)
    gui.sign_in(app, "kim", GIVEN)
    first = app.password_dialog
    assert first is not None
    qtbot.waitExposed(first)
    qtbot.mouseClick(first.footer.cancel_button, Qt.MouseButton.LeftButton)
    assert app.password_dialog is None and app.main_window is not None

    app.request_lock()
    gui.sign_in(app, "kim", GIVEN)
    again = app.password_dialog
    assert again is not None
    qtbot.waitExposed(again)


def test_people_who_chose_their_password_are_not_asked(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    """The administrator who created the vault, and a counselor who chose hers since she was added."""
    for name, password in ((ADMIN, ADMIN_PASSWORD), (COUNSELOR, COUNSELOR_PASSWORD)):
        app = gui.app(center_vault)
        gui.sign_in(app, name, password)
        assert app.password_dialog is None
        app.quit()
