"""A table of records that gives way to an empty-state text when there are none.

The casework tabs (contacts, incidents) each show one list of a case's records this way: reload from
the service, keep the selected record selected across the reload, and explain in the table's place
what to do when the list is empty.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QWidget

from safecase.ui.common.list_model import ListTableModel
from safecase.ui.common.widgets import help_text, record_table, selected_row

T = TypeVar("T")


class RecordList(Generic[T]):
    """Table, model and empty-state label for one list; records are told apart by ``key``."""

    def __init__(self, model: ListTableModel[T], empty_text: str, key: Callable[[T], int], parent: QWidget) -> None:
        self.model = model
        self.table = record_table(model, parent)
        self.empty_label = help_text(empty_text, parent)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._key = key

    def add_to(self, layout: QBoxLayout, stretch: int = 1) -> None:
        layout.addWidget(self.table, stretch)
        layout.addWidget(self.empty_label, stretch)

    def show_records(self, records: list[T]) -> None:
        """Show ``records``, the empty state when there are none, and keep the selection if it is still there."""
        selected = self.selected()
        self.model.set_items(records)
        self.table.setVisible(bool(records))
        self.empty_label.setVisible(not records)
        if selected is not None:
            self.select(self._key(selected))

    def selected(self) -> T | None:
        row = selected_row(self.table)
        return self.model.item(row) if row >= 0 else None

    def select(self, record_id: int) -> None:
        row = self.model.row_where(lambda record: self._key(record) == record_id)
        if row >= 0:
            self.table.selectRow(row)
