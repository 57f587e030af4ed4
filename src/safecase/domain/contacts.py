"""The contact log: every call, chat, visit, e-mail or messenger conversation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class Channel(StrEnum):
    PHONE = "phone"
    CHAT = "chat"
    MESSENGER = "messenger"
    EMAIL = "email"
    VISIT = "visit"
    OTHER = "other"


class Direction(StrEnum):
    INBOUND = "inbound"
    OUTBOUND = "outbound"


class CallerType(StrEnum):
    SURVIVOR = "survivor"
    FAMILY = "family"
    FRIEND = "friend"
    COLLEAGUE = "colleague"
    OFFICER = "officer"
    ANONYMOUS = "anonymous"


@dataclass(frozen=True)
class Contact:
    id: int
    case_id: int | None
    at: datetime
    channel: Channel
    direction: Direction
    duration_minutes: int | None
    caller_type: CallerType
    counselor: str
    summary: str
    follow_up_needed: bool
    follow_up_due: date | None
