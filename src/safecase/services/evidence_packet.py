"""Evidence packets: a case's evidence, ready to hand to the police, a prosecutor or a lawyer.

A packet is a folder (or one .zip holding that folder) in a place the person chose:

- the original files of the items whose file the center keeps, decrypted and checked against the
  SHA-256 recorded when each was received, named ``01_<original name>`` (made safe for any file system);
- ``SHA256SUMS`` listing those files as ``sha256sum`` writes it, so ``sha256sum -c SHA256SUMS`` in the
  folder checks every one;
- ``manifest.csv`` (UTF-8 with BOM, formula-safe): each item's details and hashes, hash-only items and
  links too, and every custody event with its chain hash;
- ``manifest.pdf``: the same for people, with the recipient, purpose and reference, Korean text intact.

The case is named by its number only; the survivor's real name and phone go in only when the caller
asks (``include_identity``), and reading them is audit-logged as any reveal is.

Every item in the packet gets a ``handed_over`` custody event (recipient, organization, purpose,
reference, packet name), and the export an ``evidence.packet_exported`` audit row with its parameters and
the SHA-256 of the manifests (and of the zip), in one unit of work. The events are appended first, in
that unit of work, so the manifests end with the very hand-over they record.

Nothing goes anywhere but the chosen folder: files are decrypted straight into a staging folder (or
zip) created inside it, ``.<name>.<random>.partial``, and that is renamed to its final name just before
the unit of work commits; any failure or cancel removes the staging folder, and a commit that fails
after the rename removes the packet. The files are decrypted before the write transaction begins (a
large video must not hold the vault's write lock); only the manifests are written inside it.

The PDF comes from a :data:`~safecase.reports.document.PdfRenderer` the caller passes in (the CLI and
the GUI pass :func:`safecase.pdf.render_pdf`), since services do not use Qt.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from safecase.domain.audit import AuditAction
from safecase.domain.cases import SensitiveContact
from safecase.domain.errors import CancelledError, InputError
from safecase.domain.evidence import MAX_SHORT_TEXT, CustodyEventKind, EvidenceRecord, HandOver
from safecase.i18n import tr
from safecase.reports.document import PdfRenderer
from safecase.services.cases import CaseService
from safecase.services.casework_access import require_case
from safecase.services.evidence import Cancelled, EvidenceService, Progress
from safecase.services.evidence_manifest import (
    CSV_NAME,
    PDF_NAME,
    SUMS_NAME,
    PacketEntry,
    PacketHeader,
    manifest_csv,
    manifest_document,
    plan_entries,
    sums_text,
)
from safecase.services.people import display_names
from safecase.services.session import VaultSession
from safecase.vault.atomic import PRIVATE_FILE_MODE, fsync_dir
from safecase.vault.repositories.cases import CaseRepository
from safecase.vault.repositories.evidence import CustodyLog, EvidenceRepository

STAGING_SUFFIX = ".partial"
IDENTITY_REASON = "evidence packet"


@dataclass(frozen=True)
class PacketRequest:
    """What the person asked for."""

    recipient: str
    purpose: str
    organization: str = ""
    reference: str = ""
    item_ids: tuple[int, ...] | None = None
    """None: every item of the case that is not destroyed."""
    as_zip: bool = False
    include_identity: bool = False

    @property
    def hand_over(self) -> HandOver:
        return HandOver(self.recipient.strip(), self.organization.strip(), self.purpose.strip(), self.reference.strip())


@dataclass(frozen=True)
class PacketResult:
    path: Path
    """The packet folder, or the .zip."""
    item_ids: tuple[int, ...]
    files: int
    """Original files in the packet."""
    manifest_sha256: str
    """Of ``manifest.csv``."""
    pdf_sha256: str
    zip_sha256: str = ""

    def checksum_lines(self) -> list[str]:
        """``<hash>  <name>`` for the manifests (and the zip), as ``sha256sum`` prints them."""
        lines = [f"{self.manifest_sha256}  {CSV_NAME}", f"{self.pdf_sha256}  {PDF_NAME}"]
        if self.zip_sha256:
            lines.append(f"{self.zip_sha256}  {self.path.name}")
        return lines


def _cancelled() -> CancelledError:
    return CancelledError(tr("Cancelled. No packet was written."))


def _checked(request: PacketRequest) -> HandOver:
    to = request.hand_over
    if not to.recipient:
        raise InputError(tr("Say to whom the packet goes (the recipient)."))
    if not to.purpose:
        raise InputError(tr("Say what the packet is for (the purpose)."))
    if any(len(v) > MAX_SHORT_TEXT for v in (to.recipient, to.organization, to.purpose, to.reference)):
        raise InputError(tr("A field is too long (at most {count} characters).").format(count=MAX_SHORT_TEXT))
    return to


# --- where the files go ---------------------------------------------------------------------------------


class _Sink:
    """The staging folder or zip inside the chosen folder; renamed to ``final`` when the export commits."""

    def __init__(self, out_dir: Path, name: str, as_zip: bool, at: datetime) -> None:
        """``at``: the export's moment, the time every zip entry carries (zip keeps local time)."""
        self.final = out_dir / (f"{name}.zip" if as_zip else name)
        local = at.astimezone()
        self._zip_time = (local.year, local.month, local.day, local.hour, local.minute, local.second)
        self.zip_sha256 = ""
        self._zip: zipfile.ZipFile | None = None
        self._raw: BinaryIO | None = None
        self._hashing: _HashingWriter | None = None
        self._top = name
        self._renamed = False
        try:
            if as_zip:
                fd, staged = tempfile.mkstemp(prefix=f".{name}.", suffix=".zip" + STAGING_SUFFIX, dir=out_dir)
                self.stage = Path(staged)
                self._raw = os.fdopen(fd, "wb")
                self._hashing = _HashingWriter(self._raw)
                self._zip = zipfile.ZipFile(self._hashing, "w")
            else:
                self.stage = Path(tempfile.mkdtemp(prefix=f".{name}.", suffix=STAGING_SUFFIX, dir=out_dir))
        except OSError as exc:
            raise InputError(
                tr("The packet cannot be written to {path} ({reason}).").format(
                    path=out_dir, reason=exc.strerror or type(exc).__name__
                )
            ) from None

    @contextlib.contextmanager
    def file(self, name: str, size: int) -> Iterator[BinaryIO]:
        """A new file of the packet, open for writing; flushed to disk when the block ends."""
        if self._zip is not None:
            info = zipfile.ZipInfo(f"{self._top}/{name}", self._zip_time)
            info.compress_type = zipfile.ZIP_STORED  # photos and videos are compressed already
            info.file_size = size  # lets zipfile choose zip64 for a file over 2 GiB
            with self._zip.open(info, "w") as entry:
                yield entry  # type: ignore[misc]  # a writable binary stream
            return
        fd = os.open(
            self.stage / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), PRIVATE_FILE_MODE
        )
        with os.fdopen(fd, "wb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())

    def add(self, name: str, data: bytes) -> None:
        if self._zip is not None:
            info = zipfile.ZipInfo(f"{self._top}/{name}", self._zip_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            self._zip.writestr(info, data)
            return
        with self.file(name, len(data)) as out:
            out.write(data)

    def close(self) -> None:
        """Finish the zip (and note its SHA-256) or make the folder's entries durable."""
        if self._zip is not None and self._raw is not None and self._hashing is not None:
            self._zip.close()
            self._raw.flush()
            os.fsync(self._raw.fileno())
            self._raw.close()
            self.zip_sha256 = self._hashing.digest.hexdigest()
        else:
            fsync_dir(self.stage)

    def publish(self) -> None:
        """Rename the staging folder or zip to the packet's name (just before the commit)."""
        if self.final.exists():
            raise InputError(
                tr("{path} appeared while the packet was written; nothing was changed.").format(path=self.final)
            )
        os.replace(self.stage, self.final)
        self._renamed = True
        with contextlib.suppress(OSError):
            fsync_dir(self.final.parent)

    def discard(self) -> None:
        """Remove whatever was written: the staging folder or zip, or the packet once renamed."""
        if self._zip is not None:
            with contextlib.suppress(Exception):
                self._zip.close()
        if self._raw is not None:
            with contextlib.suppress(OSError):
                self._raw.close()
        target = self.final if self._renamed else self.stage
        if target.is_dir():
            shutil.rmtree(target, ignore_errors=True)
        else:
            with contextlib.suppress(FileNotFoundError):
                target.unlink()


class _HashingWriter:
    """Hashes every byte on its way to the zip file. It offers no ``tell``/``seek``, so zipfile writes
    the zip front to back (sizes in data descriptors) and the hash sees the file exactly as written."""

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self.digest = hashlib.sha256()

    def write(self, data: bytes) -> int:
        self.digest.update(data)
        return self._raw.write(data)

    def flush(self) -> None:
        self._raw.flush()

    def close(self) -> None:
        """The sink closes the file itself, after an fsync (zipfile never closes a file it was given)."""


# --- the service ------------------------------------------------------------------------------------------


class EvidencePacketService:
    """Packets of a case's evidence; the casework rule applies (a counselor her own cases, supervisors all)."""

    def __init__(self, session: VaultSession, render_pdf: PdfRenderer) -> None:
        self._session = session
        self._render_pdf = render_pdf

    def candidates(self, case_id: int) -> list[EvidenceRecord]:
        """The items a packet of the case may hold (every one not destroyed), oldest first."""
        records = EvidenceService(self._session).for_case(case_id)
        return [r for r in records if not r.item.destroyed]

    def _selected(self, case_id: int, item_ids: Sequence[int] | None) -> list[EvidenceRecord]:
        records = EvidenceService(self._session).for_case(case_id, log=False)
        if item_ids is None:
            chosen = [r for r in records if not r.item.destroyed]
        else:
            by_id = {r.item.id: r for r in records}
            wanted = list(dict.fromkeys(item_ids))
            unknown = [str(i) for i in wanted if i not in by_id]
            if unknown:
                raise InputError(
                    tr("Not evidence of this case: item {items}.").format(items=", ".join(f"#{i}" for i in unknown))
                )
            destroyed = [by_id[i].item.label for i in wanted if by_id[i].item.destroyed]
            if destroyed:
                raise InputError(
                    tr("Destroyed items cannot go into a packet: {items}.").format(items=", ".join(destroyed))
                )
            chosen = sorted((by_id[i] for i in wanted), key=lambda r: r.item.id)
        if not chosen:
            raise InputError(tr("There is no evidence to put in a packet: choose at least one item."))
        return chosen

    def _out_dir(self, out_dir: Path) -> Path:
        folder = out_dir.expanduser().absolute()
        if not folder.is_dir():
            raise InputError(
                tr("{path} is not a folder. Choose an existing folder for the packet.").format(path=folder)
            )
        if folder.resolve().is_relative_to(self._session.paths.root.resolve()):
            raise InputError(tr("A packet must not be kept inside the vault folder; choose another place."))
        return folder

    def _name(self, folder: Path, case_number: str, at: datetime, as_zip: bool) -> str:
        base = f"evidence-packet-{case_number}-{at.astimezone().strftime('%Y%m%d-%H%M%S')}"
        for attempt in range(1, 100):
            name = base if attempt == 1 else f"{base}-{attempt}"
            if not (folder / (f"{name}.zip" if as_zip else name)).exists():
                return name
        raise InputError(tr("Too many packets of this case in {path}; choose another folder.").format(path=folder))

    def export(
        self,
        case_id: int,
        out_dir: Path,
        request: PacketRequest,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> PacketResult:
        """Write the packet into ``out_dir`` (an existing folder the person chose) and record the hand-over.

        ``progress(done, total)`` counts bytes of original files decrypted; ``cancelled()`` is asked
        between chunks. A failure or a cancel leaves nothing in ``out_dir``.
        """
        session = self._session
        require_case(session, case_id)
        to = _checked(request)
        records = self._selected(case_id, request.item_ids)
        folder = self._out_dir(out_dir)
        case_number = CaseRepository(session.conn).numbers([case_id]).get(case_id, str(case_id))
        identity: SensitiveContact | None = None
        if request.include_identity:
            identity = CaseService(session).reveal(case_id, IDENTITY_REASON)
        entries = plan_entries(records)
        started = session.clock.now()
        name = self._name(folder, case_number, started, request.as_zip)
        sink = _Sink(folder, name, request.as_zip, started)
        try:
            self._write_files(sink, entries, progress, cancelled)
            if cancelled is not None and cancelled():
                raise _cancelled()
            return self._record(case_id, case_number, sink, entries, to, identity, request)
        except BaseException:
            sink.discard()
            raise

    def _write_files(
        self, sink: _Sink, entries: list[PacketEntry], progress: Progress | None, cancelled: Cancelled | None
    ) -> None:
        evidence = EvidenceService(self._session)
        total = sum(e.item.size or 0 for e in entries if e.file_name)
        done = 0
        for entry in entries:
            if not entry.file_name:
                continue
            if cancelled is not None and cancelled():
                raise _cancelled()
            before = done

            def report(part: int, _whole: int, before: int = before) -> None:
                if progress is not None:
                    progress(before + part, max(total, before + part))

            with sink.file(entry.file_name, entry.item.size or 0) as out:
                evidence.write_original(entry.item.id, out, progress=report, cancelled=cancelled)
            done += entry.item.size or 0
        sink.add(SUMS_NAME, sums_text(entries))

    def _record(
        self,
        case_id: int,
        case_number: str,
        sink: _Sink,
        entries: list[PacketEntry],
        to: HandOver,
        identity: SensitiveContact | None,
        request: PacketRequest,
    ) -> PacketResult:
        """In one unit of work: the hand-over events, the manifests (which show them), the audit row, and
        the rename of the packet into place just before the commit."""
        session = self._session
        with session.write() as uow:
            require_case(session, case_id)
            items, custody = EvidenceRepository(session.conn), CustodyLog(session.conn)
            now = session.clock.now()
            details = {
                "recipient": to.recipient,
                "organization": to.organization,
                "purpose": to.purpose,
                "reference": to.reference,
                "packet": sink.final.name,
            }
            details = {k: v for k, v in details.items() if v}
            current: list[PacketEntry] = []
            for entry in entries:
                item = items.get(entry.item.id)
                if item is None or item.destroyed or item.sha256 != entry.item.sha256:
                    raise InputError(
                        tr(
                            "Evidence item {item} changed while the packet was written; nothing was handed over."
                        ).format(item=entry.item.label)
                    )
                custody.append(item.id, now, session.user.name, CustodyEventKind.HANDED_OVER, details)
                record = EvidenceRecord(item, tuple(custody.events(item.id)))
                current.append(PacketEntry(entry.number, record, entry.file_name))
            user = session.user
            header = PacketHeader(
                case_number=case_number,
                exported_at=now,
                exported_by=f"{user.display_name} ({user.name})" if user.display_name else user.name,
                names=display_names(session),
                to=to,
                identity=identity,
            )
            csv_data = manifest_csv(header, current)
            pdf_data = self._render_pdf(manifest_document(header, current))
            sink.add(CSV_NAME, csv_data)
            sink.add(PDF_NAME, pdf_data)
            sink.close()
            result = PacketResult(
                path=sink.final,
                item_ids=tuple(e.item.id for e in entries),
                files=sum(1 for e in entries if e.file_name),
                manifest_sha256=hashlib.sha256(csv_data).hexdigest(),
                pdf_sha256=hashlib.sha256(pdf_data).hexdigest(),
                zip_sha256=sink.zip_sha256,
            )
            audit = {
                "case": str(case_id),
                "items": ",".join(str(i) for i in result.item_ids),
                "files": str(result.files),
                "format": "zip" if request.as_zip else "folder",
                "identity": "yes" if identity is not None else "no",
                "manifest_sha256": result.manifest_sha256,
                "pdf_sha256": result.pdf_sha256,
            }
            if result.zip_sha256:
                audit["zip_sha256"] = result.zip_sha256
            session.log(AuditAction.EVIDENCE_PACKET_EXPORTED, "case", str(case_id), audit)
            uow.before_commit(sink.publish)
            uow.on_rollback(sink.discard)
        return result
