"""Failed sign-ins, remembered outside the encrypted database so the delay survives a restart.

The database cannot be written before someone unlocks it, so failures are kept in a small JSON file
beside it: per slot id (a hash, never the typed name, which may be a mistyped password) the count of
consecutive failures and the time of the last one, plus a queue of failures not yet copied into the
audit log. The next successful sign-in moves the queue into the audit log and clears it.

This slows guessing through SafeCase itself; someone holding a copy of the files can attack the key
file offline, which is why the key slots use Argon2id. A missing or unreadable file counts as empty.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from safecase.domain.throttle import delay_after_failures
from safecase.vault.atomic import atomic_write_bytes

MAX_PENDING = 1000


@dataclass
class PendingFailure:
    slot_id: str
    at: float
    reason: str


@dataclass
class ThrottleState:
    failures: dict[str, int] = field(default_factory=dict)
    last_failure: dict[str, float] = field(default_factory=dict)
    pending: list[PendingFailure] = field(default_factory=list)

    def wait_seconds(self, slot_id: str, now: float) -> float:
        """Seconds left before ``slot_id`` may try again."""
        delay = delay_after_failures(self.failures.get(slot_id, 0))
        if delay <= 0:
            return 0.0
        return max(0.0, self.last_failure.get(slot_id, 0.0) + delay - now)


def load_state(path: Path) -> ThrottleState:
    try:
        data: dict[str, Any] = json.loads(path.read_text("utf-8"))
        return ThrottleState(
            failures={str(k): int(v) for k, v in data.get("failures", {}).items()},
            last_failure={str(k): float(v) for k, v in data.get("last_failure", {}).items()},
            pending=[PendingFailure(str(p["slot"]), float(p["at"]), str(p["reason"])) for p in data.get("pending", [])],
        )
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return ThrottleState()


def save_state(path: Path, state: ThrottleState) -> None:
    data = {
        "version": 1,
        "failures": state.failures,
        "last_failure": state.last_failure,
        "pending": [{"slot": p.slot_id, "at": p.at, "reason": p.reason} for p in state.pending[-MAX_PENDING:]],
    }
    atomic_write_bytes(path, json.dumps(data, sort_keys=True).encode("utf-8"))


def record_failure(path: Path, slot_id: str, now: float, reason: str) -> float:
    """Count one failure; returns the seconds the next attempt must wait."""
    state = load_state(path)
    state.failures[slot_id] = state.failures.get(slot_id, 0) + 1
    state.last_failure[slot_id] = now
    state.pending.append(PendingFailure(slot_id, now, reason))
    with contextlib.suppress(OSError):
        save_state(path, state)
    return state.wait_seconds(slot_id, now)


def pending_failures(path: Path) -> list[PendingFailure]:
    """Failures not yet copied into the audit log, oldest first."""
    return load_state(path).pending


def clear_after_success(path: Path, slot_id: str, flushed: int) -> None:
    """Reset ``slot_id``'s count and drop the first ``flushed`` queued failures, now in the audit log."""
    state = load_state(path)
    state.pending = state.pending[flushed:]
    state.failures.pop(slot_id, None)
    state.last_failure.pop(slot_id, None)
    with contextlib.suppress(OSError):
        save_state(path, state)
