"""Test pictures drawn with QPainter (gradients and shapes, never a flat colour), encoded in memory.

Used by the perceptual-hash tests and the GUI tests of the Evidence tab. QImage needs no display and
no QGuiApplication to draw or encode.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QLinearGradient, QPainter, QRadialGradient


def picture(width: int = 800, height: int = 600, variant: int = 0) -> QImage:
    """A picture with a gradient background and a few shapes; each ``variant`` is a different picture."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    w, h = float(width), float(height)
    background = QLinearGradient(0, 0, w, h)
    if variant == 0:
        background.setColorAt(0, QColor("#20304a"))
        background.setColorAt(1, QColor("#f0c080"))
    else:
        background.setColorAt(0, QColor("#e0f0ff"))
        background.setColorAt(1, QColor("#402010"))
    painter.fillRect(QRectF(0, 0, w, h), QBrush(background))
    painter.setPen(Qt.PenStyle.NoPen)
    if variant == 0:
        glow = QRadialGradient(w * 0.28, h * 0.45, w * 0.2)
        glow.setColorAt(0, QColor("#ff6060"))
        glow.setColorAt(1, QColor("#801010"))
        painter.setBrush(QBrush(glow))
        painter.drawEllipse(QRectF(w * 0.1, h * 0.2, w * 0.35, h * 0.5))
        painter.setBrush(QColor("#30a050"))
        painter.drawRect(QRectF(w * 0.55, h * 0.1, w * 0.3, h * 0.3))
        painter.setBrush(QColor("#ffffff"))
        painter.drawRect(QRectF(w * 0.6, h * 0.6, w * 0.25, h * 0.3))
    else:
        painter.setBrush(QColor("#2040c0"))
        painter.drawEllipse(QRectF(w * 0.5, h * 0.4, w * 0.4, h * 0.5))
        painter.setBrush(QColor("#000000"))
        painter.drawRect(QRectF(w * 0.05, h * 0.05, w * 0.3, h * 0.6))
    painter.end()
    return image


def encoded(image: QImage, fmt: str = "PNG", quality: int = -1) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, fmt, quality)
    return bytes(buffer.data().data())


def resized_jpeg(image: QImage, factor: float = 0.5, quality: int = 60) -> bytes:
    """What a messenger makes of an upload: smaller and re-compressed."""
    smaller = image.scaled(
        round(image.width() * factor),
        round(image.height() * factor),
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    return encoded(smaller, "JPEG", quality)


def write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path
