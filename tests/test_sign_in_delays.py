"""The sign-in delay file keeps no trace of what was typed (attack 5 of issue 8) and no dead slots."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import pytest

from safecase.domain.errors import AuthenticationError, ThrottledError
from safecase.services import access
from safecase.vault import keyfile as keyfiles
from safecase.vault import throttle
from safecase.vault.paths import VaultPaths
from vault_support import ADMIN, ADMIN_PASSWORD, COUNSELOR, COUNSELOR_PASSWORD, TeamVault

# What a counselor types into the name field when she is in a hurry: her password.
TYPED = "kestrel harbor violet 9241 canary"


def _delay_file(root: Path) -> str:
    return VaultPaths(root).throttle.read_text("utf-8")


def test_a_password_typed_as_the_name_leaves_no_hash_of_it(team_vault: TeamVault) -> None:
    """Attack 5: the name field used to be stored as a fast SHA-256 of vault id and text."""
    vault_id = keyfiles.load_any(VaultPaths(team_vault.root).keyfile).vault_id
    with pytest.raises(AuthenticationError):
        access.sign_in(team_vault.root, TYPED, "anything at all, long enough")
    text = _delay_file(team_vault.root)
    fast_hashes = {
        keyfiles.slot_id_for(vault_id, TYPED),
        hashlib.sha256(TYPED.encode()).hexdigest(),
        hashlib.sha256(f"{vault_id}:{TYPED}".encode()).hexdigest(),
    }
    assert TYPED not in text
    assert not any(h in text or h[:32] in text for h in fast_hashes)
    state = throttle.load_state(VaultPaths(team_vault.root).throttle)
    assert state.failures == {throttle.UNKNOWN_NAME: 1}


def test_unknown_names_share_one_delay(team_vault: TeamVault) -> None:
    for attempt in range(3):
        with pytest.raises(AuthenticationError):
            access.sign_in(team_vault.root, f"nobody-{attempt}", "anything at all, long enough")
    # A fourth name, never tried before, waits all the same: guessing names buys no free attempts.
    with pytest.raises(ThrottledError):
        access.sign_in(team_vault.root, "somebody-new", "anything at all, long enough")
    state = throttle.load_state(VaultPaths(team_vault.root).throttle)
    assert state.failures == {throttle.UNKNOWN_NAME: 3}
    # A real account is not slowed down by strangers' guesses.
    access.sign_in(team_vault.root, COUNSELOR, COUNSELOR_PASSWORD).close()


def test_counts_of_removed_slots_are_dropped_at_the_next_sign_in(team_vault: TeamVault) -> None:
    path = VaultPaths(team_vault.root).throttle
    throttle.record_failure(path, "0" * 32, 1.0, "wrong password")  # a slot that no longer exists
    with pytest.raises(AuthenticationError):
        access.sign_in(team_vault.root, COUNSELOR, "not the counselor's password at all")
    access.sign_in(team_vault.root, ADMIN, ADMIN_PASSWORD).close()
    state = throttle.load_state(path)
    assert "0" * 32 not in state.failures
    vault_id = keyfiles.load_any(VaultPaths(team_vault.root).keyfile).vault_id
    counselor_slot = keyfiles.slot_id_for(vault_id, COUNSELOR)
    assert state.failures == {counselor_slot: 1}  # a live slot's count stays until its own success
    assert state.pending == []  # copied into the audit log


def test_concurrent_failures_are_all_counted(tmp_path: Path) -> None:
    """Two sign-ins failing at once both count: the file is updated under a lock."""
    path = tmp_path / "sign-in-delays.json"
    per_thread = 25

    def fail_many() -> None:
        for _ in range(per_thread):
            throttle.record_failure(path, throttle.UNKNOWN_NAME, 1.0, "unknown user")

    threads = [threading.Thread(target=fail_many) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert throttle.load_state(path).failures[throttle.UNKNOWN_NAME] == 4 * per_thread


def test_guesses_started_at_once_wait_for_each_other(team_vault: TeamVault) -> None:
    """Attempts are serialized end to end: a burst of parallel guesses cannot all pass the delay check
    before the first of them has failed. After the free attempts, only one guess runs; the rest wait."""
    results: list[str] = []
    lock = threading.Lock()

    def guess() -> None:
        try:
            access.sign_in(team_vault.root, COUNSELOR, "a wrong guess at the password")
        except ThrottledError:
            outcome = "throttled"
        except AuthenticationError:
            outcome = "wrong"
        else:
            outcome = "admitted"
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=guess) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["throttled"] * 5 + ["wrong"] * 3  # the three free ones, then a delay
