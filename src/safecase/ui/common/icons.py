"""The app's icon (PNGs made from resources/icons/safecase.svg) and toolbar icons drawn at run time,
which stay sharp at any scale and follow the palette's colours."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from safecase.services.resources import resource_dir

if TYPE_CHECKING:
    from PySide6.QtGui import QColor

# The sizes installer/make_icons.py renders; Qt picks the nearest for title bars, task bars and docks.
APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """SafeCase's icon at every rendered size, for QApplication.setWindowIcon (so every window has it).

    PNGs rather than the SVG: decoding a few small PNGs is cheaper at start-up than loading Qt's SVG
    icon engine, and the frozen build need not ship that plugin. Added as files, with their sizes, so
    Qt decodes only the sizes a window system asks for, when it asks (decoding all seven took 4 ms
    before the first screen).
    """
    icon = QIcon()
    folder = resource_dir() / "icons"
    for size in APP_ICON_SIZES:
        icon.addFile(str(folder / f"safecase-{size}.png"), QSize(size, size))
    return icon


def lock_icon(color: QColor, size: int = 64) -> QIcon:
    """A closed padlock in ``color`` (the toolbar passes the palette's text color)."""
    # Drawing classes imported here: the first screen sets the app icon only (see safecase.ui).
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QPainter, QPainterPath, QPen, QPixmap

    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    unit = size / 16
    pen = QPen(color, 1.6 * unit)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    shackle = QPainterPath()
    shackle.moveTo(QPointF(5 * unit, 7.5 * unit))
    shackle.lineTo(QPointF(5 * unit, 5 * unit))
    shackle.arcTo(QRectF(5 * unit, 2 * unit, 6 * unit, 6 * unit), 180, -180)
    shackle.lineTo(QPointF(11 * unit, 7.5 * unit))
    painter.drawPath(shackle)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawRoundedRect(QRectF(3 * unit, 7 * unit, 10 * unit, 7.5 * unit), 1.5 * unit, 1.5 * unit)
    painter.end()
    return QIcon(pixmap)
