"""Words people read for values the services store as codes: role names and audit actions.

The services keep stable identifiers (``admin``, ``auth.sign_in``); the screen shows a translated
phrase. Unknown codes (from a newer SafeCase) are shown as they are rather than hidden.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from safecase.domain.audit import AuditAction
from safecase.domain.roles import Role, sorted_roles


def role_label(role: Role) -> str:
    labels = {
        Role.COUNSELOR: QCoreApplication.translate("Labels", "Counselor"),
        Role.SUPERVISOR: QCoreApplication.translate("Labels", "Supervisor"),
        Role.ADMIN: QCoreApplication.translate("Labels", "Administrator"),
    }
    return labels[role]


def roles_label(roles: Iterable[Role]) -> str:
    """Roles in their fixed order, joined for one line of text."""
    separator = QCoreApplication.translate("Labels", ", ")
    return separator.join(role_label(Role(value)) for value in sorted_roles(roles))


def action_label(action: str) -> str:
    """A phrase for an audit action code; the code itself when this version has no phrase for it."""
    labels: dict[str, str] = {
        AuditAction.VAULT_CREATED: QCoreApplication.translate("Labels", "Vault created"),
        AuditAction.SIGN_IN: QCoreApplication.translate("Labels", "Signed in"),
        AuditAction.SIGN_IN_FAILED: QCoreApplication.translate("Labels", "Sign-in failed"),
        AuditAction.SIGN_IN_RECOVERY: QCoreApplication.translate("Labels", "Recovery key used"),
        AuditAction.LOCK: QCoreApplication.translate("Labels", "Locked"),
        AuditAction.UNLOCK: QCoreApplication.translate("Labels", "Unlocked"),
        AuditAction.SIGN_OUT: QCoreApplication.translate("Labels", "Signed out"),
        AuditAction.USER_ADDED: QCoreApplication.translate("Labels", "User added"),
        AuditAction.USER_DISABLED: QCoreApplication.translate("Labels", "User disabled"),
        AuditAction.USER_ENABLED: QCoreApplication.translate("Labels", "User enabled"),
        AuditAction.USER_ROLES_CHANGED: QCoreApplication.translate("Labels", "Roles changed"),
        AuditAction.PASSWORD_CHANGED: QCoreApplication.translate("Labels", "Password changed"),
        AuditAction.PASSWORD_RESET: QCoreApplication.translate("Labels", "Password reset"),
        AuditAction.DATA_KEY_ROTATED: QCoreApplication.translate("Labels", "Database re-keyed"),
        AuditAction.SETTING_CHANGED: QCoreApplication.translate("Labels", "Setting changed"),
        AuditAction.BACKUP_CREATED: QCoreApplication.translate("Labels", "Backup created"),
        AuditAction.BACKUP_FAILED: QCoreApplication.translate("Labels", "Backup failed"),
        AuditAction.RESTORED: QCoreApplication.translate("Labels", "Restored from backup"),
        AuditAction.VERIFIED: QCoreApplication.translate("Labels", "Vault verified"),
        AuditAction.AUDIT_VIEWED: QCoreApplication.translate("Labels", "Audit log viewed"),
        AuditAction.MIGRATED: QCoreApplication.translate("Labels", "Vault upgraded"),
        AuditAction.ROLLBACK_SUSPECTED: QCoreApplication.translate("Labels", "Vault older than this computer saw it"),
        AuditAction.RESTORED_OVER: QCoreApplication.translate("Labels", "Restored where no readable vault was"),
        # Casework actions, keyed by their stored codes.
        "case.created": QCoreApplication.translate("Labels", "Case opened"),
        "case.updated": QCoreApplication.translate("Labels", "Case updated"),
        "case.viewed": QCoreApplication.translate("Labels", "Case viewed"),
        "case.revealed": QCoreApplication.translate("Labels", "Identifying details shown"),
        "case.reassigned": QCoreApplication.translate("Labels", "Case reassigned"),
        "case.keys_resealed": QCoreApplication.translate("Labels", "Case keys handed to their counselors"),
        "case.imported": QCoreApplication.translate("Labels", "Case imported"),
        "cases.listed": QCoreApplication.translate("Labels", "Case list viewed"),
        "case.repeat_matched": QCoreApplication.translate("Labels", "Earlier case of a caller named"),
        "contact.logged": QCoreApplication.translate("Labels", "Contact recorded"),
        "contact.updated": QCoreApplication.translate("Labels", "Contact updated"),
        "incident.added": QCoreApplication.translate("Labels", "Incident recorded"),
        "incident.updated": QCoreApplication.translate("Labels", "Incident updated"),
        "consent.recorded": QCoreApplication.translate("Labels", "Consent recorded"),
        "consent.withdrawn": QCoreApplication.translate("Labels", "Consent withdrawn"),
        "referral.created": QCoreApplication.translate("Labels", "Referral made"),
        "referral.updated": QCoreApplication.translate("Labels", "Referral updated"),
        "task.created": QCoreApplication.translate("Labels", "Task added"),
        "task.updated": QCoreApplication.translate("Labels", "Task updated"),
        "organization.added": QCoreApplication.translate("Labels", "Organization added"),
        "organization.updated": QCoreApplication.translate("Labels", "Organization updated"),
        "demo.added": QCoreApplication.translate("Labels", "Demo cases added"),
        "evidence.added": QCoreApplication.translate("Labels", "Evidence added"),
        "evidence.listed": QCoreApplication.translate("Labels", "Evidence list viewed"),
        "evidence.viewed": QCoreApplication.translate("Labels", "Evidence file viewed"),
        "evidence.exported": QCoreApplication.translate("Labels", "Evidence file exported"),
        "evidence.handed_over": QCoreApplication.translate("Labels", "Evidence handed over"),
        "evidence.packet_exported": QCoreApplication.translate("Labels", "Evidence packet exported"),
        "evidence.returned": QCoreApplication.translate("Labels", "Evidence returned"),
        "evidence.destroyed": QCoreApplication.translate("Labels", "Evidence destroyed"),
        "evidence.verified": QCoreApplication.translate("Labels", "Evidence verified"),
        "evidence.matched": QCoreApplication.translate("Labels", "Evidence matched earlier items"),
        "takedown.added": QCoreApplication.translate("Labels", "Take-down recorded"),
        "takedown.status_changed": QCoreApplication.translate("Labels", "Take-down status changed"),
        "takedown.updated": QCoreApplication.translate("Labels", "Take-down re-check date changed"),
        "takedowns.listed": QCoreApplication.translate("Labels", "Take-down list viewed"),
        "report.exported": QCoreApplication.translate("Labels", "Statistics report exported"),
    }
    return labels.get(action, action)


def target_label(target_type: str) -> str:
    """What kind of record an audit entry concerns; the stored word when this version has none for it."""
    labels = {
        "case": QCoreApplication.translate("Labels", "Case"),
        "cases": QCoreApplication.translate("Labels", "Case list"),
        "contact": QCoreApplication.translate("Labels", "Contact"),
        "incident": QCoreApplication.translate("Labels", "Incident"),
        "referral": QCoreApplication.translate("Labels", "Referral"),
        "consent": QCoreApplication.translate("Labels", "Consent"),
        "task": QCoreApplication.translate("Labels", "Follow-up"),
        "evidence": QCoreApplication.translate("Labels", "Evidence"),
        "takedown": QCoreApplication.translate("Labels", "Take-down"),
        "takedowns": QCoreApplication.translate("Labels", "Take-down list"),
        "organization": QCoreApplication.translate("Labels", "Organization"),
        "user": QCoreApplication.translate("Labels", "User"),
        "setting": QCoreApplication.translate("Labels", "Setting"),
        "vault": QCoreApplication.translate("Labels", "Vault"),
        "audit": QCoreApplication.translate("Labels", "Audit log"),
    }
    return labels.get(target_type, target_type)


def detail_label(key: str) -> str:
    """The name of one detail of an audit entry (its value stays as stored: codes, counts, dates)."""
    labels = {
        "case": QCoreApplication.translate("Labels", "case"),
        "cases": QCoreApplication.translate("Labels", "cases"),
        "fields": QCoreApplication.translate("Labels", "fields"),
        "filters": QCoreApplication.translate("Labels", "filters"),
        "results": QCoreApplication.translate("Labels", "results"),
        "scope": QCoreApplication.translate("Labels", "shown"),
        "done": QCoreApplication.translate("Labels", "done"),
        "counselors": QCoreApplication.translate("Labels", "counselors"),
        "from": QCoreApplication.translate("Labels", "from"),
        "to": QCoreApplication.translate("Labels", "to"),
        "roles": QCoreApplication.translate("Labels", "roles"),
        "reason": QCoreApplication.translate("Labels", "reason"),
        "result": QCoreApplication.translate("Labels", "result"),
        "kind": QCoreApplication.translate("Labels", "kind"),
        "stored": QCoreApplication.translate("Labels", "file kept"),
        "items": QCoreApplication.translate("Labels", "items"),
        "failed": QCoreApplication.translate("Labels", "failed"),
        "custody": QCoreApplication.translate("Labels", "custody log"),
        "added": QCoreApplication.translate("Labels", "added"),
        "removed": QCoreApplication.translate("Labels", "removed"),
        "line": QCoreApplication.translate("Labels", "line"),
        "due_on": QCoreApplication.translate("Labels", "due"),
        "withdrawn_on": QCoreApplication.translate("Labels", "withdrawn on"),
        "destroyed": QCoreApplication.translate("Labels", "destroyed"),
    }
    return labels.get(key, key)
