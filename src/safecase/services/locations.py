"""Where the vault lives when nobody says: the platform's user data folder, via QStandardPaths.

QtCore only (no widgets): the CLI and the app agree on the same default.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

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
