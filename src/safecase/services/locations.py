"""Where the vault lives when nobody says (the platform's user data folder, via QStandardPaths), whether
a folder holds a vault, and whether an app window holds it open (the app's QLockFile).

QtCore only (no widgets): the CLI and the app agree on the same default and the same lock. QtCore is
imported by the functions that use it: the app asks :func:`vault_exists` before its first screen, and
CLI commands given a folder never need Qt at all (start-up time, tests/benchmarks/bench_startup.py).
"""

from __future__ import annotations

import os
from pathlib import Path

from safecase.vault.paths import VaultPaths

ENV_VAULT = "SAFECASE_VAULT"
ORGANIZATION = "SafeCase"
APPLICATION = "SafeCase"


def default_vault_path() -> Path:
    """``$SAFECASE_VAULT`` if set, else ``<user data folder>/vault``."""
    from_env = os.environ.get(ENV_VAULT)
    if from_env:
        return Path(from_env).expanduser()
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "vault"


def vault_exists(root: Path) -> bool:
    """Whether ``root`` holds a vault (a key file or a database), answered without opening anything."""
    return VaultPaths(root).exists()


def lock_path(vault: Path) -> Path:
    """The app's single-instance lock file for ``vault`` (one name for the app and the CLI)."""
    return VaultPaths(vault).lock


def vault_in_use(vault: Path) -> bool:
    """Whether a SafeCase window holds this vault open (its QLockFile is held by a live process).

    A lock left behind by a crashed app is not "in use": QLockFile sees its process is gone.
    """
    path = lock_path(vault)
    if not path.exists():
        return False
    from PySide6.QtCore import QLockFile

    lock = QLockFile(str(path))
    lock.setStaleLockTime(0)
    if lock.tryLock(0):
        lock.unlock()
        return False
    return True
