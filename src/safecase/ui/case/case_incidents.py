"""The Incidents tab of a case: what happened, with the digital harm types first-class."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QPushButton, QVBoxLayout, QWidget

from safecase.domain.incidents import Incident
from safecase.services.incidents import IncidentService
from safecase.services.session import VaultSession
from safecase.services.taxonomies import INCIDENT_TYPES, PERPETRATOR_RELATIONS, PLACE_TYPES, taxonomies
from safecase.ui.case.contact_dialogs import first_line
from safecase.ui.case.incident_dialog import IncidentDialog
from safecase.ui.case.incident_fields import platforms_text
from safecase.ui.common.list_model import ListTableModel
from safecase.ui.common.record_list import RecordList
from safecase.ui.common.record_tab import RecordTab
from safecase.ui.common.taxonomy_labels import term_label, term_labels
from safecase.ui.tasks import Changes, TaskManager


def in_taxonomy_order(taxonomy_name: str, codes: tuple[str, ...]) -> list[str]:
    """Codes in the bundled order (digital harm types first), unknown ones last."""
    order = {code: index for index, code in enumerate(taxonomies()[taxonomy_name].codes())}
    return sorted(codes, key=lambda code: (order.get(code, len(order)), code))


class IncidentsModel(ListTableModel[Incident]):
    WHEN, TYPES, PLATFORMS, PERPETRATOR, PLACE, DESCRIPTION = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [
            self.tr("When"),
            self.tr("What happened"),
            self.tr("Platforms"),
            self.tr("Perpetrator"),
            self.tr("Place"),
            self.tr("Description"),
        ]

    def display(self, incident: Incident, column: int) -> str:
        return self._text(incident, column, full=False)

    def tooltip(self, incident: Incident, column: int) -> str | None:
        return self._text(incident, column, full=True)

    def _text(self, incident: Incident, column: int, full: bool) -> str:
        if column == self.WHEN:
            return incident.date_value or self.tr("not known")
        if column == self.TYPES:
            return term_labels(INCIDENT_TYPES, in_taxonomy_order(INCIDENT_TYPES, incident.types))
        if column == self.PLATFORMS:
            return platforms_text(incident.platforms)
        if column == self.PERPETRATOR:
            return term_label(PERPETRATOR_RELATIONS, incident.perpetrator_relation)
        if column == self.PLACE:
            return term_label(PLACE_TYPES, incident.place_type)
        if column == self.DESCRIPTION:
            return incident.description if full else first_line(incident.description)
        return ""


class CaseIncidentsTab(RecordTab[list[Incident]]):
    def __init__(self, session: VaultSession, case_id: int, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(session, case_id, tasks, parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 12, 12, 12)
        column.setSpacing(8)
        actions = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Record incident…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        actions.addWidget(self.add_button)
        actions.addWidget(self.edit_button)
        actions.addStretch(1)
        column.addLayout(actions)
        self.records: RecordList[Incident] = RecordList(
            IncidentsModel(self),
            self.tr(
                "No incident is recorded for this case yet. Use “Record incident…” to note what happened, "
                "on which platforms and by whom."
            ),
            lambda incident: incident.id,
            self,
        )
        self.model, self.table, self.empty_label = self.records.model, self.records.table, self.records.empty_label
        # Several types or platforms make long cells: fixed widths, elided, whole in the tooltip.
        header = self.table.horizontalHeader()
        for section, width in ((IncidentsModel.TYPES, 300), (IncidentsModel.PLATFORMS, 170)):
            header.setSectionResizeMode(section, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(section, width)
        self.records.add_to(column)
        column.addWidget(self.message)
        self.add_button.clicked.connect(self.open_add)
        self.edit_button.clicked.connect(self.open_edit)
        self.table.activated.connect(lambda _index: self.open_edit())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    def read(self, reader: VaultSession) -> list[Incident]:
        return IncidentService(reader).for_case(self.case_id)

    def show_result(self, result: list[Incident]) -> None:
        self.records.show_records(result)
        self._update_buttons()

    def concerns(self, changes: Changes) -> bool:
        return changes.incidents

    def selected_incident(self) -> Incident | None:
        return self.records.selected()

    def select_incident(self, incident_id: int) -> None:
        self.records.select(incident_id)

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self.selected_incident() is not None)

    def open_add(self) -> IncidentDialog:
        return self._open(
            IncidentDialog(self._session, self.case_id, None, self), self.tr("The incident was recorded.")
        )

    def open_edit(self) -> IncidentDialog | None:
        incident = self.selected_incident()
        if incident is None:
            return None
        dialog = IncidentDialog(self._session, self.case_id, incident, self)
        return self._open(dialog, self.tr("The incident was updated."))

    def _open(self, dialog: IncidentDialog, done_text: str) -> IncidentDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda incident: self._saved(incident, done_text))
        dialog.open()
        return dialog

    def _saved(self, incident: Incident, text: str) -> None:
        self.records.select_later(incident.id)
        self.message.show_success(text)
        self.announce(Changes(incidents=True))
