"""Audit log page (supervisors and administrators): who did what and when, read-only.

Reading the log is itself logged by the service, so the page loads only when someone opens it (not
at every sign-in) and then on request. Older entries load page by page. Every read runs off the UI
thread (:meth:`TaskManager.query`): a log of a busy center is long, and counting it takes a while.

The filters above the table (:class:`AuditFilterBar`: person, action, case, days) are applied by the
service in SQL; each change reads the log again. A case window's "Who saw this identity…" opens the
page through :meth:`AuditPage.show_filtered` at that case's reveals.
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
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from safecase.domain.audit import AuditFilter, AuditHead
from safecase.domain.errors import SafeCaseError
from safecase.domain.users import User
from safecase.services.audit import AuditRow, AuditService
from safecase.services.session import VaultSession
from safecase.ui.common.widgets import ERROR_COLOR, body_text, heading, help_text
from safecase.ui.pages.audit_filters import AuditFilterBar
from safecase.ui.pages.audit_model import AuditModel
from safecase.ui.tasks import TaskManager

PAGE_SIZE = 500
_READ = "audit"
"""The key of the page's reads: a reload supersedes a page of older entries still on its way."""


@dataclass(frozen=True)
class AuditRead:
    """One page of rows (newest first), the number of entries the filter matches, and the accounts to pick."""

    rows: list[AuditRow]
    total: int
    people: list[User]
    head: AuditHead | None = None


def read_audit(reader: VaultSession, flt: AuditFilter, before_seq: int | None = None) -> AuditRead:
    """Read on a worker thread: a page of the entries ``flt`` matches before ``before_seq`` (the newest
    without it), their count and the accounts."""
    service = AuditService(reader)
    rows = service.rows(flt, PAGE_SIZE, before_seq)
    return AuditRead(rows, service.count(flt), service.people(), service.head())


class AuditPage(QWidget):
    def __init__(self, session: VaultSession, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._loaded = False
        self._filtered = False
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
        self.filters = AuditFilterBar(self)
        self.filters.changed.connect(lambda _flt: self.reload())
        column.addWidget(self.filters)
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
        self.empty_label = body_text("", self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setContentsMargins(24, 48, 24, 48)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)
        column.addWidget(self.stack, 1)

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
        QWidget.setTabOrder(self.filters.clear_button, self.table)
        QWidget.setTabOrder(self.table, self.older_button)
        QWidget.setTabOrder(self.older_button, self.refresh_button)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.reload()

    def reload(self) -> None:
        self._loaded = True
        self._read(None, self._show)

    def show_filtered(self, flt: AuditFilter) -> None:
        """Show the entries ``flt`` matches (the filters show it too), read afresh."""
        self.filters.set_filter(flt)
        self.reload()

    def _load_older(self) -> None:
        self._read(self.model.oldest_seq(), self._show_older)

    def _read(self, before_seq: int | None, on_done: Callable[[AuditRead], None]) -> None:
        # No second read while one is on its way: "older" must start from the page on screen.
        self.older_button.setEnabled(False)
        self.refresh_button.setEnabled(False)
        flt = self.filters.current()
        self._filtered = bool(flt.used())
        self._tasks.query(
            lambda reader: read_audit(reader, flt, before_seq), on_done, owner=self, key=_READ, on_failed=self._failed
        )

    def _show(self, read: AuditRead) -> None:
        self.model.set_rows(read.rows)
        self.table.scrollToTop()
        self._shown(read)

    def _show_older(self, read: AuditRead) -> None:
        self.model.append_rows(read.rows)
        self._shown(read)

    def _shown(self, read: AuditRead) -> None:
        self.filters.set_people(read.people)
        if read.head is not None:
            self.head_label.setText(self.tr("Head {head}").format(head=read.head.short()))
        self.refresh_button.setEnabled(True)
        self.older_button.setEnabled(len(read.rows) == PAGE_SIZE)
        shown = self.model.rowCount()
        self.empty_label.setStyleSheet("")
        self.empty_label.setText(self.tr("No entry matches these filters.\nTry others, or clear the filters."))
        self.stack.setCurrentWidget(self.table if shown else self.empty_label)
        if self._filtered:
            text = self.tr("Showing {shown} of {total} matching entries")
        else:
            text = self.tr("Showing {shown} of {total} entries")
        self.count_label.setText(text.format(shown=shown, total=read.total))

    def _failed(self, error: SafeCaseError) -> None:
        # Rows of an earlier filter would read as the answer to this one: say why there are none instead.
        self.model.clear()
        self.empty_label.setStyleSheet(f"color: {ERROR_COLOR};")
        self.empty_label.setText(error.message)
        self.stack.setCurrentWidget(self.empty_label)
        self.count_label.clear()
        self.refresh_button.setEnabled(True)
        self.older_button.setEnabled(False)

    def clear(self) -> None:
        self._tasks.cancel(owner=self, key=_READ)
        self.model.clear()
        self.stack.setCurrentWidget(self.table)
        self.count_label.clear()
        self.head_label.clear()
        self.refresh_button.setEnabled(True)
        self.older_button.setEnabled(False)
        self._loaded = False
