"""The History tab of a case window: who changed which field of which record, when, from what to what.

The service keeps one history row per changed field (inside the encrypted vault; real name and phone
appear only as dots). This tab turns stored field names and codes into words people read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QVBoxLayout, QWidget

from safecase.domain.tasks import HistoryEntry
from safecase.services.cases import CaseService
from safecase.services.referrals import OrganizationService
from safecase.services.session import VaultSession
from safecase.services.taxonomies import (
    BRANCHES,
    INCIDENT_TYPES,
    PERPETRATOR_RELATIONS,
    PLACE_TYPES,
    PLATFORMS,
    REGIONS,
    SERVICE_STATUSES,
)
from safecase.ui.common.list_model import ListTableModel
from safecase.ui.common.record_list import RecordList
from safecase.ui.common.record_tab import RecordTab
from safecase.ui.common.taxonomy_labels import (
    age_band_label,
    caller_type_label,
    channel_label,
    consent_giver_label,
    consent_purpose_label,
    date_precision_label,
    direction_label,
    gender_label,
    referral_outcome_label,
    referral_status_label,
    reported_to_label,
    risk_label,
    status_label,
    takedown_status_label,
    term_label,
)
from safecase.ui.common.widgets import help_text
from safecase.ui.tasks import Changes, TaskManager

_CONTEXT = "CaseHistory"


def _t(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def record_label(record_type: str) -> str:
    labels = {
        "case": _t("Case"),
        "contact": _t("Contact"),
        "incident": _t("Incident"),
        "referral": _t("Referral"),
        "consent": _t("Consent"),
        "task": _t("Task"),
        "evidence": _t("Evidence"),
        "takedown": _t("Take-down"),
    }
    return labels.get(record_type, record_type)


def field_label(field: str) -> str:
    labels = {
        "status": _t("Status"),
        "opened_on": _t("Opened on"),
        "closed_on": _t("Closed on"),
        "risk": _t("Risk"),
        "risk_reason": _t("Risk reason"),
        "counselors": _t("Counselors"),
        "profile.alias": _t("Alias"),
        "profile.age_band": _t("Age band"),
        "profile.gender": _t("Gender"),
        "profile.branch": _t("Branch"),
        "profile.service_status": _t("Service status"),
        "profile.region": _t("Region"),
        "profile.preferred_channel": _t("Preferred channel"),
        "profile.safe_channels": _t("Safe channels"),
        "profile.safe_to_leave_message": _t("Safe to leave a message"),
        "profile.safe_contact_notes": _t("Safe words and times"),
        "sensitive.real_name": _t("Real name"),
        "sensitive.phone": _t("Phone"),
        "statistics_opt_out": _t("Left out of statistics"),
        "at": _t("Date and time"),
        "channel": _t("Channel"),
        "direction": _t("Direction"),
        "duration_minutes": _t("Duration (minutes)"),
        "caller_type": _t("Caller"),
        "counselor": _t("Counselor"),
        "summary": _t("Summary"),
        "follow_up_needed": _t("Follow-up needed"),
        "follow_up_due": _t("Follow-up due"),
        "types": _t("Incident types"),
        "platforms": _t("Platforms"),
        "perpetrator_relation": _t("Perpetrator"),
        "date_precision": _t("Date known to"),
        "date_value": _t("Incident date"),
        "place_type": _t("Place"),
        "description": _t("Description"),
        "organization_id": _t("Organization"),
        "reason": _t("Reason"),
        "sent_on": _t("Sent on"),
        "consent_id": _t("Consent"),
        "outcome": _t("Outcome"),
        "outcome_code": _t("Outcome category"),
        "purpose": _t("Purpose"),
        "given_by": _t("Given by"),
        "given_on": _t("Given on"),
        "scope": _t("Scope"),
        "withdrawn_on": _t("Withdrawn on"),
    }
    return labels.get(field) or _takedown_field_label(field) or field


def _takedown_field_label(field: str) -> str | None:
    """Fields of a take-down (its other fields share their names with other records')."""
    labels = {
        "url": _t("Link"),
        "platform": _t("Platform"),
        "reported_to": _t("Reported to"),
        "reported_on": _t("Reported on"),
        "reference": _t("Reference"),
        "status_on": _t("Status since"),
        "recheck_on": _t("Re-check on"),
        "evidence_id": _t("Evidence item"),
        "reappeared_from": _t("Reappeared from take-down"),
        "note": _t("Note"),
        "notes": _t("Notes"),
    }
    return labels.get(field)


def _takedown_formatter(field: str) -> Callable[[str], str] | None:
    formatters: dict[str, Callable[[str], str]] = {
        "status": takedown_status_label,
        "reported_to": reported_to_label,
        "platform": lambda v: term_label(PLATFORMS, v),
        "evidence_id": lambda v: _t("#{id}").format(id=v),
        "reappeared_from": lambda v: _t("#{id}").format(id=v),
    }
    return formatters.get(field)


def _yes_no(value: str) -> str:
    return {"yes": _t("yes"), "no": _t("no")}.get(value, value)


def _many(taxonomy: str) -> Callable[[str], str]:
    return lambda value: _t(", ").join(term_label(taxonomy, v.strip()) for v in value.split(",") if v.strip())


class ValueWords:
    """Turns a stored value into words, by record type and field."""

    def __init__(self, organizations: dict[int, str], names: dict[str, str]) -> None:
        self._organizations = organizations
        self._names = names

    def __call__(self, record_type: str, field: str, value: str) -> str:
        if not value:
            return ""
        formatter = self._formatter(record_type, field)
        return formatter(value) if formatter else value

    def _formatter(self, record_type: str, field: str) -> Callable[[str], str] | None:
        if record_type == "takedown":
            return _takedown_formatter(field)
        if field == "status":
            return referral_status_label if record_type == "referral" else status_label
        simple: dict[str, Callable[[str], str]] = {
            "risk": risk_label,
            "profile.age_band": age_band_label,
            "profile.gender": gender_label,
            "profile.branch": lambda v: term_label(BRANCHES, v),
            "profile.service_status": lambda v: term_label(SERVICE_STATUSES, v),
            "profile.region": lambda v: term_label(REGIONS, v),
            "profile.preferred_channel": channel_label,
            "profile.safe_to_leave_message": _yes_no,
            "statistics_opt_out": _yes_no,
            "outcome_code": referral_outcome_label,
            "follow_up_needed": _yes_no,
            "channel": channel_label,
            "direction": direction_label,
            "caller_type": caller_type_label,
            "types": _many(INCIDENT_TYPES),
            "platforms": _many(PLATFORMS),
            "perpetrator_relation": lambda v: term_label(PERPETRATOR_RELATIONS, v),
            "place_type": lambda v: term_label(PLACE_TYPES, v),
            "date_precision": date_precision_label,
            "purpose": consent_purpose_label,
            "given_by": consent_giver_label,
            "organization_id": self._organization,
            "counselors": self._counselors,
            "counselor": lambda v: self._names.get(v, v),
            "consent_id": lambda v: _t("#{id}").format(id=v),
        }
        return simple.get(field)

    def _organization(self, value: str) -> str:
        try:
            return self._organizations.get(int(value), value)
        except ValueError:
            return value

    def _counselors(self, value: str) -> str:
        return _t(", ").join(self._names.get(n.strip(), n.strip()) for n in value.split(",") if n.strip())


@dataclass(frozen=True)
class HistoryRow:
    """One history entry as the tab shows it."""

    id: int
    cells: tuple[str, str, str, str, str]
    actor: str
    change: str


class HistoryModel(ListTableModel[HistoryRow]):
    WHEN, WHO, RECORD, FIELD, CHANGE = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr("When"), self.tr("Who"), self.tr("Record"), self.tr("Field"), self.tr("Change")]

    def display(self, item: HistoryRow, column: int) -> str:
        return item.cells[column]

    def tooltip(self, item: HistoryRow, column: int) -> str | None:
        if column == self.CHANGE:
            return item.change
        return item.actor if column == self.WHO else None


@dataclass(frozen=True)
class HistoryRead:
    entries: list[HistoryEntry]
    names: dict[str, str]
    organizations: dict[int, str]


class CaseHistoryTab(RecordTab[HistoryRead]):
    COLUMNS = 5

    def __init__(self, session: VaultSession, case_id: int, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(session, case_id, tasks, parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 12, 12, 12)
        column.setSpacing(8)
        column.addWidget(
            help_text(
                self.tr(
                    "Every change to this case, newest first. Real names and phone numbers show only that they changed."
                ),
                self,
            )
        )
        self.model = HistoryModel(self)
        self.records: RecordList[HistoryRow] = RecordList(
            self.model,
            self.tr("No change is recorded for this case yet. Every change made to it will be listed here."),
            lambda row: row.id,
            self,
        )
        self.table, self.empty_label = self.records.table, self.records.empty_label
        self.table.setAccessibleName(self.tr("Case history"))
        self.records.add_to(column)
        column.addWidget(self.message)

    def read(self, reader: VaultSession) -> HistoryRead:
        cases = CaseService(reader)
        entries = cases.history(self.case_id)
        names = {u.name: u.display_name for u in cases.caseworkers()}
        organizations = {o.id: o.name for o in OrganizationService(reader).all(include_inactive=True)}
        return HistoryRead(entries, names, organizations)

    def show_result(self, result: HistoryRead) -> None:
        words = ValueWords(result.organizations, result.names)
        ordered = sorted(result.entries, key=lambda e: (e.at, e.id), reverse=True)
        self.records.show_records([self._row(entry, words, result.names) for entry in ordered])

    def concerns(self, changes: Changes) -> bool:
        return changes.casework or changes.evidence  # evidence added and destroyed is in the history

    def _row(self, entry: HistoryEntry, words: ValueWords, names: dict[str, str]) -> HistoryRow:
        old = words(entry.record_type, entry.field, entry.old_value)
        new = words(entry.record_type, entry.field, entry.new_value)
        if old and new:
            change = self.tr("{old} → {new}").format(old=old, new=new)
        elif new:
            change = new
        else:
            change = self.tr("{old} → (empty)").format(old=old)
        record = record_label(entry.record_type)
        if entry.record_type != "case":
            record = self.tr("{record} #{id}").format(record=record, id=entry.record_id)
        cells = (
            entry.at.astimezone().strftime("%Y-%m-%d %H:%M"),
            names.get(entry.actor, entry.actor),
            record,
            field_label(entry.field),
            " ".join(change.split()),
        )
        return HistoryRow(entry.id, cells, entry.actor, change)

    def rows(self) -> list[list[str]]:
        """The table as text (tests)."""
        return [list(row.cells) for row in self.model.items()]
