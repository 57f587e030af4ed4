"""Shared fixtures: every test gets its own vault folder and the cheapest Argon2id cost the format allows.

As in Vorta's test suite, fixtures build real objects (a real encrypted vault on disk, real services);
nothing of SafeCase's own is mocked. Fixture vaults are built once per session and copied for each test
(see ``vault_templates``); every session a test holds comes from a real sign-in on its own copy.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from safecase.crypto.kdf import FLOOR_PARAMS
from safecase.domain.roles import Role
from safecase.services import access
from safecase.services.accounts import AccountService
from safecase.services.session import VaultSession
from vault_support import (
    COUNSELOR,
    COUNSELOR_PASSWORD,
    SECOND,
    SECOND_PASSWORD,
    SUPERVISOR,
    SUPERVISOR_PASSWORD,
    TeamVault,
    build_team_vault,
)
from vault_templates import VaultTemplates

# Hypothesis's per-example deadline (200 ms) is a timing assertion: on a loaded CI machine Argon2id and
# zxcvbn examples cross it and fail as "flaky". Speed goals live in tests/benchmarks/, not in unit tests.
settings.register_profile("safecase", deadline=None)
settings.load_profile("safecase")


@pytest.fixture(autouse=True)
def fast_kdf() -> Iterator[None]:
    """New slots use the 64 MiB / 1 pass floor: real Argon2id, but fast enough for hundreds of tests."""
    access.set_default_kdf_params(FLOOR_PARAMS)
    yield
    access.set_default_kdf_params(None)


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the real user's vault, settings, state, temp folder or environment.

    The temp folder is the test's own, too, so tests running side by side (pytest-xdist) never see each
    other's temporary files (the canary tests read every new file in it).
    """
    for name in ("SAFECASE_VAULT", "SAFECASE_USER", "SAFECASE_PASSWORD", "SAFECASE_NEW_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    # What this computer remembers of the vaults it opened (rollback warnings) stays in the test's folder.
    monkeypatch.setenv("SAFECASE_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home" / ".config"))
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))


@pytest.fixture(scope="session")
def vault_templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[VaultTemplates]:
    """Fixture vaults built once per session (per xdist worker); tests get copies, never these."""
    templates = VaultTemplates(tmp_path_factory.mktemp("vault-templates"))
    yield templates
    templates.check_untouched()


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def team_vault(vault_dir: Path, vault_templates: VaultTemplates) -> Iterator[TeamVault]:
    """This test's own copy of the team's vault (admin, counselor, supervisor), the admin signed in."""
    team = TeamVault.open(vault_dir, vault_templates.copy("team", build_team_vault, vault_dir))
    yield team
    team.admin.close()


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
    """A second counselor, added for the test and signed in (to test who sees whose cases).

    Added on the test's copy rather than kept in a template of its own: only a handful of tests ask for
    it, so a second template would cost about what it saves."""
    AccountService(team_vault.admin).add_user(SECOND, frozenset({Role.COUNSELOR}), SECOND_PASSWORD)
    session = team_vault.sign_in(SECOND, SECOND_PASSWORD)
    yield session
    session.close()
