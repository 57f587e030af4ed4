"""A new recovery key, shown once after an account was disabled with "Also replace the recovery key".

The old paper key no longer opens the vault from that moment, so, as on the first run, the dialog
cannot be closed until the administrator confirms the new key and its fingerprint are on paper. The
key is never put on the clipboard (see :mod:`safecase.ui.common.recovery_key`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from safecase.ui.common.recovery_key import RecoveryKeyView
from safecase.ui.common.widgets import body_text, heading


class NewRecoveryKeyDialog(QDialog):
    def __init__(self, key: str, fingerprint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New recovery key"))
        self.setMinimumWidth(620)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 20, 24, 20)
        column.setSpacing(12)
        column.addWidget(heading(self.tr("Write down the new recovery key"), 1, self))
        column.addWidget(
            body_text(
                self.tr(
                    "The old recovery key no longer opens the vault. Write the new key and its fingerprint on "
                    "paper, lock the paper away from this computer and destroy the old one."
                ),
                self,
            )
        )
        self.recovery_key = RecoveryKeyView(self)
        self.recovery_key.show_key(key, fingerprint)
        column.addWidget(self.recovery_key)
        warning = QLabel(
            self.tr(
                "SafeCase will not show this key again. It is not copied to the clipboard; "
                "do not photograph it or save it in a file on this computer."
            ),
            self,
        )
        warning.setWordWrap(True)
        bold = warning.font()
        bold.setWeight(QFont.Weight.DemiBold)
        warning.setFont(bold)
        column.addWidget(warning)
        self.confirm_check = QCheckBox(
            self.tr("I have written the new recovery key and its fingerprint on paper"), self
        )
        column.addWidget(self.confirm_check)
        buttons = QDialogButtonBox(self)
        self.done_button = QPushButton(self.tr("Done"), self)
        self.done_button.setEnabled(False)
        buttons.addButton(self.done_button, QDialogButtonBox.ButtonRole.AcceptRole)
        column.addWidget(buttons)
        self.confirm_check.toggled.connect(self.done_button.setEnabled)
        self.done_button.clicked.connect(self._done)
        self.confirm_check.setFocus()

    def recovery_key_text(self) -> str:
        return self.recovery_key.text()

    def _done(self) -> None:
        if not self.confirm_check.isChecked():
            return
        self.recovery_key.clear()
        self.accept()

    # --- it stays until the key is written down ---------------------------------------------------------

    def reject(self) -> None:
        if self.confirm_check.isChecked():
            self._done()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.result() == QDialog.DialogCode.Accepted or self.confirm_check.isChecked():
            super().closeEvent(event)
        else:
            event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not self.confirm_check.isChecked():
            event.ignore()
            return
        super().keyPressEvent(event)
