"""Attacks on the accounts by a colleague who holds the data key: each is now refused or named.

The attacker here is a counselor with a copy of the vault, her own password (so the data key and her
slot's private key) and Python. She uses SafeCase's own code to do what she could always do: edit the
database, rewrite keys.json, recompute its checksum and MAC. What she must not achieve: a role she
was not given, a key slot that keeps working after she is disabled, a recovery key of her own, or a
list of who holds which role read out of keys.json without any key.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from safecase.crypto.errors import CryptoError
from safecase.crypto.keyslots import UnlockedKey, lock_private_key, new_key_pair
from safecase.crypto.recovery import generate_recovery_key
from safecase.crypto.signing import new_signing_key, verifying_key_of
from safecase.domain.errors import AuthenticationError, PermissionDeniedError, VaultFormatError
from safecase.domain.roles import Role
from safecase.services import access
from safecase.services.accounts import AccountService, reset_password_with_recovery_key
from safecase.services.audit import AuditService
from safecase.services.verify import verify_vault
from safecase.vault import keyfile as keyfiles
from safecase.vault.connection import connect
from safecase.vault.keyfile import (
    KIND_USER,
    PART_ADMIN,
    RECOVERY_SLOT_ID,
    SLOT_MULTIPLE,
    KeyFile,
    lock_binding,
    new_slot,
    open_accounts,
    seal_part,
    sign_accounts,
    slot_id_for,
    with_accounts,
)
from safecase.vault.repositories.audit import AuditRepository
from vault_support import (
    ADMIN,
    ADMIN_PASSWORD,
    COUNSELOR,
    COUNSELOR_PASSWORD,
    SUPERVISOR,
    SUPERVISOR_PASSWORD,
    TeamVault,
)
from vaultfiles import snapshot

HER_PASSWORD = "a pass phrase only she knows"
NEW_PASSWORD = "a completely new pass phrase"


# --- the attacker's toolkit: SafeCase's own code and the data key -------------------------------------


def _her_keys(root: Path) -> tuple[KeyFile, bytes, UnlockedKey]:
    """What the counselor gets from her own password: the key file, the data key, her slot's key."""
    keyfile = keyfiles.load(root / "keys.json")
    slot = keyfile.find(slot_id_for(keyfile.vault_id, COUNSELOR))
    assert slot is not None
    unlocked, _ = access.unlock_slot(keyfile, slot, COUNSELOR_PASSWORD)
    _, data_key = access.open_user_slot(keyfile, COUNSELOR, COUNSELOR_PASSWORD)
    return keyfile, data_key, unlocked


def _write(root: Path, keyfile: KeyFile, data_key: bytes) -> None:
    """Save an edited key file with its MAC and checksum recomputed, as the data key allows."""
    keyfiles.save(root / "keys.json", keyfile.signed(data_key))


def _edit_roles(root: Path, data_key: bytes, name: str, roles: str) -> None:
    conn = connect(root / "safecase.db", data_key)
    try:
        conn.execute("UPDATE users SET roles = ? WHERE name = ?", (roles, name))
    finally:
        conn.close()


def _refusals(root: Path, data_key: bytes) -> list[str]:
    conn = connect(root / "safecase.db", data_key)
    try:
        entries = AuditRepository(conn).page(limit=1000)
    finally:
        conn.close()
    return [e.details.get("reason", "") for e in entries if e.action == "auth.sign_in_failed"]


def _with_admin_part(keyfile: KeyFile, slot_id: str, admin_key: bytes) -> KeyFile:
    slot = keyfile.find(slot_id)
    assert slot is not None
    envelope = seal_part(keyfile.vault_id, slot_id, slot.public_key, PART_ADMIN, admin_key)
    return keyfile.with_slot(replace(slot, sealed_keys=slot.sealed_keys.with_part(PART_ADMIN, envelope)))


# --- attack 1: making herself administrator -------------------------------------------------------------


def test_attack1_self_made_admin_key_and_edited_roles_are_refused(team_vault: TeamVault) -> None:
    """She seals an administrators' key of her own into her slot and gives herself admin in the database."""
    root = team_vault.root
    keyfile, data_key, _ = _her_keys(root)
    her_slot = slot_id_for(keyfile.vault_id, COUNSELOR)
    _write(root, _with_admin_part(keyfile, her_slot, new_signing_key()), data_key)
    _edit_roles(root, data_key, COUNSELOR, "admin,counselor")

    with pytest.raises(VaultFormatError, match="differ from the list the administrators signed"):
        access.sign_in(root, COUNSELOR, COUNSELOR_PASSWORD)
    assert "database differs from the account list" in _refusals(root, data_key)

    # The administrator's next sign-in puts the database back to the signed list, in the audit log.
    team_vault.admin.close()
    admin = access.sign_in(root, ADMIN, ADMIN_PASSWORD)
    roles = {u.name: u.roles for u in AccountService(admin).list_users()}
    assert roles[COUNSELOR] == {Role.COUNSELOR}
    repaired = [e for e in AuditService(admin).entries() if e.action == "user.roles_changed"]
    assert repaired and repaired[0].target_id == COUNSELOR
    assert repaired[0].details["source"] == "signed account list"
    assert verify_vault(admin).ok
    admin.close()

    # Signed in again, she is what the list says: a counselor, without the administrators' key.
    her = access.sign_in(root, COUNSELOR, COUNSELOR_PASSWORD)
    try:
        assert her.user.roles == {Role.COUNSELOR}
        with pytest.raises(PermissionDeniedError):
            _ = her.admin_key
        with pytest.raises(PermissionDeniedError):
            AccountService(her).disable_user(ADMIN)
    finally:
        her.close()


def test_attack1_account_list_signed_with_her_own_key_is_refused(team_vault: TeamVault, tmp_path: Path) -> None:
    """She rewrites the signed list to say she is an admin and signs it with a key she made."""
    root = team_vault.root
    shutil.copy(root / "keys.json", tmp_path / "keys-before.json")
    keyfile, data_key, _ = _her_keys(root)
    her_slot = slot_id_for(keyfile.vault_id, COUNSELOR)
    fake_admin = new_signing_key()
    accounts = open_accounts(keyfile, data_key).accounts
    mine = accounts.account(her_slot)
    assert mine is not None
    forged = accounts.with_account(replace(mine, roles=frozenset({Role.ADMIN, Role.COUNSELOR})))
    keyfile = _with_admin_part(keyfile, her_slot, fake_admin)
    _write(root, with_accounts(keyfile, sign_accounts(forged, fake_admin), data_key), data_key)
    _edit_roles(root, data_key, COUNSELOR, "admin,counselor")
    team_vault.admin.close()

    for name, password in ((COUNSELOR, COUNSELOR_PASSWORD), (ADMIN, ADMIN_PASSWORD)):
        with pytest.raises(VaultFormatError, match="not signed by this vault's administrators"):
            access.sign_in(root, name, password)
    assert _refusals(root, data_key).count("account list not signed") == 2

    # keys.json from before (a backup) brings back the vault as the administrators left it.
    shutil.copy(tmp_path / "keys-before.json", root / "keys.json")
    admin = access.sign_in(root, ADMIN, ADMIN_PASSWORD)
    assert {u.name: u.roles for u in AccountService(admin).list_users()}[COUNSELOR] == {Role.COUNSELOR}
    admin.close()


def test_attack1_swapped_administrators_key_fools_nobody_else(team_vault: TeamVault) -> None:
    """She replaces the trust anchor with her own key, re-locks her own slot under it and signs a list.

    Holding the data key she could always build a vault of her own from the database; this is that.
    What matters is that nobody else accepts it: every other slot's lock is bound to the real
    administrators' key, so the real admin, the supervisor and the recovery key are all refused
    rather than signed in to a vault where she is an administrator.
    """
    root = team_vault.root
    keyfile, data_key, unlocked = _her_keys(root)
    her_slot_id = slot_id_for(keyfile.vault_id, COUNSELOR)
    fake_admin = new_signing_key()
    fake_public = verifying_key_of(fake_admin)
    her_slot = keyfile.find(her_slot_id)
    assert her_slot is not None
    locked = lock_private_key(
        COUNSELOR_PASSWORD,
        unlocked.private_key,
        lock_binding(keyfile.vault_id, her_slot_id, KIND_USER, fake_public),
        keyfile.kdf,
    )
    keyfile = _with_admin_part(keyfile.with_slot(replace(her_slot, locked=locked)), her_slot_id, fake_admin)
    keyfile = replace(keyfile, admin_public_key=fake_public, admin_key_history=())
    accounts = open_accounts(keyfile, data_key).accounts
    mine = accounts.account(her_slot_id)
    assert mine is not None
    forged = replace(
        accounts.with_account(replace(mine, roles=frozenset({Role.ADMIN, Role.COUNSELOR}))),
        admin_public_key=fake_public,
    )
    _write(root, with_accounts(keyfile, sign_accounts(forged, fake_admin), data_key), data_key)
    _edit_roles(root, data_key, COUNSELOR, "admin,counselor")
    team_vault.admin.close()

    with pytest.raises(AuthenticationError):
        access.sign_in(root, ADMIN, ADMIN_PASSWORD)
    with pytest.raises(AuthenticationError):
        access.sign_in(root, SUPERVISOR, SUPERVISOR_PASSWORD)
    with pytest.raises(AuthenticationError):
        access.open_recovery(root, team_vault.recovery_key)


# --- attack 2: keys that outlive their owner -----------------------------------------------------------


def test_attack2_planted_and_recovery_slots_are_named_and_never_get_the_new_key(team_vault: TeamVault) -> None:
    """While enabled, he adds a slot of his own and replaces the recovery slot with one for his own key."""
    root = team_vault.root
    keyfile, data_key, _ = _her_keys(root)
    vault_id = keyfile.vault_id
    planted = new_slot(
        vault_id, os.urandom(16).hex(), keyfile.admin_public_key, HER_PASSWORD, keyfile.kdf, data_key=data_key
    )
    ghost = new_slot(
        vault_id, slot_id_for(vault_id, "ghost"), keyfile.admin_public_key, HER_PASSWORD, keyfile.kdf, data_key=data_key
    )
    his_recovery_key = generate_recovery_key()
    fake_recovery = new_slot(
        vault_id, RECOVERY_SLOT_ID, keyfile.admin_public_key, his_recovery_key, keyfile.kdf, data_key=data_key
    )
    _write(root, keyfile.with_slot(planted).with_slot(ghost).with_slot(fake_recovery), data_key)

    # verify names each of them.
    check = next(c for c in verify_vault(team_vault.admin).checks if c.name == "Accounts and key slots")
    assert not check.ok
    assert f"key slot {planted.slot_id[:8]} matches no account" in check.detail
    assert "a key slot for “ghost”" not in check.detail  # "ghost" has no account: no name to give
    assert f"key slot {ghost.slot_id[:8]} matches no account" in check.detail
    assert "the recovery slot is not the one the administrators signed" in check.detail

    # A slot the list does not name lets nobody in, and his recovery key is not the vault's.
    with pytest.raises(VaultFormatError, match="not on the account list"):
        access.sign_in(root, "ghost", HER_PASSWORD)
    with pytest.raises(VaultFormatError, match="recovery slot"):
        access.open_recovery(root, his_recovery_key)

    # Disabling him must not serve his recovery slot: refused, unless the recovery key is replaced.
    before = snapshot(root)
    with pytest.raises(VaultFormatError, match="recovery slot"):
        AccountService(team_vault.admin).disable_user(COUNSELOR)
    assert snapshot(root) == before
    new_recovery = AccountService(team_vault.admin).disable_user(COUNSELOR, new_recovery_key=True)
    assert new_recovery is not None

    after = keyfiles.load(root / "keys.json")
    assert after.find(planted.slot_id) is None and after.find(ghost.slot_id) is None
    assert after.recovery.public_key != fake_recovery.public_key
    with pytest.raises(AuthenticationError):
        access.open_recovery(root, his_recovery_key)
    rotated = next(e for e in AuditService(team_vault.admin).entries() if e.action == "key.rotated")
    assert set(rotated.details["unlisted_slots_removed"].split(",")) == {planted.slot_id, ghost.slot_id}
    assert rotated.details["recovery_key"] == new_recovery.fingerprint
    assert verify_vault(team_vault.admin).ok
    assert access.recovery_key_fingerprint(team_vault.admin) == new_recovery.fingerprint

    # The new paper key works; the database is under a key his planted slots never saw.
    team_vault.admin.close()
    reset_password_with_recovery_key(root, new_recovery.key, SUPERVISOR, NEW_PASSWORD)
    access.sign_in(root, SUPERVISOR, NEW_PASSWORD).close()
    with pytest.raises(VaultFormatError):
        connect(root / "safecase.db", data_key)


def test_disabling_someone_keeps_the_paper_recovery_key_working(team_vault: TeamVault) -> None:
    """Without tampering, the recovery slot the administrators signed gets the new data key."""
    AccountService(team_vault.admin).disable_user(COUNSELOR)
    team_vault.admin.close()
    reset_password_with_recovery_key(team_vault.root, team_vault.recovery_key, ADMIN, NEW_PASSWORD)
    access.sign_in(team_vault.root, ADMIN, NEW_PASSWORD).close()


def test_replaced_slot_of_another_user_is_refused_named_and_not_served(team_vault: TeamVault) -> None:
    """He swaps the supervisor's slot for one whose password he knows, with a supervisors' key of his own."""
    root = team_vault.root
    keyfile, data_key, _ = _her_keys(root)
    own_supervisor_key, _ = new_key_pair()
    replaced = new_slot(
        keyfile.vault_id,
        slot_id_for(keyfile.vault_id, SUPERVISOR),
        keyfile.admin_public_key,
        HER_PASSWORD,
        keyfile.kdf,
        data_key=data_key,
        supervisor_key=own_supervisor_key,
    )
    _write(root, keyfile.with_slot(replaced), data_key)

    with pytest.raises(VaultFormatError, match="replaced outside SafeCase"):
        access.sign_in(root, SUPERVISOR, HER_PASSWORD)
    assert "slot replaced" in _refusals(root, data_key)
    check = next(c for c in verify_vault(team_vault.admin).checks if c.name == "Accounts and key slots")
    assert "the key slot of “supervisor” is not the one the administrators signed" in check.detail

    AccountService(team_vault.admin).disable_user(COUNSELOR)
    assert keyfiles.load(root / "keys.json").find(replaced.slot_id) is None
    # An administrator gives the supervisor a new slot.
    AccountService(team_vault.admin).reset_password(SUPERVISOR, NEW_PASSWORD)
    supervisor = access.sign_in(root, SUPERVISOR, NEW_PASSWORD)
    try:
        assert supervisor.supervisor_key is not None
    finally:
        supervisor.close()
    assert verify_vault(team_vault.admin).ok


# --- attack 9: reading the staff out of keys.json ------------------------------------------------------


def _shape(value: Any) -> Any:
    """The structure of a JSON value with every string replaced by its length."""
    if isinstance(value, dict):
        return {key: _shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_shape(item) for item in value]
    if isinstance(value, str):
        return len(value)
    return value


def _readable(root: Path) -> dict[str, Any]:
    document = json.loads((root / "keys.json").read_bytes())
    assert isinstance(document, dict)
    return document


def test_attack9_key_file_says_nothing_about_accounts_or_roles(team_vault: TeamVault) -> None:
    raw = (team_vault.root / "keys.json").read_bytes()
    for word in (b"roles", b"counselor", b"disabled", b"enabled", b'"name"'):
        assert word not in raw
    document = _readable(team_vault.root)
    # Three accounts, eight slots that all look alike (the decoys are padding).
    slots = document["slots"]
    assert len(slots) == SLOT_MULTIPLE
    assert len({json.dumps(_shape(slot), sort_keys=True) for slot in slots}) == 1
    assert _shape(document["recovery"]) == {k: v for k, v in _shape(slots[0]).items() if k != "id"}
    # The account list opens only with the data key.
    with pytest.raises(CryptoError):
        open_accounts(keyfiles.load(team_vault.root / "keys.json"), os.urandom(32))

    accounts = AccountService(team_vault.admin)
    accounts.disable_user(COUNSELOR)
    for n in range(6):
        accounts.add_user(f"staff{n}", frozenset({Role.COUNSELOR}), f"{NEW_PASSWORD} number {n}")
    slots = _readable(team_vault.root)["slots"]
    assert len(slots) == 2 * SLOT_MULTIPLE  # nine accounts (one disabled) round up to sixteen
    assert len({json.dumps(_shape(slot), sort_keys=True) for slot in slots}) == 1
