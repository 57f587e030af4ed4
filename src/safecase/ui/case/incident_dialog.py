"""Record or edit one incident: what happened (several types), where online, by whom, when and where."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGridLayout, QLabel, QWidget

from safecase.domain.incidents import DatePrecision, Incident
from safecase.services.incidents import IncidentService
from safecase.services.session import VaultSession
from safecase.services.taxonomies import INCIDENT_TYPES, PERPETRATOR_RELATIONS, PLACE_TYPES, PLATFORMS, taxonomies
from safecase.ui.case.contact_fields import CodeCombo, notes_edit, plain_text
from safecase.ui.case.incident_fields import ApproximateDateEdit, Checklist, PlatformsLine, platforms_text
from safecase.ui.common.form_dialog import FormDialog
from safecase.ui.common.taxonomy_labels import terms


class IncidentDialog(FormDialog):
    """Record an incident or edit one; :attr:`saved` carries the saved Incident."""

    def __init__(
        self, session: VaultSession, case_id: int, incident: Incident | None = None, parent: QWidget | None = None
    ) -> None:
        title = self.tr("Edit incident") if incident else self.tr("Record an incident")
        super().__init__(title, self.tr("Save incident"), parent)
        self._service = IncidentService(session)
        self._case_id = case_id
        self._incident = incident
        self.setMinimumWidth(760)

        lists = QGridLayout()
        lists.setHorizontalSpacing(16)
        types_label = QLabel(self.tr("&What happened (tick all that apply):"), self)
        self.types_list = Checklist(INCIDENT_TYPES, self)
        self.types_list.setAccessibleName(self.tr("Incident types"))
        self.types_list.fit_rows(self.types_list.count())
        types_label.setBuddy(self.types_list)
        platforms_label = QLabel(self.tr("&Platforms involved:"), self)
        self.platforms_list = Checklist(PLATFORMS, self)
        self.platforms_list.setAccessibleName(self.tr("Platforms"))
        platforms_label.setBuddy(self.platforms_list)
        other_label = QLabel(self.tr("&Other platforms (separate with commas):"), self)
        self.other_platforms = PlatformsLine(self)
        self.other_platforms.setPlaceholderText(self.tr("a site or app not on the list"))
        other_label.setBuddy(self.other_platforms)
        lists.addWidget(types_label, 0, 0)
        lists.addWidget(self.types_list, 1, 0, 3, 1)
        lists.addWidget(platforms_label, 0, 1)
        lists.addWidget(self.platforms_list, 1, 1)
        lists.addWidget(other_label, 2, 1)
        lists.addWidget(self.other_platforms, 3, 1)
        lists.setColumnStretch(0, 1)
        lists.setColumnStretch(1, 1)
        self.body.addLayout(lists)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.relation_combo = CodeCombo(terms(PERPETRATOR_RELATIONS), self)
        self.date_edit = ApproximateDateEdit(self)
        self.place_combo = CodeCombo(terms(PLACE_TYPES), self)
        self.description_edit = notes_edit(self, self.tr("What happened, in the survivor's words where possible"))
        form.addRow(self.tr("Perpetrator:"), self.relation_combo)
        form.addRow(self.tr("When:"), self.date_edit)
        form.addRow(self.tr("Place:"), self.place_combo)
        form.addRow(self.tr("Description:"), self.description_edit)
        self.body.addLayout(form)
        self.types_list.changed.connect(self.error_line.clear_message)

        self.relation_combo.set_code("unknown")
        self.place_combo.set_code("unknown")
        if incident is not None:
            self._show(incident)
        self.types_list.setFocus()

    def _show(self, incident: Incident) -> None:
        self.types_list.set_checked(incident.types)
        known = set(taxonomies()[PLATFORMS].codes())
        self.platforms_list.set_checked([p for p in incident.platforms if p in known])
        self.other_platforms.setText(platforms_text([p for p in incident.platforms if p not in known]))
        self.relation_combo.set_code(incident.perpetrator_relation)
        self.date_edit.set_value(incident.date_value)
        self.place_combo.set_code(incident.place_type)
        self.description_edit.setPlainText(incident.description)

    def incident(self) -> Incident:
        platforms = (*self.platforms_list.checked_codes(), *self.other_platforms.platforms())
        date_value = self.date_edit.value()
        return Incident(
            id=self._incident.id if self._incident else 0,
            case_id=self._case_id,
            types=self.types_list.checked_codes(),
            platforms=tuple(platforms),
            perpetrator_relation=self.relation_combo.code(),
            date_precision=self.date_edit.precision() if date_value else DatePrecision.UNKNOWN,
            date_value=date_value,
            place_type=self.place_combo.code(),
            description=plain_text(self.description_edit),
        )

    def commit(self) -> Incident:
        incident = self.incident()
        return self._service.update(incident) if self._incident else self._service.add(incident)
