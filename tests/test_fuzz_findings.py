"""What fuzzing the vault's files found (issue 8), each pinned by the smallest file that showed it.

Every one of these escaped as a Python exception (RecursionError, ValueError, UnicodeEncodeError,
OverflowError, OSError) where SafeCase promises a one-line refusal, or put Python's or SQLite's own
words and line breaks into what a person reads.
"""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from safecase.crypto.encoding import canonical_json
from safecase.crypto.subkeys import BACKUP_MANIFEST_MAC, derive_subkey, mac
from safecase.domain.errors import BackupError, VaultFormatError
from safecase.services import access, demo
from safecase.services.backups import create_backup, restore_backup
from safecase.services.verify import verify_vault
from safecase.vault import backup as backup_files
from safecase.vault import throttle
from safecase.vault.keyfile import slot_id_for
from safecase.vault.paths import VaultPaths
from vault_support import ADMIN, ADMIN_PASSWORD, TeamVault

DEEP_ARRAY = "[" * 100_000 + "]" * 100_000
HUGE_INT = "9" * 5000  # more digits than Python converts (4300) without being asked to


def _keys(team_vault: TeamVault) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(VaultPaths(team_vault.root).keyfile.read_bytes())
    return document


def _with_checksum(document: dict[str, Any]) -> bytes:
    """As a careful editor leaves keys.json: the checksum made again over what was changed."""
    body = {k: v for k, v in document.items() if k != "checksum"}
    return json.dumps({**body, "checksum": hashlib.sha256(canonical_json(body)).hexdigest()}).encode()


def _keyfile_variants(team_vault: TeamVault) -> dict[str, bytes]:
    document = _keys(team_vault)
    text = json.dumps(document)
    return {
        "nested too deep": text.replace('"admin_key_history": []', f'"admin_key_history": {DEEP_ARRAY}').encode(),
        "a number too long": text.replace(
            f'"generation": {document["generation"]}', f'"generation": {HUGE_INT}'
        ).encode(),
        "a lone surrogate": text.replace(document["vault_id"], "\\udcff").encode(),
        "an infinite generation": _with_checksum({**document, "generation": float("inf")}),
        "an infinite cost": _with_checksum({**document, "kdf": {**document["kdf"], "memory_kib": float("inf")}}),
    }


@pytest.mark.parametrize(
    "damage", ["nested too deep", "a number too long", "a lone surrogate", "an infinite generation", "an infinite cost"]
)
def test_a_key_file_python_cannot_read_is_damaged_not_a_crash(team_vault: TeamVault, damage: str) -> None:
    team_vault.admin.close()
    VaultPaths(team_vault.root).keyfile.write_bytes(_keyfile_variants(team_vault)[damage])
    with pytest.raises(VaultFormatError, match=r"keys\.json\) is damaged"):
        access.sign_in(team_vault.root, ADMIN, ADMIN_PASSWORD)


def _backup_with_manifest(
    team_vault: TeamVault, tmp_path: Path, manifest: bytes | Callable[[dict[str, Any]], bytes]
) -> Path:
    """A backup of the team vault with ``manifest`` instead of its own (or what ``manifest`` makes of it)."""
    good = tmp_path / "good.safecase-backup"
    create_backup(team_vault.admin, good)
    bad = tmp_path / "bad.safecase-backup"
    with tarfile.open(good) as src, tarfile.open(bad, "w") as dst:
        for member in src.getmembers():
            data = src.extractfile(member).read()  # type: ignore[union-attr]
            if member.name == "manifest.json":
                data = manifest(json.loads(data)) if callable(manifest) else manifest
            member.size = len(data)
            dst.addfile(member, io.BytesIO(data))
    return bad


@pytest.mark.parametrize(
    "manifest",
    [
        b'{"format": "safecase.backup", "version": 1, "files": ' + DEEP_ARRAY.encode() + b"}",
        b'{"format": "safecase.backup", "version": 1e999}',
        b'{"format": "safecase.backup", "version": 1, "vault_id": "v", "created_at": "", "app_version": "", '
        b'"schema_version": -Infinity, "files": {}, "mac": ""}',
    ],
    ids=["nested too deep", "an infinite version", "an infinite schema version"],
)
def test_a_backup_manifest_python_cannot_read_is_refused(
    team_vault: TeamVault, tmp_path: Path, manifest: bytes
) -> None:
    bad = _backup_with_manifest(team_vault, tmp_path, manifest)
    with pytest.raises(BackupError, match="not a SafeCase backup"):
        restore_backup(bad, tmp_path / "restored", recovery_key=team_vault.recovery_key)
    assert not (tmp_path / "restored").exists()


def test_a_backup_manifest_with_a_lone_surrogate_is_refused(team_vault: TeamVault, tmp_path: Path) -> None:
    """Every file's hash right, but "\\udcff" in a string the MAC covers: computing the MAC raised
    UnicodeEncodeError out of restore. No key is needed to write that."""
    bad = _backup_with_manifest(
        team_vault, tmp_path, lambda manifest: json.dumps({**manifest, "app_version": "\udcff"}).encode()
    )
    with pytest.raises(BackupError, match="not a SafeCase backup"):
        restore_backup(bad, tmp_path / "restored", recovery_key=team_vault.recovery_key)


def test_a_backup_whose_database_is_empty_is_refused_even_with_its_manifest_made_again(
    team_vault: TeamVault, tmp_path: Path
) -> None:
    """An empty file opens under any key as an empty database, which has no ``meta`` table: the check
    of its vault id raised SQLite's OperationalError out of restore. It takes the data key to make the
    manifest match (anyone who can sign in has it), but a restore still answers in one line."""
    good = tmp_path / "good.safecase-backup"
    create_backup(team_vault.admin, good)
    with tarfile.open(good) as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())  # type: ignore[union-attr]
    manifest["files"]["safecase.db"] = hashlib.sha256(b"").hexdigest()
    body = {k: v for k, v in manifest.items() if k != "mac"}
    manifest["mac"] = mac(derive_subkey(team_vault.admin.data_key, BACKUP_MANIFEST_MAC), canonical_json(body))
    bad = tmp_path / "bad.safecase-backup"
    with tarfile.open(good) as src, tarfile.open(bad, "w") as dst:
        for member in src.getmembers():
            data = src.extractfile(member).read()  # type: ignore[union-attr]
            data = {"manifest.json": json.dumps(manifest).encode(), "safecase.db": b""}.get(member.name, data)
            member.size = len(data)
            dst.addfile(member, io.BytesIO(data))
    with pytest.raises(BackupError, match="database in this backup is damaged"):
        restore_backup(bad, tmp_path / "restored", recovery_key=team_vault.recovery_key)
    assert not (tmp_path / "restored").exists()


@pytest.mark.parametrize(
    "content",
    [
        '{"failures": ' + DEEP_ARRAY + "}",
        '{"failures": {"SLOT": 1e999}}',
        '{"failures": {"SLOT": 9}, "last_failure": {"SLOT": 1e999}}',
        '{"pending": [{"slot": "SLOT", "at": 1e300, "reason": "wrong password"}]}',
        '{"pending": [{"slot": "SLOT", "at": NaN, "reason": "wrong password"}]}',
    ],
    ids=["nested too deep", "infinite failures", "a failure at infinity", "a failure in the year 1e292", "at NaN"],
)
def test_a_damaged_sign_in_delay_file_counts_as_empty(team_vault: TeamVault, content: str) -> None:
    """The file is not authenticated (anyone who can write the folder can write it); read as empty, as
    the module promises for an unreadable one, instead of failing every sign-in."""
    team_vault.admin.close()
    slot = slot_id_for(team_vault.admin.keyfile.vault_id, ADMIN)
    VaultPaths(team_vault.root).throttle.write_text(content.replace("SLOT", slot), "utf-8")
    access.sign_in(team_vault.root, ADMIN, ADMIN_PASSWORD).close()


def test_a_failure_dated_in_the_future_delays_no_longer_than_its_delay(team_vault: TeamVault) -> None:
    """A clock set back after a failure (or an edited file) must not lock an account until that date."""
    state = throttle.ThrottleState(failures={"slot": 20}, last_failure={"slot": 250_000_000_000.0})
    wait = state.wait_seconds("slot", 1_800_000_000.0)
    assert 0 < wait <= throttle.delay_after_failures(20)


def test_verify_details_are_one_line_in_plain_words(team_vault: TeamVault) -> None:
    """SQLite's integrity report has line breaks of its own, and a page that does not decrypt raised
    MemoryError, whose empty message verify replaced with the class name."""
    demo.add_demo_cases(team_vault.admin, 40, seed=3)
    team_vault.admin.close()
    db = VaultPaths(team_vault.root).db
    data = bytearray(db.read_bytes())
    data[-4096:] = bytes(4096)  # the last page, zeroed
    db.write_bytes(bytes(data))
    session = access.sign_in(team_vault.root, ADMIN, ADMIN_PASSWORD)
    try:
        report = verify_vault(session)
    finally:
        session.close()
    assert not report.ok
    for check in report.checks:
        assert len(check.detail.splitlines()) == 1, check.detail
        assert "Error" not in check.detail, check.detail


@pytest.mark.parametrize("swap", [True, False], ids=["folders swapped", "two renames"])
def test_two_restores_in_the_same_second_keep_both_replaced_vaults(
    team_vault: TeamVault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, swap: bool
) -> None:
    """The replaced vault was renamed to NAME.replaced-TIME, to the second: the second restore within a
    second failed with OSError (two renames) or left the vault it replaced under the staging name."""
    backup = tmp_path / "vault.safecase-backup"
    create_backup(team_vault.admin, backup)
    team_vault.admin.close()

    class SameSecond(datetime):
        @classmethod
        def now(cls, tz: Any = None) -> SameSecond:
            return cls(2026, 6, 1, 9, 30, 0)

    monkeypatch.setattr(backup_files, "datetime", SameSecond)
    if not swap:
        monkeypatch.setattr(backup_files, "exchange_paths", lambda first, second: False)
    kept = []
    for _ in range(2):
        result = restore_backup(backup, team_vault.root, user_name=ADMIN, password=ADMIN_PASSWORD, replace=True)
        assert result.replaced_copy is not None
        kept.append(result.replaced_copy.name)
    assert kept == ["vault.replaced-20260601T093000", "vault.replaced-20260601T093000-2"]
    assert not [p for p in tmp_path.iterdir() if ".restoring-" in p.name]
    access.sign_in(team_vault.root, ADMIN, ADMIN_PASSWORD).close()
