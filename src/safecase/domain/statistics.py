"""Category codes that exist only in anonymized statistics (see the reports' shared design).

The reports count records by codes the vault already stores (incident types, statuses, age bands …).
These few codes are the reports' own: what a record with no value counts under, where custom platform
names used by too few cases go, the outcome of a take-down request as the reports group it, and the
row of a median taken over every group.
"""

from __future__ import annotations

from enum import StrEnum

NOT_RECORDED = "not_recorded"
"""A blank or missing value; on a multi-valued axis, a record with no value at all (counted once)."""

OTHER_PLATFORMS = "other_platforms"
"""Platform names counselors typed that fewer than k distinct cases share, counted together."""

ALL = "all"
"""The row of a median table taken over every group."""


class TakedownOutcome(StrEnum):
    """What became of a take-down request, as the reports count it (from the entry's current status)."""

    REMOVED = "removed"
    REFUSED = "refused"
    PENDING = "pending"
    """Found, reported, acknowledged or reappeared: still waiting."""
