"""Follow-ups and the Today view: what is due, what is overdue, which referrals went unanswered,
which cases are at urgent risk."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

from safecase.domain.audit import AuditAction
from safecase.domain.cases import OPEN_STATUSES, CaseFilter, CaseSummary, RiskLevel
from safecase.domain.errors import InputError
from safecase.domain.referrals import Referral
from safecase.domain.roles import Role
from safecase.domain.tasks import Task, TaskKind
from safecase.i18n import tr
from safecase.services.cases import CaseService, check_text_lengths, record_change, record_created
from safecase.services.casework_access import require_case, require_caseworker, visible_to
from safecase.services.referrals import ReferralService
from safecase.services.session import VaultSession
from safecase.vault.repositories.cases import CaseRepository
from safecase.vault.repositories.tasks import TaskRepository


@dataclass(frozen=True)
class TaskRow:
    task: Task
    case_number: str


@dataclass(frozen=True)
class ReferralRow:
    referral: Referral
    case_number: str


@dataclass(frozen=True)
class TodayView:
    due: list[TaskRow]
    overdue_referrals: list[ReferralRow]
    urgent_cases: list[CaseSummary]
    today: date
    """The day the lists were chosen for (the session's clock), so "overdue by" counts from it too."""


def flip(old: bool, new: bool) -> tuple[str, str]:
    return ("yes" if old else "no", "yes" if new else "no")


class TaskService:
    def __init__(self, session: VaultSession) -> None:
        self._session = session

    @property
    def _repo(self) -> TaskRepository:
        # Built per use: a re-key (session.replace_keys) closes and replaces the connection.
        return TaskRepository(self._session.conn)

    def create(self, case_id: int | None, title: str, due_on: date, owner: str = "") -> Task:
        session = self._session
        visible_to(session)
        title = title.strip()
        if not title:
            raise InputError(tr("A task needs a title."))
        check_text_lengths([title])
        owner = owner.strip() or session.user.name
        with session.write():
            if case_id is not None:
                require_case(session, case_id)
            if owner != session.user.name:
                self._check_owner(owner, case_id)
            task = Task(0, case_id, TaskKind.MANUAL, title, due_on, owner, None)
            task_id = self._repo.insert(task, session.user.name, session.clock.now())
            if case_id is not None:
                record_created(session, case_id, "task", task_id, task)
            session.log(AuditAction.TASK_CREATED, "task", str(task_id))
            return self._get(task_id)

    def set_done(self, task_id: int, done: bool = True) -> Task:
        session = self._session
        with session.write():
            task = self._visible(task_id)
            if task.done == done:
                return task
            self._repo.update(dataclasses.replace(task, done_at=session.clock.now() if done else None))
            if task.case_id is not None:
                record_change(session, task.case_id, "task", task_id, {"done": flip(not done, done)})
            session.log(AuditAction.TASK_UPDATED, "task", str(task_id), {"done": "yes" if done else "no"})
            return self._get(task_id)

    def reschedule(self, task_id: int, due_on: date) -> Task:
        session = self._session
        with session.write():
            task = self._visible(task_id)
            if task.due_on == due_on:
                return task
            self._repo.update(dataclasses.replace(task, due_on=due_on))
            if task.case_id is not None:
                changes = {"due_on": (task.due_on.isoformat(), due_on.isoformat())}
                record_change(session, task.case_id, "task", task_id, changes)
            session.log(AuditAction.TASK_UPDATED, "task", str(task_id), {"fields": "due_on"})
            return self._get(task_id)

    def for_case(self, case_id: int) -> list[Task]:
        require_case(self._session, case_id)
        return self._repo.for_case(case_id)

    def mine_due(self) -> list[Task]:
        """My open tasks due today or earlier."""
        visible_to(self._session)
        return self._repo.due_for(self._session.user.name, self._session.clock.today())

    def today(self) -> TodayView:
        """Everything for the Today view, in one call."""
        owner = visible_to(self._session)
        day = self._session.clock.today()  # one day for every list, and the one the view shows
        cases = CaseRepository(self._session.conn)
        due_tasks = self._repo.due_for(self._session.user.name, day)
        overdue = ReferralService(self._session).overdue()
        numbers = cases.numbers([t.case_id for t in due_tasks if t.case_id is not None] + [r.case_id for r in overdue])
        due = [TaskRow(t, numbers.get(t.case_id, "") if t.case_id is not None else "") for t in due_tasks]
        referrals = [ReferralRow(r, numbers.get(r.case_id, "")) for r in overdue]
        case_service = CaseService(self._session)
        urgent_ids = cases.ids(
            CaseFilter(statuses=OPEN_STATUSES, risks=frozenset({RiskLevel.URGENT}), sort=CaseFilter().sort),
            owner,
            day,
        )
        return TodayView(due, referrals, case_service.summaries(urgent_ids[:200]), day)

    def _check_owner(self, owner: str, case_id: int | None) -> None:
        """A task for someone else goes to an active caseworker who can open its case."""
        user = require_caseworker(self._session, owner)
        if (
            case_id is not None
            and Role.SUPERVISOR not in user.roles
            and not CaseRepository(self._session.conn).is_assigned(case_id, owner)
        ):
            raise InputError(tr("“{name}” does not work on this case.").format(name=owner))

    def _get(self, task_id: int) -> Task:
        task = self._repo.get(task_id)
        assert task is not None
        return task

    def _visible(self, task_id: int) -> Task:
        owner = visible_to(self._session)
        task = self._repo.get(task_id)
        if task is None or (
            owner is not None
            and task.owner != owner
            and (task.case_id is None or not CaseRepository(self._session.conn).is_assigned(task.case_id, owner))
        ):
            raise InputError(tr("That task does not exist."))
        return task
