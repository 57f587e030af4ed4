"""Where bundled data (taxonomies, the starter organization directory, translations) is found.

The files live inside the package, in ``safecase/resources``, in a source checkout and in a wheel
alike, and are reached through :mod:`importlib.resources` rather than ``__file__``: that also finds
them in a zip import or a frozen (PyInstaller) build, where the package is not a folder on disk.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path


def resource_dir() -> Traversable:
    """The package's ``resources`` folder; join names with ``/`` and read with ``read_text``/``read_bytes``."""
    return files("safecase") / "resources"


def translations_dir() -> Path:
    """The message catalogues (``<lang>/LC_MESSAGES/safecase.mo``, Qt's ``.qm``) as a folder on disk.

    gettext and Qt's translator open catalogues by path, not through :mod:`importlib.resources`; the
    package is a real folder in a checkout, a wheel install and PyInstaller's one-folder build alike.
    """
    return Path(str(resource_dir() / "translations"))
