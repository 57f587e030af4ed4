"""Password hashing with Argon2id (RFC 9106) via `cryptography`.

Parameters are stored with each key slot, so they can be raised later without breaking old slots.
A vault chooses its cost once, when it is created: :func:`calibrate` picks a memory/time cost that takes
about one second on that machine (KeePassXC's default), never below 128 MiB and 3 passes, and the key
file keeps it for every later slot. Reading a slot still accepts the older 64 MiB / 1 pass floor, so
slots written before that rule open (and are re-sealed at their owner's next sign-in).
"""

from __future__ import annotations

import time
import unicodedata
from dataclasses import dataclass

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from safecase.crypto.errors import CryptoError

MIN_MEMORY_KIB = 64 * 1024
# The least a new vault chooses, however busy the machine was while it calibrated.
CREATION_MIN_MEMORY_KIB = 128 * 1024
CREATION_MIN_ITERATIONS = 3
# The ceiling guards against a key file edited to make one sign-in attempt exhaust memory or time.
MAX_MEMORY_KIB = 1024 * 1024
KEY_LENGTH = 32
SALT_LENGTH = 16


@dataclass(frozen=True)
class Argon2Params:
    memory_kib: int
    iterations: int
    lanes: int

    def validate(self) -> None:
        """Refuse parameters below the floor (a downgraded slot) or absurdly large (a denial of service)."""
        if not (MIN_MEMORY_KIB <= self.memory_kib <= MAX_MEMORY_KIB):
            raise CryptoError("argon2 memory out of range")
        if not (1 <= self.iterations <= 16) or not (1 <= self.lanes <= 16):
            raise CryptoError("argon2 cost out of range")

    def weaker_than(self, other: Argon2Params) -> bool:
        """Cheaper to attack than ``other`` in memory or passes (the lanes do not change the cost)."""
        return self.memory_kib < other.memory_kib or self.iterations < other.iterations

    def meets_creation_floor(self) -> bool:
        return self.memory_kib >= CREATION_MIN_MEMORY_KIB and self.iterations >= CREATION_MIN_ITERATIONS

    def as_dict(self) -> dict[str, int]:
        return {"memory_kib": self.memory_kib, "iterations": self.iterations, "lanes": self.lanes}

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Argon2Params:
        try:
            params = cls(
                memory_kib=int(data["memory_kib"]),  # type: ignore[call-overload]
                iterations=int(data["iterations"]),  # type: ignore[call-overload]
                lanes=int(data["lanes"]),  # type: ignore[call-overload]
            )
        except (KeyError, TypeError, ValueError, OverflowError) as exc:  # OverflowError: int(1e999)
            raise CryptoError("bad argon2 parameters") from exc
        params.validate()
        return params


# Cheapest parameters the format accepts; tests use them so the suite stays fast.
FLOOR_PARAMS = Argon2Params(memory_kib=MIN_MEMORY_KIB, iterations=1, lanes=1)


def normalize_secret(secret: str) -> bytes:
    """Passwords are compared after Unicode NFKC, so the same password typed on another keyboard works."""
    return unicodedata.normalize("NFKC", secret).encode("utf-8")


def derive_key(secret: str, salt: bytes, params: Argon2Params) -> bytes:
    """A 256-bit key from a password (NFKC-normalized) and a 16-byte salt."""
    params.validate()
    kdf = Argon2id(
        salt=salt,
        length=KEY_LENGTH,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(normalize_secret(secret))


def time_params(params: Argon2Params) -> float:
    """Seconds one derivation with ``params`` takes here."""
    start = time.perf_counter()
    derive_key("calibration", b"\0" * SALT_LENGTH, params)
    return time.perf_counter() - start


def _best_time(params: Argon2Params) -> float:
    """The faster of two runs: a machine busy with something else should not make the cost cheaper."""
    return min(time_params(params), time_params(params))


def calibrate(target_seconds: float = 1.0, lanes: int = 4) -> Argon2Params:
    """Double the memory from 128 MiB (then add passes) until one derivation takes ``target_seconds``.

    Run once, when a vault is created; never below 128 MiB and 3 passes.
    """
    params = Argon2Params(memory_kib=CREATION_MIN_MEMORY_KIB, iterations=CREATION_MIN_ITERATIONS, lanes=lanes)
    elapsed = _best_time(params)
    while elapsed < target_seconds / 2 and params.memory_kib * 2 <= MAX_MEMORY_KIB:
        params = Argon2Params(params.memory_kib * 2, params.iterations, lanes)
        elapsed = _best_time(params)
    while elapsed < target_seconds * 0.75 and params.iterations < 10:
        per_pass = elapsed / params.iterations
        wanted = max(params.iterations + 1, round(target_seconds / per_pass))
        params = Argon2Params(params.memory_kib, min(wanted, 10), lanes)
        elapsed = _best_time(params)
    return params
