"""Key slots, recovery keys, Argon2id parameters and the hash chain."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safecase.crypto.errors import CryptoError
from safecase.crypto.hashchain import GENESIS, link_hash
from safecase.crypto.kdf import (
    CREATION_MIN_ITERATIONS,
    CREATION_MIN_MEMORY_KIB,
    FLOOR_PARAMS,
    MIN_MEMORY_KIB,
    Argon2Params,
    calibrate,
    derive_key,
)
from safecase.crypto.keyslots import create_slot, new_data_key, open_slot, rewrap_slot
from safecase.crypto.recovery import format_recovery_key, generate_recovery_key, normalize_recovery_key


def test_slot_opens_with_its_password_and_binding_only() -> None:
    data_key = new_data_key()
    slot = create_slot("a long pass phrase", data_key, b"vault-1/user-a", FLOOR_PARAMS)
    assert open_slot(slot, "a long pass phrase", b"vault-1/user-a") == data_key
    with pytest.raises(CryptoError):
        open_slot(slot, "a long pass phrasf", b"vault-1/user-a")
    with pytest.raises(CryptoError):
        open_slot(slot, "a long pass phrase", b"vault-1/user-b")


def test_passwords_are_nfkc_normalized() -> None:
    data_key = new_data_key()
    slot = create_slot("ｆｕｌｌｗｉｄｔｈ password", data_key, b"b", FLOOR_PARAMS)
    assert open_slot(slot, "fullwidth password", b"b") == data_key


def test_rewrap_gives_new_key_without_the_password() -> None:
    old_key, new_key = new_data_key(), new_data_key()
    slot = create_slot("pass phrase one", old_key, b"b", FLOOR_PARAMS)
    rewrapped = rewrap_slot(slot, new_key, b"b")
    assert open_slot(rewrapped, "pass phrase one", b"b") == new_key
    assert rewrapped.envelope != slot.envelope


def test_slot_with_downgraded_parameters_is_refused() -> None:
    with pytest.raises(CryptoError):
        Argon2Params(memory_kib=MIN_MEMORY_KIB // 2, iterations=1, lanes=1).validate()
    with pytest.raises(CryptoError):
        Argon2Params.from_dict({"memory_kib": 1024, "iterations": 1, "lanes": 1})


def test_calibration_never_goes_below_the_floor() -> None:
    params = calibrate(target_seconds=0.001, lanes=1)
    assert params.memory_kib >= CREATION_MIN_MEMORY_KIB >= 2 * MIN_MEMORY_KIB
    assert params.iterations >= CREATION_MIN_ITERATIONS == 3
    assert params.meets_creation_floor()


def test_derive_key_depends_on_salt() -> None:
    assert derive_key("pw", b"\0" * 16, FLOOR_PARAMS) != derive_key("pw", b"\1" * 16, FLOOR_PARAMS)


@settings(max_examples=200)
@given(st.binary(min_size=25, max_size=25))
def test_recovery_key_survives_sloppy_copying(raw: bytes) -> None:
    key = format_recovery_key(raw)
    assert len(key.split("-")) == 8
    sloppy = key.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert normalize_recovery_key(sloppy) == key


@pytest.mark.parametrize("text", ["", "ABCDE", "not a key at all", "U" * 40])
def test_non_keys_are_refused(text: str) -> None:
    with pytest.raises(CryptoError):
        normalize_recovery_key(text)


def test_generated_recovery_keys_differ() -> None:
    assert generate_recovery_key() != generate_recovery_key()


def test_hash_chain_depends_on_previous_hash_and_content() -> None:
    row = {"seq": 1, "actor": "a"}
    first = link_hash(GENESIS, row)
    assert first != link_hash("1" * 64, row)
    assert first != link_hash(GENESIS, {"seq": 1, "actor": "b"})
    assert first == link_hash(GENESIS, dict(reversed(list(row.items()))))


def test_absurd_parameters_from_an_edited_key_file_are_refused() -> None:
    """One sign-in attempt must not be made to take gigabytes or minutes."""
    with pytest.raises(CryptoError):
        Argon2Params.from_dict({"memory_kib": 4 * 1024 * 1024, "iterations": 2, "lanes": 4})
    with pytest.raises(CryptoError):
        Argon2Params.from_dict({"memory_kib": 65536, "iterations": 64, "lanes": 4})
