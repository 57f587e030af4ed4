"""The contact log. A contact may be logged without a case (an anonymous one-off call) and attached later.

"Follow-up needed" creates a task for the counselor, due on the date given (tomorrow by default).
"""

from __future__ import annotations

import dataclasses
from datetime import timedelta

from safecase.domain.audit import AuditAction
from safecase.domain.contacts import Contact
from safecase.domain.errors import InputError
from safecase.domain.tasks import Task, TaskKind
from safecase.i18n import tr
from safecase.services.cases import check_text_lengths, diff, record_change, record_created, reindex
from safecase.services.casework_access import require_case, require_caseworker, visible_to
from safecase.services.session import VaultSession
from safecase.vault.repositories.contacts import ContactRepository
from safecase.vault.repositories.tasks import TaskRepository

MAX_DURATION_MINUTES = 24 * 60


class ContactService:
    def __init__(self, session: VaultSession) -> None:
        self._session = session

    @property
    def _repo(self) -> ContactRepository:
        # Built per use: a re-key (session.replace_keys) closes and replaces the connection.
        return ContactRepository(self._session.conn)

    def log(self, contact: Contact) -> Contact:
        """Record a contact (``contact.id`` is ignored). The counselor is the signed-in user unless given.

        With "follow-up needed" and no date, the follow-up is due tomorrow.
        """
        session = self._session
        visible_to(session)
        contact = self._checked(dataclasses.replace(contact, counselor=contact.counselor or session.user.name))
        with session.write():
            if contact.case_id is not None:
                require_case(session, contact.case_id)
            if contact.counselor != session.user.name:
                require_caseworker(session, contact.counselor)  # logged for someone else
            stored = self._repo.insert(contact, session.clock.now())
            if contact.follow_up_needed:
                self._add_follow_up(dataclasses.replace(contact, id=stored.id))  # titled with the day as given
            if stored.case_id is not None:
                record_created(session, stored.case_id, "contact", stored.id, contact)
                reindex(session, stored.case_id)
            session.log(AuditAction.CONTACT_LOGGED, "contact", str(stored.id), {"case": str(stored.case_id or "")})
            return stored

    def update(self, contact: Contact) -> Contact:
        session = self._session
        with session.write():
            old = self._visible(contact.id)
            new = self._checked(dataclasses.replace(contact, counselor=contact.counselor or old.counselor))
            if new.case_id is not None and new.case_id != old.case_id:
                require_case(session, new.case_id)  # never move a contact into a case one may not work on
            if new.counselor != old.counselor:
                require_caseworker(session, new.counselor)
            changes = diff(old, new)
            if old.case_id != new.case_id:
                changes["case_id"] = (str(old.case_id or ""), str(new.case_id or ""))
            if not changes:
                return old
            self._repo.update(new, session.clock.now())
            self._sync_follow_up(new)
            for case_id in {old.case_id, new.case_id} - {None}:
                assert case_id is not None
                record_change(session, case_id, "contact", new.id, changes)
                reindex(session, case_id)
            session.log(AuditAction.CONTACT_UPDATED, "contact", str(new.id), {"fields": ",".join(sorted(changes))})
            return self._get(new.id)

    def attach(self, contact_id: int, case_id: int) -> Contact:
        """Attach an unattached contact (and its follow-up task) to a case."""
        with self._session.write():
            contact = self._visible(contact_id)
            if contact.case_id is not None:
                raise InputError(tr("This contact already belongs to a case."))
            require_case(self._session, case_id)
            return self.update(dataclasses.replace(contact, case_id=case_id))

    def for_case(self, case_id: int) -> list[Contact]:
        require_case(self._session, case_id)
        return self._repo.for_case(case_id)

    def unattached(self) -> list[Contact]:
        """Contacts without a case: one's own, or everyone's for a supervisor."""
        return self._repo.unattached(visible_to(self._session))

    def _get(self, contact_id: int) -> Contact:
        contact = self._repo.get(contact_id)
        assert contact is not None
        return contact

    def _visible(self, contact_id: int) -> Contact:
        owner = visible_to(self._session)
        contact = self._repo.get(contact_id)
        if contact is None:
            raise InputError(tr("That contact does not exist."))
        if contact.case_id is not None:
            require_case(self._session, contact.case_id)
        elif owner is not None and contact.counselor != owner:
            raise InputError(tr("That contact does not exist."))
        return contact

    def _checked(self, contact: Contact) -> Contact:
        check_text_lengths([contact.summary])
        if contact.duration_minutes is not None and not 0 <= contact.duration_minutes <= MAX_DURATION_MINUTES:
            raise InputError(tr("The duration must be between 0 and {max} minutes.").format(max=MAX_DURATION_MINUTES))
        if contact.follow_up_needed and contact.follow_up_due is None:
            contact = dataclasses.replace(contact, follow_up_due=self._session.clock.today() + timedelta(days=1))
        return dataclasses.replace(contact, summary=contact.summary.strip())

    def _sync_follow_up(self, contact: Contact) -> None:
        """Keep the contact's open follow-up task in step: created, moved to the new date, or closed."""
        tasks = TaskRepository(self._session.conn)
        open_tasks = tasks.open_for_contact(contact.id)
        if not contact.follow_up_needed:
            for task in open_tasks:
                tasks.update(dataclasses.replace(task, done_at=self._session.clock.now()))
                self._session.log(AuditAction.TASK_UPDATED, "task", str(task.id), {"done": "yes"})
            return
        if not open_tasks:
            self._add_follow_up(contact)
            return
        assert contact.follow_up_due is not None
        for task in open_tasks:
            if task.due_on != contact.follow_up_due or task.case_id != contact.case_id:
                tasks.update(dataclasses.replace(task, due_on=contact.follow_up_due, case_id=contact.case_id))
                self._session.log(AuditAction.TASK_UPDATED, "task", str(task.id), {"fields": "due_on"})

    def _add_follow_up(self, contact: Contact) -> None:
        assert contact.follow_up_due is not None
        task = Task(
            id=0,
            case_id=contact.case_id,
            kind=TaskKind.CONTACT_FOLLOW_UP,
            title=tr("Follow up on the contact of {day}").format(day=contact.at.date().isoformat()),
            due_on=contact.follow_up_due,
            owner=contact.counselor,
            done_at=None,
            contact_id=contact.id,
        )
        task_id = TaskRepository(self._session.conn).insert(task, self._session.user.name, self._session.clock.now())
        self._session.log(AuditAction.TASK_CREATED, "task", str(task_id))
