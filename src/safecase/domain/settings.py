"""Vault-wide settings an admin may change, with their defaults and bounds."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_AUTO_LOCK_MINUTES = 5
MIN_AUTO_LOCK_MINUTES = 1
MAX_AUTO_LOCK_MINUTES = 240

DEFAULT_REPORT_MIN_CELL = 5
"""The smallest count a statistics report shows as it is (k): 1 to k-1 print as ``<k``."""
MIN_REPORT_MIN_CELL = 3
"""Never lower: in a military unit or a small town a count of 1 or 2 names a person."""
MAX_REPORT_MIN_CELL = 20
"""Above this almost every cell of a small center's report would be hidden; a supervisor who wants more
for one report asks for it there (``safecase report --k``)."""


@dataclass(frozen=True)
class VaultSettings:
    auto_lock_minutes: int = DEFAULT_AUTO_LOCK_MINUTES
    center_name: str = ""
    report_min_cell: int = DEFAULT_REPORT_MIN_CELL
