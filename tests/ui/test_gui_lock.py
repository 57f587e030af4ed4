"""Locking: by shortcut, by idle time, never under running work; everything on screen goes with it.

Key presses and mouse moves are delivered the way the window system delivers them: to the window's
QWindow (``QTest.keyClick(window.windowHandle(), …)``), from where Qt passes them on to the widget with
focus. That is where SafeCase watches for input (ui/shell/idle.py); an event sent straight to a widget
never passes a window and is not a person's input.
"""

from __future__ import annotations

import ctypes.util
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from gui_cases_support import seed
from gui_support import ADMIN, ADMIN_PASSWORD, COUNSELOR, COUNSELOR_PASSWORD, Gui
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QInputMethodEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

import safecase
from safecase.domain.audit import AuditAction
from safecase.services import access
from safecase.services.audit import AuditService
from safecase.ui.case.case_window import CaseWindow
from safecase.ui.shell.controller import SafeCaseApp
from safecase.ui.shell.idle import IdleWatcher
from safecase.ui.shell.lock_shortcut import LockShortcut
from safecase.ui.shell.main_window import CASES
from safecase.ui.tasks import Busy

CTRL = Qt.KeyboardModifier.ControlModifier


def _actions(vault: Path) -> list[str]:
    session = access.sign_in(vault, ADMIN, ADMIN_PASSWORD)
    try:
        return [entry.action for entry in AuditService(session).entries(50)]
    finally:
        session.close()


def _focus(qtbot: QtBot, window: QWidget) -> None:
    """Wait until ``window`` is the focus window, the one the window system sends key presses to."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is window.windowHandle(), timeout=3_000)


def _press(window: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press and release ``key`` as a person would with ``window`` in front: at its QWindow."""
    handle = window.windowHandle()
    assert handle is not None
    QTest.keyClick(handle, key, modifiers)


def _open_dialog(qtbot: QtBot) -> QDialog:
    def dialogs() -> list[QDialog]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]

    qtbot.waitUntil(lambda: bool(dialogs()))
    return dialogs()[0]


def test_ctrl_l_locks_and_returns_to_sign_in(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    session = app.session
    window = app.main_window
    assert session is not None and window is not None
    _focus(qtbot, window)
    with qtbot.waitSignal(app.locked):
        _press(window, Qt.Key.Key_L, CTRL)

    assert not session.is_open
    assert app.session is None
    assert app.main_window is None
    assert app.sign_in_window.isVisible()
    assert app.sign_in_window.name_edit.text() == COUNSELOR
    assert app.sign_in_window.password_edit.text() == ""
    assert not app.idle.active

    # Coming back is an unlock in the audit log.
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    assert app.session is not None and app.session.is_open
    app.quit()
    actions = _actions(center_vault)
    assert actions.index(AuditAction.UNLOCK) < actions.index(AuditAction.LOCK)
    assert AuditAction.SIGN_OUT in actions


def test_ctrl_l_locks_from_inside_a_modal_dialog(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    # The dialog blocks the main window's Lock action; the key press reaches the dialog's own window.
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    session, window = app.session, app.main_window
    assert session is not None and window is not None
    window.change_password()
    dialog = _open_dialog(qtbot)
    assert dialog.isModal() or dialog.windowModality() != Qt.WindowModality.NonModal
    _focus(qtbot, dialog)
    with qtbot.waitSignal(app.locked):
        _press(dialog, Qt.Key.Key_L, CTRL)
    assert not session.is_open
    assert app.main_window is None
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    assert app.sign_in_window.isVisible()


def test_ctrl_l_locks_from_a_case_window(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    work = seed(center_vault)
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    assert app.main_window is not None
    case_window = app.main_window.open_case(work.minji)
    assert case_window is not None
    qtbot.waitExposed(case_window)
    gui.settle(app.tasks)
    _focus(qtbot, case_window)
    with qtbot.waitSignal(app.locked):
        _press(case_window, Qt.Key.Key_L, CTRL)
    assert app.session is None
    assert app.main_window is None
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, CaseWindow) and w.isVisible()]


def test_ctrl_l_locks_with_a_drop_down_list_open(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    # An open popup (its own window) receives the key presses meant for the window below it.
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    window = app.main_window
    assert window is not None and window.cases is not None
    window.show_page(CASES)
    gui.settle(app.tasks)
    _focus(qtbot, window)
    combo = window.cases.status_combo
    combo.showPopup()
    popup = QApplication.activePopupWidget()
    assert popup is not None
    qtbot.waitExposed(popup)
    with qtbot.waitSignal(app.locked):
        _press(window, Qt.Key.Key_L, CTRL)
    assert app.session is None


def test_auto_lock_after_idle_time(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    # Long enough that the countdown cannot run out while signing in, however slow the machine.
    app = gui.app(center_vault, auto_lock_ms=600_000)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    session = app.session
    assert session is not None
    assert app.idle.active and app.idle.interval_ms == 600_000
    assert _idle_timer(app).isActive()
    # Nobody touches anything from here on. Shortening the time restarts the count; the timer cannot
    # fire before waitSignal runs the event loop, so the signal cannot be missed.
    with qtbot.waitSignal(app.locked, timeout=10_000):
        app.set_auto_lock_ms(50)
    assert not session.is_open
    assert app.main_window is None
    assert app.sign_in_window.isVisible()
    assert "without use" in app.sign_in_window.intro.text()
    assert not app.idle.active


def _idle_timer(app: SafeCaseApp) -> QTimer:
    """The idle watcher's countdown, to read how much of it is left."""
    timer = app.idle.findChild(QTimer)
    assert timer is not None
    return timer


def _postpones(qtbot: QtBot, app: SafeCaseApp, touch: Callable[[], None]) -> bool:
    """Let a second of a one-minute count run out, ``touch``, and say whether the count started again.

    Reading the countdown rather than racing a short one keeps the test true on a loaded machine.
    """
    timer = _idle_timer(app)
    app.set_auto_lock_ms(60_000)
    qtbot.waitUntil(lambda: timer.remainingTime() < 59_000, timeout=10_000)
    touch()
    return timer.remainingTime() > 59_000


def test_activity_postpones_auto_lock(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    app = gui.app(center_vault, auto_lock_ms=600_000)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    window = app.main_window
    assert window is not None
    _focus(qtbot, window)
    assert _postpones(qtbot, app, lambda: _press(window, Qt.Key.Key_Down)), "a key press did not postpone"
    assert _postpones(qtbot, app, lambda: QTest.mouseMove(window.windowHandle(), QPoint(40, 60))), (
        "a mouse move did not postpone"
    )
    assert not _postpones(qtbot, app, lambda: None), "the count restarted with no input"
    assert app.session is not None and app.session.is_open
    # And when nobody touches anything, it does lock.
    with qtbot.waitSignal(app.locked, timeout=10_000):
        app.set_auto_lock_ms(50)
    assert app.session is None


def test_typing_through_an_input_method_postpones_auto_lock(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    # Hangul typed through an input method reaches the focused widget as composed text, never as key
    # presses at the window; the platform sends it as the input-method events sent here.
    app = gui.app(center_vault, auto_lock_ms=600_000)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    window = app.main_window
    assert window is not None and window.cases is not None
    window.show_page(CASES)
    _focus(qtbot, window)
    edit = window.cases.search_edit
    edit.setFocus()
    qtbot.waitUntil(lambda: QGuiApplication.focusObject() is edit)

    def type_syllable(syllable: str) -> None:
        QCoreApplication.sendEvent(edit, QInputMethodEvent(syllable, []))
        committed = QInputMethodEvent("", [])
        committed.setCommitString(syllable)
        QCoreApplication.sendEvent(edit, committed)

    for syllable in "가해자":
        assert _postpones(qtbot, app, lambda s=syllable: type_syllable(s)), f"typing {syllable} did not postpone"
    assert edit.text() == "가해자"
    assert app.session is not None and app.session.is_open


def test_lock_waits_for_running_work(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    session, window = app.session, app.main_window
    assert session is not None and window is not None
    release = threading.Event()
    results: list[object] = []
    app.tasks.run(
        lambda: release.wait(5) and session.user.name,
        results.append,
        results.append,
        busy=Busy("Working…", window),
    )
    app.request_lock()
    qtbot.wait(100)
    assert session.is_open, "locked while a worker still used the session"
    assert app.main_window is window
    release.set()
    qtbot.waitUntil(lambda: app.session is None, timeout=5_000)
    assert results == [COUNSELOR]
    assert not session.is_open


def test_another_person_may_sign_in_at_the_lock_screen(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    app.request_lock()
    assert app.main_window is None
    gui.sign_in(app, ADMIN, ADMIN_PASSWORD)
    assert app.session is not None and app.session.user.name == ADMIN
    app.quit()
    actions = _actions(center_vault)
    # The admin's return was a sign-in, not an "unlock" of the counselor's session.
    assert AuditAction.UNLOCK not in actions


def test_lock_action_in_menu_and_toolbar_locks_once(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    window = app.main_window
    assert window is not None
    assert window.lock_action.shortcut().toString() == "Ctrl+L"
    locks: list[None] = []
    app.locked.connect(lambda: locks.append(None))
    _focus(qtbot, window)
    _press(window, Qt.Key.Key_L, CTRL)
    qtbot.waitUntil(lambda: app.session is None)
    qtbot.wait(50)
    assert len(locks) == 1


class _CountingWatch(IdleWatcher):
    calls = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        self.calls += 1
        return super().eventFilter(watched, event)


class _CountingFilter(QObject):
    calls = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        self.calls += 1
        return False


def test_the_watch_sees_input_at_windows_not_what_widgets_send_each_other(qtbot: QtBot) -> None:
    shortcut = LockShortcut(QKeySequence("Ctrl+L"))
    watch = _CountingWatch(60_000, lock_shortcut=shortcut)
    window = QWidget()
    qtbot.addWidget(window)
    outer = QVBoxLayout(window)
    window.resize(500, 900)
    window.show()
    _focus(qtbot, window)
    watch.start()

    # Building a form, as a tab does when first shown: thousands of events among widgets (what an
    # application-wide filter was called for), a handful at the window.
    everything = _CountingFilter()
    QCoreApplication.instance().installEventFilter(everything)  # type: ignore[union-attr]
    try:
        before = watch.calls
        page = QWidget(window)
        form = QFormLayout(page)
        for row in range(100):
            form.addRow(QLabel(f"항목 {row}"), QLineEdit())
            form.addRow(QComboBox())
        outer.addWidget(page)
        qtbot.wait(100)
    finally:
        QCoreApplication.instance().removeEventFilter(everything)  # type: ignore[union-attr]
    assert everything.calls > 1_000
    assert watch.calls - before < 20, f"{watch.calls - before} calls for widget-internal events"

    # Input at the window restarts the timer and reaches the shortcut, which takes Ctrl+L.
    with qtbot.waitSignal(shortcut.activated):
        _press(window, Qt.Key.Key_L, CTRL)

    # A dialog opened later is watched from when it has focus; deleting it troubles nobody.
    dialog = QDialog(window)
    dialog.open()
    _focus(qtbot, dialog)
    with qtbot.waitSignal(shortcut.activated):
        _press(dialog, Qt.Key.Key_L, CTRL)
    dialog.deleteLater()
    qtbot.waitUntil(lambda: dialog not in QApplication.topLevelWidgets())
    _focus(qtbot, window)

    # Stopped, the watch is off every window: not even called.
    watch.stop()
    calls = watch.calls
    with qtbot.assertNotEmitted(shortcut.activated):
        _press(window, Qt.Key.Key_L, CTRL)
        QTest.mouseMove(window.windowHandle(), QPoint(10, 10))
    assert watch.calls == calls
    assert not watch.active


def test_a_key_press_that_a_shortcut_takes_counts_as_activity(qtbot: QtBot) -> None:
    # A shortcut consumes its key press before the window sees it; the ShortcutOverride before it counts.
    # (F5 alone: with Ctrl+K the press of Ctrl itself would already count.)
    watch = IdleWatcher(300)
    window = QWidget()
    qtbot.addWidget(window)
    action = QAction(window)
    action.setShortcut(QKeySequence("F5"))
    window.addAction(action)
    triggered: list[bool] = []
    action.triggered.connect(lambda: triggered.append(True))
    window.show()
    _focus(qtbot, window)
    watch.start()
    with qtbot.assertNotEmitted(watch.timed_out):
        for _ in range(4):
            qtbot.wait(150)
            _press(window, Qt.Key.Key_F5)
    assert len(triggered) == 4
    with qtbot.waitSignal(watch.timed_out, timeout=2_000):
        pass
    watch.stop()


def _why_no_x_server() -> str | None:
    if shutil.which("xvfb-run") is None:
        return "xvfb-run is not installed (apt-get install xvfb libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1)"
    if ctypes.util.find_library("Xtst") is None:
        return "libXtst (the X server's XTEST client library) is not installed"
    return None


@pytest.mark.skipif(_why_no_x_server() is not None, reason=_why_no_x_server() or "")
def test_real_x11_key_presses_lock_and_postpone_under_xcb(center_vault: Path) -> None:
    # The xcb plugin turns X key codes into Qt keys through its own key map (xkbcommon); the input watch
    # must see Ctrl+L there as it does offscreen. Real key presses and pointer moves, from the X
    # server's XTEST extension, in a SafeCase on Xvfb.
    driver = Path(__file__).with_name("xcb_lock_driver.py")
    src = Path(safecase.__file__).resolve().parents[1]
    path = os.pathsep.join([str(src), str(driver.parent), os.environ.get("PYTHONPATH", "")])
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": path}
    result = subprocess.run(
        ["xvfb-run", "-a", sys.executable, str(driver), str(center_vault)],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )
    stderr = result.stderr.lower()
    if "could not load the qt platform plugin" in stderr or "xvfb failed to start" in stderr:
        pytest.skip(f"no X server or xcb plugin here: {result.stderr.strip().splitlines()[-1]}")
    assert result.returncode == 0, result.stdout + result.stderr
    for step in (
        "keys and pointer moves postponed auto-lock",
        "with no input it locked",
        "Ctrl+L locked from the main window",
        "Ctrl+L locked from inside the modal dialog",
    ):
        assert step in result.stdout.splitlines()
