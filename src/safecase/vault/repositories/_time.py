"""Timestamps are stored as UTC ISO-8601 text with microseconds, so they sort and compare as text.

Repositories never read the clock: the moment of a change is a parameter (services take it from
``session.clock``).
"""

from __future__ import annotations

from datetime import UTC, datetime


def to_text(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_text(text: str) -> datetime:
    return datetime.fromisoformat(text)
