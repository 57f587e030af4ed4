"""Take-downs: every post or link reported for removal that is not down yet, across the cases the person
works (supervisors: every case), with the day each is to be checked again.

The list is read off the UI thread (:meth:`TaskManager.query`) when the page is first shown (the read is
audit-logged as ``takedowns.listed``) and again after any change to take-downs or cases, keeping the
selection. It sorts by re-check date, overdue ones first and in red; a header click sorts by another
column. From here a person records a new take-down (picking one of the cases she works), changes a
status, moves the re-check date, records that removed material reappeared, or opens the case.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLocale, QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from safecase.domain.cases import OPEN_STATUSES as OPEN_CASES
from safecase.domain.cases import CaseFilter
from safecase.domain.errors import SafeCaseError
from safecase.domain.takedowns import Takedown, TakedownScope, TakedownStatus
from safecase.services.cases import CaseService
from safecase.services.casework_access import sees_all_cases
from safecase.services.session import VaultSession
from safecase.services.takedowns import TakedownListing, TakedownRow, TakedownService
from safecase.ui.common.form_dialog import FormDialog
from safecase.ui.common.widgets import MessageLine, body_text, heading, help_text, selected_row
from safecase.ui.pages.takedown_dialogs import (
    CaseChoice,
    ReappearedDialog,
    RecheckDialog,
    TakedownDialog,
    TakedownStatusDialog,
)
from safecase.ui.pages.takedowns_model import TakedownsModel
from safecase.ui.tasks import Changes, TaskManager

MAX_CASE_CHOICES = 1000
"""Open cases offered in the Add dialog's list (newest first); any other number may still be typed."""


@dataclass(frozen=True)
class _Show:
    scope: TakedownScope
    due_only: bool = False


def read_case_choices(reader: VaultSession) -> list[CaseChoice]:
    """On a worker thread: the open cases the person works, newest first, for the Add dialog's picker."""
    cases = CaseService(reader)
    ids = cases.list_ids(CaseFilter(statuses=OPEN_CASES), log=False)[:MAX_CASE_CHOICES]
    return [CaseChoice(s.id, s.number, s.alias) for s in cases.summaries(ids)]


class TakedownsPage(QWidget):
    open_case_requested = Signal(int)
    """The person chose a take-down's case (Enter, double-click, Open case); carries the case id."""

    def __init__(self, session: VaultSession, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._tasks = tasks
        self._loaded = False
        self._stale = False
        self._select_after_read: int | None = None
        self._numbers: dict[int, str] = {}
        """Case numbers by case id, of the rows read and the cases offered, for confirmations."""
        self.listing: TakedownListing | None = None
        self.dialog: FormDialog | None = None
        """The dialog opened last from here (it deletes itself when closed)."""

        column = QVBoxLayout(self)
        column.setContentsMargins(28, 24, 28, 16)
        column.setSpacing(10)
        title_row = QHBoxLayout()
        title_row.addWidget(heading(self.tr("Take-downs"), 1, self), 1)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setToolTip(self.tr("Read the list again (F5)"))
        self.refresh_button.setShortcut(Qt.Key.Key_F5)
        title_row.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(title_row)
        column.addWidget(
            help_text(
                self.tr(
                    "Posts and links reported for removal — to the platform, the KCSC, the Digital Sex Crime "
                    "Victim Support Center or the police — in every case of the center, by the day to check again."
                )
                if sees_all_cases(session)
                else self.tr(
                    "Posts and links reported for removal — to the platform, the KCSC, the Digital Sex Crime "
                    "Victim Support Center or the police — in the cases assigned to you, by the day to check again."
                ),
                self,
            )
        )

        filter_row = QHBoxLayout()
        filter_row.setSpacing(8)
        show_label = QLabel(self.tr("Sho&w:"), self)
        self.show_combo = QComboBox(self)
        self.show_combo.addItem(self.tr("Open (not down yet)"), _Show(TakedownScope.OPEN))
        self.show_combo.addItem(self.tr("To re-check now"), _Show(TakedownScope.OPEN, due_only=True))
        self.show_combo.addItem(self.tr("Removed or refused"), _Show(TakedownScope.CLOSED))
        self.show_combo.addItem(self.tr("All"), _Show(TakedownScope.ALL))
        show_label.setBuddy(self.show_combo)
        self.add_button = QPushButton(self.tr("&Add take-down…"), self)
        self.add_button.setToolTip(self.tr("Record a post or link reported for removal"))
        filter_row.addWidget(show_label)
        filter_row.addWidget(self.show_combo)
        filter_row.addStretch(1)
        filter_row.addWidget(self.add_button)
        column.addLayout(filter_row)

        self.message = MessageLine(self)
        column.addWidget(self.message)

        self.model = TakedownsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setTabKeyNavigation(False)
        self.table.setAccessibleName(self.tr("Take-downs"))
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TakedownsModel.LINK, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(TakedownsModel.RECHECK, Qt.SortOrder.AscendingOrder)
        self.table.activated.connect(self._activated)

        self.empty_label = body_text("", self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setContentsMargins(24, 48, 24, 48)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)
        column.addWidget(self.stack, 1)

        actions = QHBoxLayout()
        self.status_button = QPushButton(self.tr("Change &status…"), self)
        self.recheck_button = QPushButton(self.tr("&Re-check date…"), self)
        self.reappeared_button = QPushButton(self.tr("Reapp&eared…"), self)
        self.reappeared_button.setToolTip(self.tr("Removed material was found again: open a new take-down for it"))
        self.open_button = QPushButton(self.tr("&Open case"), self)
        self._actions = (self.status_button, self.recheck_button, self.reappeared_button, self.open_button)
        for button in (self.status_button, self.recheck_button, self.reappeared_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.open_button)
        column.addLayout(actions)

        footer = QHBoxLayout()
        self.count_label = QLabel(self)
        footer.addWidget(self.count_label)
        footer.addStretch(1)
        self.hint = help_text(self.tr("Enter or double-click opens the case."), self)
        self.hint.setWordWrap(False)
        footer.addWidget(self.hint)
        column.addLayout(footer)

        self.refresh_button.clicked.connect(self.refresh)
        self.show_combo.currentIndexChanged.connect(lambda _i: self._query(log=True))
        self.add_button.clicked.connect(self.add_takedown)
        self.status_button.clicked.connect(self.change_status)
        self.recheck_button.clicked.connect(self.set_recheck)
        self.reappeared_button.clicked.connect(self.mark_reappeared)
        self.open_button.clicked.connect(self._open_selected)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        tasks.changed.connect(self._changed)

        self.setTabOrder(self.refresh_button, self.show_combo)
        self.setTabOrder(self.show_combo, self.add_button)
        self.setTabOrder(self.add_button, self.table)
        self.setTabOrder(self.table, self.status_button)
        self.setTabOrder(self.status_button, self.recheck_button)
        self.setTabOrder(self.recheck_button, self.reappeared_button)
        self.setTabOrder(self.reappeared_button, self.open_button)
        self._update_buttons()

    # --- loading ----------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self._query(log=True)
        elif self._stale:
            self.refresh()

    def _changed(self, changes: Changes) -> None:
        """Take-downs, and cases (their numbers, who works them), change what the list shows."""
        if not (changes.takedowns or changes.cases or changes.accounts):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def refresh(self) -> None:
        """Read the list again as it is shown (after a change), keeping the selection."""
        if self._loaded:
            self._query(log=False)

    def current_show(self) -> _Show:
        value = self.show_combo.currentData()
        return value if isinstance(value, _Show) else _Show(TakedownScope.OPEN)

    def _query(self, *, log: bool) -> None:
        self._loaded = True
        self._stale = False
        show = self.current_show()
        self._tasks.query(
            lambda reader: TakedownService(reader).listing(show.scope, due_only=show.due_only, log=log),
            self._show_listing,
            owner=self,
            key="listing",
            on_failed=self._failed,
        )

    def _failed(self, error: SafeCaseError) -> None:
        self.message.show_error(error.message)

    def _show_listing(self, listing: TakedownListing) -> None:
        self.listing = listing
        self._numbers.update((r.takedown.case_id, r.case_number) for r in listing.rows)
        selected = self._select_after_read or self.selected_takedown_id()
        self._select_after_read = None
        self.model.set_rows(listing.rows, listing.today)
        if selected is not None and (row := self.model.row_of(selected)) >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        self._update_count()

    def _update_count(self) -> None:
        count = self.model.rowCount()
        show = self.current_show()
        for widget in (*self._actions, self.hint):  # nothing to act on: only the sentence and Add
            widget.setVisible(count > 0)
        if count:
            text = self.tr("1 take-down") if count == 1 else self.tr("{count} take-downs")
            text = text.format(count=QLocale().toString(count))
            overdue = self.model.overdue_count()
            if overdue and show.scope is not TakedownScope.CLOSED:
                text += self.tr(" · {count} overdue for a re-check").format(count=QLocale().toString(overdue))
            self.count_label.setText(text)
            self.stack.setCurrentWidget(self.table)
            return
        self.count_label.setText("")
        if show.due_only:
            self.empty_label.setText(self.tr("Nothing to re-check today."))
        elif show.scope is TakedownScope.CLOSED:
            self.empty_label.setText(self.tr("No take-down has been removed or refused yet."))
        else:
            self.empty_label.setText(
                self.tr(
                    "No take-down is waiting.\nWhen a post or link is reported for removal, choose "
                    "Add take-down… to follow it here until it is down."
                )
            )
        self.stack.setCurrentWidget(self.empty_label)

    # --- selection --------------------------------------------------------------------------------------

    def selected_row(self) -> TakedownRow | None:
        row = selected_row(self.table)
        return self.model.row(row) if row >= 0 else None

    def selected_takedown_id(self) -> int | None:
        row = self.selected_row()
        return row.takedown.id if row is not None else None

    def select_takedown(self, takedown_id: int) -> bool:
        """Select the take-down if it is listed (else once the next read lists it)."""
        row = self.model.row_of(takedown_id)
        if row < 0:
            self._select_after_read = takedown_id
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _update_buttons(self) -> None:
        row = self.selected_row()
        entry = row.takedown if row is not None else None
        self.status_button.setEnabled(entry is not None)
        self.open_button.setEnabled(entry is not None)
        self.recheck_button.setEnabled(entry is not None and entry.open)
        self.reappeared_button.setEnabled(entry is not None and entry.status is TakedownStatus.REMOVED)

    # --- actions ----------------------------------------------------------------------------------------

    def add_takedown(self) -> None:
        """Read the cases to pick from (off the UI thread), then open the Add dialog."""
        self.message.clear_message()
        self._tasks.query(
            read_case_choices, self._open_add_dialog, owner=self, key="case-choices", on_failed=self._failed
        )

    def _open_add_dialog(self, cases: list[CaseChoice]) -> None:
        self._numbers.update((c.id, c.number) for c in cases)
        dialog = TakedownDialog(self._session, None, parent=self, cases=cases)
        self._open(dialog, self.tr("Recorded take-down #{id} for case {case}."))

    def change_status(self) -> TakedownStatusDialog | None:
        row = self.selected_row()
        if row is None:
            return None
        dialog = TakedownStatusDialog(self._session, row, self)
        self._open(dialog, self.tr("Take-down #{id} of case {case}: status saved."))
        return dialog

    def set_recheck(self) -> RecheckDialog | None:
        row = self.selected_row()
        if row is None or not row.takedown.open:
            return None
        dialog = RecheckDialog(self._session, row, self)
        self._open(dialog, self.tr("Take-down #{id} of case {case}: re-check date saved."))
        return dialog

    def mark_reappeared(self) -> ReappearedDialog | None:
        row = self.selected_row()
        if row is None or row.takedown.status is not TakedownStatus.REMOVED:
            return None
        dialog = ReappearedDialog(self._session, row, self)
        self._open(dialog, self.tr("Recorded take-down #{id} for case {case}: the material reappeared."))
        return dialog

    def _open(self, dialog: FormDialog, done: str) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda entry: self._saved(entry, done))
        dialog.open()

    def _saved(self, entry: object, done: str) -> None:
        if not isinstance(entry, Takedown):
            return
        number = self._numbers.get(entry.case_id, "")
        self._select_after_read = entry.id
        self._tasks.notify(Changes(takedowns=True).about(entry.case_id))
        self.message.show_success(done.format(id=entry.id, case=number or "—"))

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_case_requested.emit(self.model.row(index.row()).takedown.case_id)

    def _open_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.open_case_requested.emit(row.takedown.case_id)

    def clear(self) -> None:
        self.model.clear()
        self.listing = None
        self._loaded = False
