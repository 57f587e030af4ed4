"""Evidence files on disk: ``blobs/<id>``, named by a random id only, written whole before they count.

A new blob is written to ``blobs/<id>.partial`` (owner-only from its first byte, never in the system's
temp folder), fsynced, and tied to the unit of work that records it: renamed to ``blobs/<id>`` when the
transaction commits, removed when it rolls back. So a blob and its row come and go together, and a
cancelled or failed add leaves nothing. Should the process die between the commit and the rename, the
row names a blob whose fsynced ``.partial`` is complete; :meth:`BlobStore.open` finishes the rename
(ids are 128 random bits: a ``.partial`` of the same id can only be that blob).

A large blob is pushed towards the disk while it is still being written: every 64 MiB a background
thread asks the system to write out what it holds (``fdatasync``), so the disk works while the next
chunks are encrypted and the final fsync waits only for the tail (a 1 GiB file is otherwise written out
all at once, at the end).

What is inside a blob is :mod:`safecase.crypto.blobs`' business; this module only moves bytes.
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
from pathlib import Path
from typing import BinaryIO

from safecase.vault.atomic import PRIVATE_FILE_MODE, fsync_dir, make_private_dir
from safecase.vault.unit_of_work import UnitOfWork

STAGING_SUFFIX = ".partial"
FLUSH_EVERY = 64 * 1024 * 1024
_datasync = getattr(os, "fdatasync", os.fsync)  # not on macOS or Windows
_BLOB_NAME = re.compile(r"^[0-9a-f]{32}$")


def is_blob_name(name: str) -> bool:
    """Whether ``name`` is a blob's final file name (32 lowercase hex digits)."""
    return bool(_BLOB_NAME.match(name))


def _checked(blob_id: str) -> str:
    if not is_blob_name(blob_id):
        raise ValueError("not a blob id")
    return blob_id


class _Flusher:
    """A thread that writes out a file's data while its writer goes on (see the module docstring)."""

    def __init__(self, fd: int) -> None:
        self._fd = fd
        self._wake = threading.Event()
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="blob-flusher", daemon=True)
        self._thread.start()

    def kick(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stopping = True
        self._wake.set()
        self._thread.join()

    def _run(self) -> None:
        while True:
            self._wake.wait()
            self._wake.clear()
            if self._stopping:
                return
            # A failure here shows again in the fsync that finishes the blob; nothing to do now.
            with contextlib.suppress(OSError):
                _datasync(self._fd)


class StagedBlob:
    """A blob being written at ``<id>.partial``, until it is committed (renamed) or discarded.

    Write to it with :meth:`write` (it is the sink :func:`~safecase.crypto.blobs.encrypt_stream` fills).
    """

    def __init__(self, folder: Path, blob_id: str) -> None:
        self.blob_id = _checked(blob_id)
        self.final = folder / blob_id
        self.partial = folder / (blob_id + STAGING_SUFFIX)
        fd = os.open(self.partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), PRIVATE_FILE_MODE)
        self.file: BinaryIO = os.fdopen(fd, "wb")
        self._written = 0
        self._handed_to_system = 0
        self._flusher: _Flusher | None = None

    def write(self, data: bytes) -> int:
        count = self.file.write(data)
        self._written += len(data)
        if self._written - self._handed_to_system >= FLUSH_EVERY:
            self.file.flush()
            self._handed_to_system = self._written
            if self._flusher is None:
                self._flusher = _Flusher(self.file.fileno())
            self._flusher.kick()
        return count

    def _stop_flusher(self) -> None:
        if self._flusher is not None:
            self._flusher.stop()
            self._flusher = None

    def finish(self) -> None:
        """Flush and fsync what was written; the blob is then complete on disk under its staging name."""
        self._stop_flusher()
        self.file.flush()
        os.fsync(self.file.fileno())
        self.file.close()

    def commit(self) -> None:
        """Rename into place (after the transaction recording it committed)."""
        os.replace(self.partial, self.final)
        fsync_dir(self.final.parent)

    def discard(self) -> None:
        """Remove what was written (cancelled, failed, or its transaction rolled back); safe to repeat."""
        self._stop_flusher()
        with contextlib.suppress(OSError):
            self.file.close()
        with contextlib.suppress(FileNotFoundError):
            self.partial.unlink()

    def tie_to(self, uow: UnitOfWork) -> None:
        """Commit with ``uow``'s transaction, or vanish with its rollback."""
        uow.on_commit(self.commit)
        uow.on_rollback(self.discard)


class BlobStore:
    """The ``blobs/`` folder of one vault."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def stage(self, blob_id: str) -> StagedBlob:
        make_private_dir(self.folder)
        return StagedBlob(self.folder, blob_id)

    def path(self, blob_id: str) -> Path:
        return self.folder / _checked(blob_id)

    def exists(self, blob_id: str) -> bool:
        path = self.path(blob_id)
        return path.is_file() or path.with_name(path.name + STAGING_SUFFIX).is_file()

    def open(self, blob_id: str) -> BinaryIO:
        """The blob for reading; FileNotFoundError when it is gone."""
        path = self.path(blob_id)
        if not path.exists():
            staged = path.with_name(path.name + STAGING_SUFFIX)
            if staged.is_file():
                # Committed, but the process stopped before the rename: finish it.
                os.replace(staged, path)
                fsync_dir(self.folder)
        return path.open("rb")

    def delete(self, blob_id: str) -> None:
        """Remove the blob (its key is already gone: this only frees the space); safe to repeat."""
        path = self.path(blob_id)
        for name in (path, path.with_name(path.name + STAGING_SUFFIX)):
            with contextlib.suppress(FileNotFoundError):
                name.unlink()
        with contextlib.suppress(OSError):
            fsync_dir(self.folder)

    def names(self) -> list[str]:
        """Final names of every blob in the folder (not those still being written)."""
        if not self.folder.is_dir():
            return []
        return sorted(p.name for p in self.folder.iterdir() if is_blob_name(p.name))
