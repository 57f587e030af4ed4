"""Audit log page (supervisors and administrators): who did what and when, read-only.

Reading the log is itself logged by the service, so the page loads only when someone opens it (not
at every sign-in) and then on request. Older entries load page by page. Every read runs off the UI
thread (:meth:`TaskManager.query`): a log of a busy center is long, and counting it takes a while.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

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

from safecase.domain.audit import AuditEntry, AuditHead
from safecase.domain.errors import SafeCaseError
from safecase.services.audit import AuditService
from safecase.services.session import VaultSession
from safecase.ui.common.widgets import MessageLine, heading, help_text
from safecase.ui.pages.audit_model import AuditModel
from safecase.ui.tasks import TaskManager

PAGE_SIZE = 500
_READ = "audit"
"""The key of the page's reads: a reload supersedes a page of older entries still on its way."""


@dataclass(frozen=True)
class AuditRead:
    """One page of entries (newest first) and the number of entries in the whole log."""

    entries: list[AuditEntry]
    total: int
    head: AuditHead | None = None


def read_audit(reader: VaultSession, before_seq: int | None = None) -> AuditRead:
    """Read on a worker thread: a page of entries before ``before_seq`` (the newest without it) and the count."""
    service = AuditService(reader)
    entries = service.entries(PAGE_SIZE, before_seq)
    return AuditRead(entries, service.count(), service.head())


class AuditPage(QWidget):
    def __init__(self, session: VaultSession, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._loaded = False
        column = QVBoxLayout(self)
        column.setContentsMargins(28, 24, 28, 24)
        column.setSpacing(10)
        title_row = QHBoxLayout()
        title_row.addWidget(heading(self.tr("Audit log"), 1, self))
        title_row.addStretch(1)
        # The newest row's number and hash prefix, to compare with what verify and backups print.
        self.head_label = QLabel(self)
        self.head_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        title_row.addWidget(self.head_label)
        column.addLayout(title_row)
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
        self._read(None, self._show)

    def _load_older(self) -> None:
        self._read(self.model.oldest_seq(), self._show_older)

    def _read(self, before_seq: int | None, on_done: Callable[[AuditRead], None]) -> None:
        # No second read while one is on its way: "older" must start from the page on screen.
        self.older_button.setEnabled(False)
        self.refresh_button.setEnabled(False)
        self._tasks.query(
            lambda reader: read_audit(reader, before_seq), on_done, owner=self, key=_READ, on_failed=self._failed
        )

    def _show(self, read: AuditRead) -> None:
        self.message.clear_message()
        self.model.set_entries(read.entries)
        self._shown(read)

    def _show_older(self, read: AuditRead) -> None:
        self.model.append_entries(read.entries)
        self._shown(read)

    def _shown(self, read: AuditRead) -> None:
        if read.head is not None:
            self.head_label.setText(self.tr("Head {head}").format(head=read.head.short()))
        self.refresh_button.setEnabled(True)
        self.older_button.setEnabled(len(read.entries) == PAGE_SIZE)
        self.count_label.setText(
            self.tr("Showing {shown} of {total} entries").format(shown=self.model.rowCount(), total=read.total)
        )

    def _failed(self, error: SafeCaseError) -> None:
        self.refresh_button.setEnabled(True)
        self.older_button.setEnabled(False)
        self.message.show_error(error.message)

    def clear(self) -> None:
        self._tasks.cancel(owner=self, key=_READ)
        self.model.clear()
        self.count_label.clear()
        self.head_label.clear()
        self.refresh_button.setEnabled(True)
        self.older_button.setEnabled(False)
        self._loaded = False
