"""Words for evidence items and their custody events, as the Evidence tab (and later exports) show them."""

from __future__ import annotations

import contextlib
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from safecase.domain.evidence import CustodyEvent, CustodyEventKind, EvidenceItem, EvidenceKind

_CONTEXT = "Evidence"


def _t(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def kind_label(kind: EvidenceKind | str) -> str:
    labels = {
        EvidenceKind.SCREENSHOT: _t("Screenshot"),
        EvidenceKind.IMAGE: _t("Image"),
        EvidenceKind.VIDEO: _t("Video"),
        EvidenceKind.AUDIO: _t("Audio"),
        EvidenceKind.CHAT_EXPORT: _t("Chat export"),
        EvidenceKind.DOCUMENT: _t("Document"),
        EvidenceKind.URL_ONLY: _t("Link only"),
    }
    try:
        return labels[EvidenceKind(kind)]
    except ValueError:
        return str(kind)


def event_label(kind: CustodyEventKind | str) -> str:
    labels = {
        CustodyEventKind.RECEIVED: _t("Received"),
        CustodyEventKind.HASHED: _t("Hashed"),
        CustodyEventKind.STORED: _t("Stored encrypted"),
        CustodyEventKind.VIEWED: _t("Viewed"),
        CustodyEventKind.EXPORTED: _t("Copy saved"),
        CustodyEventKind.HANDED_OVER: _t("Handed over"),
        CustodyEventKind.RETURNED: _t("Returned"),
        CustodyEventKind.VERIFIED: _t("Verified"),
        CustodyEventKind.DESTROYED: _t("Destroyed"),
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
        return _t("{count} bytes").format(count=size)
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
        return _t("Destroyed {day}").format(day=moment(item.destroyed_at)[:10])
    if item.stored:
        return _t("Stored, encrypted")
    if item.sha256:
        return _t("Hash only")
    return _t("Link")


def perceptual_label(item: EvidenceItem) -> str:
    """What re-upload detection holds for the item."""
    if item.perceptual_hash:
        return _t("dHash {value} (finds resized or re-compressed copies)").format(value=item.perceptual_hash)
    if item.perceptual_hash == "" and item.sha256:
        return _t("SHA-256 only (not an image SafeCase can read)")
    return ""


def _detail_names() -> dict[str, str]:
    return {
        "received_at": _t("Received"),
        "from": _t("From"),
        "name": _t("File"),
        "urls": _t("Links"),
        "algorithm": _t("Algorithm"),
        "size": _t("Bytes"),
        "encryption": _t("Encryption"),
        "chunk_size": _t("Chunk"),
        "note": _t("Note"),
        "recipient": _t("To"),
        "organization": _t("Organization"),
        "purpose": _t("Purpose"),
        "reference": _t("Reference"),
        "returned_by": _t("Returned by"),
        "result": _t("Result"),
        "file": _t("File"),
        "reason": _t("Reason"),
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
