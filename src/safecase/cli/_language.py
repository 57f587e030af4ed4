"""The CLI's language: the one the environment asks for (``LANG=ko_KR.UTF-8`` → Korean), else English.

Installed by :func:`safecase.cli.main` before anything is printed. The commands' help texts are built
when their modules are imported, which is before ``main`` runs, so they are held as English source
strings and translated here again. click's own messages (“Usage:”, “Error: Missing option”) come from
``gettext.gettext`` under gettext's global domain; pointing that domain at our ``click`` catalogue
translates them by the same environment variables.
"""

from __future__ import annotations

import gettext
import weakref

import click

from safecase import i18n
from safecase.i18n import tr
from safecase.services.resources import translations_dir

CLICK_DOMAIN = "click"

# The English each command and option was built with, so a second install translates from the source.
_sources: weakref.WeakKeyDictionary[click.Command | click.Parameter, dict[str, str]] = weakref.WeakKeyDictionary()


def install_from_environment(root: click.Command) -> None:
    """Follow LANGUAGE, LC_ALL, LC_MESSAGES or LANG for our messages, click's and ``root``'s help."""
    locale_dir = translations_dir()
    i18n.install(locale_dir, i18n.languages_from_environment())
    gettext.bindtextdomain(CLICK_DOMAIN, str(locale_dir))
    gettext.textdomain(CLICK_DOMAIN)
    translate_help(root)


def _translate(holder: click.Command | click.Parameter, names: tuple[str, ...]) -> None:
    source = _sources.get(holder)
    if source is None:
        source = {name: text for name in names if isinstance(text := getattr(holder, name, None), str) and text}
        _sources[holder] = source
    for name, text in source.items():
        setattr(holder, name, tr(text))  # i18n: extracted where written


def translate_help(command: click.Command) -> None:
    """Translate the help of ``command``, its options and every sub-command into the installed language."""
    _translate(command, ("help", "short_help", "epilog"))
    for param in command.params:
        _translate(param, ("help",))
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            translate_help(sub)
