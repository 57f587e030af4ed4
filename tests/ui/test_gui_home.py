"""Home page actions anyone may take (verify, change password) and the admin's backup."""

from __future__ import annotations

from pathlib import Path

from gui_support import ADMIN, ADMIN_PASSWORD, COUNSELOR, COUNSELOR_PASSWORD, Gui
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from safecase.services import access
from safecase.ui.admin.user_dialogs import AddUserDialog
from safecase.ui.admin.verify import VerifyReportDialog
from safecase.ui.shell.change_password import ChangePasswordDialog
from safecase.ui.shell.create_vault import CreateVaultDialog
from safecase.ui.shell.main_window import HOME

NEW_PASSWORD = "lanterns along the harbor wall"


def _visible(kind: type[QWidget]) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def test_verify_from_home_shows_every_check(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    window = app.main_window
    assert window is not None
    window.show_page(HOME)  # counselors land on Today
    gui.screenshot(window, "main-home")
    qtbot.mouseClick(window.home.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(_visible(VerifyReportDialog)), timeout=10_000)
    dialog = _visible(VerifyReportDialog)[0]
    assert isinstance(dialog, VerifyReportDialog)
    assert dialog.report.ok
    assert len(dialog.report.checks) == 8  # with "Accounts and key slots", "Checkpoints", "Case keys" and "Evidence"
    gui.screenshot(dialog, "verify-report")


def test_change_password_keeps_the_dialog_open_on_a_wrong_current_password(
    gui: Gui, qtbot: QtBot, center_vault: Path
) -> None:
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    assert app.main_window is not None
    app.main_window.change_password()
    qtbot.waitUntil(lambda: bool(_visible(ChangePasswordDialog)))
    dialog = _visible(ChangePasswordDialog)[0]
    assert isinstance(dialog, ChangePasswordDialog)
    dialog.current_edit.setText("not my password")
    dialog.passwords.new_edit.setText(NEW_PASSWORD)
    dialog.passwords.repeat_edit.setText(NEW_PASSWORD)
    qtbot.waitUntil(dialog.save_button.isEnabled)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error_line.isVisible(), timeout=10_000)
    assert dialog.error_line.text() == "The current password is wrong."
    assert dialog.isVisible()

    dialog.current_edit.setText(COUNSELOR_PASSWORD)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(_visible(QMessageBox)), timeout=10_000)
    assert not _visible(ChangePasswordDialog)
    access.sign_in(center_vault, COUNSELOR, NEW_PASSWORD).close()


def test_admin_backup_reports_progress_and_writes_the_file(
    gui: Gui, qtbot: QtBot, center_vault: Path, tmp_path: Path
) -> None:
    app = gui.app(center_vault)
    gui.sign_in(app, ADMIN, ADMIN_PASSWORD)
    window = app.main_window
    assert window is not None and window.admin is not None and window.admin.backup is not None
    out = tmp_path / "backups" / "center.safecase-backup"
    out.parent.mkdir()
    window.admin.backup.start_backup(out)
    qtbot.waitUntil(lambda: bool(_visible(QMessageBox)), timeout=20_000)
    box = _visible(QMessageBox)[0]
    assert isinstance(box, QMessageBox)
    assert str(out) in box.text()
    assert out.is_file() and out.stat().st_size > 0


def test_backup_dialog_offers_a_dated_file_name(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    app = gui.app(center_vault)
    gui.sign_in(app, ADMIN, ADMIN_PASSWORD)
    assert app.main_window is not None and app.main_window.admin is not None
    assert app.main_window.admin.backup is not None
    dialog = app.main_window.admin.backup.choose_file()
    assert dialog.defaultSuffix() == "safecase-backup"
    dialog.reject()


def _focus_chain(start: QWidget, count: int) -> list[QWidget]:
    chain, widget = [], start
    for _ in range(count):
        chain.append(widget)
        widget = widget.nextInFocusChain()
        while not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) or not widget.isVisibleTo(start.window()):
            widget = widget.nextInFocusChain()
    return chain


def test_tab_order_follows_the_forms(gui: Gui, qtbot: QtBot, center_vault: Path, vault_dir: Path) -> None:
    app = gui.app(center_vault)
    window = app.sign_in_window
    qtbot.waitExposed(window)
    assert _focus_chain(window.name_edit, 3) == [window.name_edit, window.password_edit, window.sign_in_button]

    create = CreateVaultDialog(center_vault.parent / "other", app.tasks)
    qtbot.addWidget(create)
    create.show()
    chain = _focus_chain(create.name_edit, 4)
    assert chain == [create.name_edit, create.display_edit, create.passwords.new_edit, create.passwords.repeat_edit]

    gui.sign_in(app, ADMIN, ADMIN_PASSWORD)
    assert app.main_window is not None and app.main_window.admin is not None
    assert app.main_window.admin.users is not None
    add = app.main_window.admin.users.open_add_user()
    assert isinstance(add, AddUserDialog)
    qtbot.waitExposed(add)
    edits = [w for w in _focus_chain(add.name_edit, 8) if isinstance(w, QLineEdit)]
    assert edits == [add.name_edit, add.display_edit, add.passwords.new_edit, add.passwords.repeat_edit]
