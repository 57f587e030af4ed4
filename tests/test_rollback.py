"""Rolling a vault back: this computer remembers, and restoring where no readable vault is needs the recovery key.

Per-PC memory: each sign-in compares the key generation and the audit head with the highest this
computer has seen of the vault, warns (and records ``vault.rollback_suspected``) when they went back
or a seen row was rewritten, and still lets the person in.

Attack 4: a disabled former administrator keeps an old backup (made while she was an administrator),
moves the vault folder aside or damages keys.json, and restores the backup with her old password.
Performed here with SafeCase's own code; it is refused unless the recovery key is given.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

import pytest

from safecase.domain.errors import PermissionDeniedError
from safecase.domain.roles import Role
from safecase.services import access
from safecase.services.accounts import AccountService
from safecase.services.audit import AuditService
from safecase.services.backups import TargetState, create_backup, preview_restore, restore_backup
from safecase.services.verify import verify_vault
from safecase.vault import keyfile as keyfiles
from safecase.vault import pc_memory
from safecase.vault.repositories.audit import AuditRepository
from vault_support import ADMIN, ADMIN_PASSWORD, COUNSELOR, COUNSELOR_PASSWORD, TeamVault

FORMER = "yuna"
FORMER_PASSWORD = "copper lanterns drift at noon 5"


def _vault_id(root: Path) -> str:
    return keyfiles.load(root / "keys.json").vault_id


def _actions(root: Path) -> list[dict[str, object]]:
    session = access.sign_in(root, ADMIN, ADMIN_PASSWORD)
    try:
        return [{"action": e.action, **e.details} for e in AuditService(session).entries(1000)]
    finally:
        session.close()


# --- what this computer remembers -----------------------------------------------------------------------


def test_memory_file_is_private_and_holds_no_case_data(team_vault: TeamVault, tmp_path: Path) -> None:
    path = tmp_path / "state" / "seen-vaults.json"
    assert pc_memory.state_dir() == tmp_path / "state"
    data = json.loads(path.read_text())
    entry = data["vaults"][_vault_id(team_vault.root)]
    head = AuditRepository(team_vault.admin.conn).head()
    assert entry == {"generation": 1, "head_seq": head.seq, "head_hash": head.hash}  # type: ignore[union-attr]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert "admin" not in path.read_text()


def test_state_folder_defaults(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("SAFECASE_STATE_DIR")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg"))
    assert pc_memory.state_dir() == tmp_path / "xdg" / "safecase"
    monkeypatch.delenv("XDG_STATE_HOME")
    assert pc_memory.state_dir() == Path.home() / ".local" / "state" / "safecase"


def test_an_old_copy_of_the_vault_put_back_warns_but_lets_in(team_vault: TeamVault, tmp_path: Path) -> None:
    """She keeps a copy of the folder, works on, then puts the copy back: the audit head went back."""
    team_vault.admin.close()
    old = tmp_path / "old-copy"
    shutil.copytree(team_vault.root, old)
    for _ in range(2):
        access.sign_in(team_vault.root, COUNSELOR, COUNSELOR_PASSWORD).lock()
    shutil.rmtree(team_vault.root)
    shutil.copytree(old, team_vault.root)

    session = access.sign_in(team_vault.root, COUNSELOR, COUNSELOR_PASSWORD)
    try:
        [warning] = session.warnings
        assert "ends before a row this computer has already seen" in warning
        [row] = [e for e in AuditRepository(session.conn).page(10) if e.action == "vault.rollback_suspected"]
        assert row.details["kind"] == "audit_head" and row.actor == COUNSELOR
    finally:
        session.close()
    # The memory keeps the highest head: the next sign-in warns again until the vault is past it.
    again = access.sign_in(team_vault.root, COUNSELOR, COUNSELOR_PASSWORD)
    assert again.warnings
    again.close()


def test_a_rewritten_row_this_computer_saw_warns(team_vault: TeamVault) -> None:
    seen = AuditRepository(team_vault.admin.conn).head()
    assert seen is not None
    conn = team_vault.admin.conn
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET hash = ? WHERE seq = ?", ("f" * 64, seen.seq))
    session = access.sign_in(team_vault.root, COUNSELOR, COUNSELOR_PASSWORD)
    try:
        assert any(f"Audit row {seen.seq} is not the one this computer saw" in w for w in session.warnings)
    finally:
        session.close()


def test_an_older_key_file_generation_warns(team_vault: TeamVault, tmp_path: Path) -> None:
    pc_memory.remember(_vault_id(team_vault.root), 5, None)
    session = access.sign_in(team_vault.root, COUNSELOR, COUNSELOR_PASSWORD)
    try:
        assert any("key generation 1, seen 5" in w for w in session.warnings)
    finally:
        session.close()
    assert pc_memory.seen(_vault_id(team_vault.root)).generation == 5  # type: ignore[union-attr]


def test_no_warning_when_nothing_went_back(team_vault: TeamVault) -> None:
    for _ in range(2):
        session = access.sign_in(team_vault.root, COUNSELOR, COUNSELOR_PASSWORD)
        assert session.warnings == ()
        session.lock()
    seen = pc_memory.seen(_vault_id(team_vault.root))
    audit = AuditRepository(team_vault.admin.conn)
    # The head as the last sign-in left it (its lock row came after).
    assert seen is not None and seen.head is not None and seen.head.seq == audit.head().seq - 1  # type: ignore[union-attr]
    assert audit.row_hash(seen.head.seq) == seen.head.hash


def test_the_cli_prints_the_warning_to_stderr(team_vault: TeamVault) -> None:
    from click.testing import CliRunner

    from safecase.cli import cli

    pc_memory.remember(_vault_id(team_vault.root), 9, None)
    env = {"SAFECASE_USER": COUNSELOR, "SAFECASE_PASSWORD": COUNSELOR_PASSWORD}
    result = CliRunner().invoke(cli, ["verify", "--vault", str(team_vault.root)], env=env)
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("safecase: warning: This vault's key file is older")


# --- attack 4: restore an old backup where no readable vault is -------------------------------------------


@pytest.fixture
def old_backup(team_vault: TeamVault, tmp_path: Path) -> Path:
    """A backup made while ``former`` was an administrator; she is disabled afterwards (re-key, gen 2)."""
    accounts = AccountService(team_vault.admin)
    accounts.add_user(FORMER, frozenset({Role.ADMIN}), FORMER_PASSWORD)
    out = tmp_path / "old.safecase-backup"
    create_backup(team_vault.admin, out)
    accounts.disable_user(FORMER)
    assert team_vault.admin.keyfile.generation == 2
    team_vault.admin.close()
    access.sign_in(team_vault.root, COUNSELOR, COUNSELOR_PASSWORD).close()  # this computer saw generation 2
    return out


def _move_aside(root: Path) -> None:
    os.replace(root, root.with_name(root.name + ".aside"))


def _damage_keys(root: Path) -> None:
    (root / "keys.json").write_text("{ not json")


@pytest.mark.parametrize("harm", [_move_aside, _damage_keys], ids=["vault moved aside", "keys.json damaged"])
def test_disabled_admin_cannot_restore_her_old_backup_with_her_password(
    team_vault: TeamVault, old_backup: Path, harm: object
) -> None:
    harm(team_vault.root)  # type: ignore[operator]
    with pytest.raises(PermissionDeniedError, match="needs the recovery key"):
        restore_backup(old_backup, team_vault.root, user_name=FORMER, password=FORMER_PASSWORD, replace=True)
    # Nor with the password of an administrator still in office: the target cannot say who they are.
    with pytest.raises(PermissionDeniedError, match="needs the recovery key"):
        restore_backup(old_backup, team_vault.root, user_name=ADMIN, password=ADMIN_PASSWORD, replace=True)
    # Nothing was restored: the folder is still gone, or still holds the damaged key file.
    assert not team_vault.root.exists() or (team_vault.root / "keys.json").read_text() == "{ not json"


def test_her_forged_backup_with_a_recovery_key_of_her_own_is_refused(
    team_vault: TeamVault, old_backup: Path, tmp_path: Path
) -> None:
    """She makes a vault of her own and passes its recovery key: it opens neither the target nor the backup."""
    other = access.create_vault(tmp_path / "hers", "mallory", "velvet thunder across seven bays")
    other.session.close()
    _move_aside(team_vault.root)
    with pytest.raises(Exception, match="Wrong recovery key"):
        restore_backup(old_backup, team_vault.root, recovery_key=other.recovery_key, replace=True)
    assert not team_vault.root.exists()


@pytest.mark.parametrize(
    ("harm", "previous"),
    [(_move_aside, "missing"), (_damage_keys, "damaged key file")],
    ids=["vault moved aside", "keys.json damaged"],
)
def test_the_recovery_key_restores_and_the_restored_vault_says_over_what(
    team_vault: TeamVault, old_backup: Path, harm: object, previous: str
) -> None:
    harm(team_vault.root)  # type: ignore[operator]
    preview = preview_restore(old_backup, team_vault.root)
    assert preview.summary.generation == 1 and preview.head is not None
    assert preview.target.value == previous
    # This computer opened generation 2 of the vault: the backup puts it back.
    assert any("generation 1" in w and "generation 2" in w for w in preview.warnings)
    result = restore_backup(old_backup, team_vault.root, recovery_key=team_vault.recovery_key, replace=True)
    assert result.previous.value == previous and result.generation == 1
    actions = _actions(team_vault.root)
    over = next(a for a in actions if a["action"] == "vault.restored_over")
    assert over["previous"] == previous and over["generation"] == "1"
    assert over["backup_created"] == result.manifest.created_at
    # Restored on purpose: this computer now remembers the restored state, and verify holds.
    session = access.sign_in(team_vault.root, ADMIN, ADMIN_PASSWORD)
    try:
        assert session.warnings == ()
        assert verify_vault(session).ok
    finally:
        session.close()


def test_missing_database_takes_the_recovery_key_of_the_vault_being_replaced(
    team_vault: TeamVault, old_backup: Path
) -> None:
    (team_vault.root / "safecase.db").unlink()
    for extra in team_vault.root.glob("safecase.db-*"):
        extra.unlink()
    with pytest.raises(PermissionDeniedError, match="its database is missing"):
        restore_backup(old_backup, team_vault.root, user_name=ADMIN, password=ADMIN_PASSWORD, replace=True)
    result = restore_backup(old_backup, team_vault.root, recovery_key=team_vault.recovery_key, replace=True)
    assert result.previous is TargetState.MISSING_DATABASE
    assert any(a["action"] == "vault.restored_over" for a in _actions(team_vault.root))


def test_over_an_intact_vault_the_rules_are_unchanged(team_vault: TeamVault, old_backup: Path) -> None:
    """An administrator of the vault being replaced may restore over it with a password; she may not."""
    with pytest.raises(PermissionDeniedError):
        restore_backup(old_backup, team_vault.root, user_name=FORMER, password=FORMER_PASSWORD, replace=True)
    result = restore_backup(old_backup, team_vault.root, user_name=ADMIN, password=ADMIN_PASSWORD, replace=True)
    assert result.previous is TargetState.INTACT
    assert not any(a["action"] == "vault.restored_over" for a in _actions(team_vault.root))


def test_an_edited_key_file_counts_as_damaged(team_vault: TeamVault, old_backup: Path) -> None:
    """keys.json still parses, but its signed list was swapped: it cannot say who its administrators are."""
    keyfile = keyfiles.load(team_vault.root / "keys.json")
    _, data_key = access.open_user_slot(keyfile, COUNSELOR, COUNSELOR_PASSWORD)
    from dataclasses import replace

    keyfiles.save(team_vault.root / "keys.json", replace(keyfile, accounts=b"\0" * 64).signed(data_key))
    with pytest.raises(PermissionDeniedError, match="needs the recovery key"):
        restore_backup(old_backup, team_vault.root, user_name=ADMIN, password=ADMIN_PASSWORD, replace=True)
    result = restore_backup(old_backup, team_vault.root, recovery_key=team_vault.recovery_key, replace=True)
    assert result.previous is TargetState.DAMAGED_KEY_FILE
