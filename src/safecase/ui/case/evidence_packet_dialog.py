"""Export an evidence packet of a case: which items, to whom, why, where; then where it went.

A form over :class:`~safecase.services.evidence_packet.EvidencePacketService`: a checklist of the case's
items (all ticked; destroyed items are not offered), recipient, organization, purpose and reference, a
zip or a folder, and the survivor's identity only when ticked (off by default, and its help says the
reveal is logged). The folder is chosen with :func:`~safecase.ui.common.file_dialogs.private_file_dialog`
(Qt's own dialog, which forgets where it was). Writing runs in the background through the
:class:`~safecase.ui.tasks.TaskManager` behind a window-modal progress dialog; when it is done the
dialog stays open and shows where the packet is and the manifest's SHA-256, which a counselor copies
onto the hand-over receipt, and :attr:`FormDialog.saved` carries the
:class:`~safecase.services.evidence_packet.PacketResult` (the Evidence tab reads its items again then:
each got a custody event).

Open it with :func:`open_evidence_packet_dialog` (it reads the items first, off the UI thread), or build
it with records already read.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from safecase.domain.errors import InputError, SafeCaseError
from safecase.domain.evidence import MAX_SHORT_TEXT, EvidenceItem, EvidenceRecord
from safecase.pdf import korean_font_family, render_pdf
from safecase.services.evidence_packet import EvidencePacketService, PacketRequest, PacketResult
from safecase.services.labels import evidence_kind_label
from safecase.services.session import VaultSession
from safecase.ui.common.file_dialogs import documents_folder, private_file_dialog
from safecase.ui.common.form_dialog import FormDialog, InBackground
from safecase.ui.common.messages import show_error
from safecase.ui.common.widgets import body_text, help_text, monospace_font
from safecase.ui.tasks import Changes, TaskManager

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole


class EvidencePacketDialog(FormDialog):
    """The packet form of one case; :attr:`saved` carries the :class:`PacketResult`."""

    def __init__(
        self,
        session: VaultSession,
        tasks: TaskManager,
        case_id: int,
        case_number: str,
        records: Sequence[EvidenceRecord],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Evidence packet"),
            self.tr("&Write packet"),
            parent,
            heading_text=self.tr("Evidence packet of case {number}").format(number=case_number),
            tasks=tasks,
        )
        self._session = session
        self._case_id = case_id
        self.packet: PacketResult | None = None
        self.folder: Path = documents_folder()
        self.setMinimumWidth(620)
        self.body.addWidget(
            body_text(
                self.tr(
                    "The packet holds the original files, SHA256SUMS to check them with, and a manifest (CSV and "
                    "PDF) of every item with its hash and chain of custody. Each item is recorded as handed over "
                    "to the recipient."
                ),
                self,
            )
        )

        self.items_list = QListWidget(self)
        self.items_list.setAccessibleName(self.tr("Items to include"))
        for record in records:
            if record.item.destroyed:
                continue
            row = QListWidgetItem(self._item_text(record.item), self.items_list)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Checked)
            row.setData(ITEM_ID_ROLE, record.item.id)
        self.items_list.setMinimumHeight(140)
        self.items_list.itemChanged.connect(self._update_count)
        self.count_label = help_text("", self)
        items_label = QLabel(self.tr("&Items:"), self)
        items_label.setBuddy(self.items_list)
        self.body.addWidget(items_label)
        self.body.addWidget(self.items_list, 1)
        self.body.addWidget(self.count_label)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.recipient_edit = self._line(self.tr("Name of the person receiving it"))
        self.organization_edit = self._line(self.tr("For example: 서울경찰청 사이버수사대"))
        self.purpose_edit = self._line(self.tr("For example: evidence for the complaint"))
        self.reference_edit = self._line(self.tr("Their case or receipt number, if any"))
        form.addRow(self.tr("&Recipient:"), self.recipient_edit)
        form.addRow(self.tr("&Organization:"), self.organization_edit)
        form.addRow(self.tr("&Purpose:"), self.purpose_edit)
        form.addRow(self.tr("R&eference:"), self.reference_edit)

        folder_row = QHBoxLayout()
        self.folder_edit = QLineEdit(str(self.folder), self)
        self.folder_edit.setReadOnly(True)
        self.folder_button = QPushButton(self.tr("C&hoose…"), self)
        self.folder_button.clicked.connect(self.choose_folder)
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.folder_button)
        form.addRow(self.tr("Save in:"), folder_row)
        self.body.addLayout(form)

        self.zip_check = QCheckBox(self.tr("Write one .&zip file instead of a folder"), self)
        self.identity_check = QCheckBox(self.tr("Include the survivor's real &name and phone"), self)
        self.identity_check.setChecked(False)
        self.body.addWidget(self.zip_check)
        self.body.addWidget(self.identity_check)
        self.body.addWidget(
            help_text(
                self.tr(
                    "Without it the packet names the case by its number only. Include the identity only when the "
                    "recipient needs it; reading it is recorded in the audit log."
                ),
                self,
            )
        )

        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.setFont(monospace_font(self.font().pointSizeF()))
        self.result_label.hide()
        self.body.addWidget(self.result_label)
        self._update_count()
        self.recipient_edit.setFocus()

    def _item_text(self, item: EvidenceItem) -> str:
        if item.stored:
            kept = self.tr("file")
        elif item.sha256:
            kept = self.tr("hash only, no file")
        else:
            kept = self.tr("link")
        parts = [item.label, f"{evidence_kind_label(item.kind)}, {kept}"]
        if item.description:
            parts.append(item.description.splitlines()[0][:80])
        return "  ·  ".join(parts)

    def _line(self, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setMaxLength(MAX_SHORT_TEXT)
        edit.setPlaceholderText(placeholder)
        return edit

    # --- the form -------------------------------------------------------------------------------------

    def checked_ids(self) -> tuple[int, ...]:
        rows = (self.items_list.item(i) for i in range(self.items_list.count()))
        return tuple(int(r.data(ITEM_ID_ROLE)) for r in rows if r.checkState() == Qt.CheckState.Checked)

    def _update_count(self) -> None:
        count = len(self.checked_ids())
        # Counts as {count} with a sentence per number, as everywhere (Korean has no plural forms).
        self.count_label.setText(
            self.tr("1 item chosen.") if count == 1 else self.tr("{count} items chosen.").format(count=count)
        )
        self.save_button.setEnabled(count > 0 and self.packet is None)

    def choose_folder(self) -> QFileDialog:
        """Qt's own folder dialog (never the platform's, which remembers); the choice fills "Save in"."""
        dialog = private_file_dialog(self, self.tr("Save the packet in"), self.folder, save=False)
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(self.set_folder)
        dialog.open()
        return dialog

    def set_folder(self, path: str | Path) -> None:
        self.folder = Path(path)
        self.folder_edit.setText(str(self.folder))

    def commit(self) -> InBackground:
        request = PacketRequest(
            recipient=self.recipient_edit.text(),
            purpose=self.purpose_edit.text(),
            organization=self.organization_edit.text(),
            reference=self.reference_edit.text(),
            item_ids=self.checked_ids(),
            as_zip=self.zip_check.isChecked(),
            include_identity=self.identity_check.isChecked(),
        )
        if not request.recipient.strip():
            self.recipient_edit.setFocus()
            raise InputError(self.tr("Say to whom the packet goes."))
        if not request.purpose.strip():
            self.purpose_edit.setFocus()
            raise InputError(self.tr("Say what the packet is for."))
        # On this (the GUI) thread: looking up the Korean font may add a font file to Qt's list.
        korean_font_family()
        service = EvidencePacketService(self._session, render_pdf)
        case_id, folder = self._case_id, self.folder
        return InBackground(
            lambda: service.export(case_id, folder, request), self.tr("Decrypting the files and writing the packet…")
        )

    def _tasks_notify(self, result: PacketResult) -> None:
        # Every item got a "handed over" custody event: the Evidence tab shows it.
        if self._tasks is not None:
            self._tasks.notify(Changes(evidence=True).about(self._case_id))

    def _succeeded(self, result: object) -> None:
        """Stay open to show where the packet is and its manifest's hash; Cancel becomes Close."""
        assert isinstance(result, PacketResult)
        self.packet = result
        for widget in (
            self.items_list,
            self.recipient_edit,
            self.organization_edit,
            self.purpose_edit,
            self.reference_edit,
            self.folder_button,
            self.zip_check,
            self.identity_check,
        ):
            widget.setEnabled(False)
        self.save_button.hide()
        self.footer.cancel_button.setText(self.tr("Close"))
        self.footer.cancel_button.setDefault(True)
        lines = [self.tr("Packet written to:"), str(result.path), "", self.tr("SHA-256:"), *result.checksum_lines()]
        self.result_label.setText("\n".join(lines))
        self.result_label.show()
        handed = len(result.item_ids)
        self.error_line.show_success(
            self.tr("1 item recorded as handed over.")
            if handed == 1
            else self.tr("{count} items recorded as handed over.").format(count=handed)
        )
        self._tasks_notify(result)
        self.saved.emit(result)


def open_evidence_packet_dialog(
    parent: QWidget, session: VaultSession, tasks: TaskManager, case_id: int, case_number: str
) -> None:
    """Read the case's items off the UI thread, then open the packet dialog over ``parent``.

    The Evidence tab's "Evidence packet…" button calls this (or builds the dialog with the records it
    already shows).
    """

    def opened(records: list[EvidenceRecord]) -> None:
        dialog = EvidencePacketDialog(session, tasks, case_id, case_number, records, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def failed(error: SafeCaseError) -> None:
        show_error(parent, error.message)

    tasks.query(
        lambda reader: EvidencePacketService(reader, render_pdf).candidates(case_id),
        opened,
        owner=parent,
        on_failed=failed,
    )
