"""Start-up: one SafeCase per vault, and a crashed app's lock does not keep the vault shut."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from gui_support import Gui
from PySide6.QtCore import QLockFile, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from safecase.services.locations import lock_path
from safecase.ui.shell.app import run_app
from safecase.ui.shell.instance import acquire_instance_lock, prepare_vault_folder
from safecase.ui.shell.privacy import exclude_from_capture, restore_geometry, save_geometry


def test_second_instance_is_refused_with_a_clear_message(qtbot: QtBot, vault_dir: Path) -> None:
    prepare_vault_folder(vault_dir)
    held = acquire_instance_lock(vault_dir)
    assert held is not None
    shown: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        shown.append(box.text())
        box.accept()

    QTimer.singleShot(50, answer)
    try:
        assert run_app(vault_dir) == 1
    finally:
        held.unlock()
    assert shown == ["SafeCase is already open for this vault."]


def test_first_run_creates_a_private_vault_folder_holding_only_the_lock(vault_dir: Path) -> None:
    prepare_vault_folder(vault_dir)
    assert vault_dir.is_dir()
    assert vault_dir.stat().st_mode & 0o077 == 0
    lock = acquire_instance_lock(vault_dir)
    assert lock is not None
    try:
        assert list(vault_dir.iterdir()) == [lock_path(vault_dir)]
        assert acquire_instance_lock(vault_dir) is None
    finally:
        lock.unlock()
    assert acquire_instance_lock(vault_dir) is not None


def test_lock_left_by_a_crashed_app_is_recovered(vault_dir: Path) -> None:
    prepare_vault_folder(vault_dir)
    crash = (
        "import os, sys\n"
        "from PySide6.QtCore import QLockFile\n"
        "lock = QLockFile(sys.argv[1])\n"
        "assert lock.tryLock(0)\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", crash, str(lock_path(vault_dir))], check=True, timeout=60)
    assert lock_path(vault_dir).exists()
    lock = acquire_instance_lock(vault_dir)
    assert isinstance(lock, QLockFile)
    lock.unlock()


def test_a_vault_is_created_in_the_folder_that_holds_the_lock(gui: Gui, qtbot: QtBot, vault_dir: Path) -> None:
    prepare_vault_folder(vault_dir)
    lock = acquire_instance_lock(vault_dir)
    assert lock is not None
    try:
        app = gui.app(vault_dir)
        dialog = app.create_dialog
        assert dialog is not None
        dialog.name_edit.setText("admin")
        dialog.passwords.new_edit.setText("correct horse battery staple 9")
        dialog.passwords.repeat_edit.setText("correct horse battery staple 9")
        qtbot.waitUntil(dialog.create_button.isEnabled)
        dialog.create_button.click()
        qtbot.waitUntil(dialog.on_recovery_page, timeout=10_000)
        assert (vault_dir / "keys.json").is_file()
        assert lock_path(vault_dir).is_file()
    finally:
        lock.unlock()


def test_windows_are_kept_out_of_captures_only_where_the_system_can(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    assert exclude_from_capture(widget) is (sys.platform == "win32")


def test_settings_store_refuses_anything_but_window_geometry(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    with pytest.raises(ValueError):
        save_geometry("last_user", widget)
    with pytest.raises(ValueError):
        restore_geometry("recent_case", widget)
