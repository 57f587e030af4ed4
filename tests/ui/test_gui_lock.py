"""Locking: by shortcut, by idle time, never under running work; everything on screen goes with it."""

from __future__ import annotations

import threading
from pathlib import Path

from gui_support import ADMIN, ADMIN_PASSWORD, COUNSELOR, COUNSELOR_PASSWORD, Gui
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from safecase.domain.audit import AuditAction
from safecase.services import access
from safecase.services.audit import AuditService
from safecase.ui.shell.controller import SafeCaseApp
from safecase.ui.tasks import Busy


def _actions(vault: Path) -> list[str]:
    session = access.sign_in(vault, ADMIN, ADMIN_PASSWORD)
    try:
        return [entry.action for entry in AuditService(session).entries(50)]
    finally:
        session.close()


def test_ctrl_l_locks_and_returns_to_sign_in(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    session = app.session
    window = app.main_window
    assert session is not None and window is not None
    window.change_password()  # an open dialog must not survive the lock
    qtbot.waitUntil(lambda: any(isinstance(w, QDialog) and w.isVisible() for w in QApplication.topLevelWidgets()))

    window.activateWindow()
    qtbot.waitActive(window)
    with qtbot.waitSignal(app.locked):
        QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    assert not session.is_open
    assert app.session is None
    assert app.main_window is None
    assert app.sign_in_window.isVisible()
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
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


def _idle_timer(app: SafeCaseApp) -> QTimer:
    """The idle watcher's countdown, to read how much of it is left."""
    timer = app.idle.findChild(QTimer)
    assert timer is not None
    return timer


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


def test_activity_postpones_auto_lock(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    app = gui.app(center_vault, auto_lock_ms=600_000)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    window = app.main_window
    assert window is not None
    timer = _idle_timer(app)
    app.set_auto_lock_ms(60_000)
    # Let a second of the minute run out, then touch a key: the count starts again from the full minute.
    qtbot.waitUntil(lambda: timer.remainingTime() < 59_000, timeout=10_000)
    QTest.keyClick(window.nav, Qt.Key.Key_Down)
    assert timer.remainingTime() > 59_000
    assert app.session is not None and app.session.is_open
    # And when nobody touches anything, it does lock.
    with qtbot.waitSignal(app.locked, timeout=10_000):
        app.set_auto_lock_ms(50)
    assert app.session is None


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
    window.activateWindow()
    qtbot.waitActive(window)
    QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: app.session is None)
    qtbot.wait(50)
    assert len(locks) == 1
