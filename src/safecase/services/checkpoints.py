"""Audit checkpoints: the administrators' key signs the audit head, and verify holds the log to it.

Everyone who can sign in knows the data key, so anyone can rewrite the audit log and recompute its
whole hash chain. What they cannot do is sign: at each administrator's sign-in (and the recovery
key's) and at each backup, the head (row number and hash) is signed with the administrators' Ed25519
key and stored in ``audit_checkpoints``, in the same unit of work as the audit row it covers. The
latest one is also carried into the account list the administrators sign in ``keys.json`` and into
each backup's manifest, so deleting the table's rows does not make the checkpoints go away.

:func:`check_checkpoints` is verify's "Checkpoints" check: every checkpoint must be signed by the
administrators' key (or one its signed rotations lead from) and its head must still be in the chain.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime

from safecase.crypto.checkpoints import checkpoint_signature_valid, sign_checkpoint
from safecase.crypto.errors import CryptoError
from safecase.crypto.signing import verifying_key_of
from safecase.domain.audit import AuditHead, Checkpoint, CheckpointReason
from safecase.domain.errors import VaultFormatError
from safecase.domain.roles import Permission
from safecase.i18n import tr
from safecase.services.session import VaultSession
from safecase.vault import keyfile as keyfiles
from safecase.vault.connection import Connection
from safecase.vault.keyfile import KeyFile, open_accounts, sign_accounts, with_accounts
from safecase.vault.paths import VaultPaths
from safecase.vault.repositories.audit import AuditRepository
from safecase.vault.repositories.checkpoints import CheckpointRepository


def audit_head(session: VaultSession) -> AuditHead | None:
    """The newest audit row's number and hash (``head.short()``: ``#1234 · 3fa9c2d1``); None when empty."""
    session.require(Permission.VERIFY)
    return AuditRepository(session.conn).head()


def checkpoint_head(
    conn: Connection, vault_id: str, admin_key: bytes, reason: CheckpointReason, at: datetime
) -> Checkpoint:
    """Sign the audit head as it stands in the caller's transaction and store the checkpoint there."""
    head = AuditRepository(conn).head()
    if head is None:
        raise VaultFormatError(tr("The audit log is empty; there is nothing to checkpoint."))
    checkpoint = sign_checkpoint(admin_key, vault_id, head, at.astimezone(UTC).isoformat(timespec="seconds"), reason)
    CheckpointRepository(conn).add(checkpoint)
    return checkpoint


def carry_into_keyfile(
    paths: VaultPaths, conn: Connection, vault_id: str, admin_key: bytes, data_key: bytes, checkpoint: Checkpoint
) -> KeyFile | None:
    """Put ``checkpoint`` into the signed account list in keys.json; the caller holds the write lock.

    Called after the checkpoint's own transaction committed (a crash in between leaves keys.json with
    the previous checkpoint, never one the database does not have). Nothing is written when keys.json
    is not the trusted file this key signs for, already carries this checkpoint or a later one, or
    carries one the audit log no longer matches: that one is the evidence of a rewritten log, and an
    administrator's sign-in must not replace it with a signature over the rewritten head.
    Returns the key file written, or None.
    """
    try:
        keyfile = keyfiles.load(paths.keyfile)
        if keyfile.vault_id != vault_id or not keyfile.mac_valid(data_key):
            return None
        signed = open_accounts(keyfile, data_key)
    except (VaultFormatError, CryptoError):
        return None
    accounts = signed.accounts
    if (
        verifying_key_of(admin_key) != keyfile.admin_public_key
        or not signed.signature_holds(keyfile.admin_public_key)
        or not accounts.describes(keyfile)
    ):
        return None
    carried = accounts.checkpoint
    if carried is not None and carried.head.seq >= checkpoint.head.seq:
        return None
    if carried is not None and AuditRepository(conn).row_hash(carried.head.seq) != carried.head.hash:
        return None
    resigned = sign_accounts(replace(accounts, checkpoint=checkpoint), admin_key, signed.waiting)
    keyfile = with_accounts(keyfile, resigned, data_key)
    keyfiles.save(paths.keyfile, keyfile)
    return keyfile


def reason_label(reason: str) -> str:
    return {
        CheckpointReason.ADMIN_SIGN_IN.value: tr("admin sign-in"),
        CheckpointReason.RECOVERY_KEY.value: tr("recovery-key sign-in"),
        CheckpointReason.BACKUP.value: tr("backup"),
    }.get(reason, reason)


def describe(checkpoint: Checkpoint) -> str:
    """``the checkpoint of 2026-11-30 made at admin sign-in``."""
    return tr("the checkpoint of {date} made at {reason}").format(
        date=checkpoint.at[:10], reason=reason_label(checkpoint.reason)
    )


def trusted_signers(keyfile: KeyFile) -> set[bytes]:
    """The administrators' public key and each earlier one its signed rotations lead from."""
    return {key for key in keyfile.anchors() if key == keyfile.admin_public_key or keyfile.chain_holds_from(key)}


@dataclass(frozen=True)
class CheckpointCheck:
    """What :func:`check_checkpoints` found: how many were checked and what no longer holds."""

    checked: int
    problems: list[str]
    latest: Checkpoint | None

    @property
    def ok(self) -> bool:
        return not self.problems


def check_checkpoints(conn: Connection, keyfile: KeyFile, data_key: bytes) -> CheckpointCheck:
    """Every checkpoint in the database and the one keys.json carries, against the signers and the chain.

    Names the first checkpointed row that no longer matches (the lowest such row number), each
    checkpoint not signed by this vault's administrators, and a checkpoint keys.json carries that the
    database no longer has.
    """
    audit = AuditRepository(conn)
    stored = CheckpointRepository(conn).all()
    carried = _carried(keyfile, data_key)
    signers = trusted_signers(keyfile)
    problems: list[str] = []
    mismatched: list[Checkpoint] = []
    holding: list[Checkpoint] = []
    everything = [*stored, *([carried] if carried is not None else [])]
    for checkpoint in everything:
        if checkpoint.signer not in signers or not checkpoint_signature_valid(keyfile.vault_id, checkpoint):
            problem = tr("{checkpoint} is not signed by this vault's administrators (row #{seq})").format(
                checkpoint=describe(checkpoint), seq=checkpoint.head.seq
            )
            if problem not in problems:
                problems.append(problem)
            continue
        if audit.row_hash(checkpoint.head.seq) == checkpoint.head.hash:
            holding.append(checkpoint)
        else:
            mismatched.append(checkpoint)
    if mismatched:
        first = min(mismatched, key=lambda c: c.head.seq)
        if audit.row_hash(first.head.seq) is None:
            problem = tr("audit row {seq} is missing: {checkpoint} names it").format(
                seq=first.head.seq, checkpoint=describe(first)
            )
        else:
            problem = tr("audit row {seq} no longer matches {checkpoint}").format(
                seq=first.head.seq, checkpoint=describe(first)
            )
        below = [c.head.seq for c in holding if c.head.seq < first.head.seq]
        if below:
            problem += tr(" (rows up to #{seq} still match)").format(seq=max(below))
        problems.insert(0, problem)
    if carried is not None and not any(_same(carried, c) for c in stored):
        problems.append(
            tr("{checkpoint}, which keys.json carries, is missing from the database").format(
                checkpoint=describe(carried)
            )
        )
    latest = max(everything, key=lambda c: c.head.seq) if everything else None
    return CheckpointCheck(len(stored), problems, latest)


def carried_checkpoint_broken(conn: Connection, keyfile: KeyFile, data_key: bytes) -> Checkpoint | None:
    """The checkpoint keys.json carries, when the audit log no longer holds its head (else None)."""
    carried = _carried(keyfile, data_key)
    if carried is None or not checkpoint_signature_valid(keyfile.vault_id, carried):
        return None
    if AuditRepository(conn).row_hash(carried.head.seq) == carried.head.hash:
        return None
    return carried


def _same(one: Checkpoint, other: Checkpoint) -> bool:
    return one.head == other.head and one.signature == other.signature


def _carried(keyfile: KeyFile, data_key: bytes) -> Checkpoint | None:
    """The checkpoint in keys.json's account list, when that list carries the administrators' signature."""
    try:
        signed = open_accounts(keyfile, data_key)
    except CryptoError:
        return None
    if not signed.signature_holds(keyfile.admin_public_key) or not signed.accounts.describes(keyfile):
        return None
    return signed.accounts.checkpoint
