"""Run by test_window_keys.py under ``xvfb-run`` with ``QT_QPA_PLATFORM=xcb``: real key presses, made by
the X server's XTEST extension, close a case window through the xcb plugin and its key map, and the
window titles the X server holds name SafeCase once. Prints one line per step that held; exits 1 at the
first that did not.

    xvfb-run -a -s "-screen 0 1366x768x24" python tests/ui/xcb_window_driver.py VAULT CASE_ID OTHER_CASE_ID
"""

from __future__ import annotations

import ctypes
import sys
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from shiboken6 import isValid
from xcb_lock_driver import XTest, check, focus, sign_in, wait

from safecase.services.locations import APPLICATION
from safecase.ui.case.case_window import CaseWindow
from safecase.ui.shell.controller import SafeCaseApp
from safecase.ui.shell.main_window import MainWindow


class XTitles:
    """Reads a window's title (``_NET_WM_NAME``, UTF-8) as the X server holds it for the window manager."""

    def __init__(self, xtest: XTest) -> None:
        self._x11 = xtest._x11
        self._display = xtest._display
        self._x11.XInternAtom.restype = ctypes.c_ulong
        self._x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        self._x11.XGetWindowProperty.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.c_ulong,
            ctypes.c_long,
            ctypes.c_long,
            ctypes.c_int,
            ctypes.c_ulong,
            ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.c_void_p),
        ]
        self._x11.XFree.argtypes = [ctypes.c_void_p]
        self._name = self._x11.XInternAtom(self._display, b"_NET_WM_NAME", False)
        self._utf8 = self._x11.XInternAtom(self._display, b"UTF8_STRING", False)

    def title(self, window: QWidget) -> str:
        kind, size, count, left = ctypes.c_ulong(), ctypes.c_int(), ctypes.c_ulong(), ctypes.c_ulong()
        data = ctypes.c_void_p()
        status = self._x11.XGetWindowProperty(
            self._display,
            int(window.winId()),
            self._name,
            0,
            1024,
            False,
            self._utf8,
            ctypes.byref(kind),
            ctypes.byref(size),
            ctypes.byref(count),
            ctypes.byref(left),
            ctypes.byref(data),
        )
        if status != 0 or not data.value:
            return ""
        try:
            return ctypes.string_at(data.value, count.value).decode("utf-8")
        finally:
            self._x11.XFree(data)


def open_case(app: SafeCaseApp, case_id: int) -> CaseWindow:
    window = app.main_window
    assert isinstance(window, MainWindow)
    case_window = window.open_case(case_id)
    assert case_window is not None
    check(wait(10, case_window.isVisible), "a case window is open")
    focus(case_window)
    return case_window


def closed(app: SafeCaseApp) -> bool:
    return app.main_window is not None and not app.main_window.case_windows()


def main() -> None:
    qt = QApplication(sys.argv[:1])
    # As run_app does: Qt appends this name to window titles.
    QApplication.setApplicationDisplayName(APPLICATION)
    check(QGuiApplication.platformName() == "xcb", "the platform is xcb")
    close_keys = [k.toString() for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Close)]
    check("Ctrl+W" in close_keys, "Ctrl+W is among the platform's Close keys")
    xtest = XTest()
    titles = XTitles(xtest)
    vault, case_id, other_case_id = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    app = SafeCaseApp(vault, remember_geometry=False)
    app.start()

    form = app.sign_in_window
    check(wait(10, lambda: form.isVisible() and titles.title(form) != ""), "the sign-in window has a title")
    check(titles.title(form) == "Sign in — SafeCase", "the sign-in window's title is 'Sign in — SafeCase'")
    screen = form.screen().availableGeometry()
    centre = form.frameGeometry().center()
    check(
        screen.contains(form.frameGeometry())
        and abs(centre.x() - screen.center().x()) <= 16
        and abs(centre.y() - screen.center().y()) <= 32,
        "the sign-in window is centred",
    )

    sign_in(app)
    for keys, step in (
        (("Control_L", "w"), "Ctrl+W closed the case window"),
        (("Escape",), "Esc closed the case window"),
    ):
        open_case(app, case_id)
        xtest.keys(*keys)
        check(wait(5, lambda: closed(app)), step)

    case_window = open_case(app, other_case_id)
    case_window.overview.alias_edit.setText("상병B")
    case_window.overview.alias_edit.setFocus()
    xtest.keys("Control_L", "w")
    check(
        wait(5, lambda: isinstance(QApplication.activeModalWidget(), QMessageBox)) and case_window.isVisible(),
        "Ctrl+W with unsaved changes asked first",
    )
    box = QApplication.activeModalWidget()
    assert box is not None
    focus(box)
    xtest.keys("Escape")
    check(
        wait(5, lambda: not isValid(box) or not box.isVisible())
        and case_window.isVisible()
        and case_window.overview.alias_edit.text() == "상병B",
        "Esc answered Cancel and kept the changes",
    )
    case_window.force_close()

    app.quit()
    app.shutdown()
    del qt


if __name__ == "__main__":
    main()
