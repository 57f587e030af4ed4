"""Where the vault lives when nobody says (the platform's user data folder, via QStandardPaths), and
whether an app window holds it open (the app's QLockFile).

QtCore only (no widgets): the CLI and the app agree on the same default and the same lock.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile, QStandardPaths

from safecase.vault.paths import VaultPaths

ENV_VAULT = "SAFECASE_VAULT"
ORGANIZATION = "SafeCase"
APPLICATION = "SafeCase"


def default_vault_path() -> Path:
    """``$SAFECASE_VAULT`` if set, else ``<user data folder>/vault``."""
    from_env = os.environ.get(ENV_VAULT)
    if from_env:
        return Path(from_env).expanduser()
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "vault"


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
    lock = QLockFile(str(path))
    lock.setStaleLockTime(0)
    if lock.tryLock(0):
        lock.unlock()
        return False
    return True
