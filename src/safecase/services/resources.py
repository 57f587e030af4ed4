"""Where bundled data (taxonomies, the starter organization directory, translations) is found.

The files live inside the package, in ``safecase/resources``, in a source checkout and in a wheel
alike, and are reached through :mod:`importlib.resources` rather than ``__file__``: that also finds
them in a zip import or a frozen (PyInstaller) build, where the package is not a folder on disk.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable


def resource_dir() -> Traversable:
    """The package's ``resources`` folder; join names with ``/`` and read with ``read_text``/``read_bytes``."""
    return files("safecase") / "resources"
