"""Home: who is signed in, what they may do, and the everyday safety actions.

Casework arrives in a later version; until then this page is where a counselor lands. It says
plainly who is signed in (on a shared PC that is the first thing to check), offers the account and
vault actions anyone may take, and repeats the few habits that protect clients most.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from safecase.domain.roles import Permission
from safecase.domain.settings import VaultSettings
from safecase.services.session import VaultSession
from safecase.ui.common.labels import roles_label
from safecase.ui.common.language import (
    ENGLISH,
    LANGUAGES,
    NATIVE_NAMES,
    installed_language,
    save_language,
    saved_language,
    system_language,
)
from safecase.ui.common.widgets import Card, MessageLine, heading, help_text

MAX_CONTENT_WIDTH = 1040


class HomePage(QWidget):
    change_password_requested = Signal()
    verify_requested = Signal()
    lock_requested = Signal()
    language_chosen = Signal()
    """Someone chose another interface language; it applies from the next sign-in."""

    def __init__(self, session: VaultSession, settings: VaultSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        user = session.user
        # The content keeps a readable width on wide screens instead of stretching edge to edge.
        content = QWidget(self)
        content.setMaximumWidth(MAX_CONTENT_WIDTH)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(content, 1)
        outer.addStretch(0)
        column = QVBoxLayout(content)
        column.setContentsMargins(28, 24, 28, 24)
        column.setSpacing(16)
        self.greeting = heading(self.tr("Welcome, {name}").format(name=user.display_name), 1, self)
        column.addWidget(self.greeting)
        self.center_label = help_text("", self)
        column.addWidget(self.center_label)

        grid = QGridLayout()
        grid.setSpacing(16)

        account = Card(self.tr("Your account"), self)
        account.body.addWidget(
            QLabel(
                self.tr("Signed in as <b>{name}</b> ({user})").format(
                    name=escape(user.display_name), user=escape(user.name)
                ),
                account,
            )
        )
        account.body.addWidget(QLabel(self.tr("Roles: {roles}").format(roles=roles_label(user.roles)), account))
        account.body.addWidget(
            help_text(
                self.tr("Only you should know your password. If someone else has seen it, change it now."), account
            )
        )
        account.body.addStretch(1)
        self.change_password_button = QPushButton(self.tr("Change my password…"), account)
        self.change_password_button.clicked.connect(self.change_password_requested)
        account.body.addLayout(_right(self.change_password_button))
        grid.addWidget(account, 0, 0)

        vault = Card(self.tr("This vault"), self)
        self.auto_lock_label = QLabel(vault)
        self.auto_lock_label.setWordWrap(True)
        vault.body.addWidget(self.auto_lock_label)
        location = help_text(self.tr("Location: {path}").format(path=session.paths.root), vault)
        location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        vault.body.addWidget(location)
        vault.body.addWidget(
            help_text(self.tr("Verifying checks the encryption, the database and the audit log for tampering."), vault)
        )
        vault.body.addStretch(1)
        self.verify_button = QPushButton(self.tr("Verify vault…"), vault)
        self.verify_button.setVisible(session.can(Permission.VERIFY))
        self.verify_button.clicked.connect(self.verify_requested)
        self.lock_button = QPushButton(self.tr("Lock now"), vault)
        self.lock_button.clicked.connect(self.lock_requested)
        vault.body.addLayout(_right(self.verify_button, self.lock_button))
        grid.addWidget(vault, 0, 1)

        habits = Card(self.tr("Keeping clients safe"), self)
        for text in (
            self.tr("Lock SafeCase whenever you leave your desk, even briefly: press Ctrl+L."),
            self.tr("Never put a client's name in a file name, an e-mail subject or a calendar entry."),
            self.tr(
                "Store backup files and the paper recovery key in different places: together they open the whole vault."
            ),
        ):
            line = QLabel("•  " + text, habits)
            line.setWordWrap(True)
            habits.body.addWidget(line)
        grid.addWidget(habits, 1, 0, 1, 2)

        # Kept on this computer, not in the vault: the sign-in screen is in this language too.
        language = Card(self.tr("Language on this computer"), self)
        self.language_combo = QComboBox(language)
        self.language_combo.addItem(
            self.tr("Same as the system ({language})").format(language=NATIVE_NAMES[system_language()]), ""
        )
        for code in LANGUAGES:
            self.language_combo.addItem(NATIVE_NAMES[code], code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(saved_language() or "")))
        language_form = QFormLayout()
        language_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        language_form.addRow(self.tr("&Language:"), self.language_combo)
        language.body.addLayout(language_form)
        self.language_message = MessageLine(language)
        language.body.addWidget(self.language_message)
        self.language_combo.activated.connect(self._language_activated)
        grid.addWidget(language, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        column.addLayout(grid)
        column.addStretch(1)
        self.apply_settings(settings)

    def _language_activated(self, _index: int) -> None:
        code = str(self.language_combo.currentData() or "") or None
        save_language(code)
        language = code or system_language()
        # Windows built without a catalogue installed (run_app always installs one) are in English.
        if language == (installed_language() or ENGLISH):
            self.language_message.show_success(self.tr("Saved."))
            return
        self.language_message.show_success(
            self.tr("SafeCase switches to {language} at the next sign-in: lock it (Ctrl+L) and sign in again.").format(
                language=NATIVE_NAMES[language]
            )
        )
        self.language_chosen.emit()

    def apply_settings(self, settings: VaultSettings) -> None:
        self.center_label.setText(settings.center_name)
        self.center_label.setVisible(bool(settings.center_name))
        self.auto_lock_label.setText(
            self.tr("SafeCase locks itself after {minutes} minutes without use.").format(
                minutes=settings.auto_lock_minutes
            )
        )


def _right(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    return row
