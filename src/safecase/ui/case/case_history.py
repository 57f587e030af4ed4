"""The History tab of a case window: who changed which field of which record, when, from what to what.

The service keeps one history row per changed field (inside the encrypted vault; real name and phone
appear only as dots). This tab turns stored field names and codes into words people read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QVBoxLayout, QWidget

from safecase.domain.tasks import HistoryEntry
from safecase.domain.users import DisplayNames
from safecase.services.cases import CaseService
from safecase.services.labels import evidence_kind_label
from safecase.services.people import display_names
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
    task_kind_label,
    term_label,
)
from safecase.ui.common.widgets import help_text
from safecase.ui.tasks import Changes, TaskManager


def record_label(record_type: str) -> str:
    labels = {
        "case": QCoreApplication.translate("CaseHistory", "Case"),
        "contact": QCoreApplication.translate("CaseHistory", "Contact"),
        "incident": QCoreApplication.translate("CaseHistory", "Incident"),
        "referral": QCoreApplication.translate("CaseHistory", "Referral"),
        "consent": QCoreApplication.translate("CaseHistory", "Consent"),
        "task": QCoreApplication.translate("CaseHistory", "Task"),
        "evidence": QCoreApplication.translate("CaseHistory", "Evidence"),
        "takedown": QCoreApplication.translate("CaseHistory", "Take-down"),
    }
    return labels.get(record_type, record_type)


def field_label(field: str) -> str:
    labels = {
        "status": QCoreApplication.translate("CaseHistory", "Status"),
        "opened_on": QCoreApplication.translate("CaseHistory", "Opened on"),
        "closed_on": QCoreApplication.translate("CaseHistory", "Closed on"),
        "risk": QCoreApplication.translate("CaseHistory", "Risk"),
        "risk_reason": QCoreApplication.translate("CaseHistory", "Risk reason"),
        "counselors": QCoreApplication.translate("CaseHistory", "Counselors"),
        "profile.alias": QCoreApplication.translate("CaseHistory", "Alias"),
        "profile.age_band": QCoreApplication.translate("CaseHistory", "Age band"),
        "profile.gender": QCoreApplication.translate("CaseHistory", "Gender"),
        "profile.branch": QCoreApplication.translate("CaseHistory", "Branch"),
        "profile.service_status": QCoreApplication.translate("CaseHistory", "Service status"),
        "profile.region": QCoreApplication.translate("CaseHistory", "Region"),
        "profile.preferred_channel": QCoreApplication.translate("CaseHistory", "Preferred channel"),
        "profile.safe_channels": QCoreApplication.translate("CaseHistory", "Safe channels"),
        "profile.safe_to_leave_message": QCoreApplication.translate("CaseHistory", "Safe to leave a message"),
        "profile.safe_contact_notes": QCoreApplication.translate("CaseHistory", "Safe words and times"),
        "sensitive.real_name": QCoreApplication.translate("CaseHistory", "Real name"),
        "sensitive.phone": QCoreApplication.translate("CaseHistory", "Phone"),
        "statistics_opt_out": QCoreApplication.translate("CaseHistory", "Left out of statistics"),
        "at": QCoreApplication.translate("CaseHistory", "Date and time"),
        "channel": QCoreApplication.translate("CaseHistory", "Channel"),
        "direction": QCoreApplication.translate("CaseHistory", "Direction"),
        "duration_minutes": QCoreApplication.translate("CaseHistory", "Duration (minutes)"),
        "caller_type": QCoreApplication.translate("CaseHistory", "Caller"),
        "counselor": QCoreApplication.translate("CaseHistory", "Counselor"),
        "summary": QCoreApplication.translate("CaseHistory", "Summary"),
        "follow_up_needed": QCoreApplication.translate("CaseHistory", "Follow-up needed"),
        "follow_up_due": QCoreApplication.translate("CaseHistory", "Follow-up due"),
        "types": QCoreApplication.translate("CaseHistory", "Incident types"),
        "platforms": QCoreApplication.translate("CaseHistory", "Platforms"),
        "perpetrator_relation": QCoreApplication.translate("CaseHistory", "Perpetrator"),
        "date_precision": QCoreApplication.translate("CaseHistory", "Date known to"),
        "date_value": QCoreApplication.translate("CaseHistory", "Incident date"),
        "place_type": QCoreApplication.translate("CaseHistory", "Place"),
        "description": QCoreApplication.translate("CaseHistory", "Description"),
        "organization_id": QCoreApplication.translate("CaseHistory", "Organization"),
        "reason": QCoreApplication.translate("CaseHistory", "Reason"),
        "sent_on": QCoreApplication.translate("CaseHistory", "Sent on"),
        "consent_id": QCoreApplication.translate("CaseHistory", "Consent"),
        "outcome": QCoreApplication.translate("CaseHistory", "Outcome"),
        "outcome_code": QCoreApplication.translate("CaseHistory", "Outcome category"),
        "purpose": QCoreApplication.translate("CaseHistory", "Purpose"),
        "given_by": QCoreApplication.translate("CaseHistory", "Given by"),
        "given_on": QCoreApplication.translate("CaseHistory", "Given on"),
        "scope": QCoreApplication.translate("CaseHistory", "Scope"),
        "withdrawn_on": QCoreApplication.translate("CaseHistory", "Withdrawn on"),
        "number": QCoreApplication.translate("CaseHistory", "Case number"),
    }
    return labels.get(field) or _takedown_field_label(field) or _task_and_evidence_field_label(field) or field


def _task_and_evidence_field_label(field: str) -> str | None:
    """Fields of a follow-up task and of an evidence item (``kind`` is both's)."""
    labels = {
        "title": QCoreApplication.translate("CaseHistory", "Follow-up"),
        "due_on": QCoreApplication.translate("CaseHistory", "Due"),
        "owner": QCoreApplication.translate("CaseHistory", "For"),
        "done": QCoreApplication.translate("CaseHistory", "Done"),
        "done_at": QCoreApplication.translate("CaseHistory", "Done on"),
        "referral_id": QCoreApplication.translate("CaseHistory", "Referral"),
        "contact_id": QCoreApplication.translate("CaseHistory", "Contact"),
        "kind": QCoreApplication.translate("CaseHistory", "Kind"),
        "sha256": QCoreApplication.translate("CaseHistory", "SHA-256"),
        "stored": QCoreApplication.translate("CaseHistory", "File kept, encrypted"),
        "urls": QCoreApplication.translate("CaseHistory", "Links"),
        "destroyed": QCoreApplication.translate("CaseHistory", "File destroyed"),
    }
    return labels.get(field)


def _takedown_field_label(field: str) -> str | None:
    """Fields of a take-down (its other fields share their names with other records')."""
    labels = {
        "url": QCoreApplication.translate("CaseHistory", "Link"),
        "platform": QCoreApplication.translate("CaseHistory", "Platform"),
        "reported_to": QCoreApplication.translate("CaseHistory", "Reported to"),
        "reported_on": QCoreApplication.translate("CaseHistory", "Reported on"),
        "reference": QCoreApplication.translate("CaseHistory", "Reference"),
        "status_on": QCoreApplication.translate("CaseHistory", "Status since"),
        "recheck_on": QCoreApplication.translate("CaseHistory", "Re-check on"),
        "evidence_id": QCoreApplication.translate("CaseHistory", "Evidence item"),
        "reappeared_from": QCoreApplication.translate("CaseHistory", "Reappeared from take-down"),
        "note": QCoreApplication.translate("CaseHistory", "Note"),
        "notes": QCoreApplication.translate("CaseHistory", "Notes"),
    }
    return labels.get(field)


def _takedown_formatter(field: str) -> Callable[[str], str] | None:
    formatters: dict[str, Callable[[str], str]] = {
        "status": takedown_status_label,
        "reported_to": reported_to_label,
        "platform": lambda v: term_label(PLATFORMS, v),
        "evidence_id": lambda v: QCoreApplication.translate("CaseHistory", "#{id}").format(id=v),
        "reappeared_from": lambda v: QCoreApplication.translate("CaseHistory", "#{id}").format(id=v),
    }
    return formatters.get(field)


def _yes_no(value: str) -> str:
    return {
        "yes": QCoreApplication.translate("CaseHistory", "yes"),
        "no": QCoreApplication.translate("CaseHistory", "no"),
    }.get(value, value)


def _moment(value: str) -> str:
    """A stored time (ISO 8601, UTC) as this computer's local time, as the When column shows it."""
    try:
        return datetime.fromisoformat(value).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return value


def _many(taxonomy: str) -> Callable[[str], str]:
    return lambda value: QCoreApplication.translate("CaseHistory", ", ").join(
        term_label(taxonomy, v.strip()) for v in value.split(",") if v.strip()
    )


class ValueWords:
    """Turns a stored value into words, by record type and field."""

    def __init__(self, organizations: dict[int, str], names: DisplayNames) -> None:
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
        if record_type == "task":
            task_fields: dict[str, Callable[[str], str]] = {
                "kind": task_kind_label,
                "owner": self._names.of,
                "done": _yes_no,
                "referral_id": lambda v: QCoreApplication.translate("CaseHistory", "#{id}").format(id=v),
                "contact_id": lambda v: QCoreApplication.translate("CaseHistory", "#{id}").format(id=v),
            }
            return task_fields.get(field)
        if record_type == "evidence":
            evidence_fields: dict[str, Callable[[str], str]] = {
                "kind": evidence_kind_label,
                "stored": _yes_no,
                "destroyed": _yes_no,
            }
            return evidence_fields.get(field)
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
            "at": _moment,
            "owner": self._names.of,
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
            "counselor": self._names.of,
            "consent_id": lambda v: QCoreApplication.translate("CaseHistory", "#{id}").format(id=v),
        }
        return simple.get(field)

    def _organization(self, value: str) -> str:
        try:
            return self._organizations.get(int(value), value)
        except ValueError:
            return value

    def _counselors(self, value: str) -> str:
        return self._names.join(
            (n.strip() for n in value.split(",") if n.strip()), QCoreApplication.translate("CaseHistory", ", ")
        )


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


def only_the_opening(entries: list[HistoryEntry]) -> HistoryEntry | None:
    """One of ``entries`` when all of them record the case being opened (its fields set from nothing, in
    one moment, by one person), else None: nothing has changed since."""
    if not entries:
        return None
    first = min(entries, key=lambda e: (e.at, e.id))
    opening = all(
        e.record_type == "case" and e.at == first.at and e.actor == first.actor and not e.old_value for e in entries
    )
    return first if opening else None


@dataclass(frozen=True)
class HistoryRead:
    entries: list[HistoryEntry]
    names: DisplayNames
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
        self._empty_text = self.tr(
            "No change is recorded for this case yet. Every change made to it will be listed here."
        )
        self.records: RecordList[HistoryRow] = RecordList(self.model, self._empty_text, lambda row: row.id, self)
        self.table, self.empty_label = self.records.table, self.records.empty_label
        self.table.setAccessibleName(self.tr("Case history"))
        self.records.add_to(column)
        column.addWidget(self.message)

    def read(self, reader: VaultSession) -> HistoryRead:
        cases = CaseService(reader)
        entries = cases.history(self.case_id)
        names = display_names(reader)
        organizations = {o.id: o.name for o in OrganizationService(reader).all(include_inactive=True)}
        return HistoryRead(entries, names, organizations)

    def show_result(self, result: HistoryRead) -> None:
        opening = only_the_opening(result.entries)
        if opening is not None:
            # The values the case was opened with are its Overview; listed as changes from nothing they
            # read as a table of changes when nothing has changed yet.
            self.records.empty_label.set_text(
                self.tr(
                    "Nothing has changed since {who} opened this case on {date}. "
                    "Every change from now on will be listed here, with who made it and when."
                ).format(who=result.names.of(opening.actor), date=opening.at.astimezone().strftime("%Y-%m-%d"))
            )
            self.records.show_records([])
            return
        self.records.empty_label.set_text(self._empty_text)
        words = ValueWords(result.organizations, result.names)
        ordered = sorted(result.entries, key=lambda e: (e.at, e.id), reverse=True)
        self.records.show_records([self._row(entry, words, result.names) for entry in ordered])

    def concerns(self, changes: Changes) -> bool:
        return changes.casework or changes.evidence  # evidence added and destroyed is in the history

    def _row(self, entry: HistoryEntry, words: ValueWords, names: DisplayNames) -> HistoryRow:
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
            names.of(entry.actor),
            record,
            field_label(entry.field),
            " ".join(change.split()),
        )
        return HistoryRow(entry.id, cells, entry.actor, change)

    def rows(self) -> list[list[str]]:
        """The table as text (tests)."""
        return [list(row.cells) for row in self.model.items()]
