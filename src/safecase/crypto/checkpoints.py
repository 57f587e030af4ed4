"""Signed audit checkpoints: the administrators' Ed25519 key vouches for the audit head at a moment.

The hash chain alone shows edits to anyone who cannot recompute it; everyone with the data key can.
A checkpoint binds the vault id, the head's number and hash, the time and the reason under a purpose
of its own, so a signature made for an account list or a key rotation is never one for a checkpoint.
"""

from __future__ import annotations

from safecase.crypto.encoding import canonical_json
from safecase.crypto.signing import sign, signature_valid, verifying_key_of
from safecase.domain.audit import AuditHead, Checkpoint

_CHECKPOINT_SIGNATURE = b"safecase/audit-checkpoint/v1"


def checkpoint_message(vault_id: str, head: AuditHead, at: str, reason: str) -> bytes:
    return canonical_json({"vault": vault_id, "seq": head.seq, "hash": head.hash, "at": at, "reason": reason})


def sign_checkpoint(admin_key: bytes, vault_id: str, head: AuditHead, at: str, reason: str) -> Checkpoint:
    signature = sign(admin_key, _CHECKPOINT_SIGNATURE, checkpoint_message(vault_id, head, at, reason))
    return Checkpoint(head=head, at=at, reason=reason, signer=verifying_key_of(admin_key), signature=signature)


def checkpoint_signature_valid(vault_id: str, checkpoint: Checkpoint) -> bool:
    """Whether ``checkpoint.signer`` signed exactly this checkpoint of this vault (who the signer is, is
    for the caller to judge)."""
    message = checkpoint_message(vault_id, checkpoint.head, checkpoint.at, checkpoint.reason)
    return signature_valid(checkpoint.signer, _CHECKPOINT_SIGNATURE, message, checkpoint.signature)
