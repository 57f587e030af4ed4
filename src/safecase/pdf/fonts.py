"""Finding a font that has Hangul, for PDFs written with Qt.

A PDF drawn in a font without Hangul shows empty boxes where the Korean was, and the text cannot be
searched either: a manifest handed to the police must not. So the writer asks here, in this order:

1. a font shipped inside the package (``safecase/resources/fonts/``: an installer may put one there);
2. a font the system already has, by name, best first: Noto Sans CJK KR (Debian ``fonts-noto-cjk``,
   which ``scripts/run-app`` installs), Nanum Gothic, Malgun Gothic (every Windows since Vista), Apple
   SD Gothic Neo (every Mac), then any family that says it covers Korean;
3. well-known font files, added to Qt's font list, for a system whose font list Qt did not read.

When none is found, :func:`korean_font_family` returns "" and the writer refuses a document that holds
Hangul (with a message saying what to install) rather than write one that loses it.

Latin letters and digits are set in a Latin font first (:func:`latin_font_family`), the Korean one
filling in Hangul: Qt's PDF engine leaves the proportional digits of Noto Sans CJK out of the text map
it embeds, so "2026-0042" set in that font prints but ``pdftotext`` (and a search in the PDF) finds
"-" only. Its fixed-width digits and DejaVu's map correctly.
"""

from __future__ import annotations

import contextlib
import functools
import threading
from pathlib import Path

from PySide6.QtGui import QFontDatabase

PREFERRED_FAMILIES = (
    "Noto Sans CJK KR",
    "Noto Sans KR",
    "Source Han Sans KR",
    "NanumGothic",
    "Nanum Gothic",
    "NanumBarunGothic",
    "Malgun Gothic",
    "Apple SD Gothic Neo",
    "AppleGothic",
    "UnDotum",
    "Baekmuk Gulim",
    "Noto Serif CJK KR",
)
KNOWN_FILES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "C:/Windows/Fonts/malgun.ttf",
    "/System/Library/Fonts/AppleSDGothicNeo.ttc",
)
FONT_SUFFIXES = (".ttf", ".otf", ".ttc")
LATIN_FAMILIES = ("DejaVu Sans", "Liberation Sans", "Noto Sans", "Segoe UI", "Arial", "Helvetica Neue", "Helvetica")

_lock = threading.Lock()


def has_hangul(text: str) -> bool:
    """Whether ``text`` holds Hangul (syllables, jamo or compatibility jamo)."""
    return any("\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff" or "\u3130" <= ch <= "\u318f" for ch in text)


def _bundled_files() -> list[Path]:
    # The package's resources folder, found as services/resources.py finds it (this module may not import
    # the services): beside the modules in a checkout, a wheel and the one-folder build alike.
    folder = Path(__file__).resolve().parent.parent / "resources" / "fonts"
    with contextlib.suppress(FileNotFoundError, NotADirectoryError):
        if folder.is_dir():
            return sorted(f for f in folder.iterdir() if f.name.lower().endswith(FONT_SUFFIXES))
    return []


def _added_family(path: Path) -> str:
    """Add the font file to Qt's list; the first of its families that covers Korean, or ""."""
    if not path.is_file():
        return ""
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        return ""
    korean = set(QFontDatabase.families(QFontDatabase.WritingSystem.Korean))
    families = QFontDatabase.applicationFontFamilies(font_id)
    for family in sorted(families, key=lambda f: (f not in PREFERRED_FAMILIES, families.index(f))):
        if family in korean:
            return family
    return ""


@functools.cache
def _find() -> str:
    for path in _bundled_files():
        if family := _added_family(path):
            return family
    korean = QFontDatabase.families(QFontDatabase.WritingSystem.Korean)
    for family in PREFERRED_FAMILIES:
        if family in korean:
            return family
    # Any other family with Hangul, but not a fixed-width one (it sets prose badly).
    proportional = [f for f in korean if not QFontDatabase.isFixedPitch(f) and "Mono" not in f]
    if proportional:
        return proportional[0]
    for name in KNOWN_FILES:
        if family := _added_family(Path(name)):
            return family
    return ""


def korean_font_family() -> str:
    """The family to set Korean text in, or "" when this computer has none (needs a Qt GUI application).

    Looked up once per process; call it first on the GUI thread (adding a font file changes Qt's font
    list, which other threads then read).
    """
    with _lock:
        return _find()


def latin_font_family() -> str:
    """A proportional family for Latin letters and digits (see the module's note on digits)."""
    known = set(QFontDatabase.families())
    for family in LATIN_FAMILIES:
        if family in known:
            return family
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()


def monospace_family() -> str:
    """The system's fixed-width family (for hashes: every character the same width, 0 and O apart)."""
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()
