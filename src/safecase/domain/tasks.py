"""Follow-ups: created by hand, for referrals, and for contacts marked "follow-up needed"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class TaskKind(StrEnum):
    MANUAL = "manual"
    REFERRAL_FOLLOW_UP = "referral_follow_up"
    CONTACT_FOLLOW_UP = "contact_follow_up"


@dataclass(frozen=True)
class Task:
    id: int
    case_id: int | None
    kind: TaskKind
    title: str
    due_on: date
    owner: str
    done_at: datetime | None
    referral_id: int | None = None
    contact_id: int | None = None

    @property
    def done(self) -> bool:
        return self.done_at is not None

    def is_overdue(self, today: date) -> bool:
        return not self.done and self.due_on < today

    def is_due(self, today: date) -> bool:
        """Due today or earlier and not done: what belongs on the Today view."""
        return not self.done and self.due_on <= today


@dataclass(frozen=True)
class HistoryEntry:
    """One field changed on one record of a case: who, when, from what to what."""

    id: int
    case_id: int
    at: datetime
    actor: str
    record_type: str
    record_id: int
    field: str
    old_value: str
    new_value: str
