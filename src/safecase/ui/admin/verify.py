"""Verify vault: run the integrity checks in a worker and show each one with a plain verdict.

Anyone may verify (it reads, it never changes anything but the audit log), so a counselor who
suspects something is wrong can check without waiting for an administrator.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from safecase.domain.errors import SafeCaseError
from safecase.services.session import VaultSession
from safecase.services.verify import VerifyReport, verify_vault
from safecase.ui.common.messages import show_error
from safecase.ui.common.widgets import ERROR_COLOR, SUCCESS_COLOR, body_text, heading, help_text
from safecase.ui.tasks import Busy, TaskManager


class VerifyReportDialog(QDialog):
    def __init__(self, report: VerifyReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(self.tr("Verify vault"))
        self.setMinimumWidth(480)
        column = QVBoxLayout(self)
        column.setSpacing(12)
        if report.ok:
            column.addWidget(heading(self.tr("The vault is intact"), 2, self))
            column.addWidget(help_text(self.tr("Every check passed."), self))
        else:
            column.addWidget(heading(self.tr("The vault has a problem"), 2, self))
            column.addWidget(
                body_text(
                    self.tr(
                        "Stop entering new information and tell your administrator. "
                        "The most recent backup can restore the vault."
                    ),
                    self,
                )
            )
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        for row, check in enumerate(report.checks):
            mark = QLabel("✔" if check.ok else "✘", self)
            mark.setStyleSheet(f"color: {SUCCESS_COLOR if check.ok else ERROR_COLOR}; font-weight: bold;")
            mark.setAccessibleName(self.tr("passed") if check.ok else self.tr("failed"))
            name = QLabel(check.name, self)
            detail = QLabel(check.detail, self)
            detail.setWordWrap(True)
            detail.setTextFormat(Qt.TextFormat.PlainText)
            grid.addWidget(mark, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(name, row, 1, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(detail, row, 2)
        grid.setColumnStretch(2, 1)
        column.addLayout(grid)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)


def run_verify(parent: QWidget, session: VaultSession, tasks: TaskManager) -> None:
    """Verify in a worker, then show the report over ``parent``."""

    def done(report: VerifyReport) -> None:
        dialog = VerifyReportDialog(report, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def failed(error: SafeCaseError) -> None:
        show_error(parent, error.message)

    tasks.run(
        lambda: verify_vault(session),
        done,
        failed,
        busy=Busy(QCoreApplication.translate("VerifyReportDialog", "Checking every part of the vault…"), parent),
    )
