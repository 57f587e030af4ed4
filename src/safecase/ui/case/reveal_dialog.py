"""Before a case's real name and phone are shown: a question, and an optional reason for the audit log.

Showing identifying details is the one read the audit log records with a purpose, so the person is
asked first and may say why in a few words. Show calls :meth:`CaseService.reveal` (which writes the
row); Cancel shows nothing and writes nothing.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from safecase.domain.audit import MAX_REVEAL_REASON
from safecase.domain.cases import Case, SensitiveContact
from safecase.services.cases import CaseService
from safecase.ui.common.form_dialog import FormDialog
from safecase.ui.common.widgets import body_text, help_text


class RevealDialog(FormDialog):
    """Ask before revealing; :attr:`saved` carries the case's SensitiveContact."""

    def __init__(self, service: CaseService, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Show identifying details"), self.tr("&Show"), parent)
        self._service = service
        self._case_id = case.id
        self.setMinimumWidth(480)
        self.body.addWidget(
            body_text(
                self.tr("Show the real name and phone of case {number}? This is recorded in the audit log.").format(
                    number=case.number
                ),
                self,
            )
        )
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setMaxLength(MAX_REVEAL_REASON)
        self.reason_edit.setPlaceholderText(self.tr("Optional, for example: arranging the police interview"))
        form.addRow(self.tr("&Reason:"), self.reason_edit)
        self.body.addLayout(form)
        self.body.addWidget(
            help_text(self.tr("Supervisors read the reason in the audit log; write no names in it."), self)
        )
        self.reason_edit.setFocus()

    def commit(self) -> SensitiveContact:
        return self._service.reveal(self._case_id, self.reason_edit.text())
