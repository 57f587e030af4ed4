"""The audit log as a read-only table model.

Entries come from :class:`safecase.services.audit.AuditService` newest first; the model only
formats them. Times are shown in the computer's local time zone; details (never case content, by
the service's design) are shown as ``key=value`` pairs.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, Qt

from safecase.domain.audit import AuditEntry
from safecase.ui.common.labels import action_label
from safecase.ui.common.list_model import ListTableModel


class AuditModel(ListTableModel[AuditEntry]):
    SEQ, TIME, ACTOR, ACTION, TARGET, DETAILS = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [
            self.tr("#"),
            self.tr("Time"),
            self.tr("Who"),
            self.tr("What"),
            self.tr("Concerning"),
            self.tr("Details"),
        ]

    def set_entries(self, entries: list[AuditEntry]) -> None:
        self.set_items(entries)

    def append_entries(self, entries: list[AuditEntry]) -> None:
        """Add older entries at the bottom (the list is newest first)."""
        if not entries:
            return
        first = len(self._items)
        self.beginInsertRows(QModelIndex(), first, first + len(entries) - 1)
        self._items.extend(entries)
        self.endInsertRows()

    def oldest_seq(self) -> int | None:
        return self._items[-1].seq if self._items else None

    def entry(self, row: int) -> AuditEntry:
        return self.item(row)

    def display(self, entry: AuditEntry, column: int) -> str:
        if column == self.SEQ:
            return str(entry.seq)
        if column == self.TIME:
            return entry.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        if column == self.ACTOR:
            return entry.actor
        if column == self.ACTION:
            return action_label(entry.action)
        if column == self.TARGET:
            return f"{entry.target_type}: {entry.target_id}" if entry.target_id else entry.target_type
        if column == self.DETAILS:
            return ", ".join(f"{key}={value}" for key, value in sorted(entry.details.items()))
        return ""

    def tooltip(self, entry: AuditEntry, column: int) -> str | None:
        return entry.action if column == self.ACTION else self.display(entry, column) or None

    def alignment(self, entry: AuditEntry, column: int) -> Qt.AlignmentFlag | None:
        return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter if column == self.SEQ else None
