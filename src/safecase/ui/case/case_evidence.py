"""The Evidence tab of a case window, until evidence handling arrives.

It says plainly what will be kept here and offers nothing that does not work yet: no buttons, no
sample rows. Survivors are often told to "keep the evidence"; the tab also says where to keep it
meanwhile so nobody saves screenshots on the shared desktop.
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from safecase.ui.common.record_list import EmptyState


class CaseEvidenceTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The empty state every record tab shows when it has nothing to list, with a title of its own.
        self.empty_state = EmptyState(
            self.tr(
                "A coming version keeps a case's evidence here, encrypted inside the vault: screenshots, "
                "links and files, each with its fingerprint (hash) and the date it was recorded, and the "
                "take-down and deletion requests sent to platforms and support centers."
            ),
            self,
            title=self.tr("No evidence is kept in SafeCase yet"),
            more=(
                self.tr(
                    "Until then, do not save evidence files on this computer's desktop or in Downloads. "
                    "Note in a contact summary where the evidence is and who holds it."
                ),
            ),
        )
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        outer.addWidget(self.empty_state)
