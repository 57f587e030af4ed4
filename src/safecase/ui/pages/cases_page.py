"""Cases: find a case by filter or by words in its notes, and open it.

The list is a lazy model over ordered ids (see :mod:`safecase.ui.pages.cases_model`); every filter change
or header click asks the service for the ids again, and only the rows on screen are ever loaded. Every
read runs off the UI thread (:meth:`TaskManager.query`; up to 150 ms at 100 000 cases): the ids come
with the first screen's summaries in one read, and a newer filter drops the answer to an older one.
Which cases a person sees is the service's decision: counselors their own, supervisors all. The list
is read (and the reading audit-logged) only when someone opens the page; after a change made anywhere
in the app it is read again (at once when on screen, otherwise when next shown), keeping the selection.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QDate, QLocale, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from safecase.domain.cases import CaseFilter, CaseSort, CaseStatus, CaseSummary, RiskLevel
from safecase.domain.errors import SafeCaseError
from safecase.domain.users import DisplayNames, User
from safecase.services.cases import CaseService
from safecase.services.casework_access import sees_all_cases
from safecase.services.people import display_names
from safecase.services.session import VaultSession
from safecase.services.taxonomies import INCIDENT_TYPES
from safecase.ui.common.taxonomy_labels import risk_label, status_label, terms
from safecase.ui.common.widgets import MessageLine, body_text, heading, help_text
from safecase.ui.pages.cases_model import BLOCK, CasesModel, Deliver
from safecase.ui.tasks import Changes, TaskManager

SEARCH_DELAY_MS = 300
NOT_CLOSED = (CaseStatus.OPEN, CaseStatus.ACTIVE, CaseStatus.REFERRED)
# Sorting a column for the first time: newest and most urgent first; names and numbers A→Z.
_FIRST_DESCENDING = {CaseSort.OPENED, CaseSort.RISK, CaseSort.UPDATED}


def searchable(text: str) -> bool:
    """Whether ``text`` has a word the search can use (two characters or more)."""
    return any(len(word) >= 2 for word in re.findall(r"\w+", text))


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


@dataclass(frozen=True)
class Listing:
    """One read of the list: the ordered ids, the first screen's summaries, and (when asked) the caseworkers
    and people's display names."""

    ids: list[int]
    first: list[CaseSummary]
    workers: list[User] | None
    names: DisplayNames | None = None


def read_listing(reader: VaultSession, flt: CaseFilter, log: bool, with_workers: bool) -> Listing:
    """On a worker thread: the ids for ``flt`` (the listing audit-logged when ``log``) and the first block."""
    service = CaseService(reader)
    workers = service.caseworkers() if with_workers else None
    names = display_names(reader) if with_workers else None
    ids = service.list_ids(flt, log=log)
    return Listing(ids, service.summaries(ids[:BLOCK]), workers, names)


class CasesPage(QWidget):
    open_case_requested = Signal(int)
    """The person chose a case (Enter or double-click); carries its id."""

    def __init__(self, session: VaultSession, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._tasks = tasks
        self._loaded = False
        self._stale = False
        self._last_filter: CaseFilter | None = None
        """The filter of the newest read asked for (None after a failure: the next apply reads again)."""
        self._focus_list = False
        self._reading = False
        """A read of the list is on its way."""
        self._sort = CaseSort.OPENED
        self._descending = True
        self._sees_all = sees_all_cases(session)

        column = QVBoxLayout(self)
        column.setContentsMargins(28, 24, 28, 16)
        column.setSpacing(10)
        column.addWidget(heading(self.tr("Cases"), 1, self))
        column.addWidget(
            help_text(
                self.tr("Every case in the center.")
                if self._sees_all
                else self.tr("The cases assigned to you. A supervisor can assign others to you."),
                self,
            )
        )

        # --- search and filters ------------------------------------------------------------------------
        search_row = QHBoxLayout()
        search_row.setSpacing(8)
        search_label = QLabel(self.tr("&Search:"), self)
        self.search_edit = QLineEdit(self)
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Words in notes, aliases or case numbers (Ctrl+F)"))
        self.search_edit.setAccessibleName(self.tr("Search cases"))
        search_label.setBuddy(self.search_edit)
        self.overdue_check = QCheckBox(self.tr("&Overdue only"), self)
        self.overdue_check.setToolTip(self.tr("Cases with a follow-up or a referral answer past its date"))
        self.clear_button = QPushButton(self.tr("C&lear filters"), self)
        search_row.addWidget(search_label)
        search_row.addWidget(self.search_edit, 1)
        search_row.addSpacing(8)
        search_row.addWidget(self.overdue_check)
        search_row.addWidget(self.clear_button)
        column.addLayout(search_row)

        self.status_combo = QComboBox(self)
        self.status_combo.addItem(self.tr("Any status"), [])
        self.status_combo.addItem(self.tr("Not closed"), [s.value for s in NOT_CLOSED])
        for status in CaseStatus:
            self.status_combo.addItem(status_label(status), [status.value])
        self.risk_combo = QComboBox(self)
        self.risk_combo.addItem(self.tr("Any risk"), [])
        self.risk_combo.addItem(self.tr("High or urgent"), [RiskLevel.HIGH.value, RiskLevel.URGENT.value])
        for risk in RiskLevel:
            self.risk_combo.addItem(risk_label(risk), [risk.value])
        self.counselor_combo = QComboBox(self)
        self.counselor_combo.addItem(self.tr("Any counselor"), "")
        self.counselor_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.incident_combo = QComboBox(self)
        self.incident_combo.addItem(self.tr("Any incident type"), "")
        for code, term in terms(INCIDENT_TYPES):
            self.incident_combo.addItem(term, code)
        # Closed, the combo is as wide as "Any incident type"; its list opens wide enough for every label.
        metrics = self.fontMetrics()
        self.incident_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.incident_combo.setMinimumContentsLength(len(self.incident_combo.itemText(0)) + 4)
        self.incident_combo.view().setMinimumWidth(
            max(metrics.horizontalAdvance(label) for label in self._items(self.incident_combo)) + 32
        )
        for combo in (self.status_combo, self.risk_combo, self.counselor_combo, self.incident_combo):
            combo.setMinimumWidth(metrics.horizontalAdvance("M") * 6)  # may shrink in a narrow window
        today = date.today()
        self.from_check = QCheckBox(self.tr("&from"), self)
        self.from_date = self._date_edit(today - timedelta(days=365))
        self.to_check = QCheckBox(self.tr("&to"), self)
        self.to_date = self._date_edit(today)

        def label(text: str, buddy: QWidget) -> QLabel:
            widget = QLabel(text, self)
            widget.setBuddy(buddy)
            return widget

        first = QHBoxLayout()
        first.setSpacing(6)
        for text, combo in (
            (self.tr("Stat&us:"), self.status_combo),
            (self.tr("&Risk:"), self.risk_combo),
            (self.tr("&Incident:"), self.incident_combo),
        ):
            first.addWidget(label(text, combo))
            first.addWidget(combo)
            first.addSpacing(10)
        first.addStretch(1)
        column.addLayout(first)
        second = QHBoxLayout()
        second.setSpacing(6)
        second.addWidget(label(self.tr("Opened:"), self.from_check))
        for widget in (self.from_check, self.from_date, self.to_check, self.to_date):
            second.addWidget(widget)
        second.addSpacing(10)
        counselor_label = label(self.tr("Cou&nselor:"), self.counselor_combo)
        second.addWidget(counselor_label)
        second.addWidget(self.counselor_combo)
        counselor_label.setVisible(self._sees_all)
        self.counselor_combo.setVisible(self._sees_all)
        second.addStretch(1)
        column.addLayout(second)

        self.message = MessageLine(self)
        column.addWidget(self.message)

        # --- the list ----------------------------------------------------------------------------------
        self.model = CasesModel(self._request_block, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.setAccessibleName(self.tr("Cases"))
        vertical = self.table.verticalHeader()
        vertical.setVisible(False)
        # Fixed row heights: the view never measures the 100 000 rows it does not show.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(CasesModel.OPENED, Qt.SortOrder.DescendingOrder)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        # Widths from what the columns hold (measuring 100 000 rows to fit them is not an option).
        metrics = self.fontMetrics()
        samples = {
            CasesModel.NUMBER: "2026-00000",
            # The longest label in the interface language ("Referred" in English, 진행 중 in Korean).
            CasesModel.STATUS: max((status_label(s) for s in CaseStatus), key=metrics.horizontalAdvance),
            CasesModel.RISK: max((risk_label(r) for r in RiskLevel), key=metrics.horizontalAdvance),
            CasesModel.OPENED: "2026-12-31",
            CasesModel.ALIAS: "상병A 상병A",
            CasesModel.COUNSELORS: "김상담, 최지도",
            CasesModel.OVERDUE: "",
        }
        for section, sample in samples.items():
            title = str(self.model.headerData(section, Qt.Orientation.Horizontal))
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title) + 16)
            header.resizeSection(section, width + 20)
        header.setSectionResizeMode(CasesModel.INCIDENTS, QHeaderView.ResizeMode.Stretch)
        header.sortIndicatorChanged.connect(self._sort_clicked)
        self.table.activated.connect(self._activated)

        self.empty_label = body_text("", self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setContentsMargins(24, 48, 24, 48)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)
        column.addWidget(self.stack, 1)

        footer = QHBoxLayout()
        self.count_label = QLabel(self)
        footer.addWidget(self.count_label)
        footer.addStretch(1)
        hint = help_text(self.tr("Enter or double-click opens the case."), self)
        hint.setWordWrap(False)
        footer.addWidget(hint)
        column.addLayout(footer)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search_edit.textChanged.connect(self._search_changed)
        self.search_edit.returnPressed.connect(self._search_entered)
        for combo in (self.status_combo, self.risk_combo, self.counselor_combo, self.incident_combo):
            combo.currentIndexChanged.connect(self.apply_filters)
        for check in (self.overdue_check, self.from_check, self.to_check):
            check.toggled.connect(self._checks_changed)
        self.from_date.dateChanged.connect(self.apply_filters)
        self.to_date.dateChanged.connect(self.apply_filters)
        self.clear_button.clicked.connect(self.clear_filters)
        self._checks_changed()
        tasks.changed.connect(self._changed)

        self.setTabOrder(self.search_edit, self.overdue_check)
        self.setTabOrder(self.overdue_check, self.clear_button)
        self.setTabOrder(self.clear_button, self.status_combo)
        self.setTabOrder(self.status_combo, self.risk_combo)
        self.setTabOrder(self.risk_combo, self.incident_combo)
        self.setTabOrder(self.incident_combo, self.from_check)
        self.setTabOrder(self.from_check, self.from_date)
        self.setTabOrder(self.from_date, self.to_check)
        self.setTabOrder(self.to_check, self.to_date)
        self.setTabOrder(self.to_date, self.counselor_combo)
        self.setTabOrder(self.counselor_combo, self.table)

    @staticmethod
    def _items(combo: QComboBox) -> list[str]:
        return [combo.itemText(i) for i in range(combo.count())]

    def _date_edit(self, value: date) -> QDateEdit:
        edit = QDateEdit(to_qdate(value), self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    # --- loading ----------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self._query(self.current_filter(), log=True, with_workers=True)
        elif self._stale:
            self.refresh()

    def _changed(self, changes: Changes) -> None:
        """Anything of a case may change what the list shows (its text, overdue work, incident types);
        a change of accounts, the counselors it offers to filter by and the names it shows."""
        if not (changes.casework or changes.accounts):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def _show_counselors(self, workers: list[User], names: DisplayNames) -> None:
        self.model.set_display_names(names)
        if self._sees_all:
            self.counselor_combo.blockSignals(True)
            current = self.counselor_combo.currentData()
            while self.counselor_combo.count() > 1:
                self.counselor_combo.removeItem(1)
            for user in sorted(workers, key=lambda u: u.display_name):
                self.counselor_combo.addItem(f"{user.display_name} ({user.name})", user.name)
            index = self.counselor_combo.findData(current)
            self.counselor_combo.setCurrentIndex(max(index, 0))
            self.counselor_combo.blockSignals(False)

    def current_filter(self) -> CaseFilter:
        text = self.search_edit.text().strip()
        return CaseFilter(
            statuses=frozenset(CaseStatus(v) for v in self.status_combo.currentData() or []),
            risks=frozenset(RiskLevel(v) for v in self.risk_combo.currentData() or []),
            counselor=str(self.counselor_combo.currentData() or "") if self._sees_all else "",
            incident_type=str(self.incident_combo.currentData() or ""),
            opened_from=from_qdate(self.from_date.date()) if self.from_check.isChecked() else None,
            opened_to=from_qdate(self.to_date.date()) if self.to_check.isChecked() else None,
            overdue_only=self.overdue_check.isChecked(),
            text=text if searchable(text) else "",
            sort=self._sort,
            descending=self._descending,
        )

    def apply_filters(self) -> None:
        """Query again if the filter changed (each query is audit-logged by the service)."""
        self._search_timer.stop()
        self._loaded = True
        self._show_search_hint()
        flt = self.current_filter()
        if flt == self._last_filter:
            return
        self._query(flt, log=True)

    def refresh(self) -> None:
        """Read the list again with the same filter (after a change elsewhere), keeping the selection."""
        if not self._loaded:
            return
        self._query(self.current_filter(), log=False, with_workers=True)

    def _query(self, flt: CaseFilter, log: bool, with_workers: bool = False) -> None:
        """Read the list for ``flt`` off the UI thread; only the newest read's answer is shown."""
        self._last_filter = flt
        self._stale = False
        self._reading = True
        self._tasks.query(
            lambda reader: read_listing(reader, flt, log, with_workers),
            lambda listing: self._show_listing(flt, listing),
            owner=self,
            key="listing",
            on_failed=lambda error: self._listing_failed(flt, error),
        )

    def _show_listing(self, flt: CaseFilter, listing: Listing) -> None:
        self._reading = False
        if listing.workers is not None and listing.names is not None:
            self._show_counselors(listing.workers, listing.names)
        selected = self.selected_case_id()
        self.model.set_ids(listing.ids, listing.first)
        if selected is not None and (row := self.model.row_of(selected)) >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        self._update_count(flt)
        if self._focus_list:
            self._focus_list = False
            self._focus_first_row()

    def _listing_failed(self, flt: CaseFilter, error: SafeCaseError) -> None:
        self._reading = False
        self._last_filter = None
        self._focus_list = False
        self.model.clear()
        self.message.show_error(error.message)
        self._update_count(flt)

    def _request_block(self, ids: list[int], deliver: Deliver) -> None:
        """The model asks for the summaries of rows coming on screen: read them off the UI thread."""
        generation = self.model.generation
        self._tasks.query(
            lambda reader: CaseService(reader).summaries(ids),
            deliver,
            owner=self,
            on_failed=lambda _error: self.model.block_failed(generation),
        )

    def _update_count(self, flt: CaseFilter) -> None:
        count = self.model.rowCount()
        filtered = flt != CaseFilter(sort=flt.sort, descending=flt.descending)
        number = QLocale().toString(count)
        if filtered:
            text = self.tr("1 case matches") if count == 1 else self.tr("{count} cases match").format(count=number)
        else:
            text = self.tr("1 case") if count == 1 else self.tr("{count} cases").format(count=number)
        self.count_label.setText(text)
        if count:
            self.stack.setCurrentWidget(self.table)
            return
        if filtered:
            self.empty_label.setText(self.tr("No case matches these filters.\nTry other words or clear the filters."))
        else:
            self.empty_label.setText(
                self.tr("No cases yet.\nWhen a call comes in, choose New intake… (Ctrl+N) to open one.")
                if self._sees_all
                else self.tr(
                    "No cases are assigned to you yet.\nWhen a call comes in, choose New intake… (Ctrl+N) to open one."
                )
            )
        self.stack.setCurrentWidget(self.empty_label)

    # --- filters ----------------------------------------------------------------------------------------

    def _search_changed(self, _text: str) -> None:
        self._show_search_hint()
        self._search_timer.start()

    def _search_entered(self) -> None:
        """Enter in the search box: search now, then move to the list (once the answer is there)."""
        self.apply_filters()
        if self._reading:
            self._focus_list = True
        else:
            self._focus_first_row()

    def _focus_first_row(self) -> None:
        if self.model.rowCount():
            self.table.setFocus()
            if not self.table.selectionModel().hasSelection():
                self.table.selectRow(0)

    def _show_search_hint(self) -> None:
        text = self.search_edit.text().strip()
        if text and not searchable(text):
            self.message.show_info(self.tr("Type at least 2 characters to search."))
        else:
            self.message.clear_message()

    def _checks_changed(self) -> None:
        self.from_date.setEnabled(self.from_check.isChecked())
        self.to_date.setEnabled(self.to_check.isChecked())
        if self._loaded:
            self.apply_filters()

    def clear_filters(self) -> None:
        widgets = (
            self.search_edit,
            self.status_combo,
            self.risk_combo,
            self.counselor_combo,
            self.incident_combo,
            self.overdue_check,
            self.from_check,
            self.to_check,
        )
        for widget in widgets:
            widget.blockSignals(True)
        self.search_edit.clear()
        for combo in (self.status_combo, self.risk_combo, self.counselor_combo, self.incident_combo):
            combo.setCurrentIndex(0)
        for check in (self.overdue_check, self.from_check, self.to_check):
            check.setChecked(False)
        for widget in widgets:
            widget.blockSignals(False)
        self.from_date.setEnabled(False)
        self.to_date.setEnabled(False)
        self.apply_filters()

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    # --- sorting ----------------------------------------------------------------------------------------

    def _sort_clicked(self, section: int, order: Qt.SortOrder) -> None:
        key = CasesModel.SORT_KEYS.get(section)
        header = self.table.horizontalHeader()
        if key is None:
            # Counselors, incident types and overdue are not sortable: put the indicator back.
            header.blockSignals(True)
            header.setSortIndicator(self._sort_section(), self._order())
            header.blockSignals(False)
            return
        if key != self._sort:
            self._sort = key
            self._descending = key in _FIRST_DESCENDING
            header.blockSignals(True)
            header.setSortIndicator(section, self._order())
            header.blockSignals(False)
        else:
            self._descending = order == Qt.SortOrder.DescendingOrder
        self.apply_filters()

    def sort_by(self, key: CaseSort, descending: bool) -> None:
        self._sort = key
        self._descending = descending
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(self._sort_section(), self._order())
        header.blockSignals(False)
        self.apply_filters()

    def _sort_section(self) -> int:
        return next((s for s, k in CasesModel.SORT_KEYS.items() if k == self._sort), -1)

    def _order(self) -> Qt.SortOrder:
        return Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder

    # --- opening ----------------------------------------------------------------------------------------

    def selected_case_id(self) -> int | None:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model is not None else []
        return self.model.case_id(rows[0].row()) if rows else None

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_case_requested.emit(self.model.case_id(index.row()))

    def clear(self) -> None:
        self.model.clear()
        self._loaded = False
        self._last_filter = None
