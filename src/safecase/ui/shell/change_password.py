"""Changing one's own password: the current one (proof it is really you at this desk) and a new one twice.

Both checks run Argon2id, so the change runs in a worker behind a progress dialog. A wrong current
password keeps the dialog open with the service's message.

The same dialog asks, right after signing in, someone whose password an administrator chose (a new
account, a reset) to choose their own: the administrator knows the one they gave. "Later" closes it;
it asks again at every sign-in until they have.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from safecase.domain.errors import SafeCaseError
from safecase.services.accounts import AccountService
from safecase.services.session import VaultSession
from safecase.ui.common.form_dialog import FormDialog, InBackground
from safecase.ui.common.messages import show_info
from safecase.ui.common.password_fields import PasswordFields
from safecase.ui.common.widgets import body_text
from safecase.ui.tasks import TaskManager


class ChangePasswordDialog(FormDialog):
    def __init__(
        self,
        session: VaultSession,
        tasks: TaskManager,
        parent: QWidget | None = None,
        *,
        given_by_admin: bool = False,
    ) -> None:
        """``given_by_admin``: asked at sign-in, because an administrator chose the password signed in with."""
        if given_by_admin:
            super().__init__(self.tr("Choose your own password"), self.tr("Change password"), parent, tasks=tasks)
        else:
            super().__init__(self.tr("Change my password"), self.tr("Change password"), parent, tasks=tasks)
        self._session = session
        self.setMinimumWidth(520)
        if given_by_admin:
            self.body.addWidget(
                body_text(
                    self.tr(
                        "An administrator chose the password you signed in with, so they know it too. "
                        "Choose one that only you know; you need it from your next sign-in on."
                    ),
                    self,
                )
            )
            self.footer.cancel_button.setText(self.tr("Later"))
        else:
            self.body.addWidget(
                body_text(
                    self.tr("The new password is needed from your next sign-in on; you stay signed in now."), self
                )
            )
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.current_edit = QLineEdit(self)
        self.current_edit.setEchoMode(QLineEdit.EchoMode.Password)
        current_label = self.tr("Password you were given:") if given_by_admin else self.tr("Current password:")
        form.addRow(current_label, self.current_edit)
        self.passwords = PasswordFields(self)
        self.passwords.set_names(session.user.name, session.user.display_name)
        self.passwords.add_rows(form)
        self.body.addLayout(form)
        self.current_edit.textChanged.connect(self._update)
        self.passwords.changed.connect(self._update)
        self.saved.connect(self._changed)
        self._update()

    def _update(self) -> None:
        self.save_button.setEnabled(bool(self.current_edit.text()) and self.passwords.ready())

    def commit(self) -> InBackground:
        accounts = AccountService(self._session)
        current, new = self.current_edit.text(), self.passwords.password()
        return InBackground(lambda: accounts.change_own_password(current, new), self.tr("Changing your password…"))

    def show_failure(self, error: SafeCaseError) -> None:
        self.current_edit.clear()
        super().show_failure(error)
        self.current_edit.setFocus()

    def _changed(self, _result: None) -> None:
        # Shown over the window the dialog came from: the dialog itself has closed.
        parent = self.parentWidget()
        if parent is not None:
            show_info(parent, self.tr("Password changed"), self.tr("Your password was changed."))


def open_change_password(
    parent: QWidget, session: VaultSession, tasks: TaskManager, *, given_by_admin: bool = False
) -> ChangePasswordDialog:
    dialog = ChangePasswordDialog(session, tasks, parent, given_by_admin=given_by_admin)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
