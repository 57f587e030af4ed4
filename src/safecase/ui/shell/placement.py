"""Windows that fit the screen they open on: no larger than it leaves free, and centred on it.

A window's preferred size (the main window's 1100x720) is more than a 1366x768 screen keeps free
above a taskbar, and a window taller than that space puts its bottom row (the Save button, the status
bar) under the taskbar. So every top-level window is sized by :func:`place_window`: its preferred size,
cut to the screen's *available* geometry (taskbars and docks left out) less the window's frame, and
centred in that space. The frame (title bar, borders) is known once a window has been on screen; for
a window not shown yet the frame of the window it opens from is used, else a typical title bar and
border (:data:`FRAME_ALLOWANCE`), so the frame never ends up under the taskbar either.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FRAME_ALLOWANCE = QMargins(8, 32, 8, 8)
"""Left, top (the title bar), right and bottom frame of a window the window system has not framed yet."""


def fitted_geometry(available: QRect, preferred: QSize, frame: QMargins) -> QRect:
    """The window's own rectangle (inside its frame): ``preferred``, but no larger than fits in
    ``available`` together with ``frame``, centred there."""
    room = available.marginsRemoved(frame)
    size = preferred.boundedTo(room.size())
    left = room.x() + (room.width() - size.width()) // 2
    top = room.y() + (room.height() - size.height()) // 2
    return QRect(QPoint(left, top), size)


def frame_margins(window: QWidget, opened_from: QWidget | None = None) -> QMargins:
    """The frame the window system draws around ``window``: its own once it has one, else that of
    ``opened_from``, else :data:`FRAME_ALLOWANCE`."""
    for widget in (window, opened_from):
        handle = widget.windowHandle() if widget is not None else None
        if handle is not None and handle.isVisible() and not handle.frameMargins().isNull():
            return handle.frameMargins()
    return FRAME_ALLOWANCE


def place_window(window: QWidget, preferred: QSize, opened_from: QWidget | None = None) -> None:
    """Give ``window`` its ``preferred`` size (at least its minimum size) where the screen has room for
    it, centred on the screen of ``opened_from`` (else its own); its minimum size shrinks too when the
    screen is smaller."""
    anchor = opened_from if opened_from is not None else window
    screen = anchor.screen() or QGuiApplication.primaryScreen()
    available, frame = screen.availableGeometry(), frame_margins(window, opened_from)
    room, minimum = available.marginsRemoved(frame).size(), window.minimumSize()
    if minimum.width() > room.width() or minimum.height() > room.height():
        # Only then: a minimum set here would stop the window's layout from raising it (Qt's rule).
        window.setMinimumSize(minimum.boundedTo(room))
    window.setGeometry(fitted_geometry(available, preferred.expandedTo(window.minimumSize()), frame))
