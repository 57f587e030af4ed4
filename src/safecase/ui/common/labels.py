"""Words people read for values the services store as codes: role names and audit actions.

The services keep stable identifiers (``admin``, ``auth.sign_in``); the screen shows a translated
phrase. Unknown codes (from a newer SafeCase) are shown as they are rather than hidden.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from safecase.domain.audit import AuditAction
from safecase.domain.roles import Role, sorted_roles

_CONTEXT = "Labels"


def role_label(role: Role) -> str:
    labels = {
        Role.COUNSELOR: QCoreApplication.translate(_CONTEXT, "Counselor"),
        Role.SUPERVISOR: QCoreApplication.translate(_CONTEXT, "Supervisor"),
        Role.ADMIN: QCoreApplication.translate(_CONTEXT, "Administrator"),
    }
    return labels[role]


def roles_label(roles: Iterable[Role]) -> str:
    """Roles in their fixed order, joined for one line of text."""
    separator = QCoreApplication.translate(_CONTEXT, ", ")
    return separator.join(role_label(Role(value)) for value in sorted_roles(roles))


def action_label(action: str) -> str:
    """A phrase for an audit action code; the code itself when this version has no phrase for it."""
    t = QCoreApplication.translate
    labels: dict[str, str] = {
        AuditAction.VAULT_CREATED: t(_CONTEXT, "Vault created"),
        AuditAction.SIGN_IN: t(_CONTEXT, "Signed in"),
        AuditAction.SIGN_IN_FAILED: t(_CONTEXT, "Sign-in failed"),
        AuditAction.SIGN_IN_RECOVERY: t(_CONTEXT, "Recovery key used"),
        AuditAction.LOCK: t(_CONTEXT, "Locked"),
        AuditAction.UNLOCK: t(_CONTEXT, "Unlocked"),
        AuditAction.SIGN_OUT: t(_CONTEXT, "Signed out"),
        AuditAction.USER_ADDED: t(_CONTEXT, "User added"),
        AuditAction.USER_DISABLED: t(_CONTEXT, "User disabled"),
        AuditAction.USER_ENABLED: t(_CONTEXT, "User enabled"),
        AuditAction.USER_ROLES_CHANGED: t(_CONTEXT, "Roles changed"),
        AuditAction.PASSWORD_CHANGED: t(_CONTEXT, "Password changed"),
        AuditAction.PASSWORD_RESET: t(_CONTEXT, "Password reset"),
        AuditAction.DATA_KEY_ROTATED: t(_CONTEXT, "Database re-keyed"),
        AuditAction.SETTING_CHANGED: t(_CONTEXT, "Setting changed"),
        AuditAction.BACKUP_CREATED: t(_CONTEXT, "Backup created"),
        AuditAction.BACKUP_FAILED: t(_CONTEXT, "Backup failed"),
        AuditAction.RESTORED: t(_CONTEXT, "Restored from backup"),
        AuditAction.VERIFIED: t(_CONTEXT, "Vault verified"),
        AuditAction.AUDIT_VIEWED: t(_CONTEXT, "Audit log viewed"),
        AuditAction.MIGRATED: t(_CONTEXT, "Vault upgraded"),
        AuditAction.ROLLBACK_SUSPECTED: t(_CONTEXT, "Vault older than this computer saw it"),
        AuditAction.RESTORED_OVER: t(_CONTEXT, "Restored where no readable vault was"),
        # Casework actions, keyed by their stored codes.
        "case.created": t(_CONTEXT, "Case opened"),
        "case.updated": t(_CONTEXT, "Case updated"),
        "case.viewed": t(_CONTEXT, "Case viewed"),
        "case.revealed": t(_CONTEXT, "Identifying details shown"),
        "case.reassigned": t(_CONTEXT, "Case reassigned"),
        "case.imported": t(_CONTEXT, "Case imported"),
        "cases.listed": t(_CONTEXT, "Case list viewed"),
        "case.repeat_matched": t(_CONTEXT, "Earlier case of a caller named"),
        "contact.logged": t(_CONTEXT, "Contact recorded"),
        "contact.updated": t(_CONTEXT, "Contact updated"),
        "incident.added": t(_CONTEXT, "Incident recorded"),
        "incident.updated": t(_CONTEXT, "Incident updated"),
        "consent.recorded": t(_CONTEXT, "Consent recorded"),
        "consent.withdrawn": t(_CONTEXT, "Consent withdrawn"),
        "referral.created": t(_CONTEXT, "Referral made"),
        "referral.updated": t(_CONTEXT, "Referral updated"),
        "task.created": t(_CONTEXT, "Task added"),
        "task.updated": t(_CONTEXT, "Task updated"),
        "organization.added": t(_CONTEXT, "Organization added"),
        "organization.updated": t(_CONTEXT, "Organization updated"),
        "demo.added": t(_CONTEXT, "Demo cases added"),
        "evidence.added": t(_CONTEXT, "Evidence added"),
        "evidence.listed": t(_CONTEXT, "Evidence list viewed"),
        "evidence.viewed": t(_CONTEXT, "Evidence file viewed"),
        "evidence.exported": t(_CONTEXT, "Evidence file exported"),
        "evidence.handed_over": t(_CONTEXT, "Evidence handed over"),
        "evidence.packet_exported": t(_CONTEXT, "Evidence packet exported"),
        "evidence.returned": t(_CONTEXT, "Evidence returned"),
        "evidence.destroyed": t(_CONTEXT, "Evidence destroyed"),
        "evidence.verified": t(_CONTEXT, "Evidence verified"),
        "evidence.matched": t(_CONTEXT, "Evidence matched earlier items"),
        "takedown.added": t(_CONTEXT, "Take-down recorded"),
        "takedown.status_changed": t(_CONTEXT, "Take-down status changed"),
        "takedown.updated": t(_CONTEXT, "Take-down re-check date changed"),
        "takedowns.listed": t(_CONTEXT, "Take-down list viewed"),
        "report.exported": t(_CONTEXT, "Statistics report exported"),
    }
    return labels.get(action, action)
