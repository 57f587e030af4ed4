"""The Take-downs list as a table model: every row the service returned, sorted here.

A center follows tens or hundreds of take-downs, not a hundred thousand, so the model holds all of
them and sorts in memory when a header is clicked (re-check date first by default, none last). A
re-check day that has passed is shown in red and bold with the words "overdue by N days" in its tooltip
and its accessible text; one due today in bold.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from safecase.services.takedowns import TakedownRow
from safecase.services.taxonomies import PLATFORMS
from safecase.ui.common.taxonomy_labels import reported_to_label, takedown_status_label, term_label
from safecase.ui.common.widgets import ERROR_COLOR

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole
_LATEST = date.max


class TakedownsModel(QAbstractTableModel):
    RECHECK, CASE, PLATFORM, LINK, REPORTED_TO, STATUS, REPORTED_ON, REFERENCE = range(8)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TakedownRow] = []
        self._today = date.today()
        self._column = self.RECHECK
        self._order = Qt.SortOrder.AscendingOrder
        self._bold = QFont()
        self._bold.setBold(True)
        self._error = QColor(ERROR_COLOR)
        self._headers = [
            self.tr("Re-check"),
            self.tr("Case"),
            self.tr("Platform"),
            self.tr("Link"),
            self.tr("Reported to"),
            self.tr("Status"),
            self.tr("Reported on"),
            self.tr("Reference"),
        ]

    # --- contents ---------------------------------------------------------------------------------------

    def set_rows(self, rows: list[TakedownRow], today: date) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._today = today
        self._rows.sort(key=self._key(self._column), reverse=self._order == Qt.SortOrder.DescendingOrder)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([], self._today)

    def row(self, index: int) -> TakedownRow:
        return self._rows[index]

    def row_of(self, takedown_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.takedown.id == takedown_id), -1)

    def rows(self) -> list[TakedownRow]:
        return list(self._rows)

    @property
    def today(self) -> date:
        return self._today

    def overdue_count(self) -> int:
        return sum(1 for r in self._rows if r.takedown.overdue(self._today))

    def due_count(self) -> int:
        return sum(1 for r in self._rows if r.takedown.due(self._today))

    # --- Qt model ---------------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == _DISPLAY:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Click to sort by this column; click again to reverse.")
        return None

    def data(self, index: _Index, role: int = _DISPLAY) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        entry = row.takedown
        if role == _DISPLAY:
            return self._display(row, column)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == self.RECHECK:
                return self._recheck_words(row) or None
            if column == self.REPORTED_TO:
                return reported_to_label(entry.reported_to, full=True)
            return self._display(row, column) or None
        if column == self.RECHECK:
            if role == Qt.ItemDataRole.ForegroundRole and entry.overdue(self._today):
                return self._error
            if role == Qt.ItemDataRole.FontRole and entry.due(self._today):
                return self._bold
        return None

    def _display(self, row: TakedownRow, column: int) -> str:
        entry = row.takedown
        if column == self.RECHECK:
            if entry.recheck_on is None:
                return "—" if entry.open else ""
            return entry.recheck_on.isoformat()
        if column == self.CASE:
            return row.case_number
        if column == self.PLATFORM:
            return term_label(PLATFORMS, entry.platform)
        if column == self.LINK:
            if entry.url:
                return entry.url
            return self.tr("Evidence item #{id}").format(id=entry.evidence_id) if entry.evidence_id else ""
        if column == self.REPORTED_TO:
            return reported_to_label(entry.reported_to)
        if column == self.STATUS:
            label = takedown_status_label(entry.status)
            if entry.reappeared_from is not None:
                return self.tr("{status} (of #{id})").format(status=label, id=entry.reappeared_from)
            return label
        if column == self.REPORTED_ON:
            return entry.reported_on.isoformat() if entry.reported_on else ""
        if column == self.REFERENCE:
            return entry.reference
        return ""

    def _recheck_words(self, row: TakedownRow) -> str:
        entry = row.takedown
        if entry.recheck_on is None:
            return self.tr("No re-check date") if entry.open else ""
        late = (self._today - entry.recheck_on).days
        if late > 0:
            return self.tr("{date} · overdue by {days} days").format(date=entry.recheck_on.isoformat(), days=late)
        if late == 0:
            return self.tr("{date} · today").format(date=entry.recheck_on.isoformat())
        return entry.recheck_on.isoformat()

    # --- sorting ----------------------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        # The selection (persistent indexes) follows its rows to their new places.
        before = [(index, self._rows[index.row()].takedown.id) for index in self.persistentIndexList()]
        self._column, self._order = column, order
        self._rows.sort(key=self._key(column), reverse=order == Qt.SortOrder.DescendingOrder)
        for index, takedown_id in before:
            self.changePersistentIndex(index, self.index(self.row_of(takedown_id), index.column()))
        self.layoutChanged.emit()

    def _key(self, column: int) -> Callable[[TakedownRow], Any]:
        """A sort key; rows without a re-check date stay last when sorting by it ascending."""
        if column == self.RECHECK:
            return lambda r: (r.takedown.recheck_on or _LATEST, r.takedown.id)
        if column in (self.REPORTED_ON,):
            return lambda r: (r.takedown.reported_on or _LATEST, r.takedown.id)
        return lambda r: (self._display(r, column).casefold(), r.takedown.recheck_on or _LATEST, r.takedown.id)
