"""The Evidence tab of a case window, until evidence handling arrives.

It says plainly what will be kept here and offers nothing that does not work yet: no buttons, no
sample rows. Survivors are often told to "keep the evidence"; the tab also says where to keep it
meanwhile so nobody saves screenshots on the shared desktop.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from safecase.ui.common.widgets import body_text, heading


class CaseEvidenceTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A readable column in the middle of the tab (wrapped labels need the full width of their layout).
        box = QWidget(self)
        box.setMaximumWidth(640)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        title = heading(self.tr("No evidence is kept in SafeCase yet"), 2, box)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(title)
        for text in (
            self.tr(
                "A coming version keeps a case's evidence here, encrypted inside the vault: screenshots, "
                "links and files, each with its fingerprint (hash) and the date it was recorded, and the "
                "take-down and deletion requests sent to platforms and support centers."
            ),
            self.tr(
                "Until then, do not save evidence files on this computer's desktop or in Downloads. "
                "Note in a contact summary where the evidence is and who holds it."
            ),
        ):
            label = body_text(text, box)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column.addWidget(label)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box, 4)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 32, 32, 32)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
