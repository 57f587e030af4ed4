"""Administration (administrators): accounts in one tab, vault settings and backup in the other."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from safecase.domain.roles import Permission
from safecase.services.session import VaultSession
from safecase.ui.admin.backup import BackupPanel
from safecase.ui.admin.settings_panel import SettingsPanel
from safecase.ui.admin.users_panel import UsersPanel
from safecase.ui.common.widgets import heading
from safecase.ui.tasks import TaskManager


class AdminPage(QWidget):
    settings_changed = Signal(object)
    """Re-emitted from the settings panel: the new VaultSettings."""

    def __init__(self, session: VaultSession, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(28, 24, 28, 24)
        column.setSpacing(10)
        column.addWidget(heading(self.tr("Administration"), 1, self))
        self.tabs = QTabWidget(self)
        column.addWidget(self.tabs, 1)

        self.users: UsersPanel | None = None
        self.settings: SettingsPanel | None = None
        self.backup: BackupPanel | None = None
        if session.can(Permission.MANAGE_USERS):
            self.users = UsersPanel(session, tasks, self.tabs)
            self.tabs.addTab(self.users, self.tr("Users"))
        vault_tab = QWidget(self.tabs)
        vault_column = QVBoxLayout(vault_tab)
        vault_column.setContentsMargins(12, 12, 12, 12)
        vault_column.setSpacing(16)
        if session.can(Permission.MANAGE_SETTINGS):
            self.settings = SettingsPanel(session, vault_tab)
            self.settings.settings_changed.connect(self.settings_changed)
            vault_column.addWidget(self.settings)
        if session.can(Permission.BACKUP):
            self.backup = BackupPanel(session, tasks, vault_tab)
            vault_column.addWidget(self.backup)
        vault_column.addStretch(1)
        if self.settings is not None or self.backup is not None:
            self.tabs.addTab(vault_tab, self.tr("Settings and backup"))
        else:
            vault_tab.deleteLater()
