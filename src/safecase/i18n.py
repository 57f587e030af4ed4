"""One small gettext-like helper for user-visible text outside Qt.

Qt code uses ``self.tr()``; services, storage and the CLI use :func:`tr` so that every message can be
translated later (a Korean catalogue under ``resources/translations``) without touching the code.
It imports nothing of ours so every layer may use it.
"""

from __future__ import annotations

import gettext
from pathlib import Path

_DOMAIN = "safecase"
_translation: gettext.NullTranslations = gettext.NullTranslations()


def install(locale_dir: Path, languages: list[str]) -> None:
    """Load the catalogue for ``languages`` from ``locale_dir``; missing catalogues fall back to English."""
    global _translation
    _translation = gettext.translation(_DOMAIN, localedir=locale_dir, languages=languages, fallback=True)


def tr(message: str) -> str:
    """Translate ``message`` (an English source string) into the installed language."""
    return _translation.gettext(message)


def trn(singular: str, plural: str, count: int) -> str:
    """Translate a message that depends on a count."""
    return _translation.ngettext(singular, plural, count)
