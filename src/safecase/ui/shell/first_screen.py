"""Stop once the first screen is up, when ``SAFECASE_QUIT_AFTER_FIRST_SCREEN=1`` asks for it.

Start-up time is measured from process start to the first screen a person sees (create-vault or
sign-in), for a source install and for the frozen build alike (``tests/benchmarks/bench_startup.py``),
and a build's smoke test starts the GUI offscreen to its first screen and closes it. Both need the app
to say when that screen is up and then to go away on its own:

    SAFECASE_QUIT_AFTER_FIRST_SCREEN=1 QT_QPA_PLATFORM=offscreen safecase --vault DIR

prints :data:`FIRST_SCREEN_MARKER` on its own line on stdout once the first window has painted
itself, then quits as if the person had closed that window (exit code 0). "Painted" rather than
"shown": a window counts when its pixels are drawn, the moment a person could read it.

Harmless in production: without the variable nothing changes, and with it SafeCase only stops
sooner; the line names no vault, person or case.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

ENV_QUIT_AFTER_FIRST_SCREEN = "SAFECASE_QUIT_AFTER_FIRST_SCREEN"
FIRST_SCREEN_MARKER = "safecase: first screen shown"


def quit_after_first_screen_requested() -> bool:
    return os.environ.get(ENV_QUIT_AFTER_FIRST_SCREEN) == "1"


class FirstScreenProbe(QObject):
    """Watches the application's events for the first paint of a window; then reports and calls ``stop``."""

    def __init__(self, stop: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stop = stop
        self._seen = False

    def install(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._seen and event.type() == QEvent.Type.Paint and isinstance(watched, QWidget) and watched.isWindow():
            self._seen = True
            # After this paint has reached the window (the backing store is flushed when it returns).
            QTimer.singleShot(0, self._reached)
        return False

    def _reached(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        if sys.stdout is not None:  # a windowed build on Windows has no stdout; quitting says enough
            print(FIRST_SCREEN_MARKER, flush=True)
        self._stop()
