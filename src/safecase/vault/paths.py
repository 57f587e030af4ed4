"""Where each file of a vault lives. A vault is one folder; nothing of it is written elsewhere."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DB_NAME = "safecase.db"
KEYFILE_NAME = "keys.json"
BLOBS_DIR = "blobs"
THROTTLE_NAME = "sign-in-delays.json"
LOCK_NAME = "safecase.lock"
MIGRATION_BACKUPS_DIR = "pre-migration"


@dataclass(frozen=True)
class VaultPaths:
    """The files and folders of the vault at ``root``."""

    root: Path

    @property
    def db(self) -> Path:
        return self.root / DB_NAME

    @property
    def keyfile(self) -> Path:
        return self.root / KEYFILE_NAME

    @property
    def blobs(self) -> Path:
        return self.root / BLOBS_DIR

    @property
    def throttle(self) -> Path:
        return self.root / THROTTLE_NAME

    @property
    def lock(self) -> Path:
        return self.root / LOCK_NAME

    @property
    def migration_backups(self) -> Path:
        return self.root / MIGRATION_BACKUPS_DIR

    def wal_files(self) -> list[Path]:
        return [self.root / (DB_NAME + "-wal"), self.root / (DB_NAME + "-shm")]

    def exists(self) -> bool:
        """A folder holds a vault when it has a key file or a database."""
        return self.keyfile.exists() or self.db.exists()
