"""One small gettext helper for user-visible text outside Qt.

Qt code uses ``self.tr()``; services, storage and the CLI use :func:`tr` and :func:`trn`, with English
source strings that ``scripts/gettext_catalogue.py`` extracts into the catalogue under
``resources/translations`` (``<lang>/LC_MESSAGES/safecase.mo``). Whoever starts SafeCase installs a
language once (the CLI from the environment, the GUI from its setting); until then text stays English.
It imports nothing of ours so every layer may use it.
"""

from __future__ import annotations

import functools
import gettext
import os
from collections.abc import Callable, Mapping
from pathlib import Path

DOMAIN = "safecase"
SOURCE_LANGUAGE = "en"

# The variables GNU gettext and Python's gettext read, in their order: the first one set decides.
LANGUAGE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_translation: gettext.NullTranslations = gettext.NullTranslations()


def install(locale_dir: Path, languages: list[str]) -> None:
    """Load the catalogue for ``languages`` from ``locale_dir``; missing catalogues fall back to English."""
    global _translation
    _translation = gettext.translation(DOMAIN, localedir=locale_dir, languages=languages, fallback=True)


def language() -> str:
    """The language of the installed catalogue (``ko``), or ``en`` when text is shown as written.

    For what has no catalogue entry but a label per language, such as taxonomy terms.
    """
    code = _translation.info().get("language", "")
    return code.replace("-", "_").split("_")[0].lower() or SOURCE_LANGUAGE


def languages_from_environment(environ: Mapping[str, str] | None = None) -> list[str]:
    """The languages the environment asks for, as gettext reads them (``LANG=ko_KR.UTF-8`` → Korean).

    The same rule click's own messages follow through :func:`gettext.gettext`, so both agree. ``C`` and
    ``POSIX`` (or nothing set) mean the source language.
    """
    env = os.environ if environ is None else environ
    for name in LANGUAGE_VARIABLES:
        value = env.get(name, "")
        if value:
            return [part for part in value.split(":") if part]
    return []


def tr(message: str) -> str:
    """Translate ``message`` (an English source string) into the installed language."""
    return _translation.gettext(message)


def trn(singular: str, plural: str, count: int) -> str:
    """Translate a message that depends on a count."""
    return _translation.ngettext(singular, plural, count)


def trc(context: str, message: str) -> str:
    """Translate ``message`` where the same English means something else elsewhere.

    ``context`` (gettext's msgctxt) tells the two apart for the translator: a case's “STATUS” is
    진행 상태, an account's is 상태.
    """
    return _translation.pgettext(context, message)


def per_language(build: Callable[[], dict[str, str]]) -> Callable[[], dict[str, str]]:
    """``build``'s table of words, made once per installed language rather than at every call: the
    Audit page asks for the words of every visible row each time it paints (140 µs a row without this),
    a command's table for the same few words thousands of times."""
    made: dict[str, dict[str, str]] = {}

    @functools.wraps(build)
    def words() -> dict[str, str]:
        installed = language()
        if installed not in made:
            made[installed] = build()
        return made[installed]

    return words
