"""Shared by the GUI tests: the accounts of the test vault, its builder and the :class:`Gui` helper.

A module of its own (not conftest) so test files can import it by name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from safecase.domain.roles import Role
from safecase.services import access
from safecase.services.accounts import AccountService
from safecase.services.settings import SettingsService
from safecase.ui.shell.controller import SafeCaseApp
from safecase.ui.tasks import TaskManager

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
SCREEN = (1366, 768)
"""The smallest screen SafeCase is built for: GUI tests size windows to it."""

ADMIN, ADMIN_PASSWORD, ADMIN_DISPLAY = "admin", "correct horse battery staple 9", "박관리"
COUNSELOR, COUNSELOR_PASSWORD, COUNSELOR_DISPLAY = "counselor", "quiet river under the bridge 7", "김상담"
SUPERVISOR, SUPERVISOR_PASSWORD, SUPERVISOR_DISPLAY = "supervisor", "seven lanterns over the hill", "최지도"
CENTER_NAME = "해바라기센터"
GIVEN_PASSWORD = "the password the administrator gave"


def build_center_vault(root: Path) -> None:
    """The GUI tests' vault: the three accounts with Korean display names and a center name, closed.

    The counselor and the supervisor have each chosen their own password since the administrator added
    them (with :data:`GIVEN_PASSWORD`), as people do at their first sign-in.
    """
    created = access.create_vault(root, ADMIN, ADMIN_PASSWORD, display_name=ADMIN_DISPLAY)
    try:
        accounts = AccountService(created.session)
        accounts.add_user(COUNSELOR, frozenset({Role.COUNSELOR}), GIVEN_PASSWORD, COUNSELOR_DISPLAY)
        accounts.add_user(SUPERVISOR, frozenset({Role.SUPERVISOR}), GIVEN_PASSWORD, SUPERVISOR_DISPLAY)
        SettingsService(created.session).set_center_name(CENTER_NAME)
    finally:
        created.session.close()
    for name, password in ((COUNSELOR, COUNSELOR_PASSWORD), (SUPERVISOR, SUPERVISOR_PASSWORD)):
        session = access.sign_in(root, name, GIVEN_PASSWORD)
        try:
            AccountService(session).change_own_password(GIVEN_PASSWORD, password)
        finally:
            session.close()


@dataclass
class Gui:
    """Builds apps for one test and offers the steps most tests share."""

    qtbot: QtBot
    apps: list[SafeCaseApp] = field(default_factory=list)

    def app(self, vault: Path, auto_lock_ms: int | None = None) -> SafeCaseApp:
        app = SafeCaseApp(vault, auto_lock_ms=auto_lock_ms, remember_geometry=False)
        self.apps.append(app)
        app.start()
        return app

    def sign_in(self, app: SafeCaseApp, name: str, password: str) -> None:
        """Type into the sign-in screen, click Sign in and wait for the main window."""
        window = app.sign_in_window
        self.qtbot.waitExposed(window)
        window.name_edit.setText(name)
        window.password_edit.setText(password)
        self.qtbot.mouseClick(window.sign_in_button, Qt.MouseButton.LeftButton)
        self.qtbot.waitUntil(lambda: app.main_window is not None, timeout=10_000)
        assert app.main_window is not None
        self.qtbot.waitExposed(app.main_window)

    def signed_in(self, vault: Path, name: str, password: str) -> SafeCaseApp:
        """An app on ``vault`` signed in as ``name``, its main window at :data:`SCREEN`'s size."""
        app = self.app(vault)
        self.sign_in(app, name, password)
        assert app.main_window is not None
        app.main_window.resize(*SCREEN)
        return app

    def settle(self, tasks: TaskManager, timeout: int = 10_000) -> None:
        """Wait until no work or read is outstanding (reads answer asynchronously) and its answer is shown."""
        settle(self.qtbot, tasks, timeout)

    def screenshot(self, widget: QWidget, name: str) -> Path:
        """Save ``widget`` as drawn now, for a person to look at (test-artifacts/ is git-ignored)."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        QCoreApplication.processEvents()
        path = SCREENSHOTS / f"{name}.png"
        assert widget.grab().save(str(path))
        return path

    def close_all(self) -> None:
        for app in self.apps:
            app.shutdown()
            QCoreApplication.processEvents()
            app.deleteLater()
        for widget in QApplication.topLevelWidgets():
            widget.close()
            widget.deleteLater()
        QCoreApplication.processEvents()


def settle(qtbot: QtBot, tasks: TaskManager, timeout: int = 10_000) -> None:
    """Wait until the TaskManager is quiet: every read has handed over its answer (or dropped it) and
    every piece of work has finished. A read's answer may start another read (a page of the Cases
    list); this waits for those too."""
    qtbot.waitUntil(lambda: tasks.quiet, timeout=timeout)
