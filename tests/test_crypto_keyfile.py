"""Unit tests of the pieces key file version 2 is built from: signatures, locks, envelopes, the list."""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safecase.crypto.encoding import canonical_json, pad, unpad
from safecase.crypto.errors import CryptoError
from safecase.crypto.kdf import FLOOR_PARAMS, Argon2Params
from safecase.crypto.keyslots import (
    lock_private_key,
    new_data_key,
    new_key_pair,
    relock,
    unlock_private_key,
    unlock_with_key,
)
from safecase.crypto.recovery import recovery_fingerprint
from safecase.crypto.signing import new_signing_key, sign, signature_valid, verifying_key_of
from safecase.domain.errors import VaultFormatError
from safecase.domain.roles import Role
from safecase.vault import keyfile as keyfiles
from safecase.vault.keyfile import (
    ENVELOPE_LENGTH,
    PART_ADMIN,
    PART_DATA,
    PART_SUPERVISOR,
    PARTS,
    SLOT_MULTIPLE,
    Account,
    AccountList,
    Decoy,
    KeyFile,
    legacy_role_sets,
    new_decoy,
    new_slot,
    open_accounts,
    open_part,
    pad_with_decoys,
    seal_part,
    sign_accounts,
    with_accounts,
)

VAULT = "7b0c6c3e-0000-4000-8000-000000000000"


# --- signatures -----------------------------------------------------------------------------------------


def test_signature_is_bound_to_key_purpose_and_message() -> None:
    key = new_signing_key()
    public = verifying_key_of(key)
    signature = sign(key, b"purpose/a", b"message")
    assert signature_valid(public, b"purpose/a", b"message", signature)
    assert not signature_valid(public, b"purpose/b", b"message", signature)
    assert not signature_valid(public, b"purpose/a", b"messagf", signature)
    assert not signature_valid(verifying_key_of(new_signing_key()), b"purpose/a", b"message", signature)
    assert not signature_valid(b"short", b"purpose/a", b"message", signature)
    with pytest.raises(CryptoError):
        sign(b"not a key", b"purpose/a", b"message")


# --- padding and fingerprints --------------------------------------------------------------------------


@given(st.dictionaries(st.text(max_size=8), st.text(max_size=8), max_size=4))
def test_padding_round_trips_canonical_json(value: dict[str, str]) -> None:
    data = canonical_json(value)
    padded = pad(data, 256)
    assert len(padded) == 256 and unpad(padded) == data


def test_padding_refuses_what_does_not_fit() -> None:
    with pytest.raises(ValueError):
        pad(b"x" * 9, 8)
    with pytest.raises(ValueError):
        pad(b"a\0b", 8)


def test_recovery_fingerprint_is_short_stable_and_distinct() -> None:
    _, public = new_key_pair()
    fingerprint = recovery_fingerprint(public)
    assert re.fullmatch(r"[0-9A-F]{4}(-[0-9A-F]{4}){3}", fingerprint)
    assert recovery_fingerprint(public) == fingerprint
    assert recovery_fingerprint(new_key_pair()[1]) != fingerprint


# --- locks ----------------------------------------------------------------------------------------------


def test_lock_opens_under_any_of_its_bindings_and_says_which() -> None:
    private, public = new_key_pair()
    locked = lock_private_key("a long pass phrase", private, b"binding-2", FLOOR_PARAMS)
    assert locked.public_key == public
    unlocked = unlock_private_key(locked, "a long pass phrase", [b"binding-1", b"binding-2"])
    assert (unlocked.private_key, unlocked.binding_index) == (private, 1)
    assert unlock_with_key(locked, unlocked.password_key, [b"binding-2"]).private_key == private
    with pytest.raises(CryptoError):
        unlock_private_key(locked, "a long pass phrase", [b"binding-1"])
    with pytest.raises(CryptoError):
        unlock_private_key(locked, "another pass phrase", [b"binding-2"])


def test_relock_keeps_the_key_pair_and_moves_to_new_parameters() -> None:
    private, _ = new_key_pair()
    locked = lock_private_key("a long pass phrase", private, b"old", FLOOR_PARAMS)
    unlocked = unlock_private_key(locked, "a long pass phrase", [b"old"])
    stronger = Argon2Params(FLOOR_PARAMS.memory_kib, 2, 1)
    relocked, again = relock("a long pass phrase", unlocked, b"new", stronger)
    assert relocked.public_key == locked.public_key and relocked.params == stronger
    assert unlock_with_key(relocked, again.password_key, [b"new"]).private_key == private


def test_every_role_set_is_tried_for_a_version_1_lock() -> None:
    sets = legacy_role_sets()
    assert len(sets) == len(set(sets)) == 7
    assert frozenset({Role.ADMIN, Role.COUNSELOR, Role.SUPERVISOR}) in sets


# --- envelopes ------------------------------------------------------------------------------------------


def test_envelopes_hold_a_key_or_nothing_and_all_look_the_same() -> None:
    private, public = new_key_pair()
    key = new_data_key()
    full = seal_part(VAULT, "slot", public, PART_ADMIN, key)
    empty = seal_part(VAULT, "slot", public, PART_ADMIN, None)
    assert len(full) == len(empty) == ENVELOPE_LENGTH
    assert open_part(VAULT, "slot", private, full, PART_ADMIN) == key
    assert open_part(VAULT, "slot", private, empty, PART_ADMIN) is None
    for vault, slot, part in (
        (VAULT, "other", PART_ADMIN),
        (VAULT, "slot", PART_SUPERVISOR),
        ("x", "slot", PART_ADMIN),
    ):
        with pytest.raises(CryptoError):
            open_part(vault, slot, private, full, part)


def test_a_decoy_has_the_shape_of_a_real_slot() -> None:
    real = new_slot(VAULT, "a" * 32, verifying_key_of(new_signing_key()), "pw", FLOOR_PARAMS, data_key=new_data_key())
    decoy = new_decoy(FLOOR_PARAMS)
    for slot in (real, decoy):
        assert len(slot.slot_id) == 32
        assert len(slot.locked.sealed_private) == len(real.locked.sealed_private)
        assert len(slot.locked.salt) == len(real.locked.salt)
        assert all(len(slot.sealed_keys.part(name)) == ENVELOPE_LENGTH for name in PARTS)


# --- the account list and the key file -----------------------------------------------------------------


def _vault() -> tuple[KeyFile, AccountList, bytes, bytes]:
    admin_key = new_signing_key()
    admin_public = verifying_key_of(admin_key)
    data_key = new_data_key()
    slot = new_slot(VAULT, "a" * 32, admin_public, "pw", FLOOR_PARAMS, data_key=data_key, admin_key=admin_key)
    recovery = new_slot(VAULT, "recovery", admin_public, "rk", FLOOR_PARAMS, data_key=data_key, admin_key=admin_key)
    keyfile = KeyFile(VAULT, 1, admin_public, (), FLOOR_PARAMS, (slot,), recovery, b"")
    accounts = AccountList(
        vault_id=VAULT,
        generation=1,
        admin_public_key=admin_public,
        supervisor_public_key=new_key_pair()[1],
        recovery_public_key=recovery.public_key,
        kdf=FLOOR_PARAMS,
        accounts=(Account("a" * 32, "jkim", slot.public_key, frozenset({Role.ADMIN}), True),),
        decoys=(),
    )
    keyfile, accounts = pad_with_decoys(keyfile, accounts)
    return keyfile, accounts, admin_key, data_key


def test_key_file_round_trips_and_pads_to_a_multiple_of_eight() -> None:
    keyfile, accounts, admin_key, data_key = _vault()
    keyfile = with_accounts(keyfile, sign_accounts(accounts, admin_key, {"x"}), data_key)
    assert len(keyfile.slots) == SLOT_MULTIPLE and len(accounts.decoys) == SLOT_MULTIPLE - 1
    parsed = keyfiles.parse(keyfiles.serialize(keyfile))
    assert replace(parsed, slots=()) == replace(keyfile, slots=()) and parsed.mac_valid(data_key)
    assert sorted(parsed.slots, key=lambda s: s.slot_id) == sorted(keyfile.slots, key=lambda s: s.slot_id)
    signed = open_accounts(parsed, data_key)
    assert signed.accounts.body() == accounts.body() and signed.waiting == {"x"}
    assert signed.signature_holds(keyfile.admin_public_key)


@pytest.mark.parametrize(
    "edit",
    [
        lambda a: replace(a, accounts=(replace(a.accounts[0], roles=frozenset({Role.COUNSELOR})),)),
        lambda a: replace(a, accounts=(replace(a.accounts[0], enabled=False),)),
        lambda a: replace(a, accounts=(replace(a.accounts[0], public_key=os.urandom(32)),)),
        lambda a: replace(a, decoys=(*a.decoys, Decoy("b" * 32, os.urandom(32)))),
        lambda a: replace(a, recovery_public_key=os.urandom(32)),
        lambda a: replace(a, supervisor_public_key=os.urandom(32)),
        lambda a: replace(a, kdf=Argon2Params(FLOOR_PARAMS.memory_kib, 2, 1)),
        lambda a: replace(a, generation=2),
        lambda a: replace(a, rekey_due=True),
    ],
)
def test_any_change_to_the_list_breaks_its_signature(edit) -> None:  # type: ignore[no-untyped-def]
    _, accounts, admin_key, _ = _vault()
    signed = sign_accounts(accounts, admin_key)
    assert signed.signature_holds(accounts.admin_public_key)
    assert not replace(signed, accounts=edit(accounts)).signature_holds(accounts.admin_public_key)


def test_unsigned_waiting_hint_does_not_touch_the_signature() -> None:
    _, accounts, admin_key, _ = _vault()
    signed = sign_accounts(accounts, admin_key).with_waiting({"anything"})
    assert signed.signature_holds(accounts.admin_public_key)


def test_rotation_chain_from_an_older_administrators_key() -> None:
    keyfile, _, admin_key, _ = _vault()
    old = keyfile.admin_public_key
    new_key = new_signing_key()
    new = verifying_key_of(new_key)
    rotated = replace(keyfile, admin_public_key=new, admin_key_history=(keyfiles.rotation(VAULT, admin_key, old, new),))
    assert rotated.chain_holds_from(old) and rotated.chain_holds_from(new)
    assert rotated.anchors() == [new, old]
    assert not rotated.chain_holds_from(verifying_key_of(new_signing_key()))
    # A rotation signed by anyone but the key it replaces does not hold.
    forged = replace(rotated, admin_key_history=(keyfiles.rotation(VAULT, new_key, old, new),))
    assert not forged.chain_holds_from(old)
    # Nor one from another vault.
    other = replace(rotated, vault_id="another")
    assert not other.chain_holds_from(old)


def test_damaged_slots_are_refused() -> None:
    keyfile, accounts, admin_key, data_key = _vault()
    document = json.loads(keyfiles.serialize(with_accounts(keyfile, sign_accounts(accounts, admin_key), data_key)))

    def refused(edit) -> None:  # type: ignore[no-untyped-def]
        changed = json.loads(json.dumps(document))
        edit(changed)
        changed.pop("checksum")
        changed["checksum"] = hashlib.sha256(canonical_json(changed)).hexdigest()
        with pytest.raises(VaultFormatError):
            keyfiles.parse(json.dumps(changed).encode())

    refused(lambda d: d["slots"].append(d["slots"][0]))  # the same id twice
    refused(lambda d: d["slots"][0].update(id="recovery"))
    refused(lambda d: d["slots"][0]["sealed_keys"].update(data=d["slots"][0]["sealed_keys"]["data"][:-8]))
    refused(lambda d: d["slots"][0]["sealed_keys"].pop(PART_DATA))


@settings(max_examples=5, deadline=None)
@given(st.integers(min_value=0, max_value=20))
def test_padding_rounds_any_number_of_accounts_up(extra: int) -> None:
    keyfile, accounts, _, _ = _vault()
    for n in range(extra):
        slot = new_decoy(FLOOR_PARAMS)  # stands in for an account's slot: only its id and key matter here
        slot = replace(slot, slot_id=f"{n:032x}")
        keyfile = keyfile.with_slot(slot)
        accounts = accounts.with_account(Account(slot.slot_id, f"u{n}", slot.public_key, frozenset(), True))
    keyfile, accounts = pad_with_decoys(keyfile, accounts)
    assert len(keyfile.slots) % SLOT_MULTIPLE == 0
    assert len(keyfile.slots) - len(accounts.decoys) == 1 + extra
