"""The audit log as a read-only table model.

Entries come from :class:`safecase.services.audit.AuditService` newest first; the model only
formats them. Times are shown in the computer's local time zone; details (never case content, by
the service's design) are shown as ``key=value`` pairs.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from safecase.domain.audit import AuditEntry
from safecase.ui.labels import action_label

_Index = QModelIndex | QPersistentModelIndex


class AuditModel(QAbstractTableModel):
    SEQ, TIME, ACTOR, ACTION, TARGET, DETAILS = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[AuditEntry] = []
        self._headers = [
            self.tr("#"),
            self.tr("Time"),
            self.tr("Who"),
            self.tr("What"),
            self.tr("Concerning"),
            self.tr("Details"),
        ]

    def set_entries(self, entries: list[AuditEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def append_entries(self, entries: list[AuditEntry]) -> None:
        """Add older entries at the bottom (the list is newest first)."""
        if not entries:
            return
        first = len(self._entries)
        self.beginInsertRows(QModelIndex(), first, first + len(entries) - 1)
        self._entries.extend(entries)
        self.endInsertRows()

    def clear(self) -> None:
        self.set_entries([])

    def oldest_seq(self) -> int | None:
        return self._entries[-1].seq if self._entries else None

    def entry(self, row: int) -> AuditEntry:
        return self._entries[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.action if column == self.ACTION else self._display(entry, column) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.SEQ:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, entry: AuditEntry, column: int) -> str:
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
