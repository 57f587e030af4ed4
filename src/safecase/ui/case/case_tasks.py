"""The Tasks tab of a case window: the case's follow-ups, open ones first, and adding one.

Follow-ups for referrals and for contacts marked "follow-up needed" are made by the services; this
tab adds the ones a counselor thinks of (title, due date, for whom) and marks any of them done.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, QObject, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from safecase.domain.errors import SafeCaseError
from safecase.domain.tasks import Task
from safecase.domain.users import DisplayNames
from safecase.services.cases import CaseService
from safecase.services.casework_access import reassigns_cases
from safecase.services.people import display_names
from safecase.services.session import VaultSession
from safecase.services.tasks import TaskService
from safecase.ui.common.list_model import ListTableModel
from safecase.ui.common.record_list import RecordList
from safecase.ui.common.record_tab import RecordTab
from safecase.ui.common.taxonomy_labels import task_kind_label
from safecase.ui.common.widgets import ERROR_COLOR
from safecase.ui.tasks import Changes, TaskManager

DEFAULT_DUE_DAYS = 7


def ordered(tasks: list[Task]) -> list[Task]:
    """Open tasks by due date, then done ones, most recently done first."""
    open_tasks = sorted((t for t in tasks if not t.done), key=lambda t: (t.due_on, t.id))
    done = sorted(
        (t for t in tasks if t.done), key=lambda t: (t.done_at.isoformat() if t.done_at else "", t.id), reverse=True
    )
    return open_tasks + done


class TasksModel(ListTableModel[Task]):
    DUE, TITLE, OWNER, KIND, DONE = range(5)

    def __init__(self, today: Callable[[], date], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._names = DisplayNames()
        self._headers = [self.tr("Due"), self.tr("Follow-up"), self.tr("For"), self.tr("Kind"), self.tr("Done")]

    def set_names(self, names: DisplayNames) -> None:
        """People's display names, for the "For" column (set before the tasks)."""
        self._names = names

    def _overdue(self, task: Task, column: int) -> bool:
        return column == self.DUE and task.is_overdue(self._today())

    def display(self, task: Task, column: int) -> str:
        if column == self.DUE:
            due = task.due_on.isoformat()
            return self.tr("{date} · overdue").format(date=due) if self._overdue(task, column) else due
        if column == self.TITLE:
            return task.title
        if column == self.OWNER:
            return self._names.of(task.owner)
        if column == self.KIND:
            return task_kind_label(task.kind)
        if column == self.DONE:
            return task.done_at.astimezone().strftime("%Y-%m-%d") if task.done_at else ""
        return ""

    def tooltip(self, task: Task, column: int) -> str | None:
        return task.title if column == self.TITLE else None

    def foreground(self, task: Task, column: int) -> QColor | None:
        if task.done:
            return QColor(Qt.GlobalColor.gray)
        return QColor(ERROR_COLOR) if self._overdue(task, column) else None

    def font(self, task: Task, column: int) -> QFont | None:
        if not self._overdue(task, column):
            return None
        font = QFont()
        font.setBold(True)
        return font


@dataclass(frozen=True)
class TasksRead:
    tasks: list[Task]
    names: DisplayNames
    workers: dict[str, str]
    """Sign-in name → display name of whoever may be given a follow-up (enabled caseworkers)."""


class CaseTasksTab(RecordTab[TasksRead]):
    def __init__(
        self,
        session: VaultSession,
        case_id: int,
        tasks: TaskManager,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(session, case_id, tasks, parent)
        self._service = TaskService(session)
        self._workers: dict[str, str] = {}

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

        self.model = TasksModel(today, self)
        self.records: RecordList[Task] = RecordList(
            self.model,
            self.tr(
                "No follow-ups for this case yet. Referrals and contacts marked “follow-up needed” add theirs here."
            ),
            lambda task: task.id,
            self,
        )
        self.table, self.empty_label = self.records.table, self.records.empty_label
        self.table.setAccessibleName(self.tr("Follow-ups"))
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TasksModel.TITLE, QHeaderView.ResizeMode.Stretch)
        self.records.add_to(column)

        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        self.done_button = QPushButton(self.tr("Mark &done"), self)
        bottom.addWidget(self.done_button)
        column.addLayout(bottom)

        self._fill_owners()
        self.add_button.clicked.connect(self.add_task)
        self.title_edit.returnPressed.connect(self.add_task)
        self.title_edit.textChanged.connect(self._update_buttons)
        self.done_button.clicked.connect(self.toggle_done)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.activated.connect(lambda _index: self.toggle_done())
        self._update_buttons()

    # --- loading ----------------------------------------------------------------------------------------

    def read(self, reader: VaultSession) -> TasksRead:
        tasks = TaskService(reader).for_case(self.case_id)
        workers = {u.name: u.display_name for u in CaseService(reader).caseworkers()}
        return TasksRead(ordered(tasks), display_names(reader), workers)

    def show_result(self, result: TasksRead) -> None:
        self._workers = result.workers
        self._fill_owners()
        self.model.set_names(result.names)
        self.records.show_records(result.tasks)
        if self.records.selected() is None and result.tasks:
            self.table.selectRow(0)
        self._update_buttons()

    def concerns(self, changes: Changes) -> bool:
        # Reassigning a case hands its follow-ups over (and changes who may be picked).
        return changes.tasks or changes.cases

    def _fill_owners(self) -> None:
        current = self.owner_combo.currentData() or self._session.user.name
        self.owner_combo.clear()
        me = self._session.user
        self.owner_combo.addItem(self.tr("me ({name})").format(name=me.display_name), me.name)
        if reassigns_cases(self._session):
            for name, display in sorted(self._workers.items(), key=lambda kv: kv[1]):
                if name != me.name:
                    self.owner_combo.addItem(display, name)
        self.owner_combo.setCurrentIndex(max(self.owner_combo.findData(current), 0))

    def selected_task(self) -> Task | None:
        return self.records.selected()

    def current_task_id(self) -> int | None:
        task = self.selected_task()
        return task.id if task is not None else None

    def task_titles(self) -> list[str]:
        return [task.title for task in self.model.items()]

    def select_task(self, title: str) -> None:
        task = next((t for t in self.model.items() if t.title == title), None)
        if task is not None:
            self.records.select(task.id)

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(bool(self.title_edit.text().strip()))
        task = self.selected_task()
        self.done_button.setEnabled(task is not None)
        self.done_button.setVisible(self.model.rowCount() > 0)
        self.done_button.setText(self.tr("Reope&n") if task is not None and task.done else self.tr("Mark &done"))

    # --- actions ----------------------------------------------------------------------------------------

    def add_task(self) -> None:
        title = self.title_edit.text().strip()
        if not title:
            return
        due = self.due_edit.date()
        owner = str(self.owner_combo.currentData() or "")
        try:
            task = self.write(
                lambda: self._service.create(self.case_id, title, date(due.year(), due.month(), due.day()), owner),
                Changes(tasks=True),
            )
        except SafeCaseError as exc:
            self.message.show_error(exc.message)
            return
        self.title_edit.clear()
        self.due_edit.setDate(QDate.currentDate().addDays(DEFAULT_DUE_DAYS))
        self.records.select_later(task.id)
        self.message.show_success(self.tr("Follow-up added."))

    def toggle_done(self) -> None:
        task = self.selected_task()
        if task is None:
            return
        done = not task.done
        try:
            self.write(lambda: self._service.set_done(task.id, done), Changes(tasks=True))
        except SafeCaseError as exc:
            self.message.show_error(exc.message)
            return
        self.message.show_success(self.tr("Marked done.") if done else self.tr("Reopened."))
