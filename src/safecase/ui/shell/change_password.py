"""Changing one's own password: the current one (proof it is really you at this desk) and a new one twice.

Both checks run Argon2id, so the change runs in a worker behind a progress dialog. A wrong current
password keeps the dialog open with the service's message.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from safecase.domain.errors import SafeCaseError
from safecase.services.accounts import AccountService
from safecase.services.session import VaultSession
from safecase.ui.common.messages import show_info
from safecase.ui.common.password_fields import PasswordFields
from safecase.ui.common.widgets import MessageLine, body_text, heading
from safecase.ui.tasks import Busy, TaskManager


class ChangePasswordDialog(QDialog):
    def __init__(self, session: VaultSession, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._tasks = tasks
        self.setWindowTitle(self.tr("Change my password"))
        self.setMinimumWidth(520)
        column = QVBoxLayout(self)
        column.setSpacing(10)
        column.addWidget(heading(self.tr("Change my password"), 2, self))
        column.addWidget(
            body_text(self.tr("The new password is needed from your next sign-in on; you stay signed in now."), self)
        )
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.current_edit = QLineEdit(self)
        self.current_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Current password:"), self.current_edit)
        self.passwords = PasswordFields(self)
        self.passwords.set_names(session.user.name, session.user.display_name)
        self.passwords.add_rows(form)
        column.addLayout(form)
        self.error_line = MessageLine(self)
        column.addWidget(self.error_line)
        buttons = QDialogButtonBox(self)
        self.ok_button = QPushButton(self.tr("Change password"), self)
        self.ok_button.setDefault(True)
        buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).clicked.connect(self.reject)
        column.addWidget(buttons)
        self.ok_button.clicked.connect(self._submit)
        self.current_edit.textChanged.connect(self._update)
        self.passwords.changed.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.current_edit.text()) and self.passwords.ready())

    def _submit(self) -> None:
        if not self.ok_button.isEnabled():
            return
        self.error_line.clear_message()
        accounts = AccountService(self._session)
        current, new = self.current_edit.text(), self.passwords.password()
        self._tasks.run(
            lambda: accounts.change_own_password(current, new),
            self._done,
            self._failed,
            busy=Busy(self.tr("Changing your password…"), self),
        )

    def _done(self, _result: None) -> None:
        parent = self.parentWidget()
        self.accept()
        if parent is not None:
            show_info(parent, self.tr("Password changed"), self.tr("Your password was changed."))

    def _failed(self, error: SafeCaseError) -> None:
        self.current_edit.clear()
        self.error_line.show_error(error.message)
        self.current_edit.setFocus()


def open_change_password(parent: QWidget, session: VaultSession, tasks: TaskManager) -> ChangePasswordDialog:
    dialog = ChangePasswordDialog(session, tasks, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
