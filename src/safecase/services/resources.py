"""Where bundled data (taxonomies, the starter organization directory, translations) is found.

In an installed wheel ``resources/`` sits inside the package (``safecase/resources``); in a source
checkout (editable install) it is the top-level ``resources/`` folder beside ``src/``.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def resource_dir() -> Path:
    packaged = _PACKAGE / "resources"
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parent.parent / "resources"
