"""Audit log page (supervisors and administrators): who did what and when, read-only.

Reading the log is itself logged by the service, so the page loads only when someone opens it (not
at every sign-in) and then on request. Older entries load page by page.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from safecase.domain.errors import SafeCaseError
from safecase.services.audit import AuditService
from safecase.services.session import VaultSession
from safecase.ui.common.widgets import MessageLine, heading, help_text
from safecase.ui.pages.audit_model import AuditModel

PAGE_SIZE = 500


class AuditPage(QWidget):
    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = AuditService(session)
        self._loaded = False
        column = QVBoxLayout(self)
        column.setContentsMargins(28, 24, 28, 24)
        column.setSpacing(10)
        column.addWidget(heading(self.tr("Audit log"), 1, self))
        column.addWidget(
            help_text(
                self.tr(
                    "Every sign-in, change and export is recorded here, newest first, and cannot be edited. "
                    "Opening this page is recorded too."
                ),
                self,
            )
        )
        self.model = AuditModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for section in (AuditModel.SEQ, AuditModel.TIME, AuditModel.ACTOR, AuditModel.ACTION):
            header.setSectionResizeMode(section, QHeaderView.ResizeMode.ResizeToContents)
        # Targets and details can be long (vault ids); they are elided here and shown whole in a tooltip.
        header.setSectionResizeMode(AuditModel.TARGET, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(AuditModel.TARGET, 180)
        header.setStretchLastSection(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        column.addWidget(self.table, 1)

        self.message = MessageLine(self)
        column.addWidget(self.message)
        row = QHBoxLayout()
        self.count_label = QLabel(self)
        row.addWidget(self.count_label)
        row.addStretch(1)
        self.older_button = QPushButton(self.tr("Show older entries"), self)
        self.older_button.setEnabled(False)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        row.addWidget(self.older_button)
        row.addWidget(self.refresh_button)
        column.addLayout(row)
        self.refresh_button.clicked.connect(self.reload)
        self.older_button.clicked.connect(self._load_older)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.reload()

    def reload(self) -> None:
        self._loaded = True
        try:
            entries = self._service.entries(PAGE_SIZE)
        except SafeCaseError as exc:
            self.model.clear()
            self.message.show_error(exc.message)
            return
        self.message.clear_message()
        self.model.set_entries(entries)
        self.older_button.setEnabled(len(entries) == PAGE_SIZE)
        self._update_count()

    def _load_older(self) -> None:
        try:
            entries = self._service.entries(PAGE_SIZE, self.model.oldest_seq())
        except SafeCaseError as exc:
            self.message.show_error(exc.message)
            return
        self.model.append_entries(entries)
        self.older_button.setEnabled(len(entries) == PAGE_SIZE)
        self._update_count()

    def _update_count(self) -> None:
        try:
            total = self._service.count()
        except SafeCaseError:
            total = self.model.rowCount()
        self.count_label.setText(
            self.tr("Showing {shown} of {total} entries").format(shown=self.model.rowCount(), total=total)
        )

    def clear(self) -> None:
        self.model.clear()
        self._loaded = False
