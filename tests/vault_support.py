"""What tests share besides fixtures: the team's names and passwords, the TeamVault handle and its builder.

Tests import these from here, never from ``conftest`` (two conftest modules exist, tests/ and tests/ui/,
and which one ``import conftest`` finds depends on collection order).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from safecase.domain.roles import Role
from safecase.services import access
from safecase.services.accounts import AccountService
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

    @classmethod
    def open(cls, root: Path, recovery_key: str) -> TeamVault:
        """The team's vault at ``root`` with its admin signed in (a real sign-in, as the app does it)."""
        return cls(root, recovery_key, access.sign_in(root, ADMIN, ADMIN_PASSWORD))

    def sign_in(self, name: str, password: str) -> VaultSession:
        return access.sign_in(self.root, name, password)


def build_team_vault(root: Path) -> str:
    """Create the team's vault at ``root`` and close it; returns its recovery key (a template builder)."""
    created = access.create_vault(root, ADMIN, ADMIN_PASSWORD, display_name="Admin Kim")
    try:
        accounts = AccountService(created.session)
        accounts.add_user(COUNSELOR, frozenset({Role.COUNSELOR}), COUNSELOR_PASSWORD, display_name="Park")
        accounts.add_user(SUPERVISOR, frozenset({Role.SUPERVISOR}), SUPERVISOR_PASSWORD, display_name="Choi")
    finally:
        created.session.close()
    return created.recovery_key
