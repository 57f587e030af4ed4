"""Keeping vault content off places it does not belong: screen captures and the settings store.

* On Windows every SafeCase window asks to be left out of screenshots, screen sharing and recordings
  (``SetWindowDisplayAffinity`` with ``WDA_EXCLUDEFROMCAPTURE``; Windows 10 2004 and later). Elsewhere
  there is no such switch and this is a no-op.
* ``QSettings`` is plain text (or the registry), outside the encrypted vault, so it holds window
  geometry and the interface language ("ko" or "en") and nothing else: no user names, no paths of
  exports, no search terms, never case data. :func:`save_geometry` and :func:`restore_geometry` here
  and ``ui/common/language.py`` are the only code that touches it.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QObject, QSettings
from PySide6.QtWidgets import QWidget

WDA_EXCLUDEFROMCAPTURE = 0x11
_SHIELDED = "safecase_capture_excluded"
_ORGANIZATION = "SafeCase"
_APPLICATION = "SafeCase"
# Every key QSettings may ever hold; anything else is refused, so a careless call cannot leak data.
# (The sign-in window is not remembered: it opens centred, see ui/shell/placement.py.)
_GEOMETRY_KEYS = frozenset({"main_window"})


def exclude_from_capture(window: QWidget) -> bool:
    """Ask the window system to keep ``window`` out of screen captures; True when it agreed."""
    if sys.platform == "win32":
        import ctypes

        hwnd = int(window.winId())
        return bool(ctypes.windll.user32.SetWindowDisplayAffinity(hwnd, WDA_EXCLUDEFROMCAPTURE))
    return False


class CaptureShield(QObject):
    """Application-wide filter that excludes each top-level window from capture when it is first shown."""

    def install(self) -> None:
        app = QCoreApplication.instance()
        if sys.platform == "win32" and app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and not watched.property(_SHIELDED)
        ):
            watched.setProperty(_SHIELDED, True)
            exclude_from_capture(watched)
        return False


def _settings() -> QSettings:
    return QSettings(_ORGANIZATION, _APPLICATION)


def save_geometry(key: str, window: QWidget) -> None:
    if key not in _GEOMETRY_KEYS:
        raise ValueError(key)
    _settings().setValue(f"geometry/{key}", window.saveGeometry())


def restore_geometry(key: str, window: QWidget) -> bool:
    if key not in _GEOMETRY_KEYS:
        raise ValueError(key)
    value = _settings().value(f"geometry/{key}")
    return isinstance(value, QByteArray) and window.restoreGeometry(value)
