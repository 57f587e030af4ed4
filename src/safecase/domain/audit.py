"""Audit log entries: who did what, when, to which record; never case content."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum


class AuditAction(StrEnum):
    VAULT_CREATED = "vault.created"
    SIGN_IN = "auth.sign_in"
    SIGN_IN_FAILED = "auth.sign_in_failed"
    SIGN_IN_RECOVERY = "auth.recovery_key_used"
    LOCK = "auth.lock"
    UNLOCK = "auth.unlock"
    SIGN_OUT = "auth.sign_out"
    USER_ADDED = "user.added"
    USER_DISABLED = "user.disabled"
    USER_ENABLED = "user.enabled"
    USER_ROLES_CHANGED = "user.roles_changed"
    PASSWORD_CHANGED = "user.password_changed"
    PASSWORD_RESET = "user.password_reset"
    DATA_KEY_ROTATED = "key.rotated"
    SETTING_CHANGED = "settings.changed"
    BACKUP_CREATED = "backup.created"
    BACKUP_FAILED = "backup.failed"
    RESTORED = "backup.restored"
    VERIFIED = "vault.verified"
    AUDIT_VIEWED = "audit.viewed"
    MIGRATED = "vault.migrated"
    ROLLBACK_SUSPECTED = "vault.rollback_suspected"
    RESTORED_OVER = "vault.restored_over"
    CASE_CREATED = "case.created"
    CASE_UPDATED = "case.updated"
    CASE_VIEWED = "case.viewed"
    CASE_REVEALED = "case.revealed"
    CASE_REASSIGNED = "case.reassigned"
    CASE_KEYS_RESEALED = "case.keys_resealed"
    CASE_IMPORTED = "case.imported"
    CASES_LISTED = "cases.listed"
    REPEAT_MATCHED = "case.repeat_matched"
    CONTACT_LOGGED = "contact.logged"
    CONTACT_UPDATED = "contact.updated"
    INCIDENT_ADDED = "incident.added"
    INCIDENT_UPDATED = "incident.updated"
    CONSENT_RECORDED = "consent.recorded"
    CONSENT_WITHDRAWN = "consent.withdrawn"
    REFERRAL_CREATED = "referral.created"
    REFERRAL_UPDATED = "referral.updated"
    TASK_CREATED = "task.created"
    TASK_UPDATED = "task.updated"
    ORGANIZATION_ADDED = "organization.added"
    ORGANIZATION_UPDATED = "organization.updated"
    DEMO_DATA_ADDED = "demo.added"
    EVIDENCE_ADDED = "evidence.added"
    EVIDENCE_LISTED = "evidence.listed"
    EVIDENCE_VIEWED = "evidence.viewed"
    EVIDENCE_EXPORTED = "evidence.exported"
    EVIDENCE_HANDED_OVER = "evidence.handed_over"
    EVIDENCE_PACKET_EXPORTED = "evidence.packet_exported"
    EVIDENCE_RETURNED = "evidence.returned"
    EVIDENCE_DESTROYED = "evidence.destroyed"
    EVIDENCE_VERIFIED = "evidence.verified"
    EVIDENCE_MATCHED = "evidence.matched"
    TAKEDOWN_ADDED = "takedown.added"
    TAKEDOWN_STATUS_CHANGED = "takedown.status_changed"
    TAKEDOWN_UPDATED = "takedown.updated"
    TAKEDOWNS_LISTED = "takedowns.listed"
    REPORT_EXPORTED = "report.exported"


@dataclass(frozen=True)
class AuditEntry:
    """One row of the append-only, hash-chained audit log."""

    seq: int
    at: datetime
    actor: str
    action: str
    target_type: str
    target_id: str
    details: dict[str, str] = field(default_factory=dict)
    prev_hash: str = ""
    hash: str = ""


@dataclass(frozen=True)
class ChainCheck:
    """Result of walking the audit chain: ``first_bad_seq`` is None when every link holds."""

    rows_checked: int
    first_bad_seq: int | None
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.first_bad_seq is None


# --- repeated rows ------------------------------------------------------------------------------------

FOLDED_ACTIONS = frozenset({AuditAction.CASES_LISTED, AuditAction.EVIDENCE_LISTED, AuditAction.TAKEDOWNS_LISTED})
"""Actions whose exact repeats within :data:`FOLD_WINDOW` are not appended again (see :func:`repeats`).

Paging and refreshing the Cases list writes the same ``cases.listed`` row many times a minute (and a case
window's Evidence tab the same ``evidence.listed``); the rows say nothing the first one did not, and they
bury the rows that matter. The Take-downs page reads its list again the same way (``takedowns.listed``)."""

FOLD_WINDOW = timedelta(seconds=60)


def repeats(
    head: AuditEntry | None,
    at: datetime,
    actor: str,
    action: str,
    target_type: str,
    target_id: str,
    details: dict[str, str],
) -> bool:
    """Whether a new row would only repeat ``head``, the newest row of the chain: an action of
    :data:`FOLDED_ACTIONS` by the same person, on the same target, with the same details, less than
    :data:`FOLD_WINDOW` after it. Such a row is not appended (the chain is never changed to fold it)."""
    if head is None or action not in FOLDED_ACTIONS:
        return False
    same = (head.actor, head.action, head.target_type, head.target_id, head.details) == (
        actor,
        action,
        target_type,
        target_id,
        details,
    )
    return same and timedelta(0) <= at - head.at < FOLD_WINDOW


# --- why identifying details were shown -------------------------------------------------------------

MAX_REVEAL_REASON = 200
"""Characters of the reason someone may give for showing a case's real name and phone."""


# --- reading the log ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditFilter:
    """Which entries a person asks to see; empty fields match every entry.

    ``case_number`` matches the case's own rows and those of its records (contacts, consents, referrals)
    that name it; the days are local days, both included.
    """

    actor: str = ""
    action: str = ""
    case_number: str = ""
    from_day: date | None = None
    to_day: date | None = None

    def used(self) -> list[str]:
        """The names of the filters in use (what the audit row of a filtered read records)."""
        names = {
            "actor": bool(self.actor),
            "action": bool(self.action),
            "case": bool(self.case_number.strip()),
            "from": self.from_day is not None,
            "to": self.to_day is not None,
        }
        return [name for name, on in names.items() if on]


@dataclass(frozen=True)
class AuditQuery:
    """An :class:`AuditFilter` as the repository runs it: a case row id and UTC moments, ``until`` excluded."""

    actor: str = ""
    action: str = ""
    case_id: int | None = None
    since: datetime | None = None
    until: datetime | None = None


@dataclass(frozen=True)
class AuditHead:
    """The newest row of the audit log: its number and its hash (which covers every row before it)."""

    seq: int
    hash: str

    def short(self) -> str:
        """``#1234 · 3fa9c2d1``: the number and the first 8 hex characters of the hash."""
        return f"#{self.seq} · {self.hash[:8]}"


class SignInFailure(StrEnum):
    """Why a sign-in (or a password check) failed: the ``reason`` of an ``auth.sign_in_failed`` row.

    Stored as these words since the first vault format, so older rows read the same; the Audit page and
    ``safecase audit`` show them translated (services/labels.py)."""

    UNKNOWN_USER = "unknown user"
    WRONG_PASSWORD = "wrong password"
    WRONG_CURRENT_PASSWORD = "wrong current password"
    DISABLED = "disabled"
    WRONG_RECOVERY_KEY = "wrong recovery key"
    ACCOUNT_LIST_NOT_SIGNED = "account list not signed"
    ADMIN_KEY_REPLACED = "administrators' key replaced"
    ADMIN_KEY_MISSING = "administrators' key missing"
    SUPERVISOR_KEY_DIFFERS = "supervisors' key differs"
    RECOVERY_SLOT_NOT_SIGNED = "recovery slot not signed"
    SLOT_NOT_ON_ACCOUNT_LIST = "slot not on the account list"
    SLOT_REPLACED = "slot replaced"
    DATABASE_DIFFERS = "database differs from the account list"


class CheckpointReason(StrEnum):
    """Why the administrators' key signed the audit head."""

    ADMIN_SIGN_IN = "admin_sign_in"
    RECOVERY_KEY = "recovery_key"
    BACKUP = "backup"


@dataclass(frozen=True)
class Checkpoint:
    """The audit head as the administrators' key signed it (``signer``: the Ed25519 public key used)."""

    head: AuditHead
    at: str  # UTC ISO-8601 text, exactly as signed
    reason: str
    signer: bytes
    signature: bytes
