"""Key file version 2 at work: the vault's Argon2id cost, upgrades from version 1, role keys.

What the signed account list defends against is in test_attacks_accounts.py; here is what it takes to
run a vault on it: the cost chosen once and kept, old slots re-locked at their owner's sign-in, a
version-1 key file upgraded by an administrator, the administrators' and supervisors' keys handed out
and replaced as roles change.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from safecase.crypto import kdf as kdf_module
from safecase.crypto.kdf import CREATION_MIN_ITERATIONS, CREATION_MIN_MEMORY_KIB, FLOOR_PARAMS, Argon2Params
from safecase.crypto.keyslots import lock_private_key, public_key_of
from safecase.crypto.signing import verifying_key_of
from safecase.domain.errors import (
    AuthenticationError,
    InputError,
    PermissionDeniedError,
    VaultFormatError,
    VaultLockedError,
)
from safecase.domain.roles import Role
from safecase.services import access
from safecase.services.accounts import AccountService, reset_password_with_recovery_key
from safecase.services.verify import verify_vault
from safecase.vault import keyfile as keyfiles
from safecase.vault.keyfile import (
    KIND_USER,
    SLOT_MULTIPLE,
    KeyFile,
    lock_binding,
    open_accounts,
    sign_accounts,
    slot_id_for,
    with_accounts,
)
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

FIXTURES = Path(__file__).parent / "fixtures"
NEW_PASSWORD = "a completely new pass phrase"
# Cheap, but one pass more than the floor the fixtures were written with.
TWO_PASSES = Argon2Params(memory_kib=FLOOR_PARAMS.memory_kib, iterations=2, lanes=1)
SOURCE = Path(__file__).parent.parent / "src" / "safecase"


def _keyfile(root: Path) -> KeyFile:
    return keyfiles.load(root / "keys.json")


def _slot_params(root: Path, name: str) -> Argon2Params:
    keyfile = _keyfile(root)
    slot = keyfile.find(slot_id_for(keyfile.vault_id, name))
    assert slot is not None
    return slot.locked.params


def _bound_anchor(root: Path, name: str, password: str) -> bytes | None:
    keyfile = _keyfile(root)
    slot = keyfile.find(slot_id_for(keyfile.vault_id, name))
    assert slot is not None
    return access.unlock_slot(keyfile, slot, password)[1]


# --- the Argon2id cost: chosen once, kept in keys.json -------------------------------------------------


def test_cost_is_calibrated_once_at_creation_and_kept(vault_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    chosen = Argon2Params(memory_kib=CREATION_MIN_MEMORY_KIB, iterations=CREATION_MIN_ITERATIONS, lanes=1)
    calls: list[Argon2Params] = []

    def calibrate_once() -> Argon2Params:
        calls.append(chosen)
        return chosen

    access.set_default_kdf_params(None)  # as in production
    monkeypatch.setattr(access, "calibrate", calibrate_once)
    created = access.create_vault(vault_dir, ADMIN, ADMIN_PASSWORD)
    try:
        AccountService(created.session).add_user(COUNSELOR, frozenset({Role.COUNSELOR}), COUNSELOR_PASSWORD)
    finally:
        created.session.close()
    access.sign_in(vault_dir, COUNSELOR, COUNSELOR_PASSWORD).close()
    assert calls == [chosen]
    keyfile = _keyfile(vault_dir)
    assert keyfile.kdf == chosen
    assert json.loads((vault_dir / "keys.json").read_text())["kdf"]["memory_kib"] == CREATION_MIN_MEMORY_KIB
    assert {slot.locked.params for slot in (*keyfile.slots, keyfile.recovery)} == {chosen}


def test_production_never_takes_the_test_cost(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the test hook a new vault's cost comes from calibration, which never goes below the floor."""
    access.set_default_kdf_params(None)
    sentinel = Argon2Params(memory_kib=256 * 1024, iterations=4, lanes=4)
    monkeypatch.setattr(access, "calibrate", lambda: sentinel)
    assert access.kdf_params_for_new_vault() == sentinel
    monkeypatch.setattr(access, "calibrate", lambda: FLOOR_PARAMS)
    with pytest.raises(AssertionError):
        access.kdf_params_for_new_vault()
    # Only tests call the hook: nothing in SafeCase itself does.
    callers = [p for p in SOURCE.rglob("*.py") if "set_default_kdf_params(" in p.read_text("utf-8")]
    assert callers == [SOURCE / "services" / "access.py"]


@pytest.mark.parametrize(("seconds", "expected"), [(5.0, (128 * 1024, 3)), (0.0001, (1024 * 1024, 10))])
def test_calibration_on_a_slow_and_a_fast_machine(
    monkeypatch: pytest.MonkeyPatch, seconds: float, expected: tuple[int, int]
) -> None:
    monkeypatch.setattr(kdf_module, "time_params", lambda params: seconds * params.iterations / 3)
    params = kdf_module.calibrate()
    assert (params.memory_kib, params.iterations) == expected
    assert params.meets_creation_floor()


def test_weaker_slot_is_relocked_at_its_owners_next_sign_in(vault_dir: Path) -> None:
    access.set_default_kdf_params(TWO_PASSES)
    created = access.create_vault(vault_dir, ADMIN, ADMIN_PASSWORD)
    AccountService(created.session).add_user(COUNSELOR, frozenset({Role.COUNSELOR}), COUNSELOR_PASSWORD)
    created.session.close()
    # A slot written under the old 64 MiB / 1 pass floor, as before this version.
    keyfile = _keyfile(vault_dir)
    slot_id = slot_id_for(keyfile.vault_id, COUNSELOR)
    slot = keyfile.find(slot_id)
    assert slot is not None
    unlocked, _ = access.unlock_slot(keyfile, slot, COUNSELOR_PASSWORD)
    _, data_key = access.open_user_slot(keyfile, COUNSELOR, COUNSELOR_PASSWORD)
    binding = lock_binding(keyfile.vault_id, slot_id, KIND_USER, keyfile.admin_public_key)
    weak = lock_private_key(COUNSELOR_PASSWORD, unlocked.private_key, binding, FLOOR_PARAMS)
    keyfiles.save(vault_dir / "keys.json", keyfile.with_slot(replace(slot, locked=weak)).signed(data_key))
    assert _slot_params(vault_dir, COUNSELOR) == FLOOR_PARAMS

    access.sign_in(vault_dir, COUNSELOR, COUNSELOR_PASSWORD).close()
    assert _slot_params(vault_dir, COUNSELOR) == TWO_PASSES
    access.sign_in(vault_dir, COUNSELOR, COUNSELOR_PASSWORD).close()


def test_stored_cost_is_signed(team_vault: TeamVault) -> None:
    """Lowering the readable cost (so later slots are cheap to attack) breaks the file for everyone."""
    keyfile = _keyfile(team_vault.root)
    _, data_key = access.open_user_slot(keyfile, COUNSELOR, COUNSELOR_PASSWORD)
    cheaper = replace(keyfile, kdf=Argon2Params(FLOOR_PARAMS.memory_kib, 1, 2))
    keyfiles.save(team_vault.root / "keys.json", cheaper.signed(data_key))
    with pytest.raises(VaultFormatError, match="not signed"):
        team_vault.sign_in(COUNSELOR, COUNSELOR_PASSWORD)


# --- upgrading a version-1 key file ----------------------------------------------------------------------


def _copy_v1(tmp_path: Path, name: str = "vault-v1") -> Path:
    root = tmp_path / name
    shutil.copytree(FIXTURES / "vault-v1", root)
    return root


def test_counselor_cannot_open_a_v1_key_file_and_is_told_why(tmp_path: Path) -> None:
    root = _copy_v1(tmp_path)
    before = snapshot(root)
    with pytest.raises(VaultFormatError, match="Ask an administrator to sign in once"):
        access.sign_in(root, "counselor", "quiet river under the bridge 7")
    assert snapshot(root) == before
    with pytest.raises(AuthenticationError):
        access.sign_in(root, "counselor", "not the password at all")


def test_administrator_sign_in_upgrades_a_v1_key_file(tmp_path: Path) -> None:
    root = _copy_v1(tmp_path)
    access.set_default_kdf_params(TWO_PASSES)
    assert json.loads((root / "keys.json").read_text())["version"] == 1
    admin = access.sign_in(root, ADMIN, ADMIN_PASSWORD)
    try:
        assert admin.admin_key is not None
        assert verify_vault(admin).ok
        fingerprint = access.recovery_key_fingerprint(admin)
    finally:
        admin.close()
    document = json.loads((root / "keys.json").read_text())
    assert document["version"] == keyfiles.VERSION == 2
    assert "roles" not in json.dumps(document)
    assert len(document["slots"]) == SLOT_MULTIPLE
    keyfile = _keyfile(root)
    assert keyfile.kdf == TWO_PASSES
    accounts = open_accounts(keyfile, access.open_user_slot(keyfile, ADMIN, ADMIN_PASSWORD)[1]).accounts
    assert {a.name: a.roles for a in accounts.accounts} == {
        "admin": {Role.ADMIN},
        "counselor": {Role.COUNSELOR},
    }
    # The administrator's slot was re-locked at once (stored cost, bound to the new key) ...
    assert _slot_params(root, ADMIN) == TWO_PASSES
    assert _bound_anchor(root, ADMIN, ADMIN_PASSWORD) == keyfile.admin_public_key
    # ... the counselor's keeps its version-1 lock until she signs in.
    assert _slot_params(root, COUNSELOR) == FLOOR_PARAMS
    assert _bound_anchor(root, COUNSELOR, COUNSELOR_PASSWORD) is None
    counselor = access.sign_in(root, COUNSELOR, COUNSELOR_PASSWORD)
    try:
        assert counselor.user.roles == {Role.COUNSELOR}
        assert counselor.user.display_name == "김상담"
    finally:
        counselor.close()
    assert _slot_params(root, COUNSELOR) == TWO_PASSES
    assert _bound_anchor(root, COUNSELOR, COUNSELOR_PASSWORD) == keyfile.admin_public_key
    # The paper recovery key of the version-1 vault still works, and is the one the list names.
    recovery_key = (root / "RECOVERY-KEY.txt").read_text().strip()
    reset_password_with_recovery_key(root, recovery_key, COUNSELOR, NEW_PASSWORD)
    counselor = access.sign_in(root, COUNSELOR, NEW_PASSWORD)
    assert access.recovery_key_fingerprint(counselor) == fingerprint
    counselor.close()


def test_recovery_key_upgrades_a_v1_key_file(tmp_path: Path) -> None:
    root = _copy_v1(tmp_path)
    recovery_key = (root / "RECOVERY-KEY.txt").read_text().strip()
    reset_password_with_recovery_key(root, recovery_key, ADMIN, NEW_PASSWORD)
    assert json.loads((root / "keys.json").read_text())["version"] == 2
    admin = access.sign_in(root, ADMIN, NEW_PASSWORD)
    try:
        assert verify_vault(admin).ok
    finally:
        admin.close()
    access.sign_in(root, COUNSELOR, COUNSELOR_PASSWORD).close()


# --- the administrators' and supervisors' keys -----------------------------------------------------------


def test_session_drops_its_role_keys_when_locked(team_vault: TeamVault) -> None:
    session = team_vault.sign_in(ADMIN, ADMIN_PASSWORD)
    assert verifying_key_of(session.admin_key) == session.keyfile.admin_public_key
    session.lock()
    with pytest.raises(VaultLockedError):
        _ = session.admin_key
    assert session._admin_key is None and session._supervisor_key is None and session._own_slot is None


def test_demoted_administrator_keeps_no_signing_power(team_vault: TeamVault) -> None:
    accounts = AccountService(team_vault.admin)
    accounts.add_user("admin2", frozenset({Role.ADMIN, Role.COUNSELOR}), NEW_PASSWORD)
    second = team_vault.sign_in("admin2", NEW_PASSWORD)
    old_admin_key = second.admin_key  # what she keeps in mind after the demotion
    second.close()
    old_anchor = _keyfile(team_vault.root).admin_public_key

    accounts.set_roles("admin2", frozenset({Role.COUNSELOR}))
    keyfile = _keyfile(team_vault.root)
    assert keyfile.admin_public_key != old_anchor
    assert keyfile.chain_holds_from(old_anchor)
    assert verifying_key_of(team_vault.admin.admin_key) == keyfile.admin_public_key
    # The demoting administrator's own slot is already locked under the new key.
    assert _bound_anchor(team_vault.root, ADMIN, ADMIN_PASSWORD) == keyfile.admin_public_key

    demoted = team_vault.sign_in("admin2", NEW_PASSWORD)
    assert demoted.user.roles == {Role.COUNSELOR}
    with pytest.raises(PermissionDeniedError):
        AccountService(demoted).add_user("friend", frozenset({Role.ADMIN}), "a friend's long pass phrase")
    data_key = demoted.data_key
    demoted.close()

    # A list signed with the old key is refused, whoever signs in.
    signed = open_accounts(keyfile, data_key)
    slot_id = slot_id_for(keyfile.vault_id, "admin2")
    mine = signed.accounts.account(slot_id)
    assert mine is not None
    forged = signed.accounts.with_account(replace(mine, roles=frozenset({Role.ADMIN})))
    keyfiles.save(team_vault.root / "keys.json", with_accounts(keyfile, sign_accounts(forged, old_admin_key), data_key))
    with pytest.raises(VaultFormatError, match="not signed"):
        team_vault.sign_in("admin2", NEW_PASSWORD)
    # Putting the old key back as the anchor cuts off the administrator who replaced it.
    keyfiles.save(
        team_vault.root / "keys.json",
        with_accounts(
            replace(keyfile, admin_public_key=old_anchor),
            sign_accounts(replace(forged, admin_public_key=old_anchor), old_admin_key),
            data_key,
        ),
    )
    team_vault.admin.close()
    with pytest.raises(VaultFormatError, match=r"administrators' key in keys\.json was replaced"):
        team_vault.sign_in(ADMIN, ADMIN_PASSWORD)


def test_supervisors_key_is_handed_on_and_replaced(team_vault: TeamVault) -> None:
    supervisor = team_vault.sign_in(SUPERVISOR, SUPERVISOR_PASSWORD)
    first_key = supervisor.supervisor_key
    assert first_key is not None
    supervisor.close()
    accounts = AccountService(team_vault.admin)
    accounts.add_user("choi2", frozenset({Role.SUPERVISOR}), NEW_PASSWORD)
    # Administrators do not hold the supervisors' key: the new supervisor waits for a supervisor.
    waiting = team_vault.sign_in("choi2", NEW_PASSWORD)
    assert waiting.supervisor_key is None
    waiting.close()
    team_vault.sign_in(SUPERVISOR, SUPERVISOR_PASSWORD).close()
    granted = team_vault.sign_in("choi2", NEW_PASSWORD)
    assert granted.supervisor_key == first_key
    granted.close()

    # Disabling a supervisor replaces the key; the one who stays gets the new one.
    accounts.disable_user(SUPERVISOR)
    keyfile = _keyfile(team_vault.root)
    _, data_key = access.open_user_slot(keyfile, ADMIN, ADMIN_PASSWORD)
    new_public = open_accounts(keyfile, data_key).accounts.supervisor_public_key
    assert new_public != public_key_of(first_key)
    stays = team_vault.sign_in("choi2", NEW_PASSWORD)
    try:
        assert stays.supervisor_key is not None and public_key_of(stays.supervisor_key) == new_public
    finally:
        stays.close()
    # A counselor made supervisor while another supervisor holds the key waits for that supervisor.
    accounts.set_roles(COUNSELOR, frozenset({Role.COUNSELOR, Role.SUPERVISOR}))
    promoted = team_vault.sign_in(COUNSELOR, COUNSELOR_PASSWORD)
    try:
        assert promoted.user.roles == {Role.COUNSELOR, Role.SUPERVISOR}
        assert promoted.supervisor_key is None
    finally:
        promoted.close()
    assert verify_vault(team_vault.admin).ok


def test_last_administrator_keeps_the_role(team_vault: TeamVault) -> None:
    with pytest.raises(InputError):
        AccountService(team_vault.admin).set_roles(ADMIN, frozenset({Role.COUNSELOR}))


def test_session_with_a_replaced_administrators_key_is_told_to_sign_in_again(team_vault: TeamVault) -> None:
    accounts = AccountService(team_vault.admin)
    accounts.add_user("admin2", frozenset({Role.ADMIN}), NEW_PASSWORD)
    accounts.add_user("admin3", frozenset({Role.ADMIN}), "a third admin's pass phrase")
    other = team_vault.sign_in("admin2", NEW_PASSWORD)  # the app, while the CLI demotes admin3
    try:
        accounts.set_roles("admin3", frozenset({Role.COUNSELOR}))
        before = snapshot(team_vault.root)
        with pytest.raises(VaultFormatError, match="Sign in again"):
            AccountService(other).add_user("newbie", frozenset({Role.COUNSELOR}), "a newcomer's pass phrase")
        assert snapshot(team_vault.root) == before
    finally:
        other.close()
    again = team_vault.sign_in("admin2", NEW_PASSWORD)
    try:
        AccountService(again).add_user("newbie", frozenset({Role.COUNSELOR}), "a newcomer's pass phrase")
    finally:
        again.close()
