"""Evidence of a case: files and links, their SHA-256, the encrypted file itself, and its chain of custody.

Adding a file reads it once: the SHA-256 of the exact bytes read is computed while they are encrypted
into ``blobs/`` (:mod:`safecase.crypto.blobs`, :mod:`safecase.vault.blob_store`), under a key of the
file's own that is itself encrypted under the case's key (:class:`~safecase.services.case_keys.CaseKeys`),
so only people holding a seal of the case key can open it. A hash-only item keeps the hash and the
metadata but not the file. The file is streamed before the write transaction begins (a large file
must not hold the vault's write lock for a minute); the row, the custody events and the audit row are
then one unit of work, which renames the blob into place when it commits and removes it when it rolls
back. A cancelled add leaves nothing.

Every method applies the casework rule (:func:`~safecase.services.casework_access.require_case`: a
counselor works her own cases, supervisors every case, administrators without a casework role none),
writes its custody event (hash-chained per item) and its audit row in one unit of work. Files are
decrypted into memory to be looked at, and into a file only where the person chose to export one;
nothing goes through a temporary file elsewhere.

Long work (adding, exporting, verifying) takes ``progress(done, total)`` (bytes) and ``cancelled()``,
both called on the thread doing the work, as :meth:`safecase.ui.tasks.TaskManager.run_reporting`
hands a progress callback; ``cancelled`` may be a ``threading.Event().is_set``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import io
import mimetypes
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from safecase.crypto.blobs import (
    CHUNK_SIZE,
    BlobDamage,
    Writable,
    decrypt_stream,
    encrypt_stream,
    new_blob_id,
    new_blob_key,
)
from safecase.domain.audit import AuditAction
from safecase.domain.errors import CancelledError, InputError, VaultFormatError
from safecase.domain.evidence import (
    MAX_SHORT_TEXT,
    MAX_URLS,
    NEAR_DUPLICATE_DISTANCE,
    CustodyEvent,
    CustodyEventKind,
    EvidenceDetails,
    EvidenceItem,
    EvidenceKind,
    EvidenceRecord,
    FileTimes,
    HandOver,
    NearDuplicate,
    clean_url,
    hash_distance,
    kind_for_media_type,
    sniff_media_type,
)
from safecase.i18n import tr
from safecase.imaging.perceptual import image_dhash
from safecase.services.case_keys import CaseKeys
from safecase.services.cases import check_text_lengths, record_change
from safecase.services.casework_access import require_case, visible_to
from safecase.services.session import VaultSession
from safecase.services.taxonomies import PLATFORMS, taxonomies
from safecase.vault.atomic import PRIVATE_FILE_MODE, fsync_dir
from safecase.vault.blob_store import BlobStore, StagedBlob
from safecase.vault.connection import DatabaseError
from safecase.vault.repositories.audit import AuditRepository
from safecase.vault.repositories.cases import CaseRepository
from safecase.vault.repositories.evidence import CustodyLog, EvidenceRepository

Progress = Callable[[int, int], None]
"""Called with (bytes done, bytes in all) from the thread doing the work."""
Cancelled = Callable[[], bool]
"""Asked between chunks; True stops the work, which then leaves nothing behind."""

MAX_VIEW_BYTES = 200 * 1024 * 1024
"""Largest file :meth:`EvidenceService.read` decrypts into memory; larger ones are exported to look at."""
_SNIFF_BYTES = 64
MAX_PERCEPTUAL_BYTES = 64 * 1024 * 1024
"""Largest image whose perceptual hash is computed at intake: its bytes are held in memory meanwhile."""
NO_DETAILS = EvidenceDetails()
ENCRYPTION = "AES-256-GCM"


def _no_item() -> InputError:
    return InputError(tr("That evidence item does not exist or is not in a case assigned to you."))


def _cancelled() -> CancelledError:
    return CancelledError(tr("Cancelled. Nothing was kept."))


def _file_changed(item: EvidenceItem) -> VaultFormatError:
    return VaultFormatError(
        tr(
            "The file of evidence item {item} was changed or damaged and cannot be read. Run safecase evidence verify."
        ).format(item=item.label)
    )


def damage_phrase(damage: BlobDamage) -> str:
    """What :class:`BlobDamage` found, in words."""
    if damage.what == "other_blob":
        return tr("its file holds another evidence file (files were swapped)")
    if damage.what == "cut":
        return tr("its file ends inside chunk {chunk} (cut short)").format(chunk=damage.chunk)
    if damage.what == "chunk":
        return tr(
            "chunk {chunk} of its file does not authenticate (changed, moved, swapped, or the file was cut)"
        ).format(chunk=damage.chunk)
    return tr("its file does not start like a SafeCase evidence file")


def _moment(timestamp: float | None) -> datetime | None:
    return None if timestamp is None else datetime.fromtimestamp(timestamp, UTC)


def file_times(st: os.stat_result) -> FileTimes:
    """The timestamps the system keeps for a file, read from the handle the bytes came through."""
    birth = getattr(st, "st_birthtime", None)
    if os.name == "nt":  # st_ctime is the creation time there
        return FileTimes(_moment(st.st_mtime), None, _moment(birth if birth is not None else st.st_ctime))
    return FileTimes(_moment(st.st_mtime), _moment(st.st_ctime), _moment(birth))


def _open_source(path: Path) -> io.BufferedReader:
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        raise InputError(tr("{path} does not exist.").format(path=path)) from None
    except IsADirectoryError:
        raise InputError(tr("{path} is a folder, not a file.").format(path=path)) from None
    except PermissionError:
        raise InputError(tr("{path} cannot be read (no permission).").format(path=path)) from None
    if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
        handle.close()
        raise InputError(tr("{path} is not a regular file.").format(path=path))
    return handle


def _media_type(head: bytes, name: str) -> str:
    """What the file is: by its first bytes, else by its name."""
    return sniff_media_type(head) or mimetypes.guess_type(name)[0] or "application/octet-stream"


class _Reading:
    """What one pass over a file's bytes gathers: its SHA-256, size and first bytes, and the whole of
    an image up to ``keep_image`` bytes (for its perceptual hash); it reports progress and stops the
    pass when cancelled."""

    def __init__(
        self,
        total: int,
        progress: Progress | None,
        cancelled: Cancelled | None,
        *,
        name: str = "",
        keep_image: int = 0,
    ) -> None:
        self.digest = hashlib.sha256()
        self.size = 0
        self.head = b""
        self.image: bytearray | None = None
        """The file's bytes, when it is an image small enough to hash perceptually."""
        self._name = name
        self._keep_image = keep_image if total <= keep_image else 0
        self._total = total
        self._progress = progress
        self._cancelled = cancelled

    def take(self, chunk: memoryview | bytes) -> None:
        if self._cancelled is not None and self._cancelled():
            raise _cancelled()
        self.digest.update(chunk)
        if len(self.head) < _SNIFF_BYTES:
            self.head += bytes(chunk[: _SNIFF_BYTES - len(self.head)])
        if self.size == 0 and self._keep_image and _media_type(self.head, self._name).startswith("image/"):
            self.image = bytearray()
        if self.image is not None:
            if len(self.image) + len(chunk) > self._keep_image:
                self.image = None  # grew past the size it had when opened
            else:
                self.image += chunk
        self.size += len(chunk)
        if self._progress is not None:
            self._progress(self.size, max(self._total, self.size))


def _hash_only(source: io.BufferedReader, reading: _Reading) -> None:
    buffer = bytearray(CHUNK_SIZE)
    view = memoryview(buffer)
    while count := source.readinto(buffer):
        reading.take(view[:count])


@dataclass(frozen=True)
class ItemCheck:
    """What verify found for one item: ``problems`` empty when everything held."""

    item: EvidenceItem
    case_number: str
    problems: tuple[str, ...]
    content_checked: bool
    """Whether the kept file was decrypted and hashed again."""
    unchecked_reason: str = ""
    """Why a kept file could not be checked (this person does not hold the case's key)."""

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def name(self) -> str:
        return tr("case {number}, item {item}").format(number=self.case_number, item=self.item.label)


@dataclass(frozen=True)
class MissingItem:
    """An item the audit log says was added and the vault no longer holds."""

    item_id: int
    case_number: str
    added_at: datetime
    added_by: str

    @property
    def name(self) -> str:
        return tr("case {number}, item #{id}").format(number=self.case_number, id=self.item_id)


@dataclass(frozen=True)
class EvidenceReport:
    items: tuple[ItemCheck, ...]
    missing: tuple[MissingItem, ...] = ()

    @property
    def failures(self) -> list[ItemCheck]:
        return [i for i in self.items if not i.ok]

    @property
    def unchecked(self) -> list[ItemCheck]:
        return [i for i in self.items if i.unchecked_reason]

    @property
    def ok(self) -> bool:
        return not self.failures and not self.missing

    def problems(self) -> list[str]:
        """One line per item that failed, naming it."""
        lines = [f"{i.name}: {'; '.join(i.problems)}" for i in self.failures]
        lines += [
            tr("{name}: added on {day} by {user}, no longer in the vault").format(
                name=m.name, day=m.added_at.date().isoformat(), user=m.added_by
            )
            for m in self.missing
        ]
        return lines


class EvidenceService:
    def __init__(self, session: VaultSession) -> None:
        self._session = session

    # Built per use: a re-key (session.replace_keys) closes and replaces the connection.
    @property
    def _items(self) -> EvidenceRepository:
        return EvidenceRepository(self._session.conn)

    @property
    def _custody(self) -> CustodyLog:
        return CustodyLog(self._session.conn)

    @property
    def _store(self) -> BlobStore:
        return BlobStore(self._session.paths.blobs)

    # --- adding -------------------------------------------------------------------------------------

    def add_file(
        self,
        case_id: int,
        path: Path,
        details: EvidenceDetails = NO_DETAILS,
        *,
        keep_file: bool = True,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> EvidenceRecord:
        """Add the file at ``path`` to the case: hashed, and kept encrypted unless ``keep_file`` is False
        (hash-only). The file is read once; ``progress`` and ``cancelled`` are called per chunk.
        A cancel (:class:`CancelledError`) or any failure leaves no blob and no row."""
        session = self._session
        require_case(session, case_id)
        details = self._checked(details, for_file=True)
        if keep_file:
            CaseKeys(session).ensure_writable(case_id)  # before a long file is read, not after
        with _open_source(path) as source:
            st = os.fstat(source.fileno())
            reading = _Reading(st.st_size, progress, cancelled, name=path.name, keep_image=MAX_PERCEPTUAL_BYTES)
            staged: StagedBlob | None = None
            handed = False  # once the unit of work owns the staged blob, its hooks decide its fate
            try:
                blob_key = b""
                if keep_file:
                    staged = self._store.stage(new_blob_id().hex())
                    blob_key = new_blob_key()
                    encrypt_stream(source, staged, blob_key, bytes.fromhex(staged.blob_id), on_plaintext=reading.take)
                    staged.finish()
                else:
                    _hash_only(source, reading)
                if cancelled is not None and cancelled():
                    raise _cancelled()
                media_type = _media_type(reading.head, path.name)
                # The picture's own fingerprint, so a resized or re-compressed copy is recognised later;
                # "" for what Qt cannot decode (HEIC, a video, a document): SHA-256 only.
                perceptual = image_dhash(bytes(reading.image)) if reading.image is not None else ""
                reading.image = None
                with session.write() as uow:
                    if staged is not None:
                        staged.tie_to(uow)
                        handed = True
                    require_case(session, case_id)
                    item = self._new_item(case_id, details, kind_for_media_type(media_type))
                    item = dataclasses.replace(
                        item,
                        original_name=path.name[:MAX_SHORT_TEXT],
                        size=reading.size,
                        media_type=media_type,
                        sha256=reading.digest.hexdigest(),
                        file_times=file_times(st),
                        perceptual_hash=perceptual,
                    )
                    wrapped = None
                    if staged is not None:
                        wrapped = CaseKeys(session).seal_evidence_key(
                            case_id, staged.blob_id, blob_key, (session.user.name,)
                        )
                    return self._record_new(item, staged.blob_id if staged else None, wrapped)
            except BaseException:
                if staged is not None and not handed:
                    staged.discard()
                raise

    def add_url(self, case_id: int, url: str, details: EvidenceDetails = NO_DETAILS) -> EvidenceRecord:
        """Add a link (a post, a channel) without any file; the kind defaults to ``url_only``."""
        session = self._session
        cleaned = clean_url(url)
        if cleaned is None:
            raise InputError(tr("“{url}” is not a link SafeCase can keep.").format(url=url.strip()[:80]))
        details = dataclasses.replace(details, urls=(cleaned, *details.urls))
        details = self._checked(details, for_file=False)
        with session.write():
            require_case(session, case_id)
            item = self._new_item(case_id, details, EvidenceKind.URL_ONLY)
            return self._record_new(item, None, None)

    def _new_item(self, case_id: int, details: EvidenceDetails, guessed: EvidenceKind) -> EvidenceItem:
        now = self._session.clock.now()
        return EvidenceItem(
            id=0,
            case_id=case_id,
            kind=details.kind or guessed,
            description=details.description,
            platform=details.platform,
            urls=details.urls,
            channel=details.channel,
            original_name="",
            size=None,
            media_type="",
            captured_by=details.captured_by,
            captured_at=details.captured_at,
            received_at=details.received_at or now,
            received_from=details.received_from,
            notes=details.notes,
            sha256="",
            file_times=FileTimes(),
            stored=False,
            destroyed_at=None,
            perceptual_hash=None,
            created_at=now,
            created_by=self._session.user.name,
        )

    def _record_new(self, item: EvidenceItem, blob_id: str | None, wrapped: bytes | None) -> EvidenceRecord:
        """The row, its first custody events, history and audit row (inside the caller's unit of work)."""
        session = self._session
        stored = self._items.insert(item, blob_id, wrapped)
        now, actor = stored.created_at, session.user.name
        received = {"received_at": stored.received_at.isoformat() if stored.received_at else ""}
        if stored.received_from:
            received["from"] = stored.received_from
        if stored.original_name:
            received["name"] = stored.original_name
        else:
            received["urls"] = " ".join(stored.urls)
        events = [self._custody.append(stored.id, now, actor, CustodyEventKind.RECEIVED, received)]
        if stored.sha256:
            hashed = {"algorithm": "SHA-256", "sha256": stored.sha256, "size": str(stored.size)}
            events.append(self._custody.append(stored.id, now, actor, CustodyEventKind.HASHED, hashed))
        if blob_id is not None:
            kept = {"encryption": ENCRYPTION, "chunk_size": str(CHUNK_SIZE)}
            events.append(self._custody.append(stored.id, now, actor, CustodyEventKind.STORED, kept))
        changes = {"kind": ("", stored.kind.value)}
        if stored.sha256:
            changes["sha256"] = ("", stored.sha256)
            changes["stored"] = ("", "yes" if blob_id else "no")
        if stored.urls:
            changes["urls"] = ("", ", ".join(stored.urls))
        record_change(session, stored.case_id, "evidence", stored.id, changes)
        session.log(
            AuditAction.EVIDENCE_ADDED,
            "evidence",
            str(stored.id),
            {
                "case": str(stored.case_id),
                "kind": stored.kind.value,
                "stored": "yes" if blob_id else "no",
                "custody": events[-1].hash[:16],
            },
        )
        return EvidenceRecord(stored, tuple(events))

    def _checked(self, details: EvidenceDetails, *, for_file: bool) -> EvidenceDetails:
        if for_file and details.kind is EvidenceKind.URL_ONLY:
            raise InputError(tr("A file is not a link: choose another kind than “URL only”."))
        short = [details.platform, details.channel, details.captured_by, details.received_from]
        if any(len(text.strip()) > MAX_SHORT_TEXT for text in short):
            raise InputError(tr("A field is too long (at most {count} characters).").format(count=MAX_SHORT_TEXT))
        check_text_lengths([details.description, details.notes])
        urls: list[str] = []
        for raw in details.urls:
            url = clean_url(raw)
            if url is None:
                raise InputError(tr("“{url}” is not a link SafeCase can keep.").format(url=raw.strip()[:80]))
            if url not in urls:
                urls.append(url)
        if len(urls) > MAX_URLS:
            raise InputError(tr("At most {count} links per item.").format(count=MAX_URLS))
        platform = details.platform.strip()
        return dataclasses.replace(
            details,
            description=details.description.strip(),
            platform=(taxonomies()[PLATFORMS].resolve(platform) or platform) if platform else "",
            urls=tuple(urls),
            channel=details.channel.strip(),
            captured_by=details.captured_by.strip(),
            received_from=details.received_from.strip(),
            notes=details.notes.strip(),
        )

    # --- re-uploads ---------------------------------------------------------------------------------

    def near_duplicates(self, item_id: int) -> list[NearDuplicate]:
        """Items already in the vault that ``item_id`` repeats: the same file (SHA-256), or for an image
        the same picture resized or re-compressed (perceptual hashes at most
        :data:`NEAR_DUPLICATE_DISTANCE` bits apart). Asked right after an item is added.

        Only cases this person may see are searched (a counselor's own, a supervisor's every case), so
        a match never tells anyone about a case they could not open. A match found is audit-logged
        (``evidence.matched``, naming the items), as a repeat caller's earlier case is.
        """
        session = self._session
        item = self._visible(item_id)
        owner = visible_to(session)
        found: list[tuple[int, bool, int | None]] = []
        for other_id, _case_id, sha256, perceptual in self._items.fingerprints(owner, item.id):
            same_file = bool(item.sha256) and sha256 == item.sha256
            distance = hash_distance(item.perceptual_hash or "", perceptual)
            if same_file or (distance is not None and distance <= NEAR_DUPLICATE_DISTANCE):
                found.append((other_id, same_file, distance))
        others = [(self._items.get(other_id), same_file, distance) for other_id, same_file, distance in found]
        numbers = CaseRepository(session.conn).numbers(o.case_id for o, _, _ in others if o is not None)
        matches = [
            NearDuplicate(other, numbers.get(other.case_id, str(other.case_id)), same_file, distance)
            for other, same_file, distance in others
            if other is not None
        ]
        matches.sort(key=lambda m: (not m.same_file, m.distance or 0, m.item.id))
        if matches:
            session.audit(
                AuditAction.EVIDENCE_MATCHED,
                "evidence",
                str(item.id),
                {
                    "case": str(item.case_id),
                    "items": ",".join(str(m.item.id) for m in matches),
                    "cases": ",".join(str(c) for c in sorted({m.item.case_id for m in matches})),
                },
            )
        return matches

    # --- reading ------------------------------------------------------------------------------------

    def for_case(self, case_id: int, *, log: bool = True) -> list[EvidenceRecord]:
        """The case's items with their custody logs, oldest first (logged as ``evidence.listed``)."""
        session = self._session
        require_case(session, case_id)
        items = self._items.for_case(case_id)
        events = self._custody.events_for(i.id for i in items)
        if log:
            session.audit(AuditAction.EVIDENCE_LISTED, "case", str(case_id))
        return [EvidenceRecord(i, tuple(events.get(i.id, ()))) for i in items]

    def get(self, item_id: int) -> EvidenceRecord:
        item = self._visible(item_id)
        return EvidenceRecord(item, tuple(self._custody.events(item_id)))

    def _visible(self, item_id: int) -> EvidenceItem:
        item = self._items.get(item_id)
        if item is None:
            raise _no_item()
        try:
            require_case(self._session, item.case_id)
        except InputError:
            raise _no_item() from None
        return item

    def _kept_key(self, item: EvidenceItem) -> tuple[str, bytes]:
        """(blob id, file key) of the item's kept file, through this person's seal of the case key."""
        blob = self._items.blob(item.id)
        if blob is None:
            if item.destroyed:
                raise InputError(tr("Evidence item {item} was destroyed.").format(item=item.label))
            raise InputError(tr("The file of evidence item {item} is not kept in SafeCase.").format(item=item.label))
        blob_id, wrapped = blob
        return blob_id, CaseKeys(self._session).open_evidence_key(item.case_id, blob_id, wrapped)

    @contextlib.contextmanager
    def _plaintext(self, item: EvidenceItem, blob_id: str, blob_key: bytes) -> Iterator[Iterator[bytes]]:
        """The decrypted chunks of a kept file; a missing or damaged file is a VaultFormatError."""
        try:
            handle = self._store.open(blob_id)
        except FileNotFoundError:
            raise VaultFormatError(
                tr("The file of evidence item {item} is missing from the vault folder.").format(item=item.label)
            ) from None
        with handle:

            def chunks() -> Iterator[bytes]:
                try:
                    yield from decrypt_stream(handle, blob_key, bytes.fromhex(blob_id))
                except BlobDamage:
                    raise _file_changed(item) from None

            yield chunks()

    def read(self, item_id: int, *, log_view: bool = True, max_bytes: int = MAX_VIEW_BYTES) -> bytes:
        """The kept file, decrypted into memory to be looked at (logged as ``viewed``), after its SHA-256
        was checked against the one recorded; larger than ``max_bytes``: export a copy instead.

        ``log_view=False`` is for a preview shown blurred: the screen calls :meth:`record_view` when the
        person chooses to see it clearly, which is the view the custody log records.
        """
        data = self.opened(item_id, max_bytes=max_bytes)()
        if log_view:
            self.record_view(item_id)
        return data

    def opened(self, item_id: int, *, max_bytes: int = MAX_VIEW_BYTES) -> Callable[[], bytes]:
        """What :meth:`read` does, in two steps: the rule and the file's key now, through this session
        (on the thread that owns its connection), and the slow part later on any thread.

        Returns a callable that decrypts the kept file into memory and checks its SHA-256, touching
        only the vault folder, never the database; so a screen can open the item quickly and decrypt
        and decode it on a worker. Nothing is logged (see :meth:`record_view`).
        """
        item = self._visible(item_id)
        blob_id, blob_key = self._kept_key(item)
        if item.size is not None and item.size > max_bytes:
            raise InputError(
                tr("Evidence item {item} is too large to show here; export a copy to look at it.").format(
                    item=item.label
                )
            )

        def decrypt() -> bytes:
            parts: list[bytes] = []
            digest = hashlib.sha256()
            with self._plaintext(item, blob_id, blob_key) as chunks:
                for chunk in chunks:
                    digest.update(chunk)
                    parts.append(chunk)
            if digest.hexdigest() != item.sha256:
                raise _file_changed(item)
            return b"".join(parts)

        return decrypt

    def record_view(self, item_id: int) -> CustodyEvent:
        """Record that the person looked at the item's content (custody ``viewed`` and an audit row)."""
        session = self._session
        with session.write():
            item = self._visible(item_id)
            event = self._custody.append(item.id, session.clock.now(), session.user.name, CustodyEventKind.VIEWED)
            session.log(AuditAction.EVIDENCE_VIEWED, "evidence", str(item.id), {"case": str(item.case_id)})
            return event

    def export_copy(
        self,
        item_id: int,
        target: Path,
        *,
        note: str = "",
        overwrite: bool = False,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> CustodyEvent:
        """Write the original file to ``target``, a place the person chose (logged as ``exported``).

        Written beside the target and renamed into place only once every chunk authenticated and the
        SHA-256 matches the recorded one; a failure or cancel leaves nothing at ``target``.
        """
        session = self._session
        item = self._visible(item_id)
        note = note.strip()
        check_text_lengths([note])
        target = target.expanduser().absolute()
        if target.is_dir():
            raise InputError(tr("{path} is a folder; give a file name for the copy.").format(path=target))
        if target.resolve().is_relative_to(session.paths.root.resolve()):
            raise InputError(tr("A copy must not be kept inside the vault folder; choose another place."))
        if target.exists() and not overwrite:
            raise InputError(tr("{path} already exists.").format(path=target))
        blob_id, blob_key = self._kept_key(item)
        partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
        try:
            fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), PRIVATE_FILE_MODE)
        except OSError as exc:
            raise InputError(
                tr("The copy cannot be written to {path} ({reason}).").format(path=target.parent, reason=exc.strerror)
            ) from None
        try:
            reading = _Reading(item.size or 0, progress, cancelled)
            with os.fdopen(fd, "wb") as out, self._plaintext(item, blob_id, blob_key) as chunks:
                for chunk in chunks:
                    reading.take(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            if reading.digest.hexdigest() != item.sha256:
                raise _file_changed(item)
            os.replace(partial, target)
        except BaseException:
            with contextlib.suppress(OSError):
                partial.unlink()
            raise
        with contextlib.suppress(OSError):
            fsync_dir(target.parent)
        details = {"sha256": item.sha256}
        if note:
            details["note"] = note
        with session.write():
            event = self._custody.append(
                item.id, session.clock.now(), session.user.name, CustodyEventKind.EXPORTED, details
            )
            session.log(AuditAction.EVIDENCE_EXPORTED, "evidence", str(item.id), {"case": str(item.case_id)})
        return event

    def write_original(
        self,
        item_id: int,
        out: Writable,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> EvidenceItem:
        """Decrypt the kept file into ``out``, which the caller opened where the person chose (an evidence
        packet); every chunk authenticates and the SHA-256 must equal the recorded one, else
        VaultFormatError (the caller then removes what it wrote). Records nothing: the caller records what
        the copy was for, in its own unit of work."""
        item = self._visible(item_id)
        blob_id, blob_key = self._kept_key(item)
        reading = _Reading(item.size or 0, progress, cancelled)
        with self._plaintext(item, blob_id, blob_key) as chunks:
            for chunk in chunks:
                reading.take(chunk)
                out.write(chunk)
        if reading.digest.hexdigest() != item.sha256:
            raise _file_changed(item)
        return item

    # --- custody ------------------------------------------------------------------------------------

    def hand_over(self, item_id: int, to: HandOver) -> CustodyEvent:
        """Record that the item (or a copy) went to someone: recipient, organization, purpose, reference."""
        recipient = to.recipient.strip()
        if not recipient:
            raise InputError(tr("Say to whom the evidence was handed over."))
        fields = {
            "recipient": recipient,
            "organization": to.organization.strip(),
            "purpose": to.purpose.strip(),
            "reference": to.reference.strip(),
        }
        if any(len(v) > MAX_SHORT_TEXT for v in fields.values()):
            raise InputError(tr("A field is too long (at most {count} characters).").format(count=MAX_SHORT_TEXT))
        return self._event(item_id, CustodyEventKind.HANDED_OVER, AuditAction.EVIDENCE_HANDED_OVER, fields)

    def record_return(self, item_id: int, returned_by: str, note: str = "") -> CustodyEvent:
        """Record that what was handed over came back (from ``returned_by``)."""
        who = returned_by.strip()
        if not who:
            raise InputError(tr("Say who returned the evidence."))
        if len(who) > MAX_SHORT_TEXT:
            raise InputError(tr("A field is too long (at most {count} characters).").format(count=MAX_SHORT_TEXT))
        check_text_lengths([note])
        fields = {"returned_by": who, "note": note.strip()}
        return self._event(item_id, CustodyEventKind.RETURNED, AuditAction.EVIDENCE_RETURNED, fields)

    def _event(
        self, item_id: int, kind: CustodyEventKind, action: AuditAction, details: dict[str, str]
    ) -> CustodyEvent:
        session = self._session
        with session.write():
            item = self._visible(item_id)
            event = self._custody.append(
                item.id, session.clock.now(), session.user.name, kind, {k: v for k, v in details.items() if v}
            )
            session.log(action, "evidence", str(item.id), {"case": str(item.case_id)})
            return event

    def destroy(self, item_id: int, reason: str = "") -> EvidenceRecord:
        """Destroy the item's file: its key is deleted (crypto-shredding) and then the blob.

        The record, its SHA-256 and its custody log stay, with a ``destroyed`` event, so it can still be
        shown what was held and when it went. A copy of the blob kept anywhere is unreadable from now on,
        unless the key was copied too (an older backup holds both).
        """
        session = self._session
        reason = reason.strip()
        check_text_lengths([reason])
        with session.write() as uow:
            item = self._visible(item_id)
            if item.destroyed:
                raise InputError(tr("Evidence item {item} was destroyed already.").format(item=item.label))
            blob = self._items.blob(item_id)
            now = session.clock.now()
            self._items.shred(item_id, now)
            details = {"file": "shredded" if blob else "none kept"}
            if reason:
                details["reason"] = reason
            self._custody.append(item_id, now, session.user.name, CustodyEventKind.DESTROYED, details)
            record_change(session, item.case_id, "evidence", item_id, {"destroyed": ("no", "yes")})
            session.log(AuditAction.EVIDENCE_DESTROYED, "evidence", str(item_id), {"case": str(item.case_id)})
            if blob is not None:
                blob_id = blob[0]
                uow.on_commit(lambda: self._store.delete(blob_id))
                uow.on_commit(self._forget_old_pages)
        return self.get(item_id)

    def _forget_old_pages(self) -> None:
        """Checkpoint and empty the write-ahead log, whose old pages still hold the shredded key.

        ``secure_delete`` overwrote it in the database's own pages; another connection reading at this
        moment may keep the log from being emptied, and later writes then overwrite those frames.
        """
        with contextlib.suppress(DatabaseError):
            self._session.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()

    # --- verifying ----------------------------------------------------------------------------------

    def verify(
        self,
        case_id: int | None = None,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> EvidenceReport:
        """Check the evidence of one case, or of every case this person may see.

        Each kept file is decrypted and its SHA-256 compared with the recorded one; every custody chain
        is walked; the SHA-256 of each item must be the one its ``hashed`` event recorded; and every item
        the audit log says was added must still be there. Kept files that pass or fail get a ``verified``
        custody event, and the run an audit row. A kept file of a case whose key this person does not
        hold is listed as not checked.
        """
        session = self._session
        if case_id is not None:
            require_case(session, case_id)
            case_ids = [case_id]
        else:
            owner = visible_to(session)
            cases = CaseRepository(session.conn)
            candidates = set(self._items.case_ids()) | set(_cases_given_evidence(session))
            case_ids = sorted(c for c in candidates if owner is None or cases.is_assigned(c, owner))
        numbers = CaseRepository(session.conn).numbers(case_ids)
        items = self._items.for_cases(case_ids)
        total = sum(i.size or 0 for i in items if i.stored)
        done = 0
        checks: list[ItemCheck] = []
        keys = CaseKeys(session)
        for item in items:
            problems = _record_problems(session, item)
            content_checked, unchecked = False, ""
            if item.stored:
                try:
                    problem = self._rehash_problem(item, keys, done, total, progress, cancelled)
                    content_checked = True
                    if problem:
                        problems.append(problem)
                except InputError as exc:  # no seal of the case key
                    unchecked = exc.message
                except VaultFormatError as exc:
                    problems.append(exc.message)
                done += item.size or 0
            number = numbers.get(item.case_id, str(item.case_id))
            checks.append(ItemCheck(item, number, tuple(problems), content_checked, unchecked))
        missing = _missing_items(session, case_ids, {i.id for i in items})
        report = EvidenceReport(tuple(checks), tuple(missing))
        # A damaged database may refuse the write; the report is what the person asked for.
        with contextlib.suppress(DatabaseError), session.write():
            now = session.clock.now()
            for check in checks:
                if check.content_checked:
                    result = {"result": "ok" if check.ok else "failed"}
                    self._custody.append(check.item.id, now, session.user.name, CustodyEventKind.VERIFIED, result)
            session.log(
                AuditAction.EVIDENCE_VERIFIED,
                "case" if case_id is not None else "evidence",
                str(case_id) if case_id is not None else "",
                {"items": str(len(checks)), "failed": str(len(report.failures) + len(report.missing))},
            )
        return report

    def _rehash_problem(
        self,
        item: EvidenceItem,
        keys: CaseKeys,
        before: int,
        total: int,
        progress: Progress | None,
        cancelled: Cancelled | None,
    ) -> str | None:
        """Decrypt the kept file and hash it again; what is wrong with it, or None."""
        blob = self._items.blob(item.id)
        assert blob is not None
        blob_id, wrapped = blob
        blob_key = keys.open_evidence_key(item.case_id, blob_id, wrapped)
        digest = hashlib.sha256()
        size = 0
        try:
            with self._store.open(blob_id) as handle:
                for chunk in decrypt_stream(handle, blob_key, bytes.fromhex(blob_id)):
                    if cancelled is not None and cancelled():
                        raise _cancelled()
                    digest.update(chunk)
                    size += len(chunk)
                    if progress is not None:
                        progress(before + size, max(total, before + size))
        except FileNotFoundError:
            return tr("its file is missing from the vault folder")
        except BlobDamage as damage:
            return damage_phrase(damage)
        if digest.hexdigest() != item.sha256 or size != item.size:
            return tr("its file no longer has the SHA-256 recorded when it was added")
        return None


def _record_problems(session: VaultSession, item: EvidenceItem) -> list[str]:
    """What the database alone says is wrong with an item: its custody chain and its recorded hash."""
    items, custody = EvidenceRepository(session.conn), CustodyLog(session.conn)
    problems: list[str] = []
    chain = custody.check_chain(item.id, items.custody_head(item.id))
    if chain:
        problems.append(chain)
    if item.sha256:
        hashed = [e for e in custody.events(item.id) if e.kind is CustodyEventKind.HASHED]
        if not hashed or hashed[0].details.get("sha256") != item.sha256:
            problems.append(tr("its SHA-256 is not the one its custody log recorded"))
    return problems


def _cases_given_evidence(session: VaultSession) -> list[int]:
    """Cases the audit log says got evidence (so a case whose every item was deleted is checked too)."""
    found: set[int] = set()
    for entry in AuditRepository(session.conn).of_action(AuditAction.EVIDENCE_ADDED.value):
        with contextlib.suppress(KeyError, ValueError):
            found.add(int(entry.details["case"]))
    return sorted(found)


def _missing_items(session: VaultSession, case_ids: list[int], present: set[int]) -> list[MissingItem]:
    """Items of ``case_ids`` the audit log says were added and are not in ``present``."""
    wanted = set(case_ids)
    numbers = CaseRepository(session.conn).numbers(case_ids)
    missing: list[MissingItem] = []
    for entry in AuditRepository(session.conn).of_action(AuditAction.EVIDENCE_ADDED.value):
        try:
            case_id, item_id = int(entry.details["case"]), int(entry.target_id)
        except (KeyError, ValueError):
            continue
        if case_id in wanted and item_id not in present:
            missing.append(MissingItem(item_id, numbers.get(case_id, str(case_id)), entry.at, entry.actor))
    return missing


def evidence_problems(session: VaultSession) -> tuple[int, list[str]]:
    """For the whole-vault ``verify``: (items checked, one phrase per problem), from the database and the
    folder alone: custody chains, recorded hashes, kept files present, items the audit log lists.

    Needs no case key (administrators run it); decrypting and hashing the files again is
    :meth:`EvidenceService.verify`'s work.
    """
    repo = EvidenceRepository(session.conn)
    items = repo.all()
    store = BlobStore(session.paths.blobs)
    case_ids = sorted({i.case_id for i in items} | set(_cases_given_evidence(session)))
    numbers = CaseRepository(session.conn).numbers(case_ids)
    problems: list[str] = []
    for item in items:
        found = _record_problems(session, item)
        blob = repo.blob(item.id)
        if blob is not None and not store.exists(blob[0]):
            found.append(tr("its file is missing from the vault folder"))
        if found:
            name = tr("case {number}, item {item}").format(
                number=numbers.get(item.case_id, item.case_id), item=item.label
            )
            problems.append(f"{name}: {'; '.join(found)}")
    problems += EvidenceReport((), tuple(_missing_items(session, case_ids, {i.id for i in items}))).problems()
    return len(items), problems
