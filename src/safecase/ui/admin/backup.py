"""Backup: choose where, then write the encrypted backup in a worker with a progress bar.

The backup service opens a connection of its own, so it may run off the UI thread. Its progress
callback is called on the worker thread; :class:`~safecase.ui.tasks.TaskManager` carries it to the
UI thread as a signal. The file holds the encrypted database and key file, so anyone who also has a
password or the recovery key can open it: the finished message says to store it accordingly.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from safecase.domain.errors import SafeCaseError
from safecase.services.backups import create_backup
from safecase.services.session import VaultSession
from safecase.ui.common.file_dialogs import documents_folder, private_file_dialog
from safecase.ui.common.messages import show_error, show_info
from safecase.ui.common.widgets import Card, body_text
from safecase.ui.tasks import Busy, TaskManager

BACKUP_SUFFIX = "safecase-backup"


class BackupPanel(QWidget):
    def __init__(self, session: VaultSession, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._tasks = tasks
        card = Card(self.tr("Backup"), self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(card)
        card.body.addWidget(
            body_text(
                self.tr(
                    "A backup is one encrypted file holding every case and account. Save it to a USB drive "
                    "or a network folder, not only to this computer, and keep it apart from the paper "
                    "recovery key. Backing up is safe while others keep working."
                ),
                card,
            )
        )
        row = QHBoxLayout()
        row.addStretch(1)
        self.backup_button = QPushButton(self.tr("Create backup…"), card)
        row.addWidget(self.backup_button)
        card.body.addLayout(row)
        self.backup_button.clicked.connect(self.choose_file)

    def choose_file(self) -> QFileDialog:
        """Ask where to save; the backup starts once a file is chosen."""
        name = f"SafeCase-{datetime.now().strftime('%Y-%m-%d-%H%M')}.{BACKUP_SUFFIX}"
        dialog = private_file_dialog(
            self,
            self.tr("Save backup as"),
            documents_folder() / name,
            save=True,
            name_filter=self.tr("SafeCase backups (*.{suffix})").format(suffix=BACKUP_SUFFIX),
            default_suffix=BACKUP_SUFFIX,
        )
        dialog.fileSelected.connect(lambda path: self.start_backup(Path(path)))
        dialog.open()
        return dialog

    def start_backup(self, out: Path) -> None:
        session = self._session
        self._tasks.run_reporting(
            lambda report: create_backup(session, out, report),
            lambda _manifest: self._done(out),
            self._failed,
            busy=Busy(self.tr("Writing the backup…"), self, determinate=True),
        )

    def _done(self, out: Path) -> None:
        show_info(
            self,
            self.tr("Backup created"),
            self.tr("The backup was saved to {path}.").format(path=out),
            self.tr("Keep it somewhere safe, away from the paper recovery key."),
        )

    def _failed(self, error: SafeCaseError) -> None:
        show_error(self, error.message)
