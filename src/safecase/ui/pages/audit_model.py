"""The audit log as a read-only table model.

Rows come from :meth:`safecase.services.audit.AuditService.rows` newest first; the model only formats
them. Times are shown in the computer's local time zone; people by display name (the sign-in name the
row stores is in the tooltip); cases by number; details (never case content, by the service's design)
as ``name=value`` pairs, named and (where they are codes of ours) worded by :mod:`safecase.services.labels`.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, Qt

from safecase.domain.audit import AuditEntry
from safecase.services.audit import AuditRow
from safecase.services.labels import action_label, details_text, target_label
from safecase.ui.common.list_model import ListTableModel


class AuditModel(ListTableModel[AuditRow]):
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

    def set_rows(self, rows: list[AuditRow]) -> None:
        self.set_items(rows)

    def append_rows(self, rows: list[AuditRow]) -> None:
        """Add older rows at the bottom (the list is newest first)."""
        if not rows:
            return
        first = len(self._items)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._items.extend(rows)
        self.endInsertRows()

    def oldest_seq(self) -> int | None:
        return self._items[-1].entry.seq if self._items else None

    def entry(self, row: int) -> AuditEntry:
        return self.item(row).entry

    def display(self, row: AuditRow, column: int) -> str:
        entry = row.entry
        if column == self.SEQ:
            return str(entry.seq)
        if column == self.TIME:
            return entry.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        if column == self.ACTOR:
            return row.actor_name or entry.actor
        if column == self.ACTION:
            return action_label(entry.action)
        if column == self.TARGET:
            return self._target(row)
        if column == self.DETAILS:
            shown = {k: v for k, v in entry.details.items() if not (k == "case" and row.case_number)}
            return details_text(entry.action, shown)
        return ""

    def _target(self, row: AuditRow) -> str:
        entry = row.entry
        if entry.target_type == "case" and row.case_number:
            return self.tr("case {number}").format(number=row.case_number)
        if entry.target_type == "user" and row.target_name:
            return self.tr("user {name} ({user})").format(name=row.target_name, user=entry.target_id)
        kind = target_label(entry.target_type)
        target = f"{kind}: {entry.target_id}" if entry.target_id else kind
        if row.case_number:
            return self.tr("{target} (case {number})").format(target=target, number=row.case_number)
        return target

    def tooltip(self, row: AuditRow, column: int) -> str | None:
        entry = row.entry
        if column == self.ACTION:
            return entry.action
        if column == self.ACTOR:
            return self.tr("Sign-in name: {name}").format(name=entry.actor)
        return self.display(row, column) or None

    def alignment(self, row: AuditRow, column: int) -> Qt.AlignmentFlag | None:
        return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter if column == self.SEQ else None
