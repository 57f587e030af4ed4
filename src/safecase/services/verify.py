"""``safecase verify``: is every part of the vault intact?

Checks SQLCipher's page authentication (``cipher_integrity_check``), SQLite's structure
(``integrity_check``), the key file's checksum and MAC, the accounts and key slots against the list the
administrators signed (naming any slot that is not on it), the whole audit chain, naming the first
broken audit row when one was edited, deleted or re-ordered, and the signed audit checkpoints, which
name the first checkpointed row that no longer matches when the chain was rewritten and recomputed
with the data key, every case's sealed content (identity, evidence keys) against the signed list, and
the evidence: each item's custody chain and recorded hash, and each kept file still in ``blobs/``
(re-hashing the files needs the case keys: ``safecase evidence verify``). The report carries the audit
head (``#1234 · 3fa9c2d1``).
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from safecase.crypto.errors import CryptoError
from safecase.crypto.recovery import recovery_fingerprint
from safecase.domain.audit import AuditAction, AuditHead
from safecase.domain.errors import VaultFormatError
from safecase.domain.roles import Permission
from safecase.i18n import tr
from safecase.services.access import account_mismatches
from safecase.services.case_keys import sealing_problems
from safecase.services.checkpoints import check_checkpoints
from safecase.services.evidence import evidence_problems
from safecase.services.session import VaultSession
from safecase.vault import keyfile as keyfiles
from safecase.vault.connection import DatabaseError
from safecase.vault.keyfile import open_accounts, slot_id_for
from safecase.vault.repositories.audit import AuditRepository
from safecase.vault.repositories.users import UserRepository


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str


@dataclass(frozen=True)
class VerifyReport:
    checks: list[CheckResult]
    head: AuditHead | None = None

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks)


def verify_vault(session: VaultSession) -> VerifyReport:
    """Run every check; each one reports its own failure, and a damaged page never stops the others."""
    session.require(Permission.VERIFY)
    checks = [
        _guarded(tr("Database encryption"), lambda: _cipher_check(session)),
        _guarded(tr("Database structure"), lambda: _structure_check(session)),
        _guarded(tr("Key file"), lambda: _keyfile_check(session)),
        _guarded(tr("Accounts and key slots"), lambda: _accounts_check(session)),
        _guarded(tr("Audit log chain"), lambda: _chain_check(session)),
        _guarded(tr("Checkpoints"), lambda: _checkpoints_check(session)),
        _guarded(tr("Case keys"), lambda: _case_keys_check(session)),
        _guarded(tr("Evidence"), lambda: _evidence_check(session)),
    ]
    head: AuditHead | None = None
    with contextlib.suppress(DatabaseError, MemoryError):
        head = AuditRepository(session.conn).head()
    report = VerifyReport(checks, head)
    # A damaged database may refuse the write; the report is what the person asked for.
    with contextlib.suppress(DatabaseError, MemoryError):
        session.audit(AuditAction.VERIFIED, "vault", session.keyfile.vault_id, {"ok": str(report.ok).lower()})
    return report


def _guarded(name: str, check: Callable[[], CheckResult]) -> CheckResult:
    """``check()``, or a failed result when the database cannot even be read that far.

    A damaged page makes SQLite raise (or, with a length field gone wild, ask for absurd memory) in
    the middle of a check; that is a finding of verify, not a crash of it. The detail is one line
    (SQLite's integrity report has line breaks of its own).
    """
    try:
        result = check()
        return dataclasses.replace(result, detail=" ".join(result.detail.split()))
    except (DatabaseError, MemoryError) as exc:
        reason = " ".join(str(exc).split()) or tr("a page could not be decrypted")
        return CheckResult(
            name, False, tr("the database could not be read this far ({reason}): it is damaged").format(reason=reason)
        )


def _cipher_check(session: VaultSession) -> CheckResult:
    conn = session.conn
    # cipher_integrity_check reads the main file only; pages still in the WAL are not in it yet (after a
    # re-key by another process, the main file holds the old key's pages until a checkpoint).
    conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
    errors = [str(row[0]) for row in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
    detail = tr("every page authenticates") if not errors else "; ".join(errors[:5])
    return CheckResult(tr("Database encryption"), not errors, detail)


def _structure_check(session: VaultSession) -> CheckResult:
    integrity = [str(row[0]) for row in session.conn.execute("PRAGMA integrity_check").fetchall()]
    ok = integrity == ["ok"]
    return CheckResult(tr("Database structure"), ok, tr("ok") if ok else "; ".join(integrity[:5]))


def _keyfile_check(session: VaultSession) -> CheckResult:
    try:
        on_disk = keyfiles.load(session.paths.keyfile)
        ok = on_disk.mac_valid(session.data_key)
        detail = tr("checksum and signature hold") if ok else tr("signature does not match")
    except VaultFormatError as exc:
        ok, detail = False, exc.message
    return CheckResult(tr("Key file"), ok, detail)


def _chain_check(session: VaultSession) -> CheckResult:
    chain = AuditRepository(session.conn).check_chain()
    if chain.ok:
        detail = tr("{count} rows, every link holds").format(count=chain.rows_checked)
    else:
        detail = tr("first broken row: #{seq} ({reason})").format(seq=chain.first_bad_seq, reason=chain.reason)
    return CheckResult(tr("Audit log chain"), chain.ok, detail)


def _checkpoints_check(session: VaultSession) -> CheckResult:
    """Each signed checkpoint (and the one keys.json carries) against the administrators' keys and the chain."""
    name = tr("Checkpoints")
    try:
        keyfile = keyfiles.load(session.paths.keyfile)
    except VaultFormatError:
        keyfile = session.keyfile  # the key file check names the damage; judge by the one signed in with
    found = check_checkpoints(session.conn, keyfile, session.data_key)
    if found.problems:
        return CheckResult(name, False, "; ".join(found.problems))
    if found.latest is None:
        return CheckResult(name, True, tr("none yet (an administrator's sign-in or a backup makes one)"))
    detail = tr("{count} signed by the administrators, each still in the chain; latest {head}").format(
        count=found.checked, head=found.latest.head.short()
    )
    return CheckResult(name, True, detail)


def _case_keys_check(session: VaultSession) -> CheckResult:
    """Every sealed identity has a key someone on the signed account list can open."""
    name = tr("Case keys")
    try:
        problems = sealing_problems(session)
    except VaultFormatError as exc:
        return CheckResult(name, False, exc.message)
    if problems:
        return CheckResult(name, False, "; ".join(problems[:5]))
    return CheckResult(
        name, True, tr("every sealed identity and evidence key has a key someone on the account list holds")
    )


def _evidence_check(session: VaultSession) -> CheckResult:
    """Custody chains, recorded hashes and kept files of every evidence item (no case key needed)."""
    name = tr("Evidence")
    checked, problems = evidence_problems(session)
    if problems:
        return CheckResult(name, False, "; ".join(problems[:5]))
    return CheckResult(
        name, True, tr("{count} items, every custody chain holds and every kept file is there").format(count=checked)
    )


def _short(slot_id: str) -> str:
    return slot_id[:8]


def _accounts_check(session: VaultSession) -> CheckResult:
    """The signed account list against the key slots in keys.json and the database's ``users`` table."""
    name = tr("Accounts and key slots")
    try:
        keyfile = keyfiles.load(session.paths.keyfile)
        signed = open_accounts(keyfile, session.data_key)
    except VaultFormatError as exc:
        return CheckResult(name, False, exc.message)
    except CryptoError:
        return CheckResult(name, False, tr("the account list cannot be read with this session's key"))
    accounts = signed.accounts
    problems: list[str] = []
    if not keyfile.chain_holds_from(session.keyfile.admin_public_key):
        problems.append(tr("the administrators' key was replaced"))
    if not signed.signature_holds(keyfile.admin_public_key):
        problems.append(tr("the account list is not signed by the administrators' key"))
    if not accounts.describes(keyfile):
        problems.append(tr("the account list does not describe this key file"))
    names = {slot_id_for(keyfile.vault_id, u.name): u.name for u in UserRepository(session.conn).all()}
    names.update({a.slot_id: a.name for a in accounts.accounts})
    for slot in sorted(keyfile.slots, key=lambda s: s.slot_id):
        account = accounts.account(slot.slot_id)
        decoy = accounts.decoy(slot.slot_id)
        who = names.get(slot.slot_id)
        if account is not None:
            if account.public_key != slot.public_key:
                problems.append(
                    tr("the key slot of “{name}” is not the one the administrators signed").format(name=account.name)
                )
        elif decoy is not None:
            if decoy.public_key != slot.public_key:
                problems.append(tr("decoy slot {id} was replaced").format(id=_short(slot.slot_id)))
        elif who is not None:
            problems.append(tr("a key slot for “{name}” is not on the signed account list").format(name=who))
        else:
            problems.append(tr("key slot {id} matches no account").format(id=_short(slot.slot_id)))
    for account in sorted(accounts.accounts, key=lambda a: a.name):
        if account.slot_id != slot_id_for(keyfile.vault_id, account.name):
            problems.append(tr("the signed entry of “{name}” is filed under another name").format(name=account.name))
        if account.enabled and keyfile.find(account.slot_id) is None:
            problems.append(tr("“{name}” has no key slot").format(name=account.name))
    fingerprint = recovery_fingerprint(accounts.recovery_public_key)
    if keyfile.recovery.public_key != accounts.recovery_public_key:
        problems.append(
            tr("the recovery slot is not the one the administrators signed (it is {found}, not {signed})").format(
                found=recovery_fingerprint(keyfile.recovery.public_key), signed=fingerprint
            )
        )
    problems += account_mismatches(session.conn, accounts)
    if problems:
        return CheckResult(name, False, "; ".join(problems))
    enabled = sum(1 for a in accounts.accounts if a.enabled)
    detail = tr("{count} enabled accounts as the administrators signed; recovery key fingerprint {fingerprint}").format(
        count=enabled, fingerprint=fingerprint
    )
    if accounts.rekey_due:
        # Not damage: the vault is sound, but a disabled person still knows the data key.
        detail += tr("; the re-key after disabling an account did not finish: disable that account again")
    return CheckResult(name, True, detail)
