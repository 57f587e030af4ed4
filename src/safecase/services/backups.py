"""Backups and restores (admins).

A restore never touches the target until the whole backup has been unpacked beside it, every hash
checked, the manifest authenticated and the database opened with an admin's password or the recovery
key. Only then is the restored vault moved into place.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from safecase import __version__
from safecase.domain.audit import AuditAction
from safecase.domain.errors import (
    AuthenticationError,
    BackupError,
    PermissionDeniedError,
    VaultExistsError,
    VaultFormatError,
)
from safecase.domain.roles import Permission
from safecase.i18n import tr
from safecase.services.access import prove_admin
from safecase.services.clock import SYSTEM_CLOCK, Clock
from safecase.services.locations import vault_in_use
from safecase.services.session import VaultSession
from safecase.vault import keyfile as keyfiles
from safecase.vault.backup import BackupManifest, Progress, extract_backup, install_restored, write_backup
from safecase.vault.connection import DatabaseError, connect
from safecase.vault.migrations import check_not_newer, current_version
from safecase.vault.paths import VaultPaths
from safecase.vault.repositories.audit import AuditRepository
from safecase.vault.repositories.meta import MetaRepository
from safecase.vault.unit_of_work import UnitOfWorkError, transaction


def create_backup(session: VaultSession, out: Path, progress: Progress | None = None) -> BackupManifest:
    """Write a backup of the open vault to ``out``. Safe while others use the vault.

    Uses a connection of its own, so it may run in a worker thread while the UI keeps the session's.
    """
    session.require(Permission.BACKUP)
    if session.unit_of_work.active:
        # Its own connection would wait for the write lock this thread's unit of work holds.
        raise UnitOfWorkError("a backup is written outside any unit of work")
    with session.worker_connection() as conn:
        manifest = write_backup(
            conn,
            session.paths,
            session.data_key,
            out,
            vault_id=session.keyfile.vault_id,
            created_at=session.clock.now().isoformat(timespec="seconds"),
            app_version=__version__,
            schema_version=current_version(conn),
            progress=progress,
        )
        with transaction(conn):
            AuditRepository(conn).append(
                session.clock.now(),
                session.user.name,
                AuditAction.BACKUP_CREATED.value,
                "vault",
                session.keyfile.vault_id,
                {"files": str(len(manifest.files))},
            )
    return manifest


@dataclass(frozen=True)
class RestoreResult:
    manifest: BackupManifest
    replaced_copy: Path | None
    """Where the replaced vault was kept (with ``replace``), untouched, for the person to remove later."""


def restore_backup(
    backup: Path,
    target: Path,
    *,
    user_name: str = "",
    password: str = "",
    recovery_key: str = "",
    replace: bool = False,
    progress: Progress | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> RestoreResult:
    """Restore ``backup`` as the vault at ``target``, proving an admin's password or the recovery key.

    Replacing a vault that can still be read takes an administrator's password or the recovery key of
    *that* vault too (a backup alone proves nothing about today's vault: a disabled former admin could
    otherwise roll it back), and is refused while an app window holds it open. The replaced vault is
    kept beside the new one, never deleted.
    """
    target = target.resolve()
    if VaultPaths(target).exists():
        if not replace:
            raise VaultExistsError(
                tr("{path} already holds a vault; use --replace to overwrite it. Nothing was changed.").format(
                    path=target
                )
            )
        if vault_in_use(target):
            raise BackupError(
                tr("SafeCase is open on {path}. Close it there first. Nothing was changed.").format(path=target)
            )
        _check_may_replace(target, user_name, password, recovery_key)
    if not backup.is_file():
        raise BackupError(tr("There is no backup file at {path}.").format(path=backup))
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.restoring-", dir=target.parent))
    try:
        manifest = extract_backup(backup, staging, progress)
        _check_restore(staging, manifest, user_name, password, recovery_key, clock)
        replaced = install_restored(staging, target, replace)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return RestoreResult(manifest, replaced)


def _check_may_replace(target: Path, user_name: str, password: str, recovery_key: str) -> None:
    """The credentials must open the vault being replaced as an administrator (or be its recovery key).

    A vault whose key file can no longer be read (the usual reason to restore) cannot be asked; then
    the backup's own check is all there is.
    """
    try:
        current = keyfiles.load_any(VaultPaths(target).keyfile)
    except VaultFormatError:
        return
    try:
        prove_admin(current, user_name, password, recovery_key)
    except PermissionDeniedError:
        raise PermissionDeniedError(
            tr("Only an administrator of this vault can replace it. Nothing was changed.")
        ) from None
    except (AuthenticationError, VaultFormatError):
        raise PermissionDeniedError(
            tr(
                "To replace this vault, use an administrator's password or the recovery key of the vault being "
                "replaced. Nothing was changed."
            )
        ) from None


def _check_restore(
    staging: Path, manifest: BackupManifest, user_name: str, password: str, recovery_key: str, clock: Clock
) -> str:
    """Open the unpacked vault: authenticate, check the manifest, the database and its vault id.

    The backup's key file must carry the signature of its administrators, and the credentials must be
    an administrator's on that signed list (or the backup's recovery key).
    """
    paths = VaultPaths(staging)
    keyfile = keyfiles.load_any(paths.keyfile)
    try:
        data_key, actor = prove_admin(keyfile, user_name, password, recovery_key)
    except PermissionDeniedError:
        raise PermissionDeniedError(tr("Only an administrator of this vault can restore it.")) from None
    except VaultFormatError:
        raise BackupError(tr("This backup was altered after it was made. Nothing was changed.")) from None
    if not manifest.authentic(data_key) or manifest.vault_id != keyfile.vault_id:
        raise BackupError(tr("This backup was altered after it was made. Nothing was changed."))
    conn = connect(paths.db, data_key)
    try:
        check_not_newer(conn)
        if conn.execute("PRAGMA cipher_integrity_check").fetchall():
            raise BackupError(tr("The database in this backup is damaged. Nothing was changed."))
        if MetaRepository(conn).get("vault_id") != keyfile.vault_id:
            raise BackupError(tr("The database in this backup belongs to another vault. Nothing was changed."))
        with transaction(conn):
            AuditRepository(conn).append(
                clock.now(),
                actor,
                AuditAction.RESTORED.value,
                "vault",
                keyfile.vault_id,
                {"backup_created": manifest.created_at},
            )
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except (DatabaseError, MemoryError):  # pages that decrypt but are no SafeCase database (an empty file)
        raise BackupError(tr("The database in this backup is damaged. Nothing was changed.")) from None
    finally:
        conn.close()
    return actor
