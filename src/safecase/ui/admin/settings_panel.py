"""Vault settings an administrator changes: the auto-lock time, the center's name and the smallest count
anonymized reports show.

Only values that actually changed are saved, so the audit log records real changes and not every
click of Save.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget

from safecase.domain.errors import SafeCaseError
from safecase.domain.settings import (
    MAX_AUTO_LOCK_MINUTES,
    MAX_REPORT_MIN_CELL,
    MIN_AUTO_LOCK_MINUTES,
    MIN_REPORT_MIN_CELL,
    VaultSettings,
)
from safecase.services.session import VaultSession
from safecase.services.settings import MAX_CENTER_NAME, SettingsService
from safecase.ui.common.widgets import Card, MessageLine, help_text


class SettingsPanel(QWidget):
    settings_changed = Signal(object)
    """The new VaultSettings after a save."""

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = SettingsService(session)
        card = Card(self.tr("Vault settings"), self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(card)
        self.body = card.body
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.center_edit = QLineEdit(self)
        self.center_edit.setMaxLength(MAX_CENTER_NAME)
        self.center_edit.setMaximumWidth(520)
        self.center_edit.setPlaceholderText(self.tr("shown in the title bar, for example 해바라기센터"))
        self.auto_lock_spin = QSpinBox(self)
        self.auto_lock_spin.setRange(MIN_AUTO_LOCK_MINUTES, MAX_AUTO_LOCK_MINUTES)
        self.auto_lock_spin.setSuffix(self.tr(" min"))
        self.auto_lock_spin.setAccessibleName(self.tr("Auto-lock after minutes without use"))
        self.min_cell_spin = QSpinBox(self)
        self.min_cell_spin.setRange(MIN_REPORT_MIN_CELL, MAX_REPORT_MIN_CELL)
        self.min_cell_spin.setAccessibleName(self.tr("Smallest count shown in statistics reports"))
        form.addRow(self.tr("Center name:"), self.center_edit)
        form.addRow(self.tr("Lock after:"), self.auto_lock_spin)
        self.body.addLayout(form)
        self.body.addWidget(
            help_text(
                self.tr(
                    "After this long without keyboard or mouse use, SafeCase locks itself and asks for the password again."
                ),
                self,
            )
        )
        report_form = QFormLayout()
        report_form.addRow(self.tr("Smallest count in reports:"), self.min_cell_spin)
        self.body.addLayout(report_form)
        self.body.addWidget(
            help_text(
                self.tr(
                    "Statistics reports show a smaller count (from 1 up) only as “fewer than” this number, and hide "
                    "further cells so it cannot be worked out. Never below {low}: a count of 1 or 2 can name a person."
                ).format(low=MIN_REPORT_MIN_CELL),
                self,
            )
        )
        self.message = MessageLine(self)
        self.body.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        self.save_button = QPushButton(self.tr("Save settings"), self)
        row.addWidget(self.save_button)
        self.body.addLayout(row)
        self.save_button.clicked.connect(self.save)
        self._current = VaultSettings()
        self.reload()

    def reload(self) -> None:
        try:
            self._current = self._service.current()
        except SafeCaseError as exc:
            self.message.show_error(exc.message)
            return
        self.center_edit.setText(self._current.center_name)
        self.auto_lock_spin.setValue(self._current.auto_lock_minutes)
        self.min_cell_spin.setValue(self._current.report_min_cell)

    def save(self) -> None:
        minutes = self.auto_lock_spin.value()
        center = self.center_edit.text().strip()
        min_cell = self.min_cell_spin.value()
        try:
            if minutes != self._current.auto_lock_minutes:
                self._service.set_auto_lock_minutes(minutes)
            if min_cell != self._current.report_min_cell:
                self._service.set_report_min_cell(min_cell)
            if center != self._current.center_name:
                self._service.set_center_name(center)
            self._current = self._service.current()
        except SafeCaseError as exc:
            self.message.show_error(exc.message)
            return
        self.message.show_success(self.tr("Settings saved."))
        self.settings_changed.emit(self._current)
