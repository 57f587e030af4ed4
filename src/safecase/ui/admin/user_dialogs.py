"""Administrator dialogs for accounts: add a user, and set a new password (reset, or re-enable).

Each dialog is a form that runs its service call in a worker (every one of them derives a key with
Argon2id, see :class:`~safecase.ui.common.form_dialog.InBackground`) and stays open with the
service's message if the call is refused.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from safecase.domain.roles import Role
from safecase.domain.user_names import MAX_USER_NAME_LENGTH, is_valid_user_name
from safecase.domain.users import User
from safecase.services.accounts import AccountService
from safecase.services.session import VaultSession
from safecase.ui.common.form_dialog import FormDialog, InBackground
from safecase.ui.common.labels import role_label
from safecase.ui.common.password_fields import PasswordFields
from safecase.ui.common.widgets import body_text, help_text
from safecase.ui.tasks import TaskManager


class AddUserDialog(FormDialog):
    """Add an account; :attr:`saved` carries the new User."""

    def __init__(self, session: VaultSession, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add a user"), self.tr("Add user"), parent, tasks=tasks)
        self._accounts = AccountService(session)
        self.setMinimumWidth(560)
        self.body.addWidget(
            body_text(
                self.tr(
                    "Give each person their own account; never share one. "
                    "Tell them the password in person and ask them to change it after signing in."
                ),
                self,
            )
        )
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(MAX_USER_NAME_LENGTH)
        self.name_edit.setPlaceholderText(self.tr("for example jkim"))
        self.display_edit = QLineEdit(self)
        self.display_edit.setMaxLength(100)
        self.display_edit.setPlaceholderText(self.tr("for example 김지현"))
        form.addRow(self.tr("Sign-in name:"), self.name_edit)
        form.addRow(self.tr("Display name:"), self.display_edit)

        roles_box = QWidget(self)
        roles_column = QVBoxLayout(roles_box)
        roles_column.setContentsMargins(0, 0, 0, 0)
        roles_column.setSpacing(2)
        descriptions = {
            Role.COUNSELOR: self.tr("Works on their own cases."),
            Role.SUPERVISOR: self.tr("Sees every case, assigns work and reads the audit log."),
            Role.ADMIN: self.tr("Manages accounts, settings and backups. Cannot open cases."),
        }
        self.role_checks: dict[Role, QCheckBox] = {}
        indent = QCheckBox().sizeHint().width()
        for role in Role:
            check = QCheckBox(role_label(role), roles_box)
            check.setChecked(role == Role.COUNSELOR)
            check.setAccessibleDescription(descriptions[role])
            self.role_checks[role] = check
            roles_column.addWidget(check)
            description = help_text(descriptions[role], roles_box)
            description.setIndent(indent)
            roles_column.addWidget(description)
            roles_column.addSpacing(4)
            check.toggled.connect(self._update)
        form.addRow(self.tr("Roles:"), roles_box)
        self.passwords = PasswordFields(self)
        self.passwords.add_rows(form, self.tr("Password:"), self.tr("Repeat password:"))
        self.body.addLayout(form)
        self.name_edit.textChanged.connect(self._names_changed)
        self.display_edit.textChanged.connect(self._names_changed)
        self.passwords.changed.connect(self._update)
        self._update()

    def roles(self) -> frozenset[Role]:
        return frozenset(role for role, check in self.role_checks.items() if check.isChecked())

    def _names_changed(self) -> None:
        self.passwords.set_names(self.name_edit.text(), self.display_edit.text())
        self._update()

    def _update(self) -> None:
        self.save_button.setEnabled(
            is_valid_user_name(self.name_edit.text()) and bool(self.roles()) and self.passwords.ready()
        )

    def commit(self) -> InBackground:
        accounts, roles = self._accounts, self.roles()
        name, display, password = self.name_edit.text(), self.display_edit.text(), self.passwords.password()
        return InBackground(
            lambda: accounts.add_user(name, roles, password, display),
            self.tr("Adding {name}…").format(name=name.strip()),
        )


class SetPasswordDialog(FormDialog):
    """A new password for someone else: a reset (enabled account) or re-enabling a disabled one.

    :attr:`saved` is emitted (with None) once the service accepted the new password.
    """

    def __init__(self, session: VaultSession, tasks: TaskManager, user: User, parent: QWidget | None = None) -> None:
        enabling = not user.enabled
        super().__init__(
            self.tr("Enable {name}").format(name=user.display_name)
            if enabling
            else self.tr("Reset the password of {name}").format(name=user.display_name),
            self.tr("Enable account") if enabling else self.tr("Set new password"),
            parent,
            tasks=tasks,
        )
        self._accounts = AccountService(session)
        self._user = user
        self.setMinimumWidth(520)
        self.body.addWidget(
            body_text(
                self.tr(
                    "The account was disabled and its old password no longer opens anything. "
                    "Choose a new password and tell it to {name} in person."
                ).format(name=user.display_name)
                if enabling
                else self.tr(
                    "{name} can no longer use the old password. Tell them the new one in person "
                    "and ask them to change it after signing in."
                ).format(name=user.display_name),
                self,
            )
        )
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.passwords = PasswordFields(self)
        self.passwords.set_names(user.name, user.display_name)
        self.passwords.add_rows(form)
        self.body.addLayout(form)
        self.passwords.changed.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.save_button.setEnabled(self.passwords.ready())

    def commit(self) -> InBackground:
        accounts, name, password = self._accounts, self._user.name, self.passwords.password()
        if self._user.enabled:
            work = lambda: accounts.reset_password(name, password)  # noqa: E731
        else:
            work = lambda: accounts.enable_user(name, password)  # noqa: E731
        return InBackground(work, self.tr("Saving the new password…"))
