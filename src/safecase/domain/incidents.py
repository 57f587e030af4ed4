"""What happened: incident types (several per case), platforms, perpetrator relation, when and where."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class DatePrecision(StrEnum):
    EXACT = "exact"
    MONTH = "month"
    YEAR = "year"
    UNKNOWN = "unknown"


_PATTERNS = {
    DatePrecision.YEAR: re.compile(r"^\d{4}$"),
    DatePrecision.MONTH: re.compile(r"^\d{4}-(0[1-9]|1[0-2])$"),
    DatePrecision.EXACT: re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"),
}


def parse_approximate_date(text: str) -> tuple[DatePrecision, str] | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` → (precision, text); empty → unknown; else None."""
    text = text.strip()
    if not text:
        return DatePrecision.UNKNOWN, ""
    for precision, pattern in _PATTERNS.items():
        if pattern.match(text):
            if precision is DatePrecision.EXACT:
                try:
                    date.fromisoformat(text)
                except ValueError:
                    return None
            return precision, text
    return None


@dataclass(frozen=True)
class Incident:
    id: int
    case_id: int
    types: tuple[str, ...]
    platforms: tuple[str, ...]
    perpetrator_relation: str
    date_precision: DatePrecision
    date_value: str
    place_type: str
    description: str
