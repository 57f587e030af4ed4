"""The sign-in screen, which is also the lock screen.

Sign-in runs Argon2id (about half a second by design) and opens the database, so it runs in a worker
while the form shows that it is working. A wrong name and a wrong password produce the same message,
because the service makes them indistinguishable. After repeated failures the service imposes a delay;
the button then stays disabled with a live countdown instead of letting someone click into errors.

After a lock the same screen returns with the name filled in. Someone else at the shared PC may sign
in instead; only the person who locked it counts as "unlocking" in the audit log.
"""

from __future__ import annotations

import math
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from safecase.domain.errors import SafeCaseError, ThrottledError
from safecase.domain.user_names import MAX_USER_NAME_LENGTH, normalize_user_name
from safecase.ui.common.widgets import MessageLine, body_text, heading, help_text
from safecase.ui.shell.placement import place_window
from safecase.ui.tasks import TaskManager

if TYPE_CHECKING:
    from safecase.services.session import VaultSession


class SignInWindow(QWidget):
    """A top-level window with the sign-in form; emits :attr:`signed_in` with the open session."""

    signed_in = Signal(object)
    closed = Signal()

    def __init__(self, vault: Path, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._tasks = tasks
        self._locked_by = ""
        self._retry_at = 0.0
        self._working = False
        # Qt adds the application name to every window title where the window system shows one.
        self.setWindowTitle(self.tr("Sign in"))
        self.setMinimumWidth(560)
        place_window(self, QSize(620, 520))

        card = QFrame(self)
        card.setObjectName("signInCard")
        card.setStyleSheet(
            "QFrame#signInCard { background: palette(base); border: 1px solid palette(mid); border-radius: 8px; }"
        )
        column = QVBoxLayout(card)
        column.setContentsMargins(28, 24, 28, 24)
        column.setSpacing(12)
        column.addWidget(heading(self.tr("SafeCase"), 1, card))
        self.intro = body_text(self.tr("Sign in with your own account. Never share a password."), card)
        column.addWidget(self.intro)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name_edit = QLineEdit(card)
        self.name_edit.setMaxLength(MAX_USER_NAME_LENGTH)
        self.name_edit.setAccessibleName(self.tr("Sign-in name"))
        self.password_edit = QLineEdit(card)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Password"))
        form.addRow(self.tr("Sign-in name:"), self.name_edit)
        form.addRow(self.tr("Password:"), self.password_edit)
        column.addLayout(form)

        self.busy_bar = QProgressBar(card)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setFixedHeight(6)
        self.busy_bar.setVisible(False)
        column.addWidget(self.busy_bar)
        self.message = MessageLine(card)
        column.addWidget(self.message)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.sign_in_button = QPushButton(self.tr("Sign in"), card)
        self.sign_in_button.setDefault(True)
        self.sign_in_button.setAutoDefault(True)
        buttons.addWidget(self.sign_in_button)
        column.addLayout(buttons)

        location = help_text(self.tr("Vault: {path}").format(path=vault), self)
        location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        location.setAlignment(Qt.AlignmentFlag.AlignHCenter)

        card.setFixedWidth(480)
        centered = QHBoxLayout()
        centered.addStretch(1)
        centered.addWidget(card)
        centered.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 32, 32, 20)
        outer.addStretch(1)
        outer.addLayout(centered)
        outer.addStretch(1)
        outer.addWidget(location)

        self._countdown = QTimer(self)
        self._countdown.setInterval(250)
        self._countdown.timeout.connect(self._tick)
        self.sign_in_button.clicked.connect(self._submit)
        self.name_edit.returnPressed.connect(self._name_entered)
        self.password_edit.returnPressed.connect(self._submit)
        self.name_edit.textChanged.connect(self._update_button)
        self.password_edit.textChanged.connect(self._update_button)
        self.setTabOrder(self.name_edit, self.password_edit)
        self.setTabOrder(self.password_edit, self.sign_in_button)
        self._update_button()

    # --- states -----------------------------------------------------------------------------------------

    def reset(self) -> None:
        """Fresh start: empty form, no lock message."""
        self._locked_by = ""
        self.name_edit.clear()
        self.password_edit.clear()
        self.message.clear_message()
        self.intro.setText(self.tr("Sign in with your own account. Never share a password."))
        self.name_edit.setFocus()

    def show_locked(self, user_name: str, reason: str = "") -> None:
        """Return here after a lock: the name filled in, the password asked for again."""
        self._locked_by = normalize_user_name(user_name)
        self.name_edit.setText(user_name)
        self.password_edit.clear()
        self.intro.setText(reason or self.tr("SafeCase is locked. Enter your password to continue."))
        if not self._countdown.isActive():
            self.message.clear_message()
        self.password_edit.setFocus()

    def _update_button(self) -> None:
        waiting = self._countdown.isActive()
        filled = bool(self.name_edit.text().strip()) and bool(self.password_edit.text())
        self.sign_in_button.setEnabled(filled and not waiting and not self._working)

    def _set_working(self, working: bool) -> None:
        self._working = working
        self.name_edit.setReadOnly(working)
        self.password_edit.setReadOnly(working)
        self.busy_bar.setVisible(working)
        self.sign_in_button.setText(self.tr("Signing in…") if working else self.tr("Sign in"))
        self._update_button()

    # --- signing in -------------------------------------------------------------------------------------

    def _name_entered(self) -> None:
        if self.password_edit.text():
            self._submit()
        else:
            self.password_edit.setFocus()

    def _submit(self) -> None:
        if not self.sign_in_button.isEnabled():
            return
        vault, name, password = self._vault, self.name_edit.text(), self.password_edit.text()
        unlock = bool(self._locked_by) and normalize_user_name(name) == self._locked_by
        self.message.clear_message()
        self._set_working(True)
        self._tasks.run(lambda: _sign_in(vault, name, password, unlock), self._succeeded, self._failed)

    def _succeeded(self, session: VaultSession) -> None:
        self._set_working(False)
        self._locked_by = ""
        self.password_edit.clear()
        self.message.clear_message()
        self.signed_in.emit(session)

    def _failed(self, error: SafeCaseError) -> None:
        self._set_working(False)
        self.password_edit.clear()
        if isinstance(error, ThrottledError):
            self._start_countdown(error.seconds)
        else:
            self.message.show_error(error.message)
        self.password_edit.setFocus()

    # --- throttling -------------------------------------------------------------------------------------

    def _start_countdown(self, seconds: float) -> None:
        self._retry_at = time.monotonic() + seconds
        self._countdown.start()
        self._tick()

    def seconds_left(self) -> int:
        return max(0, math.ceil(self._retry_at - time.monotonic()))

    def _tick(self) -> None:
        left = self.seconds_left()
        if left <= 0:
            self._countdown.stop()
            self.message.show_info(self.tr("You can try again now."))
        else:
            self.message.show_error(self.tr("Too many failed sign-ins. Try again in {seconds} s.").format(seconds=left))
        self._update_button()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._working:
            event.ignore()
            return
        super().closeEvent(event)
        self.closed.emit()


def _sign_in(vault: Path, name: str, password: str, unlock: bool) -> VaultSession:
    """On a worker thread: sign in. The key and database code is imported on first use (see safecase.ui),
    here while the form shows that it is working."""
    from safecase.services.access import sign_in

    return sign_in(vault, name, password, unlock=unlock)
