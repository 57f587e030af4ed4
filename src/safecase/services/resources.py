"""Where bundled data (taxonomies, the starter organization directory, translations, icons) is found.

The files live inside the package, in ``safecase/resources``, and that package is a real folder on
disk wherever SafeCase runs: a source checkout, a wheel install and PyInstaller's one-folder build
(which collects the folder as package data beside the modules). The folder is found from this
module's ``__file__`` rather than through :mod:`importlib.resources`: that module and its readers cost
some 5 ms of import before the first screen (tests/benchmarks/bench_startup.py), for a generality
(zip imports) SafeCase never uses; gettext and Qt's translator need real paths anyway.
"""

from __future__ import annotations

from pathlib import Path

_RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def resource_dir() -> Path:
    """The package's ``resources`` folder; join names with ``/`` and read with ``read_text``/``read_bytes``."""
    return _RESOURCES


def translations_dir() -> Path:
    """The message catalogues (``<lang>/LC_MESSAGES/safecase.mo``, Qt's ``.qm``) as a folder on disk."""
    return _RESOURCES / "translations"
