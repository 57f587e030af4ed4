"""What this copy of SafeCase is: its version, the newest vault format it knows, and what it bundles.

The version is read from the package metadata (``importlib.metadata``), which an installed wheel, an
editable install and the frozen build (the spec copies the metadata in) all carry. The vault format is
the newest schema version :mod:`safecase.vault.migrations` can bring a vault to.

:data:`COMPONENTS` lists what an installer ships besides SafeCase itself, with each one's license, and
where the full license texts come from: the license files in an installed distribution's metadata, a
text kept in ``resources/licenses`` (for those whose packages carry none: Qt and PySide6, SQLCipher,
OpenSSL, SafeCase itself), or Python's own ``LICENSE.txt``. The build collects them into a ``licenses``
folder beside the executable (``installer/collect_licenses.py``); :func:`license_texts` reads that folder
in a frozen build and collects the same texts afresh in a source install.
"""

from __future__ import annotations

import sys
import sysconfig
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from safecase import __version__
from safecase.services.resources import resource_dir
from safecase.vault.migrations import latest_version

__all__ = [
    "COMPONENTS",
    "LICENSE_FOLDER",
    "PYTHON_LICENSE",
    "Component",
    "LicenseText",
    "app_version",
    "bundled_license_folder",
    "collect_license_texts",
    "components",
    "is_frozen",
    "license_texts",
    "vault_format_version",
]

DISTRIBUTION = "safecase"
LICENSE_FOLDER = "licenses"
# Marks a component whose license is the running Python's own LICENSE.txt (PSF).
PYTHON_LICENSE = "python"


@dataclass(frozen=True)
class Component:
    """Something an installer ships, under its own license.

    ``slug`` names its folder under ``licenses/``; ``distributions`` are the installed distributions
    whose metadata license files hold its texts; ``texts`` are file names in ``resources/licenses``
    (or :data:`PYTHON_LICENSE`). ``frozen_only``: shipped only by the frozen build (its bootloader).
    """

    slug: str
    name: str
    license: str
    distributions: tuple[str, ...] = ()
    texts: tuple[str, ...] = ()
    frozen_only: bool = False


@dataclass(frozen=True)
class LicenseText:
    component: str
    """The component's slug."""
    name: str
    """The file's name, e.g. ``LICENSE.APACHE``."""
    text: str


COMPONENTS: tuple[Component, ...] = (
    Component("safecase", "SafeCase", "GPL-3.0-or-later", texts=("GPL-3.0.txt",)),
    # The PySide6 wheels carry no license file; the LGPL is the GPL plus additional permissions, so both.
    Component(
        "qt-pyside6",
        "Qt 6, PySide6 and Shiboken6",
        "LGPL-3.0-only",
        texts=("LGPL-3.0.txt", "GPL-3.0.txt"),
    ),
    Component("sqlcipher", "SQLCipher", "BSD-3-Clause", texts=("SQLCipher.txt",)),
    Component("sqlcipher3", "sqlcipher3 (pysqlite)", "Zlib", distributions=("sqlcipher3-binary",)),
    Component("openssl", "OpenSSL", "Apache-2.0", texts=("Apache-2.0.txt",)),
    Component("cryptography", "cryptography", "Apache-2.0 OR BSD-3-Clause", distributions=("cryptography",)),
    Component("cffi", "cffi", "MIT-0", distributions=("cffi",)),
    Component("click", "click", "BSD-3-Clause", distributions=("click",)),
    Component("xlsxwriter", "XlsxWriter", "BSD-2-Clause", distributions=("XlsxWriter",)),
    Component("zxcvbn", "zxcvbn", "MIT", distributions=("zxcvbn",)),
    Component("python", "Python", "PSF-2.0", texts=(PYTHON_LICENSE,)),
    Component(
        "pyinstaller",
        "PyInstaller bootloader",
        "GPL-2.0-or-later WITH Bootloader-exception",
        distributions=("pyinstaller",),
        frozen_only=True,
    ),
)


def is_frozen() -> bool:
    """Whether this is the PyInstaller build (which sets ``sys.frozen``)."""
    return bool(getattr(sys, "frozen", False))


def app_version() -> str:
    """SafeCase's version from its package metadata (``safecase.__version__`` only when there is none,
    as in a checkout run with ``PYTHONPATH=src`` and never installed)."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return __version__


def vault_format_version() -> int:
    """The newest vault format (schema version) this SafeCase creates and upgrades vaults to."""
    return latest_version()


def components() -> tuple[Component, ...]:
    """What this copy ships: everything in a frozen build; without the bootloader in a source install."""
    frozen = is_frozen()
    return tuple(c for c in COMPONENTS if frozen or not c.frozen_only)


def bundled_license_folder() -> Path | None:
    """The ``licenses`` folder beside the frozen executable, or None in a source install."""
    if not is_frozen():
        return None
    return Path(sys.executable).resolve().parent / LICENSE_FOLDER


def license_texts(component: Component) -> list[LicenseText]:
    """The full license texts of ``component``: from the build's ``licenses`` folder when frozen, else
    collected now from the installed distributions, the bundled texts and Python's LICENSE.txt."""
    folder = bundled_license_folder()
    if folder is None:
        return collect_license_texts(component)
    found = folder / component.slug
    if not found.is_dir():
        return []
    return [
        LicenseText(component.slug, path.name, path.read_text(encoding="utf-8"))
        for path in sorted(found.iterdir())
        if path.is_file()
    ]


def collect_license_texts(component: Component) -> list[LicenseText]:
    """The texts as the build collects them. A text that cannot be found is left out (the build
    treats that as an error; the About box says so)."""
    found: list[LicenseText] = []
    for name in component.texts:
        if name == PYTHON_LICENSE:
            path = _python_license()
            if path is not None:
                found.append(LicenseText(component.slug, "LICENSE.txt", path.read_text(encoding="utf-8")))
        else:
            text = (resource_dir() / LICENSE_FOLDER / name).read_text(encoding="utf-8")
            found.append(LicenseText(component.slug, name, text))
    for distribution in component.distributions:
        found.extend(_distribution_licenses(component.slug, distribution))
    return found


def _distribution_licenses(slug: str, distribution: str) -> list[LicenseText]:
    """The license files a distribution's metadata names (``License-File``, core metadata 2.4), or
    failing that the files whose names say license, copying or notice (older wheels)."""
    try:
        dist = metadata.distribution(distribution)
    except metadata.PackageNotFoundError:
        return []
    declared = dist.metadata.get_all("License-File") or []
    texts: list[LicenseText] = []
    for entry in dist.files or []:
        parts = entry.parts
        if len(parts) < 2 or not parts[0].endswith(".dist-info"):
            continue
        name = parts[-1]
        in_license_dir = len(parts) > 2 and parts[1] == "licenses"
        looks_like_license = name.upper().startswith(("LICENSE", "LICENCE", "COPYING", "NOTICE"))
        if (in_license_dir and "/".join(parts[2:]) in declared) or (not in_license_dir and looks_like_license):
            text = entry.read_text(encoding="utf-8")
            if text is not None:
                texts.append(LicenseText(slug, name, text))
    return texts


def _python_license() -> Path | None:
    """Python's LICENSE.txt: beside the standard library on Linux and macOS, in the install root on Windows."""
    candidates = [Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt", Path(sys.base_prefix) / "LICENSE.txt"]
    return next((path for path in candidates if path.is_file()), None)
