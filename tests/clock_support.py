"""Freezing the clock a session's services read (``session.clock``), for tests whose dates are fixed."""

from __future__ import annotations

from datetime import date

from safecase.services.clock import FrozenClock
from safecase.services.session import VaultSession


def frozen(session: VaultSession, day: date) -> VaultSession:
    """``session`` with its clock frozen at noon (local time) on ``day`` (left as it is when it already
    shows that day), so every service built on it sees ``day`` as today."""
    if not isinstance(session.clock, FrozenClock) or session.clock.today() != day:
        session.clock = FrozenClock.on(day)
    return session
