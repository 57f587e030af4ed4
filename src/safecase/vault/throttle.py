"""Failed sign-ins, remembered outside the encrypted database so the delay survives a restart.

The database cannot be written before someone unlocks it, so failures are kept in a small JSON file
beside it: per slot id the count of consecutive failures and the time of the last one, plus a queue of
failures not yet copied into the audit log. The next successful sign-in moves the queue into the audit
log, clears it, and drops counts of slots that no longer exist.

A name that matches no slot is counted under one shared key, :data:`UNKNOWN_NAME`, never under a hash
of what was typed: people type their password into the name field, and a fast hash of it beside the
vault could be guessed at hundreds of thousands of tries a second, where the key slots allow a few.
Every change to the file happens under an exclusive lock on a lock file beside it, so two sign-ins at
once (two windows, a script) cannot each write back a count that misses the other's failure. And a
whole attempt (delay check, Argon2id, counting the failure) holds a second lock,
:func:`one_attempt_at_a_time`: otherwise a script could start many guesses at once, each passing the
delay check before any of them had failed.

This slows guessing through SafeCase itself; someone holding a copy of the files can attack the key
file offline, which is why the key slots use Argon2id. A missing or unreadable file counts as empty.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from safecase.domain.throttle import delay_after_failures
from safecase.vault.atomic import atomic_write_bytes, exclusive_lock

MAX_PENDING = 1000
UNKNOWN_NAME = "unknown-name"
# 9999-12-31: a time beyond it (or before 1970, or not a number) means the file is damaged or edited.
_LATEST = 253_402_300_799.0


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
        # Never longer than the delay itself, whatever time (even infinity) the file says the failure was.
        return min(delay, max(0.0, self.last_failure.get(slot_id, 0.0) + delay - now))


def load_state(path: Path) -> ThrottleState:
    try:
        data: dict[str, Any] = json.loads(path.read_text("utf-8"))
        return ThrottleState(
            failures={str(k): int(v) for k, v in data.get("failures", {}).items()},
            last_failure={str(k): _time(v) for k, v in data.get("last_failure", {}).items()},
            pending=[PendingFailure(str(p["slot"]), _time(p["at"]), str(p["reason"])) for p in data.get("pending", [])],
        )
    except (OSError, ValueError, TypeError, KeyError, AttributeError, ArithmeticError, RecursionError):
        return ThrottleState()


def _time(value: Any) -> float:
    """A time of the file, which the audit log must be able to show as a date."""
    at = float(value)
    if not 0.0 <= at <= _LATEST:  # NaN fails too
        raise ValueError("time out of range")
    return at


def save_state(path: Path, state: ThrottleState) -> None:
    data = {
        "version": 1,
        "failures": state.failures,
        "last_failure": state.last_failure,
        "pending": [{"slot": p.slot_id, "at": p.at, "reason": p.reason} for p in state.pending[-MAX_PENDING:]],
    }
    atomic_write_bytes(path, json.dumps(data, sort_keys=True).encode("utf-8"))


def _exclusive(path: Path, suffix: str = ".lock") -> contextlib.AbstractContextManager[None]:
    """An exclusive lock on ``PATH.lock`` (or ``PATH`` + ``suffix``) while the state file is read and rewritten."""
    return exclusive_lock(path.with_name(path.name + suffix))


@contextlib.contextmanager
def one_attempt_at_a_time(path: Path) -> Iterator[None]:
    """Serialize sign-in attempts on this vault, across threads and processes (``PATH.attempt.lock``).

    Where no lock file can be made (a read-only folder), attempts go ahead unserialized, as counting does.
    """
    with contextlib.ExitStack() as stack:
        with contextlib.suppress(OSError):
            stack.enter_context(_exclusive(path, ".attempt.lock"))
        yield


def record_failure(path: Path, key: str, now: float, reason: str) -> float:
    """Count one failure of ``key`` (a slot id, or :data:`UNKNOWN_NAME`); returns the seconds to wait."""
    try:
        with _exclusive(path):
            state = load_state(path)
            state.failures[key] = state.failures.get(key, 0) + 1
            state.last_failure[key] = now
            state.pending.append(PendingFailure(key, now, reason))
            with contextlib.suppress(OSError):
                save_state(path, state)
    except OSError:
        # No lock file possible (read-only folder): count in memory; the delay still applies this time.
        state = load_state(path)
        state.failures[key] = state.failures.get(key, 0) + 1
        state.last_failure[key] = now
    return state.wait_seconds(key, now)


def pending_failures(path: Path) -> list[PendingFailure]:
    """Failures not yet copied into the audit log, oldest first."""
    return load_state(path).pending


def clear_after_success(path: Path, key: str, flushed: int, keep: Collection[str] | None = None) -> None:
    """Reset ``key``'s count and drop the first ``flushed`` queued failures, now in the audit log.

    With ``keep`` (the slot ids that exist now), counts of any other slot are dropped too, so the file
    does not keep hashes of accounts that were removed.
    """
    with contextlib.suppress(OSError), _exclusive(path):
        state = load_state(path)
        state.pending = state.pending[flushed:]
        state.failures.pop(key, None)
        state.last_failure.pop(key, None)
        if keep is not None:
            kept = {*keep, UNKNOWN_NAME}
            state.failures = {k: v for k, v in state.failures.items() if k in kept}
            state.last_failure = {k: v for k, v in state.last_failure.items() if k in kept}
        save_state(path, state)
