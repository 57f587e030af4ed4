"""Record informed consent: to record data at all, or to share with one organization (per referral).

Korea's Personal Information Protection Act treats information on sex life as sensitive and needs
separate consent for each recipient, so consent to share always names the organization it covers.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from safecase.domain.referrals import Consent, ConsentGiver, ConsentPurpose
from safecase.services.referrals import OrganizationService, ReferralService
from safecase.services.session import VaultSession
from safecase.ui.case.contact_fields import CodeCombo, date_edit, edit_date
from safecase.ui.common.form_dialog import FormDialog
from safecase.ui.common.taxonomy_labels import choices, consent_giver_label, consent_purpose_label
from safecase.ui.common.widgets import body_text


class ConsentDialog(FormDialog):
    """Record a consent the survivor gave; :attr:`saved` carries the recorded Consent."""

    def __init__(
        self,
        session: VaultSession,
        case_id: int,
        purpose: ConsentPurpose = ConsentPurpose.SHARE,
        organization_id: int | None = None,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(self.tr("Record consent"), self.tr("Record consent"), parent)
        self._service = ReferralService(session)
        self._case_id = case_id
        self.setMinimumWidth(560)
        self.body.addWidget(
            body_text(
                self.tr(
                    "Record consent only after explaining what will be shared, with whom and why, "
                    "and that consent can be withdrawn at any time."
                ),
                self,
            )
        )
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.purpose_combo = CodeCombo(choices(ConsentPurpose, consent_purpose_label), self)
        orgs = OrganizationService(session).all(include_inactive=organization_id is not None)
        self.organization_combo = CodeCombo(
            [(str(o.id), o.name) for o in orgs if o.active or o.id == organization_id], self
        )
        self.giver_combo = CodeCombo(choices(ConsentGiver, consent_giver_label), self)
        self.date_edit = date_edit(self, today or date.today())
        self.scope_edit = QLineEdit(self)
        self.scope_edit.setPlaceholderText(self.tr("for example: case summary and images for deletion support"))
        form.addRow(self.tr("Consent to:"), self.purpose_combo)
        form.addRow(self.tr("Share with:"), self.organization_combo)
        form.addRow(self.tr("Given by:"), self.giver_combo)
        form.addRow(self.tr("Given on:"), self.date_edit)
        form.addRow(self.tr("Scope:"), self.scope_edit)
        self._form = form
        self.body.addLayout(form)
        self.purpose_combo.currentIndexChanged.connect(lambda _i: self._purpose_changed())
        self.purpose_combo.set_code(purpose)
        if organization_id is not None:
            self.organization_combo.set_code(str(organization_id))
        self._purpose_changed()
        self.giver_combo.setFocus()

    def _purpose_changed(self) -> None:
        share = self.purpose_combo.code() == ConsentPurpose.SHARE
        self._form.setRowVisible(self.organization_combo, share)

    def consent(self) -> Consent:
        purpose = ConsentPurpose(self.purpose_combo.code())
        org = self.organization_combo.code()
        return Consent(
            id=0,
            case_id=self._case_id,
            purpose=purpose,
            organization_id=int(org) if purpose is ConsentPurpose.SHARE and org else None,
            given_by=ConsentGiver(self.giver_combo.code()),
            given_on=edit_date(self.date_edit),
            scope=self.scope_edit.text(),
            withdrawn_on=None,
        )

    def commit(self) -> Consent:
        return self._service.record_consent(self.consent())
