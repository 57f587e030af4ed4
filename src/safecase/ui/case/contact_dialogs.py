"""Dialogs of the contact log: log or edit one contact, and attach an earlier unattached contact to a case.

Service calls take milliseconds and run on the UI thread (as the settings and audit pages do); a
refusal stays in the dialog on its error line (see :class:`~safecase.ui.common.form_dialog.FormDialog`),
so nothing typed is lost.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QFormLayout, QListWidget, QListWidgetItem, QWidget

from safecase.domain.contacts import Contact
from safecase.domain.errors import SafeCaseError
from safecase.domain.users import DisplayNames
from safecase.services.contacts import ContactService
from safecase.services.people import display_names
from safecase.services.session import VaultSession
from safecase.ui.case.contact_fields import ContactFields, FollowUpFields
from safecase.ui.common.form_dialog import FormDialog
from safecase.ui.common.taxonomy_labels import caller_type_label, channel_label
from safecase.ui.common.widgets import help_text


def first_line(text: str, limit: int = 90) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


def contact_time(contact: Contact) -> str:
    return contact.at.astimezone().strftime("%Y-%m-%d %H:%M")


class ContactDialog(FormDialog):
    """Log a new contact for a case, or edit one already logged; :attr:`saved` carries the saved Contact."""

    def __init__(
        self, session: VaultSession, case_id: int | None, contact: Contact | None = None, parent: QWidget | None = None
    ) -> None:
        title = self.tr("Edit contact") if contact else self.tr("Log a contact")
        super().__init__(title, self.tr("Save contact"), parent)
        self._service = ContactService(session)
        self._case_id = contact.case_id if contact is not None else case_id
        self._contact = contact
        self.setMinimumWidth(560)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields = ContactFields(self, with_time=True)
        self.follow_up = FollowUpFields(self)
        assert self.fields.at_edit is not None
        form.addRow(self.tr("When:"), self.fields.at_edit)
        form.addRow(self.tr("Channel:"), self.fields.channel_combo)
        form.addRow(self.tr("Direction:"), self.fields.direction_combo)
        form.addRow(self.tr("Caller:"), self.fields.caller_combo)
        form.addRow(self.tr("Duration:"), self.fields.duration_spin)
        form.addRow(self.tr("Summary:"), self.fields.summary_edit)
        form.addRow("", self.follow_up)
        self.body.addLayout(form)
        if contact is not None and contact.follow_up_needed:
            self.follow_up.set_values(True, contact.follow_up_due)
            self.body.addWidget(help_text(self.tr("Its follow-up task is on the Tasks tab; mark it done there."), self))
        if contact is not None:
            self.fields.set_contact(contact)
        self.fields.channel_combo.setFocus()

    def commit(self) -> Contact:
        contact = self.fields.contact(self._contact, self._case_id, self.follow_up)
        return self._service.update(contact) if self._contact else self._service.log(contact)


class AttachContactDialog(FormDialog):
    """Pick a contact logged without a case (an anonymous call) and attach it; :attr:`saved` carries it."""

    def __init__(self, session: VaultSession, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Attach a contact to this case"), self.tr("Attach"), parent)
        self._session = session
        self._service = ContactService(session)
        self._case_id = case_id
        self.setMinimumSize(620, 380)
        self.body.addWidget(
            help_text(
                self.tr(
                    "Calls logged without a case, newest first. Attaching moves the contact and its "
                    "follow-up task into this case."
                ),
                self,
            )
        )
        self.list = QListWidget(self)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setWordWrap(True)
        self.body.addWidget(self.list, 1)
        self.empty_label = help_text(self.tr("There are no contacts without a case."), self)
        self.body.addWidget(self.empty_label)
        self.list.itemActivated.connect(lambda _item: self.save())
        self.list.currentRowChanged.connect(lambda _row: self._update())
        self._load()

    def _load(self) -> None:
        names = DisplayNames()
        try:
            contacts = self._service.unattached()
            names = display_names(self._session)
        except SafeCaseError as exc:
            contacts = []
            self.error_line.show_error(exc.message)
        for contact in contacts:
            text = self.tr("{when} · {channel} · {caller} · {counselor}\n{summary}").format(
                when=contact_time(contact),
                channel=channel_label(contact.channel),
                caller=caller_type_label(contact.caller_type),
                counselor=names.of(contact.counselor),
                summary=first_line(contact.summary) or self.tr("(no summary)"),
            )
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, contact.id)
        self.list.setVisible(bool(contacts))
        self.empty_label.setVisible(not contacts)
        if contacts:
            self.list.setCurrentRow(0)
        self._update()

    def _update(self) -> None:
        self.save_button.setEnabled(self.list.currentItem() is not None)

    def select_contact(self, contact_id: int) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == contact_id:
                self.list.setCurrentRow(row)

    def commit(self) -> Contact:
        item = self.list.currentItem()
        assert item is not None, "Attach is enabled only with a contact chosen"
        return self._service.attach(int(item.data(Qt.ItemDataRole.UserRole)), self._case_id)
