"""The app's flow between screens: create vault → sign in → main window → lock → sign in …

:class:`SafeCaseApp` owns the session and decides which window is on screen. It holds no widgets'
logic itself; it wires the screens together, starts and stops auto-lock, and makes locking thorough:
wait for running work (but not for reads: their results are dropped and their connections closed),
close every dialog, delete the main window with all its pages, then lock the session (which closes the
database and drops the key) and show the sign-in screen.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from safecase.domain.errors import SafeCaseError
from safecase.services.locations import vault_exists
from safecase.ui.common.language import install_language, interface_language
from safecase.ui.shell.crash_guard import log_unexpected
from safecase.ui.shell.privacy import restore_geometry, save_geometry
from safecase.ui.tasks import TaskManager

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from safecase.domain.settings import VaultSettings
    from safecase.services.session import VaultSession
    from safecase.ui.shell.change_password import ChangePasswordDialog
    from safecase.ui.shell.create_vault import CreateVaultDialog
    from safecase.ui.shell.idle import IdleWatcher
    from safecase.ui.shell.main_window import MainWindow
    from safecase.ui.shell.sign_in import SignInWindow

_log = logging.getLogger(__name__)

MS_PER_MINUTE = 60_000


class SafeCaseApp(QObject):
    """One per running app (and one per GUI test). Call :meth:`start`; :attr:`finished` means quit."""

    finished = Signal()
    locked = Signal()

    def __init__(
        self,
        vault: Path,
        *,
        auto_lock_ms: int | None = None,
        remember_geometry: bool = True,
        parent: QObject | None = None,
    ) -> None:
        """``auto_lock_ms`` overrides the vault's auto-lock setting (tests use a few hundred ms);
        ``remember_geometry`` False keeps window positions out of QSettings (tests).
        """
        super().__init__(parent)
        self.vault = vault
        self._remember_geometry = remember_geometry
        self.tasks = TaskManager(self)
        self._idle: IdleWatcher | None = None
        self._auto_lock_override = auto_lock_ms
        self.session: VaultSession | None = None
        self.main_window: MainWindow | None = None
        self.warning_box: QMessageBox | None = None  # the last sign-in's warnings, shown once
        self.password_dialog: ChangePasswordDialog | None = None  # asks for one's own password after sign-in
        self.create_dialog: CreateVaultDialog | None = None
        self._sign_in: SignInWindow | None = None
        self._language_changed = False
        self._lock_pending = False
        self._lock_reason = ""
        self._quit_pending = False
        self._finished = False

        self.tasks.idle.connect(self._tasks_idle)

    @property
    def sign_in_window(self) -> SignInWindow:
        """The sign-in screen, which is also the lock screen; built when first needed (the first run
        starts on create-vault, and may end without it)."""
        if self._sign_in is None:
            from safecase.ui.shell.sign_in import SignInWindow  # on first use (see safecase.ui)

            self._sign_in = SignInWindow(self.vault, self.tasks)
            self._sign_in.signed_in.connect(self._signed_in)
            self._sign_in.closed.connect(self.quit)
        return self._sign_in

    @property
    def idle(self) -> IdleWatcher:
        """One watch on the windows' input for both auto-lock and Ctrl+L (see ui/shell/idle.py); built
        when first needed, at the first sign-in."""
        if self._idle is None:
            from safecase.domain.settings import DEFAULT_AUTO_LOCK_MINUTES
            from safecase.ui.shell.idle import IdleWatcher  # on first use (see safecase.ui)
            from safecase.ui.shell.lock_shortcut import LockShortcut, lock_key_sequence

            lock_shortcut = LockShortcut(lock_key_sequence(), self)
            lock_shortcut.activated.connect(self.request_lock)
            interval = DEFAULT_AUTO_LOCK_MINUTES * MS_PER_MINUTE
            self._idle = IdleWatcher(interval, self, lock_shortcut=lock_shortcut)
            self._idle.timed_out.connect(self._idle_timeout)
        return self._idle

    # --- start ------------------------------------------------------------------------------------------

    def start(self) -> None:
        if vault_exists(self.vault):
            self._show_sign_in()
        else:
            from safecase.ui.shell.create_vault import CreateVaultDialog  # on first use (see safecase.ui)

            self.create_dialog = CreateVaultDialog(self.vault, self.tasks)
            self.create_dialog.created.connect(self._vault_created)
            self.create_dialog.rejected.connect(self.quit)
            self.create_dialog.show()

    def _vault_created(self, session: VaultSession) -> None:
        dialog, self.create_dialog = self.create_dialog, None
        if dialog is not None:
            dialog.deleteLater()
        self._signed_in(session)

    def _show_sign_in(self) -> None:
        self.sign_in_window.show()
        self.sign_in_window.raise_()
        self.sign_in_window.activateWindow()

    # --- signed in --------------------------------------------------------------------------------------

    def _signed_in(self, session: VaultSession) -> None:
        from safecase.services.settings import SettingsService  # on first use (see safecase.ui)
        from safecase.ui.common.messages import show_error
        from safecase.ui.shell.main_window import MainWindow

        self.session = session
        self.tasks.begin_reads(session)
        try:
            settings = SettingsService(session).current()
        except SafeCaseError:
            from safecase.domain.settings import VaultSettings  # not before the first screen (see safecase.ui)

            settings = VaultSettings()
        window = MainWindow(session, settings, self.tasks)
        window.lock_requested.connect(self.request_lock)
        window.quit_requested.connect(self.quit)
        window.settings_changed.connect(self._apply_settings)
        window.language_chosen.connect(self._language_chosen)
        self.main_window = window
        self._restore_geometry("main_window", window)
        window.show()
        window.raise_()
        window.activateWindow()
        if self._sign_in is not None:
            self._sign_in.hide()
        self._apply_settings(settings)
        self.idle.start()
        if session.warnings:
            # The vault looks older than this computer saw it; the sign-in recorded it in the audit log.
            self.warning_box = show_error(
                window, "\n\n".join(session.warnings), self.tr("This vault may have been put back to an older state")
            )
        self._ask_for_own_password(session, window)

    def _ask_for_own_password(self, session: VaultSession, window: MainWindow) -> None:
        """Someone signed in with a password an administrator chose: ask them for their own, every time."""
        self.password_dialog = None
        from safecase.services.accounts import AccountService  # on first use (see safecase.ui)
        from safecase.ui.shell.change_password import open_change_password

        try:
            given = AccountService(session).password_set_by_admin()
        except SafeCaseError as exc:
            _log.warning("could not tell who chose the password: %s", exc.message)
            return
        if given:
            dialog = open_change_password(window, session, self.tasks, given_by_admin=True)
            dialog.finished.connect(self._password_dialog_closed)
            self.password_dialog = dialog

    def _password_dialog_closed(self) -> None:
        self.password_dialog = None  # it deletes itself when closed

    def _apply_settings(self, settings: VaultSettings) -> None:
        interval = self._auto_lock_override or settings.auto_lock_minutes * MS_PER_MINUTE
        self.idle.set_interval_ms(interval)

    def set_auto_lock_ms(self, interval_ms: int) -> None:
        """Override the vault's auto-lock time for this run (tests)."""
        self._auto_lock_override = interval_ms
        self.idle.set_interval_ms(interval_ms)

    # --- locking ----------------------------------------------------------------------------------------

    def _idle_timeout(self) -> None:
        self.request_lock(self.tr("SafeCase locked itself after a time without use. Enter your password to continue."))

    def request_lock(self, reason: str = "") -> None:
        """Lock now, or as soon as running work is done (locking under a worker would break it)."""
        if self.session is None:
            return
        self._lock_reason = reason
        if self.tasks.busy:
            self._lock_pending = True
            return
        self._lock_now()

    def _lock_now(self) -> None:
        self._lock_pending = False
        session = self.session
        if session is None:
            return
        user_name = session.user.name
        self._tear_down_main_window()
        self.session = None
        try:
            session.lock()
        except Exception as exc:
            # Whatever went wrong recording the lock, the key is dropped and the sign-in screen shown.
            log_unexpected(_log, "the lock could not be recorded in the audit log", exc)
        finally:
            session.close()
        reason, self._lock_reason = self._lock_reason, ""
        if self._language_changed:
            self._switch_language()
        self.sign_in_window.show_locked(user_name, reason)
        self._show_sign_in()
        self.locked.emit()

    def _language_chosen(self) -> None:
        self._language_changed = True

    def _switch_language(self) -> None:
        """Install the newly chosen language and build the sign-in window again in it (the main window,
        built at each sign-in, follows by itself). Only between sessions: no window of one is left."""
        self._language_changed = False
        install_language(interface_language())
        old = self.sign_in_window
        self._sign_in = None  # the property builds it again, in the new language
        self.sign_in_window.restoreGeometry(old.saveGeometry())
        old.hide()
        old.deleteLater()

    def _tear_down_main_window(self) -> None:
        # Reads still on their way are dropped and their connections closed before the session locks.
        self.tasks.end_reads()
        if self._idle is not None:
            self._idle.stop()
        window, self.main_window = self.main_window, None
        for widget in QApplication.topLevelWidgets():
            if widget is self._sign_in or widget is window or not widget.isVisible():
                continue
            if isinstance(widget, QDialog) or (window is not None and _belongs_to(widget, window)):
                widget.close()
        if window is not None:
            self._save_geometry("main_window", window)
            window.clear()
            window.hide()
            window.deleteLater()

    def _tasks_idle(self) -> None:
        if self._quit_pending:
            self.quit()
        elif self._lock_pending:
            self._lock_now()

    def _restore_geometry(self, key: str, window: QWidget) -> None:
        if self._remember_geometry:
            restore_geometry(key, window)

    def _save_geometry(self, key: str, window: QWidget) -> None:
        if self._remember_geometry:
            save_geometry(key, window)

    # --- quitting ---------------------------------------------------------------------------------------

    def quit(self) -> None:
        """Sign out and close every window; emits :attr:`finished` once."""
        if self._finished:
            return
        if self.tasks.busy:
            self._quit_pending = True
            return
        self._finished = True
        self._tear_down_main_window()
        session, self.session = self.session, None
        if session is not None:
            _sign_out(session)
        dialog, self.create_dialog = self.create_dialog, None
        if dialog is not None:
            leftover = dialog.take_session()
            if leftover is not None:
                leftover.close()
            dialog.hide()
            dialog.deleteLater()
        if self._sign_in is not None:
            self._sign_in.hide()
        self.finished.emit()

    def shutdown(self) -> None:
        """Last resort at exit: wait for workers and make sure no session stays open."""
        self.tasks.wait_for_done()
        if not self._finished:
            self.quit()
        if self.session is not None:
            self.session.close()
            self.session = None
        if self._sign_in is not None:
            self._sign_in.deleteLater()


def _belongs_to(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if parent is window:
            return True
        parent = parent.parentWidget()
    return False


def _sign_out(session: VaultSession) -> None:
    """Record the sign-out, then close the database and drop the key (closed even if the record fails)."""
    try:
        session.sign_out()
    except Exception as exc:
        log_unexpected(_log, "the sign-out could not be recorded in the audit log", exc)
