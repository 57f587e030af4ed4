"""One table of a statistics report as a read-only table model, drawn from its published form.

The model shows a :class:`~safecase.reports.published.PublishedTable` cell for cell: the text every
export prints (``12``, ``0``, ``<5``, ``X``, ``–``), never a number suppression hid (the published cells
do not hold one). Hidden cells get a background of their own and a tooltip saying why they are hidden
(a small count, a count hidden so the small ones cannot be worked out, a median of too few records);
total rows are bold; numbers are right-aligned, as in the XLSX and the PDF.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from safecase.reports.published import WITHHELD_MEDIAN, PublishedCell, PublishedRow, PublishedTable
from safecase.reports.suppression import CellState

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole

PRIMARY_BACKGROUND = "#fbe0b4"
"""Behind a count shown as ``<k`` (and a withheld median): amber, read as "held back"."""
SECONDARY_BACKGROUND = "#d6def0"
"""Behind a count shown as ``X``: a cool grey-blue, so the two kinds are told apart at a glance."""
MARKED_TEXT = "#1f1f1f"
"""Text on either background: both are light in a dark theme too, so the text must stay dark on them."""

STATE_ROLE = Qt.ItemDataRole.UserRole
"""A cell's :class:`CellState` (the row-label column has none)."""


class ReportTableModel(QAbstractTableModel):
    """The cells of one published table: the row labels, then the values in the header's order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table: PublishedTable | None = None
        self._k = 0
        self._bold = QFont()
        self._bold.setBold(True)
        self._backgrounds = {
            CellState.PRIMARY: QColor(PRIMARY_BACKGROUND),
            CellState.SECONDARY: QColor(SECONDARY_BACKGROUND),
        }
        self._marked_text = QColor(MARKED_TEXT)

    # --- contents ---------------------------------------------------------------------------------------

    def set_table(self, table: PublishedTable | None, k: int) -> None:
        """Show ``table`` (None: nothing) of a report built with ``k``."""
        self.beginResetModel()
        self._table = table
        self._k = k
        self.endResetModel()

    def clear(self) -> None:
        self.set_table(None, 0)

    @property
    def table(self) -> PublishedTable | None:
        return self._table

    def cell(self, row: int, column: int) -> PublishedCell | None:
        """The published cell at a value column (column 1 on); None for the label column."""
        if self._table is None or column < 1:
            return None
        return self._table.rows[row].cells[column - 1]

    def row_is_total(self, row: int) -> bool:
        return self._table is not None and self._table.rows[row].is_total

    def _rows(self) -> tuple[PublishedRow, ...]:
        return () if self._table is None else self._table.rows

    # --- Qt model ---------------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows())

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() or self._table is None else len(self._table.header)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> object:
        if self._table is None or orientation != Qt.Orientation.Horizontal:
            return None
        if role in (_DISPLAY, Qt.ItemDataRole.ToolTipRole):
            return self._table.header[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignLeft if section == 0 else Qt.AlignmentFlag.AlignRight
            return horizontal | Qt.AlignmentFlag.AlignVCenter
        return None

    def data(self, index: _Index, role: int = _DISPLAY) -> object:
        rows = self._rows()
        if not index.isValid() or index.row() >= len(rows):
            return None
        row = rows[index.row()]
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if row.is_total else None
        if index.column() == 0:
            if role in (_DISPLAY, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                return row.label
            return None
        cell = row.cells[index.column() - 1]
        if role == _DISPLAY:
            return cell.text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == STATE_ROLE:
            return cell.state
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._backgrounds.get(cell.state)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._marked_text if cell.state in self._backgrounds else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.explanation(cell) or None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            why = self.explanation(cell)
            return f"{cell.text}: {why}" if why else cell.text
        return None

    def explanation(self, cell: PublishedCell) -> str:
        """Why a cell is hidden, in the interface's language; empty for a shown cell."""
        k = self._k
        if cell.state is CellState.PRIMARY and cell.text == WITHHELD_MEDIAN:
            return self.tr(
                "Not shown: fewer than {k} records. A median of so few would tell too much about each of them."
            ).format(k=k)
        if cell.state is CellState.PRIMARY:
            return self.tr(
                "Primary suppression: a count from 1 to {top}, shown as “<{k}” so that no one can be recognized."
            ).format(top=k - 1, k=k)
        if cell.state is CellState.SECONDARY:
            return self.tr(
                "Secondary suppression: hidden as “X” so that no count shown as “<{k}” can be worked out from "
                "the totals or from another table of this report."
            ).format(k=k)
        return ""
