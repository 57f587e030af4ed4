"""Noticing a vault put back to an older state, from what this computer remembers of it.

Everyone with the data key can replace the vault folder with an older copy, or cut rows off the end
of the audit log and recompute the chain; nothing inside the vault can tell. This computer can: at
each sign-in the key file's generation and the audit head are compared with the highest this
computer has seen of the same vault (:mod:`safecase.vault.pc_memory`). Going backwards, or a row
this computer saw that now hashes differently, is reported; the sign-in still succeeds (a restore
from a backup looks the same, and people must be able to work), but the person is warned and the
audit log gets a ``vault.rollback_suspected`` row.
"""

from __future__ import annotations

from dataclasses import dataclass

from safecase.domain.audit import AuditHead
from safecase.i18n import tr
from safecase.vault import pc_memory
from safecase.vault.connection import Connection
from safecase.vault.repositories.audit import AuditRepository


@dataclass(frozen=True)
class RollbackWarning:
    message: str
    details: dict[str, str]


def rollback_warnings(
    conn: Connection, vault_id: str, generation: int, head: AuditHead | None
) -> list[RollbackWarning]:
    """What is older or different than this computer last saw of ``vault_id`` (empty: nothing)."""
    remembered = pc_memory.seen(vault_id)
    if remembered is None:
        return []
    found: list[RollbackWarning] = []
    if generation < remembered.generation:
        found.append(
            RollbackWarning(
                tr(
                    "This vault's key file is older than one this computer has already opened (key generation "
                    "{generation}, seen {seen}). The vault may have been put back from an old copy: ask an "
                    "administrator to check it."
                ).format(generation=generation, seen=remembered.generation),
                {"kind": "generation", "generation": str(generation), "seen_generation": str(remembered.generation)},
            )
        )
    seen_head = remembered.head
    if seen_head is not None:
        now = "-" if head is None else head.short()
        if head is None or head.seq < seen_head.seq:
            found.append(
                RollbackWarning(
                    tr(
                        "The audit log ends before a row this computer has already seen (now {now}, seen "
                        "{seen}). The vault may have been put back from an old copy, or audit rows were "
                        "removed: ask an administrator to check it."
                    ).format(now=now, seen=seen_head.short()),
                    {"kind": "audit_head", "head": now, "seen_head": seen_head.short()},
                )
            )
        elif AuditRepository(conn).row_hash(seen_head.seq) != seen_head.hash:
            found.append(
                RollbackWarning(
                    tr(
                        "Audit row {seq} is not the one this computer saw (seen {seen}): the audit log was "
                        "rewritten. Ask an administrator to run “safecase verify”."
                    ).format(seq=seen_head.seq, seen=seen_head.short()),
                    {"kind": "audit_rewritten", "head": now, "seen_head": seen_head.short()},
                )
            )
    return found


def checkpoint_warning(head: AuditHead, described: str) -> RollbackWarning:
    """The audit log no longer holds the head the checkpoint in keys.json signed: it was rewritten."""
    return RollbackWarning(
        tr(
            "Audit row {seq} no longer matches {checkpoint}: the audit log was rewritten. Ask an administrator "
            "to run “safecase verify”."
        ).format(seq=head.seq, checkpoint=described),
        {"kind": "checkpoint", "checkpoint_head": head.short()},
    )


def remember(vault_id: str, generation: int, head: AuditHead | None) -> None:
    """Raise this computer's memory of the vault to this generation and head (never lower it)."""
    pc_memory.remember(vault_id, generation, head)
