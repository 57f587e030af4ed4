"""Small converters between SQLite values and domain values."""

from __future__ import annotations

from datetime import date


def date_or_none(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def date_text(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def bool_or_none(value: int | None) -> bool | None:
    return None if value is None else bool(value)


def placeholders(count: int) -> str:
    return ",".join("?" * count)
