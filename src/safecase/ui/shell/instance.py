"""One SafeCase per vault at a time.

Two copies of the app on one vault would each hold their own idea of the key file; a re-key in one
would leave the other writing with a retired key. A :class:`QLockFile` in the vault folder prevents
that. Its stale time is 0 (never stale by age, since the app may stay open for days); a lock left by a
crashed app is still recovered, because QLockFile checks whether the process that wrote it is alive.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

from safecase.services.locations import lock_path


def prepare_vault_folder(vault: Path) -> None:
    """Create the vault folder, private to this user, if this is the first run (the lock lives in it)."""
    vault.mkdir(mode=0o700, parents=True, exist_ok=True)


def acquire_instance_lock(vault: Path) -> QLockFile | None:
    """The held lock, or None when another SafeCase has this vault open."""
    lock = QLockFile(str(lock_path(vault)))
    lock.setStaleLockTime(0)
    if lock.tryLock(0):
        return lock
    return None
