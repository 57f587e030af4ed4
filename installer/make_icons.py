"""Render SafeCase's app icon from its SVG source into the PNG sizes and the Windows ICO.

    QT_QPA_PLATFORM=offscreen python installer/make_icons.py          # rewrite the files
    QT_QPA_PLATFORM=offscreen python installer/make_icons.py --check  # exit 1 if they are stale

The source is ``src/safecase/resources/icons/safecase.svg``; everything else in that folder is made
from it here, so edit the SVG and run this. Qt draws it (QtSvg ships with PySide6-Essentials) and
writes the PNGs. The ICO is put together here (a few dozen lines, no extra dependency): Qt's ICO plugin
writes one image per file and leaves the padding of its mask rows uninitialised, so its output differs
from run to run. Sizes up to 128 px are 32-bit bitmaps, which every Windows reads; 256 px is stored as
PNG, as Windows expects (a 256 px bitmap would be 256 KiB on its own).
"""

from __future__ import annotations

import argparse
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer

ICON_DIR = Path(__file__).resolve().parent.parent / "src" / "safecase" / "resources" / "icons"
SOURCE = ICON_DIR / "safecase.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_NAME = "safecase.ico"

# ICONDIR (reserved, type 1 = icon, count) and ICONDIRENTRY (width, height, colours, reserved, planes,
# bits per pixel, size of the image data, offset of the image data), all little-endian.
_ICONDIR = struct.Struct("<HHH")
_ICONDIRENTRY = struct.Struct("<BBBBHHII")
# BITMAPINFOHEADER: size, width, height, planes, bits per pixel, compression, image size, resolution x/y,
# colours used, colours important.
_BITMAPINFOHEADER = struct.Struct("<IiiHHIIiiII")


def png_name(size: int) -> str:
    return f"safecase-{size}.png"


def render(renderer: QSvgRenderer, size: int) -> QImage:
    """The icon drawn straight at ``size`` (not scaled down from a large one, which blurs small sizes)."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def encode(image: QImage, fmt: str) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, fmt.encode())
    if not writer.write(image):
        raise RuntimeError(f"Qt could not write {fmt}: {writer.errorString()}")
    buffer.close()
    return bytes(data.data())


def dib(image: QImage) -> bytes:
    """``image`` as an ICO's 32-bit bitmap: a BITMAPINFOHEADER of twice the height (colour plus mask),
    the straight-alpha BGRA rows bottom-up, then the 1-bit AND mask (set where fully transparent), each
    of its rows padded with zeros to four bytes."""
    argb = image.convertToFormat(QImage.Format.Format_ARGB32)
    width, height = argb.width(), argb.height()
    # Format_ARGB32 is 0xAARRGGBB per pixel in native order: B, G, R, A in memory on little-endian
    # machines, which is the order a DIB wants. (Every machine that builds SafeCase is little-endian.)
    if sys.byteorder != "little":
        raise RuntimeError("the ICO bitmap layout below assumes a little-endian machine")
    pixels = bytes(argb.constBits())
    stride = argb.bytesPerLine()
    rows = [pixels[y * stride : y * stride + width * 4] for y in range(height)]
    mask_stride = ((width + 31) // 32) * 4
    mask_rows = []
    for row in rows:
        bits = bytearray(mask_stride)
        for x in range(width):
            if row[x * 4 + 3] == 0:
                bits[x // 8] |= 0x80 >> (x % 8)
        mask_rows.append(bytes(bits))
    header = _BITMAPINFOHEADER.pack(_BITMAPINFOHEADER.size, width, height * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    return header + b"".join(reversed(rows)) + b"".join(reversed(mask_rows))


def build_ico(images: dict[int, QImage], pngs: dict[int, bytes]) -> bytes:
    """One ICO with every size: 32-bit bitmaps, the 256 px one as PNG (as Windows Vista and later read it)."""
    entries: list[tuple[int, bytes]] = []
    for size in sorted(images):
        entries.append((size, pngs[size] if size >= 256 else dib(images[size])))
    offset = _ICONDIR.size + _ICONDIRENTRY.size * len(entries)
    head = [_ICONDIR.pack(0, 1, len(entries))]
    for size, data in entries:
        side = 0 if size >= 256 else size  # 0 means 256
        head.append(_ICONDIRENTRY.pack(side, side, 0, 0, 1, 32, len(data), offset))
        offset += len(data)
    return b"".join(head + [data for _size, data in entries])


def generate() -> dict[str, bytes]:
    """File name -> content of every file made from the SVG."""
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise RuntimeError(f"{SOURCE} is not an SVG Qt can draw")
    images = {size: render(renderer, size) for size in PNG_SIZES}
    pngs = {size: encode(image, "png") for size, image in images.items()}
    files = {png_name(size): data for size, data in pngs.items()}
    files[ICO_NAME] = build_ico(images, pngs)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report whether the files are up to date")
    args = parser.parse_args(argv)
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    files = generate()
    stale = [
        name
        for name, data in files.items()
        if not (ICON_DIR / name).is_file() or (ICON_DIR / name).read_bytes() != data
    ]
    if args.check:
        for name in stale:
            print(f"stale: {ICON_DIR / name} (run installer/make_icons.py)", file=sys.stderr)
        return 1 if stale else 0
    for name in stale:
        (ICON_DIR / name).write_bytes(files[name])
        print(f"wrote {ICON_DIR / name}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
