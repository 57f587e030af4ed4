"""The Overview tab of a case window: status, risk, dates and the survivor profile, edited and saved.

Real name and phone are never read with the rest: the fields show dots until someone presses
Reveal and confirms (:class:`RevealDialog`, with an optional reason), which asks the service (the
reveal is audit-logged) and only then makes them editable. Those who read the audit log also get a
link to the reveals of this case there. A form
that never revealed them saves with ``keep_sensitive`` so the stored values stay as they are. The form
knows whether it differs from what was last loaded or saved; the window asks before that is lost.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from safecase.domain.cases import (
    AgeBand,
    Case,
    CaseFields,
    CaseStatus,
    Gender,
    RiskLevel,
    SensitiveContact,
    SurvivorProfile,
    masked,
)
from safecase.domain.contacts import Channel
from safecase.domain.errors import SafeCaseError
from safecase.domain.roles import Permission
from safecase.domain.users import DisplayNames
from safecase.services.cases import MAX_TEXT, CaseService
from safecase.services.casework_access import reassigns_cases
from safecase.services.people import display_names
from safecase.services.session import VaultSession
from safecase.services.taxonomies import BRANCHES, INCIDENT_TYPES, REGIONS, SERVICE_STATUSES
from safecase.ui.case.reveal_dialog import RevealDialog
from safecase.ui.common.taxonomy_labels import (
    age_band_label,
    channel_label,
    choices,
    gender_label,
    risk_label,
    status_label,
    term_labels,
    terms,
)
from safecase.ui.common.widgets import Card, MessageLine, help_text

FINISHED = (CaseStatus.CLOSED, CaseStatus.ARCHIVED)


def _to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def fields_to_json(fields: CaseFields, with_sensitive: bool) -> dict[str, Any]:
    """The form's values as plain JSON (a draft kept inside the vault)."""
    profile = fields.profile
    values: dict[str, Any] = {
        "status": fields.status.value,
        "opened_on": fields.opened_on.isoformat() if fields.opened_on else "",
        "closed_on": fields.closed_on.isoformat() if fields.closed_on else "",
        "risk": fields.risk.value,
        "risk_reason": fields.risk_reason,
        "alias": profile.alias,
        "age_band": profile.age_band.value,
        "gender": profile.gender.value,
        "branch": profile.branch,
        "service_status": profile.service_status,
        "region": profile.region,
        "preferred_channel": profile.preferred_channel,
        "safe_channels": profile.safe_channels,
        "safe_to_leave_message": profile.safe_to_leave_message,
        "safe_contact_notes": profile.safe_contact_notes,
        "statistics_opt_out": fields.statistics_opt_out,
    }
    if with_sensitive:
        values["real_name"] = fields.sensitive.real_name
        values["phone"] = fields.sensitive.phone
    return values


def fields_from_json(values: dict[str, Any], base: CaseFields) -> CaseFields:
    """Back from :func:`fields_to_json`; anything missing or unreadable keeps ``base``'s value."""

    def text(key: str, default: str) -> str:
        value = values.get(key, default)
        return value if isinstance(value, str) else default

    def day(key: str, default: date | None) -> date | None:
        raw = values.get(key)
        if raw == "":
            return None
        try:
            return date.fromisoformat(raw) if isinstance(raw, str) else default
        except ValueError:
            return default

    def member(kind: type[Any], key: str, default: Any) -> Any:
        try:
            return kind(values.get(key, default))
        except ValueError:
            return default

    p = base.profile
    leave = values.get("safe_to_leave_message", p.safe_to_leave_message)
    opt_out = values.get("statistics_opt_out", base.statistics_opt_out)
    return CaseFields(
        status=member(CaseStatus, "status", base.status),
        opened_on=day("opened_on", base.opened_on) or base.opened_on,
        closed_on=day("closed_on", base.closed_on),
        risk=member(RiskLevel, "risk", base.risk),
        risk_reason=text("risk_reason", base.risk_reason),
        profile=SurvivorProfile(
            alias=text("alias", p.alias),
            age_band=member(AgeBand, "age_band", p.age_band),
            gender=member(Gender, "gender", p.gender),
            branch=text("branch", p.branch),
            service_status=text("service_status", p.service_status),
            region=text("region", p.region),
            preferred_channel=text("preferred_channel", p.preferred_channel),
            safe_channels=text("safe_channels", p.safe_channels),
            safe_to_leave_message=leave if leave is None or isinstance(leave, bool) else p.safe_to_leave_message,
            safe_contact_notes=text("safe_contact_notes", p.safe_contact_notes),
        ),
        sensitive=SensitiveContact(text("real_name", base.sensitive.real_name), text("phone", base.sensitive.phone)),
        statistics_opt_out=opt_out if isinstance(opt_out, bool) else base.statistics_opt_out,
    )


class CaseOverview(QWidget):
    saved = Signal(object)
    """The case as saved (a Case)."""
    dirty_changed = Signal(bool)
    reassign_requested = Signal()
    reveals_requested = Signal()
    """Someone asked who saw this case's identifying details (the audit log, filtered)."""

    def __init__(self, session: VaultSession, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._service = CaseService(session)
        self._case = case
        self._revealed = False
        self._baseline = case.fields()
        self._loading = False
        self._was_dirty = False
        # Counselors' display names: read once here, then with each re-read of the case (off the UI thread).
        self._names = display_names(session)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(scroll, 1)
        content = QWidget(scroll)
        scroll.setWidget(content)
        row = QHBoxLayout(content)
        row.setContentsMargins(12, 12, 12, 12)
        row.setSpacing(16)
        left = QVBoxLayout()
        left.setSpacing(16)
        right = QVBoxLayout()
        right.setSpacing(16)
        row.addLayout(left, 1)
        row.addLayout(right, 1)

        # --- the case ---------------------------------------------------------------------------------
        case_card = Card(self.tr("Case"), content)
        form = self._form(case_card)
        self.status_combo = self._combo(case_card, [(s.value, status_label(s)) for s in CaseStatus])
        self.risk_combo = self._combo(case_card, [(r.value, risk_label(r)) for r in RiskLevel])
        self.risk_reason_edit = QLineEdit(case_card)
        self.risk_reason_edit.setMaxLength(MAX_TEXT)
        self.risk_reason_edit.setPlaceholderText(self.tr("Why this risk level, in a few words"))
        self.opened_edit = self._date_edit(case_card)
        self.closed_check = QCheckBox(self.tr("C&losed on:"), case_card)
        self.closed_edit = self._date_edit(case_card)
        self.closed_edit.setAccessibleName(self.tr("Closed on"))
        form.addRow(self.tr("Stat&us:"), self.status_combo)
        form.addRow(self.tr("Ris&k:"), self.risk_combo)
        form.addRow(self.tr("Risk reaso&n:"), self.risk_reason_edit)
        form.addRow(self.tr("O&pened on:"), self.opened_edit)
        form.addRow(self.closed_check, self.closed_edit)
        counselors_row = QHBoxLayout()
        self.counselors_label = QLabel(case_card)
        self.counselors_label.setWordWrap(True)
        self.counselors_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        counselors_row.addWidget(self.counselors_label, 1)
        self.reassign_button = QPushButton(self.tr("Reassi&gn…"), case_card)
        self.reassign_button.setVisible(reassigns_cases(session))
        self.reassign_button.clicked.connect(self.reassign_requested)
        counselors_row.addWidget(self.reassign_button, 0, Qt.AlignmentFlag.AlignTop)
        form.addRow(self.tr("Counselors:"), counselors_row)
        self.incidents_label = QLabel(case_card)
        self.incidents_label.setWordWrap(True)
        form.addRow(self.tr("Incident types:"), self.incidents_label)
        case_card.body.addLayout(form)
        left.addWidget(case_card)

        # --- identifying details ----------------------------------------------------------------------
        identity = Card(self.tr("Identifying details"), content)
        identity.body.addWidget(
            help_text(
                self.tr(
                    "Hidden until you reveal them, and only when the work needs it. "
                    "Each reveal is recorded in the audit log."
                ),
                identity,
            )
        )
        id_form = self._form(identity)
        self.real_name_edit = QLineEdit(identity)
        self.phone_edit = QLineEdit(identity)
        for edit in (self.real_name_edit, self.phone_edit):
            edit.setMaxLength(200)
            edit.setReadOnly(True)
            edit.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        id_form.addRow(self.tr("Real name:"), self.real_name_edit)
        id_form.addRow(self.tr("Phone:"), self.phone_edit)
        identity.body.addLayout(id_form)
        reveal_row = QHBoxLayout()
        self.reveals_button = QPushButton(self.tr("Who saw this identit&y…"), identity)
        self.reveals_button.setFlat(True)
        self.reveals_button.setStyleSheet("QPushButton { color: palette(link); text-decoration: underline; }")
        self.reveals_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.reveals_button.setToolTip(self.tr("Open the audit log at every reveal of this case"))
        self.reveals_button.setVisible(session.can(Permission.VIEW_AUDIT))
        self.reveals_button.clicked.connect(self.reveals_requested)
        reveal_row.addWidget(self.reveals_button)
        reveal_row.addStretch(1)
        self.reveal_button = QPushButton(self.tr("Re&veal"), identity)
        self.reveal_button.setToolTip(self.tr("Show real name and phone (recorded in the audit log)"))
        self.reveal_button.clicked.connect(self.ask_reveal)
        reveal_row.addWidget(self.reveal_button)
        identity.body.addLayout(reveal_row)
        left.addWidget(identity)
        left.addStretch(1)

        # --- survivor profile -------------------------------------------------------------------------
        profile = Card(self.tr("Survivor profile"), content)
        profile.body.addWidget(
            help_text(self.tr("Only what the work needs. An alias or initials, never a real name."), profile)
        )
        p_form = self._form(profile)
        self.alias_edit = QLineEdit(profile)
        self.alias_edit.setMaxLength(200)
        self.alias_edit.setPlaceholderText(self.tr("for example 민지, J.K. or 상병A"))
        self.age_combo = self._combo(profile, choices(AgeBand, age_band_label))
        self.gender_combo = self._combo(profile, choices(Gender, gender_label))
        not_set = self.tr("—")
        self.branch_combo = self._combo(profile, [("", not_set), *terms(BRANCHES)])
        self.service_combo = self._combo(profile, [("", not_set), *terms(SERVICE_STATUSES)])
        self.region_combo = self._combo(profile, [("", not_set), *terms(REGIONS)])
        self.channel_combo = self._combo(profile, [("", not_set), *choices(Channel, channel_label)])
        self.safe_channels_edit = QLineEdit(profile)
        self.safe_channels_edit.setMaxLength(MAX_TEXT)
        self.safe_channels_edit.setPlaceholderText(self.tr("for example: own mobile after 19:00, never the unit phone"))
        self.message_combo = self._combo(
            profile, [("", self.tr("Not known")), ("yes", self.tr("Yes")), ("no", self.tr("No"))]
        )
        self.safe_notes_edit = QPlainTextEdit(profile)
        self.safe_notes_edit.setTabChangesFocus(True)
        self.safe_notes_edit.setPlaceholderText(self.tr("Safe words, safe times, who must not find out"))
        self.safe_notes_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 16)
        p_form.addRow(self.tr("&Alias:"), self.alias_edit)
        p_form.addRow(self.tr("Age &band:"), self.age_combo)
        p_form.addRow(self.tr("Gen&der:"), self.gender_combo)
        p_form.addRow(self.tr("Branch:"), self.branch_combo)
        p_form.addRow(self.tr("Service status:"), self.service_combo)
        p_form.addRow(self.tr("Region:"), self.region_combo)
        p_form.addRow(self.tr("Pre&ferred channel:"), self.channel_combo)
        p_form.addRow(self.tr("Safe channels:"), self.safe_channels_edit)
        p_form.addRow(self.tr("Safe to leave a &message?"), self.message_combo)
        p_form.addRow(self.tr("Safe &words and times:"), self.safe_notes_edit)
        profile.body.addLayout(p_form)
        self.statistics_opt_out_check = QCheckBox(
            self.tr("Leave this case out of statistics (the survivor declined)"), profile
        )
        self.statistics_opt_out_check.setToolTip(
            self.tr("Anonymized reports do not count this case; they only say how many cases were left out.")
        )
        profile.body.addWidget(self.statistics_opt_out_check)
        right.addWidget(profile)
        right.addStretch(1)

        # --- draft banner and save row ------------------------------------------------------------------
        self.draft_bar = QFrame(self)
        self.draft_bar.setObjectName("draftBar")
        self.draft_bar.setStyleSheet(
            "QFrame#draftBar { background: #fff4d6; border: 1px solid #e5c66b; border-radius: 4px; }"
            "QFrame#draftBar QLabel { color: #3b2f00; }"
        )
        draft_row = QHBoxLayout(self.draft_bar)
        draft_row.setContentsMargins(12, 6, 12, 6)
        draft_label = QLabel(
            self.tr("Changes you had not saved when SafeCase locked were kept for you."), self.draft_bar
        )
        draft_label.setWordWrap(True)
        draft_row.addWidget(draft_label, 1)
        self.restore_draft_button = QPushButton(self.tr("Restore them"), self.draft_bar)
        self.discard_draft_button = QPushButton(self.tr("Discard them"), self.draft_bar)
        draft_row.addWidget(self.restore_draft_button)
        draft_row.addWidget(self.discard_draft_button)
        self.draft_bar.hide()
        outer.addWidget(self.draft_bar)

        bottom = QHBoxLayout()
        bottom.setContentsMargins(12, 8, 12, 4)
        self.message = MessageLine(self)
        bottom.addWidget(self.message, 1)
        bottom.addStretch(0)
        self.revert_button = QPushButton(self.tr("Discard changes"), self)
        self.revert_button.clicked.connect(self.revert)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setToolTip(self.tr("Save the overview (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        bottom.addWidget(self.revert_button)
        bottom.addWidget(self.save_button)
        outer.addLayout(bottom)

        self._set_widgets(self._baseline)
        self._show_case(case)
        for combo in (
            self.status_combo,
            self.risk_combo,
            self.age_combo,
            self.gender_combo,
            self.branch_combo,
            self.service_combo,
            self.region_combo,
            self.channel_combo,
            self.message_combo,
        ):
            combo.currentIndexChanged.connect(self._edited)
        for line in (
            self.risk_reason_edit,
            self.alias_edit,
            self.safe_channels_edit,
            self.real_name_edit,
            self.phone_edit,
        ):
            line.textChanged.connect(self._edited)
        self.safe_notes_edit.textChanged.connect(self._edited)
        self.opened_edit.dateChanged.connect(self._edited)
        self.closed_edit.dateChanged.connect(self._edited)
        self.closed_check.toggled.connect(self._closed_toggled)
        self.statistics_opt_out_check.toggled.connect(self._edited)
        self.status_combo.currentIndexChanged.connect(self._status_changed)
        self._edited()

    # --- building ---------------------------------------------------------------------------------------

    def _form(self, parent: QWidget) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setVerticalSpacing(8)
        return form

    def _combo(self, parent: QWidget, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(parent)
        for code, label in items:
            combo.addItem(label, code)
        return combo

    def _date_edit(self, parent: QWidget) -> QDateEdit:
        edit = QDateEdit(parent)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMaximumDate(QDate.currentDate().addYears(1))
        return edit

    @staticmethod
    def _select(combo: QComboBox, code: str) -> None:
        index = combo.findData(code)
        if index < 0:
            # A code this version does not know (an import, a newer SafeCase): show it as it is.
            combo.addItem(code, code)
            index = combo.count() - 1
        combo.setCurrentIndex(index)

    # --- values -----------------------------------------------------------------------------------------

    def _set_widgets(self, fields: CaseFields) -> None:
        self._loading = True
        try:
            profile = fields.profile
            self._select(self.status_combo, fields.status.value)
            self._select(self.risk_combo, fields.risk.value)
            self.risk_reason_edit.setText(fields.risk_reason)
            self.opened_edit.setDate(_to_qdate(fields.opened_on or date.today()))
            self.closed_check.setChecked(fields.closed_on is not None)
            self.closed_edit.setDate(_to_qdate(fields.closed_on or date.today()))
            self.closed_edit.setEnabled(fields.closed_on is not None)
            self.alias_edit.setText(profile.alias)
            self._select(self.age_combo, profile.age_band.value)
            self._select(self.gender_combo, profile.gender.value)
            self._select(self.branch_combo, profile.branch)
            self._select(self.service_combo, profile.service_status)
            self._select(self.region_combo, profile.region)
            self._select(self.channel_combo, profile.preferred_channel)
            self.safe_channels_edit.setText(profile.safe_channels)
            leave = profile.safe_to_leave_message
            self._select(self.message_combo, "" if leave is None else ("yes" if leave else "no"))
            self.safe_notes_edit.setPlainText(profile.safe_contact_notes)
            self.statistics_opt_out_check.setChecked(fields.statistics_opt_out)
            if self._revealed:
                self.real_name_edit.setText(fields.sensitive.real_name)
                self.phone_edit.setText(fields.sensitive.phone)
        finally:
            self._loading = False

    def current_fields(self) -> CaseFields:
        leave = self.message_combo.currentData()
        return CaseFields(
            status=CaseStatus(self.status_combo.currentData()),
            opened_on=_from_qdate(self.opened_edit.date()),
            closed_on=_from_qdate(self.closed_edit.date()) if self.closed_check.isChecked() else None,
            risk=RiskLevel(self.risk_combo.currentData()),
            risk_reason=self.risk_reason_edit.text(),
            profile=SurvivorProfile(
                alias=self.alias_edit.text(),
                age_band=AgeBand(self.age_combo.currentData()),
                gender=Gender(self.gender_combo.currentData()),
                branch=str(self.branch_combo.currentData()),
                service_status=str(self.service_combo.currentData()),
                region=str(self.region_combo.currentData()),
                preferred_channel=str(self.channel_combo.currentData()),
                safe_channels=self.safe_channels_edit.text(),
                safe_to_leave_message=None if not leave else leave == "yes",
                safe_contact_notes=self.safe_notes_edit.toPlainText(),
            ),
            sensitive=(
                SensitiveContact(self.real_name_edit.text(), self.phone_edit.text())
                if self._revealed
                else self._baseline.sensitive
            ),
            statistics_opt_out=self.statistics_opt_out_check.isChecked(),
        )

    def is_dirty(self) -> bool:
        return self.current_fields() != self._baseline

    @property
    def revealed(self) -> bool:
        return self._revealed

    def _edited(self) -> None:
        if self._loading:
            return
        dirty = self.is_dirty()
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        if dirty:
            self.message.clear_message()
        if dirty != self._was_dirty:
            self._was_dirty = dirty
            self.dirty_changed.emit(dirty)

    def _closed_toggled(self, checked: bool) -> None:
        self.closed_edit.setEnabled(checked)
        self._edited()

    def _status_changed(self) -> None:
        if self._loading:
            return
        if CaseStatus(self.status_combo.currentData()) in FINISHED and not self.closed_check.isChecked():
            self.closed_edit.setDate(QDate.currentDate())
            self.closed_check.setChecked(True)

    # --- the case around the form -------------------------------------------------------------------------

    def _show_case(self, case: Case) -> None:
        self._case = case
        self.counselors_label.setText(self._names.join(case.counselors, self.tr(", ")) or self.tr("nobody"))
        self.incidents_label.setText(
            term_labels(INCIDENT_TYPES, case.incident_types) or self.tr("None recorded yet (see Incidents).")
        )
        if not self._revealed:
            for edit in (self.real_name_edit, self.phone_edit):
                edit.setText(masked(case.has_sensitive))
                edit.setPlaceholderText("" if case.has_sensitive else self.tr("Not recorded"))
            # Adding details goes through the same audited step: the section opens for editing either way.
            self.reveal_button.setText(self.tr("Re&veal") if case.has_sensitive else self.tr("Add…"))

    def show_case(self, case: Case, names: DisplayNames | None = None) -> None:
        """The case changed elsewhere (a tab, a reassignment): update what is shown, keep unsaved edits.

        ``names`` (people's display names), when read along with the case, replaces the names the page knew.
        """
        if names is not None:
            self._names = names
        self._show_case(case)
        if not self.is_dirty():
            self._baseline = case.fields(self._baseline.sensitive)
            self._set_widgets(self._baseline)
            self._edited()

    @property
    def case(self) -> Case:
        return self._case

    # --- actions ----------------------------------------------------------------------------------------

    def ask_reveal(self) -> RevealDialog | None:
        """Reveal, as the button does: ask first (with an optional reason) when there is something to show.

        A case without identifying details opens the empty fields at once, through the same audited
        step: there is nothing to ask about.
        """
        if self._revealed:
            return None
        if not self._case.has_sensitive:
            self.reveal()
            return None
        dialog = RevealDialog(self._service, self._case, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._reveal_confirmed)
        dialog.open()
        return dialog

    def _reveal_confirmed(self, sensitive: object) -> None:
        if isinstance(sensitive, SensitiveContact) and not self._revealed:
            self._show_sensitive(sensitive)

    def reveal(self) -> bool:
        """Ask the service for real name and phone (audit-logged) and make them editable, without asking
        the person (restoring a draft that holds them, which they asked for)."""
        if self._revealed:
            return True
        try:
            sensitive = self._service.reveal(self._case.id)
        except SafeCaseError as exc:
            self.message.show_error(exc.message)
            return False
        self._show_sensitive(sensitive)
        return True

    def _show_sensitive(self, sensitive: SensitiveContact) -> None:
        self._loading = True
        try:
            self._revealed = True
            self._baseline = dataclasses.replace(self._baseline, sensitive=sensitive)
            for edit, value in ((self.real_name_edit, sensitive.real_name), (self.phone_edit, sensitive.phone)):
                edit.setReadOnly(False)
                edit.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
                edit.setPlaceholderText(self.tr("Not recorded"))
                edit.setText(value)
        finally:
            self._loading = False
        self.reveal_button.setEnabled(False)
        self.reveal_button.setText(self.tr("Shown"))
        self.real_name_edit.setFocus()
        self._edited()

    def save(self) -> bool:
        if not self.is_dirty():
            return True
        fields = self.current_fields()
        try:
            case = self._service.update(self._case.id, fields, keep_sensitive=not self._revealed)
        except SafeCaseError as exc:
            self.message.show_error(exc.message)
            return False
        sensitive = (
            SensitiveContact(fields.sensitive.real_name.strip(), fields.sensitive.phone.strip())
            if self._revealed
            else SensitiveContact()
        )
        self._baseline = case.fields(sensitive)
        self._show_case(case)
        self._set_widgets(self._baseline)
        self._edited()
        self.message.show_success(self.tr("Saved."))
        self.saved.emit(case)
        return True

    def revert(self) -> None:
        self._set_widgets(self._baseline)
        self._edited()
        self.message.clear_message()

    # --- drafts (changes kept when SafeCase locked) -------------------------------------------------------

    def draft_values(self) -> dict[str, Any]:
        current = self.current_fields()
        return fields_to_json(current, self._revealed and current.sensitive != self._baseline.sensitive)

    def apply_draft(self, values: dict[str, Any]) -> bool:
        """Put a kept draft into the form (revealing first if it holds identifying details)."""
        if ("real_name" in values or "phone" in values) and not self.reveal():
            return False
        self._set_widgets(fields_from_json(values, self._baseline))
        self._edited()
        return True
