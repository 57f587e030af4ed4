"""Attacks on the per-case keys by a colleague who holds the data key and her own slot's private key.

The attacker is a counselor (``counselor2`` unless said otherwise) with write access to the vault
folder, her own password (so the data key every account shares and her slot's X25519 private key) and
Python with SafeCase's own code. She edits any table the data key opens, but holds no other person's
private key and not the administrators' signing key. What she must not get: the real name or phone of
a case not assigned to her, or keep getting them after she was taken off a case, demoted or disabled.

A test that passes proves a defence. A test marked ``xfail(strict=True)`` performs an attack that
works today: the assertion states what should hold, and fails because the attack succeeds.
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from casework_data import case_fields
from safecase.crypto.case_keys import (
    decrypt_identity,
    encrypt_identity,
    new_case_key,
    open_case_key,
    phone_match,
    seal_case_key,
)
from safecase.crypto.errors import CryptoError
from safecase.crypto.signing import new_signing_key
from safecase.domain.cases import SensitiveContact
from safecase.domain.errors import InputError, VaultFormatError
from safecase.domain.roles import Role
from safecase.services import access
from safecase.services.accounts import AccountService
from safecase.services.case_keys import CaseKeys
from safecase.services.cases import CaseService
from safecase.services.drafts import QUICK_INTAKE, DraftService
from safecase.services.session import VaultSession
from safecase.services.verify import verify_vault
from safecase.vault import keyfile as keyfiles
from safecase.vault.case_sealing import expected_holders
from safecase.vault.connection import Connection, connect
from safecase.vault.keyfile import AccountList, open_accounts, sign_accounts, slot_id_for, with_accounts
from safecase.vault.migrations import PHONE_MATCH_KEY
from sqlcipher_pages import decrypted_pages
from vault_support import (
    ADMIN,
    ADMIN_PASSWORD,
    COUNSELOR,
    COUNSELOR_PASSWORD,
    SECOND,
    SECOND_PASSWORD,
    SUPERVISOR,
    SUPERVISOR_PASSWORD,
    TeamVault,
)
from vaultfiles import raw_connection

NAME = "김민지"
PHONE = "010-1234-5678"
NEW_NAME = "이수진"
NEW_PHONE = "010-9876-5432"


# --- the attacker's toolkit -----------------------------------------------------------------------------


def _db(session: VaultSession) -> Connection:
    """Her own connection with the data key (foreign keys off: nothing forces her to keep them on)."""
    conn = raw_connection(session)
    conn.execute("PRAGMA foreign_keys = OFF")
    return conn


def _accounts(session: VaultSession) -> AccountList:
    """The account list in keys.json, which the data key decrypts: everyone's public key."""
    return open_accounts(keyfiles.load(session.paths.keyfile), session.data_key).accounts


def _identity_ciphertext(session: VaultSession, case_id: int) -> bytes | None:
    conn = raw_connection(session)
    try:
        row = conn.execute("SELECT identity FROM cases WHERE id = ?", (case_id,)).fetchone()
    finally:
        conn.close()
    return None if row is None or row[0] is None else bytes(row[0])


def _try_read(attacker: VaultSession, case_id: int, case_key: bytes | None) -> SensitiveContact | None:
    """The identity of ``case_id`` with a key she knows, or None when it does not open."""
    sealed = _identity_ciphertext(attacker, case_id)
    if case_key is None or sealed is None:
        return None
    try:
        return SensitiveContact(*decrypt_identity(attacker.keyfile.vault_id, case_id, case_key, sealed))
    except CryptoError:
        return None


def _own_seal_key(attacker: VaultSession, case_id: int) -> bytes | None:
    """The case key through a seal addressed to her slot, opened with her own private key."""
    vault_id = attacker.keyfile.vault_id
    holder = slot_id_for(vault_id, attacker.user.name)
    conn = raw_connection(attacker)
    try:
        row = conn.execute(
            "SELECT envelope FROM case_keys WHERE case_id = ? AND holder = ?", (case_id, holder)
        ).fetchone()
    finally:
        conn.close()
    own = attacker.own_slot
    if row is None or own is None:
        return None
    try:
        return open_case_key(vault_id, case_id, holder, own.private_key, bytes(row[0]))
    except CryptoError:
        return None


def _plant_key(attacker: VaultSession, case_id: int, counselors: list[str]) -> bytes:
    """Replace the case's seals by seals of a key of her own, to exactly the holders SafeCase expects.

    Sealing needs only public keys, which the data key reveals: every seal she makes is one the
    holder's own private key opens.
    """
    vault_id = attacker.keyfile.vault_id
    mine = new_case_key()
    holders = expected_holders(_accounts(attacker), counselors)
    conn = _db(attacker)
    try:
        with conn:
            conn.execute("DELETE FROM case_keys WHERE case_id = ?", (case_id,))
            for holder, public_key in holders.items():
                conn.execute(
                    "INSERT INTO case_keys (case_id, holder, holder_public_key, envelope) VALUES (?, ?, ?, ?)",
                    (case_id, holder, public_key, seal_case_key(vault_id, case_id, holder, public_key, mine)),
                )
    finally:
        conn.close()
    return mine


def _case_keys_check_ok(session: VaultSession) -> bool:
    [check] = [c for c in verify_vault(session).checks if c.name == "Case keys"]
    return check.ok


def _with_identity(session: VaultSession, case_id: int, identity: SensitiveContact) -> None:
    """A legitimate edit of the real name and phone, as the case form does it after a reveal."""
    service = CaseService(session)
    fields = dataclasses.replace(service.fields(case_id), sensitive=identity)
    service.update(case_id, fields, keep_sensitive=False)


# --- attack 1: putting herself on the case in the database ----------------------------------------------


def test_attack1_a_row_in_case_counselors_gets_her_the_real_key_at_a_supervisors_sign_in(
    team_vault: TeamVault, counselor: VaultSession, second: VaultSession
) -> None:
    case = CaseService(counselor).create(case_fields())
    counselor.close()
    conn = _db(second)
    with conn:
        conn.execute("INSERT INTO case_counselors (case_id, user_name) VALUES (?, ?)", (case.id, SECOND))
    conn.close()

    team_vault.sign_in(SUPERVISOR, SUPERVISOR_PASSWORD).close()  # reconcile runs at every sign-in

    assert _try_read(second, case.id, _own_seal_key(second, case.id)) is None  # fails: she reads 김민지


def test_attack1b_a_counselor_row_on_a_case_without_key_gets_her_the_next_identity_written(
    team_vault: TeamVault, counselor: VaultSession, second: VaultSession
) -> None:
    bare = dataclasses.replace(case_fields(), sensitive=SensitiveContact())
    case = CaseService(counselor).create(bare)
    conn = _db(second)
    with conn:
        conn.execute("INSERT INTO case_counselors (case_id, user_name) VALUES (?, ?)", (case.id, SECOND))
    conn.close()

    _with_identity(counselor, case.id, SensitiveContact(NAME, PHONE))  # the counselor notes the name later

    assert _try_read(second, case.id, _own_seal_key(second, case.id)) is None  # fails: she reads it


# --- attack 2: seals of a key she made -----------------------------------------------------------------


def test_attack2_planted_seals_on_a_case_without_identity_get_her_the_identity_written_later(
    team_vault: TeamVault, counselor: VaultSession, second: VaultSession
) -> None:
    bare = dataclasses.replace(case_fields(), sensitive=SensitiveContact())
    case = CaseService(counselor).create(bare)
    mine = _plant_key(second, case.id, [COUNSELOR])

    _with_identity(counselor, case.id, SensitiveContact(NAME, PHONE))

    assert _case_keys_check_ok(counselor)  # nothing for verify to name: every seal is one it expects
    assert _try_read(second, case.id, mine) is None  # fails: she reads 김민지 with the key she chose


def test_attack2b_seals_planted_for_the_next_case_id_are_used_by_the_next_new_case(
    team_vault: TeamVault, counselor: VaultSession, second: VaultSession
) -> None:
    conn = raw_connection(second)
    next_id = int(conn.execute("SELECT coalesce(max(id), 0) + 1 FROM cases").fetchone()[0])
    conn.close()
    planted = {case_id: _plant_key(second, case_id, [COUNSELOR]) for case_id in range(next_id, next_id + 3)}

    case = CaseService(counselor).create(case_fields())

    assert case.id in planted
    assert CaseService(counselor).reveal(case.id) == SensitiveContact(NAME, PHONE)
    assert _try_read(second, case.id, planted[case.id]) is None  # fails: she reads 김민지


def test_attack2c_her_key_planted_only_under_her_own_slot_is_never_used_and_is_removed(
    team_vault: TeamVault, counselor: VaultSession, second: VaultSession
) -> None:
    """A seal for herself alone (of a key she chose) on a case that has its real key: nobody else opens it,
    writes keep using the real key, and the next sign-in of a holder removes it."""
    case = CaseService(counselor).create(case_fields())
    vault_id = second.keyfile.vault_id
    holder = slot_id_for(vault_id, SECOND)
    own = second.own_slot
    assert own is not None
    public_key = _accounts(second).account(holder).public_key  # type: ignore[union-attr]
    assert public_key is not None
    mine = new_case_key()
    conn = _db(second)
    with conn:
        conn.execute(
            "INSERT INTO case_keys (case_id, holder, holder_public_key, envelope) VALUES (?, ?, ?, ?)",
            (case.id, holder, public_key, seal_case_key(vault_id, case.id, holder, public_key, mine)),
        )
    conn.close()
    _with_identity(counselor, case.id, SensitiveContact(NEW_NAME, NEW_PHONE))
    assert _try_read(second, case.id, mine) is None
    team_vault.sign_in(SUPERVISOR, SUPERVISOR_PASSWORD).close()
    assert _own_seal_key(second, case.id) is None


# --- attack 3: moving ciphertext and seals between cases -----------------------------------------------


def test_attack3_an_identity_moved_into_her_own_case_does_not_open(
    team_vault: TeamVault, counselor: VaultSession, second: VaultSession
) -> None:
    theirs = CaseService(counselor).create(case_fields())
    hers = CaseService(second).create(case_fields(alias="수진"))
    sealed = _identity_ciphertext(second, theirs.id)
    conn = _db(second)
    with conn:
        conn.execute("UPDATE cases SET identity = ? WHERE id = ?", (sealed, hers.id))
    conn.close()
    with pytest.raises(VaultFormatError):
        CaseService(second).reveal(hers.id)
    key = _own_seal_key(second, hers.id)
    assert key is not None
    with pytest.raises(CryptoError):
        decrypt_identity(second.keyfile.vault_id, theirs.id, key, sealed or b"")


def test_attack3b_a_seal_relabelled_to_her_slot_does_not_open(
    team_vault: TeamVault, counselor: VaultSession, second: VaultSession
) -> None:
    case = CaseService(counselor).create(case_fields())
    vault_id = second.keyfile.vault_id
    conn = _db(second)
    with conn:
        conn.execute(
            "INSERT INTO case_keys (case_id, holder, holder_public_key, envelope) "
            "SELECT case_id, ?, holder_public_key, envelope FROM case_keys WHERE case_id = ? AND holder = ?",
            (slot_id_for(vault_id, SECOND), case.id, slot_id_for(vault_id, COUNSELOR)),
        )
    conn.close()
    assert _own_seal_key(second, case.id) is None


# --- attack 4: roles from the database ----------------------------------------------------------------


def test_attack4_supervisor_in_the_users_table_gets_no_seals(
    team_vault: TeamVault, counselor: VaultSession, second: VaultSession
) -> None:
    """Roles come from the signed list: the edit stops every non-admin sign-in until an administrator's
    sign-in repairs the table, and never gets her a seal."""
    case = CaseService(counselor).create(case_fields())
    conn = _db(second)
    with conn:
        conn.execute("UPDATE users SET roles = 'supervisor' WHERE name = ?", (SECOND,))
    conn.close()
    for name, password in ((SECOND, SECOND_PASSWORD), (SUPERVISOR, SUPERVISOR_PASSWORD)):
        with pytest.raises(VaultFormatError, match="differ from the list"):
            team_vault.sign_in(name, password).close()
    team_vault.sign_in(ADMIN, ADMIN_PASSWORD).close()  # restores the roles from the signed list
    team_vault.sign_in(SUPERVISOR, SUPERVISOR_PASSWORD).close()
    team_vault.sign_in(COUNSELOR, COUNSELOR_PASSWORD).close()
    assert _own_seal_key(second, case.id) is None
    again = team_vault.sign_in(SECOND, SECOND_PASSWORD)
    try:
        with pytest.raises(InputError):
            CaseService(again).reveal(case.id)
    finally:
        again.close()


# --- attack 5: keeping a case key after losing the right to it -------------------------------------------


def test_attack5_a_demoted_supervisor_reads_identities_written_after_her_demotion(
    team_vault: TeamVault, counselor: VaultSession, supervisor: VaultSession
) -> None:
    case = CaseService(counselor).create(case_fields())
    kept = CaseKeys(supervisor).open(case.id)  # what she writes down while still a supervisor
    assert kept is not None
    supervisor.close()
    AccountService(team_vault.admin).set_roles(SUPERVISOR, frozenset({Role.COUNSELOR}))
    demoted = team_vault.sign_in(SUPERVISOR, SUPERVISOR_PASSWORD)  # still a colleague: data key, no seal
    try:
        assert _own_seal_key(demoted, case.id) is None
        with pytest.raises(InputError):
            CaseService(demoted).reveal(case.id)

        _with_identity(counselor, case.id, SensitiveContact(NEW_NAME, NEW_PHONE))

        assert _try_read(demoted, case.id, kept) is None  # fails: she reads 이수진
    finally:
        demoted.close()


def test_attack5b_a_counselor_taken_off_by_a_new_supervisor_keeps_reading_the_case(
    team_vault: TeamVault, counselor: VaultSession
) -> None:
    case = CaseService(counselor).create(case_fields())
    kept = CaseKeys(counselor).open(case.id)
    assert kept is not None
    AccountService(team_vault.admin).add_user(SECOND, frozenset({Role.SUPERVISOR}), SECOND_PASSWORD)
    newcomer = team_vault.sign_in(SECOND, SECOND_PASSWORD)  # no seal yet: nobody holding one signed in since
    try:
        CaseService(newcomer).reassign(case.id, [SUPERVISOR])
    finally:
        newcomer.close()
    boss = team_vault.sign_in(SUPERVISOR, SUPERVISOR_PASSWORD)
    try:
        _with_identity(boss, case.id, SensitiveContact(NEW_NAME, NEW_PHONE))
    finally:
        boss.close()

    with pytest.raises(InputError):
        CaseService(counselor).reveal(case.id)  # the app says no...
    assert _try_read(counselor, case.id, kept) is None  # fails: ...the key she kept reads 이수진


def test_attack5c_a_counselor_taken_off_by_a_supervisor_holding_the_key_loses_it(
    team_vault: TeamVault, counselor: VaultSession, supervisor: VaultSession
) -> None:
    case = CaseService(counselor).create(case_fields())
    kept = CaseKeys(counselor).open(case.id)
    CaseService(supervisor).reassign(case.id, [SUPERVISOR])
    _with_identity(supervisor, case.id, SensitiveContact(NEW_NAME, NEW_PHONE))
    assert _try_read(counselor, case.id, kept) is None


def test_attack5e_old_seals_put_back_after_her_removal_bring_the_old_key_back_into_use(
    team_vault: TeamVault, counselor: VaultSession, supervisor: VaultSession
) -> None:
    case = CaseService(counselor).create(case_fields())
    kept = CaseKeys(counselor).open(case.id)
    conn = raw_connection(counselor)
    old_seals = conn.execute(
        "SELECT case_id, holder, holder_public_key, envelope FROM case_keys WHERE case_id = ?", (case.id,)
    ).fetchall()
    old_identity = conn.execute("SELECT identity FROM cases WHERE id = ?", (case.id,)).fetchone()[0]
    conn.close()

    CaseService(supervisor).reassign(case.id, [SUPERVISOR])  # the key is replaced: attack 5c holds
    assert _try_read(counselor, case.id, kept) is None

    conn = _db(counselor)  # still a colleague: the data key
    with conn:
        conn.execute("DELETE FROM case_keys WHERE case_id = ?", (case.id,))
        conn.executemany("INSERT INTO case_keys VALUES (?, ?, ?, ?)", [tuple(r) for r in old_seals])
        conn.execute("UPDATE cases SET identity = ? WHERE id = ?", (old_identity, case.id))
    conn.close()
    supervisor.close()
    boss = team_vault.sign_in(SUPERVISOR, SUPERVISOR_PASSWORD)  # reconcile drops only her own old seal
    try:
        _with_identity(boss, case.id, SensitiveContact(NEW_NAME, NEW_PHONE))
        assert _case_keys_check_ok(boss)
    finally:
        boss.close()
    assert _try_read(counselor, case.id, kept) is None  # fails: the key she kept reads 이수진


def test_attack5d_a_disabled_counselor_cannot_open_the_database_her_kept_key_would_need(
    team_vault: TeamVault, counselor: VaultSession, supervisor: VaultSession
) -> None:
    """Disabling re-keys the database: the case key she kept has no ciphertext left to open."""
    case = CaseService(counselor).create(case_fields())
    kept = CaseKeys(counselor).open(case.id)
    assert kept is not None
    old_data_key = counselor.data_key
    db = counselor.paths.db
    counselor.close()
    supervisor.close()
    AccountService(team_vault.admin).disable_user(COUNSELOR)
    boss = team_vault.sign_in(SUPERVISOR, SUPERVISOR_PASSWORD)
    try:
        _with_identity(boss, case.id, SensitiveContact(NEW_NAME, NEW_PHONE))
    finally:
        boss.close()
    with pytest.raises(Exception):  # noqa: B017 - any refusal: the old data key opens nothing
        conn = connect(db, old_data_key)
        try:
            conn.execute("SELECT identity FROM cases WHERE id = ?", (case.id,)).fetchone()
        finally:
            conn.close()
    # And the pages themselves, WAL included, decrypted with the old key, hold no readable identity.
    assert NEW_NAME.encode() not in decrypted_pages(db, old_data_key)


# --- attack 6: the phone-matching key ------------------------------------------------------------------


def test_attack6_a_search_of_the_number_space_narrows_a_phone_down_but_never_to_one(
    team_vault: TeamVault, counselor: VaultSession, second: VaultSession
) -> None:
    """She holds the match key (every account does) and can hash every 010 number. The stored value is
    cut to 20 bits, so each value fits about 10^8 / 2^20 = 95 mobile numbers: the search leaves her
    about a hundred candidates, never the one."""
    case = CaseService(counselor).create(case_fields())
    conn = raw_connection(second)
    key = bytes.fromhex(conn.execute("SELECT value FROM meta WHERE key = ?", (PHONE_MATCH_KEY,)).fetchone()[0])
    target = str(conn.execute("SELECT phone_match FROM cases WHERE id = ?", (case.id,)).fetchone()[0])
    conn.close()
    assert phone_match(key, "01012345678") == target  # the same function she can call
    assert len(target) == 5 and int(target, 16) < 2**20


# --- attack 7: identities outside the sealed column -----------------------------------------------------


def test_attack7_a_colleagues_unsaved_intake_draft_gives_her_the_real_name_and_phone(
    team_vault: TeamVault, counselor: VaultSession, second: VaultSession
) -> None:
    DraftService(counselor).save(QUICK_INTAKE, {"new_case": {"real_name": NAME, "phone": PHONE}})
    conn = raw_connection(second)
    payloads = [str(r[0]) for r in conn.execute("SELECT payload FROM drafts WHERE owner = ?", (COUNSELOR,))]
    conn.close()
    assert not any(NAME in p or PHONE in p for p in payloads)  # fails: the draft names 김민지, 010-1234-5678


def test_attack7b_a_cleared_draft_lingers_in_the_write_ahead_log(
    team_vault: TeamVault, counselor: VaultSession, second: VaultSession, tmp_path: Path
) -> None:
    DraftService(counselor).save(QUICK_INTAKE, {"new_case": {"real_name": NAME, "phone": PHONE}})
    DraftService(counselor).clear(QUICK_INTAKE)
    db = second.paths.db
    copy = tmp_path / "db-file-alone" / db.name
    copy.parent.mkdir()
    shutil.copy(db, copy)  # the database file without its log: secure_delete did its work there
    assert NAME.encode() not in decrypted_pages(copy, second.data_key)
    assert NAME.encode() not in decrypted_pages(db, second.data_key)  # fails: a frame of the -wal holds it


def test_attack7c_no_identity_in_any_page_of_the_database_or_its_log(
    team_vault: TeamVault, counselor: VaultSession, second: VaultSession
) -> None:
    """Creating and editing cases leaves no plaintext real name or phone in any page."""
    service = CaseService(counselor)
    case = service.create(case_fields())
    _with_identity(counselor, case.id, SensitiveContact(NEW_NAME, NEW_PHONE))
    pages = decrypted_pages(second.paths.db, second.data_key)
    for secret in (NAME, NEW_NAME, PHONE, NEW_PHONE, "01012345678", "01098765432"):
        assert secret.encode() not in pages


# --- attack 8: an identity of her choosing, accepted as genuine ----------------------------------------


@pytest.mark.xfail(
    strict=True,
    reason="VULNERABILITY (integrity): with her own key sealed to every holder, an identity she encrypts "
    "replaces the survivor's; SafeCase shows it as genuine and neither verify nor the audit log tells",
)
def test_attack8_an_identity_she_encrypts_under_her_planted_key_is_refused_or_named(
    team_vault: TeamVault, counselor: VaultSession, second: VaultSession
) -> None:
    case = CaseService(counselor).create(case_fields())
    mine = _plant_key(second, case.id, [COUNSELOR])
    vault_id = second.keyfile.vault_id
    conn = _db(second)
    with conn:
        conn.execute(
            "UPDATE cases SET identity = ? WHERE id = ?",
            (encrypt_identity(vault_id, case.id, mine, "가짜 이름", "010-0000-0000"), case.id),
        )
    conn.close()
    try:
        shown = CaseService(counselor).reveal(case.id)
    except VaultFormatError:
        return  # refused: the defence holds
    assert shown != SensitiveContact("가짜 이름", "010-0000-0000") or not _case_keys_check_ok(counselor)


# --- attack 9: the upgrade to version 4 with a key file she rewrote ---------------------------------


def test_attack9_the_upgrade_refuses_an_account_list_she_signed_herself(tmp_path: Path) -> None:
    """Before the vault's first sign-in under schema 4 she swaps the recovery public key (which every
    case's key is sealed to) for her own and signs the list with a key she made: the migration reads the
    list through the administrators' signature, refuses it, and seals nothing."""
    root = tmp_path / "vault"
    shutil.copytree(Path(__file__).parent / "fixtures" / "vault-v3", root)
    keyfile = keyfiles.load(root / "keys.json")
    _, data_key = access.open_user_slot(keyfile, COUNSELOR, COUNSELOR_PASSWORD)
    slot = keyfile.find(slot_id_for(keyfile.vault_id, COUNSELOR))
    assert slot is not None
    signed = open_accounts(keyfile, data_key)
    forged = dataclasses.replace(signed.accounts, recovery_public_key=slot.public_key)
    keyfiles.save(
        root / "keys.json", with_accounts(keyfile, sign_accounts(forged, new_signing_key(), signed.waiting), data_key)
    )
    for name, password in ((ADMIN, ADMIN_PASSWORD), (COUNSELOR, COUNSELOR_PASSWORD)):
        with pytest.raises(VaultFormatError, match="not signed by this vault's administrators"):
            access.sign_in(root, name, password).close()
    conn = connect(root / "safecase.db", data_key)
    try:
        assert int(conn.execute("PRAGMA user_version").fetchone()[0]) == 3
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'case_keys'").fetchone()[0] == 0
    finally:
        conn.close()
