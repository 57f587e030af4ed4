"""Accounts as a read-only table model for the administration page."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette

from safecase.domain.users import User
from safecase.ui.labels import roles_label

_Index = QModelIndex | QPersistentModelIndex


class UsersModel(QAbstractTableModel):
    NAME, DISPLAY, ROLES, STATUS, CREATED = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._users: list[User] = []
        self._headers = [
            self.tr("Sign-in name"),
            self.tr("Display name"),
            self.tr("Roles"),
            self.tr("Status"),
            self.tr("Created"),
        ]

    def set_users(self, users: list[User]) -> None:
        self.beginResetModel()
        self._users = sorted(users, key=lambda user: (not user.enabled, user.name))
        self.endResetModel()

    def clear(self) -> None:
        self.set_users([])

    def user(self, row: int) -> User:
        return self._users[row]

    def row_of(self, name: str) -> int:
        for row, user in enumerate(self._users):
            if user.name == name:
                return row
        return -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._users)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        user = self._users[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
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
        if role == Qt.ItemDataRole.ForegroundRole and not user.enabled:
            return QPalette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None
