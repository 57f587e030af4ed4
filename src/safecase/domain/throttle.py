"""How long to wait after failed sign-ins.

The delay grows with each consecutive failure (none for the first three, then 2 s doubling up to
5 minutes) so a person who mistypes is not punished while guessing becomes slow.
"""

from __future__ import annotations

FREE_ATTEMPTS = 3
BASE_DELAY_SECONDS = 2.0
MAX_DELAY_SECONDS = 300.0


def delay_after_failures(failures: int) -> float:
    """Seconds to wait before the next attempt after ``failures`` consecutive failures."""
    if failures < FREE_ATTEMPTS:
        return 0.0
    exponent = min(failures - FREE_ATTEMPTS, 16)
    return min(BASE_DELAY_SECONDS * float(2**exponent), MAX_DELAY_SECONDS)
