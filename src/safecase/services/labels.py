"""Words people read for the codes the audit log and the custody logs store.

An audit row keeps stable codes (``case.revealed``, ``user``, ``roles=counselor``) and so does each
custody event of an evidence item (``handed_over``, ``result=ok``): what ``--json`` and ``manifest.csv``
print and what a script matches on. People read words instead, in the installed language (gettext, see
:mod:`safecase.i18n`): the app's Audit page and Evidence tab, ``safecase audit`` and ``safecase evidence
list`` in Korean, and the evidence packet's PDF. The words are here once, for all of them, so a new code
gets its words in one place; ``tests/test_code_labels.py`` fails for an audit action or a custody event
without them. A code this version does not know (a row written by a newer SafeCase) is shown as it is.

Each table has its gettext context, since the same English is another word elsewhere: a detail named
“removed” (key slots taken off a case) is not a take-down's “removed” (삭제 완료).
"""

from __future__ import annotations

from collections.abc import Mapping

from safecase.domain.audit import AuditAction, SignInFailure
from safecase.domain.evidence import CustodyEventKind, EvidenceKind
from safecase.domain.roles import Role
from safecase.domain.takedowns import ReportedTo, TakedownScope, TakedownStatus
from safecase.i18n import per_language, tr, trc
from safecase.services.takedowns import status_phrase

# --- audit rows -----------------------------------------------------------------------------------------


@per_language
def action_words() -> dict[str, str]:
    """A phrase for every :class:`AuditAction`."""
    return {
        AuditAction.VAULT_CREATED: trc("audit action", "Vault created"),
        AuditAction.SIGN_IN: trc("audit action", "Signed in"),
        AuditAction.SIGN_IN_FAILED: trc("audit action", "Sign-in failed"),
        AuditAction.SIGN_IN_RECOVERY: trc("audit action", "Recovery key used"),
        AuditAction.LOCK: trc("audit action", "Locked"),
        AuditAction.UNLOCK: trc("audit action", "Unlocked"),
        AuditAction.SIGN_OUT: trc("audit action", "Signed out"),
        AuditAction.USER_ADDED: trc("audit action", "User added"),
        AuditAction.USER_DISABLED: trc("audit action", "User disabled"),
        AuditAction.USER_ENABLED: trc("audit action", "User enabled"),
        AuditAction.USER_ROLES_CHANGED: trc("audit action", "Roles changed"),
        AuditAction.PASSWORD_CHANGED: trc("audit action", "Password changed"),
        AuditAction.PASSWORD_RESET: trc("audit action", "Password reset"),
        AuditAction.DATA_KEY_ROTATED: trc("audit action", "Database re-keyed"),
        AuditAction.SETTING_CHANGED: trc("audit action", "Setting changed"),
        AuditAction.BACKUP_CREATED: trc("audit action", "Backup created"),
        AuditAction.BACKUP_FAILED: trc("audit action", "Backup failed"),
        AuditAction.RESTORED: trc("audit action", "Restored from backup"),
        AuditAction.VERIFIED: trc("audit action", "Vault verified"),
        AuditAction.AUDIT_VIEWED: trc("audit action", "Audit log viewed"),
        AuditAction.MIGRATED: trc("audit action", "Vault upgraded"),
        AuditAction.ROLLBACK_SUSPECTED: trc("audit action", "Vault older than this computer saw it"),
        AuditAction.RESTORED_OVER: trc("audit action", "Restored where no readable vault was"),
        AuditAction.CASE_CREATED: trc("audit action", "Case opened"),
        AuditAction.CASE_UPDATED: trc("audit action", "Case updated"),
        AuditAction.CASE_VIEWED: trc("audit action", "Case viewed"),
        AuditAction.CASE_REVEALED: trc("audit action", "Identifying details shown"),
        AuditAction.CASE_REASSIGNED: trc("audit action", "Case reassigned"),
        AuditAction.CASE_KEYS_RESEALED: trc("audit action", "Case keys handed to their counselors"),
        AuditAction.CASE_IMPORTED: trc("audit action", "Case imported"),
        AuditAction.CASES_LISTED: trc("audit action", "Case list viewed"),
        AuditAction.REPEAT_MATCHED: trc("audit action", "Earlier case of a caller named"),
        AuditAction.CONTACT_LOGGED: trc("audit action", "Contact recorded"),
        AuditAction.CONTACT_UPDATED: trc("audit action", "Contact updated"),
        AuditAction.INCIDENT_ADDED: trc("audit action", "Incident recorded"),
        AuditAction.INCIDENT_UPDATED: trc("audit action", "Incident updated"),
        AuditAction.CONSENT_RECORDED: trc("audit action", "Consent recorded"),
        AuditAction.CONSENT_WITHDRAWN: trc("audit action", "Consent withdrawn"),
        AuditAction.REFERRAL_CREATED: trc("audit action", "Referral made"),
        AuditAction.REFERRAL_UPDATED: trc("audit action", "Referral updated"),
        AuditAction.TASK_CREATED: trc("audit action", "Task added"),
        AuditAction.TASK_UPDATED: trc("audit action", "Task updated"),
        AuditAction.ORGANIZATION_ADDED: trc("audit action", "Organization added"),
        AuditAction.ORGANIZATION_UPDATED: trc("audit action", "Organization updated"),
        AuditAction.DEMO_DATA_ADDED: trc("audit action", "Demo cases added"),
        AuditAction.EVIDENCE_ADDED: trc("audit action", "Evidence added"),
        AuditAction.EVIDENCE_LISTED: trc("audit action", "Evidence list viewed"),
        AuditAction.EVIDENCE_VIEWED: trc("audit action", "Evidence file viewed"),
        AuditAction.EVIDENCE_EXPORTED: trc("audit action", "Evidence file exported"),
        AuditAction.EVIDENCE_HANDED_OVER: trc("audit action", "Evidence handed over"),
        AuditAction.EVIDENCE_PACKET_EXPORTED: trc("audit action", "Evidence packet exported"),
        AuditAction.EVIDENCE_RETURNED: trc("audit action", "Evidence returned"),
        AuditAction.EVIDENCE_DESTROYED: trc("audit action", "Evidence destroyed"),
        AuditAction.EVIDENCE_VERIFIED: trc("audit action", "Evidence verified"),
        AuditAction.EVIDENCE_MATCHED: trc("audit action", "Evidence matched earlier items"),
        AuditAction.TAKEDOWN_ADDED: trc("audit action", "Take-down recorded"),
        AuditAction.TAKEDOWN_STATUS_CHANGED: trc("audit action", "Take-down status changed"),
        AuditAction.TAKEDOWN_UPDATED: trc("audit action", "Take-down re-check date changed"),
        AuditAction.TAKEDOWNS_LISTED: trc("audit action", "Take-down list viewed"),
        AuditAction.REPORT_EXPORTED: trc("audit action", "Statistics report exported"),
    }


def action_label(action: str) -> str:
    """A phrase for an audit action code; the code itself when this version has no phrase for it."""
    return action_words().get(action, action)


@per_language
def _target_words() -> dict[str, str]:
    """The kinds of record an audit entry concerns, by their stored names."""
    return {
        "case": trc("audit record", "Case"),
        "cases": trc("audit record", "Case list"),
        "contact": trc("audit record", "Contact"),
        "incident": trc("audit record", "Incident"),
        "referral": trc("audit record", "Referral"),
        "consent": trc("audit record", "Consent"),
        "task": trc("audit record", "Follow-up"),
        "evidence": trc("audit record", "Evidence"),
        "takedown": trc("audit record", "Take-down"),
        "takedowns": trc("audit record", "Take-down list"),
        "organization": trc("audit record", "Organization"),
        "user": trc("audit record", "User"),
        "setting": trc("audit record", "Setting"),
        "vault": trc("audit record", "Vault"),
        "audit": trc("audit record", "Audit log"),
        "report": trc("audit record", "Statistics report"),
    }


def target_label(target_type: str) -> str:
    """What kind of record an audit entry concerns; the stored word when this version has none for it."""
    return _target_words().get(target_type, target_type)


@per_language
def _detail_names() -> dict[str, str]:
    """The names of audit details, by their stored names."""
    return {
        "case": trc("audit detail", "case"),
        "cases": trc("audit detail", "cases"),
        "fields": trc("audit detail", "fields"),
        "filters": trc("audit detail", "filters"),
        "results": trc("audit detail", "results"),
        "scope": trc("audit detail", "shown"),
        "done": trc("audit detail", "done"),
        "counselors": trc("audit detail", "counselors"),
        "from": trc("audit detail", "from"),
        "to": trc("audit detail", "to"),
        "roles": trc("audit detail", "roles"),
        "reason": trc("audit detail", "reason"),
        "result": trc("audit detail", "result"),
        "kind": trc("audit detail", "kind"),
        "stored": trc("audit detail", "file kept"),
        "items": trc("audit detail", "items"),
        "failed": trc("audit detail", "failed"),
        "custody": trc("audit detail", "custody log"),
        "added": trc("audit detail", "added"),
        "removed": trc("audit detail", "removed"),
        "line": trc("audit detail", "line"),
        "due_on": trc("audit detail", "due"),
        "withdrawn_on": trc("audit detail", "withdrawn on"),
        "destroyed": trc("audit detail", "destroyed"),
        "files": trc("audit detail", "files"),
        "format": trc("audit detail", "format"),
        "identity": trc("audit detail", "identifying details"),
        "manifest_sha256": trc("audit detail", "manifest.csv SHA-256"),
        "pdf_sha256": trc("audit detail", "manifest.pdf SHA-256"),
        "zip_sha256": trc("audit detail", "zip SHA-256"),
        "sha256": trc("audit detail", "SHA-256"),
        "status": trc("audit detail", "status"),
        "reported_to": trc("audit detail", "reported to"),
        "reappeared_from": trc("audit detail", "reappeared after take-down"),
        "evidence": trc("audit detail", "evidence item"),
        "ok": trc("audit detail", "passed"),
        "generation": trc("audit detail", "key generation"),
        "unlisted_slots_removed": trc("audit detail", "unlisted key slots removed"),
        "recovery_key": trc("audit detail", "recovery key fingerprint"),
        "key_file": trc("audit detail", "key file format"),
        "backup_created": trc("audit detail", "backup made"),
        "previous": trc("audit detail", "found there"),
        "language": trc("audit detail", "language"),
        "tables": trc("audit detail", "tables"),
        "primary": trc("audit detail", "small cells hidden"),
        "secondary": trc("audit detail", "cells hidden to protect them"),
        "first": trc("audit detail", "first case"),
        "last": trc("audit detail", "last case"),
        "seed": trc("audit detail", "seed"),
        "records": trc("audit detail", "records"),
        "forced": trc("audit detail", "forced"),
        "setting": trc("audit detail", "setting"),
        "report_min_cell": trc("audit detail", "small-cell threshold (k)"),
        "k": trc("audit detail", "small-cell threshold (k)"),
        "source": trc("audit detail", "source"),
        "head": trc("audit detail", "audit head"),
        "seen_head": trc("audit detail", "audit head seen before"),
        "seen_generation": trc("audit detail", "key generation seen before"),
        "checkpoint_head": trc("audit detail", "signed audit head"),
    }


def detail_label(key: str, action: str = "") -> str:
    """The name of one detail of an audit entry of ``action``; the stored name when this version has none."""
    if action == AuditAction.REPORT_EXPORTED and key in ("from", "to"):
        # A report's period, not a change (which ``from`` and ``to`` are everywhere else).
        return trc("audit detail", "period from") if key == "from" else trc("audit detail", "period to")
    if action == AuditAction.MIGRATED and key == "to":
        return trc("audit detail", "vault format")
    if action == AuditAction.EVIDENCE_VERIFIED and key in ("items", "failed"):
        # Counts here; elsewhere ``items`` lists the items concerned.
        return trc("audit detail", "items checked") if key == "items" else trc("audit detail", "items failed")
    return _detail_names().get(key, key)


@per_language
def _yes_no() -> dict[str, str]:
    return {"yes": tr("yes"), "no": tr("no"), "true": tr("yes"), "false": tr("no")}


@per_language
def role_words() -> dict[str, str]:
    """The roles by their codes (in English the codes themselves: what ``--role`` takes)."""
    return {Role.COUNSELOR: tr("counselor"), Role.SUPERVISOR: tr("supervisor"), Role.ADMIN: tr("admin")}


@per_language
def reported_to_words() -> dict[str, str]:
    """Where a take-down was asked for, by its code (in English the code itself: what ``--to`` takes)."""
    return {
        ReportedTo.PLATFORM: tr("platform"),
        ReportedTo.KCSC: tr("kcsc"),
        ReportedTo.DSC: tr("dsc"),
        ReportedTo.POLICE: tr("police"),
        ReportedTo.OTHER: tr("other"),
    }


@per_language
def _takedown_scope() -> dict[str, str]:
    return {
        TakedownScope.OPEN: trc("take-down list", "open"),
        TakedownScope.CLOSED: trc("take-down list", "removed or refused"),
        TakedownScope.ALL: trc("take-down list", "all"),
        "due": trc("take-down list", "to re-check now"),
    }


@per_language
def sign_in_failure_words() -> dict[str, str]:
    """Why a sign-in failed, for every :class:`SignInFailure`."""
    return {
        SignInFailure.UNKNOWN_USER: trc("sign-in failure", "unknown sign-in name"),
        SignInFailure.WRONG_PASSWORD: trc("sign-in failure", "wrong password"),
        SignInFailure.WRONG_CURRENT_PASSWORD: trc("sign-in failure", "wrong current password"),
        SignInFailure.DISABLED: trc("sign-in failure", "account disabled"),
        SignInFailure.WRONG_RECOVERY_KEY: trc("sign-in failure", "wrong recovery key"),
        SignInFailure.ACCOUNT_LIST_NOT_SIGNED: trc("sign-in failure", "account list not signed"),
        SignInFailure.ADMIN_KEY_REPLACED: trc("sign-in failure", "administrators' key replaced"),
        SignInFailure.ADMIN_KEY_MISSING: trc("sign-in failure", "administrators' key missing"),
        SignInFailure.SUPERVISOR_KEY_DIFFERS: trc("sign-in failure", "supervisors' key differs"),
        SignInFailure.RECOVERY_SLOT_NOT_SIGNED: trc("sign-in failure", "recovery key slot not signed"),
        SignInFailure.SLOT_NOT_ON_ACCOUNT_LIST: trc("sign-in failure", "key slot not on the account list"),
        SignInFailure.SLOT_REPLACED: trc("sign-in failure", "key slot replaced"),
        SignInFailure.DATABASE_DIFFERS: trc("sign-in failure", "database differs from the account list"),
    }


@per_language
def _rollback_kind() -> dict[str, str]:
    """What made SafeCase suspect an older or rewritten vault (services/rollback.py)."""
    return {
        "generation": trc("rollback", "older key generation"),
        "audit_head": trc("rollback", "older audit log"),
        "audit_rewritten": trc("rollback", "audit log rewritten"),
        "checkpoint": trc("rollback", "signed audit head no longer matches"),
    }


@per_language
def _packet_format() -> dict[str, str]:
    return {"folder": trc("evidence packet", "folder"), "zip": trc("evidence packet", "zip file")}


def _value_words(action: str, key: str) -> Mapping[str, str] | None:
    """The words for the values of detail ``key`` of an ``action`` row, when they are codes of ours."""
    if key in ("stored", "done", "identity", "forced", "ok"):
        return _yes_no()
    if key == "kind" and action == AuditAction.EVIDENCE_ADDED:
        return evidence_kind_words()
    if key == "roles" or (key in ("from", "to") and action == AuditAction.USER_ROLES_CHANGED):
        return role_words()
    if key == "status" or (key in ("from", "to") and action == AuditAction.TAKEDOWN_STATUS_CHANGED):
        return {status: status_phrase(status) for status in TakedownStatus}
    if key == "reported_to":
        return reported_to_words()
    if key == "scope" and action == AuditAction.TAKEDOWNS_LISTED:
        return _takedown_scope()
    if key == "previous" and action == AuditAction.RESTORED_OVER:
        # Imported here: the backup service (and the vault code behind it) only for this one row.
        from safecase.services.backups import TargetState, state_label

        return {state: state_label(state) for state in TargetState}
    if key == "format" and action == AuditAction.EVIDENCE_PACKET_EXPORTED:
        return _packet_format()
    if key == "reason" and action == AuditAction.SIGN_IN_FAILED:
        return sign_in_failure_words()
    if key == "kind" and action == AuditAction.ROLLBACK_SUSPECTED:
        return _rollback_kind()
    if key == "source":
        return {"signed account list": trc("audit detail value", "the signed account list")}
    if key == "setting":
        return {"center_name": trc("audit detail value", "center name")}
    return None


def detail_value(action: str, key: str, value: str) -> str:
    """A detail's value in words where it is a code of ours (roles, a take-down's status, yes/no); any
    other value (counts, dates, names, hashes) as stored. A list of codes stays a list: ``상담원,관리자``."""
    words = _value_words(action, key)
    if words is None:
        return value
    return ",".join(words.get(part, part) for part in value.split(","))


def details_text(action: str, details: Mapping[str, str]) -> str:
    """An audit row's details on one line for people: ``역할=상담원, …``, by the stored names' order."""
    return ", ".join(
        f"{detail_label(key, action)}={detail_value(action, key, value)}" for key, value in sorted(details.items())
    )


# --- evidence items and their custody events -----------------------------------------------------------


@per_language
def evidence_kind_words() -> dict[str, str]:
    return {
        EvidenceKind.SCREENSHOT: trc("evidence kind", "Screenshot"),
        EvidenceKind.IMAGE: trc("evidence kind", "Image"),
        EvidenceKind.VIDEO: trc("evidence kind", "Video"),
        EvidenceKind.AUDIO: trc("evidence kind", "Audio"),
        EvidenceKind.CHAT_EXPORT: trc("evidence kind", "Chat export"),
        EvidenceKind.DOCUMENT: trc("evidence kind", "Document"),
        EvidenceKind.URL_ONLY: trc("evidence kind", "Link only"),
    }


def evidence_kind_label(kind: EvidenceKind | str) -> str:
    return evidence_kind_words().get(kind, str(kind))


@per_language
def custody_event_words() -> dict[str, str]:
    """A word for every :class:`CustodyEventKind` (the glossary's 접수, 보관, 열람, 반출, 제출, 폐기)."""
    return {
        CustodyEventKind.RECEIVED: trc("custody event", "Received"),
        CustodyEventKind.HASHED: trc("custody event", "Hashed"),
        CustodyEventKind.STORED: trc("custody event", "Stored encrypted"),
        CustodyEventKind.VIEWED: trc("custody event", "Viewed"),
        CustodyEventKind.EXPORTED: trc("custody event", "Copy saved"),
        CustodyEventKind.HANDED_OVER: trc("custody event", "Handed over"),
        CustodyEventKind.RETURNED: trc("custody event", "Returned"),
        CustodyEventKind.VERIFIED: trc("custody event", "Verified"),
        CustodyEventKind.DESTROYED: trc("custody event", "Destroyed"),
    }


def custody_event_label(kind: CustodyEventKind | str) -> str:
    return custody_event_words().get(kind, str(kind))


@per_language
def _custody_detail_names() -> dict[str, str]:
    """The names of custody-event details, by their stored names."""
    return {
        "received_at": trc("custody detail", "Received"),
        "from": trc("custody detail", "From"),
        "name": trc("custody detail", "File"),
        "urls": trc("custody detail", "Links"),
        "algorithm": trc("custody detail", "Algorithm"),
        "sha256": trc("custody detail", "SHA-256"),
        "size": trc("custody detail", "Bytes"),
        "encryption": trc("custody detail", "Encryption"),
        "chunk_size": trc("custody detail", "Chunk"),
        "note": trc("custody detail", "Note"),
        "recipient": trc("custody detail", "To"),
        "organization": trc("custody detail", "Organization"),
        "purpose": trc("custody detail", "Purpose"),
        "reference": trc("custody detail", "Reference"),
        "packet": trc("custody detail", "Packet"),
        "returned_by": trc("custody detail", "Returned by"),
        "result": trc("custody detail", "Result"),
        "file": trc("custody detail", "File"),
        "reason": trc("custody detail", "Reason"),
    }


def custody_detail_label(key: str) -> str:
    """The name of one detail of a custody event; the stored name when this version has none for it."""
    return _custody_detail_names().get(key, key)


def custody_detail_words(details: Mapping[str, str]) -> list[tuple[str, str]]:
    """A custody event's details for people: (name, value) in words, in the stored names' order."""
    return [(custody_detail_label(key), custody_detail_value(key, value)) for key, value in sorted(details.items())]


def custody_detail_value(key: str, value: str) -> str:
    """A custody detail's value in words where it is a code of ours (a check's result, what became of the
    file); names, times and hashes as stored."""
    words = {
        "result": {"ok": trc("custody detail", "passed"), "failed": trc("custody detail", "failed")},
        "file": {"shredded": trc("custody detail", "shredded"), "none kept": trc("custody detail", "none kept")},
    }.get(key, {})
    return words.get(value, value)
