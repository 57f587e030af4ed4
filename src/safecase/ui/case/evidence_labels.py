"""Words for evidence items and their custody events, as the Evidence tab (and later exports) show them."""

from __future__ import annotations

import contextlib
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from safecase.domain.evidence import CustodyEvent, CustodyEventKind, EvidenceItem, EvidenceKind


def kind_label(kind: EvidenceKind | str) -> str:
    labels = {
        EvidenceKind.SCREENSHOT: QCoreApplication.translate("Evidence", "Screenshot"),
        EvidenceKind.IMAGE: QCoreApplication.translate("Evidence", "Image"),
        EvidenceKind.VIDEO: QCoreApplication.translate("Evidence", "Video"),
        EvidenceKind.AUDIO: QCoreApplication.translate("Evidence", "Audio"),
        EvidenceKind.CHAT_EXPORT: QCoreApplication.translate("Evidence", "Chat export"),
        EvidenceKind.DOCUMENT: QCoreApplication.translate("Evidence", "Document"),
        EvidenceKind.URL_ONLY: QCoreApplication.translate("Evidence", "Link only"),
    }
    try:
        return labels[EvidenceKind(kind)]
    except ValueError:
        return str(kind)


def event_label(kind: CustodyEventKind | str) -> str:
    labels = {
        CustodyEventKind.RECEIVED: QCoreApplication.translate("Evidence", "Received"),
        CustodyEventKind.HASHED: QCoreApplication.translate("Evidence", "Hashed"),
        CustodyEventKind.STORED: QCoreApplication.translate("Evidence", "Stored encrypted"),
        CustodyEventKind.VIEWED: QCoreApplication.translate("Evidence", "Viewed"),
        CustodyEventKind.EXPORTED: QCoreApplication.translate("Evidence", "Copy saved"),
        CustodyEventKind.HANDED_OVER: QCoreApplication.translate("Evidence", "Handed over"),
        CustodyEventKind.RETURNED: QCoreApplication.translate("Evidence", "Returned"),
        CustodyEventKind.VERIFIED: QCoreApplication.translate("Evidence", "Verified"),
        CustodyEventKind.DESTROYED: QCoreApplication.translate("Evidence", "Destroyed"),
    }
    try:
        return labels[CustodyEventKind(kind)]
    except ValueError:
        return str(kind)


def moment(value: datetime | None) -> str:
    """A stored time in this computer's time zone, to the minute."""
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value else ""


def size_text(size: int | None) -> str:
    if size is None:
        return ""
    if size < 1024:
        return QCoreApplication.translate("Evidence", "{count} bytes").format(count=size)
    value = float(size)
    for unit in ("KB", "MB", "GB"):
        value /= 1024
        if value < 1024 or unit == "GB":
            return f"{value:.1f} {unit}" if value < 100 else f"{value:.0f} {unit}"
    return str(size)


def short_hash(sha256: str) -> str:
    """The first 12 hex digits, enough to tell items apart on screen (the full hash is in the tooltip)."""
    return f"{sha256[:12]}…" if sha256 else ""


def item_name(item: EvidenceItem) -> str:
    """What a list row calls the item: its file name, else its first link."""
    return item.original_name or (item.urls[0] if item.urls else "")


def keeping_label(item: EvidenceItem) -> str:
    """How the item is held: its file kept encrypted, only its hash, only a link, or destroyed."""
    if item.destroyed:
        return QCoreApplication.translate("Evidence", "Destroyed {day}").format(day=moment(item.destroyed_at)[:10])
    if item.stored:
        return QCoreApplication.translate("Evidence", "Stored, encrypted")
    if item.sha256:
        return QCoreApplication.translate("Evidence", "Hash only")
    return QCoreApplication.translate("Evidence", "Link")


def perceptual_label(item: EvidenceItem) -> str:
    """What re-upload detection holds for the item."""
    if item.perceptual_hash:
        return QCoreApplication.translate("Evidence", "dHash {value} (finds resized or re-compressed copies)").format(
            value=item.perceptual_hash
        )
    if item.perceptual_hash == "" and item.sha256:
        return QCoreApplication.translate("Evidence", "SHA-256 only (not an image SafeCase can read)")
    return ""


def _detail_names() -> dict[str, str]:
    return {
        "received_at": QCoreApplication.translate("Evidence", "Received"),
        "from": QCoreApplication.translate("Evidence", "From"),
        "name": QCoreApplication.translate("Evidence", "File"),
        "urls": QCoreApplication.translate("Evidence", "Links"),
        "algorithm": QCoreApplication.translate("Evidence", "Algorithm"),
        "size": QCoreApplication.translate("Evidence", "Bytes"),
        "encryption": QCoreApplication.translate("Evidence", "Encryption"),
        "chunk_size": QCoreApplication.translate("Evidence", "Chunk"),
        "note": QCoreApplication.translate("Evidence", "Note"),
        "recipient": QCoreApplication.translate("Evidence", "To"),
        "organization": QCoreApplication.translate("Evidence", "Organization"),
        "purpose": QCoreApplication.translate("Evidence", "Purpose"),
        "reference": QCoreApplication.translate("Evidence", "Reference"),
        "returned_by": QCoreApplication.translate("Evidence", "Returned by"),
        "result": QCoreApplication.translate("Evidence", "Result"),
        "file": QCoreApplication.translate("Evidence", "File"),
        "reason": QCoreApplication.translate("Evidence", "Reason"),
    }


def event_details(event: CustodyEvent, *, full: bool = False) -> str:
    """An event's details on one line; hashes shortened unless ``full`` (for the tooltip)."""
    names = _detail_names()
    parts: list[str] = []
    for key, value in event.details.items():
        if key == "sha256":
            parts.append(f"SHA-256 {value if full else short_hash(value)}")
            continue
        if key == "algorithm" and "sha256" in event.details:
            continue  # said by the hash itself
        if key == "chunk_size" and value.isdigit():
            value = size_text(int(value))
        if key == "received_at":
            with contextlib.suppress(ValueError):
                value = moment(datetime.fromisoformat(value))
        parts.append(f"{names.get(key, key)}: {value}")
    return " · ".join(parts)
