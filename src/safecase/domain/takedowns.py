"""Take-down requests: a post or link reported for removal, where, and what became of it.

One entry per place a URL was reported (a platform, the Korea Communications Standards Commission,
the Digital Sex Crime Victim Support Center, the police, elsewhere). Its status moves through found,
reported, acknowledged, removed or refused; every change is kept with its date, so the days from report
to removal can be counted. Material that comes back after removal gets a new entry, ``reappeared``,
linked to the earlier one.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
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
CLOSED_STATUSES = frozenset({TakedownStatus.REMOVED, TakedownStatus.REFUSED})

SETTABLE_STATUSES = (
    TakedownStatus.FOUND,
    TakedownStatus.REPORTED,
    TakedownStatus.ACKNOWLEDGED,
    TakedownStatus.REMOVED,
    TakedownStatus.REFUSED,
)
"""What an entry's status may be changed to; ``reappeared`` is a new entry of its own, never a change."""

DEFAULT_RECHECK_DAYS = 7
"""A new report is checked again a week later unless the person chooses another day (the app and the CLI)."""


class TakedownScope(StrEnum):
    """Which entries a list shows: those still waiting for removal, those settled, or every one."""

    OPEN = "open"
    CLOSED = "closed"
    ALL = "all"

    @property
    def statuses(self) -> frozenset[TakedownStatus]:
        if self is TakedownScope.OPEN:
            return OPEN_STATUSES
        if self is TakedownScope.CLOSED:
            return CLOSED_STATUSES
        return frozenset(TakedownStatus)


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

    def due(self, today: date) -> bool:
        """Whether it is open and its re-check day has come (or passed)."""
        return self.open and self.recheck_on is not None and self.recheck_on <= today

    def overdue(self, today: date) -> bool:
        """Whether it is open and its re-check day has passed."""
        return self.open and self.recheck_on is not None and self.recheck_on < today


@dataclass(frozen=True)
class TakedownStatusChange:
    """One step of an entry's history: the status it reached and on which day."""

    takedown_id: int
    status: TakedownStatus
    on: date
    note: str
    recorded_at: datetime
    recorded_by: str


@dataclass(frozen=True)
class Period:
    """Days from ``start`` to ``end``, both included (a report's month, quarter or year)."""

    start: date
    end: date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


@dataclass(frozen=True)
class RemovalFacts:
    """What the counts need of one entry (no URL, no case): its state and its days."""

    status: TakedownStatus
    status_on: date
    reported_on: date | None
    reported_to: ReportedTo
    reappeared_from: int | None
    first_on: date
    """The day of its first status (found, reported, or found again for a reappeared entry)."""


@dataclass(frozen=True)
class RemovalStats:
    """Take-downs in a period, for the reports: how many were reported, removed, refused, came back,
    and how many days removal took (from the report to the removal)."""

    period: Period
    reported: int
    """Entries whose report date falls in the period."""
    removed: int
    """Entries removed on a day in the period (their current status)."""
    refused: int
    reappeared: int
    """Entries of material found again, after a removal, on a day in the period."""
    days_to_removal: tuple[int, ...] = ()
    """Days from report to removal of each removal in the period that has a report date, smallest first."""
    removed_by_reported_to: dict[ReportedTo, int] = field(default_factory=dict)

    @property
    def median_days(self) -> float | None:
        """Median days from report to removal; None when no removal in the period had a report date."""
        return statistics.median(self.days_to_removal) if self.days_to_removal else None


def removal_stats(period: Period, facts: Iterable[RemovalFacts]) -> RemovalStats:
    """Count ``facts`` for ``period`` (pure: the service reads the facts of the cases a person may see)."""
    reported = removed = refused = reappeared = 0
    days: list[int] = []
    by_place: dict[ReportedTo, int] = {}
    for fact in facts:
        if fact.reported_on in period:
            reported += 1
        if fact.reappeared_from is not None and fact.first_on in period:
            reappeared += 1
        if fact.status_on not in period:
            continue
        if fact.status is TakedownStatus.REMOVED:
            removed += 1
            by_place[fact.reported_to] = by_place.get(fact.reported_to, 0) + 1
            if fact.reported_on is not None:
                days.append(max(0, (fact.status_on - fact.reported_on).days))
        elif fact.status is TakedownStatus.REFUSED:
            refused += 1
    return RemovalStats(period, reported, removed, refused, reappeared, tuple(sorted(days)), by_place)
