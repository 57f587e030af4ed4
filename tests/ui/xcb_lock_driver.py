"""Run by test_gui_lock.py under ``xvfb-run`` with ``QT_QPA_PLATFORM=xcb``: real key presses and pointer
moves, made by the X server's XTEST extension (libXtst), reach SafeCase through the xcb plugin and its
key map exactly as a person's do. Prints one line per step that held; exits 1 at the first that did not.

    xvfb-run -a python tests/ui/xcb_lock_driver.py VAULT   (a vault with the GUI tests' accounts)
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
import time
from collections.abc import Callable
from pathlib import Path

from gui_support import COUNSELOR, COUNSELOR_PASSWORD
from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from safecase.ui.shell.controller import SafeCaseApp


class XTest:
    """Key presses and pointer moves through the X server, as a keyboard and a mouse make them."""

    def __init__(self) -> None:
        self._x11 = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
        self._xtst = ctypes.CDLL(ctypes.util.find_library("Xtst") or "libXtst.so.6")
        self._x11.XOpenDisplay.restype = ctypes.c_void_p
        self._x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self._x11.XStringToKeysym.restype = ctypes.c_ulong
        self._x11.XStringToKeysym.argtypes = [ctypes.c_char_p]
        self._x11.XKeysymToKeycode.restype = ctypes.c_ubyte
        self._x11.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        self._x11.XFlush.argtypes = [ctypes.c_void_p]
        self._xtst.XTestFakeKeyEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int, ctypes.c_ulong]
        self._xtst.XTestFakeMotionEvent.argtypes = [
            ctypes.c_void_p,
            ctypes.c_int,
            ctypes.c_int,
            ctypes.c_int,
            ctypes.c_ulong,
        ]
        self._display = self._x11.XOpenDisplay(None)
        if not self._display:
            sys.exit("no X display")

    def keys(self, *names: str) -> None:
        """Press ``names`` (X keysym names: Control_L, l, Down) in order, then release them in reverse."""
        codes = [self._x11.XKeysymToKeycode(self._display, self._x11.XStringToKeysym(n.encode())) for n in names]
        for code in codes:
            self._xtst.XTestFakeKeyEvent(self._display, code, True, 0)
        for code in reversed(codes):
            self._xtst.XTestFakeKeyEvent(self._display, code, False, 0)
        self._x11.XFlush(self._display)

    def move_to(self, point: QPoint) -> None:
        self._xtst.XTestFakeMotionEvent(self._display, -1, point.x(), point.y(), 0)
        self._x11.XFlush(self._display)


def wait(seconds: float, until: Callable[[], bool] = lambda: False) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        if until():
            return True
        time.sleep(0.005)
    return until()


def check(held: bool, step: str) -> None:
    if not held:
        print(f"FAILED: {step}", flush=True)
        sys.exit(1)
    print(step, flush=True)


def focus(window: QWidget) -> None:
    window.activateWindow()
    check(wait(5, lambda: QGuiApplication.focusWindow() is window.windowHandle()), f"{type(window).__name__} has focus")


def sign_in(app: SafeCaseApp) -> QWidget:
    form = app.sign_in_window
    check(wait(10, form.isVisible), "the sign-in window is shown")
    form.name_edit.setText(COUNSELOR)
    form.password_edit.setText(COUNSELOR_PASSWORD)
    form.sign_in_button.click()
    check(wait(30, lambda: app.main_window is not None and app.main_window.isVisible()), "signed in")
    assert app.main_window is not None
    focus(app.main_window)
    return app.main_window


def main() -> None:
    qt = QApplication(sys.argv[:1])
    check(QGuiApplication.platformName() == "xcb", "the platform is xcb")
    xtest = XTest()
    app = SafeCaseApp(Path(sys.argv[1]), auto_lock_ms=600, remember_geometry=False)
    app.start()

    # Key presses and pointer moves postpone auto-lock; with neither, it locks.
    window = sign_in(app)
    for step in range(8):  # 1.6 s, more than twice the idle time
        wait(0.2)
        if step % 2:
            xtest.keys("Down")
        else:
            xtest.move_to(window.mapToGlobal(QPoint(60 + 20 * step, 80)))
    check(app.session is not None, "keys and pointer moves postponed auto-lock")
    check(wait(5, lambda: app.session is None), "with no input it locked")

    # Ctrl+L in the main window: the Lock action's shortcut.
    app.set_auto_lock_ms(60_000)
    window = sign_in(app)
    xtest.keys("Control_L", "l")
    check(wait(5, lambda: app.session is None), "Ctrl+L locked from the main window")

    # Ctrl+L inside a modal dialog, where the action is blocked: the input watch.
    window = sign_in(app)
    assert app.main_window is not None
    app.main_window.change_password()
    check(wait(5, lambda: isinstance(QApplication.activeModalWidget(), QDialog)), "a modal dialog is open")
    dialog = QApplication.activeModalWidget()
    assert dialog is not None
    focus(dialog)
    xtest.keys("Control_L", "l")
    check(wait(5, lambda: app.session is None), "Ctrl+L locked from inside the modal dialog")

    app.quit()
    app.shutdown()
    del qt


if __name__ == "__main__":
    main()
