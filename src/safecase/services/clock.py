"""The one clock services read the time from: ``session.clock``.

Services never call ``datetime.now()`` or ``date.today()`` themselves; they ask the session's clock,
and hand the moment to the repositories as a parameter. Tests freeze it (:class:`FrozenClock`), and
the demo moves one along to date synthetic records in the past.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current moment, timezone-aware, in UTC."""
        ...

    def today(self) -> date:
        """The current date where SafeCase runs (local time): what "due today" means to the person."""
        ...


class SystemClock:
    """The computer's clock."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def today(self) -> date:
        return date.today()


SYSTEM_CLOCK = SystemClock()
"""For work that has no session yet (creating a vault, signing in, a recovery-key reset, a restore)."""


class FrozenClock:
    """A clock that shows the moment it is set to, until it is set or advanced."""

    def __init__(self, moment: datetime) -> None:
        self._moment = _aware(moment).astimezone(UTC)

    @classmethod
    def on(cls, day: date, at: time = time(12, 0)) -> FrozenClock:
        """Frozen at ``at`` (local time) on ``day``."""
        return cls(datetime.combine(day, at).astimezone())

    def now(self) -> datetime:
        return self._moment

    def today(self) -> date:
        return self._moment.astimezone().date()

    def set(self, moment: datetime) -> None:
        self._moment = _aware(moment).astimezone(UTC)

    def advance(self, delta: timedelta) -> None:
        self._moment += delta

    def __repr__(self) -> str:
        return f"FrozenClock({self._moment.isoformat()})"


def _aware(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("a clock's moment carries its time zone")
    return moment
