"""How the Evidence tab shows evidence items and their custody events: times, sizes, hashes, details.

The words for the codes (an item's kind, an event, a detail's name) come from :mod:`safecase.services.labels`,
which the command line and the evidence packet's PDF use too.
"""

from __future__ import annotations

import contextlib
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from safecase.domain.evidence import CustodyEvent, EvidenceItem
from safecase.services.labels import custody_detail_label, custody_detail_value


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


def event_details(event: CustodyEvent, *, full: bool = False) -> str:
    """An event's details on one line; hashes shortened unless ``full`` (for the tooltip)."""
    parts: list[str] = []
    for key, value in event.details.items():
        if key == "sha256":
            parts.append(f"SHA-256 {value if full else short_hash(value)}")
            continue
        if key == "algorithm" and "sha256" in event.details:
            continue  # said by the hash itself
        if key == "chunk_size" and value.isdigit():
            value = size_text(int(value))
        elif key == "received_at":
            with contextlib.suppress(ValueError):
                value = moment(datetime.fromisoformat(value))
        else:
            value = custody_detail_value(key, value)
        parts.append(f"{custody_detail_label(key)}: {value}")
    return " · ".join(parts)
