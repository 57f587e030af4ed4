"""Take-down requests: a post or link reported for removal, where, and what became of it.

One entry per place a URL was reported (a platform, the Korea Communications Standards Commission,
the Digital Sex Crime Victim Support Center, the police, elsewhere). Its status moves through found,
reported, acknowledged, removed or refused; every change is kept with its date, so the days from report
to removal can be counted. Material that comes back after removal gets a new entry, ``reappeared``,
linked to the earlier one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class ReportedTo(StrEnum):
    PLATFORM = "platform"
    KCSC = "kcsc"
    """Korea Communications Standards Commission (방송통신심의위원회)."""
    DSC = "dsc"
    """Digital Sex Crime Victim Support Center (디지털성범죄피해자지원센터)."""
    POLICE = "police"
    OTHER = "other"


class TakedownStatus(StrEnum):
    FOUND = "found"
    REPORTED = "reported"
    ACKNOWLEDGED = "acknowledged"
    REMOVED = "removed"
    REFUSED = "refused"
    REAPPEARED = "reappeared"


# Statuses in which the center still waits for the material to come down.
OPEN_STATUSES = frozenset(
    {TakedownStatus.FOUND, TakedownStatus.REPORTED, TakedownStatus.ACKNOWLEDGED, TakedownStatus.REAPPEARED}
)


@dataclass(frozen=True)
class Takedown:
    id: int
    case_id: int
    evidence_id: int | None
    """The evidence item the URL belongs to, when there is one."""
    url: str
    platform: str
    reported_to: ReportedTo
    reported_on: date | None
    reference: str
    """The number the platform or agency gave the report."""
    status: TakedownStatus
    status_on: date
    """When the current status was reached."""
    recheck_on: date | None
    reappeared_from: int | None
    """The earlier entry this material was removed under, for a ``reappeared`` one."""
    notes: str
    created_at: datetime
    created_by: str
    updated_at: datetime

    @property
    def open(self) -> bool:
        return self.status in OPEN_STATUSES


@dataclass(frozen=True)
class TakedownStatusChange:
    """One step of an entry's history: the status it reached and on which day."""

    takedown_id: int
    status: TakedownStatus
    on: date
    note: str
    recorded_at: datetime
    recorded_by: str
