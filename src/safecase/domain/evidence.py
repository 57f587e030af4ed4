"""Evidence items of a case and their chain of custody.

An item is what the center received: a file (screenshot, image, video, audio, chat export, document) or
only a link. For a file, the SHA-256 of its exact original bytes is what proves later that a copy
shown to the police or found on a platform is the same file. The file itself may be kept (encrypted,
``stored``) or not (``hash-only``: the center must not hold the material, but the hash and the metadata
still identify it). Destroying an item shreds its file and keeps the record, the hash and the custody
log: who had it, when, and that it was destroyed.

Every event on an item (received, hashed, stored, viewed, exported, handed over, returned, verified,
destroyed) is a :class:`CustodyEvent`, hash-chained per item so that an edited or deleted event is
detected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

SHA256_HEX = re.compile(r"^[0-9a-f]{64}$")
MAX_URL_LENGTH = 2_000
MAX_URLS = 20
MAX_SHORT_TEXT = 500
"""Characters of a one-line field: platform, channel, original file name, who captured or sent it."""
NEAR_DUPLICATE_DISTANCE = 10
"""Most bits two 64-bit perceptual hashes may differ in for their images to count as the same picture
(a resized or re-compressed copy differs in a few; an unrelated image in about 32)."""
PERCEPTUAL_HASH = re.compile(r"^[0-9a-f]{16}$")


class EvidenceKind(StrEnum):
    SCREENSHOT = "screenshot"
    IMAGE = "image"
    VIDEO = "video"
    AUDIO = "audio"
    CHAT_EXPORT = "chat_export"
    DOCUMENT = "document"
    URL_ONLY = "url_only"


FILE_KINDS = frozenset(k for k in EvidenceKind if k is not EvidenceKind.URL_ONLY)


class CustodyEventKind(StrEnum):
    RECEIVED = "received"
    HASHED = "hashed"
    STORED = "stored"
    VIEWED = "viewed"
    EXPORTED = "exported"
    HANDED_OVER = "handed_over"
    RETURNED = "returned"
    VERIFIED = "verified"
    DESTROYED = "destroyed"


@dataclass(frozen=True)
class FileTimes:
    """The file's own timestamps as it reached SafeCase (UTC), each None where the system keeps none.

    ``modified`` is the content's last change (mtime). ``changed`` is the system's ctime: on Linux and
    macOS the last change of the file's metadata, on Windows its creation. ``created`` is the birth time
    where the system reports one separately (macOS, BSD). A file copied from a phone often carries the
    time of the copy, not of the capture: these record what the center received, nothing more.
    """

    modified: datetime | None = None
    changed: datetime | None = None
    created: datetime | None = None


@dataclass(frozen=True)
class EvidenceDetails:
    """What a person says about an item when adding it (everything but the file itself).

    ``kind`` None: guessed from the file's media type (an image unless it is a screenshot, which only
    a person can tell).
    """

    kind: EvidenceKind | None = None
    description: str = ""
    platform: str = ""
    urls: tuple[str, ...] = ()
    channel: str = ""
    """The channel, chat room or group the material was posted in."""
    captured_by: str = ""
    captured_at: datetime | None = None
    received_at: datetime | None = None
    """When the center received it; None: now."""
    received_from: str = ""
    notes: str = ""


@dataclass(frozen=True)
class EvidenceItem:
    id: int
    case_id: int
    kind: EvidenceKind
    description: str
    platform: str
    urls: tuple[str, ...]
    channel: str
    original_name: str
    size: int | None
    """Bytes of the original file; None for a link."""
    media_type: str
    captured_by: str
    captured_at: datetime | None
    received_at: datetime | None
    received_from: str
    notes: str
    sha256: str
    """Lowercase hex of the original bytes; empty for a link."""
    file_times: FileTimes
    stored: bool
    """Whether the file is kept, encrypted, in the vault."""
    destroyed_at: datetime | None
    perceptual_hash: str | None
    """Set by image intake: None not computed (yet); "" none possible (a format Qt cannot decode)."""
    created_at: datetime
    created_by: str

    @property
    def destroyed(self) -> bool:
        return self.destroyed_at is not None

    @property
    def hash_only(self) -> bool:
        """A file the center identifies by its hash without keeping it."""
        return bool(self.sha256) and not self.stored and not self.destroyed

    @property
    def label(self) -> str:
        """How messages name the item: ``#12 chat.png`` (its number and original name, or its first link)."""
        name = self.original_name or (self.urls[0] if self.urls else self.kind.value)
        return f"#{self.id} {name}"


@dataclass(frozen=True)
class HandOver:
    """To whom a copy or the original went, and why: a custody event's details."""

    recipient: str
    organization: str = ""
    purpose: str = ""
    reference: str = ""
    """Their reference or case number (a police report number, a receipt)."""


@dataclass(frozen=True)
class CustodyEvent:
    id: int
    item_id: int
    seq: int
    """1, 2, 3 … per item: the event's place in the item's chain."""
    kind: CustodyEventKind
    at: datetime
    actor: str
    details: dict[str, str] = field(default_factory=dict)
    prev_hash: str = ""
    hash: str = ""


@dataclass(frozen=True)
class NearDuplicate:
    """An item already in the vault that a newly added one matches: the same file, or the same picture."""

    item: EvidenceItem
    case_number: str
    same_file: bool
    """Byte for byte the same file (the same SHA-256)."""
    distance: int | None
    """Bits the perceptual hashes differ in; None when either has none (only the SHA-256 matched)."""


@dataclass(frozen=True)
class EvidenceRecord:
    """An item with its custody log, oldest event first (what a list or an export shows)."""

    item: EvidenceItem
    custody: tuple[CustodyEvent, ...]


def kind_for_media_type(media_type: str) -> EvidenceKind:
    """The kind a file of ``media_type`` most likely is; a person corrects it (a screenshot is an image)."""
    major = media_type.split("/", 1)[0]
    if major == "image":
        return EvidenceKind.IMAGE
    if major == "video":
        return EvidenceKind.VIDEO
    if major == "audio":
        return EvidenceKind.AUDIO
    return EvidenceKind.DOCUMENT


# Leading bytes of the formats evidence arrives in most often; the content decides, not the file name.
_SIGNATURES: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\x89PNG\r\n\x1a\n", "image/png"),
    (0, b"\xff\xd8\xff", "image/jpeg"),
    (0, b"GIF87a", "image/gif"),
    (0, b"GIF89a", "image/gif"),
    (0, b"BM", "image/bmp"),
    (0, b"%PDF-", "application/pdf"),
    (0, b"PK\x03\x04", "application/zip"),
    (0, b"OggS", "audio/ogg"),
    (0, b"ID3", "audio/mpeg"),
    (0, b"\x1a\x45\xdf\xa3", "video/webm"),
)
_FTYP_BRANDS = {
    b"heic": "image/heic",
    b"heix": "image/heic",
    b"mif1": "image/heif",
    b"avif": "image/avif",
    b"qt  ": "video/quicktime",
    b"M4A ": "audio/mp4",
}


def sniff_media_type(head: bytes) -> str:
    """The media type the first bytes of a file show, or "" when they show none this knows."""
    for offset, magic, media_type in _SIGNATURES:
        if head[offset : offset + len(magic)] == magic:
            return media_type
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "audio/wav"
    if head[4:8] == b"ftyp":
        return _FTYP_BRANDS.get(head[8:12], "video/mp4")
    return ""


def clean_url(text: str) -> str | None:
    """A link as given, trimmed; None when it is empty, too long, or holds spaces or control characters."""
    url = text.strip()
    if not url or len(url) > MAX_URL_LENGTH or any(ch.isspace() or ord(ch) < 32 for ch in url):
        return None
    return url


def is_sha256(text: str) -> bool:
    return bool(SHA256_HEX.match(text))


def hash_distance(first: str, second: str) -> int | None:
    """Bits two perceptual hashes (16 hex digits each) differ in; None unless both are hashes."""
    if not (PERCEPTUAL_HASH.match(first) and PERCEPTUAL_HASH.match(second)):
        return None
    return (int(first, 16) ^ int(second, 16)).bit_count()
