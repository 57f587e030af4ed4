"""The interface language: Korean or English, the system's unless someone chose one on this computer.

SafeCase's first users are Korean counselors, so Korean is complete (``tests/test_translations.py``
keeps it so) and English is the source language. A choice made in the app is kept per computer in
``QSettings``, outside the vault, because the sign-in screen is drawn before any vault is open; it
holds "ko" or "en" and nothing else.

:func:`install_language` puts everything in place before the first window, so no window mixes two
languages: SafeCase's own catalogue (``safecase_ko.qm``), Qt's (``qtbase_ko.qm``: the standard buttons
of message boxes and dialogs), the gettext catalogue of the words that come from the services
(:mod:`safecase.i18n`), ``QLocale``'s default (taxonomy labels and day names follow it), and a font
with Hangul. Windows built before a change keep their words; the app builds its windows anew at the
next sign-in (see ``ui/shell/controller.py``).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from safecase import i18n
from safecase.services.locations import APPLICATION, ORGANIZATION
from safecase.services.resources import resource_dir

KOREAN = "ko"
ENGLISH = "en"
LANGUAGES = (KOREAN, ENGLISH)
# Each language's name in itself, as language pickers show them (a Korean reader finds 한국어 in an
# English screen, and the other way round).
NATIVE_NAMES = {KOREAN: "한국어", ENGLISH: "English"}

_SETTING = "interface/language"
_LOCALES = {
    KOREAN: (QLocale.Language.Korean, QLocale.Country.SouthKorea),
    ENGLISH: (QLocale.Language.English, QLocale.Country.UnitedStates),
}
# UI fonts that hold Hangul, best first, per platform (sys.platform). Windows ships Malgun Gothic
# (맑은 고딕) since Vista; Debian's fonts-noto-cjk (scripts/run-app installs it) gives Noto Sans CJK KR.
KOREAN_UI_FONTS: dict[str, tuple[str, ...]] = {
    "win32": ("Malgun Gothic", "맑은 고딕", "Gulim"),
    "darwin": ("Apple SD Gothic Neo", "AppleGothic"),
    "linux": ("Noto Sans CJK KR", "Noto Sans KR", "NanumGothic", "NanumBarunGothic", "UnDotum", "Baekmuk Gulim"),
}


@dataclass
class _Installed:
    """What :func:`install_language` put in place, to take it out again on a change."""

    language: str
    translators: list[QTranslator] = field(default_factory=list)
    # QTranslator.load(bytes) reads from this buffer for as long as it is installed.
    catalogue: bytes = b""
    system_font: QFont | None = None


_installed: _Installed | None = None


def system_language() -> str:
    """The first of the system's interface languages that SafeCase has; English when none is."""
    for name in QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return ENGLISH


def _settings() -> QSettings:
    return QSettings(ORGANIZATION, APPLICATION)


def saved_language() -> str | None:
    """The language chosen on this computer, or None (also for anything else found in the setting)."""
    value = _settings().value(_SETTING)
    return value if isinstance(value, str) and value in LANGUAGES else None


def save_language(language: str | None) -> None:
    """Keep ``language`` for this computer; None follows the system again."""
    settings = _settings()
    if language is None:
        settings.remove(_SETTING)
    elif language in LANGUAGES:
        settings.setValue(_SETTING, language)
    else:
        raise ValueError(language)
    settings.sync()


def interface_language() -> str:
    """The language windows should be built in: the one chosen here, else the system's."""
    return saved_language() or system_language()


def installed_language() -> str | None:
    """The language :func:`install_language` last put in place (None before the first call)."""
    return _installed.language if _installed is not None else None


def korean_ui_font(platform: str, families: Iterable[str]) -> str | None:
    """The best Hangul UI font among ``families`` for ``platform`` (``sys.platform``), or None."""
    available = set(families)
    candidates = KOREAN_UI_FONTS.get(platform, KOREAN_UI_FONTS["linux"])
    return next((family for family in candidates if family in available), None)


def catalogue_dir() -> Path:
    """The folder of the bundled catalogues (a real folder in a checkout, a wheel and a one-folder build)."""
    folder = resource_dir() / "translations"
    return folder if isinstance(folder, Path) else Path(str(folder))


def install_language(language: str) -> None:
    """Translate every window built from now on into ``language`` (``ko`` or ``en``)."""
    global _installed
    if language not in LANGUAGES:
        raise ValueError(language)
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_language needs the QApplication")
    previous, _installed = _installed, _Installed(language)
    if previous is not None:
        for translator in previous.translators:
            app.removeTranslator(translator)
        _installed.system_font = previous.system_font
    elif isinstance(app, QApplication):
        _installed.system_font = QApplication.font()

    if language != ENGLISH:
        _installed.catalogue = (resource_dir() / "translations" / f"safecase_{language}.qm").read_bytes()
        own = QTranslator(app)
        if own.load(_installed.catalogue):
            _installed.translators.append(own)
        qt = QTranslator(app)
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(QLocale(_LOCALES[language][0]), "qtbase", "_", qt_folder):
            _installed.translators.append(qt)
        for translator in _installed.translators:
            app.installTranslator(translator)
    QLocale.setDefault(QLocale(*_LOCALES[language]))
    i18n.install(catalogue_dir(), [language])
    if isinstance(app, QApplication):
        _apply_font(language, _installed.system_font)


def _apply_font(language: str, system_font: QFont | None) -> None:
    if language != KOREAN:
        if system_font is not None:
            QApplication.setFont(system_font)
        return
    family = korean_ui_font(sys.platform, QFontDatabase.families())
    if family is None:
        return  # the system's fallback fonts are all there is; scripts/run-app installs Noto Sans CJK
    font = QFont(system_font) if system_font is not None else QApplication.font()
    font.setFamilies([family])
    QApplication.setFont(font)
