"""Quick intake: log a call in under a minute, by keyboard, and open or find its case.

One form, three columns read left to right and top to bottom (the tab order follows them): the call,
the case (new, existing, or none for an anonymous one-off call), and optionally what happened; then
the follow-up. Ctrl+Enter saves everything in one transaction; Esc asks before discarding.

Nothing typed is lost silently. While the counselor types, the form is saved as a draft inside the
vault (debounced, every couple of seconds); the next time the dialog opens, the draft comes back with
a notice. Closing asks first; when the app itself closes the dialog (auto-lock, sign-out) the draft is
written at once and the dialog closes without asking.

While new-case details are typed, earlier cases that may be the same person (same phone number, or
the same alias with age band and affiliation) are suggested; one click or Enter attaches the call to
that case, so a repeat caller is linked. Cases the counselor may not open are shown by number and
counselors only, so they know whom to ask. The look-ups (and finding an existing case) read off the UI
thread; typing on makes the answer to an older look-up be dropped.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
from collections.abc import Callable
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from safecase.domain.cases import (
    AgeBand,
    CaseFields,
    CaseFilter,
    CaseSummary,
    Gender,
    RepeatMatch,
    RiskLevel,
    SensitiveContact,
    SurvivorProfile,
    parse_case_number,
)
from safecase.domain.errors import SafeCaseError
from safecase.domain.incidents import DatePrecision, Incident
from safecase.services.cases import CaseService
from safecase.services.drafts import QUICK_INTAKE, DraftService
from safecase.services.intake import IntakeForm, IntakeService
from safecase.services.people import display_names
from safecase.services.session import VaultSession
from safecase.services.taxonomies import (
    BRANCHES,
    INCIDENT_TYPES,
    PERPETRATOR_RELATIONS,
    REGIONS,
    SERVICE_STATUSES,
)
from safecase.ui.case.contact_fields import CodeCombo, ContactFields, FollowUpFields
from safecase.ui.case.incident_fields import Checklist, PlatformsLine
from safecase.ui.common.form_dialog import FormFooter, add_save_shortcut
from safecase.ui.common.messages import confirm
from safecase.ui.common.taxonomy_labels import (
    age_band_label,
    choices,
    gender_label,
    risk_label,
    terms,
)
from safecase.ui.common.widgets import Card, heading, help_text
from safecase.ui.tasks import TaskManager

_log = logging.getLogger(__name__)

AUTOSAVE_MS = 2000
"""Quiet time after the last keystroke before the draft is written to the vault."""
REPEAT_LOOKUP_MS = 400
"""Quiet time before looking for earlier cases of the same person."""
DRAFT_VERSION = 1
_CASE_ID = Qt.ItemDataRole.UserRole


class CaseMode(StrEnum):
    NEW = "new"
    EXISTING = "existing"
    NONE = "none"


class QuickIntakeDialog(QDialog):
    saved = Signal(object)
    """The case id (int) the intake created or attached to, or None for a contact without a case."""

    def __init__(
        self,
        session: VaultSession,
        tasks: TaskManager,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._tasks = tasks
        self._today = today
        self._cases = CaseService(session)
        self._drafts = DraftService(session)
        # Counselors' display names for the cases found and the repeat callers: read once, like the case window.
        self._names = display_names(session)
        self._dirty = False
        self._loading = True
        self._repeats: list[RepeatMatch] = []
        self._attach_notice = False
        self.setWindowTitle(self.tr("Quick intake"))
        self.setMinimumSize(1120, 640)

        column = QVBoxLayout(self)
        column.setSpacing(10)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Quick intake"), 1, self))
        top.addStretch(1)
        keys = help_text(
            self.tr("Tab moves on · Ctrl+Enter saves · Esc discards (asks first) · a draft is kept in the vault"),
            self,
        )
        keys.setWordWrap(False)
        top.addWidget(keys, 0, Qt.AlignmentFlag.AlignBottom)
        column.addLayout(top)
        self.notice = _Notice(self)
        column.addWidget(self.notice)

        columns = QHBoxLayout()
        columns.setSpacing(12)
        columns.addWidget(self._build_call_card(), 10)
        columns.addWidget(self._build_case_card(), 11)
        columns.addWidget(self._build_incident_card(), 10)
        column.addLayout(columns, 1)

        self.follow_up = FollowUpFields(self, today())
        # Enter must not save half a form from a line edit: only Ctrl+Enter (or a click) saves.
        self.footer = FormFooter(
            self.tr("Save  (Ctrl+Enter)"),
            self,
            cancel_label=self.tr("Discard…"),
            enter_saves=False,
            leading=self.follow_up,
        )
        column.addWidget(self.footer)
        self.error_line = self.footer.error_line
        self.save_button = self.footer.save_button
        self.discard_button = self.footer.cancel_button

        self._autosave_timer = QTimer(self)
        self._autosave_timer.setSingleShot(True)
        self._autosave_timer.setInterval(AUTOSAVE_MS)
        self._autosave_timer.timeout.connect(self._autosave)
        self._repeat_timer = QTimer(self)
        self._repeat_timer.setSingleShot(True)
        self._repeat_timer.setInterval(REPEAT_LOOKUP_MS)
        self._repeat_timer.timeout.connect(self._look_for_repeats)

        self._connect()
        self._set_tab_order()
        add_save_shortcut(self, self.save)
        self.footer.buttons.accepted.connect(self.save)
        self.footer.buttons.rejected.connect(self.reject)
        self._set_mode(CaseMode.NEW)
        self._restore_draft()
        self._loading = False
        self.contact.channel_combo.setFocus()

    # --- construction -----------------------------------------------------------------------------------

    def _build_call_card(self) -> QWidget:
        card = Card(self.tr("1 · The call"), self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.contact = ContactFields(card, with_time=False)
        form.addRow(self.tr("Channel:"), self.contact.channel_combo)
        form.addRow(self.tr("Direction:"), self.contact.direction_combo)
        form.addRow(self.tr("Caller:"), self.contact.caller_combo)
        form.addRow(self.tr("Duration:"), self.contact.duration_spin)
        card.body.addLayout(form)
        summary_label = QLabel(self.tr("&Summary:"), card)
        summary_label.setBuddy(self.contact.summary_edit)
        card.body.addWidget(summary_label)
        card.body.addWidget(self.contact.summary_edit, 1)
        return card

    def _build_case_card(self) -> QWidget:
        card = Card(self.tr("2 · The case"), self)
        modes = QHBoxLayout()
        self.mode_group = QButtonGroup(card)
        self.mode_buttons: dict[CaseMode, QRadioButton] = {}
        for mode, text in (
            (CaseMode.NEW, self.tr("&New case")),
            (CaseMode.EXISTING, self.tr("&Existing case")),
            (CaseMode.NONE, self.tr("N&o case (one-off call)")),
        ):
            button = QRadioButton(text, card)
            self.mode_group.addButton(button)
            self.mode_buttons[mode] = button
            modes.addWidget(button)
        modes.addStretch(1)
        card.body.addLayout(modes)

        self.case_pages = QStackedWidget(card)
        self.case_pages.addWidget(self._build_new_case_page(card))
        self.case_pages.addWidget(self._build_existing_page(card))
        none_page = QWidget(card)
        none_column = QVBoxLayout(none_page)
        none_column.setContentsMargins(0, 8, 0, 0)
        none_column.addWidget(
            help_text(
                self.tr(
                    "The call is logged without a case, for an anonymous one-off call. It can be attached "
                    "to a case later from that case's Contacts tab."
                ),
                none_page,
            )
        )
        none_column.addStretch(1)
        self.case_pages.addWidget(none_page)
        card.body.addWidget(self.case_pages, 1)

        self.repeats_box = QWidget(card)
        repeats_column = QVBoxLayout(self.repeats_box)
        repeats_column.setContentsMargins(0, 4, 0, 0)
        repeats_column.setSpacing(4)
        self.repeats_label = QLabel(
            self.tr("Possible earlier cases of the same person — click or press Enter to add this call to one:"), card
        )
        self.repeats_label.setWordWrap(True)
        self.repeats_list = QListWidget(card)
        self.repeats_list.setAccessibleName(self.tr("Possible earlier cases of the same person"))
        self.repeats_list.setWordWrap(True)
        self.repeats_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.repeats_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.repeats_list.setMaximumHeight(self.repeats_list.fontMetrics().lineSpacing() * 5 + 12)
        self.repeats_label.setBuddy(self.repeats_list)
        repeats_column.addWidget(self.repeats_label)
        repeats_column.addWidget(self.repeats_list)
        self.repeats_box.setStyleSheet("QLabel { color: #8a5a00; font-weight: 600; }")
        self.repeats_box.hide()
        card.body.addWidget(self.repeats_box)
        return card

    def _build_new_case_page(self, parent: QWidget) -> QWidget:
        page = QWidget(parent)
        form = QFormLayout(page)
        form.setContentsMargins(0, 4, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.alias_edit = QLineEdit(page)
        self.alias_edit.setMaxLength(100)
        self.alias_edit.setPlaceholderText(self.tr("alias or initials, never the real name"))
        self.age_combo = CodeCombo(choices(AgeBand, age_band_label), page)
        self.age_combo.set_code(AgeBand.UNKNOWN)
        self.gender_combo = CodeCombo(choices(Gender, gender_label), page)
        self.gender_combo.set_code(Gender.UNKNOWN)
        self.branch_combo = CodeCombo(terms(BRANCHES), page, empty_label=self.tr("branch —"))
        self.status_combo = CodeCombo(terms(SERVICE_STATUSES), page, empty_label=self.tr("status —"))
        self.region_combo = CodeCombo(terms(REGIONS), page, empty_label=self.tr("—"))
        self.risk_combo = CodeCombo(choices(RiskLevel, risk_label), page)
        self.risk_reason_edit = QLineEdit(page)
        self.risk_reason_edit.setPlaceholderText(self.tr("why this risk level"))
        self.real_name_edit = QLineEdit(page)
        self.real_name_edit.setPlaceholderText(self.tr("optional; shown masked later"))
        self.phone_edit = QLineEdit(page)
        self.phone_edit.setPlaceholderText(self.tr("optional; finds earlier calls from this number"))
        affiliation = QHBoxLayout()
        affiliation.addWidget(self.branch_combo, 1)
        affiliation.addWidget(self.status_combo, 1)
        self.branch_combo.setAccessibleName(self.tr("Service branch"))
        self.status_combo.setAccessibleName(self.tr("Service status"))
        risk = QHBoxLayout()
        risk.addWidget(self.risk_combo)
        risk.addWidget(self.risk_reason_edit, 1)
        self.risk_reason_edit.setAccessibleName(self.tr("Reason for the risk level"))
        form.addRow(self.tr("Alias:"), self.alias_edit)
        form.addRow(self.tr("Age band:"), self.age_combo)
        form.addRow(self.tr("Gender:"), self.gender_combo)
        form.addRow(self.tr("Affiliation:"), affiliation)
        form.addRow(self.tr("Region:"), self.region_combo)
        form.addRow(self.tr("Risk:"), risk)
        form.addRow(self.tr("Real name:"), self.real_name_edit)
        form.addRow(self.tr("Phone:"), self.phone_edit)
        return page

    def _build_existing_page(self, parent: QWidget) -> QWidget:
        page = QWidget(parent)
        page_column = QVBoxLayout(page)
        page_column.setContentsMargins(0, 4, 0, 0)
        self.search_edit = QLineEdit(page)
        self.search_edit.setPlaceholderText(self.tr("case number or alias, then Enter"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName(self.tr("Find a case"))
        self.results_list = QListWidget(page)
        self.results_list.setAccessibleName(self.tr("Cases found"))
        self.chosen_label = QLabel(page)
        self.chosen_label.setWordWrap(True)
        page_column.addWidget(self.search_edit)
        page_column.addWidget(self.results_list, 1)
        page_column.addWidget(self.chosen_label)
        return page

    def _build_incident_card(self) -> QWidget:
        card = Card(self.tr("3 · What happened (optional)"), self)
        types_label = QLabel(self.tr("&Types (Space ticks):"), card)
        self.types_list = Checklist(INCIDENT_TYPES, card)
        self.types_list.setAccessibleName(self.tr("Incident types"))
        types_label.setBuddy(self.types_list)
        card.body.addWidget(types_label)
        card.body.addWidget(self.types_list, 1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.platforms_edit = PlatformsLine(card)
        self.platforms_edit.setPlaceholderText(self.tr("e.g. 텔레그램, Instagram"))
        self.relation_combo = CodeCombo(terms(PERPETRATOR_RELATIONS), card)
        self.relation_combo.set_code("unknown")
        form.addRow(self.tr("Platforms:"), self.platforms_edit)
        form.addRow(self.tr("Perpetrator:"), self.relation_combo)
        card.body.addLayout(form)
        return card

    def _connect(self) -> None:
        self.contact.changed.connect(self._changed)
        self.follow_up.changed.connect(self._changed)
        self.types_list.changed.connect(self._changed)
        self.platforms_edit.textChanged.connect(self._changed)
        self.relation_combo.currentIndexChanged.connect(self._changed)
        self.mode_group.buttonToggled.connect(self._mode_toggled)
        for edit in (self.alias_edit, self.risk_reason_edit, self.real_name_edit, self.phone_edit, self.search_edit):
            edit.textChanged.connect(self._changed)
        for combo in (
            self.age_combo,
            self.gender_combo,
            self.branch_combo,
            self.status_combo,
            self.region_combo,
            self.risk_combo,
        ):
            combo.currentIndexChanged.connect(self._changed)
        for edit in (self.alias_edit, self.phone_edit):
            edit.textChanged.connect(self._repeat_timer.start)
        for combo in (self.age_combo, self.branch_combo, self.status_combo):
            combo.currentIndexChanged.connect(self._repeat_timer.start)
        self.search_edit.returnPressed.connect(self.search)
        self.results_list.currentItemChanged.connect(lambda *_: self._chosen_changed())
        self.results_list.itemActivated.connect(lambda _item: self.focusNextChild())
        self.repeats_list.itemClicked.connect(self._repeat_chosen)
        self.repeats_list.itemActivated.connect(self._repeat_chosen)

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            *self.contact.widgets(),
            *self.mode_buttons.values(),
            self.alias_edit,
            self.age_combo,
            self.gender_combo,
            self.branch_combo,
            self.status_combo,
            self.region_combo,
            self.risk_combo,
            self.risk_reason_edit,
            self.real_name_edit,
            self.phone_edit,
            self.search_edit,
            self.results_list,
            self.repeats_list,
            self.types_list,
            self.platforms_edit,
            self.relation_combo,
            *self.follow_up.widgets(),
            self.discard_button,
            self.save_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # --- the case column --------------------------------------------------------------------------------

    def mode(self) -> CaseMode:
        return next((mode for mode, button in self.mode_buttons.items() if button.isChecked()), CaseMode.NEW)

    def _set_mode(self, mode: CaseMode) -> None:
        self.mode_buttons[mode].setChecked(True)
        self._show_mode(mode)

    def _mode_toggled(self, _button: object, checked: bool) -> None:
        if checked:
            self._show_mode(self.mode())
            self._changed()

    def _show_mode(self, mode: CaseMode) -> None:
        self.case_pages.setCurrentIndex([CaseMode.NEW, CaseMode.EXISTING, CaseMode.NONE].index(mode))
        self.repeats_box.setVisible(mode is CaseMode.NEW and bool(self._repeats))
        if self._attach_notice and mode is not CaseMode.EXISTING:
            self._attach_notice = False
            self.notice.hide()
        self._chosen_changed()

    def search(self) -> None:
        """Find cases by number (exact) or by any word of alias and notes; the first is chosen."""
        text = self.search_edit.text().strip()
        self.error_line.clear_message()
        if not text:
            return
        self._tasks.query(
            lambda reader: find_cases(CaseService(reader), text),
            lambda found: self._found(text, found),
            owner=self,
            key="search",
            on_failed=lambda error: self.error_line.show_error(error.message),
        )

    def _found(self, text: str, found: list[CaseSummary]) -> None:
        self._show_results(found)
        if not found:
            self.chosen_label.setText(self.tr("No case of yours matches “{text}”.").format(text=text))
        else:
            self.results_list.setFocus()

    def _show_results(self, found: list[CaseSummary], choose: int | None = None) -> None:
        self.results_list.clear()
        for summary in found:
            text = self.tr("{number} · {alias} · opened {opened} · {counselors}").format(
                number=summary.number,
                alias=summary.alias or self.tr("(no alias)"),
                opened=summary.opened_on.isoformat(),
                counselors=self._names.join(summary.counselors),
            )
            item = QListWidgetItem(text, self.results_list)
            item.setData(_CASE_ID, summary.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text)
        if found:
            row = next((i for i, s in enumerate(found) if s.id == choose), 0)
            self.results_list.setCurrentRow(row)
        self._chosen_changed()

    def chosen_case(self) -> int | None:
        item = self.results_list.currentItem()
        return int(item.data(_CASE_ID)) if item is not None else None

    def _chosen_number(self) -> str:
        item = self.results_list.currentItem()
        return item.text().split(" · ")[0] if item is not None else ""

    def _chosen_changed(self) -> None:
        if self.chosen_case() is not None:
            self.chosen_label.setText(
                self.tr("This call will be added to case {number}.").format(number=self._chosen_number())
            )
        elif not self.search_edit.text().strip():
            self.chosen_label.setText(self.tr("Type a case number (2026-0042) or an alias and press Enter."))
        self._changed()

    # --- repeat callers ---------------------------------------------------------------------------------

    def _look_for_repeats(self) -> None:
        """Look for earlier cases of the same person off the UI thread; a newer look-up drops an older one."""
        phone, alias = self.phone_edit.text().strip(), self.alias_edit.text().strip()
        if not (phone or alias):
            self._tasks.cancel(owner=self, key="repeats")
            self._show_repeats([])
            return
        age_band, branch, status = self.age_combo.code(), self.branch_combo.code(), self.status_combo.code()
        self._tasks.query(
            lambda reader: CaseService(reader).possible_repeats(
                phone=phone, alias=alias, age_band=age_band, branch=branch, service_status=status
            ),
            self._show_repeats,
            owner=self,
            key="repeats",
            on_failed=lambda error: _log.info("repeat lookup refused: %s", error.message),
        )

    def _show_repeats(self, matches: list[RepeatMatch]) -> None:
        self._repeats = matches
        self.repeats_list.clear()
        for match in matches:
            counselors = self._names.join(match.counselors)
            if match.visible:
                text = self.tr("{number} ({alias}) — {reason} — counselor: {counselors}").format(
                    number=match.number, alias=match.alias or "—", reason=match.reason, counselors=counselors
                )
            else:
                text = self.tr("{number} — {reason} — counselor: {counselors} (not your case: ask them)").format(
                    number=match.number, reason=match.reason, counselors=counselors
                )
            item = QListWidgetItem(text, self.repeats_list)
            item.setData(_CASE_ID, match.case_id)
            if not match.visible:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                item.setToolTip(
                    self.tr("This case is assigned to someone else; only its number and counselors are shown.")
                )
        if matches and self.repeats_list.currentItem() is None:
            first = next((row for row, m in enumerate(matches) if m.visible), -1)
            if first >= 0:
                self.repeats_list.setCurrentRow(first)
        self.repeats_box.setVisible(bool(matches) and self.mode() is CaseMode.NEW)

    def suggestions(self) -> list[RepeatMatch]:
        return list(self._repeats)

    def _repeat_chosen(self, item: QListWidgetItem) -> None:
        case_id = item.data(_CASE_ID)
        match = next((m for m in self._repeats if m.case_id == case_id), None)
        if match is None or not match.visible:
            return
        self.attach_to(match.case_id)

    def attach_to(self, case_id: int) -> None:
        """Add this call to ``case_id`` (a repeat caller's case) instead of opening a new one."""
        try:
            found = self._cases.summaries([case_id])
        except SafeCaseError as exc:
            self.error_line.show_error(exc.message)
            return
        if not found:
            return
        self.search_edit.setText(found[0].number)
        self._show_results(found, choose=case_id)
        self._set_mode(CaseMode.EXISTING)
        self.notice.show_info(
            self.tr("This call will be added to case {number}. Choose “New case” to open a new case instead.").format(
                number=found[0].number
            )
        )
        self.types_list.setFocus()

    # --- the form ---------------------------------------------------------------------------------------

    def _case_fields(self) -> CaseFields:
        return CaseFields(
            risk=RiskLevel(self.risk_combo.code()),
            risk_reason=self.risk_reason_edit.text(),
            profile=SurvivorProfile(
                alias=self.alias_edit.text(),
                age_band=AgeBand(self.age_combo.code()),
                gender=Gender(self.gender_combo.code()),
                branch=self.branch_combo.code(),
                service_status=self.status_combo.code(),
                region=self.region_combo.code(),
            ),
            sensitive=SensitiveContact(self.real_name_edit.text(), self.phone_edit.text()),
        )

    def _incident(self) -> Incident | None:
        types = self.types_list.checked_codes()
        platforms = tuple(self.platforms_edit.platforms())
        relation = self.relation_combo.code()
        if not types:
            if platforms or relation != "unknown":
                raise _FormProblem(self.tr("Tick at least one incident type, or clear the platforms and perpetrator."))
            return None
        return Incident(0, 0, types, platforms, relation, DatePrecision.UNKNOWN, "", "unknown", "")

    def form(self) -> IntakeForm:
        """What Save would send to the service; raises _FormProblem with a message to show."""
        mode = self.mode()
        case_id: int | None = None
        case_fields: CaseFields | None = None
        if mode is CaseMode.EXISTING:
            case_id = self.chosen_case()
            if case_id is None:
                raise _FormProblem(self.tr("Find and choose the case to add this call to, or choose “New case”."))
        elif mode is CaseMode.NEW:
            case_fields = self._case_fields()
        incident = self._incident()
        if incident is not None and mode is CaseMode.NONE:
            raise _FormProblem(self.tr("An incident belongs to a case: choose a new or existing case."))
        contact = self.contact.contact(None, case_id, self.follow_up)
        return IntakeForm(contact=contact, case_id=case_id, case_fields=case_fields, incident=incident)

    def save(self) -> None:
        self.error_line.clear_message()
        if self._tasks.busy:
            self.error_line.show_error(self.tr("Please wait until the current operation has finished."))
            return
        try:
            form = self.form()
        except _FormProblem as problem:
            self.error_line.show_error(str(problem))
            return
        try:
            result = IntakeService(self._session).save(form)
        except SafeCaseError as exc:
            self.error_line.show_error(exc.message)
            return
        self._autosave_timer.stop()
        self._repeat_timer.stop()
        self._dirty = False
        self.accept()
        self.saved.emit(result.case.id if result.case is not None else None)

    # --- drafts -----------------------------------------------------------------------------------------

    @property
    def has_unsaved_changes(self) -> bool:
        return self._dirty

    def _changed(self, *_args: Any) -> None:
        if self._loading:
            return
        self._dirty = True
        self._autosave_timer.start()

    def values(self) -> dict[str, Any]:
        """Everything typed, as a JSON-friendly draft."""
        return {
            "version": DRAFT_VERSION,
            "saved_at": datetime.now().astimezone().isoformat(timespec="seconds"),
            "contact": self.contact.values(),
            "mode": self.mode().value,
            "case_id": self.chosen_case(),
            "search": self.search_edit.text(),
            "new_case": {
                "alias": self.alias_edit.text(),
                "age_band": self.age_combo.code(),
                "gender": self.gender_combo.code(),
                "branch": self.branch_combo.code(),
                "service_status": self.status_combo.code(),
                "region": self.region_combo.code(),
                "risk": self.risk_combo.code(),
                "risk_reason": self.risk_reason_edit.text(),
                "real_name": self.real_name_edit.text(),
                "phone": self.phone_edit.text(),
            },
            "incident": {
                "types": list(self.types_list.checked_codes()),
                "platforms": self.platforms_edit.text(),
                "relation": self.relation_combo.code(),
            },
            "follow_up": self.follow_up.values(),
        }

    def _autosave(self) -> None:
        if not self._dirty:
            return
        if self._tasks.busy:
            self._autosave_timer.start()
            return
        self.save_draft()

    def save_draft(self) -> None:
        try:
            self._drafts.save(QUICK_INTAKE, self.values())
        except SafeCaseError as exc:
            _log.warning("the intake draft could not be saved: %s", exc.message)

    def _restore_draft(self) -> None:
        try:
            draft = self._drafts.load(QUICK_INTAKE)
        except SafeCaseError:
            draft = None
        if not draft or draft.get("version") != DRAFT_VERSION:
            return
        self._apply(draft)
        self._dirty = True
        self.notice.show_info(
            self.tr("Restored your unsaved intake from {time}. Save it, or discard it with Esc.").format(
                time=_when(str(draft.get("saved_at", "")), self._today())
            )
        )

    def _apply(self, draft: dict[str, Any]) -> None:
        self.contact.restore(_dict(draft.get("contact")))
        new_case = _dict(draft.get("new_case"))
        self.alias_edit.setText(str(new_case.get("alias", "")))
        self.age_combo.set_code(str(new_case.get("age_band") or AgeBand.UNKNOWN))
        self.gender_combo.set_code(str(new_case.get("gender") or Gender.UNKNOWN))
        self.branch_combo.set_code(str(new_case.get("branch", "")))
        self.status_combo.set_code(str(new_case.get("service_status", "")))
        self.region_combo.set_code(str(new_case.get("region", "")))
        self.risk_combo.set_code(str(new_case.get("risk") or RiskLevel.LOW))
        self.risk_reason_edit.setText(str(new_case.get("risk_reason", "")))
        self.real_name_edit.setText(str(new_case.get("real_name", "")))
        self.phone_edit.setText(str(new_case.get("phone", "")))
        incident = _dict(draft.get("incident"))
        types = incident.get("types")
        self.types_list.set_checked([str(t) for t in types] if isinstance(types, list) else [])
        self.platforms_edit.setText(str(incident.get("platforms", "")))
        self.relation_combo.set_code(str(incident.get("relation") or "unknown"))
        self.follow_up.restore(_dict(draft.get("follow_up")))
        self.search_edit.setText(str(draft.get("search", "")))
        case_id = draft.get("case_id")
        if isinstance(case_id, int):
            with contextlib.suppress(SafeCaseError):
                self._show_results(self._cases.summaries([case_id]), choose=case_id)
        try:
            mode = CaseMode(str(draft.get("mode", CaseMode.NEW)))
        except ValueError:
            mode = CaseMode.NEW
        self._set_mode(mode)
        self._repeat_timer.start()

    def discard(self) -> None:
        """Throw away what was typed and the draft in the vault, and close."""
        self._autosave_timer.stop()
        self._repeat_timer.stop()
        self._dirty = False
        try:
            self._drafts.clear(QUICK_INTAKE)
        except SafeCaseError as exc:
            _log.warning("the intake draft could not be cleared: %s", exc.message)
        super().reject()

    # --- closing ----------------------------------------------------------------------------------------

    def reject(self) -> None:
        """Esc, the Discard button, or the window's close button: ask before throwing work away."""
        if not self._dirty:
            self._autosave_timer.stop()
            self._repeat_timer.stop()
            super().reject()
            return
        confirm(
            self,
            self.tr("Discard this intake?"),
            self.tr("What you typed has not been saved as a contact."),
            self.tr("Discarding deletes it, including the draft kept in the vault. Cancel to go back to the form."),
            self.tr("Discard"),
            self.discard,
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        """The window's close button asks like Esc; when the app closes the dialog it closes quietly.

        Either way the newest text is written to the draft first. A close from the window system (the
        close button, Alt+F4) is *spontaneous*; the app closes dialogs itself on auto-lock and sign-out,
        and then there is no one to answer a question: the draft brings the work back after sign-in.
        """
        if self._dirty:
            self._autosave_timer.stop()
            self._repeat_timer.stop()
            self.save_draft()
            if not event.spontaneous():
                self._dirty = False
        # QDialog calls reject(), which asks while there are unsaved changes, and keeps the event ignored.
        super().closeEvent(event)


def find_cases(cases: CaseService, text: str) -> list[CaseSummary]:
    """On a worker thread: the case numbered ``text``, or up to 30 whose alias or notes have its words."""
    if parse_case_number(text) is not None:
        try:
            ids = [cases.id_for_number(text)]
        except SafeCaseError:
            ids = []
    else:
        ids = cases.list_ids(CaseFilter(text=text))[:30]
    return cases.summaries(ids)


class _Notice(QLabel):
    """A calm framed note above the form (a restored draft, the case a call will be added to)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(
            "QLabel { background: #eaf2fb; color: #1d3a5f; border: 1px solid #b9cfe8; border-radius: 4px;"
            " padding: 6px 10px; }"
        )
        self.hide()

    def show_info(self, text: str) -> None:
        self.setText(text)
        self.setAccessibleDescription(text)
        self.show()


class _FormProblem(Exception):
    """Something the form cannot save as it is; the message is shown under the form."""


def _dict(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _when(saved_at: str, today: date) -> str:
    try:
        moment = datetime.fromisoformat(saved_at).astimezone()
    except ValueError:
        return "?"
    return moment.strftime("%H:%M") if moment.date() == today else moment.strftime("%Y-%m-%d %H:%M")
