"""What tests share besides fixtures: the team's names and passwords and the TeamVault handle.

Tests import these from here, never from ``conftest`` (two conftest modules exist, tests/ and tests/ui/,
and which one ``import conftest`` finds depends on collection order).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from safecase.services import access
from safecase.services.session import VaultSession

ADMIN = "admin"
ADMIN_PASSWORD = "correct horse battery staple 9"
COUNSELOR = "counselor"
COUNSELOR_PASSWORD = "quiet river under the bridge 7"
SUPERVISOR = "supervisor"
SUPERVISOR_PASSWORD = "seven lanterns over the hill"
SECOND = "counselor2"
SECOND_PASSWORD = "another counselor's pass phrase"


@dataclass
class TeamVault:
    """A vault with an admin, a counselor and a supervisor; ``admin`` is an open admin session."""

    root: Path
    recovery_key: str
    admin: VaultSession

    def sign_in(self, name: str, password: str) -> VaultSession:
        return access.sign_in(self.root, name, password)
