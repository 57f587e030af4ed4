"""A perceptual hash of an image (dHash, 64 bits), so a resized or re-compressed copy is recognised.

The SHA-256 of a file changes with one byte; a platform that re-encodes an upload (every messenger
does) changes them all. dHash ("difference hash") shrinks the image to 9 × 8 grey pixels and keeps one
bit per horizontal neighbour pair: whether the left one is brighter than the right. Resizing,
re-compressing and small colour shifts keep almost every bit; another image differs in about half of
them. Two hashes within :data:`~safecase.domain.evidence.NEAR_DUPLICATE_DISTANCE` differing bits are
flagged as the same picture.

Decoding and shrinking are QImage's (already shipped with the app), so this adds no dependency. The
shrink is Qt's smooth scaling, which averages every source pixel into the cell it falls in, so a
large image does not alias into noise. Everything happens in memory.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QImageReader

HASH_WIDTH, HASH_HEIGHT = 9, 8
MAX_DECODE_MEGABYTES = 256
"""Largest decoded image QImageReader may allocate (a crafted file can claim a huge size)."""


def decode_image(data: bytes) -> QImage | None:
    """The image ``data`` holds, upright (EXIF orientation applied); None when Qt cannot decode it."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    if not buffer.open(QIODevice.OpenModeFlag.ReadOnly):
        return None
    reader = QImageReader(buffer)
    reader.setAllocationLimit(MAX_DECODE_MEGABYTES)
    reader.setAutoTransform(True)
    image = reader.read()
    buffer.close()
    return None if image.isNull() else image


def dhash(image: QImage) -> str:
    """The 64-bit difference hash of ``image`` as 16 lowercase hex digits."""
    small = image.convertToFormat(QImage.Format.Format_RGB32).scaled(
        HASH_WIDTH,
        HASH_HEIGHT,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    small = small.convertToFormat(QImage.Format.Format_Grayscale8)
    value = 0
    for y in range(HASH_HEIGHT):
        row = [small.pixelColor(x, y).red() for x in range(HASH_WIDTH)]
        for x in range(HASH_WIDTH - 1):
            value = (value << 1) | int(row[x] > row[x + 1])
    return f"{value:016x}"


def image_dhash(data: bytes) -> str:
    """The dHash of the image in ``data``, or "" when Qt cannot decode it (HEIC, a video, a damaged file)."""
    image = decode_image(data)
    return "" if image is None else dhash(image)
