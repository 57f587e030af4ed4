"""The referral directory: organizations a center refers survivors to.

Everyone who does casework, and administrators, may read the directory and add to it; supervisors
and administrators edit and deactivate entries (a deactivated organization stays on the referrals that name it but is
no longer offered for new ones). The buttons follow the service's own predicates
(``adds_to_directory``, ``edits_directory``); the service decides.
"""

from __future__ import annotations

import dataclasses
import unicodedata

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from safecase.domain.errors import SafeCaseError
from safecase.domain.referrals import Organization, OrganizationType
from safecase.services.referrals import OrganizationService, adds_to_directory, edits_directory
from safecase.services.session import VaultSession
from safecase.ui.case.contact_fields import CodeCombo, notes_edit, plain_text
from safecase.ui.common.form_dialog import FormDialog
from safecase.ui.common.list_model import ListTableModel
from safecase.ui.common.messages import confirm
from safecase.ui.common.taxonomy_labels import choices, organization_type_label
from safecase.ui.common.widgets import MessageLine, heading, help_text, record_table, selected_row
from safecase.ui.tasks import TaskManager


def _key(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


class OrganizationsModel(ListTableModel[Organization]):
    NAME, TYPE, CONTACT, NOTES = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr("Organization"), self.tr("Type"), self.tr("Contact"), self.tr("Notes")]

    def set_organizations(self, orgs: list[Organization]) -> None:
        self.set_items(orgs)

    def organization(self, row: int) -> Organization:
        return self.item(row)

    def row_of(self, org_id: int) -> int:
        return self.row_where(lambda org: org.id == org_id)

    def display(self, org: Organization, column: int) -> str:
        if column == self.NAME:
            return org.name if org.active else self.tr("{name} (inactive)").format(name=org.name)
        if column == self.TYPE:
            return organization_type_label(org.org_type)
        if column == self.CONTACT:
            return org.contact
        if column == self.NOTES:
            return org.notes
        return ""

    def tooltip(self, org: Organization, column: int) -> str | None:
        return self.display(org, column)

    def foreground(self, org: Organization, column: int) -> QColor | None:
        return None if org.active else QPalette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)


class OrganizationPicker(QWidget):
    """The directory as a filtered table: a type filter, a search line and the matching organizations."""

    selection_changed = Signal()
    activated = Signal()

    def __init__(self, session: VaultSession, parent: QWidget | None = None, include_inactive: bool = False) -> None:
        super().__init__(parent)
        self._service = OrganizationService(session)
        self._all: list[Organization] = []
        self._include_inactive = include_inactive
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        self.type_combo = CodeCombo(
            choices(OrganizationType, organization_type_label), self, empty_label=self.tr("All types")
        )
        self.type_combo.setAccessibleName(self.tr("Organization type"))
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Search name, contact or notes"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName(self.tr("Search the directory"))
        filters.addWidget(self.type_combo)
        filters.addWidget(self.search_edit, 1)
        column.addLayout(filters)
        self.model = OrganizationsModel(self)
        self.table = record_table(self.model, self)
        column.addWidget(self.table, 1)
        self.empty_label = help_text(self.tr("No organization matches."), self)
        column.addWidget(self.empty_label)
        self.message = MessageLine(self)
        column.addWidget(self.message)
        self.type_combo.currentIndexChanged.connect(lambda _i: self._apply())
        self.search_edit.textChanged.connect(lambda _t: self._apply())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.selection_changed.emit())
        self.table.activated.connect(lambda _index: self.activated.emit())
        self.reload()

    def set_include_inactive(self, include: bool) -> None:
        self._include_inactive = include
        self.reload()

    def reload(self, select: int | None = None) -> None:
        current = self.selected()
        try:
            self._all = self._service.all(include_inactive=self._include_inactive)
        except SafeCaseError as exc:
            self._all = []
            self.message.show_error(exc.message)
        self._apply(select if select is not None else (current.id if current else None))

    def _apply(self, select: int | None = None) -> None:
        if select is None:
            current = self.selected()
            select = current.id if current else None
        org_type = self.type_combo.code()
        needle = _key(self.search_edit.text().strip())
        shown = [
            o
            for o in self._all
            if (not org_type or o.org_type == org_type)
            and (not needle or needle in _key(f"{o.name}\n{o.contact}\n{o.notes}"))
        ]
        self.model.set_organizations(shown)
        self.empty_label.setVisible(not shown)
        # The first match is chosen, so typing a few letters and saving is enough.
        row = self.model.row_of(select) if select is not None else -1
        if row < 0 and shown:
            row = 0
        if row >= 0:
            self.table.selectRow(row)
        self.selection_changed.emit()

    def select(self, org_id: int) -> None:
        """Show and select ``org_id``, clearing filters that would hide it."""
        if self.model.row_of(org_id) < 0:
            self.type_combo.setCurrentIndex(0)
            self.search_edit.clear()
        self.reload(select=org_id)

    def selected(self) -> Organization | None:
        row = selected_row(self.table)
        return self.model.organization(row) if row >= 0 else None


class OrganizationEditDialog(FormDialog):
    """Add an organization to the directory, or edit one (supervisors and administrators).

    :attr:`saved` carries the saved Organization.
    """

    def __init__(self, session: VaultSession, org: Organization | None = None, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Edit organization") if org else self.tr("Add to the directory"),
            self.tr("Save") if org else self.tr("Add organization"),
            parent,
        )
        self._service = OrganizationService(session)
        self._org = org
        self.setMinimumWidth(520)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(200)
        self.type_combo = CodeCombo(choices(OrganizationType, organization_type_label), self)
        self.contact_edit = QLineEdit(self)
        self.contact_edit.setPlaceholderText(self.tr("phone, e-mail, address or person to ask for"))
        self.notes_edit = notes_edit(self, self.tr("what they do, opening hours, how to refer"), lines=3)
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("Type:"), self.type_combo)
        form.addRow(self.tr("Contact:"), self.contact_edit)
        form.addRow(self.tr("Notes:"), self.notes_edit)
        self.body.addLayout(form)
        self.type_combo.set_code(OrganizationType.OTHER)
        if org is not None:
            self.name_edit.setText(org.name)
            self.type_combo.set_code(org.org_type)
            self.contact_edit.setText(org.contact)
            self.notes_edit.setPlainText(org.notes)
        self.name_edit.setFocus()

    def set_type(self, org_type: str) -> None:
        if org_type:
            self.type_combo.set_code(org_type)

    def commit(self) -> Organization:
        org_type = OrganizationType(self.type_combo.code())
        if self._org is None:
            return self._service.add(
                self.name_edit.text(), org_type, self.contact_edit.text(), plain_text(self.notes_edit)
            )
        return self._service.update(
            dataclasses.replace(
                self._org,
                name=self.name_edit.text(),
                org_type=org_type,
                contact=self.contact_edit.text(),
                notes=plain_text(self.notes_edit),
            )
        )


class OrganizationsDialog(QDialog):
    """The whole directory, with add for everyone who may read it and edit/deactivate for supervisors and admins."""

    changed = Signal()

    def __init__(self, session: VaultSession, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._tasks = tasks
        self._service = OrganizationService(session)
        editor = edits_directory(session)
        self.setWindowTitle(self.tr("Referral directory"))
        self.resize(860, 560)
        column = QVBoxLayout(self)
        column.setSpacing(10)
        column.addWidget(heading(self.tr("Referral directory"), 2, self))
        column.addWidget(
            help_text(
                self.tr("Organizations survivors are referred to.")
                + " "
                + (
                    self.tr("Deactivated entries stay on earlier referrals but are not offered for new ones.")
                    if editor
                    else self.tr("Supervisors and administrators can edit or deactivate entries.")
                ),
                self,
            )
        )
        self.picker = OrganizationPicker(session, self)
        column.addWidget(self.picker, 1)
        actions = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.active_button = QPushButton(self.tr("Deactivate…"), self)
        self.inactive_check = QCheckBox(self.tr("Show inactive"), self)
        self.add_button.setVisible(adds_to_directory(session))
        for widget in (self.edit_button, self.active_button, self.inactive_check):
            widget.setVisible(editor)
        actions.addWidget(self.add_button)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.active_button)
        actions.addStretch(1)
        actions.addWidget(self.inactive_check)
        column.addLayout(actions)
        self.message = MessageLine(self)
        column.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)

        self.add_button.clicked.connect(self.open_add)
        self.edit_button.clicked.connect(self.open_edit)
        self.active_button.clicked.connect(self.toggle_active)
        self.inactive_check.toggled.connect(self.picker.set_include_inactive)
        self.picker.selection_changed.connect(self._update_buttons)
        if editor:
            self.picker.activated.connect(self.open_edit)
        self._update_buttons()
        self.picker.search_edit.setFocus()

    def _update_buttons(self) -> None:
        org = self.picker.selected()
        self.edit_button.setEnabled(org is not None)
        self.active_button.setEnabled(org is not None)
        self.active_button.setText(
            self.tr("Reactivate") if org is not None and not org.active else self.tr("Deactivate…")
        )

    def open_add(self) -> OrganizationEditDialog:
        dialog = OrganizationEditDialog(self._session, None, self)
        dialog.set_type(self.picker.type_combo.code())
        return self._open(dialog, self.tr("“{name}” was added to the directory."))

    def open_edit(self) -> OrganizationEditDialog | None:
        org = self.picker.selected()
        if org is None:
            return None
        return self._open(OrganizationEditDialog(self._session, org, self), self.tr("“{name}” was saved."))

    def _open(self, dialog: OrganizationEditDialog, done_text: str) -> OrganizationEditDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda org: self._saved(org, done_text.format(name=org.name)))
        dialog.open()
        return dialog

    def toggle_active(self) -> None:
        org = self.picker.selected()
        if org is None:
            return
        if not org.active:
            self._set_active(org, True)
            return
        confirm(
            self,
            self.tr("Deactivate {name}?").format(name=org.name),
            self.tr("“{name}” will no longer be offered for new referrals.").format(name=org.name),
            self.tr("Referrals already made to it keep it. You can reactivate it later."),
            self.tr("Deactivate"),
            lambda: self._set_active(org, False),
        )

    def _set_active(self, org: Organization, active: bool) -> None:
        try:
            saved = self._service.update(dataclasses.replace(org, active=active))
        except SafeCaseError as exc:
            self.message.show_error(exc.message)
            return
        if not active and not self.inactive_check.isChecked():
            self.picker.reload()
            self.message.show_success(self.tr("“{name}” was deactivated.").format(name=saved.name))
            self.changed.emit()
            return
        self._saved(
            saved,
            (self.tr("“{name}” is active again.") if active else self.tr("“{name}” was deactivated.")).format(
                name=saved.name
            ),
        )

    def _saved(self, org: Organization, text: str) -> None:
        self.picker.select(org.id)
        self.message.show_success(text)
        self.changed.emit()
        self._update_buttons()


def open_organizations(parent: QWidget, session: VaultSession, tasks: TaskManager) -> OrganizationsDialog:
    """Open the directory window-modal over ``parent`` (for a menu action)."""
    dialog = OrganizationsDialog(session, tasks, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
