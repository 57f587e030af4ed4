"""Roles and what each may do.

A user may hold several roles; a permission is granted when any held role grants it. The table lives
here, as data, so that services enforce it and tests can walk every (role, permission) pair.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class Role(StrEnum):
    COUNSELOR = "counselor"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class Permission(StrEnum):
    MANAGE_USERS = "manage_users"
    MANAGE_SETTINGS = "manage_settings"
    BACKUP = "backup"
    RESTORE = "restore"
    VIEW_AUDIT = "view_audit"
    VERIFY = "verify"
    VIEW_ALL_CASES = "view_all_cases"
    REASSIGN_CASES = "reassign_cases"
    EXPORT_ANONYMIZED = "export_anonymized"
    WORK_OWN_CASES = "work_own_cases"
    IMPORT_CASES = "import_cases"


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.COUNSELOR: frozenset({Permission.WORK_OWN_CASES, Permission.VERIFY}),
    Role.SUPERVISOR: frozenset(
        {
            Permission.WORK_OWN_CASES,
            Permission.VIEW_ALL_CASES,
            Permission.REASSIGN_CASES,
            Permission.EXPORT_ANONYMIZED,
            Permission.VIEW_AUDIT,
            Permission.VERIFY,
            Permission.IMPORT_CASES,
        }
    ),
    Role.ADMIN: frozenset(
        {
            Permission.MANAGE_USERS,
            Permission.MANAGE_SETTINGS,
            Permission.BACKUP,
            Permission.RESTORE,
            Permission.VIEW_AUDIT,
            # Anonymized statistics (counts only, small cells hidden): the funders' and ministry's reports
            # are often the administrator's job in a small center.
            Permission.EXPORT_ANONYMIZED,
            Permission.VERIFY,
            Permission.IMPORT_CASES,
        }
    ),
}


def permissions_for(roles: Iterable[Role]) -> frozenset[Permission]:
    """Union of the permissions of every held role."""
    granted: set[Permission] = set()
    for role in roles:
        granted |= ROLE_PERMISSIONS[role]
    return frozenset(granted)


def parse_roles(values: Iterable[str]) -> frozenset[Role]:
    """Turn role names into roles; raises ValueError naming the first unknown one."""
    roles: set[Role] = set()
    for value in values:
        try:
            roles.add(Role(value.strip().lower()))
        except ValueError:
            raise ValueError(value) from None
    return frozenset(roles)


def sorted_roles(roles: Iterable[Role]) -> list[str]:
    """Roles in a stable order, for storage, display and authenticated encodings."""
    order = list(Role)
    return [r.value for r in sorted(set(roles), key=order.index)]
