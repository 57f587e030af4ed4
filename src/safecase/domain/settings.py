"""Vault-wide settings an admin may change, with their defaults and bounds."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_AUTO_LOCK_MINUTES = 5
MIN_AUTO_LOCK_MINUTES = 1
MAX_AUTO_LOCK_MINUTES = 240


@dataclass(frozen=True)
class VaultSettings:
    auto_lock_minutes: int = DEFAULT_AUTO_LOCK_MINUTES
    center_name: str = ""
