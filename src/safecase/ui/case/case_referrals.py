"""The Referrals tab of a case: referrals to other organizations and the consents they rest on.

A referral starts as a draft; it can be marked sent only under the survivor's consent to share with
that organization. When the service refuses for want of consent, the tab says so plainly and offers
to record the consent. Overdue follow-ups (sent, no answer past the due date) stand out in red.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from safecase.domain.errors import SafeCaseError
from safecase.domain.referrals import Consent, ConsentPurpose, Organization, Referral, ReferralStatus, consent_covers
from safecase.services.referrals import OrganizationService, ReferralService
from safecase.services.session import VaultSession
from safecase.ui.admin.organizations_dialog import OrganizationsDialog
from safecase.ui.case.consent_dialog import ConsentDialog
from safecase.ui.case.contact_dialogs import first_line
from safecase.ui.case.referral_dialogs import NewReferralDialog, ReferralStatusDialog
from safecase.ui.common.list_model import ListTableModel
from safecase.ui.common.messages import confirm
from safecase.ui.common.record_list import RecordList
from safecase.ui.common.record_tab import RecordTab
from safecase.ui.common.taxonomy_labels import (
    consent_giver_label,
    consent_purpose_label,
    organization_type_label,
    referral_status_label,
)
from safecase.ui.common.widgets import ERROR_COLOR, heading
from safecase.ui.tasks import Changes, TaskManager


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


class ReferralsModel(ListTableModel[Referral]):
    ORGANIZATION, TYPE, STATUS, SENT, FOLLOW_UP, CONSENT, REASON = range(7)

    def __init__(self, today: Callable[[], date] = date.today, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._orgs: dict[int, Organization] = {}
        self._consents: list[Consent] = []
        self._headers = [
            self.tr("Organization"),
            self.tr("Type"),
            self.tr("Status"),
            self.tr("Sent"),
            self.tr("Follow-up due"),
            self.tr("Consent on record"),
            self.tr("Reason"),
        ]

    def set_context(self, orgs: dict[int, Organization], consents: list[Consent]) -> None:
        """The directory and the case's consents, read with the referrals (set before them)."""
        self._orgs, self._consents = dict(orgs), list(consents)

    def referral(self, row: int) -> Referral:
        return self.item(row)

    def organization_name(self, referral: Referral) -> str:
        org = self._orgs.get(referral.organization_id)
        return org.name if org else "?"

    def row_of(self, referral_id: int) -> int:
        return self.row_where(lambda referral: referral.id == referral_id)

    def has_consent(self, referral: Referral) -> bool:
        return any(consent_covers(c, referral.organization_id) for c in self._consents)

    def _overdue(self, referral: Referral, column: int) -> bool:
        return column == self.FOLLOW_UP and referral.is_overdue(self._today())

    def display(self, referral: Referral, column: int) -> str:
        if column == self.ORGANIZATION:
            return self.organization_name(referral)
        if column == self.TYPE:
            org = self._orgs.get(referral.organization_id)
            return organization_type_label(org.org_type) if org else ""
        if column == self.STATUS:
            return referral_status_label(referral.status)
        if column == self.SENT:
            return _day(referral.sent_on)
        if column == self.FOLLOW_UP:
            due = _day(referral.follow_up_due)
            return self.tr("{day} — overdue").format(day=due) if self._overdue(referral, column) else due
        if column == self.CONSENT:
            return self.tr("Yes") if self.has_consent(referral) else self.tr("No")
        if column == self.REASON:
            return first_line(referral.reason)
        return ""

    def tooltip(self, referral: Referral, column: int) -> str | None:
        if column == self.REASON and referral.reason:
            return referral.reason
        if column == self.STATUS and referral.outcome:
            return referral.outcome
        if self._overdue(referral, column):
            return self.tr("No answer yet and the follow-up date has passed.")
        return None

    def foreground(self, referral: Referral, column: int) -> QColor | None:
        return QColor(ERROR_COLOR) if self._overdue(referral, column) else None

    def font(self, referral: Referral, column: int) -> QFont | None:
        if not self._overdue(referral, column):
            return None
        font = QFont()
        font.setWeight(QFont.Weight.DemiBold)
        return font


class ConsentsModel(ListTableModel[Consent]):
    PURPOSE, ORGANIZATION, GIVER, GIVEN, SCOPE, STATE = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._orgs: dict[int, Organization] = {}
        self._headers = [
            self.tr("Consent to"),
            self.tr("Organization"),
            self.tr("Given by"),
            self.tr("Given on"),
            self.tr("Scope"),
            self.tr("Status"),
        ]

    def set_context(self, orgs: dict[int, Organization]) -> None:
        self._orgs = dict(orgs)

    def consent(self, row: int) -> Consent:
        return self.item(row)

    def row_of(self, consent_id: int) -> int:
        return self.row_where(lambda consent: consent.id == consent_id)

    def display(self, consent: Consent, column: int) -> str:
        if column == self.PURPOSE:
            return consent_purpose_label(consent.purpose)
        if column == self.ORGANIZATION:
            org = self._orgs.get(consent.organization_id) if consent.organization_id else None
            return org.name if org else ""
        if column == self.GIVER:
            return consent_giver_label(consent.given_by)
        if column == self.GIVEN:
            return _day(consent.given_on)
        if column == self.SCOPE:
            return consent.scope
        if column == self.STATE:
            if consent.withdrawn_on is None:
                return self.tr("In force")
            return self.tr("Withdrawn {day}").format(day=_day(consent.withdrawn_on))
        return ""

    def tooltip(self, consent: Consent, column: int) -> str | None:
        return self.display(consent, column)

    def foreground(self, consent: Consent, column: int) -> QColor | None:
        return None if consent.in_force else QColor(Qt.GlobalColor.gray)


@dataclass(frozen=True)
class ReferralsRead:
    referrals: list[Referral]
    consents: list[Consent]
    organizations: dict[int, Organization]


class CaseReferralsTab(RecordTab[ReferralsRead]):
    def __init__(
        self,
        session: VaultSession,
        case_id: int,
        tasks: TaskManager,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(session, case_id, tasks, parent)
        self._today = today
        self._service = ReferralService(session)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 12, 12, 12)
        column.setSpacing(8)

        actions = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New referral…"), self)
        self.sent_button = QPushButton(self.tr("Mark sent"), self)
        self.status_button = QPushButton(self.tr("Record answer…"), self)
        self.share_consent_button = QPushButton(self.tr("Consent to share…"), self)
        self.share_consent_button.setToolTip(
            self.tr("Record the survivor's consent to share with the selected referral's organization")
        )
        self.directory_button = QPushButton(self.tr("Directory…"), self)
        for button in (self.new_button, self.sent_button, self.status_button, self.share_consent_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.directory_button)
        column.addLayout(actions)
        self.model = ReferralsModel(today, self)
        self.records: RecordList[Referral] = RecordList(
            self.model,
            self.tr("No referrals yet. A referral starts as a draft; it is sent once consent is on record."),
            lambda referral: referral.id,
            self,
        )
        self.table, self.empty_label = self.records.table, self.records.empty_label
        self.records.add_to(column, 3)

        consents_row = QHBoxLayout()
        consents_row.addWidget(heading(self.tr("Consents"), 2, self))
        consents_row.addStretch(1)
        self.consent_button = QPushButton(self.tr("Record consent…"), self)
        self.withdraw_button = QPushButton(self.tr("Withdraw…"), self)
        consents_row.addWidget(self.consent_button)
        consents_row.addWidget(self.withdraw_button)
        column.addSpacing(6)
        column.addLayout(consents_row)
        self.consents_model = ConsentsModel(self)
        self.consents: RecordList[Consent] = RecordList(
            self.consents_model,
            self.tr("No consent is on record: neither to record data nor to share it with anyone."),
            lambda consent: consent.id,
            self,
        )
        self.consents_table = self.consents.table
        self.consents_empty = self.consents.empty_label
        self.consents.add_to(column, 2)
        column.addWidget(self.message)

        self.new_button.clicked.connect(self.open_new_referral)
        self.sent_button.clicked.connect(self.mark_sent)
        self.status_button.clicked.connect(self.open_status)
        self.share_consent_button.clicked.connect(lambda: self.open_consent(self.selected_referral()))
        self.consent_button.clicked.connect(lambda: self.open_consent(None))
        self.withdraw_button.clicked.connect(self.confirm_withdraw)
        self.directory_button.clicked.connect(self.open_directory)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.consents_table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    # --- lists ------------------------------------------------------------------------------------------

    def read(self, reader: VaultSession) -> ReferralsRead:
        service = ReferralService(reader)
        return ReferralsRead(
            service.for_case(self.case_id),
            service.consents(self.case_id),
            {o.id: o for o in OrganizationService(reader).all(include_inactive=True)},
        )

    def show_result(self, result: ReferralsRead) -> None:
        self.model.set_context(result.organizations, result.consents)
        self.consents_model.set_context(result.organizations)
        self.records.show_records(result.referrals)
        self.consents.show_records(result.consents)
        self._update_buttons()

    def concerns(self, changes: Changes) -> bool:
        return changes.referrals or changes.organizations

    def selected_referral(self) -> Referral | None:
        return self.records.selected()

    def selected_consent(self) -> Consent | None:
        return self.consents.selected()

    def select_referral(self, referral_id: int) -> None:
        self.records.select(referral_id)

    def select_consent(self, consent_id: int) -> None:
        self.consents.select(consent_id)

    def _update_buttons(self) -> None:
        referral = self.selected_referral()
        consent = self.selected_consent()
        self.sent_button.setEnabled(referral is not None and referral.status is ReferralStatus.DRAFT)
        self.status_button.setEnabled(referral is not None)
        self.share_consent_button.setEnabled(referral is not None)
        self.withdraw_button.setEnabled(consent is not None and consent.in_force)

    # --- referrals --------------------------------------------------------------------------------------

    def open_new_referral(self) -> NewReferralDialog:
        dialog = NewReferralDialog(self._session, self.case_id, self, self._today())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(
            lambda referral: self._referral_saved(
                referral, self.tr("The referral was saved as a draft. Record consent, then mark it sent.")
            )
        )
        dialog.open()
        return dialog

    def mark_sent(self) -> None:
        referral = self.selected_referral()
        if referral is not None:
            self._mark_sent(referral)

    def _mark_sent(self, referral: Referral) -> None:
        self.message.clear_message()
        try:
            # Sending makes the follow-up tasks.
            sent = self.write(lambda: self._service.mark_sent(referral.id), Changes(referrals=True, tasks=True))
        except SafeCaseError as exc:
            self._refused(referral, exc)
            return
        self._referral_saved(
            sent,
            self.tr("Marked sent. A follow-up is due on {day}.").format(day=_day(sent.follow_up_due)),
            announce=False,
        )

    def _refused(self, referral: Referral, error: SafeCaseError) -> None:
        self.message.show_error(error.message)
        if self.model.has_consent(referral):
            return
        confirm(
            self,
            self.tr("Consent needed"),
            error.message,
            self.tr("Record the survivor's consent to share with {organization} now?").format(
                organization=self.model.organization_name(referral)
            ),
            self.tr("Record consent…"),
            lambda: self._consent_then_send(referral),
        )

    def _consent_then_send(self, referral: Referral) -> None:
        self.open_consent(referral, then_send=True)

    def open_status(self) -> ReferralStatusDialog | None:
        referral = self.selected_referral()
        if referral is None:
            return None
        dialog = ReferralStatusDialog(self._session, referral, self.model.organization_name(referral), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda saved: self._referral_saved(saved, self.tr("The referral was updated."), True))
        dialog.open()
        return dialog

    def _referral_saved(self, referral: Referral, text: str, announce: bool = True) -> None:
        """A referral was saved (by a dialog, or by :meth:`mark_sent`, which announced it already)."""
        self.records.select_later(referral.id)
        self.message.show_success(text)
        if announce:
            # An answer closes the referral's follow-ups.
            self.announce(Changes(referrals=True, tasks=True))

    # --- consents ---------------------------------------------------------------------------------------

    def open_consent(self, referral: Referral | None, *, then_send: bool = False) -> ConsentDialog:
        """Record consent; for a referral, consent to share with its organization.

        ``then_send``: the person pressed Mark sent and was asked for the consent first; once it is
        recorded the referral is marked sent, without pressing Mark sent again.
        """
        if referral is not None:
            purpose, org_id = ConsentPurpose.SHARE, referral.organization_id
        else:
            has_record = any(c.in_force and c.purpose is ConsentPurpose.RECORD for c in self.consents_model.items())
            purpose, org_id = (ConsentPurpose.SHARE if has_record else ConsentPurpose.RECORD), None
        dialog = ConsentDialog(self._session, self.case_id, purpose, org_id, self, self._today())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda consent: self._consent_saved(consent, referral, then_send))
        dialog.open()
        return dialog

    def _consent_saved(self, consent: Consent, referral: Referral | None, then_send: bool = False) -> None:
        self.consents.select_later(consent.id)
        if (
            then_send
            and referral is not None
            and referral.status is ReferralStatus.DRAFT
            and consent.organization_id == referral.organization_id  # the consent the refusal asked for
        ):
            self.announce(Changes(referrals=True))
            self._mark_sent(referral)
            return
        if referral is not None:
            self.records.select_later(referral.id)
            if referral.status is ReferralStatus.DRAFT:
                self.message.show_success(self.tr("Consent recorded. You can now mark the referral sent."))
                self.sent_button.setFocus()
            else:
                self.message.show_success(self.tr("Consent recorded."))
        else:
            self.message.show_success(self.tr("Consent recorded."))
        self.announce(Changes(referrals=True))

    def confirm_withdraw(self) -> None:
        consent = self.selected_consent()
        if consent is None or not consent.in_force:
            return
        confirm(
            self,
            self.tr("Withdraw this consent?"),
            self.tr("The consent stays on record as withdrawn today."),
            self.tr("Nothing more may be shared under it. Referrals already sent are not recalled by SafeCase."),
            self.tr("Withdraw consent"),
            lambda: self.withdraw(consent.id),
        )

    def withdraw(self, consent_id: int) -> None:
        try:
            self.write(lambda: self._service.withdraw_consent(consent_id), Changes(referrals=True))
        except SafeCaseError as exc:
            self.message.show_error(exc.message)
            return
        self.message.show_success(self.tr("The consent was withdrawn."))

    # --- directory --------------------------------------------------------------------------------------

    def open_directory(self) -> OrganizationsDialog:
        dialog = OrganizationsDialog(self._session, self._tasks, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(lambda: self._tasks.notify(Changes(organizations=True)))
        dialog.open()
        return dialog
