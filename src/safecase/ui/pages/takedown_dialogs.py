"""Dialogs of take-downs: record one, change its status, set its re-check date, record that it reappeared.

:class:`TakedownDialog` is the one to call from anywhere a case is at hand (the Evidence tab passes the
case and the evidence item; the Take-downs page passes the cases to pick from). Each dialog calls one
service method on Save (:class:`~safecase.ui.common.form_dialog.FormDialog`); its :attr:`saved` signal
carries the take-down written, and the caller announces ``Changes(takedowns=True)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from safecase.domain.errors import InputError
from safecase.domain.evidence import MAX_SHORT_TEXT, MAX_URL_LENGTH
from safecase.domain.takedowns import (
    CLOSED_STATUSES,
    SETTABLE_STATUSES,
    ReportedTo,
    Takedown,
    TakedownStatus,
)
from safecase.services.cases import CaseService
from safecase.services.session import VaultSession
from safecase.services.takedowns import (
    DEFAULT_RECHECK_DAYS,
    KEEP,
    NewTakedown,
    TakedownRow,
    TakedownService,
    default_recheck,
)
from safecase.services.taxonomies import PLATFORMS
from safecase.ui.case.contact_fields import CodeCombo, date_edit, edit_date, notes_edit, plain_text
from safecase.ui.common.form_dialog import FormDialog
from safecase.ui.common.taxonomy_labels import reported_to_label, takedown_status_label, term_label, terms
from safecase.ui.common.widgets import help_text

# The step that usually comes next, proposed when the status dialog opens.
_NEXT = {
    TakedownStatus.FOUND: TakedownStatus.REPORTED,
    TakedownStatus.REAPPEARED: TakedownStatus.REPORTED,
    TakedownStatus.REPORTED: TakedownStatus.ACKNOWLEDGED,
    TakedownStatus.ACKNOWLEDGED: TakedownStatus.REMOVED,
    TakedownStatus.REMOVED: TakedownStatus.REPORTED,
    TakedownStatus.REFUSED: TakedownStatus.REPORTED,
}


@dataclass(frozen=True)
class CaseChoice:
    """A case the person may pick: its id, number and alias."""

    id: int
    number: str
    alias: str

    @property
    def text(self) -> str:
        return f"{self.number} · {self.alias}" if self.alias else self.number


def _to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _dated(parent: QWidget, label: str, value: date, checked: bool) -> tuple[QCheckBox, QDateEdit, QHBoxLayout]:
    """A check box that switches a date on or off, and the date beside it."""
    check = QCheckBox(label, parent)
    check.setChecked(checked)
    edit = date_edit(parent, value)
    edit.setEnabled(checked)
    check.toggled.connect(edit.setEnabled)
    row = QHBoxLayout()
    row.addWidget(check)
    row.addWidget(edit)
    row.addStretch(1)
    return check, edit, row


def _alone(widget: QWidget) -> QHBoxLayout:
    """A field that keeps its own width in a form whose fields grow (a date)."""
    row = QHBoxLayout()
    row.addWidget(widget)
    row.addStretch(1)
    return row


def platform_combo(parent: QWidget, current: str = "") -> QComboBox:
    """Known platforms to pick, or any name typed."""
    combo = QComboBox(parent)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    for code, label in terms(PLATFORMS):
        combo.addItem(label, code)
    combo.setCurrentIndex(-1)
    line = combo.lineEdit()
    assert line is not None
    line.setMaxLength(MAX_SHORT_TEXT)
    line.setPlaceholderText(QCoreApplication.translate("TakedownDialog", "Telegram, X, a webhard, a site…"))
    if current:
        index = combo.findData(current)
        if index >= 0:
            combo.setCurrentIndex(index)
        else:
            combo.setEditText(current)
    return combo


def platform_text(combo: QComboBox) -> str:
    """The chosen platform's code, or the name typed (the service resolves labels in either language)."""
    text = combo.currentText().strip()
    index = combo.currentIndex()
    if index >= 0 and combo.itemText(index) == text:
        return str(combo.itemData(index))
    return text


def _describe(entry: Takedown) -> str:
    parts = [entry.url or "", term_label(PLATFORMS, entry.platform), reported_to_label(entry.reported_to)]
    return " · ".join(p for p in parts if p)


class TakedownDialog(FormDialog):
    """Record a take-down request for a post or link of a case.

    With ``case_id`` the case is fixed (from the case window's Evidence tab, which may also pass the
    evidence item and its link and platform); without, the person picks one of ``cases``.
    :attr:`saved` carries the new :class:`Takedown`.
    """

    def __init__(
        self,
        session: VaultSession,
        case_id: int | None,
        evidence_item_id: int | None = None,
        parent: QWidget | None = None,
        *,
        cases: Sequence[CaseChoice] = (),
        case_number: str = "",
        url: str = "",
        platform: str = "",
    ) -> None:
        super().__init__(self.tr("Add take-down"), self.tr("Add take-down"), parent)
        self._session = session
        self._service = TakedownService(session)
        self._case_id = case_id
        self._evidence_id = evidence_item_id
        self._cases = list(cases)
        today = session.clock.today()
        self.setMinimumWidth(620)
        self.body.addWidget(
            help_text(
                self.tr(
                    "One entry per place the link was reported. Record where and when, and the number they gave; "
                    "SafeCase reminds you on Today when it is time to check whether it is down."
                ),
                self,
            )
        )
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.case_combo: QComboBox | None = None
        if case_id is None:
            self.case_combo = QComboBox(self)
            self.case_combo.setEditable(True)
            self.case_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            case_line = self.case_combo.lineEdit()
            assert case_line is not None
            case_line.setPlaceholderText(self.tr("Case number or alias"))
            completer = self.case_combo.completer()
            if completer is not None:  # a number or an alias typed anywhere in the entry finds it
                completer.setFilterMode(Qt.MatchFlag.MatchContains)
                completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            for choice in self._cases:
                self.case_combo.addItem(choice.text, choice.id)
            self.case_combo.setCurrentIndex(-1)
            form.addRow(self._label(self.tr("&Case:"), self.case_combo), self.case_combo)
        else:
            form.addRow(self.tr("Case:"), QLabel(case_number or str(case_id), self))
        if evidence_item_id is not None:
            form.addRow(self.tr("Evidence item:"), QLabel(f"#{evidence_item_id}", self))
        self.url_edit = QLineEdit(url, self)
        self.url_edit.setMaxLength(MAX_URL_LENGTH)
        self.url_edit.setPlaceholderText(self.tr("https://… (the post, the channel, the page)"))
        self.platform_combo = platform_combo(self, platform)
        self.reported_to_combo = CodeCombo([(r.value, reported_to_label(r, full=True)) for r in ReportedTo], self)
        self.reported_to_combo.set_code(ReportedTo.DSC.value)
        self.reported_check, self.reported_edit, reported_row = _dated(self, self.tr("Reported on"), today, True)
        self.reported_edit.setMaximumDate(_to_qdate(today))
        self.reference_edit = QLineEdit(self)
        self.reference_edit.setMaxLength(MAX_SHORT_TEXT)
        self.reference_edit.setPlaceholderText(self.tr("The number they gave the report, if any"))
        self.recheck_check, self.recheck_edit, recheck_row = _dated(
            self, self.tr("Check again on"), default_recheck(today), True
        )
        self.notes_edit = notes_edit(self, self.tr("Who asked, what was sent with the report"), lines=3)
        for text, widget in (
            (self.tr("&Link:"), self.url_edit),
            (self.tr("&Platform:"), self.platform_combo),
            (self.tr("Reported &to:"), self.reported_to_combo),
        ):
            form.addRow(self._label(text, widget), widget)
        form.addRow(self.tr("When:"), reported_row)
        form.addRow(self._label(self.tr("&Reference:"), self.reference_edit), self.reference_edit)
        form.addRow(self.tr("Re-check:"), recheck_row)
        form.addRow(self._label(self.tr("N&otes:"), self.notes_edit), self.notes_edit)
        self.body.addLayout(form)
        self._recheck_touched = False
        self._following = False
        self.recheck_edit.dateChanged.connect(self._recheck_edited)
        self.reported_edit.dateChanged.connect(self._follow_report_date)
        self.reported_check.toggled.connect(self.reference_edit.setEnabled)
        if self.case_combo is not None:
            self.case_combo.setFocus()
        elif url:
            self.platform_combo.setFocus()
        else:
            self.url_edit.setFocus()

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _recheck_edited(self) -> None:
        if not self._following:
            self._recheck_touched = True

    def _follow_report_date(self, value: QDate) -> None:
        """A week after the report, until the person picks the re-check day themselves."""
        if self._recheck_touched:
            return
        self._following = True
        self.recheck_edit.setDate(value.addDays(DEFAULT_RECHECK_DAYS))
        self._following = False

    def selected_case(self) -> int:
        if self._case_id is not None:
            return self._case_id
        assert self.case_combo is not None
        text = self.case_combo.currentText().strip()
        index = self.case_combo.currentIndex()
        if index >= 0 and self.case_combo.itemText(index) == text:
            return int(self.case_combo.itemData(index))
        for choice in self._cases:
            if text in (choice.number, choice.text):
                return choice.id
        if not text:
            raise InputError(self.tr("Choose the case the link belongs to."))
        return CaseService(self._session).id_for_number(text.split()[0])

    def commit(self) -> Takedown:
        case_id = self.selected_case()
        reported = edit_date(self.reported_edit) if self.reported_check.isChecked() else None
        entry = NewTakedown(
            url=self.url_edit.text(),
            platform=platform_text(self.platform_combo),
            reported_to=ReportedTo(self.reported_to_combo.code()),
            reported_on=reported,
            reference=self.reference_edit.text() if reported is not None else "",
            recheck_on=edit_date(self.recheck_edit) if self.recheck_check.isChecked() else None,
            evidence_id=self._evidence_id,
            notes=plain_text(self.notes_edit),
        )
        return self._service.record(case_id, entry)


class TakedownStatusDialog(FormDialog):
    """Record a take-down's new status, the day it happened and a note; :attr:`saved` carries the entry."""

    def __init__(self, session: VaultSession, row: TakedownRow, parent: QWidget | None = None) -> None:
        entry = row.takedown
        super().__init__(
            self.tr("Change take-down status"),
            self.tr("Save status"),
            parent,
            heading_text=self.tr("Take-down #{id} · case {case}").format(id=entry.id, case=row.case_number),
        )
        self._service = TakedownService(session)
        self._entry = entry
        today = session.clock.today()
        self.setMinimumWidth(560)
        what = help_text(
            self.tr("{what}\nNow: {status} since {day}.").format(
                what=_describe(entry), status=takedown_status_label(entry.status), day=entry.status_on.isoformat()
            ),
            self,
        )
        what.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.addWidget(what)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        choices = [(s.value, takedown_status_label(s)) for s in SETTABLE_STATUSES if s is not entry.status]
        self.status_combo = CodeCombo(choices, self)
        self.status_combo.set_code(_NEXT[entry.status].value)
        self.on_edit = date_edit(self, today)
        self.on_edit.setMaximumDate(_to_qdate(today))
        if entry.reported_on is not None:
            self.on_edit.setMinimumDate(_to_qdate(entry.reported_on))
        self.reference_edit = QLineEdit(entry.reference, self)
        self.reference_edit.setMaxLength(MAX_SHORT_TEXT)
        self.reference_edit.setPlaceholderText(self.tr("The number they gave, if any"))
        proposed = entry.recheck_on if entry.recheck_on is not None and entry.recheck_on > today else None
        self.recheck_check, self.recheck_edit, recheck_row = _dated(
            self, self.tr("Check again on"), proposed or default_recheck(today), True
        )
        self.note_edit = notes_edit(self, self.tr("What they answered, what you saw"), lines=3)
        status_label = QLabel(self.tr("&Status:"), self)
        status_label.setBuddy(self.status_combo)
        on_label = QLabel(self.tr("&On:"), self)
        on_label.setBuddy(self.on_edit)
        reference_label = QLabel(self.tr("&Reference:"), self)
        reference_label.setBuddy(self.reference_edit)
        note_label = QLabel(self.tr("N&ote:"), self)
        note_label.setBuddy(self.note_edit)
        form.addRow(status_label, self.status_combo)
        form.addRow(on_label, _alone(self.on_edit))
        form.addRow(reference_label, self.reference_edit)
        form.addRow(self.tr("Re-check:"), recheck_row)
        form.addRow(note_label, self.note_edit)
        self.body.addLayout(form)
        self.settled_hint = help_text(
            self.tr("Removed or refused: the take-down leaves the open list and needs no re-check."), self
        )
        self.body.addWidget(self.settled_hint)
        self.status_combo.currentIndexChanged.connect(self._status_changed)
        self._status_changed()
        self.status_combo.setFocus()

    def chosen_status(self) -> TakedownStatus:
        return TakedownStatus(self.status_combo.code())

    def _status_changed(self) -> None:
        settled = self.chosen_status() in CLOSED_STATUSES
        self.recheck_check.setEnabled(not settled)
        self.recheck_edit.setEnabled(not settled and self.recheck_check.isChecked())
        self.settled_hint.setVisible(settled)

    def commit(self) -> Takedown:
        status = self.chosen_status()
        settled = status in CLOSED_STATUSES
        reference = self.reference_edit.text().strip()
        return self._service.change_status(
            self._entry.id,
            status,
            edit_date(self.on_edit),
            plain_text(self.note_edit),
            recheck_on=KEEP if settled else (edit_date(self.recheck_edit) if self.recheck_check.isChecked() else None),
            reference=None if reference == self._entry.reference else reference,
        )


class RecheckDialog(FormDialog):
    """Set (or clear) the day to check an open take-down again; :attr:`saved` carries the entry."""

    def __init__(self, session: VaultSession, row: TakedownRow, parent: QWidget | None = None) -> None:
        entry = row.takedown
        super().__init__(
            self.tr("Re-check date"),
            self.tr("Save date"),
            parent,
            heading_text=self.tr("Take-down #{id} · case {case}").format(id=entry.id, case=row.case_number),
        )
        self._service = TakedownService(session)
        self._entry = entry
        today = session.clock.today()
        self.setMinimumWidth(480)
        self.body.addWidget(help_text(_describe(entry), self))
        self.recheck_check, self.recheck_edit, row_layout = _dated(
            self, self.tr("Check again on"), entry.recheck_on or default_recheck(today), entry.recheck_on is not None
        )
        self.recheck_check.setChecked(True)
        self.body.addLayout(row_layout)
        self.recheck_edit.setFocus()

    def commit(self) -> Takedown:
        day = edit_date(self.recheck_edit) if self.recheck_check.isChecked() else None
        return self._service.set_recheck(self._entry.id, day)


class ReappearedDialog(FormDialog):
    """Removed material was found again: record it as a new take-down linked to the removed one."""

    def __init__(self, session: VaultSession, row: TakedownRow, parent: QWidget | None = None) -> None:
        entry = row.takedown
        super().__init__(
            self.tr("Material reappeared"),
            self.tr("Record reappearance"),
            parent,
            heading_text=self.tr("Reappeared · take-down #{id} · case {case}").format(
                id=entry.id, case=row.case_number
            ),
        )
        self._service = TakedownService(session)
        self._entry = entry
        today = session.clock.today()
        self.setMinimumWidth(560)
        self.body.addWidget(
            help_text(
                self.tr(
                    "Removed on {day}. A new take-down is opened for the material found again, linked to this one; "
                    "report it again and record that on the new one."
                ).format(day=entry.status_on.isoformat()),
                self,
            )
        )
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.found_edit = date_edit(self, today)
        self.found_edit.setMaximumDate(_to_qdate(today))
        self.found_edit.setMinimumDate(_to_qdate(entry.status_on))
        self.url_edit = QLineEdit(entry.url, self)
        self.url_edit.setMaxLength(MAX_URL_LENGTH)
        self.recheck_check, self.recheck_edit, recheck_row = _dated(
            self, self.tr("Check again on"), default_recheck(today), True
        )
        self.note_edit = notes_edit(self, self.tr("Where and how it was found"), lines=3)
        found_label = QLabel(self.tr("&Found again on:"), self)
        found_label.setBuddy(self.found_edit)
        url_label = QLabel(self.tr("&Link:"), self)
        url_label.setBuddy(self.url_edit)
        note_label = QLabel(self.tr("N&ote:"), self)
        note_label.setBuddy(self.note_edit)
        form.addRow(found_label, _alone(self.found_edit))
        form.addRow(url_label, self.url_edit)
        form.addRow(self.tr("Re-check:"), recheck_row)
        form.addRow(note_label, self.note_edit)
        self.body.addLayout(form)
        self.found_edit.setFocus()

    def commit(self) -> Takedown:
        url = self.url_edit.text().strip()
        return self._service.mark_reappeared(
            self._entry.id,
            edit_date(self.found_edit),
            url="" if url == self._entry.url else url,
            recheck_on=edit_date(self.recheck_edit) if self.recheck_check.isChecked() else None,
            note=plain_text(self.note_edit),
        )
