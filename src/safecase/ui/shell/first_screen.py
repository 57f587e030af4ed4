"""Stop once the first screen is up, when ``SAFECASE_QUIT_AFTER_FIRST_SCREEN=1`` asks for it.

Start-up time is measured from process start to the first screen a person sees (create-vault or
sign-in), for a source install and for the frozen build alike (``tests/benchmarks/bench_startup.py``),
and a build's smoke test starts the GUI offscreen to its first screen and closes it. Both need the app
to say when that screen is up and then to go away on its own:

    SAFECASE_QUIT_AFTER_FIRST_SCREEN=1 QT_QPA_PLATFORM=offscreen safecase

prints :data:`FIRST_SCREEN_MARKER` on its own line on stdout once the first window has been drawn,
then quits as if the person had closed that window (exit code 0). "Drawn" rather than "shown": a
window counts once the window system has exposed it and Qt has painted it, the moment a person could
read it.

The probe watches only the windows already shown when it starts (``watch`` after the first screen's
``show()``), and only for exposure: an application-wide event filter in Python would see every event
of every object, and wrapping each of them for Python cost more (about 90 ms before the sign-in
screen) than the whole difference it is there to measure.

Harmless in production: without the variable nothing changes, and with it SafeCase only stops
sooner; the line names no vault, person or case.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

ENV_QUIT_AFTER_FIRST_SCREEN = "SAFECASE_QUIT_AFTER_FIRST_SCREEN"
FIRST_SCREEN_MARKER = "safecase: first screen shown"


def quit_after_first_screen_requested() -> bool:
    return os.environ.get(ENV_QUIT_AFTER_FIRST_SCREEN) == "1"


class FirstScreenProbe(QObject):
    """Reports the first of the shown windows to be exposed (and so painted), then calls ``stop``."""

    def __init__(self, stop: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stop = stop
        self._windows: list[QWindow] = []
        self._done = False

    def watch(self) -> None:
        """Watch the top-level windows shown so far (call it after the first screen's ``show()``)."""
        for widget in QApplication.topLevelWidgets():
            handle = widget.windowHandle() if widget.isVisible() else None
            if handle is not None:
                self._windows.append(handle)
                handle.installEventFilter(self)
        # Already exposed (a platform that exposes at once): it has been painted, too.
        self._check()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Expose:
            # Qt paints an exposed window while it handles this event, after this filter: look then.
            QTimer.singleShot(0, self._check)
        return False

    def _check(self) -> None:
        windows = [window for window in self._windows if isValid(window)]
        if self._done or not any(window.isExposed() for window in windows):
            return
        self._done = True
        for window in windows:
            window.removeEventFilter(self)
        if sys.stdout is not None:  # a windowed build on Windows has no stdout; quitting says enough
            print(FIRST_SCREEN_MARKER, flush=True)
        self._stop()
