"""Backups and restores: round trip, and every damaged or foreign file refused with nothing changed."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile

from safecase.domain.errors import (
    AuthenticationError,
    BackupError,
    NewerVersionError,
    PermissionDeniedError,
    VaultExistsError,
)
from safecase.services import access
from safecase.services.accounts import AccountService
from safecase.services.audit import AuditService
from safecase.services.backups import create_backup, restore_backup
from safecase.services.settings import SettingsService
from safecase.services.verify import verify_vault
from safecase.vault import backup as backup_module
from vault_support import ADMIN, ADMIN_PASSWORD, COUNSELOR, COUNSELOR_PASSWORD, TeamVault
from vaultfiles import snapshot


@pytest.fixture
def backup_file(team_vault: TeamVault, tmp_path: Path) -> Path:
    SettingsService(team_vault.admin).set_center_name("Seoul center")
    (team_vault.root / "blobs" / "ab").mkdir()
    (team_vault.root / "blobs" / "ab" / "evidence.bin").write_bytes(b"\x00encrypted evidence stand-in")
    out = tmp_path / "backups" / "vault.safecase-backup"
    out.parent.mkdir()
    progress: list[tuple[int, int]] = []
    create_backup(team_vault.admin, out, lambda done, total: progress.append((done, total)))
    assert progress and progress[-1][0] == progress[-1][1]
    return out


def test_backup_holds_only_the_encrypted_files_and_a_manifest(backup_file: Path) -> None:
    with tarfile.open(backup_file) as tar:
        names = tar.getnames()
        manifest = json.loads(tar.extractfile("manifest.json").read())  # type: ignore[union-attr]
    assert names[0] == "manifest.json"
    assert set(names[1:]) == {"safecase.db", "keys.json", "blobs/ab/evidence.bin"}
    assert set(manifest["files"]) == set(names[1:])
    assert len(manifest["mac"]) == 64
    assert oct(backup_file.stat().st_mode & 0o777) == "0o600"
    assert not [p for p in backup_file.parent.iterdir() if p != backup_file]


def test_restore_round_trip(backup_file: Path, team_vault: TeamVault, tmp_path: Path) -> None:
    target = tmp_path / "restored"
    restore_backup(backup_file, target, recovery_key=team_vault.recovery_key)
    session = access.sign_in(target, ADMIN, ADMIN_PASSWORD)
    assert SettingsService(session).current().center_name == "Seoul center"
    assert (target / "blobs" / "ab" / "evidence.bin").read_bytes() == b"\x00encrypted evidence stand-in"
    assert verify_vault(session).ok
    assert any(e.action == "backup.restored" for e in AuditService(session).entries())
    session.close()


def test_restore_with_the_recovery_key(backup_file: Path, team_vault: TeamVault, tmp_path: Path) -> None:
    target = tmp_path / "restored"
    restore_backup(backup_file, target, recovery_key=team_vault.recovery_key)
    access.sign_in(target, COUNSELOR, COUNSELOR_PASSWORD).close()


def test_restore_refuses_an_existing_vault_unless_replace(backup_file: Path, team_vault: TeamVault) -> None:
    AccountService(team_vault.admin).reset_password(COUNSELOR, "changed after the backup was made")
    before = snapshot(team_vault.root)
    with pytest.raises(VaultExistsError):
        restore_backup(backup_file, team_vault.root, user_name=ADMIN, password=ADMIN_PASSWORD)
    assert snapshot(team_vault.root) == before
    team_vault.admin.close()
    restore_backup(backup_file, team_vault.root, user_name=ADMIN, password=ADMIN_PASSWORD, replace=True)
    access.sign_in(team_vault.root, COUNSELOR, COUNSELOR_PASSWORD).close()
    assert not [p for p in team_vault.root.parent.iterdir() if p.name.startswith(".")]


def test_counselor_cannot_restore(backup_file: Path, tmp_path: Path) -> None:
    with pytest.raises(PermissionDeniedError):
        restore_backup(backup_file, tmp_path / "restored", user_name=COUNSELOR, password=COUNSELOR_PASSWORD)
    assert not (tmp_path / "restored").exists()


def test_wrong_recovery_key_restores_nothing(backup_file: Path, tmp_path: Path) -> None:
    wrong = "00000-00000-00000-00000-00000-00000-00000-00000"
    with pytest.raises(AuthenticationError):
        restore_backup(backup_file, tmp_path / "restored", recovery_key=wrong)
    assert not (tmp_path / "restored").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".restored")]


def _rewrite(backup: Path, out: Path, change: dict[str, bytes | None]) -> Path:
    """Copy a backup, replacing (bytes) or dropping (None) members by name."""
    with tarfile.open(backup) as src, tarfile.open(out, "w") as dst:
        for member in src.getmembers():
            data = src.extractfile(member).read()  # type: ignore[union-attr]
            if member.name in change:
                if change[member.name] is None:
                    continue
                data = change[member.name]  # type: ignore[assignment]
            member.size = len(data)
            dst.addfile(member, io.BytesIO(data))
    return out


def _edited_db(backup: Path) -> bytes:
    with tarfile.open(backup) as tar:
        data = bytearray(tar.extractfile("safecase.db").read())  # type: ignore[union-attr]
    data[5000] ^= 0xFF
    return bytes(data)


def _manifest(backup: Path, **changes: object) -> bytes:
    with tarfile.open(backup) as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())  # type: ignore[union-attr]
    manifest.update(changes)
    return json.dumps(manifest).encode()


@pytest.mark.parametrize(
    "damage",
    ["truncated", "empty", "not a tar", "edited database", "missing keys", "edited manifest", "path traversal"],
)
def test_damaged_backup_is_refused_and_nothing_is_written(
    backup_file: Path, tmp_path: Path, team_vault: TeamVault, damage: str
) -> None:
    bad = tmp_path / "bad.tar"
    raw = backup_file.read_bytes()
    if damage == "truncated":
        bad.write_bytes(raw[: len(raw) * 2 // 3])
    elif damage == "empty":
        bad.write_bytes(b"")
    elif damage == "not a tar":
        bad.write_bytes(b"PK\x03\x04 this is a zip, or something")
    elif damage == "edited database":
        _rewrite(backup_file, bad, {"safecase.db": _edited_db(backup_file)})
    elif damage == "missing keys":
        _rewrite(backup_file, bad, {"keys.json": None})
    elif damage == "edited manifest":
        _rewrite(backup_file, bad, {"manifest.json": _manifest(backup_file, created_at="1999-01-01T00:00:00+00:00")})
    elif damage == "path traversal":
        with tarfile.open(backup_file) as src, tarfile.open(bad, "w") as dst:
            for member in src.getmembers():
                data = src.extractfile(member).read()  # type: ignore[union-attr]
                if member.name == "keys.json":
                    member.name = "../keys.json"
                dst.addfile(member, io.BytesIO(data))
    before_vault = snapshot(team_vault.root)
    with pytest.raises(BackupError):
        restore_backup(bad, tmp_path / "restored", recovery_key=team_vault.recovery_key)
    assert not (tmp_path / "restored").exists()
    assert not (tmp_path / "keys.json").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".restored")]
    assert snapshot(team_vault.root) == before_vault


def test_backup_from_a_newer_safecase_is_refused(backup_file: Path, team_vault: TeamVault, tmp_path: Path) -> None:
    bad = _rewrite(backup_file, tmp_path / "newer.tar", {"manifest.json": _manifest(backup_file, version=9)})
    with pytest.raises(NewerVersionError):
        restore_backup(bad, tmp_path / "restored", recovery_key=team_vault.recovery_key)


def test_backup_to_an_unwritable_place_fails_cleanly(team_vault: TeamVault, tmp_path: Path) -> None:
    with pytest.raises(BackupError):
        create_backup(team_vault.admin, tmp_path / "no-such-folder" / "backup.tar")
    with pytest.raises(BackupError):
        create_backup(team_vault.admin, tmp_path)
    assert not [p for p in team_vault.root.iterdir() if p.name.startswith(".safecase-backup")]


def test_backup_inside_the_vault_folder_is_refused(team_vault: TeamVault) -> None:
    with pytest.raises(BackupError, match="inside the vault"):
        create_backup(team_vault.admin, team_vault.root / "blobs" / "backup.tar")


def test_replace_keeps_the_old_vault_aside(backup_file: Path, team_vault: TeamVault) -> None:
    team_vault.admin.close()
    result = restore_backup(backup_file, team_vault.root, user_name=ADMIN, password=ADMIN_PASSWORD, replace=True)
    assert result.replaced_copy is not None and result.replaced_copy.name.startswith("vault.replaced-")
    assert (result.replaced_copy / "keys.json").is_file() and (result.replaced_copy / "safecase.db").is_file()


def test_replace_needs_an_admin_of_the_current_vault(backup_file: Path, team_vault: TeamVault) -> None:
    """A former admin holding an old backup cannot roll today's vault back with the backup's password."""
    AccountService(team_vault.admin).reset_password(ADMIN, "rolled over after the old one leaked")
    team_vault.admin.close()
    before = snapshot(team_vault.root)
    with pytest.raises(PermissionDeniedError, match="vault being replaced"):
        restore_backup(backup_file, team_vault.root, user_name=ADMIN, password=ADMIN_PASSWORD, replace=True)
    assert snapshot(team_vault.root) == before
    # The current vault's recovery key (the same vault, so the same key) still may.
    restore_backup(backup_file, team_vault.root, recovery_key=team_vault.recovery_key, replace=True)


def test_replace_is_refused_while_the_app_has_the_vault_open(backup_file: Path, team_vault: TeamVault) -> None:

    lock = QLockFile(str(team_vault.root / "safecase.lock"))
    assert lock.tryLock(0)
    try:
        team_vault.admin.close()
        before = snapshot(team_vault.root)
        with pytest.raises(BackupError, match="open on"):
            restore_backup(backup_file, team_vault.root, user_name=ADMIN, password=ADMIN_PASSWORD, replace=True)
        assert snapshot(team_vault.root) == before
    finally:
        lock.unlock()


# --- backups across a re-key, and what a backup and a restore must never do ------------------------


def test_backup_taken_across_a_rekey_is_refused_not_broken(
    team_vault: TeamVault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """keys.json was read after the database copy; a re-key in between gave a backup whose key file
    cannot open its database, reported as written."""
    real_export = backup_module.export_copy  # type: ignore[attr-defined]

    def export_then_someone_rekeys(*args: object) -> None:
        real_export(*args)  # type: ignore[arg-type]
        cli = access.sign_in(team_vault.root, ADMIN, ADMIN_PASSWORD)
        AccountService(cli).disable_user(COUNSELOR)
        cli.close()

    monkeypatch.setattr(backup_module, "export_copy", export_then_someone_rekeys)
    out = tmp_path / "backup.tar"
    with pytest.raises(BackupError, match="re-keyed while the backup"):
        create_backup(team_vault.admin, out)
    monkeypatch.undo()
    if out.exists():  # a file that was written must restore
        restore_backup(out, tmp_path / "restored", recovery_key=team_vault.recovery_key)


def test_backup_does_not_carry_the_os_account_name(team_vault: TeamVault, tmp_path: Path) -> None:
    out = tmp_path / "backup.tar"
    create_backup(team_vault.admin, out)
    with tarfile.open(out) as tar:
        for member in tar.getmembers():
            assert (member.uname, member.gname, member.uid, member.gid) == ("", "", 0, 0), member.name


def test_restore_replace_refuses_a_folder_that_is_not_a_vault(team_vault: TeamVault, tmp_path: Path) -> None:
    """--replace renamed any non-empty folder away and deleted it, e.g. a mistyped --vault ~/Documents."""
    out = tmp_path / "backup.tar"
    create_backup(team_vault.admin, out)
    documents = tmp_path / "Documents"
    documents.mkdir()
    (documents / "thesis.docx").write_bytes(b"four years of work")
    with pytest.raises(BackupError):
        restore_backup(out, documents, recovery_key=team_vault.recovery_key, replace=True)
    assert (documents / "thesis.docx").read_bytes() == b"four years of work"
