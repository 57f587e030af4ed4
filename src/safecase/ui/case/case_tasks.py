"""The Tasks tab of a case window: the case's follow-ups, open ones first, and adding one.

Follow-ups for referrals and for contacts marked "follow-up needed" are made by the services; this
tab adds the ones a counselor thinks of (title, due date, for whom) and marks any of them done.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from safecase.domain.errors import SafeCaseError
from safecase.domain.tasks import Task
from safecase.services.cases import CaseService
from safecase.services.casework_access import reassigns_cases
from safecase.services.session import VaultSession
from safecase.services.tasks import TaskService
from safecase.ui.common.taxonomy_labels import task_kind_label
from safecase.ui.common.widgets import ERROR_COLOR, MessageLine, help_text

DEFAULT_DUE_DAYS = 7
TASK_ROLE = Qt.ItemDataRole.UserRole
DONE_ROLE = Qt.ItemDataRole.UserRole + 1


def ordered(tasks: list[Task]) -> list[Task]:
    """Open tasks by due date, then done ones, most recently done first."""
    open_tasks = sorted((t for t in tasks if not t.done), key=lambda t: (t.due_on, t.id))
    done = sorted(
        (t for t in tasks if t.done), key=lambda t: (t.done_at.isoformat() if t.done_at else "", t.id), reverse=True
    )
    return open_tasks + done


class CaseTasksTab(QWidget):
    changed = Signal()
    """A task was added or marked done here."""

    def __init__(self, session: VaultSession, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._case_id = case_id
        self._service = TaskService(session)
        self._cases = CaseService(session)
        self._loaded = False
        self._names: dict[str, str] = {}

        column = QVBoxLayout(self)
        column.setContentsMargins(12, 12, 12, 12)
        column.setSpacing(10)

        add_row = QHBoxLayout()
        add_row.setSpacing(6)
        title_label = QLabel(self.tr("New &follow-up:"), self)
        self.title_edit = QLineEdit(self)
        self.title_edit.setMaxLength(500)
        self.title_edit.setPlaceholderText(self.tr("for example: call back about the deletion request"))
        title_label.setBuddy(self.title_edit)
        due_label = QLabel(self.tr("d&ue"), self)
        self.due_edit = QDateEdit(self)
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("yyyy-MM-dd")
        self.due_edit.setDate(QDate.currentDate().addDays(DEFAULT_DUE_DAYS))
        self.due_edit.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        due_label.setBuddy(self.due_edit)
        owner_label = QLabel(self.tr("for"), self)
        self.owner_combo = QComboBox(self)
        self.owner_combo.setAccessibleName(self.tr("For whom"))
        self.add_button = QPushButton(self.tr("&Add"), self)
        add_row.addWidget(title_label)
        add_row.addWidget(self.title_edit, 1)
        add_row.addWidget(due_label)
        add_row.addWidget(self.due_edit)
        add_row.addWidget(owner_label)
        add_row.addWidget(self.owner_combo)
        add_row.addWidget(self.add_button)
        column.addLayout(add_row)

        self.list = QTreeWidget(self)
        self.list.setHeaderLabels(
            [self.tr("Due"), self.tr("Follow-up"), self.tr("For"), self.tr("Kind"), self.tr("Done")]
        )
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAccessibleName(self.tr("Follow-ups"))
        header = self.list.header()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        column.addWidget(self.list, 1)
        self.empty_label = help_text(
            self.tr(
                "No follow-ups for this case yet. Referrals and contacts marked “follow-up needed” add theirs here."
            ),
            self,
        )
        column.addWidget(self.empty_label)

        bottom = QHBoxLayout()
        self.message = MessageLine(self)
        bottom.addWidget(self.message, 1)
        self.done_button = QPushButton(self.tr("Mark &done"), self)
        bottom.addWidget(self.done_button)
        column.addLayout(bottom)

        self.add_button.clicked.connect(self.add_task)
        self.title_edit.returnPressed.connect(self.add_task)
        self.title_edit.textChanged.connect(self._update_buttons)
        self.done_button.clicked.connect(self.toggle_done)
        self.list.currentItemChanged.connect(self._update_buttons)
        self.list.itemActivated.connect(lambda _item, _col: self.toggle_done())
        self._update_buttons()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.refresh()

    # --- loading ----------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._loaded = True
        try:
            tasks = self._service.for_case(self._case_id)
            workers = self._cases.caseworkers()
        except SafeCaseError as exc:
            self.message.show_error(exc.message)
            return
        self._names = {u.name: u.display_name for u in workers}
        self._fill_owners()
        self._fill(tasks)

    def _fill_owners(self) -> None:
        current = self.owner_combo.currentData() or self._session.user.name
        self.owner_combo.clear()
        me = self._session.user
        self.owner_combo.addItem(self.tr("me ({name})").format(name=me.display_name), me.name)
        if reassigns_cases(self._session):
            for name, display in sorted(self._names.items(), key=lambda kv: kv[1]):
                if name != me.name:
                    self.owner_combo.addItem(display, name)
        self.owner_combo.setCurrentIndex(max(self.owner_combo.findData(current), 0))

    def _fill(self, tasks: list[Task]) -> None:
        selected = self.current_task_id()
        today = date.today()
        alert = QBrush(QColor(ERROR_COLOR))
        bold = QFont(self.font())
        bold.setBold(True)
        self.list.clear()
        for task in ordered(tasks):
            overdue = task.is_overdue(today)
            due = task.due_on.isoformat()
            if overdue:
                due = self.tr("{date} · overdue").format(date=due)
            done = task.done_at.astimezone().strftime("%Y-%m-%d") if task.done_at else ""
            item = QTreeWidgetItem(
                [due, task.title, self._names.get(task.owner, task.owner), task_kind_label(task.kind), done]
            )
            item.setData(0, TASK_ROLE, task.id)
            item.setData(0, DONE_ROLE, task.done)
            if overdue:
                item.setForeground(0, alert)
                item.setFont(0, bold)
            if task.done:
                muted = QBrush(self.palette().color(self.palette().ColorRole.PlaceholderText))
                for column in range(5):
                    item.setForeground(column, muted)
            self.list.addTopLevelItem(item)
            if task.id == selected:
                self.list.setCurrentItem(item)
        empty = not tasks
        self.list.setVisible(not empty)
        self.empty_label.setVisible(empty)
        first = self.list.topLevelItem(0)
        if self.list.currentItem() is None and first is not None:
            self.list.setCurrentItem(first)
        self._update_buttons()

    def current_task_id(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(0, TASK_ROLE)) if item is not None else None

    def task_titles(self) -> list[str]:
        items = (self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount()))
        return [item.text(1) for item in items if item is not None]

    def select_task(self, title: str) -> None:
        for i in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(i)
            if item is not None and item.text(1) == title:
                self.list.setCurrentItem(item)
                return

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(bool(self.title_edit.text().strip()))
        item = self.list.currentItem()
        self.done_button.setEnabled(item is not None)
        self.done_button.setVisible(self.list.topLevelItemCount() > 0)
        is_done = bool(item.data(0, DONE_ROLE)) if item is not None else False
        self.done_button.setText(self.tr("Reope&n") if is_done else self.tr("Mark &done"))

    # --- actions ----------------------------------------------------------------------------------------

    def add_task(self) -> None:
        title = self.title_edit.text().strip()
        if not title:
            return
        due = self.due_edit.date()
        try:
            task = self._service.create(
                self._case_id,
                title,
                date(due.year(), due.month(), due.day()),
                str(self.owner_combo.currentData() or ""),
            )
        except SafeCaseError as exc:
            self.message.show_error(exc.message)
            return
        self.title_edit.clear()
        self.due_edit.setDate(QDate.currentDate().addDays(DEFAULT_DUE_DAYS))
        self.refresh()
        self.select_task(task.title)
        self.message.show_success(self.tr("Follow-up added."))
        self.changed.emit()

    def toggle_done(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        task_id = int(item.data(0, TASK_ROLE))
        done = not bool(item.data(0, DONE_ROLE))
        try:
            self._service.set_done(task_id, done)
        except SafeCaseError as exc:
            self.message.show_error(exc.message)
            return
        self.refresh()
        self.message.show_success(self.tr("Marked done.") if done else self.tr("Reopened."))
        self.changed.emit()
