"""The main window of a signed-in session: menus, a page list on the left, one page at a time.

It composes page widgets and owns no business logic. Pages are created according to what the
person's roles allow (a convenience: the services check every call anyway). The window lives exactly
as long as the session: locking deletes it, with every page, model and dialog in it, so nothing read
from the vault stays on screen or in a widget behind the sign-in screen.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from safecase import __version__
from safecase.domain.roles import Permission
from safecase.domain.settings import VaultSettings
from safecase.services.session import VaultSession
from safecase.ui.admin_page import AdminPage, should_show
from safecase.ui.audit_page import AuditPage
from safecase.ui.change_password import open_change_password
from safecase.ui.home_page import HomePage
from safecase.ui.icons import lock_icon
from safecase.ui.labels import roles_label
from safecase.ui.messages import show_info
from safecase.ui.tasks import TaskManager
from safecase.ui.verify import run_verify

HOME, AUDIT, ADMIN = "home", "audit", "admin"


def lock_key_sequence() -> QKeySequence:
    """Ctrl+L (Cmd+L on macOS), translatable in case a locale needs another key."""
    return QKeySequence(QCoreApplication.translate("MainWindow", "Ctrl+L"))


class MainWindow(QMainWindow):
    lock_requested = Signal()
    quit_requested = Signal()
    settings_changed = Signal(object)
    """The vault settings changed (a VaultSettings); the app adjusts auto-lock."""

    def __init__(
        self, session: VaultSession, settings: VaultSettings, tasks: TaskManager, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._tasks = tasks
        self._settings = settings
        self.resize(1100, 720)
        self.setMinimumSize(820, 560)
        self._build_actions()
        self._build_menus()

        self.nav = QListWidget(self)
        self.nav.setFixedWidth(170)
        self.nav.setFrameShape(QFrame.Shape.NoFrame)
        self.nav.setSpacing(2)
        self.nav.setAccessibleName(self.tr("Pages"))
        self.nav.setStyleSheet(
            "QListWidget { background: palette(window); padding-top: 12px; outline: 0; }"
            "QListWidget::item { padding: 8px 12px; }"
        )
        self.pages = QStackedWidget(self)
        self._page_keys: list[str] = []

        self.home = HomePage(session, settings, self.pages)
        self.home.change_password_requested.connect(self.change_password)
        self.home.verify_requested.connect(self.verify)
        self.home.lock_requested.connect(self.lock_requested)
        self._add_page(HOME, self.tr("Home"), self.home)

        self.audit: AuditPage | None = None
        if session.can(Permission.VIEW_AUDIT):
            self.audit = AuditPage(session, self.pages)
            self._add_page(AUDIT, self.tr("Audit log"), self.audit)

        self.admin: AdminPage | None = None
        if should_show(session):
            self.admin = AdminPage(session, tasks, self.pages)
            self.admin.settings_changed.connect(self._settings_saved)
            self._add_page(ADMIN, self.tr("Administration"), self.admin)

        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        divider = QFrame(central)
        divider.setFrameShape(QFrame.Shape.VLine)
        divider.setFrameShadow(QFrame.Shadow.Sunken)
        row.addWidget(divider)
        row.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.nav.setCurrentRow(0)

        self.user_label = QLabel(self)
        self.user_label.setText(
            self.tr("Signed in: <b>{name}</b> ({user}) — {roles}").format(
                name=escape(session.user.display_name),
                user=escape(session.user.name),
                roles=escape(roles_label(session.user.roles)),
            )
        )
        self.statusBar().addPermanentWidget(self.user_label)
        self._update_title()

    # --- construction -----------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.lock_action = QAction(
            lock_icon(self.palette().color(QPalette.ColorRole.WindowText)), self.tr("&Lock"), self
        )
        self.lock_action.setShortcut(lock_key_sequence())
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.setToolTip(self.tr("Lock SafeCase now (Ctrl+L)"))
        self.lock_action.triggered.connect(self.lock_requested)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.change_password_action = QAction(self.tr("&Change my password…"), self)
        self.change_password_action.triggered.connect(self.change_password)
        self.verify_action = QAction(self.tr("&Verify vault…"), self)
        self.verify_action.setVisible(self._session.can(Permission.VERIFY))
        self.verify_action.triggered.connect(self.verify)
        self.backup_action = QAction(self.tr("Create &backup…"), self)
        self.backup_action.setVisible(self._session.can(Permission.BACKUP))
        self.backup_action.triggered.connect(self.backup)
        self.about_action = QAction(self.tr("&About SafeCase"), self)
        self.about_action.triggered.connect(self.about)

    def _build_menus(self) -> None:
        vault_menu = self.menuBar().addMenu(self.tr("&Vault"))
        vault_menu.addAction(self.lock_action)
        vault_menu.addSeparator()
        vault_menu.addAction(self.verify_action)
        vault_menu.addAction(self.backup_action)
        vault_menu.addSeparator()
        vault_menu.addAction(self.quit_action)
        account_menu = self.menuBar().addMenu(self.tr("&Account"))
        account_menu.addAction(self.change_password_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

        toolbar = QToolBar(self.tr("Main toolbar"), self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setIconSize(QSize(18, 18))
        toolbar.addAction(self.lock_action)
        self.addToolBar(toolbar)

    def _add_page(self, key: str, title: str, page: QWidget) -> None:
        self._page_keys.append(key)
        self.pages.addWidget(page)
        item = QListWidgetItem(title, self.nav)
        item.setData(Qt.ItemDataRole.UserRole, key)

    # --- navigation -------------------------------------------------------------------------------------

    def page_keys(self) -> list[str]:
        return list(self._page_keys)

    def show_page(self, key: str) -> None:
        self.nav.setCurrentRow(self._page_keys.index(key))

    def current_page(self) -> str:
        return self._page_keys[self.pages.currentIndex()]

    # --- actions ----------------------------------------------------------------------------------------

    def change_password(self) -> None:
        open_change_password(self, self._session, self._tasks)

    def verify(self) -> None:
        run_verify(self, self._session, self._tasks)

    def backup(self) -> None:
        if self.admin is not None and self.admin.backup is not None:
            self.admin.backup.choose_file()

    def about(self) -> None:
        show_info(
            self,
            self.tr("About SafeCase"),
            self.tr("SafeCase {version}").format(version=__version__),
            self.tr(
                "Encrypted, offline casework for counseling centers. Everything stays in the vault "
                "on this computer; nothing is sent anywhere."
            ),
        )

    def _settings_saved(self, settings: VaultSettings) -> None:
        self._settings = settings
        self.home.apply_settings(settings)
        self._update_title()
        self.settings_changed.emit(settings)

    def _update_title(self) -> None:
        center = self._settings.center_name
        self.setWindowTitle(self.tr("{center} — SafeCase").format(center=center) if center else self.tr("SafeCase"))

    # --- teardown ---------------------------------------------------------------------------------------

    def clear(self) -> None:
        """Empty every view before the window is deleted (belt and braces: deletion frees them too)."""
        if self.audit is not None:
            self.audit.clear()
        if self.admin is not None and self.admin.users is not None:
            self.admin.users.clear()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._tasks.busy:
            event.ignore()
            self.statusBar().showMessage(self.tr("Please wait until the current operation has finished."), 5000)
            return
        event.ignore()
        self.quit_requested.emit()
