"""The Contacts tab of a case: every call, chat and visit logged for it, newest first.

From here a counselor logs a contact, edits one, or attaches an earlier call that was logged
without a case (an anonymous first call from someone who later opened a case).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from safecase.domain.contacts import Contact
from safecase.domain.users import DisplayNames
from safecase.services.contacts import ContactService
from safecase.services.people import display_names
from safecase.services.session import VaultSession
from safecase.ui.case.contact_dialogs import AttachContactDialog, ContactDialog, contact_time, first_line
from safecase.ui.common.list_model import ListTableModel
from safecase.ui.common.record_list import RecordList
from safecase.ui.common.record_tab import RecordTab
from safecase.ui.common.taxonomy_labels import caller_type_label, channel_label, direction_label
from safecase.ui.tasks import Changes, TaskManager


class ContactsModel(ListTableModel[Contact]):
    WHEN, CHANNEL, DIRECTION, DURATION, CALLER, COUNSELOR, FOLLOW_UP, SUMMARY = range(8)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._names = DisplayNames()
        self._headers = [
            self.tr("When"),
            self.tr("Channel"),
            self.tr("Direction"),
            self.tr("Duration"),
            self.tr("Caller"),
            self.tr("Counselor"),
            self.tr("Follow-up"),
            self.tr("Summary"),
        ]

    def set_names(self, names: DisplayNames) -> None:
        """People's display names, for the Counselor column (set before the contacts)."""
        self._names = names

    def display(self, contact: Contact, column: int) -> str:
        if column == self.WHEN:
            return contact_time(contact)
        if column == self.CHANNEL:
            return channel_label(contact.channel)
        if column == self.DIRECTION:
            return direction_label(contact.direction)
        if column == self.DURATION:
            minutes = contact.duration_minutes
            return self.tr("{minutes} min").format(minutes=minutes) if minutes else ""
        if column == self.CALLER:
            return caller_type_label(contact.caller_type)
        if column == self.COUNSELOR:
            return self._names.of(contact.counselor)
        if column == self.FOLLOW_UP:
            return self._follow_up(contact)
        if column == self.SUMMARY:
            return first_line(contact.summary)
        return ""

    def tooltip(self, contact: Contact, column: int) -> str | None:
        return contact.summary if column == self.SUMMARY and contact.summary else None

    def _follow_up(self, contact: Contact) -> str:
        if not contact.follow_up_needed:
            return ""
        due = contact.follow_up_due
        return self.tr("due {day}").format(day=due.isoformat()) if isinstance(due, date) else self.tr("yes")


@dataclass(frozen=True)
class ContactsRead:
    contacts: list[Contact]
    names: DisplayNames


class CaseContactsTab(RecordTab[ContactsRead]):
    def __init__(self, session: VaultSession, case_id: int, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(session, case_id, tasks, parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 12, 12, 12)
        column.setSpacing(8)
        actions = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Log contact…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.attach_button = QPushButton(self.tr("Attach an earlier call…"), self)
        self.attach_button.setToolTip(self.tr("Attach a contact that was logged without a case"))
        actions.addWidget(self.add_button)
        actions.addWidget(self.edit_button)
        actions.addStretch(1)
        actions.addWidget(self.attach_button)
        column.addLayout(actions)
        self.model = ContactsModel(self)
        self.records: RecordList[Contact] = RecordList(
            self.model,
            self.tr("No contacts are logged for this case yet. Use “Log contact…” after each call, chat or visit."),
            lambda contact: contact.id,
            self,
        )
        self.table, self.empty_label = self.records.table, self.records.empty_label
        self.records.add_to(column)
        column.addWidget(self.message)

        self.add_button.clicked.connect(self.open_add)
        self.edit_button.clicked.connect(self.open_edit)
        self.attach_button.clicked.connect(self.open_attach)
        self.table.activated.connect(lambda _index: self.open_edit())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    # --- list -------------------------------------------------------------------------------------------

    def read(self, reader: VaultSession) -> ContactsRead:
        return ContactsRead(ContactService(reader).for_case(self.case_id), display_names(reader))

    def show_result(self, result: ContactsRead) -> None:
        self.model.set_names(result.names)
        self.records.show_records(result.contacts)
        self._update_buttons()

    def concerns(self, changes: Changes) -> bool:
        return changes.contacts

    def selected_contact(self) -> Contact | None:
        return self.records.selected()

    def select_contact(self, contact_id: int) -> None:
        self.records.select(contact_id)

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self.selected_contact() is not None)

    # --- actions ----------------------------------------------------------------------------------------

    def open_add(self) -> ContactDialog:
        dialog = ContactDialog(self._session, self.case_id, None, self)
        return self._open(dialog, self.tr("The contact was logged."))

    def open_edit(self) -> ContactDialog | None:
        contact = self.selected_contact()
        if contact is None:
            return None
        dialog = ContactDialog(self._session, self.case_id, contact, self)
        return self._open(dialog, self.tr("The contact was updated."))

    def _open(self, dialog: ContactDialog, done_text: str) -> ContactDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda contact: self._saved(contact, done_text))
        dialog.open()
        return dialog

    def open_attach(self) -> AttachContactDialog:
        dialog = AttachContactDialog(self._session, self.case_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda contact: self._saved(contact, self.tr("The contact was attached to this case.")))
        dialog.open()
        return dialog

    def _saved(self, contact: Contact, text: str) -> None:
        self.records.select_later(contact.id)
        self.message.show_success(text)
        # A follow-up asked for on the contact is a task of the case.
        self.announce(Changes(contacts=True, tasks=contact.follow_up_needed))
