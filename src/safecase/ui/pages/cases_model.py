"""The Cases list as a lazy table model driven by case ids, as Anki's browser is.

The model holds the ordered ids the service returned for the current filter (100 000 ints are cheap)
and asks for summaries only of the rows the view draws, one block of :data:`BLOCK` ids at a time,
kept in a cache until the next refresh. A block is requested, not read: the page reads it off the UI
thread and hands it back, and the rows show "…" until it arrives. Blocks asked for before the ids
changed are ignored when they arrive. Sorting never happens here: clicking a header asks the page
to query again in the new order (the database sorts, with its indexes).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from safecase.domain.cases import CaseSort, CaseSummary, RiskLevel
from safecase.domain.users import DisplayNames
from safecase.services.taxonomies import INCIDENT_TYPES
from safecase.ui.common.taxonomy_labels import risk_label, status_label, term_labels
from safecase.ui.common.widgets import ERROR_COLOR

_Index = QModelIndex | QPersistentModelIndex

BLOCK = 100

# Soft tints with dark text: readable on light and dark themes, and the word is always there too.
RISK_BACKGROUND = {
    RiskLevel.URGENT: QColor("#f6d0cc"),
    RiskLevel.HIGH: QColor("#fbe0c3"),
    RiskLevel.MEDIUM: QColor("#fbf0c4"),
}
RISK_TEXT = QColor("#1f1f1f")

# Roles as plain ints: Qt hands data() an int, and comparing it with an enum member costs more than
# the rest of the call. A repaint of the list asks for each of ~8 roles of every visible cell.
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_BACKGROUND = Qt.ItemDataRole.BackgroundRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_FONT = Qt.ItemDataRole.FontRole.value
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
_ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole.value
_ROLES = frozenset({_DISPLAY, _TOOLTIP, _BACKGROUND, _FOREGROUND, _FONT, _ALIGNMENT, _ACCESSIBLE})
_CENTER = int(Qt.AlignmentFlag.AlignCenter.value)

SummaryLoader = Callable[[Sequence[int]], list[CaseSummary]]
Deliver = Callable[[list[CaseSummary]], None]
BlockRequest = Callable[[list[int], Deliver], None]
"""Read the summaries of these ids (off the UI thread) and call back with them; may never call back."""
LOADING = "…"


def immediately(loader: SummaryLoader) -> BlockRequest:
    """A block request answered at once, on the calling thread (tests, tools)."""

    def request(ids: list[int], deliver: Deliver) -> None:
        deliver(loader(ids))

    return request


class CasesModel(QAbstractTableModel):
    NUMBER, STATUS, RISK, OPENED, ALIAS, COUNSELORS, INCIDENTS, OVERDUE = range(8)

    SORT_KEYS: ClassVar[dict[int, CaseSort]] = {
        NUMBER: CaseSort.NUMBER,
        STATUS: CaseSort.STATUS,
        RISK: CaseSort.RISK,
        OPENED: CaseSort.OPENED,
        ALIAS: CaseSort.ALIAS,
    }

    def __init__(self, request: BlockRequest, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._request = request
        self._ids: list[int] = []
        self._cache: dict[int, CaseSummary | None] = {}
        self._texts: dict[int, tuple[str, ...]] = {}  # each row's cells, worded once, not at every repaint
        self._bold = QFont()
        self._bold.setBold(True)
        self._error = QColor(ERROR_COLOR)
        self._asked: set[int] = set()  # first rows of the blocks requested and not yet arrived
        self._generation = 0
        self._answering = False
        self._names = DisplayNames()
        self.blocks_loaded = 0
        """How many blocks were requested since the last reset (tests check the list stays lazy)."""
        self._headers = [
            self.tr("Case"),
            self.tr("Status"),
            self.tr("Risk"),
            self.tr("Opened"),
            self.tr("Alias"),
            self.tr("Counselors"),
            self.tr("Incident types"),
            self.tr("Overdue"),
        ]

    # --- contents ---------------------------------------------------------------------------------------

    def set_ids(self, ids: list[int], known: Sequence[CaseSummary] = ()) -> None:
        """Show ``ids``; ``known`` are summaries read with them (the first screen), cached at once."""
        self.beginResetModel()
        self._ids = list(ids)
        self._cache.clear()
        self._texts.clear()
        self._asked.clear()
        self._generation += 1
        self.blocks_loaded = 0
        by_id = {s.id: s for s in known}
        for case_id in self._ids[: len(known)]:
            self._cache[case_id] = by_id.get(case_id)
        self.endResetModel()

    def set_display_names(self, names: DisplayNames) -> None:
        """People's display names, for the counselors column."""
        self._names = names
        self._texts.clear()

    def clear(self) -> None:
        self.set_ids([])

    def ids(self) -> list[int]:
        return list(self._ids)

    def case_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, case_id: int) -> int:
        try:
            return self._ids.index(case_id)
        except ValueError:
            return -1

    def summary(self, row: int) -> CaseSummary | None:
        """The row's summary, or None while its block is on its way (then it is requested) or if the
        case is no longer visible (see :meth:`is_loaded`)."""
        case_id = self._ids[row]
        if case_id not in self._cache:
            self._ask_for_block(row)
        return self._cache.get(case_id)

    def is_loaded(self, row: int) -> bool:
        return self._ids[row] in self._cache

    def cached_count(self) -> int:
        return len(self._cache)

    def _ask_for_block(self, row: int) -> None:
        start = row - row % BLOCK
        if start in self._asked:
            return
        ids = [i for i in self._ids[start : start + BLOCK] if i not in self._cache]
        self._asked.add(start)
        self.blocks_loaded += 1
        generation = self._generation
        self._answering = True
        try:
            self._request(ids, lambda found: self._arrived(generation, start, ids, found))
        finally:
            self._answering = False

    def _arrived(self, generation: int, start: int, ids: list[int], found: list[CaseSummary]) -> None:
        if generation != self._generation:
            return  # read for ids shown before the last refresh
        self._asked.discard(start)
        by_id = {s.id: s for s in found}
        for case_id in ids:
            self._cache[case_id] = by_id.get(case_id)
        if not self._answering:  # answered later, not from inside data(): repaint the block's rows
            last = min(start + BLOCK, len(self._ids)) - 1
            self.dataChanged.emit(self.index(start, 0), self.index(last, len(self._headers) - 1))

    def block_failed(self, generation: int) -> None:
        """Reading blocks failed: ask again when the rows are drawn next."""
        if generation == self._generation:
            self._asked.clear()

    @property
    def generation(self) -> int:
        return self._generation

    # --- Qt model ---------------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            if section in self.SORT_KEYS:
                return self.tr("Click to sort by this column; click again to reverse.")
            return None
        return None

    def data(self, index: _Index, role: int = _DISPLAY) -> object:
        if role not in _ROLES or not index.isValid():
            return None
        row = index.row()
        if row >= len(self._ids):
            return None
        column = index.column()
        summary = self.summary(row)
        if summary is None:
            if role != _DISPLAY or column != self.NUMBER:
                return None
            return "—" if self.is_loaded(row) else LOADING
        if role in (_DISPLAY, _ACCESSIBLE):
            return self._cells(summary)[column]
        if role == _TOOLTIP:
            return self._tooltip(summary, column)
        if column == self.RISK:
            if role == _BACKGROUND:
                return RISK_BACKGROUND.get(summary.risk)
            if role == _FOREGROUND:
                return RISK_TEXT if summary.risk in RISK_BACKGROUND else None
            if role == _FONT:
                return self._bold if summary.risk is RiskLevel.URGENT else None
        elif column == self.OVERDUE:
            if role == _ALIGNMENT:
                return _CENTER
            if summary.overdue_tasks:
                if role == _FOREGROUND:
                    return self._error
                if role == _FONT:
                    return self._bold
        return None

    def _cells(self, summary: CaseSummary) -> tuple[str, ...]:
        cells = self._texts.get(summary.id)
        if cells is None:
            cells = tuple(self._display(summary, column) for column in range(len(self._headers)))
            self._texts[summary.id] = cells
        return cells

    def _display(self, summary: CaseSummary, column: int) -> str:
        if column == self.NUMBER:
            return summary.number
        if column == self.STATUS:
            return status_label(summary.status)
        if column == self.RISK:
            return risk_label(summary.risk)
        if column == self.OPENED:
            return summary.opened_on.isoformat()
        if column == self.ALIAS:
            return summary.alias
        if column == self.COUNSELORS:
            return self._names.join(summary.counselors, self.tr(", "))
        if column == self.INCIDENTS:
            return term_labels(INCIDENT_TYPES, summary.incident_types)
        if column == self.OVERDUE:
            return str(summary.overdue_tasks) if summary.overdue_tasks else ""
        return ""

    def _tooltip(self, summary: CaseSummary, column: int) -> str | None:
        if column == self.OVERDUE:
            if not summary.overdue_tasks:
                return None
            return self.tr("Overdue follow-ups: {count}").format(count=summary.overdue_tasks)
        if column == self.COUNSELORS:
            return self.tr(", ").join(summary.counselors) or None
        return self._cells(summary)[column] or None
