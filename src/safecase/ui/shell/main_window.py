"""The main window of a signed-in session: menus, a page list on the left, one page at a time.

It composes page widgets and owns no business logic. Pages are listed according to what the
person's roles allow (a convenience: the services check every call anyway) and built when first shown. The window lives exactly
as long as the session: locking deletes it, with every page, model and dialog in it, so nothing read
from the vault stays on screen or in a widget behind the sign-in screen.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QSize, Qt, Signal
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

from safecase.domain.audit import AuditFilter
from safecase.domain.errors import SafeCaseError
from safecase.domain.roles import Permission
from safecase.domain.settings import VaultSettings
from safecase.services.casework_access import works_cases
from safecase.services.referrals import reads_directory
from safecase.services.session import VaultSession
from safecase.ui.common.icons import lock_icon
from safecase.ui.common.labels import roles_label
from safecase.ui.common.lazy_widget import LazyWidget
from safecase.ui.common.messages import show_error
from safecase.ui.shell.lock_shortcut import lock_key_sequence
from safecase.ui.shell.placement import place_window
from safecase.ui.tasks import Changes, TaskManager

if TYPE_CHECKING:
    from safecase.ui.admin.admin_page import AdminPage
    from safecase.ui.case.case_window import CaseWindow
    from safecase.ui.pages.audit_page import AuditPage
    from safecase.ui.pages.cases_page import CasesPage
    from safecase.ui.pages.home_page import HomePage
    from safecase.ui.pages.import_dialog import ImportDialog
    from safecase.ui.pages.quick_intake import QuickIntakeDialog
    from safecase.ui.pages.reports_page import ReportsPage
    from safecase.ui.pages.takedowns_page import TakedownsPage
    from safecase.ui.pages.today_page import TodayPage

TODAY, CASES, TAKEDOWNS, HOME, AUDIT, ADMIN = "today", "cases", "takedowns", "home", "audit", "admin"
REPORTS = "reports"

P = TypeVar("P", bound=QWidget)


def _administers(session: VaultSession) -> bool:
    """Whether the person has any administration to do, so the page is listed (a convenience; services enforce)."""
    return any(session.can(p) for p in (Permission.MANAGE_USERS, Permission.MANAGE_SETTINGS, Permission.BACKUP))


class MainWindow(QMainWindow):
    lock_requested = Signal()
    language_chosen = Signal()
    """Home's language choice changed (the controller applies it at the next sign-in)."""
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
        self._works_cases = works_cases(session)
        self.setMinimumSize(820, 560)
        place_window(self, QSize(1100, 720))
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
        self._case_windows: dict[int, CaseWindow] = {}
        self._intake: QuickIntakeDialog | None = None

        # Casework comes first for those who do it: they land on Today. Each page is built (and its
        # module imported) when the person first goes there, or when something asks for it.
        self._today: LazyWidget[TodayPage] | None = None
        self._cases: LazyWidget[CasesPage] | None = None
        self._takedowns: LazyWidget[TakedownsPage] | None = None
        if self._works_cases:
            self._today = self._add_page(TODAY, self.tr("Today"), self._build_today)
            self._cases = self._add_page(CASES, self.tr("Cases"), self._build_cases)
            self._takedowns = self._add_page(TAKEDOWNS, self.tr("Take-downs"), self._build_takedowns)
        self._home = self._add_page(HOME, self.tr("Home"), self._build_home)
        self._audit: LazyWidget[AuditPage] | None = None
        # Anonymized statistics: supervisors and administrators (the service checks every call too).
        self._reports: LazyWidget[ReportsPage] | None = None
        if session.can(Permission.EXPORT_ANONYMIZED):
            self._reports = self._add_page(REPORTS, self.tr("Reports"), self._build_reports)
        if session.can(Permission.VIEW_AUDIT):
            self._audit = self._add_page(AUDIT, self.tr("Audit log"), self._build_audit)
        self._admin: LazyWidget[AdminPage] | None = None
        if _administers(session):
            self._admin = self._add_page(ADMIN, self.tr("Administration"), self._build_admin)

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
        self.new_intake_action = QAction(self.tr("&New intake…"), self)
        self.new_intake_action.setShortcut(QKeySequence.StandardKey.New)
        # From a case window too: a call can come in while one is open.
        self.new_intake_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.new_intake_action.setToolTip(self.tr("Log a call or chat, for a new or an existing case (Ctrl+N)"))
        self.new_intake_action.setVisible(self._works_cases)
        self.new_intake_action.setEnabled(self._works_cases)
        self.new_intake_action.triggered.connect(self.new_intake)
        self.find_case_action = QAction(self.tr("&Find case…"), self)
        self.find_case_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_case_action.setVisible(self._works_cases)
        self.find_case_action.setEnabled(self._works_cases)
        self.find_case_action.triggered.connect(self.find_case)
        self.import_action = QAction(self.tr("&Import cases from a spreadsheet…"), self)
        self.import_action.setVisible(self._session.can(Permission.IMPORT_CASES))
        self.import_action.triggered.connect(self.import_cases)
        self.directory_action = QAction(self.tr("Referral &directory…"), self)
        self.directory_action.setVisible(reads_directory(self._session))
        self.directory_action.triggered.connect(self.open_directory)
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
        if self._works_cases or self.import_action.isVisible() or self.directory_action.isVisible():
            cases_menu = self.menuBar().addMenu(self.tr("&Cases"))
            cases_menu.addAction(self.new_intake_action)
            cases_menu.addAction(self.find_case_action)
            cases_menu.addSeparator()
            cases_menu.addAction(self.directory_action)
            cases_menu.addAction(self.import_action)
        account_menu = self.menuBar().addMenu(self.tr("&Account"))
        account_menu.addAction(self.change_password_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

        toolbar = QToolBar(self.tr("Main toolbar"), self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setIconSize(QSize(18, 18))
        if self._works_cases:
            toolbar.addAction(self.new_intake_action)
            toolbar.addSeparator()
        toolbar.addAction(self.lock_action)
        self.addToolBar(toolbar)

    def _add_page(self, key: str, title: str, build: Callable[[QWidget], P]) -> LazyWidget[P]:
        page = LazyWidget(build, self.pages)
        self._page_keys.append(key)
        self.pages.addWidget(page)
        item = QListWidgetItem(title, self.nav)
        item.setData(Qt.ItemDataRole.UserRole, key)
        return page

    # Pages are imported on first use (see safecase.ui).

    def _build_today(self, parent: QWidget) -> TodayPage:
        from safecase.ui.pages.today_page import TodayPage

        page = TodayPage(self._session, self._tasks, parent)
        page.open_case_requested.connect(self.open_case)
        page.takedown_requested.connect(self.show_takedown)
        return page

    def _build_cases(self, parent: QWidget) -> CasesPage:
        from safecase.ui.pages.cases_page import CasesPage

        page = CasesPage(self._session, self._tasks, parent)
        page.open_case_requested.connect(self.open_case)
        return page

    def _build_takedowns(self, parent: QWidget) -> TakedownsPage:
        from safecase.ui.pages.takedowns_page import TakedownsPage

        page = TakedownsPage(self._session, self._tasks, parent)
        page.open_case_requested.connect(self.open_case)
        return page

    def _build_reports(self, parent: QWidget) -> ReportsPage:
        from safecase.ui.pages.reports_page import ReportsPage

        return ReportsPage(self._session, self._tasks, parent)

    def _build_home(self, parent: QWidget) -> HomePage:
        from safecase.ui.pages.home_page import HomePage

        page = HomePage(self._session, self._settings, parent)
        page.change_password_requested.connect(self.change_password)
        page.verify_requested.connect(self.verify)
        page.lock_requested.connect(self.lock_requested)
        page.language_chosen.connect(self.language_chosen)
        return page

    def _build_audit(self, parent: QWidget) -> AuditPage:
        from safecase.ui.pages.audit_page import AuditPage

        return AuditPage(self._session, self._tasks, parent)

    def _build_admin(self, parent: QWidget) -> AdminPage:
        from safecase.ui.admin.admin_page import AdminPage

        page = AdminPage(self._session, self._tasks, parent)
        page.settings_changed.connect(self._settings_saved)
        return page

    # The pages this person has (None: not for their roles), built if they were not yet.

    @property
    def today(self) -> TodayPage | None:
        return self._today.widget() if self._today is not None else None

    @property
    def cases(self) -> CasesPage | None:
        return self._cases.widget() if self._cases is not None else None

    @property
    def reports(self) -> ReportsPage | None:
        return self._reports.widget() if self._reports is not None else None

    @property
    def takedowns(self) -> TakedownsPage | None:
        return self._takedowns.widget() if self._takedowns is not None else None

    @property
    def home(self) -> HomePage:
        return self._home.widget()

    @property
    def audit(self) -> AuditPage | None:
        return self._audit.widget() if self._audit is not None else None

    @property
    def admin(self) -> AdminPage | None:
        return self._admin.widget() if self._admin is not None else None

    # --- navigation -------------------------------------------------------------------------------------

    def page_keys(self) -> list[str]:
        return list(self._page_keys)

    def show_page(self, key: str) -> None:
        self.nav.setCurrentRow(self._page_keys.index(key))

    def current_page(self) -> str:
        return self._page_keys[self.pages.currentIndex()]

    # --- casework -------------------------------------------------------------------------------------

    def new_intake(self) -> QuickIntakeDialog | None:
        """Open Quick intake (one at a time; Ctrl+N again brings it to the front)."""
        if not self._works_cases:
            return None
        if self._intake is not None:
            self._intake.raise_()
            self._intake.activateWindow()
            return self._intake
        from safecase.ui.pages.quick_intake import QuickIntakeDialog  # on first use (see safecase.ui)

        dialog = QuickIntakeDialog(self._session, self._tasks, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._intake_saved)
        dialog.finished.connect(self._intake_closed)
        self._intake = dialog
        dialog.open()
        return dialog

    def _intake_closed(self, _result: int) -> None:
        self._intake = None

    def _intake_saved(self, case_id: object) -> None:
        changes = Changes(cases=True, contacts=True, incidents=True, tasks=True)
        self._tasks.notify(changes.about(case_id) if isinstance(case_id, int) else changes)
        if isinstance(case_id, int):
            self.open_case(case_id)
        else:
            self.statusBar().showMessage(self.tr("The contact was saved without a case."), 8000)

    def find_case(self) -> None:
        if self.cases is None:
            return
        self.show_page(CASES)
        self.cases.focus_search()

    def open_case(self, case_id: int) -> CaseWindow | None:
        """Bring up the case's window, opening it (an audited view) unless it is open already."""
        window = self._case_windows.get(case_id)
        if window is None:
            from safecase.ui.case.case_window import CaseWindow  # on first use (see safecase.ui)

            try:
                window = CaseWindow.open_case(self._session, case_id, self._tasks, self)
            except SafeCaseError as exc:
                show_error(self, exc.message)
                return None
            self._case_windows[case_id] = window
            window.closed.connect(self._case_window_closed)
            window.audit_requested.connect(self.show_audit)
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def case_windows(self) -> list[CaseWindow]:
        return list(self._case_windows.values())

    def _case_window_closed(self, case_id: int) -> None:
        self._case_windows.pop(case_id, None)

    def show_takedown(self, takedown_id: int) -> None:
        """Bring up the Take-downs page with ``takedown_id`` selected (0: none in particular)."""
        if self.takedowns is None:
            return
        self.show_page(TAKEDOWNS)
        if takedown_id:
            self.takedowns.select_takedown(takedown_id)

    def show_audit(self, flt: object) -> None:
        """Bring up the Audit log page showing the entries ``flt`` (an AuditFilter) matches."""
        if self.audit is None or not isinstance(flt, AuditFilter):
            return
        self.audit.show_filtered(flt)
        self.show_page(AUDIT)
        self.raise_()
        self.activateWindow()

    # --- actions ----------------------------------------------------------------------------------------

    def import_cases(self) -> ImportDialog:
        """Open the spreadsheet import (supervisors and admins; the service checks)."""
        from safecase.ui.pages.import_dialog import ImportDialog  # on first use (see safecase.ui)

        dialog = ImportDialog(self._session, self._tasks, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(lambda _count: self._tasks.notify(Changes.everything()))
        dialog.open()
        return dialog

    def open_directory(self) -> None:
        from safecase.ui.admin.organizations_dialog import open_organizations  # on first use (see safecase.ui)

        dialog = open_organizations(self, self._session, self._tasks)
        dialog.changed.connect(lambda: self._tasks.notify(Changes(organizations=True)))

    def change_password(self) -> None:
        from safecase.ui.shell.change_password import open_change_password  # on first use (see safecase.ui)

        open_change_password(self, self._session, self._tasks)

    def verify(self) -> None:
        from safecase.ui.admin.verify import run_verify  # on first use (see safecase.ui)

        run_verify(self, self._session, self._tasks)

    def backup(self) -> None:
        if self.admin is not None and self.admin.backup is not None:
            self.admin.backup.choose_file()

    def about(self) -> None:
        from safecase.ui.shell.about import open_about  # on first use (see safecase.ui)

        open_about(self)

    def _settings_saved(self, settings: VaultSettings) -> None:
        self._settings = settings  # a Home page built later starts from these
        home = self._home.built()
        if home is not None:
            home.apply_settings(settings)
        self._update_title()
        self.settings_changed.emit(settings)

    def _update_title(self) -> None:
        # The center's name: Qt adds the application name where the window system shows titles, and
        # shows it alone when there is no name.
        self.setWindowTitle(self._settings.center_name)

    # --- teardown ---------------------------------------------------------------------------------------

    def clear(self) -> None:
        """Empty every view before the window is deleted (belt and braces: deletion frees them too)."""
        for window in list(self._case_windows.values()):
            window.close()
        self._case_windows.clear()
        for lazy in (self._today, self._cases, self._takedowns, self._reports, self._audit):
            page = lazy.built() if lazy is not None else None
            if page is not None:
                page.clear()
        admin = self._admin.built() if self._admin is not None else None
        if admin is not None and admin.users is not None:
            admin.users.clear()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._tasks.busy:
            event.ignore()
            self.statusBar().showMessage(self.tr("Please wait until the current operation has finished."), 5000)
            return
        event.ignore()
        unsaved = next((w for w in self._case_windows.values() if w.has_unsaved_changes()), None)
        if unsaved is not None:
            # Quitting must not lose edits: the person answers in that case window, then quits again.
            unsaved.show()
            unsaved.raise_()
            unsaved.activateWindow()
            unsaved.ask_about_changes()
            return
        self.quit_requested.emit()
