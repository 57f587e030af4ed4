"""File dialogs leave no trace of the folders a person visited (QtProject.conf, recent files)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from safecase.ui.common.file_dialogs import forget_file_dialog_state, private_file_dialog

CASE_FOLDER = "Evidence-2026-0115-canary"


def _qt_dialog_state() -> dict[str, object]:
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.beginGroup("FileDialog")
    return {key: settings.value(key) for key in settings.allKeys()}


def _accept_and_wait_until_deleted(qtbot: QtBot, dialog: QFileDialog, chosen: Path) -> None:
    gone: list[bool] = []
    dialog.destroyed.connect(lambda: gone.append(True))
    dialog.open()
    dialog.selectFile(str(chosen))
    dialog.accept()
    qtbot.waitUntil(lambda: bool(gone), timeout=5000)


def test_a_plain_qt_file_dialog_does_record_visited_folders(qtbot: QtBot, tmp_path: Path) -> None:
    """The leak this module exists for: without the scrub, Qt writes the case folder to QtProject.conf."""
    forget_file_dialog_state()
    folder = tmp_path / CASE_FOLDER
    folder.mkdir()
    (folder / "chat.png").write_bytes(b"x")
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = QFileDialog(parent, "Open", str(folder))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _accept_and_wait_until_deleted(qtbot, dialog, folder / "chat.png")
    assert CASE_FOLDER in repr(_qt_dialog_state())
    forget_file_dialog_state()
    assert _qt_dialog_state() == {}


def test_private_file_dialog_forgets_where_it_was(qtbot: QtBot, tmp_path: Path) -> None:
    forget_file_dialog_state()
    folder = tmp_path / CASE_FOLDER
    folder.mkdir()
    chosen = folder / "chat.png"
    chosen.write_bytes(b"x")
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = private_file_dialog(parent, "Open", folder, save=False)
    picked: list[str] = []
    dialog.fileSelected.connect(picked.append)
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
    _accept_and_wait_until_deleted(qtbot, dialog, chosen)
    assert picked == [str(chosen)]
    assert _qt_dialog_state() == {}
    config = Path(QSettings(QSettings.Scope.UserScope, "QtProject").fileName())
    assert not config.exists() or CASE_FOLDER not in config.read_text("utf-8", errors="replace")
