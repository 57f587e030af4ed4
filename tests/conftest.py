"""Shared fixtures: every test gets its own vault folder and the cheapest Argon2id cost the format allows.

As in Vorta's test suite, fixtures build real objects (a real encrypted vault on disk, real services);
nothing of SafeCase's own is mocked.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from safecase.crypto.kdf import FLOOR_PARAMS
from safecase.domain.roles import Role
from safecase.services import access
from safecase.services.accounts import AccountService
from safecase.services.session import VaultSession
from vault_support import (
    ADMIN,
    ADMIN_PASSWORD,
    COUNSELOR,
    COUNSELOR_PASSWORD,
    SECOND,
    SECOND_PASSWORD,
    SUPERVISOR,
    SUPERVISOR_PASSWORD,
    TeamVault,
)


@pytest.fixture(autouse=True)
def fast_kdf() -> Iterator[None]:
    """New slots use the 64 MiB / 1 pass floor: real Argon2id, but fast enough for hundreds of tests."""
    access.set_default_kdf_params(FLOOR_PARAMS)
    yield
    access.set_default_kdf_params(None)


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the real user's vault, settings or environment."""
    for name in ("SAFECASE_VAULT", "SAFECASE_USER", "SAFECASE_PASSWORD", "SAFECASE_NEW_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home" / ".config"))


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def team_vault(vault_dir: Path) -> Iterator[TeamVault]:
    created = access.create_vault(vault_dir, ADMIN, ADMIN_PASSWORD, display_name="Admin Kim")
    accounts = AccountService(created.session)
    accounts.add_user(COUNSELOR, frozenset({Role.COUNSELOR}), COUNSELOR_PASSWORD, display_name="Park")
    accounts.add_user(SUPERVISOR, frozenset({Role.SUPERVISOR}), SUPERVISOR_PASSWORD, display_name="Choi")
    team = TeamVault(vault_dir, created.recovery_key, created.session)
    yield team
    created.session.close()


@pytest.fixture
def counselor(team_vault: TeamVault) -> Iterator[VaultSession]:
    """The team's counselor, signed in."""
    session = team_vault.sign_in(COUNSELOR, COUNSELOR_PASSWORD)
    yield session
    session.close()


@pytest.fixture
def supervisor(team_vault: TeamVault) -> Iterator[VaultSession]:
    """The team's supervisor, signed in."""
    session = team_vault.sign_in(SUPERVISOR, SUPERVISOR_PASSWORD)
    yield session
    session.close()


@pytest.fixture
def second(team_vault: TeamVault) -> Iterator[VaultSession]:
    """A second counselor, added for the test and signed in (to test who sees whose cases)."""
    AccountService(team_vault.admin).add_user(SECOND, frozenset({Role.COUNSELOR}), SECOND_PASSWORD)
    session = team_vault.sign_in(SECOND, SECOND_PASSWORD)
    yield session
    session.close()
