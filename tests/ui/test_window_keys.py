"""Closing a case window from the keyboard as in office programs: Ctrl+W, the platform's Close key, Esc.

``QKeySequence(StandardKey.Close)`` is the platform's first Close key: Ctrl+F4 offscreen (and on
Windows), but Ctrl+W under xcb, so an action given Ctrl+W and that key held Ctrl+W twice there, and Qt
refused it as an "ambiguous shortcut overload": on Linux the window did not close at all. The tests here
press keys offscreen; test_real_x11_keys_close_a_case_window presses them through a real X server
(Xvfb) and the xcb key map, as tests/ui/test_gui_lock.py does.
"""

from __future__ import annotations

import ctypes.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from gui_cases_support import seed
from gui_support import COUNSELOR, COUNSELOR_PASSWORD, Gui
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

import safecase
from safecase.ui.case.case_window import CaseWindow, close_key_sequences
from safecase.ui.shell.controller import SafeCaseApp

CTRL = Qt.KeyboardModifier.ControlModifier


def _open(gui: Gui, qtbot: QtBot, app: SafeCaseApp, case_id: int) -> CaseWindow:
    assert app.main_window is not None
    window = app.main_window.open_case(case_id)
    assert window is not None
    qtbot.waitExposed(window)
    gui.settle(app.tasks)
    window.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is window.windowHandle(), timeout=3_000)
    return window


def _press(window: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """As the window system delivers a key press: to the window, from where Qt routes it."""
    handle = window.windowHandle()
    assert handle is not None
    QTest.keyClick(handle, key, modifiers)


def _gone(app: SafeCaseApp) -> bool:
    return app.main_window is not None and not app.main_window.case_windows()


def test_close_keys_hold_ctrl_w_and_the_platform_keys_once_each(qapp: QApplication) -> None:
    # (The platform's key bindings need the application: qapp.)
    ctrl_w = QKeySequence("Ctrl+W")
    keys = close_key_sequences(ctrl_w)
    assert keys[0] == ctrl_w
    texts = [key.toString() for key in keys]
    assert len(texts) == len(set(texts)), texts
    for key in QKeySequence.keyBindings(QKeySequence.StandardKey.Close):
        assert key in keys
    # Where the platform binds Ctrl+W to Close itself (xcb, Windows), it is still there once.
    assert close_key_sequences(QKeySequence("Ctrl+F4")).count(QKeySequence("Ctrl+F4")) == 1


@pytest.mark.parametrize(
    ("key", "modifiers"),
    [
        (Qt.Key.Key_W, CTRL),
        (Qt.Key.Key_F4, CTRL),  # the platform's Close key offscreen
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    ],
    ids=["ctrl-w", "ctrl-f4", "esc"],
)
def test_a_key_closes_a_case_window_without_changes(
    gui: Gui, qtbot: QtBot, center_vault: Path, key: Qt.Key, modifiers: Qt.KeyboardModifier
) -> None:
    work = seed(center_vault)
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    window = _open(gui, qtbot, app, work.minji)
    _press(window, key, modifiers)
    qtbot.waitUntil(lambda: _gone(app), timeout=3_000)
    assert app.main_window is not None and app.main_window.isVisible()


def test_esc_with_unsaved_changes_asks_and_keeps_them(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    work = seed(center_vault)
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    window = _open(gui, qtbot, app, work.sangbyeong)
    window.overview.alias_edit.setText("상병B")
    window.overview.alias_edit.setFocus()
    _press(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox), timeout=3_000)
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox) and "Save the changes" in box.text()
    # Esc again answers the question with Cancel: nothing closes, nothing is lost.
    _press(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not isValid(box) or not box.isVisible(), timeout=3_000)
    assert window.isVisible() and window.overview.alias_edit.text() == "상병B"


def test_esc_in_an_open_drop_down_list_closes_only_the_list(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    work = seed(center_vault)
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    window = _open(gui, qtbot, app, work.minji)
    combo = window.overview.status_combo
    combo.showPopup()
    popup = QApplication.activePopupWidget()
    assert popup is not None
    qtbot.waitExposed(popup)
    _press(popup, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=3_000)
    qtbot.wait(100)
    assert window.isVisible() and not _gone(app)


def _why_no_x_server() -> str | None:
    if shutil.which("xvfb-run") is None:
        return "xvfb-run is not installed (apt-get install xvfb libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1)"
    if ctypes.util.find_library("Xtst") is None:
        return "libXtst (the X server's XTEST client library) is not installed"
    return None


@pytest.mark.skipif(_why_no_x_server() is not None, reason=_why_no_x_server() or "")
def test_real_x11_keys_close_a_case_window(center_vault: Path) -> None:
    # Under xcb, Qt's Close key list holds Ctrl+W: this is where the ambiguous shortcut hid.
    work = seed(center_vault)
    driver = Path(__file__).with_name("xcb_window_driver.py")
    src = Path(safecase.__file__).resolve().parents[1]
    path = os.pathsep.join([str(src), str(driver.parent), os.environ.get("PYTHONPATH", "")])
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": path}
    result = subprocess.run(
        [
            "xvfb-run",
            "-a",
            "-s",
            "-screen 0 1366x768x24",
            sys.executable,
            str(driver),
            str(center_vault),
            str(work.minji),
            str(work.sangbyeong),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )
    stderr = result.stderr.lower()
    if "could not load the qt platform plugin" in stderr or "xvfb failed to start" in stderr:
        pytest.skip(f"no X server or xcb plugin here: {result.stderr.strip().splitlines()[-1]}")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ambiguous shortcut" not in stderr, result.stderr
    for step in (
        "Ctrl+W is among the platform's Close keys",
        "the sign-in window's title is 'Sign in — SafeCase'",
        "the sign-in window is centred",
        "Ctrl+W closed the case window",
        "Esc closed the case window",
        "Ctrl+W with unsaved changes asked first",
        "Esc answered Cancel and kept the changes",
    ):
        assert step in result.stdout.splitlines(), result.stdout
