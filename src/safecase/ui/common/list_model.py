"""A read-only table model over a list of records, one record a row.

Subclasses set ``_headers`` (one translated title a column) and say how a record reads in a column
with :meth:`ListTableModel.display`; the optional hooks give a cell's tooltip, text color, font and
alignment. Anything a hook leaves as ``None`` is left to the view's defaults.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

T = TypeVar("T")

Index = QModelIndex | QPersistentModelIndex

# Qt hands data() a plain int: compared with ints, not enum members, a repaint costs a fraction.
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_FONT = Qt.ItemDataRole.FontRole.value
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value


class ListTableModel(QAbstractTableModel, Generic[T]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[T] = []
        self._headers: list[str] = []

    # --- the records ------------------------------------------------------------------------------------

    def set_items(self, items: Iterable[T]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def clear(self) -> None:
        self.set_items([])

    def item(self, row: int) -> T:
        return self._items[row]

    def items(self) -> list[T]:
        return list(self._items)

    def row_where(self, matches: Callable[[T], bool]) -> int:
        """The first row whose record ``matches``, or -1."""
        return next((row for row, item in enumerate(self._items) if matches(item)), -1)

    # --- how a record reads (override) ------------------------------------------------------------------

    def display(self, item: T, column: int) -> str:
        raise NotImplementedError

    def tooltip(self, item: T, column: int) -> str | None:
        return None

    def foreground(self, item: T, column: int) -> QColor | None:
        return None

    def font(self, item: T, column: int) -> QFont | None:
        return None

    def alignment(self, item: T, column: int) -> Qt.AlignmentFlag | None:
        return None

    # --- Qt ---------------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> object:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        column = index.column()
        if role == _DISPLAY:
            return self.display(item, column)
        if role == _TOOLTIP:
            return self.tooltip(item, column)
        if role == _FOREGROUND:
            return self.foreground(item, column)
        if role == _FONT:
            return self.font(item, column)
        if role == _ALIGNMENT:
            alignment = self.alignment(item, column)
            return None if alignment is None else int(alignment)
        return None
