"""Backups and restores (admins).

A backup first signs the audit head with the administrators' key (a checkpoint, in the unit of work of
its ``backup.created`` row), carries it into keys.json, then writes the file; its manifest names the
key generation and carries that checkpoint.

A restore never touches the target until the whole backup has been unpacked beside it, every hash
checked, the manifest authenticated and the database opened with an admin's password or the recovery
key. Only then is the restored vault moved into place.

Who may restore depends on what is at the target. Over a vault that can be read (its keys.json and
its database are there), an administrator of *that* vault, by password or by its recovery key. Where
there is no readable vault (nothing there, keys.json missing or damaged, the database missing), the
target cannot say who its administrators are, and a password from the backup proves nothing about
today's vault: a disabled former administrator with an old backup could otherwise move the vault
aside and restore. Then the recovery key is required (the backup's, or the replaced vault's when its
keys.json is still readable), and the restored database records ``vault.restored_over`` with the
backup's date and generation and what was there before.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from safecase import __version__
from safecase.domain.audit import AuditAction, AuditHead, CheckpointReason
from safecase.domain.errors import (
    AuthenticationError,
    BackupError,
    PermissionDeniedError,
    VaultExistsError,
    VaultFormatError,
    VaultNotFoundError,
)
from safecase.domain.roles import Permission
from safecase.i18n import tr
from safecase.services.access import prove_admin
from safecase.services.checkpoints import carry_into_keyfile, checkpoint_head
from safecase.services.clock import SYSTEM_CLOCK, Clock
from safecase.services.locations import vault_in_use
from safecase.services.session import VaultSession
from safecase.vault import keyfile as keyfiles
from safecase.vault import pc_memory
from safecase.vault.backup import (
    BackupManifest,
    BackupSummary,
    Progress,
    extract_backup,
    install_restored,
    read_summary,
    write_backup,
)
from safecase.vault.connection import DatabaseError, connect
from safecase.vault.migrations import check_not_newer, current_version
from safecase.vault.paths import VaultPaths
from safecase.vault.repositories.audit import AuditRepository
from safecase.vault.repositories.meta import MetaRepository
from safecase.vault.unit_of_work import UnitOfWorkError, transaction


def create_backup(session: VaultSession, out: Path, progress: Progress | None = None) -> BackupManifest:
    """Write a backup of the open vault to ``out``. Safe while others use the vault.

    Uses a connection of its own, so it may run in a worker thread while the UI keeps the session's.
    The audit row and the checkpoint of the head come first, so the backup holds them and its manifest
    carries the checkpoint (``manifest.checkpoint.head``: the audit head the backup was made at).
    """
    session.require(Permission.BACKUP)
    if session.unit_of_work.active:
        # Its own connection would wait for the write lock this thread's unit of work holds.
        raise UnitOfWorkError("a backup is written outside any unit of work")
    vault_id = session.keyfile.vault_id
    admin_key = session.admin_key
    with session.worker_connection() as conn:
        now = session.clock.now()
        with transaction(conn):
            AuditRepository(conn).append(now, session.user.name, AuditAction.BACKUP_CREATED.value, "vault", vault_id)
            checkpoint = checkpoint_head(conn, vault_id, admin_key, CheckpointReason.BACKUP, now)
        # Every writer of keys.json holds the database's write lock. Best effort: a key file that cannot
        # be written now keeps its previous checkpoint, and the backup itself reports a full disk.
        with contextlib.suppress(OSError), transaction(conn):
            carry_into_keyfile(session.paths, conn, vault_id, admin_key, session.data_key, checkpoint)
        try:
            return write_backup(
                conn,
                session.paths,
                session.data_key,
                out,
                vault_id=vault_id,
                created_at=now.isoformat(timespec="seconds"),
                app_version=__version__,
                schema_version=current_version(conn),
                checkpoint=checkpoint,
                progress=progress,
            )
        except BackupError as exc:
            # The backup.created row above was committed first (the copy holds it): say it came to nothing.
            with contextlib.suppress(DatabaseError, MemoryError), transaction(conn):
                AuditRepository(conn).append(
                    session.clock.now(),
                    session.user.name,
                    AuditAction.BACKUP_FAILED.value,
                    "vault",
                    vault_id,
                    {"reason": exc.message},
                )
            raise


class TargetState(StrEnum):
    """What a restore finds at its target (the value is what ``vault.restored_over`` records)."""

    INTACT = "intact"
    MISSING = "missing"
    DAMAGED_KEY_FILE = "damaged key file"
    MISSING_DATABASE = "missing database"


def target_state(target: Path) -> TargetState:
    paths = VaultPaths(target)
    if not paths.exists():
        return TargetState.MISSING
    try:
        keyfiles.load_any(paths.keyfile)
    except (VaultFormatError, VaultNotFoundError):
        return TargetState.DAMAGED_KEY_FILE
    if not paths.db.exists():
        return TargetState.MISSING_DATABASE
    return TargetState.INTACT


@dataclass(frozen=True)
class RestorePreview:
    """What to show before a restore: the backup's own account of itself and what it would replace.

    Read without any key, so not yet authenticated; the restore itself checks everything.
    """

    summary: BackupSummary
    target: TargetState
    warnings: list[str]

    @property
    def head(self) -> AuditHead | None:
        checkpoint = self.summary.manifest.checkpoint
        return None if checkpoint is None else checkpoint.head


def preview_restore(backup: Path, target: Path) -> RestorePreview:
    """The backup's date, key generation and audit head, the target's state, and this computer's doubts.

    Warns when this computer has already seen a later key generation of the same vault: the backup
    would put the vault back behind what was in use here.
    """
    if not backup.is_file():
        raise BackupError(tr("There is no backup file at {path}.").format(path=backup))
    summary = read_summary(backup)
    warnings: list[str] = []
    seen = pc_memory.seen(summary.vault_id)
    if seen is not None and summary.generation < seen.generation:
        warnings.append(
            tr(
                "This backup holds key generation {generation}, but this computer has already opened "
                "generation {seen} of the same vault: restoring puts the vault back to an older state, "
                "and people disabled since may be able to sign in again."
            ).format(generation=summary.generation, seen=seen.generation)
        )
    return RestorePreview(summary, target_state(target.resolve()), warnings)


@dataclass(frozen=True)
class RestoreResult:
    manifest: BackupManifest
    replaced_copy: Path | None
    """Where the replaced vault was kept (with ``replace``), untouched, for the person to remove later."""
    previous: TargetState = TargetState.INTACT
    generation: int = 0
    head: AuditHead | None = None


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
    kept beside the new one, never deleted. Where no readable vault is there the recovery key is
    required (see the module docstring). Given both, the recovery key answers for the target and the
    password may open the backup.
    """
    target = target.resolve()
    state = target_state(target)
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
    target_proved = False
    if state is TargetState.INTACT:
        state = _check_may_replace(target, user_name, password, recovery_key)
        target_proved = state is TargetState.INTACT
    if state is not TargetState.INTACT:
        target_proved = _check_recovery_key_given(target, state, recovery_key)
    if not backup.is_file():
        raise BackupError(tr("There is no backup file at {path}.").format(path=backup))
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.restoring-", dir=target.parent))
    try:
        manifest = extract_backup(backup, staging, progress)
        credentials = _Credentials(user_name, password, recovery_key, target_proved)
        restored = _check_restore(staging, manifest, credentials, state, clock)
        replaced = install_restored(staging, target, replace)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    # Someone who held the keys chose this state: this computer remembers it as the vault's from now on.
    pc_memory.forget_and_remember(restored.vault_id, restored.generation, restored.head)
    return RestoreResult(manifest, replaced, state, restored.generation, restored.head)


def _check_may_replace(target: Path, user_name: str, password: str, recovery_key: str) -> TargetState:
    """The credentials must open the vault being replaced as an administrator (or be its recovery key).

    Returns :attr:`TargetState.DAMAGED_KEY_FILE` when its keys.json is readable but not what its
    administrators signed (edited with the data key): then it cannot say who its administrators are.
    """
    current = keyfiles.load_any(VaultPaths(target).keyfile)
    try:
        prove_admin(current, user_name, password, recovery_key)
    except PermissionDeniedError:
        raise PermissionDeniedError(
            tr("Only an administrator of this vault can replace it. Nothing was changed.")
        ) from None
    except AuthenticationError:
        raise PermissionDeniedError(
            tr(
                "To replace this vault, use an administrator's password or the recovery key of the vault being "
                "replaced. Nothing was changed."
            )
        ) from None
    except VaultFormatError:
        return TargetState.DAMAGED_KEY_FILE
    return TargetState.INTACT


def _check_recovery_key_given(target: Path, state: TargetState, recovery_key: str) -> bool:
    """No readable vault at ``target``: refuse without a recovery key. Returns whether the key is the
    recovery key of the vault being replaced (its keys.json still readable and signed); otherwise it
    must be the backup's, which the restore checks when it opens the backup."""
    if not recovery_key:
        raise PermissionDeniedError(
            tr(
                "There is no readable vault at {path} ({state}), so it cannot show who its administrators are: "
                "restoring there needs the recovery key (--recovery-key-stdin). Nothing was changed."
            ).format(path=target, state=state_label(state))
        )
    if state is not TargetState.MISSING_DATABASE:
        return False
    try:
        prove_admin(keyfiles.load_any(VaultPaths(target).keyfile), "", "", recovery_key)
    except (AuthenticationError, PermissionDeniedError, VaultFormatError):
        return False
    return True


def state_label(state: TargetState) -> str:
    """What is at the target, in words (``its keys.json is missing or damaged``)."""
    return {
        TargetState.INTACT: tr("intact"),
        TargetState.MISSING: tr("no vault there"),
        TargetState.DAMAGED_KEY_FILE: tr("its keys.json is missing or damaged"),
        TargetState.MISSING_DATABASE: tr("its database is missing"),
    }[state]


@dataclass(frozen=True)
class _Credentials:
    user_name: str
    password: str
    recovery_key: str
    target_proved: bool  # the target was proved by these credentials (or needs no proof)


@dataclass(frozen=True)
class _Restored:
    vault_id: str
    generation: int
    head: AuditHead | None


def _open_backup_keys(
    keyfile: keyfiles.KeyFile | keyfiles.LegacyKeyFile, credentials: _Credentials
) -> tuple[bytes, str]:
    """The backup's data key and the actor, from the credentials that may open it.

    The recovery key first; when it is the replaced vault's (already proved) but not the backup's, an
    administrator's password of the backup may open it instead.
    """
    try:
        return prove_admin(keyfile, credentials.user_name, credentials.password, credentials.recovery_key)
    except AuthenticationError:
        if not (credentials.recovery_key and credentials.target_proved and credentials.password):
            raise
    return prove_admin(keyfile, credentials.user_name, credentials.password, "")


def _check_restore(
    staging: Path, manifest: BackupManifest, credentials: _Credentials, state: TargetState, clock: Clock
) -> _Restored:
    """Open the unpacked vault: authenticate, check the manifest, the database and its vault id.

    The backup's key file must carry the signature of its administrators, and the credentials must be
    an administrator's on that signed list (or the backup's recovery key). Where no readable vault was
    replaced, the credentials must include a recovery key that proved the target or opens the backup.
    """
    paths = VaultPaths(staging)
    keyfile = keyfiles.load_any(paths.keyfile)
    try:
        data_key, actor = _open_backup_keys(keyfile, credentials)
    except PermissionDeniedError:
        raise PermissionDeniedError(tr("Only an administrator of this vault can restore it.")) from None
    except VaultFormatError:
        raise BackupError(tr("This backup was altered after it was made. Nothing was changed.")) from None
    if not manifest.authentic(data_key) or manifest.vault_id != keyfile.vault_id:
        raise BackupError(tr("This backup was altered after it was made. Nothing was changed."))
    if manifest.generation is not None and manifest.generation != keyfile.generation:
        raise BackupError(tr("This backup was altered after it was made. Nothing was changed."))
    conn = connect(paths.db, data_key)
    try:
        check_not_newer(conn)
        if conn.execute("PRAGMA cipher_integrity_check").fetchall():
            raise BackupError(tr("The database in this backup is damaged. Nothing was changed."))
        if MetaRepository(conn).get("vault_id") != keyfile.vault_id:
            raise BackupError(tr("The database in this backup belongs to another vault. Nothing was changed."))
        with transaction(conn):
            audit = AuditRepository(conn)
            now = clock.now()
            audit.append(
                now,
                actor,
                AuditAction.RESTORED.value,
                "vault",
                keyfile.vault_id,
                {"backup_created": manifest.created_at},
            )
            if state is not TargetState.INTACT:
                details = {
                    "backup_created": manifest.created_at,
                    "generation": str(keyfile.generation),
                    "previous": state.value,
                }
                audit.append(now, actor, AuditAction.RESTORED_OVER.value, "vault", keyfile.vault_id, details)
            head = audit.head()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except (DatabaseError, MemoryError):  # pages that decrypt but are no SafeCase database (an empty file)
        raise BackupError(tr("The database in this backup is damaged. Nothing was changed.")) from None
    finally:
        conn.close()
    return _Restored(keyfile.vault_id, keyfile.generation, head)
