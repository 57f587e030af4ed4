"""Reassign a case (supervisors): tick who works it from now on.

The list is everyone who may be assigned cases; the ones working the case now are ticked. The
service checks the permission and the names, records the change in the case's history and the audit
log; a refusal is shown in the dialog, which stays open. Saving the same counselors is offered when
some of them lack the case's key (a password reset): it seals the key to them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from safecase.domain.cases import Case
from safecase.domain.errors import SafeCaseError
from safecase.domain.users import DisplayNames
from safecase.services.cases import CaseService
from safecase.services.people import display_names
from safecase.services.session import VaultSession
from safecase.ui.common.form_dialog import FormDialog
from safecase.ui.common.labels import roles_label
from safecase.ui.common.widgets import body_text

NAME_ROLE = Qt.ItemDataRole.UserRole


class ReassignDialog(FormDialog):
    """Choose who works a case; :attr:`saved` carries the case as saved (a Case)."""

    def __init__(self, session: VaultSession, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Reassign case {number}").format(number=case.number),
            self.tr("Reassign"),
            parent,
            heading_text=self.tr("Who works case {number}?").format(number=case.number),
        )
        self._service = CaseService(session)
        self._case = case
        self.setMinimumWidth(440)
        self.body.addWidget(
            body_text(
                self.tr(
                    "Tick everyone who should work this case. They see it in their Cases list and its "
                    "follow-ups on their Today page; anyone unticked no longer sees it."
                ),
                self,
            )
        )
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Counselors"))
        self.body.addWidget(self.list, 1)

        self._without_key: list[str] = []
        self._names = DisplayNames()
        try:
            workers = self._service.caseworkers()
            self._without_key = self._service.counselors_without_key(case.id)
            self._names = display_names(session)
        except SafeCaseError as exc:
            workers = []
            self.error_line.show_error(exc.message)
        current = set(case.counselors)
        for user in sorted(workers, key=lambda u: (u.display_name, u.name)):
            item = QListWidgetItem(
                self.tr("{display} ({user}) — {roles}").format(
                    display=user.display_name, user=user.name, roles=roles_label(user.roles)
                ),
                self.list,
            )
            item.setData(NAME_ROLE, user.name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if user.name in current else Qt.CheckState.Unchecked)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.list.itemChanged.connect(self._update)
        self._update()

    def chosen(self) -> list[str]:
        return [
            str(item.data(NAME_ROLE))
            for item in (self.list.item(row) for row in range(self.list.count()))
            if item is not None and item.checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, names: set[str]) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item is not None:
                checked = item.data(NAME_ROLE) in names
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _update(self) -> None:
        chosen = self.chosen()
        unchanged = set(chosen) == set(self._case.counselors)
        self.save_button.setEnabled(bool(chosen) and (not unchanged or bool(self._without_key)))
        if not chosen:
            self.error_line.show_info(self.tr("A case needs at least one counselor."))
        elif unchanged and self._without_key:
            self.error_line.show_info(
                self.tr("{names} cannot open this case's real name and phone yet. Reassign gives them the key.").format(
                    names=self._names.join(self._without_key)
                )
            )
        else:
            self.error_line.clear_message()

    def commit(self) -> Case:
        return self._service.reassign(self._case.id, self.chosen())
