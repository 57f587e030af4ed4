"""The sign-in screen: success, the shared wrong-credentials message, and the throttle countdown."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from gui_support import ADMIN, ADMIN_PASSWORD, COUNSELOR, COUNSELOR_DISPLAY, COUNSELOR_PASSWORD, Gui
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from safecase.domain.errors import SafeCaseError
from safecase.services import access


def test_sign_in_opens_the_main_window(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    app = gui.app(center_vault)
    assert app.create_dialog is None
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    assert app.session is not None and app.session.is_open
    assert app.session.user.name == COUNSELOR
    assert not app.sign_in_window.isVisible()
    assert app.sign_in_window.password_edit.text() == ""
    assert app.main_window is not None
    assert COUNSELOR_DISPLAY in app.main_window.user_label.text()


def test_wrong_password_and_unknown_user_get_the_same_message(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    app = gui.app(center_vault)
    window = app.sign_in_window
    qtbot.waitExposed(window)

    messages = []
    for name in (ADMIN, "nobody"):
        window.name_edit.setText(name)
        window.password_edit.setText("not the password at all")
        qtbot.mouseClick(window.sign_in_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.message.isVisible() and not app.tasks.busy, timeout=10_000)
        messages.append(window.message.text())
        assert app.session is None
        assert app.main_window is None
        assert window.password_edit.text() == ""
    assert messages[0] == messages[1] == "Wrong user name or password."
    window.name_edit.setText(ADMIN)
    gui.screenshot(window, "sign-in-error")


def test_repeated_failures_show_a_live_countdown(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    for _ in range(3):
        with contextlib.suppress(SafeCaseError):
            access.sign_in(center_vault, ADMIN, "guessing the password again")
    app = gui.app(center_vault)
    window = app.sign_in_window
    window.name_edit.setText(ADMIN)
    window.password_edit.setText(ADMIN_PASSWORD)
    qtbot.mouseClick(window.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Try again in" in window.message.text(), timeout=10_000)
    assert app.session is None
    assert not window.sign_in_button.isEnabled()
    first = window.seconds_left()
    assert 1 <= first <= 2
    window.password_edit.setText(ADMIN_PASSWORD)
    assert not window.sign_in_button.isEnabled()
    gui.screenshot(window, "sign-in-throttled")

    qtbot.waitUntil(lambda: window.sign_in_button.isEnabled(), timeout=5_000)
    assert window.message.text() == "You can try again now."
    qtbot.mouseClick(window.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.main_window is not None, timeout=10_000)


def test_a_damaged_key_file_is_explained(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    (center_vault / "keys.json").write_text("{ not json", encoding="utf-8")
    app = gui.app(center_vault)
    window = app.sign_in_window
    window.name_edit.setText(ADMIN)
    window.password_edit.setText(ADMIN_PASSWORD)
    qtbot.mouseClick(window.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.message.isVisible() and not app.tasks.busy, timeout=10_000)
    with pytest.raises(SafeCaseError) as expected:
        access.sign_in(center_vault, ADMIN, ADMIN_PASSWORD)
    assert window.message.text() == expected.value.message
    assert app.session is None


def test_lock_screen_names_the_person_and_the_reason(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    # Signed in under a long idle time, which then runs out: the lock cannot fire mid-sign-in.
    app = gui.app(center_vault, auto_lock_ms=600_000)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    with qtbot.waitSignal(app.locked, timeout=10_000):
        app.set_auto_lock_ms(50)
    assert app.session is None
    window = app.sign_in_window
    assert window.name_edit.text() == COUNSELOR
    assert window.password_edit.hasFocus() or not window.isActiveWindow()
    gui.screenshot(window, "sign-in-locked")
