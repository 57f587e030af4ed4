"""First run: the create-vault dialog, its password gating and the recovery-key page."""

from __future__ import annotations

import re
from pathlib import Path

from gui_support import Gui
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from safecase.services import access
from safecase.services.locations import vault_exists

PASSWORD = "maple tea on a rainy tuesday"
RECOVERY_KEY = re.compile(r"^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){7}$")


def test_create_vault_shows_recovery_key_and_signs_in(gui: Gui, qtbot: QtBot, vault_dir: Path) -> None:
    app = gui.app(vault_dir)
    dialog = app.create_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert not dialog.create_button.isEnabled()

    qtbot.keyClicks(dialog.name_edit, "jkim")
    dialog.display_edit.setText("김지현")
    dialog.passwords.new_edit.setText("short")
    dialog.passwords.refresh()
    assert not dialog.create_button.isEnabled()
    assert "at least 15" in dialog.passwords.problems_label.text()

    dialog.passwords.new_edit.setText(PASSWORD)
    dialog.passwords.repeat_edit.setText(PASSWORD + "x")
    qtbot.waitUntil(lambda: dialog.passwords.match_label.isVisible())
    assert not dialog.create_button.isEnabled()
    assert "do not match" in dialog.passwords.match_label.text()

    dialog.passwords.repeat_edit.setText(PASSWORD)
    qtbot.waitUntil(dialog.create_button.isEnabled)
    assert dialog.passwords.meter.value() >= 3
    gui.screenshot(dialog, "create-vault-1-details")

    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.on_recovery_page, timeout=10_000)
    assert vault_exists(vault_dir)
    key = dialog.recovery_key_text()
    assert RECOVERY_KEY.match(key), key
    fingerprint = dialog.recovery_key.fingerprint_label.text()
    assert re.fullmatch(r"Fingerprint: [0-9A-F]{4}(-[0-9A-F]{4}){3}", fingerprint), fingerprint
    assert key not in (QApplication.clipboard().text() or "")

    # The dialog cannot be dismissed until the key is confirmed as written down.
    assert not dialog.finish_button.isEnabled()
    dialog.reject()
    dialog.close()
    assert dialog.isVisible()
    gui.screenshot(dialog, "create-vault-2-recovery-key")

    dialog.confirm_check.setChecked(True)
    assert dialog.finish_button.isEnabled()
    qtbot.mouseClick(dialog.finish_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.main_window is not None)
    assert app.session is not None and app.session.is_open
    assert app.session.user.name == "jkim"
    assert app.session.user.display_name == "김지현"
    assert app.create_dialog is None

    # The key really opens the vault.
    _paths, _keyfile, _data_key, conn = access.open_with_recovery_key(vault_dir, key)
    conn.close()


def test_create_refuses_a_password_containing_the_name(gui: Gui, qtbot: QtBot, vault_dir: Path) -> None:
    app = gui.app(vault_dir)
    dialog = app.create_dialog
    assert dialog is not None
    dialog.name_edit.setText("sunflower")
    dialog.passwords.new_edit.setText("sunflower garden at midnight")
    dialog.passwords.repeat_edit.setText("sunflower garden at midnight")
    dialog.passwords.refresh()
    assert not dialog.create_button.isEnabled()
    assert "name" in dialog.passwords.problems_label.text()


def test_cancel_on_first_page_quits_without_a_vault(gui: Gui, qtbot: QtBot, vault_dir: Path) -> None:
    app = gui.app(vault_dir)
    assert app.create_dialog is not None
    with qtbot.waitSignal(app.finished):
        app.create_dialog.reject()
    assert not vault_exists(vault_dir)


def test_long_password_verdict_is_shown_whole(gui: Gui, qtbot: QtBot, vault_dir: Path) -> None:
    """Several wrapped lines of the policy's verdict: the dialog grows so none is cut off or drawn over a row."""
    app = gui.app(vault_dir)
    dialog = app.create_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    height_before = dialog.height()
    dialog.name_edit.setText("jkim")
    dialog.passwords.new_edit.setText("password")  # short, common and built from the app's words: four lines
    dialog.passwords.refresh()
    qtbot.wait(50)

    problems = dialog.passwords.problems_label
    assert problems.text().count("\n") >= 3
    assert dialog.height() > height_before
    assert problems.height() >= problems.heightForWidth(problems.width())
    bottom = problems.mapTo(dialog, problems.rect().bottomLeft()).y()
    assert bottom < dialog.passwords.repeat_edit.mapTo(dialog, dialog.passwords.repeat_edit.rect().topLeft()).y()
    gui.screenshot(dialog, "create-vault-1-short-password")


def test_enter_finishes_only_once_the_key_is_written_down(gui: Gui, qtbot: QtBot, vault_dir: Path) -> None:
    app = gui.app(vault_dir)
    dialog = app.create_dialog
    assert dialog is not None
    dialog.name_edit.setText("jkim")
    dialog.passwords.new_edit.setText(PASSWORD)
    dialog.passwords.repeat_edit.setText(PASSWORD)
    qtbot.waitUntil(dialog.create_button.isEnabled)
    qtbot.keyClick(dialog.passwords.repeat_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.on_recovery_page, timeout=10_000)

    qtbot.keyClick(dialog.confirm_check, Qt.Key.Key_Return)
    assert dialog.isVisible() and app.main_window is None
    assert not dialog.finish_button.isDefault()

    qtbot.keyClick(dialog.confirm_check, Qt.Key.Key_Space)
    assert dialog.confirm_check.isChecked()
    assert dialog.finish_button.isDefault()
    qtbot.keyClick(dialog.confirm_check, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: app.main_window is not None)
    assert app.create_dialog is None
