"""Getting into a vault, and every way of being refused without anything on disk changing."""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from pathlib import Path

import pytest

from safecase.crypto.encoding import canonical_json
from safecase.domain.errors import (
    AccountDisabledError,
    AuthenticationError,
    NewerVersionError,
    PasswordPolicyError,
    ThrottledError,
    VaultExistsError,
    VaultFormatError,
    VaultLockedError,
    VaultNotFoundError,
)
from safecase.services import access
from safecase.services.accounts import AccountService
from safecase.services.audit import AuditService
from safecase.vault import throttle
from safecase.vault.paths import VaultPaths
from vault_support import ADMIN, ADMIN_PASSWORD, COUNSELOR, COUNSELOR_PASSWORD, TeamVault
from vaultfiles import snapshot


def test_create_vault_lays_out_the_folder_privately(vault_dir: Path) -> None:
    created = access.create_vault(vault_dir, ADMIN, ADMIN_PASSWORD)
    created.session.close()
    assert (vault_dir / "safecase.db").is_file()
    assert (vault_dir / "keys.json").is_file()
    assert (vault_dir / "blobs").is_dir()
    assert oct(vault_dir.stat().st_mode & 0o777) == "0o700"
    assert oct((vault_dir / "keys.json").stat().st_mode & 0o777) == "0o600"
    assert oct((vault_dir / "safecase.db").stat().st_mode & 0o777) == "0o600"
    assert len(created.recovery_key.split("-")) == 8


def test_create_refuses_an_existing_vault(team_vault: TeamVault) -> None:
    before = snapshot(team_vault.root)
    with pytest.raises(VaultExistsError):
        access.create_vault(team_vault.root, "other", ADMIN_PASSWORD)
    assert snapshot(team_vault.root) == before


def test_create_refuses_a_weak_admin_password_and_leaves_nothing(vault_dir: Path) -> None:
    with pytest.raises(PasswordPolicyError):
        access.create_vault(vault_dir, ADMIN, "short")
    assert not VaultPaths(vault_dir).exists()


def test_sign_in_as_each_user(team_vault: TeamVault) -> None:
    session = team_vault.sign_in(COUNSELOR, COUNSELOR_PASSWORD)
    assert session.user.name == COUNSELOR
    assert session.user.display_name == "Park"
    session.close()


def test_sign_in_name_is_case_insensitive(team_vault: TeamVault) -> None:
    team_vault.sign_in("  ADMIN ", ADMIN_PASSWORD).close()


@pytest.mark.parametrize(
    ("name", "password"),
    [(ADMIN, "wrong password entirely"), ("nobody", ADMIN_PASSWORD), (COUNSELOR, ADMIN_PASSWORD)],
)
def test_wrong_credentials_are_refused_with_one_message(team_vault: TeamVault, name: str, password: str) -> None:
    before = snapshot(team_vault.root)
    with pytest.raises(AuthenticationError, match="Wrong user name or password"):
        team_vault.sign_in(name, password)
    assert snapshot(team_vault.root) == before


def test_disabled_user_is_told_so(team_vault: TeamVault) -> None:
    AccountService(team_vault.admin).disable_user(COUNSELOR)
    before = snapshot(team_vault.root)
    with pytest.raises(AccountDisabledError, match="disabled"):
        team_vault.sign_in(COUNSELOR, COUNSELOR_PASSWORD)
    assert snapshot(team_vault.root) == before


def test_missing_vault(tmp_path: Path) -> None:
    with pytest.raises(VaultNotFoundError):
        access.sign_in(tmp_path / "nowhere", ADMIN, ADMIN_PASSWORD)


def _refused_keyfile(team_vault: TeamVault, new_bytes: bytes) -> None:
    team_vault.admin.close()
    (team_vault.root / "keys.json").write_bytes(new_bytes)
    before = snapshot(team_vault.root)
    with pytest.raises(VaultFormatError, match=r"keys\.json"):
        team_vault.sign_in(ADMIN, ADMIN_PASSWORD)
    assert snapshot(team_vault.root) == before


def test_truncated_keyfile_is_refused(team_vault: TeamVault) -> None:
    raw = (team_vault.root / "keys.json").read_bytes()
    _refused_keyfile(team_vault, raw[: len(raw) // 2])


def test_empty_keyfile_is_refused(team_vault: TeamVault) -> None:
    _refused_keyfile(team_vault, b"")


def test_edited_keyfile_is_refused(team_vault: TeamVault) -> None:
    document = json.loads((team_vault.root / "keys.json").read_bytes())
    document["slots"][0]["roles"] = ["admin", "counselor", "supervisor"]
    _refused_keyfile(team_vault, json.dumps(document).encode())


def test_edit_with_recomputed_checksum_is_caught_by_the_signature(team_vault: TeamVault) -> None:
    """Someone who fixes the checksum still cannot pass the MAC that only the data key can make."""
    document = json.loads((team_vault.root / "keys.json").read_bytes())
    document["generation"] = 99
    document.pop("checksum")
    document["checksum"] = hashlib.sha256(canonical_json(document)).hexdigest()
    _refused_keyfile(team_vault, json.dumps(document).encode())


def test_keyfile_from_a_newer_safecase_is_refused(team_vault: TeamVault) -> None:
    document = json.loads((team_vault.root / "keys.json").read_bytes())
    document["version"] = 3
    team_vault.admin.close()
    (team_vault.root / "keys.json").write_text(json.dumps(document))
    with pytest.raises(NewerVersionError):
        team_vault.sign_in(ADMIN, ADMIN_PASSWORD)


def test_database_from_another_vault_is_refused(team_vault: TeamVault, tmp_path: Path) -> None:
    other = access.create_vault(tmp_path / "other", ADMIN, ADMIN_PASSWORD)
    other.session.close()
    team_vault.admin.close()
    shutil.copy(tmp_path / "other" / "safecase.db", team_vault.root / "safecase.db")
    before = snapshot(team_vault.root)
    with pytest.raises(VaultFormatError, match="another vault"):
        team_vault.sign_in(ADMIN, ADMIN_PASSWORD)
    assert snapshot(team_vault.root) == before


def test_failed_sign_ins_slow_down_and_survive_a_restart(team_vault: TeamVault) -> None:
    for _ in range(3):
        with pytest.raises(AuthenticationError):
            team_vault.sign_in(COUNSELOR, "not the password at all")
    # The fourth attempt is refused before the password is even tried, even the right one.
    with pytest.raises(ThrottledError) as refused:
        team_vault.sign_in(COUNSELOR, COUNSELOR_PASSWORD)
    assert 0 < refused.value.seconds <= 2
    # The state is on disk: a new process (here: a fresh read) sees the same delay.
    state = throttle.load_state(VaultPaths(team_vault.root).throttle)
    assert max(state.failures.values()) == 3


def test_throttle_delay_expires(team_vault: TeamVault, monkeypatch: pytest.MonkeyPatch) -> None:
    for _ in range(3):
        with pytest.raises(AuthenticationError):
            team_vault.sign_in(COUNSELOR, "not the password at all")
    later = time.time() + 3
    monkeypatch.setattr(access.time, "time", lambda: later)
    team_vault.sign_in(COUNSELOR, COUNSELOR_PASSWORD).close()


def test_failed_sign_ins_reach_the_audit_log(team_vault: TeamVault) -> None:
    with pytest.raises(AuthenticationError):
        team_vault.sign_in(COUNSELOR, "not the password at all")
    with pytest.raises(AuthenticationError):
        team_vault.sign_in("nobody", "not the password at all")
    team_vault.sign_in(COUNSELOR, COUNSELOR_PASSWORD).close()
    entries = AuditService(team_vault.admin).entries()
    failed = [e for e in entries if e.action == "auth.sign_in_failed"]
    assert {(e.target_id, e.details["reason"]) for e in failed} == {
        (COUNSELOR, "wrong password"),
        ("", "unknown user"),
    }
    assert any(e.action == "auth.sign_in" and e.actor == COUNSELOR for e in entries)
    assert throttle.pending_failures(VaultPaths(team_vault.root).throttle) == []


def test_lock_closes_the_database_and_is_audited(team_vault: TeamVault) -> None:
    session = team_vault.sign_in(COUNSELOR, COUNSELOR_PASSWORD)
    session.lock()
    assert not session.is_open
    with pytest.raises(VaultLockedError, match="locked"):
        _ = session.data_key
    again = access.sign_in(team_vault.root, COUNSELOR, COUNSELOR_PASSWORD, unlock=True)
    again.close()
    actions = [e.action for e in AuditService(team_vault.admin).entries() if e.actor == COUNSELOR]
    assert actions[:3] == ["auth.unlock", "auth.lock", "auth.sign_in"]


def test_failed_sign_in_says_how_long_to_wait(team_vault: TeamVault) -> None:
    """The error of the failure that starts the delay already carries it, for a countdown."""
    delays = []
    for _ in range(3):
        with pytest.raises(AuthenticationError) as failed:
            team_vault.sign_in(COUNSELOR, "not the password at all")
        delays.append(failed.value.retry_after)
    assert delays[:2] == [0, 0]
    assert 1 < delays[2] <= 2
