"""Dialogs of the Referrals tab: make a referral (a draft until sent), and record the answer."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from safecase.domain.errors import InputError
from safecase.domain.referrals import Organization, Referral, ReferralOutcome, ReferralStatus
from safecase.services.referrals import DEFAULT_FOLLOW_UP_DAYS, ReferralService
from safecase.services.session import VaultSession
from safecase.ui.admin.organizations_dialog import OrganizationEditDialog, OrganizationPicker
from safecase.ui.case.contact_fields import CodeCombo, date_edit, edit_date, notes_edit, plain_text
from safecase.ui.common.form_dialog import FormDialog
from safecase.ui.common.taxonomy_labels import choices, referral_outcome_label, referral_status_label
from safecase.ui.common.widgets import help_text

# What a person may choose after a referral was sent (draft and sent are set by the tab's own actions).
ANSWER_STATUSES = (
    ReferralStatus.ACCEPTED,
    ReferralStatus.DECLINED,
    ReferralStatus.NO_RESPONSE,
    ReferralStatus.COMPLETED,
)


class NewReferralDialog(FormDialog):
    """Refer the case to an organization of the directory; :attr:`saved` carries the new Referral (a draft)."""

    def __init__(
        self, session: VaultSession, case_id: int, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__(self.tr("New referral"), self.tr("Create referral"), parent)
        self._session = session
        self._service = ReferralService(session)
        self._case_id = case_id
        today = today or date.today()
        self.resize(760, 620)
        self.body.addWidget(
            help_text(
                self.tr(
                    "The referral starts as a draft. Before it is marked sent, record the survivor's consent "
                    "to share with this organization."
                ),
                self,
            )
        )
        org_label = QLabel(self.tr("&Organization:"), self)
        self.body.addWidget(org_label)
        self.picker = OrganizationPicker(session, self)
        org_label.setBuddy(self.picker.search_edit)
        self.body.addWidget(self.picker, 1)
        add_row = QHBoxLayout()
        self.add_org_button = QPushButton(self.tr("Add to directory…"), self)
        self.add_org_button.setAutoDefault(False)
        add_row.addWidget(help_text(self.tr("Not in the list?"), self))
        add_row.addWidget(self.add_org_button)
        add_row.addStretch(1)
        self.body.addLayout(add_row)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.reason_edit = notes_edit(self, self.tr("Why this organization, what is asked of them"), lines=3)
        self.reason_edit.setMaximumHeight(self.reason_edit.minimumHeight() * 3 // 2)
        follow_row = QHBoxLayout()
        self.follow_up_check = QCheckBox(self.tr("Follow up by"), self)
        self.follow_up_check.setChecked(True)
        self.follow_up_edit = date_edit(self, today + timedelta(days=DEFAULT_FOLLOW_UP_DAYS))
        follow_row.addWidget(self.follow_up_check)
        follow_row.addWidget(self.follow_up_edit)
        follow_row.addStretch(1)
        form.addRow(self.tr("Reason:"), self.reason_edit)
        form.addRow("", follow_row)
        self.body.addLayout(form)
        self.add_org_button.clicked.connect(self.open_add_organization)
        self.follow_up_check.toggled.connect(self.follow_up_edit.setEnabled)
        self.picker.selection_changed.connect(self._update)
        self._update()
        self.picker.search_edit.setFocus()

    def _update(self) -> None:
        self.save_button.setEnabled(self.picker.selected() is not None)

    def open_add_organization(self) -> OrganizationEditDialog:
        dialog = OrganizationEditDialog(self._session, None, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.set_type(self.picker.type_combo.code())
        dialog.name_edit.setText(self.picker.search_edit.text().strip())
        dialog.saved.connect(self._organization_added)
        dialog.open()
        return dialog

    def _organization_added(self, org: Organization) -> None:
        self.picker.select(org.id)
        self.reason_edit.setFocus()

    def commit(self) -> Referral:
        org = self.picker.selected()
        if org is None:
            raise InputError(self.tr("Choose the organization to refer to."))
        referral = Referral(
            id=0,
            case_id=self._case_id,
            organization_id=org.id,
            reason=plain_text(self.reason_edit),
            status=ReferralStatus.DRAFT,
            sent_on=None,
            consent_id=None,
            follow_up_due=edit_date(self.follow_up_edit) if self.follow_up_check.isChecked() else None,
            outcome="",
        )
        return self._service.create(referral)


class ReferralStatusDialog(FormDialog):
    """Record what came of a referral: accepted, declined, no response or completed, with the outcome.

    :attr:`saved` carries the updated Referral.
    """

    def __init__(
        self, session: VaultSession, referral: Referral, organization_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            self.tr("Change referral status"),
            self.tr("Save"),
            parent,
            heading_text=self.tr("Referral to {organization}").format(organization=organization_name),
        )
        self._service = ReferralService(session)
        self._referral = referral
        self.setMinimumWidth(520)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.status_combo = CodeCombo([(s.value, referral_status_label(s)) for s in ANSWER_STATUSES], self)
        if referral.status in ANSWER_STATUSES:
            self.status_combo.set_code(referral.status)
        self.outcome_edit = notes_edit(self, self.tr("What they answered or did"), lines=3)
        self.outcome_edit.setPlainText(referral.outcome)
        # The category is what the anonymized statistics count; the text above stays in the case only.
        self.outcome_code_combo = CodeCombo(choices(ReferralOutcome, referral_outcome_label), self)
        self.outcome_code_combo.set_code(referral.outcome_code)
        form.addRow(self.tr("Status:"), self.status_combo)
        form.addRow(self.tr("Outcome:"), self.outcome_edit)
        form.addRow(self.tr("Outcome category:"), self.outcome_code_combo)
        self.body.addLayout(form)
        self.status_combo.setFocus()

    def commit(self) -> Referral:
        updated = dataclasses.replace(
            self._referral,
            status=ReferralStatus(self.status_combo.code()),
            outcome=plain_text(self.outcome_edit),
            outcome_code=ReferralOutcome(self.outcome_code_combo.code()),
        )
        return self._service.update(updated)
