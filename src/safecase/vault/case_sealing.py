"""Who holds each case's key, by the signed account list, and keeping the seals in step with it.

The holders of a case's key are the enabled counselors on the case, every enabled supervisor, and the
recovery slot (the center's way back in when everyone else is gone). Their public keys come from the
account list the administrators signed, never from the database, so nobody can add a holder by editing
tables with the data key.

Sealing needs only public keys, so anyone who writes a case (an administrator importing, a counselor
opening a case) can give it a key. Taking a seal away needs no key at all. Adding a seal to an existing
case needs its key, so it is done by someone who already holds a seal: see
:func:`safecase.services.case_keys.CaseKeys.reconcile`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from safecase.crypto.case_keys import new_case_key, seal_case_key
from safecase.domain.roles import Role
from safecase.vault.connection import Connection
from safecase.vault.keyfile import RECOVERY_SLOT_ID, AccountList
from safecase.vault.repositories.case_keys import CaseKeyRepository, CaseSeal


def expected_holders(accounts: AccountList, counselors: Iterable[str]) -> dict[str, bytes]:
    """Holder (slot id) → public key of everyone who should hold the key of a case ``counselors`` work."""
    holders: dict[str, bytes] = {}
    by_name = {a.name: a for a in accounts.accounts}
    for name in counselors:
        account = by_name.get(name)
        if account is not None and account.enabled and account.public_key is not None:
            holders[account.slot_id] = account.public_key
    for account in accounts.holders(Role.SUPERVISOR):
        if account.public_key is not None:
            holders[account.slot_id] = account.public_key
    holders[RECOVERY_SLOT_ID] = accounts.recovery_public_key
    return holders


def seal_to(conn: Connection, vault_id: str, case_id: int, case_key: bytes, holders: Mapping[str, bytes]) -> None:
    repo = CaseKeyRepository(conn)
    for holder, public_key in holders.items():
        envelope = seal_case_key(vault_id, case_id, holder, public_key, case_key)
        repo.put(CaseSeal(case_id, holder, public_key, envelope))


def give_new_key(
    conn: Connection, vault_id: str, case_id: int, accounts: AccountList, counselors: Iterable[str]
) -> bytes:
    """A fresh key for the case, sealed to everyone who should hold it; replaces any seals it had."""
    case_key = new_case_key()
    CaseKeyRepository(conn).remove_case(case_id)
    seal_to(conn, vault_id, case_id, case_key, expected_holders(accounts, counselors))
    return case_key


@dataclass(frozen=True)
class SealGaps:
    """Per case: holders whose seal must go, and holders (with public key) who still need one."""

    stale: dict[int, list[str]]
    missing: dict[int, dict[str, bytes]]
    # Cases where no seal is left that someone on the list still holds: only stale seals open them.
    orphaned: frozenset[int]


def seal_gaps(conn: Connection, accounts: AccountList) -> SealGaps:
    """Compare every case's seals with the signed list; reads only, needs no key."""
    repo = CaseKeyRepository(conn)
    counselors = repo.keyed_case_counselors()
    have: dict[int, dict[str, bytes]] = {}
    for case_id, holder, public_key in repo.holders():
        have.setdefault(case_id, {})[holder] = public_key
    stale: dict[int, list[str]] = {}
    missing: dict[int, dict[str, bytes]] = {}
    orphaned: set[int] = set()
    for case_id, seals in have.items():
        expected = expected_holders(accounts, counselors.get(case_id, ()))
        gone = sorted(h for h, key in seals.items() if expected.get(h) != key)
        if gone:
            stale[case_id] = gone
            if len(gone) == len(seals):
                orphaned.add(case_id)
        wanted = {h: key for h, key in expected.items() if seals.get(h) != key}
        if wanted:
            missing[case_id] = wanted
    return SealGaps(stale, missing, frozenset(orphaned))


def drop_stale_seals(conn: Connection, accounts: AccountList) -> int:
    """Remove the seals of people who should no longer hold a case's key (or whose key pair changed).

    Run in the same unit of work as the account change that made them stale; returns how many went.
    A case none of whose seals is held by anyone on the list any more keeps them (losing its key would
    lose the survivor's identity for good) until someone who can open it reseals it.
    """
    gaps = seal_gaps(conn, accounts)
    repo = CaseKeyRepository(conn)
    for case_id, holders in gaps.stale.items():
        if case_id not in gaps.orphaned:
            repo.remove(case_id, holders)
    return sum(len(h) for c, h in gaps.stale.items() if c not in gaps.orphaned)
