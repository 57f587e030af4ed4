"""Re-keying and key-file updates while another process has the vault open.

The app keeps a vault open while the CLI (or a second app) disables someone, resets a password or adds
a user; SQLCipher 4 is less forgiving than it looks there. Each test pins a way this once went wrong:
a vault nobody could open again, a staged key file thrown away, a false alarm from verify, a reset
password that worked again.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import threading
from pathlib import Path

import pytest

from safecase.crypto.encoding import canonical_json
from safecase.crypto.kdf import FLOOR_PARAMS
from safecase.domain.errors import AuthenticationError, SafeCaseError, VaultFormatError
from safecase.domain.roles import Role
from safecase.services import access
from safecase.services import accounts as accounts_module
from safecase.services.accounts import AccountService
from safecase.services.verify import verify_vault
from safecase.vault import keyfile as keyfiles
from safecase.vault.connection import OperationalError, connect, rekey
from vault_support import (
    ADMIN,
    ADMIN_PASSWORD,
    COUNSELOR,
    COUNSELOR_PASSWORD,
    SUPERVISOR,
    SUPERVISOR_PASSWORD,
    TeamVault,
)
from vaultfiles import raw_connection

NEW_PASSWORD = "a completely new pass phrase"


def _everyone_still_gets_in(team_vault: TeamVault) -> None:
    session = access.sign_in(team_vault.root, SUPERVISOR, SUPERVISOR_PASSWORD)
    try:
        assert verify_vault(session).ok
    finally:
        session.close()


def _opens(db: Path, key: bytes) -> bool:
    try:
        connect(db, key).close()
    except VaultFormatError:
        return False
    return True


# --- re-keying while another process works ----------------------------------------------------------


def test_rekey_while_another_process_writes_fails_cleanly(
    team_vault: TeamVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLCipher 4 answers "ok" to PRAGMA rekey that could not get the write lock, and then encrypts the
    connection's later writes under the new key. Before the fix, the new key file was promoted over a
    database still under the old key: nobody could open the vault again."""
    other = raw_connection(team_vault.admin)  # the app, or any other process, about to write
    for conn in (other, team_vault.admin.conn):
        conn.execute("PRAGMA busy_timeout = 50")  # a write that outlasts the other's busy timeout
    real_stage = keyfiles.stage_next

    def stage_then_other_writer_starts(path: Path, keyfile: keyfiles.KeyFile) -> None:
        real_stage(path, keyfile)
        if not other.in_transaction:
            other.execute("BEGIN IMMEDIATE")

    monkeypatch.setattr(keyfiles, "stage_next", stage_then_other_writer_starts)
    try:
        with pytest.raises(SafeCaseError, match="could not be re-encrypted"):
            AccountService(team_vault.admin).disable_user(COUNSELOR)
    finally:
        if other.in_transaction:
            other.execute("ROLLBACK")
        other.close()
        monkeypatch.undo()
    # The vault still opens for everyone, and the session that tried is still usable.
    _everyone_still_gets_in(team_vault)
    assert verify_vault(team_vault.admin).ok


def test_rekey_that_cannot_get_the_write_lock_raises_and_changes_nothing(team_vault: TeamVault) -> None:
    """The vault layer on its own: PRAGMA rekey said "ok" and did nothing, and the connection then
    wrote pages under the new key into a database under the old one."""
    old_key = team_vault.admin.data_key
    new_key = bytes(32)
    conn, other = raw_connection(team_vault.admin), raw_connection(team_vault.admin)
    conn.execute("PRAGMA busy_timeout = 50")
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(OperationalError, match="locked"):
            rekey(conn, new_key)
    finally:
        other.execute("ROLLBACK")
        other.close()
        conn.close()
    assert _opens(team_vault.root / "safecase.db", old_key)
    assert not _opens(team_vault.root / "safecase.db", new_key)


def test_failed_disable_leaves_no_usable_slot_and_can_be_finished(
    team_vault: TeamVault, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Before the fix the user was marked disabled in the database first, their slot stayed in keys.json
    when the re-key failed, and "already disabled" refused every retry."""
    saved = tmp_path / "keys-before.json"
    shutil.copy(team_vault.root / "keys.json", saved)

    def rekey_fails(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(accounts_module, "rekey", rekey_fails)
    with pytest.raises(SafeCaseError, match="again to finish"):
        AccountService(team_vault.admin).disable_user(COUNSELOR)
    monkeypatch.undo()
    # The current key file no longer lets the counselor in ...
    with pytest.raises(AuthenticationError):
        access.sign_in(team_vault.root, COUNSELOR, COUNSELOR_PASSWORD)
    # ... and the admin can finish the job.
    AccountService(team_vault.admin).disable_user(COUNSELOR)
    _, old_key = access.open_user_slot(keyfiles.load(saved), COUNSELOR, COUNSELOR_PASSWORD)
    with pytest.raises(VaultFormatError):
        connect(team_vault.root / "safecase.db", old_key)
    _everyone_still_gets_in(team_vault)


def test_sign_in_during_a_rekey_does_not_throw_the_staged_key_file_away(
    team_vault: TeamVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sign-in in another process while a re-key runs saw the database still open under the old key
    and deleted keys.json.next; the re-key then committed and the vault was lost."""
    real_stage = keyfiles.stage_next
    errors: list[BaseException] = []

    def other_process_signs_in() -> None:
        access.set_default_kdf_params(FLOOR_PARAMS)
        try:
            access.sign_in(team_vault.root, SUPERVISOR, SUPERVISOR_PASSWORD).close()
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=other_process_signs_in)

    def stage_then_someone_signs_in(path: Path, keyfile: keyfiles.KeyFile) -> None:
        real_stage(path, keyfile)
        thread.start()
        thread.join(timeout=3)  # before the fix it finished here; after, it waits for the re-key's lock

    monkeypatch.setattr(keyfiles, "stage_next", stage_then_someone_signs_in)
    AccountService(team_vault.admin).disable_user(COUNSELOR)
    monkeypatch.undo()
    thread.join(timeout=30)
    assert not errors, errors
    team_vault.admin.close()
    _everyone_still_gets_in(team_vault)


def test_staged_key_file_is_promoted_only_with_a_valid_signature(
    team_vault: TeamVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An interrupted re-key leaves keys.json.next; an edit to it (here: the admin's slot dropped, the
    checksum fixed) was promoted without checking its HMAC."""

    def die(_path: Path) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(keyfiles, "promote_next", die)
    with pytest.raises(KeyboardInterrupt):
        AccountService(team_vault.admin).disable_user(COUNSELOR)
    monkeypatch.undo()
    team_vault.admin.close()
    staged = keyfiles.next_path(team_vault.root / "keys.json")
    document = json.loads(staged.read_bytes())
    admin_slot = keyfiles.slot_id_for(document["vault_id"], ADMIN)
    document["slots"] = [s for s in document["slots"] if s["id"] != admin_slot]
    document.pop("checksum")
    document["checksum"] = hashlib.sha256(canonical_json(document)).hexdigest()
    staged.write_text(json.dumps(document))
    with pytest.raises(VaultFormatError):
        access.sign_in(team_vault.root, SUPERVISOR, SUPERVISOR_PASSWORD)
    assert staged.exists()


def test_verify_after_a_rekey_by_another_process_is_not_a_false_alarm(team_vault: TeamVault) -> None:
    """The app keeps the vault open while the CLI disables someone. verify then reported every page of
    the database as failing authentication: cipher_integrity_check reads the main file, which still
    held the old key's pages until a checkpoint."""
    app = team_vault.sign_in(COUNSELOR, COUNSELOR_PASSWORD)  # keeps a connection open
    cli = access.sign_in(team_vault.root, ADMIN, ADMIN_PASSWORD)
    AccountService(cli).disable_user(SUPERVISOR)
    report = verify_vault(cli)
    cli.close()
    app.close()
    assert report.ok, report


# --- key file updates from two processes --------------------------------------------------------------


def test_user_added_by_another_process_survives_a_password_reset(team_vault: TeamVault) -> None:
    cli = access.sign_in(team_vault.root, ADMIN, ADMIN_PASSWORD)
    AccountService(cli).add_user("newbie", frozenset({Role.COUNSELOR}), NEW_PASSWORD)
    cli.close()
    # The app's session still holds the key file from its own sign-in.
    AccountService(team_vault.admin).reset_password(SUPERVISOR, "another fresh pass phrase here")
    access.sign_in(team_vault.root, "newbie", NEW_PASSWORD).close()


def test_password_reset_by_another_process_is_not_undone(team_vault: TeamVault) -> None:
    """The counselor's password leaked and was reset from the CLI; a later change in the app rewrote
    keys.json from its stale copy and the leaked password worked again."""
    cli = access.sign_in(team_vault.root, ADMIN, ADMIN_PASSWORD)
    AccountService(cli).reset_password(COUNSELOR, NEW_PASSWORD)
    cli.close()
    AccountService(team_vault.admin).add_user("newbie", frozenset({Role.COUNSELOR}), "yet another pass phrase here")
    with pytest.raises(AuthenticationError):
        access.sign_in(team_vault.root, COUNSELOR, COUNSELOR_PASSWORD)
    access.sign_in(team_vault.root, COUNSELOR, NEW_PASSWORD).close()
