"""A table of records that gives way to an empty state when there are none.

The casework tabs each show one or two lists of a case's records this way: show what was read, keep
the selected record selected across a new read (by its id), select a record just saved once it is
there, and explain in the table's place what to do when the list is empty. Until the first read has
arrived neither the table nor the empty state is shown, so a tab never claims to be empty while it is
still reading.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QVBoxLayout, QWidget

from safecase.ui.common.list_model import ListTableModel
from safecase.ui.common.widgets import body_text, heading, help_text, record_table, selected_row

T = TypeVar("T")

READABLE_WIDTH = 640


class EmptyState(QWidget):
    """What a tab shows instead of an empty list: a calm sentence (or a title and paragraphs) in the middle."""

    def __init__(self, text: str, parent: QWidget, title: str = "", more: tuple[str, ...] = ()) -> None:
        super().__init__(parent)
        box = QWidget(self)
        box.setMaximumWidth(READABLE_WIDTH)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        if title:
            self.title = heading(title, 2, box)
            self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column.addWidget(self.title)
        # A short note reads as a hint (muted); a page of its own (a title) as text to read.
        self.labels = [(body_text if title else help_text)(paragraph, box) for paragraph in (text, *more)]
        for label in self.labels:
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column.addWidget(label)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box, 4)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    def text(self) -> str:
        return "\n".join(label.text() for label in self.labels)

    def set_text(self, text: str) -> None:
        """Say something else (the first paragraph): an empty list can have more than one reason."""
        self.labels[0].setText(text)


class RecordList(Generic[T]):
    """Table, model and empty state for one list; records are told apart by ``key``."""

    def __init__(self, model: ListTableModel[T], empty_text: str, key: Callable[[T], int], parent: QWidget) -> None:
        self.model = model
        self.table = record_table(model, parent)
        self.empty_label = EmptyState(empty_text, parent)
        self._key = key
        self._select_next: int | None = None
        self.table.hide()
        self.empty_label.hide()

    def add_to(self, layout: QBoxLayout, stretch: int = 1) -> None:
        layout.addWidget(self.table, stretch)
        layout.addWidget(self.empty_label, stretch)

    def show_records(self, records: list[T]) -> None:
        """Show ``records``, or the empty state when there are none, keeping the selection (by id)."""
        selected = self.selected()
        self.model.set_items(records)
        self.table.setVisible(bool(records))
        self.empty_label.setVisible(not records)
        wanted = self._select_next
        if wanted is None and selected is not None:
            wanted = self._key(selected)
        if wanted is not None and self.select(wanted):
            self._select_next = None

    def select_later(self, record_id: int) -> None:
        """Select ``record_id`` now if it is listed, or when the read that brings it arrives."""
        if not self.select(record_id):
            self._select_next = record_id

    def selected(self) -> T | None:
        row = selected_row(self.table)
        return self.model.item(row) if row >= 0 else None

    def select(self, record_id: int) -> bool:
        row = self.model.row_where(lambda record: self._key(record) == record_id)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0
