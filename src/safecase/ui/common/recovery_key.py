"""A recovery key shown once, the one way SafeCase shows it: numbered groups in large type, and its fingerprint.

Used where a key is made (creating the vault, replacing the key when an account is disabled). The key
is never put on the clipboard (other programs read the clipboard, and clipboard managers keep a
history) and cannot be selected; the fingerprint can, since it is what the app and ``safecase verify``
show later to tell which paper key the vault expects.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from safecase.ui.common.widgets import monospace_font

GROUPS_PER_ROW = 4


class RecoveryKeyView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        box = QWidget(self)
        box.setObjectName("recoveryKey")
        box.setStyleSheet(
            "QWidget#recoveryKey { background: palette(base); border: 1px solid palette(mid); border-radius: 6px; }"
        )
        self._grid = QGridLayout(box)
        self._grid.setHorizontalSpacing(18)
        self._grid.setVerticalSpacing(10)
        self._grid.setContentsMargins(20, 16, 20, 16)
        column.addWidget(box)
        self.fingerprint_label = QLabel(self)
        self.fingerprint_label.setTextFormat(Qt.TextFormat.PlainText)
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint_label.hide()
        column.addWidget(self.fingerprint_label)
        self.key_labels: list[QLabel] = []

    def show_key(self, key: str, fingerprint: str) -> None:
        self.clear()
        font = monospace_font(20)
        font.setBold(True)
        for index, group in enumerate(key.split("-")):
            number = QLabel(str(index + 1), self)
            number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            number.setAccessibleName(self.tr("Group {number}").format(number=index + 1))
            label = QLabel(group, self)
            label.setFont(font)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            # A key group is never squeezed: a cut-off character would be copied onto paper wrongly.
            label.setMinimumWidth(label.sizeHint().width())
            row, col = divmod(index, GROUPS_PER_ROW)
            self._grid.addWidget(number, row, col * 2)
            self._grid.addWidget(label, row, col * 2 + 1)
            self.key_labels.append(label)
        self.fingerprint_label.setText(self.tr("Fingerprint: {fingerprint}").format(fingerprint=fingerprint))
        self.fingerprint_label.setVisible(bool(fingerprint))

    def text(self) -> str:
        """The key as shown, groups joined by dashes (for tests and accessibility tools)."""
        return "-".join(label.text() for label in self.key_labels)

    def clear(self) -> None:
        """Forget the key on screen (when the person is done with it)."""
        for label in self.key_labels:
            label.clear()
        self.key_labels = []
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
