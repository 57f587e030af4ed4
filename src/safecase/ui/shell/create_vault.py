"""First run: create the vault with its first administrator, then show the recovery key once.

The recovery key is the center's only way back in if every administrator password is lost, and
SafeCase never stores it in readable form, so this is the one moment it can be written down. The
dialog refuses to close on that page until the person confirms they have written it on paper. It is
never put on the clipboard (other programs read the clipboard, and clipboard managers keep a history).
Its fingerprint is shown with it, to be written down too: the Administration page shows the
fingerprint the vault expects, to compare with the paper.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from safecase.domain.errors import SafeCaseError
from safecase.domain.user_names import MAX_USER_NAME_LENGTH, is_valid_user_name
from safecase.ui.common.form_dialog import FormFooter, add_save_shortcut
from safecase.ui.common.password_fields import PasswordFields
from safecase.ui.common.widgets import body_text, heading, help_text
from safecase.ui.shell.placement import place_window
from safecase.ui.tasks import Busy, TaskManager

if TYPE_CHECKING:
    from safecase.services.access import NewVault
    from safecase.services.session import VaultSession


class CreateVaultDialog(QDialog):
    """Two pages: the administrator's details, then the recovery key. Emits :attr:`created` on Finish."""

    created = Signal(object)
    """The open session of the new administrator (a VaultSession)."""

    def __init__(self, vault: Path, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._tasks = tasks
        self._session: VaultSession | None = None
        # Qt adds the application name to every window title where the window system shows one.
        self.setWindowTitle(self.tr("Create a vault"))
        self.setMinimumWidth(620)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._build_details_page())  # the recovery page is built once there is a key
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(self.pages)
        place_window(self, self.sizeHint())
        self._update_create_button()
        self.name_edit.setFocus()

    # --- page 1 -----------------------------------------------------------------------------------------

    def _build_details_page(self) -> QWidget:
        page = QWidget(self)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        column.addWidget(heading(self.tr("Create your center's vault"), 1, page))
        column.addWidget(
            body_text(
                self.tr(
                    "SafeCase keeps every case record in one encrypted vault on this computer. "
                    "Start with the first administrator account; administrators add the other counselors later."
                ),
                page,
            )
        )
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(8)
        self.name_edit = QLineEdit(page)
        self.name_edit.setMaxLength(MAX_USER_NAME_LENGTH)
        self.name_edit.setPlaceholderText(self.tr("for example jkim"))
        self.display_edit = QLineEdit(page)
        self.display_edit.setMaxLength(100)
        self.display_edit.setPlaceholderText(self.tr("as colleagues should see it, for example 김지현"))
        form.addRow(self.tr("Sign-in name:"), self.name_edit)
        form.addRow(self.tr("Display name:"), self.display_edit)
        self.passwords = PasswordFields(page)
        self.passwords.add_rows(form, self.tr("Password:"), self.tr("Repeat password:"))
        column.addLayout(form)

        location = help_text(self.tr("The vault will be created in {path}").format(path=self._vault), page)
        location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(location)
        column.addStretch(1)

        # The form's footer; the page is not a FormDialog of its own (success opens the recovery page).
        footer = FormFooter(self.tr("Create vault"), page)
        self.error_line = footer.error_line
        self.create_button = footer.save_button
        footer.buttons.accepted.connect(self._create)
        footer.buttons.rejected.connect(self.reject)
        column.addWidget(footer)
        add_save_shortcut(self, self._create)

        self.name_edit.textChanged.connect(self._names_changed)
        self.display_edit.textChanged.connect(self._names_changed)
        self.passwords.changed.connect(self._update_create_button)
        return page

    def _names_changed(self) -> None:
        self.passwords.set_names(self.name_edit.text(), self.display_edit.text())
        self._update_create_button()

    def _update_create_button(self) -> None:
        name_ok = is_valid_user_name(self.name_edit.text())
        self.create_button.setEnabled(name_ok and self.passwords.ready() and not self._tasks.busy)

    def _create(self) -> None:
        if self.on_recovery_page() or not self.create_button.isEnabled():
            return
        self.error_line.clear_message()
        self.create_button.setEnabled(False)
        vault, name, display = self._vault, self.name_edit.text(), self.display_edit.text()
        password = self.passwords.password()
        self._tasks.run(
            lambda: _create_vault(vault, name, password, display),
            self._created,
            self._failed,
            busy=Busy(self.tr("Creating the vault and measuring this computer's speed…"), self),
        )

    def _failed(self, error: SafeCaseError) -> None:
        self.error_line.show_error(error.message)
        self._update_create_button()

    def _created(self, new_vault: NewVault) -> None:
        self._session = new_vault.session
        self.passwords.clear()
        self.pages.addWidget(self._build_recovery_page())
        self.recovery_key.show_key(new_vault.recovery_key, new_vault.recovery_fingerprint)
        self.pages.setCurrentIndex(1)
        # The key's page has more wrapped text than the form; a window sized for the form squeezes it.
        self.adjustSize()
        self.confirm_check.setFocus()

    # --- page 2 -----------------------------------------------------------------------------------------

    def _build_recovery_page(self) -> QWidget:
        from safecase.ui.common.recovery_key import RecoveryKeyView  # on first use (see safecase.ui)

        page = QWidget(self)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        column.addWidget(heading(self.tr("Write down your recovery key"), 1, page))
        column.addWidget(
            body_text(
                self.tr(
                    "This key is the only way back into the vault if every administrator password is lost. "
                    "Write it and its fingerprint on paper and keep the paper locked away from this computer, "
                    "for example in the director's safe."
                ),
                page,
            )
        )
        self.recovery_key = RecoveryKeyView(page)
        column.addWidget(self.recovery_key)
        warning = QLabel(
            self.tr(
                "SafeCase will not show this key again. It is not copied to the clipboard; "
                "do not photograph it or save it in a file on this computer."
            ),
            page,
        )
        warning.setWordWrap(True)
        bold = warning.font()
        bold.setWeight(QFont.Weight.DemiBold)
        warning.setFont(bold)
        column.addWidget(warning)
        self.confirm_check = QCheckBox(self.tr("I have written the recovery key and its fingerprint on paper"), page)
        column.addWidget(self.confirm_check)
        column.addStretch(1)
        buttons = QDialogButtonBox(page)
        self.finish_button = QPushButton(self.tr("Finish"), page)
        self.finish_button.setEnabled(False)
        buttons.addButton(self.finish_button, QDialogButtonBox.ButtonRole.AcceptRole)
        column.addWidget(buttons)
        self.confirm_check.toggled.connect(self._confirm_toggled)
        self.finish_button.clicked.connect(self._finish)
        return page

    def _confirm_toggled(self, written_down: bool) -> None:
        # Once the box is ticked, Enter finishes (the box has the focus then); never before, so a stray
        # Enter cannot skip the one moment the key can be written down.
        self.finish_button.setEnabled(written_down)
        self.finish_button.setDefault(written_down)

    def recovery_key_text(self) -> str:
        """The key as shown, groups joined by dashes (for tests and accessibility tools)."""
        return self.recovery_key.text()

    def _finish(self) -> None:
        if not self.confirm_check.isChecked() or self._session is None:
            return
        session, self._session = self._session, None
        self.recovery_key.clear()
        self.accept()
        self.created.emit(session)

    # --- closing ----------------------------------------------------------------------------------------

    def on_recovery_page(self) -> bool:
        return self.pages.currentIndex() == 1

    def reject(self) -> None:
        # Once the vault exists, leaving without the key written down would be the one unrecoverable mistake.
        if self.on_recovery_page() or self._tasks.busy:
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.on_recovery_page() or self._tasks.busy:
            event.ignore()
        else:
            super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.on_recovery_page():
            event.ignore()
            return
        super().keyPressEvent(event)

    def take_session(self) -> VaultSession | None:
        """The session, if the dialog is being torn down before Finish (the caller must close it)."""
        session, self._session = self._session, None
        return session


def _create_vault(vault: Path, name: str, password: str, display: str) -> NewVault:
    """On a worker thread: create the vault. The key and database code is imported on first use (see
    safecase.ui), here while the dialog shows that it is working."""
    from safecase.services.access import create_vault

    return create_vault(vault, name, password, display)
