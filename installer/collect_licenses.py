"""Write the full license texts of everything a SafeCase build bundles into one folder.

    python installer/collect_licenses.py DEST

The spec (installer/safecase.spec) calls :func:`write_licenses` on ``<dist>/safecase/licenses`` after
PyInstaller has collected the build, so both the .deb and the Windows installer ship them beside the
executable. The list of components and where each text comes from (installed distributions' metadata
license files, texts kept in ``safecase/resources/licenses``, Python's own LICENSE.txt) is
:data:`safecase.services.about.COMPONENTS`, which the About box shows too. A component without any
text fails the build: shipping it without its license is not allowed.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from safecase.services.about import COMPONENTS, collect_license_texts

# Where a person who wants to replace the bundled Qt (LGPL-3.0: they may) finds it, per platform.
QT_FOLDERS = {
    "linux": "_internal/PySide6/Qt/lib (the Qt libraries) and _internal/PySide6/Qt/plugins",
    "win32": "_internal\\PySide6 (the Qt6*.dll files) and _internal\\PySide6\\plugins",
}


def index_text(platform: str) -> str:
    lines = [
        "SafeCase bundles the following software. Each folder here holds the full license texts of one.",
        "",
    ]
    width = max(len(c.slug) for c in COMPONENTS)
    lines += [f"{c.slug.ljust(width)}  {c.name}: {c.license}" for c in COMPONENTS]
    lines += [
        "",
        "Qt 6, PySide6 and Shiboken6 are used under the GNU Lesser General Public License version 3.",
        "You may replace the bundled Qt libraries with your own build of the same Qt version (or a",
        "compatible one): they are ordinary shared libraries in this installation's folder, in",
        f"{QT_FOLDERS.get(platform, QT_FOLDERS['linux'])}.",
        "The source code of Qt and PySide6 is available from the Qt Project (https://download.qt.io/).",
        "",
        "SafeCase itself is free software under the GNU General Public License version 3 or later.",
    ]
    return "\n".join(lines) + "\n"


def write_licenses(dest: Path, platform: str = sys.platform) -> None:
    """Fill ``dest`` (replaced if it exists) with ``<component>/<file>`` and a README.txt index."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    missing: list[str] = []
    for component in COMPONENTS:
        texts = collect_license_texts(component)
        if not texts:
            missing.append(component.name)
            continue
        folder = dest / component.slug
        folder.mkdir()
        for text in texts:
            (folder / text.name).write_text(text.text, encoding="utf-8")
    if missing:
        raise SystemExit(f"no license text found for: {', '.join(missing)}")
    (dest / "README.txt").write_text(index_text(platform), encoding="utf-8")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    write_licenses(Path(argv[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
