"""What an evidence packet says about its items: ``SHA256SUMS``, ``manifest.csv`` and the PDF's content.

Pure functions over the records (no storage, no Qt): :mod:`safecase.services.evidence_packet` gathers
the records and writes the files. File names in a packet are made here too.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

from safecase.domain.cases import SensitiveContact
from safecase.domain.evidence import CustodyEvent, EvidenceItem, EvidenceRecord, HandOver
from safecase.domain.users import DisplayNames
from safecase.i18n import tr
from safecase.reports.csv_writer import csv_bytes
from safecase.reports.document import Cell, Column, Document, Fields, Heading, Paragraph, Table
from safecase.services.labels import custody_detail_words, custody_event_label, evidence_kind_label

SUMS_NAME = "SHA256SUMS"
CSV_NAME = "manifest.csv"
PDF_NAME = "manifest.pdf"
RESERVED_NAMES = frozenset({SUMS_NAME.casefold(), CSV_NAME, PDF_NAME})
MAX_NAME_BYTES = 150
"""UTF-8 bytes of a file name in a packet (most file systems allow 255; a zip on Windows needs room for
the folder it is unpacked to)."""

_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class PacketEntry:
    """One item as the packet shows it: its number in the packet and, when its file is in it, the name."""

    number: int
    record: EvidenceRecord
    file_name: str
    """The original file's name in the packet ("" when the file is not in it: hash only, link)."""

    @property
    def item(self) -> EvidenceItem:
        return self.record.item


@dataclass(frozen=True)
class PacketHeader:
    case_number: str
    exported_at: datetime
    exported_by: str
    to: HandOver
    identity: SensitiveContact | None = None
    """Only when the person asked for it."""
    names: DisplayNames = field(default_factory=DisplayNames)
    """People's display names, for who did what in the printed custody logs."""


def safe_file_name(number: int, width: int, original: str, fallback: str) -> str:
    """``01_screenshot.png``: the packet number, then the original name without anything a file system
    or a shell trips over (path separators, control and Windows-reserved characters, leading dots,
    runs of spaces), cut to :data:`MAX_NAME_BYTES` keeping the extension. Unique by its number."""
    name = unicodedata.normalize("NFC", original)
    name = _UNSAFE.sub("_", name)
    name = _SPACES.sub("_", name).strip("._ ")
    if not name:
        name = fallback
    stem, dot, suffix = name.rpartition(".")
    if not dot or not stem or len(suffix) > 10:
        stem, suffix = name, ""
    prefix = f"{number:0{width}d}_"
    room = MAX_NAME_BYTES - len(prefix.encode()) - (len(suffix.encode()) + 1 if suffix else 0)
    stem = stem.encode()[:room].decode("utf-8", "ignore").rstrip("._ ") or fallback
    return prefix + stem + (f".{suffix}" if suffix else "")


def plan_entries(records: list[EvidenceRecord]) -> list[PacketEntry]:
    """Number the records 1, 2, … and name the files that go in (each name unique, ignoring case)."""
    width = max(2, len(str(len(records))))
    entries, taken = [], set(RESERVED_NAMES)
    for number, record in enumerate(records, 1):
        item = record.item
        name = ""
        if item.stored:
            name = safe_file_name(number, width, item.original_name, item.kind.value)
            assert name.casefold() not in taken  # the number makes every name unique
            taken.add(name.casefold())
        entries.append(PacketEntry(number, record, name))
    return entries


# --- SHA256SUMS -------------------------------------------------------------------------------------------


def sums_text(entries: list[PacketEntry]) -> bytes:
    """``<hash>  <name>`` per file in the packet, as ``sha256sum`` writes it and ``sha256sum -c`` reads it."""
    return "".join(f"{e.item.sha256}  {e.file_name}\n" for e in entries if e.file_name).encode()


# --- manifest.csv -------------------------------------------------------------------------------------------


def when(at: datetime | None) -> str:
    """A moment in this computer's time zone with its offset, to the second (``2026-01-15 10:30:00 +09:00``)."""
    if at is None:
        return ""
    return at.astimezone().isoformat(sep=" ", timespec="seconds")


def kept(item: EvidenceItem) -> str:
    if item.stored:
        return tr("file included")
    if item.sha256:
        return tr("HASH ONLY (file not held by the center)")
    return tr("link only")


def event_details(event: CustodyEvent) -> str:
    """``key=value; …`` as stored: manifest.csv is for machines and keeps the codes (the PDF has words)."""
    return "; ".join(f"{k}={v}" for k, v in sorted(event.details.items()))


def _event_words(event: CustodyEvent) -> str:
    """An event's details for people: each named, and worded where it is a code of ours."""
    return "\n".join(f"{name}: {value}" for name, value in custody_detail_words(event.details))


CSV_COLUMNS = (
    "record",
    "case_number",
    "item_no",
    "item_id",
    "file_in_packet",
    "kind",
    "kept",
    "description",
    "platform",
    "channel",
    "urls",
    "original_name",
    "size_bytes",
    "media_type",
    "sha256",
    "captured_by",
    "captured_at",
    "received_at",
    "received_from",
    "file_modified",
    "event_seq",
    "event_at",
    "event_actor",
    "event",
    "event_details",
    "event_hash",
)
IDENTITY_COLUMNS = ("survivor_name", "survivor_phone")


def manifest_csv(header: PacketHeader, entries: list[PacketEntry]) -> bytes:
    """One ``item`` row per item, then one ``custody`` row per event of its chain (full event hashes, so
    the chain can be recomputed); the survivor's name and phone only when asked for. Kinds, events and
    details stay codes (``handed_over``) in every language: the CSV is for machines, the PDF for people."""
    columns = CSV_COLUMNS + (IDENTITY_COLUMNS if header.identity is not None else ())
    rows: list[list[str]] = []

    def add(values: dict[str, str]) -> None:
        rows.append([values.get(column, "") for column in columns])

    for entry in entries:
        item = entry.item
        shared = {"case_number": header.case_number, "item_no": str(entry.number), "item_id": str(item.id)}
        values = {
            **shared,
            "record": "item",
            "file_in_packet": entry.file_name,
            "kind": item.kind.value,
            "kept": "stored" if item.stored else ("hash_only" if item.sha256 else "link"),
            "description": item.description,
            "platform": item.platform,
            "channel": item.channel,
            "urls": " ".join(item.urls),
            "original_name": item.original_name,
            "size_bytes": "" if item.size is None else str(item.size),
            "media_type": item.media_type,
            "sha256": item.sha256,
            "captured_by": item.captured_by,
            "captured_at": when(item.captured_at),
            "received_at": when(item.received_at),
            "received_from": item.received_from,
            "file_modified": when(item.file_times.modified),
        }
        if header.identity is not None:
            values["survivor_name"] = header.identity.real_name
            values["survivor_phone"] = header.identity.phone
        add(values)
        for event in entry.record.custody:
            add(
                {
                    **shared,
                    "record": "custody",
                    "event_seq": str(event.seq),
                    "event_at": when(event.at),
                    "event_actor": event.actor,
                    "event": event.kind.value,
                    "event_details": event_details(event),
                    "event_hash": event.hash,
                }
            )
    return csv_bytes(columns, rows)


# --- manifest.pdf -------------------------------------------------------------------------------------------


def _size(size: int | None) -> str:
    if size is None:
        return ""
    if size < 1024:
        return tr("{size} bytes").format(size=f"{size:,}")
    value, unit = size / 1024, "KiB"
    for bigger in ("MiB", "GiB"):
        if value < 1024:
            break
        value, unit = value / 1024, bigger
    return f"{value:.1f} {unit}\n" + tr("{size} bytes").format(size=f"{size:,}")


def _about(item: EvidenceItem) -> str:
    lines = [item.description]
    if item.platform:
        lines.append(tr("Platform: {platform}").format(platform=item.platform))
    if item.channel:
        lines.append(tr("Channel or group: {channel}").format(channel=item.channel))
    if item.received_at:
        received = tr("Received {at}").format(at=when(item.received_at))
        if item.received_from:
            received += " " + tr("from {who}").format(who=item.received_from)
        lines.append(received)
    return "\n".join(line for line in lines if line)


def _counts(entries: list[PacketEntry]) -> str:
    files = sum(1 for e in entries if e.item.stored)
    hash_only = sum(1 for e in entries if e.item.hash_only)
    links = len(entries) - files - hash_only
    return tr("{count} in all (files included: {files}; hash only: {hash_only}; links only: {links})").format(
        count=len(entries), files=files, hash_only=hash_only, links=links
    )


def manifest_document(header: PacketHeader, entries: list[PacketEntry]) -> Document:
    """The printable manifest: who, to whom and why; every item with its full SHA-256; each custody log."""
    to = header.to
    fields = [
        (tr("Case number"), header.case_number),
        (tr("Exported"), when(header.exported_at)),
        (tr("Exported by"), header.exported_by),
        (tr("Recipient"), to.recipient),
        (tr("Organization"), to.organization),
        (tr("Purpose"), to.purpose),
        (tr("Reference"), to.reference),
        (tr("Items"), _counts(entries)),
    ]
    if header.identity is not None:
        fields.append((tr("Survivor's name"), header.identity.real_name or tr("(not recorded)")))
        fields.append((tr("Survivor's phone"), header.identity.phone or tr("(not recorded)")))
    blocks: list[Heading | Paragraph | Fields | Table] = [
        Fields(tuple((label, value) for label, value in fields if value)),
        Paragraph(
            tr(
                "The files in this packet are the original bytes the center received, decrypted from its vault "
                "and checked against the SHA-256 recorded when each was received. To check them again, run "
                "“sha256sum -c SHA256SUMS” in the packet's folder: every line must end in OK. A hash-only item "
                "was never kept by the center; its SHA-256 identifies the same file found elsewhere. "
                "manifest.csv holds the same items and every custody event with its chain hash."
            ),
            small=True,
        ),
        Heading(tr("Items")),
    ]
    columns = (
        Column(tr("No."), 0.5),
        Column(tr("File in packet or link"), 2.7),
        Column(tr("Kind"), 1.1),
        Column(tr("Size"), 1.2),
        Column(tr("Kept"), 1.3),
        Column(tr("Description"), 4.2),
    )
    rows: list[tuple[Cell, ...]] = []
    for entry in entries:
        item = entry.item
        shown = entry.file_name or item.original_name or (item.urls[0] if item.urls else "")
        rows.append(
            (
                Cell(str(entry.number), bold=True),
                Cell(shown),
                Cell(evidence_kind_label(item.kind)),
                Cell(_size(item.size)),
                Cell(kept(item), bold=item.hash_only),
                Cell(_about(item)),
            )
        )
        if item.sha256:
            rows.append((Cell(f"SHA-256  {item.sha256}", span=len(columns), mono=True),))
        if item.urls and (entry.file_name or len(item.urls) > 1 or item.original_name):
            rows.append((Cell(tr("Links: {urls}").format(urls="\n".join(item.urls)), span=len(columns)),))
    blocks.append(Table(columns, tuple(rows)))
    blocks.append(Heading(tr("Chain of custody")))
    blocks.append(
        Paragraph(
            tr("Every event recorded for each item, oldest first; times in this computer's time zone."), small=True
        )
    )
    custody_columns = (
        Column(tr("#"), 0.4),
        Column(tr("When"), 2.2),
        Column(tr("By"), 1.3),
        Column(tr("Event"), 1.3),
        Column(tr("Details"), 6.0),
    )
    for entry in entries:
        item = entry.item
        blocks.append(
            Heading(
                tr("No. {number}: {name} (item #{id})").format(
                    number=entry.number, name=entry.file_name or item.label.partition(" ")[2], id=item.id
                ),
                level=3,
            )
        )
        blocks.append(
            Table(
                custody_columns,
                tuple(
                    (
                        Cell(str(e.seq)),
                        Cell(when(e.at)),
                        Cell(header.names.of(e.actor)),
                        Cell(custody_event_label(e.kind)),
                        Cell(_event_words(e)),
                    )
                    for e in entry.record.custody
                ),
                small=True,
            )
        )
    title = tr("Evidence packet — case {number}").format(number=header.case_number)
    return Document(
        title,
        tuple(blocks),
        footer=tr("Evidence packet, case {number}").format(number=header.case_number),
        metadata={"creator": "SafeCase"},
    )
