"""Accounts: the list of users and the administrator's actions on them.

Buttons are enabled only where an action makes sense for the selected row (you cannot disable
yourself, enable an active account, ...). That is a convenience: the account service makes the real
decision and its refusal is shown if the table was out of date.

Disabling may replace the recovery key too (recommended when the person may have seen the paper
one); the new key is then shown once. Under the list, the fingerprint of the recovery key the vault
expects, to compare with the paper key.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from safecase.domain.errors import SafeCaseError
from safecase.domain.users import User
from safecase.services.access import recovery_key_fingerprint
from safecase.services.accounts import AccountService, NewRecoveryKey
from safecase.services.session import VaultSession
from safecase.ui.admin.recovery_key_dialog import NewRecoveryKeyDialog
from safecase.ui.admin.user_dialogs import AddUserDialog, SetPasswordDialog
from safecase.ui.admin.users_model import UsersModel
from safecase.ui.common.messages import confirm_with_option, show_error
from safecase.ui.common.widgets import MessageLine, help_text, record_table, selected_row
from safecase.ui.tasks import Busy, Changes, TaskManager


class UsersPanel(QWidget):
    def __init__(self, session: VaultSession, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._tasks = tasks
        self._accounts = AccountService(session)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 12, 12, 12)
        column.setSpacing(10)

        actions = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add user…"), self)
        self.reset_button = QPushButton(self.tr("Reset password…"), self)
        self.disable_button = QPushButton(self.tr("Disable…"), self)
        self.enable_button = QPushButton(self.tr("Enable…"), self)
        actions.addWidget(self.add_button)
        actions.addStretch(1)
        for button in (self.reset_button, self.disable_button, self.enable_button):
            actions.addWidget(button)
        column.addLayout(actions)

        self.model = UsersModel(self)
        self.table = record_table(self.model, self)
        self.table.setWordWrap(True)  # unlike the casework tabs, long account cells wrap
        column.addWidget(self.table, 1)
        self.message = MessageLine(self)
        column.addWidget(self.message)
        self.fingerprint_label = QLabel(self)
        self.fingerprint_label.setTextFormat(Qt.TextFormat.PlainText)
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.fingerprint_label)
        column.addWidget(help_text(self.tr("Compare with the fingerprint on your paper recovery key."), self))
        self.show_fingerprint()

        self.add_button.clicked.connect(self.open_add_user)
        self.reset_button.clicked.connect(self.open_set_password)
        self.enable_button.clicked.connect(self.open_set_password)
        self.disable_button.clicked.connect(self.confirm_disable)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.reload()

    # --- list -------------------------------------------------------------------------------------------

    def reload(self, select: str = "") -> None:
        selected = select or (user.name if (user := self.selected_user()) else "")
        try:
            self.model.set_users(self._accounts.list_users())
        except SafeCaseError as exc:
            self.model.clear()
            self.message.show_error(exc.message)
        row = self.model.row_of(selected) if selected else -1
        if row >= 0:
            self.table.selectRow(row)
        self._update_buttons()

    def selected_user(self) -> User | None:
        row = selected_row(self.table)
        return self.model.user(row) if row >= 0 else None

    def select_user(self, name: str) -> None:
        row = self.model.row_of(name)
        if row >= 0:
            self.table.selectRow(row)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        user = self.selected_user()
        is_self = user is not None and user.id == self._session.user.id
        self.reset_button.setEnabled(user is not None and user.enabled)
        self.disable_button.setEnabled(user is not None and user.enabled and not is_self)
        self.enable_button.setEnabled(user is not None and not user.enabled)

    # --- actions ----------------------------------------------------------------------------------------

    def open_add_user(self) -> AddUserDialog:
        dialog = AddUserDialog(self._session, self._tasks, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._user_added)
        dialog.open()
        return dialog

    def _user_added(self, user: User) -> None:
        self._tasks.notify(Changes(accounts=True))
        self.reload(select=user.name)
        self.message.show_success(self.tr("{name} was added.").format(name=user.display_name))

    def open_set_password(self) -> SetPasswordDialog | None:
        user = self.selected_user()
        if user is None:
            return None
        dialog = SetPasswordDialog(self._session, self._tasks, user, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda _none: self._password_set(user.name, user.enabled))
        dialog.open()
        return dialog

    def _password_set(self, name: str, was_enabled: bool) -> None:
        if not was_enabled:  # enabled again: a counselor to pick once more
            self._tasks.notify(Changes(accounts=True))
        self.reload(select=name)
        self.message.show_success(
            self.tr("The password of {name} was reset.").format(name=name)
            if was_enabled
            else self.tr("{name} was enabled with a new password.").format(name=name)
        )

    def confirm_disable(self) -> QMessageBox | None:
        user = self.selected_user()
        if user is None:
            return None
        return confirm_with_option(
            self,
            self.tr("Disable {name}?").format(name=user.display_name),
            self.tr("{name} will no longer be able to sign in.").format(name=user.display_name),
            self.tr(
                "SafeCase then re-encrypts the whole database under a new key, so a copy of the old key "
                "file opens nothing written from now on. This can take a moment. You can enable the "
                "account again later with a new password."
            ),
            self.tr("Also replace the recovery key (recommended if this person may have seen it)"),
            self.tr("Disable account"),
            lambda new_recovery_key: self.disable(user.name, new_recovery_key),
        )

    def disable(self, name: str, new_recovery_key: bool = False) -> None:
        accounts = self._accounts
        self._tasks.run(
            lambda: accounts.disable_user(name, new_recovery_key=new_recovery_key),
            lambda recovery: self._disabled(name, recovery),
            self._failed,
            busy=Busy(self.tr("Disabling the account and re-encrypting the database…"), self),
        )

    def _disabled(self, name: str, recovery: NewRecoveryKey | None) -> None:
        self._tasks.notify(Changes(accounts=True))
        self.reload(select=name)
        self.message.show_success(self.tr("{name} was disabled and the database was re-encrypted.").format(name=name))
        if recovery is not None:
            self.show_fingerprint()
            dialog = NewRecoveryKeyDialog(recovery.key, recovery.fingerprint, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()

    def show_fingerprint(self) -> None:
        """The fingerprint of the recovery key the administrators signed (read from the key file)."""
        try:
            fingerprint = recovery_key_fingerprint(self._session)
        except SafeCaseError as exc:
            self.fingerprint_label.setText(
                self.tr("The recovery key's fingerprint could not be read: {reason}").format(reason=exc.message)
            )
            return
        self.fingerprint_label.setText(
            self.tr("Recovery key fingerprint: {fingerprint}").format(fingerprint=fingerprint)
        )

    def _failed(self, error: SafeCaseError) -> None:
        self.reload()
        show_error(self, error.message)

    def clear(self) -> None:
        self.model.clear()
