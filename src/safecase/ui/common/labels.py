"""Role names as the screens show them.

The services keep stable identifiers (``admin``); the screen shows a translated phrase. The words for
audit rows and custody events are in :mod:`safecase.services.labels`, shared with the command line and
the evidence packet.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

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
