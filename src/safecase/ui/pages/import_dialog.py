"""Import cases from a center's existing spreadsheet (CSV), with a preview of every row first.

The same all-or-nothing import as ``safecase import-cases``: the file is read and every row checked
in a worker; the preview lists each row with its problems, and Import stays disabled until no row has
any. Reading and importing use the session's connection, so both run behind a window-modal progress
dialog (see ui/tasks.py); importing is the form's background save (see ui/common/form_dialog.py).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QWidget

from safecase.domain.errors import SafeCaseError
from safecase.services.case_import import ImportPreview, ImportReport, import_cases, preview_import
from safecase.services.session import VaultSession
from safecase.ui.common.file_dialogs import documents_folder, private_file_dialog
from safecase.ui.common.form_dialog import FormDialog, InBackground
from safecase.ui.common.messages import show_info
from safecase.ui.common.widgets import help_text
from safecase.ui.tasks import Busy, TaskManager

_Index = QModelIndex | QPersistentModelIndex
_PROBLEM_BACKGROUND = QColor("#fde8e8")


def encoding_label(encoding: str) -> str:
    """What a person calls the encoding the file was read in (the importer's codec names are Python's)."""
    labels = {
        "utf-8-sig": QCoreApplication.translate("ImportDialog", "UTF-8"),  # with or without a byte-order mark
        "cp949": QCoreApplication.translate("ImportDialog", "CP949 (Korean Excel)"),
    }
    return labels.get(encoding, encoding)


class PreviewModel(QAbstractTableModel):
    """Rows of the file as read: line number, the problems of that row, then the file's own columns."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._preview: ImportPreview | None = None

    def set_preview(self, preview: ImportPreview | None) -> None:
        self.beginResetModel()
        self._preview = preview
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() or self._preview is None else len(self._preview.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._preview is None else len(self._preview.columns) + 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal or self._preview is None:
            return None
        if section == 0:
            return self.tr("Line")
        if section == 1:
            return self.tr("Problems")
        return self._preview.columns[section - 2]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or self._preview is None:
            return None
        row = self._preview.rows[index.row()]
        if role == Qt.ItemDataRole.BackgroundRole and row.problems:
            return QBrush(_PROBLEM_BACKGROUND)
        if role == Qt.ItemDataRole.ToolTipRole and row.problems:
            return "\n".join(row.problems)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if index.column() == 0:
            return row.line
        if index.column() == 1:
            return " ".join(row.problems) if row.problems else self.tr("ready")
        value = row.values.get(self._preview.columns[index.column() - 2], "")
        return value if len(value) <= 80 else value[:79] + "…"


class ImportDialog(FormDialog):
    """Choose a CSV file, see every row checked, import all of them or none.

    :attr:`saved` carries the ImportReport, :attr:`imported` the number of cases imported.
    """

    imported = Signal(int)
    """Emitted with the number of cases imported."""

    def __init__(self, session: VaultSession, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Import cases from a spreadsheet"), self.tr("Import"), parent, tasks=tasks)
        self._session = session
        self._reader = tasks  # reading the file for the preview; importing goes through the form's save
        self._path: Path | None = None
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(900, 560)

        self.body.addWidget(
            help_text(
                self.tr(
                    "Save the spreadsheet as CSV (UTF-8 or the Korean Excel default, CP949). The first row names "
                    "the columns: case_number, opened, status, risk, alias, age_band, gender, affiliation, region, "
                    "incident_types, platforms, perpetrator_relation, incident_date, counselor, statistics_opt_out, notes. Only "
                    "“opened” is required. If any row has a problem, nothing is imported."
                ),
                self,
            )
        )
        chooser = QHBoxLayout()
        self.file_label = QLabel(self.tr("No file chosen."), self)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_button = QPushButton(self.tr("Choose file…"), self)
        self.choose_button.clicked.connect(self.choose_file)
        chooser.addWidget(self.file_label, 1)
        chooser.addWidget(self.choose_button)
        self.body.addLayout(chooser)

        self.model = PreviewModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.body.addWidget(self.table, 1)

        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.body.addWidget(self.summary_label)
        self.save_button.setEnabled(False)
        self.saved.connect(self._imported)

    def choose_file(self) -> QFileDialog:
        dialog = private_file_dialog(
            self,
            self.tr("Choose a CSV file"),
            documents_folder(),
            save=False,
            name_filter=self.tr("CSV files (*.csv *.txt)"),
        )
        dialog.fileSelected.connect(lambda path: self.load(Path(path)))
        dialog.open()
        return dialog

    def load(self, path: Path) -> None:
        """Read and check ``path`` in a worker, then show the preview."""
        self._path = path
        self.file_label.setText(str(path))
        self.save_button.setEnabled(False)
        self.error_line.clear_message()
        self.model.set_preview(None)
        self.summary_label.setText(self.tr("Reading the file…"))
        session = self._session
        self._reader.run(
            lambda: preview_import(session, path),
            self._show_preview,
            self._preview_failed,
            busy=Busy(self.tr("Checking every row…"), self),
        )

    def _show_preview(self, preview: ImportPreview) -> None:
        self.model.set_preview(preview)
        self.table.resizeColumnsToContents()
        # Long reasons wrap in a tooltip; keep the column readable without pushing the data off screen.
        self.table.setColumnWidth(1, min(self.table.columnWidth(1), 360))
        bad = sum(1 for row in preview.rows if not row.ok)
        if preview.header_problems:
            text = self.tr("The first row has a problem: {problems} Nothing can be imported.").format(
                problems=" ".join(preview.header_problems)
            )
        elif not preview.rows:
            text = self.tr("The file holds no rows to import.")
        elif bad:
            text = self.tr(
                "{total} rows read ({encoding}); rows with problems: {bad} (shaded; the reasons are in the "
                "Problems column). Fix them in the spreadsheet and choose the file again: nothing is imported "
                "until every row is ready."
            ).format(total=len(preview.rows), bad=bad, encoding=encoding_label(preview.encoding))
        else:
            text = self.tr("{total} rows read ({encoding}); all are ready to import.").format(
                total=len(preview.rows), encoding=encoding_label(preview.encoding)
            )
        self.summary_label.setText(text)
        self.save_button.setEnabled(preview.ok and bool(preview.rows))

    def _preview_failed(self, error: SafeCaseError) -> None:
        self.summary_label.clear()
        self.show_failure(error)

    def commit(self) -> InBackground:
        path, session = self._path, self._session
        assert path is not None, "Import is enabled only once a file was read"
        nothing_imported = self.tr("Nothing was imported: {problems}")

        def work() -> ImportReport:
            report = import_cases(session, path)
            if not report.ok:
                # Something changed between preview and import (a counselor disabled, a number taken).
                raise SafeCaseError(nothing_imported.format(problems="; ".join(str(p) for p in report.problems)))
            return report

        return InBackground(work, self.tr("Importing…"))

    def show_failure(self, error: SafeCaseError) -> None:
        super().show_failure(error)
        self.save_button.setEnabled(False)  # choosing the file again checks every row afresh

    def _imported(self, report: ImportReport) -> None:
        self.imported.emit(report.imported)
        owner = self.parentWidget()
        if owner is not None:
            # Shown over the window the dialog came from: the dialog itself is closing.
            show_info(
                owner,
                self.tr("Import finished"),
                self.tr("{count} cases were imported.").format(count=report.imported),
                self.tr(
                    "The spreadsheet still holds the records in the clear: delete it once you have checked the import."
                ),
            )
