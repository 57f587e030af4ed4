"""Today: what needs the counselor now — open cases at urgent risk first, then follow-ups due or
overdue, referrals left unanswered past their follow-up date and take-downs whose re-check day has come.

Everything comes from one read off the UI thread (:meth:`TaskService.today` and the names it shows),
read again each time the page is shown and whenever a change made anywhere in the app concerns it
(nothing here is audit-logged as a case view; opening a case is). Each row opens its case with Enter
or a double-click; a follow-up can be marked done right here, and a take-down opens on the Take-downs
page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from safecase.domain.errors import SafeCaseError
from safecase.domain.users import DisplayNames
from safecase.services.people import display_names
from safecase.services.referrals import OrganizationService
from safecase.services.session import VaultSession
from safecase.services.takedowns import TakedownListing, TakedownService
from safecase.services.tasks import TaskService, TodayView
from safecase.services.taxonomies import PLATFORMS
from safecase.ui.common.taxonomy_labels import (
    referral_status_label,
    reported_to_label,
    status_label,
    takedown_status_label,
    task_kind_label,
    term_label,
)
from safecase.ui.common.widgets import ERROR_COLOR, Card, MessageLine, heading, help_text
from safecase.ui.tasks import Changes, TaskManager

MAX_CONTENT_WIDTH = 1040
CASE_ROLE = Qt.ItemDataRole.UserRole
TASK_ROLE = Qt.ItemDataRole.UserRole + 1
TAKEDOWN_ROLE = Qt.ItemDataRole.UserRole + 2


MAX_VISIBLE_ROWS = 8
MAX_ROWS = 100  # a list longer than this is no longer a to-do list; the Cases page has them all


@dataclass(frozen=True)
class TodayRead:
    view: TodayView
    names: DisplayNames
    organizations: dict[int, str]
    takedowns: TakedownListing


def read_today(reader: VaultSession) -> TodayRead:
    """On a worker thread: the lists and the names of counselors and organizations they show."""
    view = TaskService(reader).today()
    names = display_names(reader)
    organizations = {o.id: o.name for o in OrganizationService(reader).all(include_inactive=True)}
    takedowns = TakedownService(reader).due(view.today)  # the same day as every other list
    return TodayRead(view, names, organizations, takedowns)


def overdue_words(day: date, today: date) -> str:
    """ "2026-11-18 · overdue by 2 days", "… · overdue since yesterday" or "Today"."""
    late = (today - day).days
    if late > 1:
        return QCoreApplication.translate("TodayPage", "{date} · overdue by {days} days").format(
            date=day.isoformat(), days=late
        )
    if late == 1:
        return QCoreApplication.translate("TodayPage", "{date} · overdue since yesterday").format(date=day.isoformat())
    return QCoreApplication.translate("TodayPage", "Today")


def _list(parent: QWidget, headers: list[str], name: str, stretch: int) -> QTreeWidget:
    tree = QTreeWidget(parent)
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setUniformRowHeights(True)
    tree.setAlternatingRowColors(True)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    tree.setAccessibleName(name)
    tree.setFrameShape(QFrame.Shape.StyledPanel)
    tree.setTextElideMode(Qt.TextElideMode.ElideRight)
    tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    header = tree.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    # One column (the title, the organization) takes the room left and elides; the others fit.
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return tree


def _fit_height(tree: QTreeWidget) -> None:
    """As tall as its rows (up to a few), so short lists leave no empty box behind."""
    rows = min(tree.topLevelItemCount(), MAX_VISIBLE_ROWS)
    row_height = tree.sizeHintForRow(0) if rows else 0
    frame = tree.frameWidth() * 2
    tree.setFixedHeight(tree.header().sizeHint().height() + rows * row_height + frame + 2)


class TodaySection(Card):
    """A card with a list and the calm sentence shown instead when the list is empty."""

    def __init__(self, title: str, empty_text: str, headers: list[str], stretch: int, parent: QWidget) -> None:
        super().__init__(title, parent)
        self.list = _list(self, headers, title, stretch)
        self.empty_label = help_text(empty_text, self)
        self.more_label = help_text("", self)
        self.more_label.hide()
        self.body.addWidget(self.list)
        self.body.addWidget(self.empty_label)
        self.body.addWidget(self.more_label)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.open_button = QPushButton(self.tr("Open case"), self)
        self.buttons.addWidget(self.open_button)
        self.body.addLayout(self.buttons)
        self.list.currentItemChanged.connect(self._update_buttons)

    def set_items(self, items: list[QTreeWidgetItem], total: int) -> None:
        self.list.clear()
        self.list.addTopLevelItems(items)
        self.more_label.setVisible(total > len(items))
        self.more_label.setText(
            self.tr("Showing the first {shown} of {total}. The Cases page lists them all (Overdue only).").format(
                shown=len(items), total=QLocale().toString(total)
            )
        )
        empty = not items
        self.list.setVisible(not empty)
        self.empty_label.setVisible(empty)
        self.open_button.setVisible(not empty)
        _fit_height(self.list)
        # The page lays the cards out by height-for-width (their titles wrap) and answers from a cache:
        # without this a card kept the height of its list's previous size, a blank band around the title.
        self.body.invalidate()
        self.updateGeometry()
        self._update_buttons()

    def current_case(self) -> int | None:
        item = self.list.currentItem()
        value = item.data(0, CASE_ROLE) if item is not None else None
        return int(value) if value else None

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.current_case() is not None)


class TodayPage(QWidget):
    open_case_requested = Signal(int)
    takedown_requested = Signal(int)
    """Show this take-down (its id) on the Take-downs page."""

    def __init__(self, session: VaultSession, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._tasks = tasks
        self._task_service = TaskService(session)
        self.view: TodayView | None = None

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        holder = QWidget(scroll)
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        content = QWidget(holder)
        content.setMaximumWidth(MAX_CONTENT_WIDTH)
        row.addWidget(content, 1)
        row.addStretch(0)
        scroll.setWidget(holder)

        column = QVBoxLayout(content)
        column.setContentsMargins(28, 24, 28, 24)
        column.setSpacing(16)
        title_row = QHBoxLayout()
        title_row.addWidget(heading(self.tr("Today"), 1, content), 1)
        self.refresh_button = QPushButton(self.tr("Refresh"), content)
        self.refresh_button.setToolTip(self.tr("Read the lists again (F5)"))
        self.refresh_button.setShortcut(Qt.Key.Key_F5)
        title_row.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(title_row)
        self.date_label = help_text("", content)
        column.addWidget(self.date_label)
        self.message = MessageLine(content)
        column.addWidget(self.message)

        # Urgent cases first: a survivor at urgent risk comes before any list of chores, and the card must
        # be on screen without scrolling at 1366x768 (below three lists it was not).
        self.urgent = TodaySection(
            self.tr("Open cases at urgent risk"),
            self.tr("No open case is at urgent risk."),
            [self.tr("Case"), self.tr("Alias"), self.tr("Status"), self.tr("Counselors"), self.tr("Opened")],
            3,
            content,
        )
        column.addWidget(self.urgent)

        self.due = TodaySection(
            self.tr("My follow-ups"),
            self.tr("Nothing due today."),
            [self.tr("Due"), self.tr("Case"), self.tr("Follow-up"), self.tr("Kind")],
            2,
            content,
        )
        self.done_button = QPushButton(self.tr("Mark &done"), self.due)
        self.done_button.setToolTip(self.tr("Mark the selected follow-up as done"))
        self.due.buttons.insertWidget(1, self.done_button)
        column.addWidget(self.due)

        self.referrals = TodaySection(
            self.tr("Referrals waiting for an answer"),
            self.tr("No referral is waiting past its follow-up date."),
            [
                self.tr("Follow-up was due"),
                self.tr("Case"),
                self.tr("Organization"),
                self.tr("Sent"),
                self.tr("Status"),
            ],
            2,
            content,
        )
        column.addWidget(self.referrals)

        self.takedowns = TodaySection(
            self.tr("Take-downs to re-check"),
            self.tr("No take-down is due for a re-check."),
            [
                self.tr("Re-check"),
                self.tr("Case"),
                self.tr("Link"),
                self.tr("Platform"),
                self.tr("Reported to"),
                self.tr("Status"),
            ],
            2,
            content,
        )
        self.show_takedown_button = QPushButton(self.tr("Show in &Take-downs"), self.takedowns)
        self.show_takedown_button.setToolTip(
            self.tr("Open the Take-downs page to record what you found when you checked")
        )
        self.takedowns.buttons.insertWidget(1, self.show_takedown_button)
        column.addWidget(self.takedowns)

        self.hint = help_text(self.tr("Enter or double-click opens the case."), content)
        column.addWidget(self.hint)
        column.addStretch(1)

        for section in (self.urgent, self.due, self.referrals, self.takedowns):
            section.list.itemActivated.connect(lambda item, _col: self._open_item(item))
            section.open_button.clicked.connect(lambda _checked=False, s=section: self._open_current(s))
        self.due.list.currentItemChanged.connect(self._update_done_button)
        self.done_button.clicked.connect(self.mark_selected_done)
        self.takedowns.list.currentItemChanged.connect(self._update_takedown_button)
        self.show_takedown_button.clicked.connect(self._show_selected_takedown)
        self.refresh_button.clicked.connect(self.refresh)
        tasks.changed.connect(self._changed)

    # --- loading ----------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def _changed(self, changes: Changes) -> None:
        # Hidden, the page reads again when next shown (every show does).
        if (
            changes.tasks
            or changes.referrals
            or changes.cases
            or changes.organizations
            or changes.accounts
            or changes.takedowns
        ) and self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Read the lists again, off the UI thread; the newest read wins."""
        self.message.clear_message()
        self._tasks.query(read_today, self._show, owner=self, key="today", on_failed=self._failed)

    def _failed(self, error: SafeCaseError) -> None:
        self.message.show_error(error.message)

    def _show(self, read: TodayRead) -> None:
        self.view = read.view
        # The day the service chose the rows for, not the UI's own: they differ across midnight and
        # wherever the session's clock is not the system's.
        today = read.view.today
        # Dates read one way everywhere (2026-12-01), in Korean too; the weekday in the interface language.
        self.date_label.setText(
            self.tr("{date} ({weekday})").format(
                date=today.isoformat(), weekday=QLocale().dayName(today.isoweekday(), QLocale.FormatType.LongFormat)
            )
        )
        self._fill(read.view, today, read.names, read.organizations)
        self._fill_takedowns(read.takedowns, today)
        self.hint.setVisible(not self.hint.isHidden() or self.takedowns.list.topLevelItemCount() > 0)

    def _fill(self, view: TodayView, today: date, names: DisplayNames, organizations: dict[int, str]) -> None:
        bold = QFont(self.font())
        bold.setBold(True)
        alert = QBrush(QColor(ERROR_COLOR))

        due_items: list[QTreeWidgetItem] = []
        for row in view.due[:MAX_ROWS]:
            task = row.task
            late = (today - task.due_on).days
            when = overdue_words(task.due_on, today)
            item = QTreeWidgetItem([when, row.case_number or "—", task.title, task_kind_label(task.kind)])
            item.setToolTip(2, task.title)
            item.setData(0, CASE_ROLE, task.case_id or 0)
            item.setData(0, TASK_ROLE, task.id)
            if late > 0:
                item.setForeground(0, alert)
                item.setFont(0, bold)
            due_items.append(item)
        self.due.set_items(due_items, len(view.due))

        referral_items: list[QTreeWidgetItem] = []
        for referral_row in view.overdue_referrals[:MAX_ROWS]:
            referral = referral_row.referral
            due = referral.follow_up_due
            item = QTreeWidgetItem(
                [
                    due.isoformat() if due else "",
                    referral_row.case_number,
                    organizations.get(referral.organization_id, "—"),
                    referral.sent_on.isoformat() if referral.sent_on else "",
                    referral_status_label(referral.status),
                ]
            )
            item.setToolTip(2, item.text(2))
            item.setData(0, CASE_ROLE, referral.case_id)
            item.setForeground(0, alert)
            item.setFont(0, bold)
            referral_items.append(item)
        self.referrals.set_items(referral_items, len(view.overdue_referrals))

        urgent_items: list[QTreeWidgetItem] = []
        separator = self.tr(", ")
        for summary in view.urgent_cases[:MAX_ROWS]:
            item = QTreeWidgetItem(
                [
                    summary.number,
                    summary.alias,
                    status_label(summary.status),
                    names.join(summary.counselors, separator),
                    summary.opened_on.isoformat(),
                ]
            )
            item.setData(0, CASE_ROLE, summary.id)
            urgent_items.append(item)
        self.urgent.set_items(urgent_items, len(view.urgent_cases))
        self.hint.setVisible(bool(due_items or referral_items or urgent_items))
        self._update_done_button()

    def _fill_takedowns(self, listing: TakedownListing, today: date) -> None:
        bold = QFont(self.font())
        bold.setBold(True)
        alert = QBrush(QColor(ERROR_COLOR))
        items: list[QTreeWidgetItem] = []
        for row in listing.rows[:MAX_ROWS]:
            entry = row.takedown
            assert entry.recheck_on is not None  # due ones have a day
            link = entry.url or (
                self.tr("Evidence item #{id}").format(id=entry.evidence_id) if entry.evidence_id else ""
            )
            item = QTreeWidgetItem(
                [
                    overdue_words(entry.recheck_on, today),
                    row.case_number,
                    link,
                    term_label(PLATFORMS, entry.platform),
                    reported_to_label(entry.reported_to),
                    takedown_status_label(entry.status),
                ]
            )
            item.setToolTip(2, link)
            item.setToolTip(4, reported_to_label(entry.reported_to, full=True))
            item.setData(0, CASE_ROLE, entry.case_id)
            item.setData(0, TAKEDOWN_ROLE, entry.id)
            item.setFont(0, bold)
            if entry.recheck_on < today:
                item.setForeground(0, alert)
            items.append(item)
        self.takedowns.set_items(items, len(listing.rows))
        self.takedowns.more_label.setText(
            self.tr("Showing the first {shown} of {total}. The Take-downs page lists them all.").format(
                shown=len(items), total=QLocale().toString(len(listing.rows))
            )
        )
        self._update_takedown_button()

    def _update_takedown_button(self) -> None:
        self.show_takedown_button.setVisible(self.takedowns.list.topLevelItemCount() > 0)

    def _show_selected_takedown(self) -> None:
        item = self.takedowns.list.currentItem()
        value = item.data(0, TAKEDOWN_ROLE) if item is not None else None
        self.takedown_requested.emit(int(value) if value else 0)

    # --- actions ----------------------------------------------------------------------------------------

    def _open_item(self, item: QTreeWidgetItem) -> None:
        value = item.data(0, CASE_ROLE)
        if value:
            self.open_case_requested.emit(int(value))
        else:
            self.message.show_info(self.tr("This follow-up belongs to a contact that is not attached to a case."))

    def _open_current(self, section: TodaySection) -> None:
        item = section.list.currentItem()
        if item is not None:
            self._open_item(item)

    def _update_done_button(self) -> None:
        item = self.due.list.currentItem()
        self.done_button.setEnabled(item is not None)
        self.done_button.setVisible(self.due.list.topLevelItemCount() > 0)

    def mark_selected_done(self) -> None:
        item = self.due.list.currentItem()
        if item is None:
            return
        task_id = int(item.data(0, TASK_ROLE))
        case_id = int(item.data(0, CASE_ROLE) or 0)
        title = item.text(2)
        changes = Changes(tasks=True)
        try:
            self._tasks.write(
                lambda: self._task_service.set_done(task_id), changes.about(case_id) if case_id else changes
            )
        except SafeCaseError as exc:
            self.message.show_error(exc.message)
            return
        self.message.show_success(self.tr("Done: {title}").format(title=title))

    def clear(self) -> None:
        for section in (self.urgent, self.due, self.referrals, self.takedowns):
            section.list.clear()
        self.view = None
