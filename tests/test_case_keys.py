"""Identities sealed per case: who can read a case's real name and phone, with and without the data key.

The attacker is a colleague with a copy of the vault, the data key (every account has it) and her own
key slot's private key. She reads every table; the identity of a case not hers stays ciphertext.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from casework_data import case_fields
from safecase.crypto.case_keys import decrypt_identity, new_case_key, open_case_key, seal_case_key
from safecase.crypto.errors import CryptoError
from safecase.domain.cases import SensitiveContact
from safecase.domain.errors import InputError, VaultFormatError
from safecase.domain.roles import Role
from safecase.services.accounts import AccountService
from safecase.services.case_keys import CaseKeys
from safecase.services.cases import CaseService
from safecase.services.session import VaultSession
from safecase.services.verify import verify_vault
from safecase.vault.case_sealing import expected_holders
from safecase.vault.keyfile import RECOVERY_SLOT_ID, slot_id_for
from safecase.vault.repositories.case_keys import CaseKeyRepository
from vault_support import (
    COUNSELOR,
    SECOND,
    SECOND_PASSWORD,
    SUPERVISOR,
    SUPERVISOR_PASSWORD,
    TeamVault,
)
from vaultfiles import raw_connection

NAME = "김민지"
PHONE = "010-1234-5678"


def _plaintext_copy(session: VaultSession, out: Path) -> bytes:
    """Every byte of the database decrypted with the data key, as a colleague holding it would get."""
    conn = raw_connection(session)
    try:
        conn.execute(f"ATTACH DATABASE '{out}' AS plain KEY ''")
        conn.execute("SELECT sqlcipher_export('plain')")
        conn.execute("DETACH DATABASE plain")
    finally:
        conn.close()
    return out.read_bytes()


def test_a_counselor_with_the_data_key_reads_only_ciphertext_of_a_case_not_hers(
    team_vault: TeamVault, counselor: VaultSession, second: VaultSession, tmp_path: Path
) -> None:
    case = CaseService(counselor).create(case_fields())
    assert CaseService(counselor).reveal(case.id) == SensitiveContact(NAME, PHONE)

    plain = _plaintext_copy(second, tmp_path / "plain.db")
    assert NAME.encode() not in plain
    assert PHONE.encode() not in plain and b"01012345678" not in plain

    # Everything she can reach: the sealed identity, every seal of the case, her own private key.
    conn = sqlite3.connect(tmp_path / "plain.db")
    sealed = bytes(conn.execute("SELECT identity FROM cases WHERE id = ?", (case.id,)).fetchone()[0])
    seals = conn.execute("SELECT holder, envelope FROM case_keys WHERE case_id = ?", (case.id,)).fetchall()
    conn.close()
    own = second.own_slot
    assert own is not None
    vault_id = second.keyfile.vault_id
    assert slot_id_for(vault_id, SECOND) not in {h for h, _ in seals}
    for holder, envelope in seals:
        for as_holder in (holder, slot_id_for(vault_id, SECOND)):
            with pytest.raises(CryptoError):
                open_case_key(vault_id, case.id, as_holder, own.private_key, bytes(envelope))
    with pytest.raises(CryptoError):
        decrypt_identity(vault_id, case.id, second.data_key[:32], sealed)


def test_the_case_key_is_sealed_to_its_counselor_the_supervisors_and_the_recovery_slot(
    counselor: VaultSession, supervisor: VaultSession
) -> None:
    case = CaseService(counselor).create(case_fields())
    vault_id = counselor.keyfile.vault_id
    holders = {s.holder for s in CaseKeyRepository(counselor.conn).seals(case.id)}
    assert holders == {slot_id_for(vault_id, COUNSELOR), slot_id_for(vault_id, SUPERVISOR), RECOVERY_SLOT_ID}
    assert CaseService(supervisor).reveal(case.id) == SensitiveContact(NAME, PHONE)


def test_a_case_without_identity_gets_no_key(counselor: VaultSession) -> None:
    fields = case_fields()
    case = CaseService(counselor).create(dataclasses.replace(fields, sensitive=SensitiveContact()))
    assert not case.has_sensitive
    assert CaseKeyRepository(counselor.conn).seals(case.id) == []
    assert CaseService(counselor).reveal(case.id) == SensitiveContact()


def test_reassigning_replaces_the_key_and_only_the_new_counselor_reads_it(
    team_vault: TeamVault, counselor: VaultSession, supervisor: VaultSession, second: VaultSession
) -> None:
    case = CaseService(counselor).create(case_fields())
    vault_id = counselor.keyfile.vault_id
    old_seal = CaseKeyRepository(counselor.conn).seal(case.id, slot_id_for(vault_id, COUNSELOR))
    assert old_seal is not None
    own = counselor.own_slot
    assert own is not None
    old_key = open_case_key(vault_id, case.id, old_seal.holder, own.private_key, old_seal.envelope)

    CaseService(supervisor).reassign(case.id, [SECOND])

    assert CaseService(second).reveal(case.id) == SensitiveContact(NAME, PHONE)
    holders = {s.holder for s in CaseKeyRepository(supervisor.conn).seals(case.id)}
    assert slot_id_for(vault_id, COUNSELOR) not in holders
    # The key she may have kept no longer opens the identity as it is stored now.
    conn = raw_connection(counselor)
    sealed = bytes(conn.execute("SELECT identity FROM cases WHERE id = ?", (case.id,)).fetchone()[0])
    conn.close()
    with pytest.raises(CryptoError):
        decrypt_identity(vault_id, case.id, old_key, sealed)


def test_adding_a_counselor_seals_the_same_key_to_them(
    counselor: VaultSession, supervisor: VaultSession, second: VaultSession
) -> None:
    case = CaseService(counselor).create(case_fields())
    CaseService(supervisor).reassign(case.id, [COUNSELOR, SECOND])
    assert CaseService(second).reveal(case.id) == SensitiveContact(NAME, PHONE)
    assert CaseService(counselor).reveal(case.id) == SensitiveContact(NAME, PHONE)


def test_disabling_a_counselor_removes_her_seals(team_vault: TeamVault, counselor: VaultSession) -> None:
    case = CaseService(counselor).create(case_fields())
    counselor.close()
    AccountService(team_vault.admin).disable_user(COUNSELOR)
    holders = {s.holder for s in CaseKeyRepository(team_vault.admin.conn).seals(case.id)}
    assert slot_id_for(team_vault.admin.keyfile.vault_id, COUNSELOR) not in holders
    assert RECOVERY_SLOT_ID in holders


def test_a_new_supervisor_gets_keys_at_the_next_sign_in_of_someone_who_holds_them(
    team_vault: TeamVault, counselor: VaultSession
) -> None:
    case = CaseService(counselor).create(case_fields())
    counselor.close()
    AccountService(team_vault.admin).add_user(SECOND, frozenset({Role.SUPERVISOR}), SECOND_PASSWORD)
    newcomer = team_vault.sign_in(SECOND, SECOND_PASSWORD)
    try:
        with pytest.raises(InputError, match="key"):
            CaseService(newcomer).reveal(case.id)
    finally:
        newcomer.close()
    team_vault.sign_in(SUPERVISOR, SUPERVISOR_PASSWORD).close()  # holds the key: reseals at sign-in
    newcomer = team_vault.sign_in(SECOND, SECOND_PASSWORD)
    try:
        assert CaseService(newcomer).reveal(case.id) == SensitiveContact(NAME, PHONE)
    finally:
        newcomer.close()


def test_a_password_reset_loses_the_old_seals_until_a_supervisor_confirms_the_counselors(
    team_vault: TeamVault, counselor: VaultSession, supervisor: VaultSession
) -> None:
    case = CaseService(counselor).create(case_fields())
    counselor.close()
    new_password = "amber gulls circle the old pier"
    AccountService(team_vault.admin).reset_password(COUNSELOR, new_password)
    again = team_vault.sign_in(COUNSELOR, new_password)
    try:
        with pytest.raises(InputError, match="key"):
            CaseService(again).reveal(case.id)
        CaseService(supervisor).reassign(case.id, [COUNSELOR])  # the same counselor, confirmed
        assert CaseService(again).reveal(case.id) == SensitiveContact(NAME, PHONE)
    finally:
        again.close()


def test_editing_the_identity_reseals_it_and_the_history_keeps_no_value(counselor: VaultSession) -> None:
    service = CaseService(counselor)
    case = service.create(case_fields())
    fields = service.fields(case.id)
    changed = dataclasses.replace(fields, sensitive=SensitiveContact("이수진", "010-9999-0000"))
    service.update(case.id, changed, keep_sensitive=False)
    assert service.reveal(case.id) == SensitiveContact("이수진", "010-9999-0000")
    history = service.history(case.id)
    assert all("이수진" not in (h.old_value + h.new_value) for h in history)


def test_repeat_callers_are_matched_by_phone_without_storing_it(counselor: VaultSession, second: VaultSession) -> None:
    first = CaseService(counselor).create(case_fields())
    matches = CaseService(second).possible_repeats(phone="01012345678")
    assert [m.number for m in matches] == [first.number]
    assert not matches[0].visible
    assert CaseService(second).possible_repeats(phone="010-1234-0000") == []
    stored = counselor.conn.execute("SELECT phone_match FROM cases WHERE id = ?", (first.id,)).fetchone()[0]
    assert stored == CaseKeys(counselor).phone_match("+82 10-1234-5678")
    assert "1234" not in stored


def test_a_seal_moved_to_another_case_does_not_open(counselor: VaultSession) -> None:
    one = CaseService(counselor).create(case_fields())
    two = CaseService(counselor).create(case_fields(alias="수진"))
    holder = slot_id_for(counselor.keyfile.vault_id, COUNSELOR)
    seal = CaseKeyRepository(counselor.conn).seal(one.id, holder)
    assert seal is not None
    conn = raw_connection(counselor)
    with conn:
        conn.execute(
            "UPDATE case_keys SET envelope = ? WHERE case_id = ? AND holder = ?", (seal.envelope, two.id, holder)
        )
    conn.close()
    with pytest.raises(InputError, match="key"):
        CaseService(counselor).reveal(two.id)


def test_a_first_key_goes_to_its_writer_and_the_supervisors_and_counselors_get_it_when_confirmed(
    counselor: VaultSession, supervisor: VaultSession
) -> None:
    fields = case_fields()
    bare = dataclasses.replace(fields, sensitive=SensitiveContact())
    case = CaseService(counselor).create(bare)
    with_identity = dataclasses.replace(bare, sensitive=SensitiveContact(NAME, PHONE), opened_on=case.opened_on)
    CaseService(supervisor).update(case.id, with_identity, keep_sensitive=False)
    with pytest.raises(InputError, match="Reassign"):
        CaseService(counselor).reveal(case.id)
    CaseService(supervisor).reassign(case.id, [COUNSELOR])
    assert CaseService(counselor).reveal(case.id) == SensitiveContact(NAME, PHONE)


def test_verify_names_a_case_whose_key_nobody_on_the_list_holds(team_vault: TeamVault, counselor: VaultSession) -> None:
    case = CaseService(counselor).create(case_fields())
    assert verify_vault(counselor).ok
    conn = raw_connection(counselor)
    with conn:
        conn.execute("DELETE FROM case_keys WHERE case_id = ?", (case.id,))
    conn.close()
    report = verify_vault(counselor)
    [check] = [c for c in report.checks if c.name == "Case keys"]
    assert not check.ok and case.number in check.detail


def test_listing_herself_on_a_case_gets_her_no_seal_at_a_supervisors_sign_in(
    team_vault: TeamVault, counselor: VaultSession, second: VaultSession
) -> None:
    """She adds herself to case_counselors with the data key; the next supervisor's sign-in reseals
    for supervisors and the recovery slot only, never for whoever that table lists."""
    case = CaseService(counselor).create(case_fields())
    conn = raw_connection(second)
    with conn:
        conn.execute("INSERT INTO case_counselors (case_id, user_name) VALUES (?, ?)", (case.id, SECOND))
    conn.close()
    team_vault.sign_in(SUPERVISOR, SUPERVISOR_PASSWORD).close()
    assert CaseKeyRepository(second.conn).seal(case.id, slot_id_for(second.keyfile.vault_id, SECOND)) is None
    with pytest.raises(InputError, match="key"):
        CaseService(second).reveal(case.id)


def test_a_key_planted_on_a_case_without_identity_is_not_used(counselor: VaultSession, second: VaultSession) -> None:
    """She seals a key she knows to everyone on a case that has no identity yet; when the counselor
    records the identity, it goes under a fresh key, not hers."""
    fields = case_fields()
    case = CaseService(counselor).create(dataclasses.replace(fields, sensitive=SensitiveContact()))
    vault_id = second.keyfile.vault_id
    planted = new_case_key()
    conn = raw_connection(second)
    with conn:
        for holder, public_key in expected_holders(CaseKeys(second).signed_accounts(), [COUNSELOR, SECOND]).items():
            envelope = seal_case_key(vault_id, case.id, holder, public_key, planted)
            conn.execute(
                "INSERT INTO case_keys (case_id, holder, holder_public_key, envelope) VALUES (?, ?, ?, ?)",
                (case.id, holder, public_key, envelope),
            )
    conn.close()
    service = CaseService(counselor)
    service.update(case.id, dataclasses.replace(fields, opened_on=case.opened_on), keep_sensitive=False)
    sealed = counselor.conn.execute("SELECT identity FROM cases WHERE id = ?", (case.id,)).fetchone()[0]
    with pytest.raises(CryptoError):
        decrypt_identity(vault_id, case.id, planted, bytes(sealed))
    assert service.reveal(case.id) == SensitiveContact(NAME, PHONE)
    assert CaseKeyRepository(counselor.conn).seal(case.id, slot_id_for(vault_id, SECOND)) is None


def test_a_key_swapped_in_under_an_existing_identity_is_refused_for_writing(
    counselor: VaultSession, second: VaultSession
) -> None:
    case = CaseService(counselor).create(case_fields())
    vault_id = second.keyfile.vault_id
    planted = new_case_key()
    conn = raw_connection(second)
    with conn:
        for holder, public_key, _ in [
            (s.holder, s.public_key, s.envelope) for s in CaseKeyRepository(conn).seals(case.id)
        ]:
            conn.execute(
                "UPDATE case_keys SET envelope = ? WHERE case_id = ? AND holder = ?",
                (seal_case_key(vault_id, case.id, holder, public_key, planted), case.id, holder),
            )
    conn.close()
    service = CaseService(counselor)
    fields = service.fields(case.id)
    with pytest.raises(VaultFormatError, match="changed outside SafeCase"):
        service.update(
            case.id,
            dataclasses.replace(fields, sensitive=SensitiveContact("이수진", "010-5555-0000")),
            keep_sensitive=False,
        )
