"""Backup files: one tar holding the vault exactly as it is on disk, still encrypted.

Members: ``manifest.json``, ``safecase.db`` (a consistent copy made with SQLite's backup API while the
app may be running), ``keys.json`` and ``blobs/…``. The manifest lists each member's SHA-256 and is
authenticated with an HMAC under a key derived from the data key, so nothing in a backup can be
swapped or edited unnoticed, and nothing in it is readable without a password or the recovery key.
The tar is written to a temporary file beside the target and renamed into place.

Version 2 manifests also name the key file's generation and carry the audit checkpoint the
administrators' key signed when the backup was made (the audit head it was made at), which the data
key alone cannot forge. Version 1 manifests, without them, are still read.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import shutil
import tarfile
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

from safecase.crypto.encoding import canonical_json
from safecase.crypto.subkeys import BACKUP_MANIFEST_MAC, derive_subkey, mac, mac_matches
from safecase.domain.audit import Checkpoint
from safecase.domain.errors import BackupError, NewerVersionError, VaultFormatError
from safecase.i18n import tr
from safecase.vault import keyfile as keyfiles
from safecase.vault.atomic import PRIVATE_FILE_MODE, exchange_paths, fsync_dir, make_private_dir
from safecase.vault.blob_store import STAGING_SUFFIX
from safecase.vault.connection import Connection, export_copy
from safecase.vault.paths import BLOBS_DIR, DB_NAME, KEYFILE_NAME, VaultPaths

FORMAT = "safecase.backup"
VERSION = 2
MANIFEST = "manifest.json"
CHUNK = 1024 * 1024
MAX_MANIFEST_BYTES = 16 * 1024 * 1024

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BackupManifest:
    vault_id: str
    created_at: str
    app_version: str
    schema_version: int
    files: dict[str, str]
    mac: str
    version: int = VERSION
    generation: int | None = None  # of the key file in the backup (version 2 on)
    checkpoint: Checkpoint | None = None  # the audit head signed when the backup was made (version 2 on)

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "format": FORMAT,
            "version": self.version,
            "vault_id": self.vault_id,
            "created_at": self.created_at,
            "app_version": self.app_version,
            "schema_version": self.schema_version,
            "files": self.files,
        }
        if self.version >= 2:
            body["generation"] = self.generation
            body["checkpoint"] = None if self.checkpoint is None else keyfiles.checkpoint_to_json(self.checkpoint)
        return body

    def authentic(self, data_key: bytes) -> bool:
        return mac_matches(derive_subkey(data_key, BACKUP_MANIFEST_MAC), canonical_json(self.body()), self.mac)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _blob_files(blobs: Path) -> list[Path]:
    """Every file under ``blobs/`` but evidence still being written (it may vanish while the tar is made,
    and counts only once its transaction commits)."""
    if not blobs.is_dir():
        return []
    return sorted(p for p in blobs.rglob("*") if p.is_file() and not p.name.endswith(STAGING_SUFFIX))


def write_backup(
    conn: Connection,
    paths: VaultPaths,
    data_key: bytes,
    out: Path,
    *,
    vault_id: str,
    created_at: str,
    app_version: str,
    schema_version: int,
    checkpoint: Checkpoint | None = None,
    progress: Progress | None = None,
) -> BackupManifest:
    """Write a backup of the open vault to ``out`` atomically; returns its manifest (carrying ``checkpoint``)."""
    out = out.resolve()
    if out.is_dir():
        raise BackupError(tr("{path} is a folder; give a file name for the backup.").format(path=out))
    if out.is_relative_to(paths.root.resolve()):
        raise BackupError(tr("A backup must not be kept inside the vault folder; choose another place."))
    staging = Path(tempfile.mkdtemp(prefix=".safecase-backup-", dir=paths.root))
    partial = out.with_name(f".{out.name}.{os.getpid()}.partial")
    try:
        db_copy = staging / DB_NAME
        export_copy(conn, db_copy, data_key)
        # The key file is read once, after the database copy, and must open that copy: a re-key by
        # another process in between would otherwise give a backup whose key file opens nothing in it.
        keyfile_copy = staging / KEYFILE_NAME
        keyfile_bytes = paths.keyfile.read_bytes()
        try:
            current_keys = keyfiles.parse(keyfile_bytes)
        except VaultFormatError as exc:
            raise BackupError(exc.message) from None
        if not current_keys.mac_valid(data_key):
            raise BackupError(tr("The vault was re-keyed while the backup was being made. Make the backup again."))
        fd = os.open(keyfile_copy, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(keyfile_bytes)
        members: list[tuple[str, Path]] = [(DB_NAME, db_copy), (KEYFILE_NAME, keyfile_copy)]
        members += [(f"{BLOBS_DIR}/{p.relative_to(paths.blobs).as_posix()}", p) for p in _blob_files(paths.blobs)]
        total = sum(path.stat().st_size for _, path in members)
        files = {name: sha256_file(path) for name, path in members}
        unsigned = BackupManifest(
            vault_id,
            created_at,
            app_version,
            schema_version,
            files,
            "",
            generation=current_keys.generation,
            checkpoint=checkpoint,
        )
        manifest = replace(
            unsigned, mac=mac(derive_subkey(data_key, BACKUP_MANIFEST_MAC), canonical_json(unsigned.body()))
        )
        manifest_bytes = json.dumps({**manifest.body(), "mac": manifest.mac}, indent=2).encode("utf-8")
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE)
        with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w") as tar:
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(manifest_bytes)
            info.mode = PRIVATE_FILE_MODE
            tar.addfile(info, io.BytesIO(manifest_bytes))
            done = 0
            for name, path in members:
                tar.add(path, arcname=name, recursive=False, filter=_anonymous)
                done += path.stat().st_size
                if progress is not None:
                    progress(done, total)
            tar.close()
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(partial, out)
        fsync_dir(out.parent)
        return manifest
    except OSError as exc:
        raise BackupError(tr("The backup could not be written: {reason}").format(reason=exc.strerror or exc)) from None
    finally:
        with contextlib.suppress(OSError):
            partial.unlink()
        shutil.rmtree(staging, ignore_errors=True)


def _anonymous(info: tarfile.TarInfo) -> tarfile.TarInfo:
    """No owner in the tar headers: the OS account name is often the person's own name."""
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    info.mode = PRIVATE_FILE_MODE
    return info


def _not_a_backup() -> BackupError:
    return BackupError(tr("This file is not a SafeCase backup, or it is damaged or incomplete. Nothing was changed."))


def _parse_manifest(raw: bytes) -> BackupManifest:
    try:
        data = json.loads(raw.decode("utf-8"))
        if data.get("format") != FORMAT:
            raise _not_a_backup()
        if int(data["version"]) > VERSION:
            raise NewerVersionError(tr("This backup was made by a newer version of SafeCase. Update SafeCase first."))
        files = data["files"]
        if not isinstance(files, dict):
            raise _not_a_backup()
        version = int(data["version"])
        checkpoint = data.get("checkpoint") if version >= 2 else None
        manifest = BackupManifest(
            vault_id=str(data["vault_id"]),
            created_at=str(data["created_at"]),
            app_version=str(data["app_version"]),
            schema_version=int(data["schema_version"]),
            files={str(k): str(v) for k, v in files.items()},
            mac=str(data["mac"]),
            version=version,
            generation=int(data["generation"]) if version >= 2 else None,
            checkpoint=None if checkpoint is None else keyfiles.checkpoint_from_json(checkpoint),
        )
        canonical_json(manifest.body())  # what the MAC covers: a lone surrogate ("\udcff") has no UTF-8 form
        return manifest
    except (ValueError, KeyError, TypeError, AttributeError, OverflowError, RecursionError):
        raise _not_a_backup() from None


def _safe_member_name(name: str) -> bool:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        return False
    return name in (DB_NAME, KEYFILE_NAME) or (path.parts[0] == BLOBS_DIR and len(path.parts) >= 2)


@dataclass(frozen=True)
class BackupSummary:
    """What a backup says about itself before anything is unpacked or any key is given: not yet
    authenticated (the restore checks the manifest and the key file before using them)."""

    manifest: BackupManifest
    vault_id: str
    generation: int


def read_summary(backup: Path) -> BackupSummary:
    """The manifest and the key file's vault id and generation, read from the tar without unpacking it."""
    try:
        with tarfile.open(backup, mode="r:") as tar:
            members = tar.getmembers()
            if not members or members[0].name != MANIFEST or not members[0].isfile():
                raise _not_a_backup()
            handle = tar.extractfile(members[0])
            if handle is None or members[0].size > MAX_MANIFEST_BYTES:
                raise _not_a_backup()
            manifest = _parse_manifest(handle.read())
            keys = next((m for m in members[1:] if m.name == KEYFILE_NAME and m.isfile()), None)
            keys_handle = None if keys is None or keys.size > keyfiles.MAX_KEYFILE_BYTES else tar.extractfile(keys)
            if keys_handle is None:
                raise _not_a_backup()
            try:
                keyfile = keyfiles.parse_any(keys_handle.read())
            except NewerVersionError:
                raise
            except VaultFormatError:
                raise _not_a_backup() from None
    except (tarfile.TarError, EOFError):
        raise _not_a_backup() from None
    except OSError as exc:
        raise BackupError(tr("The backup could not be read: {reason}").format(reason=exc.strerror or exc)) from None
    return BackupSummary(manifest, keyfile.vault_id, keyfile.generation)


def extract_backup(backup: Path, staging: Path, progress: Progress | None = None) -> BackupManifest:
    """Unpack ``backup`` into the empty folder ``staging`` and check every hash against the manifest.

    Only regular files with expected names are accepted (no links, no ``..``), and the set of files
    must match the manifest exactly. Raises BackupError on any mismatch.
    """
    try:
        with tarfile.open(backup, mode="r:") as tar:
            members = tar.getmembers()
            if not members or members[0].name != MANIFEST or not members[0].isfile():
                raise _not_a_backup()
            handle = tar.extractfile(members[0])
            if handle is None or members[0].size > MAX_MANIFEST_BYTES:
                raise _not_a_backup()
            manifest = _parse_manifest(handle.read())
            names = [m.name for m in members[1:]]
            if sorted(names) != sorted(manifest.files) or DB_NAME not in names or KEYFILE_NAME not in names:
                raise _not_a_backup()
            total = sum(m.size for m in members[1:])
            done = 0
            for member in members[1:]:
                if not member.isfile() or not _safe_member_name(member.name):
                    raise _not_a_backup()
                target = staging.joinpath(*PurePosixPath(member.name).parts)
                make_private_dir(target.parent)
                source = tar.extractfile(member)
                if source is None:
                    raise _not_a_backup()
                digest = hashlib.sha256()
                fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
                with os.fdopen(fd, "wb") as sink:
                    while chunk := source.read(CHUNK):
                        digest.update(chunk)
                        sink.write(chunk)
                    sink.flush()
                    os.fsync(sink.fileno())
                if digest.hexdigest() != manifest.files[member.name]:
                    raise _not_a_backup()
                done += member.size
                if progress is not None:
                    progress(done, total)
    except (tarfile.TarError, EOFError):
        raise _not_a_backup() from None
    except OSError as exc:
        raise BackupError(tr("The backup could not be read: {reason}").format(reason=exc.strerror or exc)) from None
    return manifest


def install_restored(staging: Path, target: Path, replace: bool) -> Path | None:
    """Move a checked, unpacked vault into place.

    With ``replace`` the old vault is renamed aside (``<name>.replaced-<time>``), never deleted: if the
    backup turns out older than someone thought, nothing written since is gone. Returns that folder.
    Where the system can, the two folders are swapped in one step, so a crash leaves the old vault or
    the restored one at ``target``, never nothing (and a crash right after the swap, the old vault
    under the staging folder's name); elsewhere two renames leave a moment with nothing there.
    """
    make_private_dir(staging / BLOBS_DIR)
    if target.exists() and any(target.iterdir()):
        if not VaultPaths(target).exists():
            raise BackupError(
                tr("{path} is not empty and holds no SafeCase vault; choose an empty or new folder.").format(
                    path=target
                )
            )
        if not replace:
            raise BackupError(
                tr("{path} is not empty; use --replace to overwrite the vault there.").format(path=target)
            )
        stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
        retired = target.with_name(f"{target.name}.replaced-{stamp}")
        for n in range(2, 1000):  # a second restore within the same second
            if not retired.exists():
                break
            retired = target.with_name(f"{target.name}.replaced-{stamp}-{n}")
        if exchange_paths(staging, target):
            try:
                os.replace(staging, retired)
            except OSError:
                retired = staging  # the old vault stays under the staging name: never let it be removed
            fsync_dir(target.parent)
            return retired
        os.replace(target, retired)
        try:
            os.replace(staging, target)
        except OSError:
            os.replace(retired, target)
            raise
        fsync_dir(target.parent)
        return retired
    if target.exists():
        target.rmdir()
    os.replace(staging, target)
    fsync_dir(target.parent)
    return None
