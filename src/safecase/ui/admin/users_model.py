"""Accounts as a read-only table model for the administration page."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QPalette

from safecase.domain.users import User
from safecase.ui.common.labels import roles_label
from safecase.ui.common.list_model import ListTableModel


class UsersModel(ListTableModel[User]):
    NAME, DISPLAY, ROLES, STATUS, CREATED = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [
            self.tr("Sign-in name"),
            self.tr("Display name"),
            self.tr("Roles"),
            self.tr("Status"),
            self.tr("Created"),
        ]

    def set_users(self, users: list[User]) -> None:
        self.set_items(sorted(users, key=lambda user: (not user.enabled, user.name)))

    def user(self, row: int) -> User:
        return self.item(row)

    def row_of(self, name: str) -> int:
        return self.row_where(lambda user: user.name == name)

    def display(self, user: User, column: int) -> str:
        if column == self.NAME:
            return user.name
        if column == self.DISPLAY:
            return user.display_name
        if column == self.ROLES:
            return roles_label(user.roles)
        if column == self.STATUS:
            return self.tr("Active") if user.enabled else self.tr("Disabled")
        if column == self.CREATED:
            return user.created_at.astimezone().strftime("%Y-%m-%d")
        return ""

    def foreground(self, user: User, column: int) -> QColor | None:
        return None if user.enabled else QPalette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
