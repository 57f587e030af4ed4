"""The Evidence tab of a case window: the case's evidence items, each with its details and custody log.

Files come in through "Add files…" or by dragging several onto the tab; a small form asks what they
are, then the files are read, hashed and encrypted in the background behind a progress bar with Cancel
(a cancelled file leaves nothing; files added before it stay and are named). Each new item is compared
with the evidence of the cases this person may see, and a re-upload of material already on record (the
same file, or the same picture resized or re-compressed) is pointed out at once.

Looking at evidence is deliberate: an image shows blurred (see :mod:`~safecase.ui.case.evidence_preview`)
until "Show image", which the custody log records; other files are opened by saving a copy to a place
the person chooses, after a warning that the copy is outside the vault (logged too). "Verify files"
re-hashes every kept file of the case and walks every custody chain, and names each item that fails.

Actions on the chosen item that only add to its custody log ("Hand over…", "Returned…") and "Destroy…"
(its kept file, crypto-shredded) sit in a row above the custody log they write to.

Actions on the whole case sit in :attr:`CaseEvidenceTab.toolbar`; the evidence packet export belongs
there, after "Verify files".
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent, QFont
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from safecase.domain.errors import CancelledError, InputError, SafeCaseError
from safecase.domain.evidence import CustodyEvent, EvidenceItem, EvidenceRecord, NearDuplicate
from safecase.domain.users import DisplayNames
from safecase.services.evidence import EvidenceReport, EvidenceService
from safecase.services.labels import custody_event_label, evidence_kind_label
from safecase.services.people import display_names
from safecase.services.session import VaultSession
from safecase.services.taxonomies import PLATFORMS
from safecase.ui.case.contact_dialogs import first_line
from safecase.ui.case.evidence_dialogs import (
    AddFilesDialog,
    AddLinkDialog,
    AddRequest,
    DestroyDialog,
    HandOverDialog,
    ReturnDialog,
)
from safecase.ui.case.evidence_labels import (
    event_details,
    item_name,
    keeping_label,
    moment,
    perceptual_label,
    short_hash,
    size_text,
)
from safecase.ui.case.evidence_packet_dialog import open_evidence_packet_dialog
from safecase.ui.case.evidence_preview import Preview, PreviewPanel, make_preview, shows_preview
from safecase.ui.common.file_dialogs import documents_folder, private_file_dialog
from safecase.ui.common.form_dialog import FormDialog
from safecase.ui.common.list_model import ListTableModel
from safecase.ui.common.messages import confirm, show_info
from safecase.ui.common.record_list import RecordList
from safecase.ui.common.record_tab import RecordTab
from safecase.ui.common.taxonomy_labels import term_label
from safecase.ui.common.widgets import ERROR_COLOR, heading, help_text, monospace_font, record_table
from safecase.ui.pages.takedown_dialogs import TakedownDialog
from safecase.ui.tasks import Busy, Changes, ProgressCallback, TaskManager

_PREVIEW = "preview"
T = TypeVar("T")
D = TypeVar("D", bound=FormDialog)


@dataclass(frozen=True)
class EvidenceRead:
    records: list[EvidenceRecord]
    names: DisplayNames
    """People's display names, for the custody log."""


@dataclass(frozen=True)
class Added:
    record: EvidenceRecord
    matches: list[NearDuplicate]


@dataclass(frozen=True)
class AddOutcome:
    added: list[Added]
    failures: list[tuple[str, str]]
    """(file name, why) of each file that could not be added."""
    cancelled: str = ""
    """The file being read when the person cancelled ("" when they did not)."""


def local_paths(event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> list[Path]:
    """The local files and folders being dragged; [] when anything else is (text, a web link)."""
    data = event.mimeData()
    if data is None or not data.hasUrls():
        return []
    urls = data.urls()
    if not urls or not all(url.isLocalFile() for url in urls):
        return []
    return [Path(url.toLocalFile()) for url in urls]


class EvidenceModel(ListTableModel[EvidenceItem]):
    KIND, NAME, DESCRIPTION, PLATFORM, SIZE, SHA256, RECEIVED, KEPT = range(8)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._failed: dict[int, str] = {}
        self._headers = [
            self.tr("Kind"),
            self.tr("File or link"),
            self.tr("Description"),
            self.tr("Platform"),
            self.tr("Size"),
            self.tr("SHA-256"),
            self.tr("Received"),
            self.tr("Kept"),
        ]

    def set_failed(self, failed: dict[int, str]) -> None:
        """Items the last verify found damaged, with why (shown until the next verify)."""
        self.beginResetModel()
        self._failed = dict(failed)
        self.endResetModel()

    def failed(self, item_id: int) -> str:
        return self._failed.get(item_id, "")

    def display(self, item: EvidenceItem, column: int) -> str:
        if column == self.KIND:
            return evidence_kind_label(item.kind)
        if column == self.NAME:
            return item_name(item)
        if column == self.DESCRIPTION:
            return first_line(item.description, 60)
        if column == self.PLATFORM:
            return term_label(PLATFORMS, item.platform)
        if column == self.SIZE:
            return size_text(item.size)
        if column == self.SHA256:
            return short_hash(item.sha256)
        if column == self.RECEIVED:
            return moment(item.received_at)[:10]
        if column == self.KEPT:
            return self.tr("Does not match!") if item.id in self._failed else keeping_label(item)
        return ""

    def tooltip(self, item: EvidenceItem, column: int) -> str | None:
        if column == self.SHA256 and item.sha256:
            return item.sha256
        if column == self.NAME:
            return "\n".join(p for p in (item.original_name, *item.urls) if p) or None
        if column == self.DESCRIPTION:
            return item.description or None
        if column == self.KEPT and item.id in self._failed:
            return self._failed[item.id]
        if column == self.RECEIVED:
            return moment(item.received_at) or None
        return None

    def foreground(self, item: EvidenceItem, column: int) -> QColor | None:
        if item.id in self._failed and column == self.KEPT:
            return QColor(ERROR_COLOR)
        return QColor(Qt.GlobalColor.gray) if item.destroyed else None

    def font(self, item: EvidenceItem, column: int) -> QFont | None:
        if column == self.SHA256:
            return monospace_font(QFont().pointSizeF())
        if item.id in self._failed and column == self.KEPT:
            font = QFont()
            font.setWeight(QFont.Weight.DemiBold)
            return font
        return None

    def alignment(self, item: EvidenceItem, column: int) -> Qt.AlignmentFlag | None:
        if column == self.SIZE:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None


class CustodyModel(ListTableModel[CustodyEvent]):
    SEQ, EVENT, WHO, WHEN, DETAILS = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._names = DisplayNames()
        self._headers = [self.tr("#"), self.tr("Event"), self.tr("Who"), self.tr("When"), self.tr("Details")]

    def set_names(self, names: DisplayNames) -> None:
        self._names = names

    def display(self, event: CustodyEvent, column: int) -> str:
        if column == self.SEQ:
            return str(event.seq)
        if column == self.EVENT:
            return custody_event_label(event.kind)
        if column == self.WHO:
            return self._names.of(event.actor)
        if column == self.WHEN:
            return moment(event.at)
        if column == self.DETAILS:
            return event_details(event)
        return ""

    def tooltip(self, event: CustodyEvent, column: int) -> str | None:
        if column == self.DETAILS:
            return event_details(event, full=True) or None
        if column == self.WHO:
            return event.actor
        return None


class ItemDetails(QWidget):
    """Every recorded fact of one item, selectable, with the full SHA-256 on a line of its own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        self.sha_label = QLabel(self.tr("SHA-256 of the original file:"), self)
        column.addWidget(self.sha_label)
        self.sha_edit = QLineEdit(self)
        self.sha_edit.setReadOnly(True)
        self.sha_edit.setFont(monospace_font(self.font().pointSizeF()))
        self.sha_edit.setAccessibleName(self.tr("SHA-256"))
        room = self.sha_edit.fontMetrics().horizontalAdvance("0" * 64) + 16
        self.sha_edit.setMinimumWidth(room)
        self.sha_label.setBuddy(self.sha_edit)
        column.addWidget(self.sha_edit)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setVerticalSpacing(4)
        column.addLayout(self.form)
        column.addStretch(1)
        self._values: dict[str, QLabel] = {}
        rows = [
            ("kind", self.tr("Kind:")),
            ("description", self.tr("Description:")),
            ("platform", self.tr("Platform:")),
            ("urls", self.tr("Links:")),
            ("channel", self.tr("Channel:")),
            ("file", self.tr("File:")),
            ("size", self.tr("Size:")),
            ("kept", self.tr("Kept:")),
            ("perceptual", self.tr("Re-uploads:")),
            ("received", self.tr("Received:")),
            ("received_from", self.tr("Received from:")),
            ("captured", self.tr("Captured:")),
            ("file_times", self.tr("File times:")),
            ("added", self.tr("Added:")),
            ("notes", self.tr("Notes:")),
        ]
        for key, label in rows:
            value = QLabel(self)
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._values[key] = value
            self.form.addRow(label, value)

    def value(self, key: str) -> str:
        return self._values[key].text()

    def show_item(self, item: EvidenceItem | None, names: DisplayNames) -> None:
        values = {} if item is None else self._texts(item, names)
        for key, label in self._values.items():
            text = values.get(key, "")
            label.setText(text)
            self.form.setRowVisible(label, bool(text))
        sha = item.sha256 if item is not None else ""
        self.sha_edit.setText(sha)
        self.sha_edit.setCursorPosition(0)
        self.sha_edit.setToolTip(sha)
        self.sha_label.setVisible(bool(sha))
        self.sha_edit.setVisible(bool(sha))

    def _texts(self, item: EvidenceItem, names: DisplayNames) -> dict[str, str]:
        file = item.original_name
        if item.media_type:
            file = f"{file} ({item.media_type})" if file else item.media_type
        times = item.file_times
        stamp = [
            self.tr("modified {at}").format(at=moment(times.modified)) if times.modified else "",
            self.tr("changed {at}").format(at=moment(times.changed)) if times.changed else "",
            self.tr("created {at}").format(at=moment(times.created)) if times.created else "",
        ]
        captured = ", ".join(p for p in (item.captured_by, moment(item.captured_at)) if p)
        return {
            "kind": evidence_kind_label(item.kind),
            "description": item.description,
            "platform": term_label(PLATFORMS, item.platform),
            "urls": "\n".join(item.urls),
            "channel": item.channel,
            "file": file,
            "size": self.tr("{size} ({count} bytes)").format(size=size_text(item.size), count=f"{item.size:,}")
            if item.size is not None
            else "",
            "kept": keeping_label(item),
            "perceptual": perceptual_label(item),
            "received": moment(item.received_at),
            "received_from": item.received_from,
            "captured": captured,
            "file_times": "; ".join(p for p in stamp if p),
            "added": self.tr("{at} by {who}").format(at=moment(item.created_at), who=names.of(item.created_by)),
            "notes": item.notes,
        }


class CaseEvidenceTab(RecordTab[EvidenceRead]):
    def __init__(
        self,
        session: VaultSession,
        case_id: int,
        tasks: TaskManager,
        parent: QWidget | None = None,
        *,
        case_number: str = "",
    ) -> None:
        super().__init__(session, case_id, tasks, parent)
        self._case_number = case_number
        self._names = DisplayNames()
        self._records: dict[int, EvidenceRecord] = {}
        self._working = False
        self._preview_of: tuple[int, bool] | None = None
        """(item id, file kept) of what the preview panel shows or is loading."""
        self.setAcceptDrops(True)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 12, 12, 12)
        column.setSpacing(8)

        self.toolbar = QHBoxLayout()
        """The tab's actions: adding on the left, those on the whole case (verify, export) on the right."""
        self.add_files_button = QPushButton(self.tr("Add files…"), self)
        self.add_files_button.setToolTip(self.tr("Or drag files onto this tab"))
        self.add_link_button = QPushButton(self.tr("Add link…"), self)
        self.takedown_button = QPushButton(self.tr("Take-down…"), self)
        self.takedown_button.setToolTip(self.tr("Record a take-down request for the chosen item's post or link"))
        self.takedown_button.setEnabled(False)
        self.packet_button = QPushButton(self.tr("Evidence packet…"), self)
        self.packet_button.setToolTip(
            self.tr("Export chosen items for the police, a prosecutor or a lawyer, recorded as handed over")
        )
        self.verify_button = QPushButton(self.tr("Verify files"), self)
        self.verify_button.setToolTip(
            self.tr("Check that every kept file still has its recorded SHA-256 and every custody log is intact")
        )
        self.toolbar.addWidget(self.add_files_button)
        self.toolbar.addWidget(self.add_link_button)
        self.toolbar.addWidget(self.takedown_button)
        self.toolbar.addStretch(1)
        self.toolbar.addWidget(self.verify_button)
        self.toolbar.addWidget(self.packet_button)
        column.addLayout(self.toolbar)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        list_part = QWidget(self.splitter)
        list_column = QVBoxLayout(list_part)
        list_column.setContentsMargins(0, 0, 0, 0)
        self.model = EvidenceModel(self)
        self.records: RecordList[EvidenceItem] = RecordList(
            self.model,
            self.tr(
                "No evidence yet. Drag files here or use “Add files…”; add links to posts with “Add link…”. "
                "Files are encrypted inside the vault, and each keeps its SHA-256 and a custody log."
            ),
            lambda item: item.id,
            list_part,
        )
        self.table, self.empty_label = self.records.table, self.records.empty_label
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 4 + 30)
        self.records.add_to(list_column)
        self.splitter.addWidget(list_part)

        self.detail_part = QSplitter(Qt.Orientation.Horizontal, self.splitter)
        self.detail_part.setChildrenCollapsible(False)
        self.preview = PreviewPanel(self.detail_part)
        self.details = ItemDetails()
        scroll = QScrollArea(self.detail_part)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.details)
        scroll.setMinimumWidth(300)
        custody_part = QWidget(self.detail_part)
        custody_column = QVBoxLayout(custody_part)
        custody_column.setContentsMargins(0, 0, 0, 0)
        custody_column.addWidget(heading(self.tr("Custody log"), 2, custody_part))
        custody_actions = QHBoxLayout()
        self.hand_over_button = QPushButton(self.tr("Hand over…"), custody_part)
        self.hand_over_button.setToolTip(
            self.tr("Record that this item or a copy went to someone: to whom, why, their reference")
        )
        self.return_button = QPushButton(self.tr("Returned…"), custody_part)
        self.return_button.setToolTip(self.tr("Record that what was handed over came back"))
        self.destroy_button = QPushButton(self.tr("Destroy…"), custody_part)
        custody_actions.addWidget(self.hand_over_button)
        custody_actions.addWidget(self.return_button)
        custody_actions.addStretch(1)
        custody_actions.addWidget(self.destroy_button)
        custody_column.addLayout(custody_actions)
        self.custody_model = CustodyModel(self)
        self.custody_table = record_table(self.custody_model, custody_part)
        custody_column.addWidget(self.custody_table, 1)
        for index, stretch in enumerate((3, 4, 4)):
            self.detail_part.setStretchFactor(index, stretch)
        self.splitter.addWidget(self.detail_part)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.detail_part.hide()
        self._split = False
        self.choose_hint = help_text(self.tr("Choose an item to see its details and custody log."), self)
        self.choose_hint.hide()
        column.addWidget(self.splitter, 1)
        column.addWidget(self.choose_hint)
        column.addWidget(self.message)

        self.add_files_button.clicked.connect(self.choose_files)
        self.add_link_button.clicked.connect(self.open_add_link)
        self.verify_button.clicked.connect(self.verify)
        self.takedown_button.clicked.connect(self.open_takedown)
        self.packet_button.clicked.connect(self.open_packet)
        self.preview.show_button.clicked.connect(self.reveal)
        self.preview.blur_button.clicked.connect(self.preview.blur)
        self.preview.copy_button.clicked.connect(self.save_copy)
        self.hand_over_button.clicked.connect(self.open_hand_over)
        self.return_button.clicked.connect(self.open_return)
        self.destroy_button.clicked.connect(self.open_destroy)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.setTabOrder(self.add_files_button, self.add_link_button)
        self.setTabOrder(self.add_link_button, self.takedown_button)
        self.setTabOrder(self.takedown_button, self.verify_button)
        self.setTabOrder(self.verify_button, self.packet_button)
        self.setTabOrder(self.packet_button, self.table)
        self.setTabOrder(self.table, self.preview.show_button)
        self.setTabOrder(self.preview.show_button, self.preview.blur_button)
        self.setTabOrder(self.preview.blur_button, self.preview.copy_button)
        self.setTabOrder(self.preview.copy_button, self.details.sha_edit)
        self.setTabOrder(self.details.sha_edit, self.hand_over_button)
        self.setTabOrder(self.hand_over_button, self.return_button)
        self.setTabOrder(self.return_button, self.destroy_button)
        self.setTabOrder(self.destroy_button, self.custody_table)

    # --- list -------------------------------------------------------------------------------------------

    def read(self, reader: VaultSession) -> EvidenceRead:
        return EvidenceRead(EvidenceService(reader).for_case(self.case_id), display_names(reader))

    def show_result(self, result: EvidenceRead) -> None:
        self._names = result.names
        self.custody_model.set_names(result.names)
        self._records = {r.item.id: r for r in result.records}
        self.records.show_records([r.item for r in result.records])
        self._show_selected()

    def concerns(self, changes: Changes) -> bool:
        return changes.evidence or changes.accounts

    def selected_item(self) -> EvidenceItem | None:
        return self.records.selected()

    def select_item(self, item_id: int) -> None:
        self.records.select_later(item_id)

    def open_takedown(self) -> TakedownDialog | None:
        """Record a take-down for the chosen item (its first link and platform filled in)."""
        item = self.selected_item()
        if item is None:
            return None
        dialog = TakedownDialog(
            self._session,
            self.case_id,
            item.id,
            self,
            case_number=self._case_number,
            url=item.urls[0] if item.urls else "",
            platform=item.platform,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        case_id = self.case_id
        dialog.saved.connect(lambda _entry: self._tasks.notify(Changes(takedowns=True).about(case_id)))
        dialog.open()
        return dialog

    def open_packet(self) -> None:
        open_evidence_packet_dialog(self, self._session, self._tasks, self.case_id, self._case_number)

    def _show_selected(self) -> None:
        item = self.selected_item()
        self.takedown_button.setEnabled(item is not None and not item.destroyed)
        self._enable_custody_actions(item)
        has_items = self.model.rowCount() > 0
        self._show_detail_part(item is not None)
        self.choose_hint.setVisible(item is None and has_items)
        record = self._records.get(item.id) if item is not None else None
        self.details.show_item(item, self._names)
        self.custody_model.set_items(record.custody if record else ())
        self.custody_table.resizeColumnsToContents()
        if item is None:
            self._tasks.cancel(owner=self, key=_PREVIEW)
            self.preview.show_nothing()
            self._preview_of = None
            return
        state = (item.id, item.stored)
        if self._preview_of == state:
            return  # the same item read again (a custody event added): keep what is shown, clear or not
        self._preview_of = state
        if shows_preview(item):
            self.preview.show_loading(item)
            try:
                # The rule and the file's key through the session, here; decrypting and decoding on a
                # worker (a query's thread, whose read connection it does not use).
                decrypt = EvidenceService(self._session).opened(item.id)
            except SafeCaseError as exc:
                self._preview_failed(item, exc)
                return
            self._tasks.query(
                lambda _reader: make_preview(item.id, decrypt),
                self._preview_arrived,
                owner=self,
                key=_PREVIEW,
                on_failed=lambda error: self._preview_failed(item, error),
            )
        else:
            self._tasks.cancel(owner=self, key=_PREVIEW)
            self.preview.show_without_preview(item)

    def _show_detail_part(self, visible: bool) -> None:
        self.detail_part.setVisible(visible)
        if visible and not self._split and self.splitter.height() > 0:
            # A third for the list, the rest for the item: the splitter alone would give the details
            # everything their size hints ask for and leave the list two rows.
            list_height = max(self.table.minimumHeight(), self.splitter.height() // 3)
            self.splitter.setSizes([list_height, self.splitter.height() - list_height])
            # The details as wide as the full SHA-256 needs, the custody log the rest.
            width = self.splitter.width()  # the detail part, just shown, has no width of its own yet
            preview = max(self.preview.minimumSizeHint().width(), width // 5)
            details = self.details.sha_edit.minimumWidth() + 24  # (hidden until an item is shown)
            self.detail_part.setSizes([preview, details, max(width - preview - details, 200)])
            self._split = True

    def _preview_arrived(self, preview: Preview) -> None:
        item = self.selected_item()
        if item is not None and item.id == preview.item_id:
            self.preview.show_preview(item, preview)

    def _preview_failed(self, item: EvidenceItem, error: SafeCaseError) -> None:
        selected = self.selected_item()
        if selected is not None and selected.id == item.id:
            self.preview.show_preview(item, Preview(item.id, None, None, error.message))

    def _enable_custody_actions(self, item: EvidenceItem | None) -> None:
        live = item is not None and not item.destroyed
        self.hand_over_button.setEnabled(live)
        self.return_button.setEnabled(live)
        self.destroy_button.setEnabled(live and item is not None and item.stored)
        if item is not None and item.destroyed:
            why = self.tr("The file was destroyed already")
        elif item is not None and not item.stored:
            why = self.tr("No file of this item is kept in SafeCase, so there is nothing to destroy")
        else:
            why = self.tr("Destroy the kept file for good; its hash and custody log stay")
        self.destroy_button.setToolTip(why)

    # --- custody actions ----------------------------------------------------------------------------------

    def open_hand_over(self) -> HandOverDialog | None:
        item = self._live_item()
        if item is None:
            return None
        dialog = HandOverDialog(self._session, item, self)
        dialog.saved.connect(
            lambda event: self._custody_recorded(
                self.tr("Recorded: {item} handed over to {recipient}.").format(
                    item=item.label, recipient=event.details.get("recipient", "")
                )
            )
        )
        return self._open(dialog)

    def open_return(self) -> ReturnDialog | None:
        item = self._live_item()
        if item is None:
            return None
        dialog = ReturnDialog(self._session, item, self)
        dialog.saved.connect(
            lambda _event: self._custody_recorded(self.tr("Recorded: {item} returned.").format(item=item.label))
        )
        return self._open(dialog)

    def open_destroy(self) -> DestroyDialog | None:
        item = self._live_item()
        if item is None or not item.stored:
            return None
        dialog = DestroyDialog(self._session, item, self)
        dialog.saved.connect(
            lambda _record: self._custody_recorded(
                self.tr("The file of {item} was destroyed; its hash and custody log remain.").format(item=item.label)
            )
        )
        return self._open(dialog)

    def _live_item(self) -> EvidenceItem | None:
        item = self.selected_item()
        return item if item is not None and not item.destroyed else None

    def _open(self, dialog: D) -> D:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _custody_recorded(self, text: str) -> None:
        self.message.show_success(text)
        self.announce(Changes(evidence=True))

    # --- looking ----------------------------------------------------------------------------------------

    def reveal(self) -> None:
        """Record the view, then show the image clearly (nothing is shown if recording fails)."""
        item = self.selected_item()
        if item is None or self.preview.item_id != item.id or not self.preview.has_image:
            return
        service = EvidenceService(self._session)
        try:
            self.write(lambda: service.record_view(item.id), Changes(evidence=True))
        except SafeCaseError as exc:
            self.message.show_error(exc.message)
            return
        self.preview.reveal()

    def save_copy(self) -> None:
        """Warn that a copy leaves the vault's protection, then ask where to write it."""
        item = self.selected_item()
        if item is None or not item.stored:
            return
        confirm(
            self,
            self.tr("Save a copy outside the vault?"),
            self.tr("The copy of {item} will not be encrypted.").format(item=item.label),
            self.tr(
                "Anyone using this computer account can open it. Save it where only you can reach it, "
                "and delete it when you no longer need it. The copy is recorded in the custody log."
            ),
            self.tr("Choose where…"),
            lambda: self._choose_copy_target(item),
        )

    def _choose_copy_target(self, item: EvidenceItem) -> None:
        self.choose_copy_target(item)

    def choose_copy_target(self, item: EvidenceItem) -> QFileDialog:
        dialog = private_file_dialog(self, self.tr("Save a copy of the evidence file"), documents_folder(), save=True)
        if item.original_name:
            dialog.selectFile(item.original_name)
        dialog.fileSelected.connect(lambda path: self.export_to(item, Path(path)))
        dialog.open()
        return dialog

    def export_to(self, item: EvidenceItem, target: Path) -> None:
        """Write the original to ``target`` in the background (the file dialog asked about overwriting)."""
        session, cancel = self._session, threading.Event()
        self.message.clear_message()

        def work(report: ProgressCallback) -> Path:
            EvidenceService(session).export_copy(
                item.id, target, overwrite=True, progress=report, cancelled=cancel.is_set
            )
            return target

        self._run(
            work,
            self._exported,
            Busy(self.tr("Saving a copy…"), self, determinate=True, on_cancel=cancel.set),
        )

    def _exported(self, target: Path) -> None:
        self.announce(Changes(evidence=True))
        self.message.show_success(
            self.tr("A copy was saved to {path}. It is not encrypted: delete it when you no longer need it.").format(
                path=target
            )
        )

    # --- adding -----------------------------------------------------------------------------------------

    def choose_files(self) -> QFileDialog:
        dialog = private_file_dialog(
            self, self.tr("Choose evidence files"), documents_folder(), save=False, multiple=True
        )
        dialog.filesSelected.connect(lambda paths: self.add_files([Path(p) for p in paths]))
        dialog.open()
        return dialog

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_paths(event) and not self._working:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.dragEnterEvent(event)  # type: ignore[arg-type]

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_paths(event)
        if not paths or self._working:
            event.ignore()
            return
        event.acceptProposedAction()
        self.add_files(paths)

    def add_files(self, paths: list[Path]) -> AddFilesDialog | None:
        """Ask for the details of ``paths`` (folders are left out, with a word), then add them."""
        files = [p for p in paths if p.is_file()]
        if len(files) < len(paths):
            self.message.show_info(self.tr("Folders are not added: choose or drag the files inside them."))
        else:
            self.message.clear_message()
        if not files:
            return None
        dialog = AddFilesDialog(files, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self.start_adding)
        dialog.open()
        return dialog

    def start_adding(self, request: AddRequest) -> None:
        """Read, hash and (unless hash-only) encrypt each file in the background, then look for re-uploads."""
        session, case_id, cancel = self._session, self.case_id, threading.Event()
        sizes = []
        for path in request.paths:
            try:
                sizes.append(path.stat().st_size)
            except OSError:
                sizes.append(0)
        total = max(1, sum(sizes))

        def work(report: ProgressCallback) -> AddOutcome:
            service = EvidenceService(session)
            added: list[Added] = []
            failures: list[tuple[str, str]] = []
            before = 0
            for path, size in zip(request.paths, sizes, strict=True):
                offset = before

                def progress(done: int, _total: int, offset: int = offset) -> None:
                    report(min(total, offset + done), total)

                try:
                    record = service.add_file(
                        case_id,
                        path,
                        request.details,
                        keep_file=request.keep_file,
                        progress=progress,
                        cancelled=cancel.is_set,
                    )
                except CancelledError:
                    return AddOutcome(added, failures, cancelled=path.name)
                except InputError as exc:
                    failures.append((path.name, exc.message))
                else:
                    added.append(Added(record, service.near_duplicates(record.item.id)))
                before += size
            return AddOutcome(added, failures)

        count = len(request.paths)
        label = (
            self.tr("Adding {name} ({size})…").format(name=request.paths[0].name, size=size_text(sum(sizes)))
            if count == 1
            else self.tr("Adding {count} files ({size})…").format(count=count, size=size_text(sum(sizes)))
        )
        self._run(work, self._added, Busy(label, self, determinate=True, on_cancel=cancel.set))

    def _added(self, outcome: AddOutcome) -> None:
        if outcome.added:
            self.announce(Changes(evidence=True))
            self.records.select_later(outcome.added[-1].record.item.id)
        lines: list[str] = []
        if outcome.added:
            lines.append(self.tr("Added: {names}.").format(names=", ".join(a.record.item.label for a in outcome.added)))
        if outcome.cancelled:
            lines.append(self.tr("Cancelled: nothing of {name} was kept.").format(name=outcome.cancelled))
        lines += [self.tr("{name}: {why}").format(name=name, why=why) for name, why in outcome.failures]
        text = " ".join(lines)
        if outcome.failures:
            self.message.show_error(text)
        elif outcome.cancelled:
            self.message.show_info(text)
        else:
            self.message.show_success(text)
        matched = [a for a in outcome.added if a.matches]
        if matched:
            show_info(
                self,
                self.tr("Already in SafeCase"),
                self.tr("Evidence you just added matches evidence already on record:"),
                "\n".join(self._match_line(a) for a in matched),
            )

    def _match_line(self, added: Added) -> str:
        parts = []
        for match in added.matches:
            how = (
                self.tr("the same file")
                if match.same_file
                else self.tr("the same picture, resized or re-compressed ({bits} of 64 bits differ)").format(
                    bits=match.distance
                )
            )
            where = (
                self.tr("this case")
                if match.item.case_id == self.case_id
                else self.tr("case {number}").format(number=match.case_number)
            )
            parts.append(self.tr("{where}, {item}: {how}").format(where=where, item=match.item.label, how=how))
        return self.tr("{item} — {matches}").format(item=added.record.item.label, matches="; ".join(parts))

    def open_add_link(self) -> AddLinkDialog:
        dialog = AddLinkDialog(self._session, self.case_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._link_added)
        dialog.open()
        return dialog

    def _link_added(self, record: EvidenceRecord) -> None:
        self.records.select_later(record.item.id)
        self.message.show_success(self.tr("The link was added."))
        self.announce(Changes(evidence=True))

    # --- verifying --------------------------------------------------------------------------------------

    def verify(self) -> None:
        session, case_id, cancel = self._session, self.case_id, threading.Event()
        self.message.clear_message()

        def work(report: ProgressCallback) -> EvidenceReport:
            return EvidenceService(session).verify(case_id, progress=report, cancelled=cancel.is_set)

        self._run(
            work,
            self._verified,
            Busy(self.tr("Checking every kept file and custody log…"), self, determinate=True, on_cancel=cancel.set),
        )

    def _verified(self, report: EvidenceReport) -> None:
        self.model.set_failed({c.item.id: "; ".join(c.problems) for c in report.failures})
        self.announce(Changes(evidence=True))  # each checked file got a "verified" custody event
        checked = len(report.items)
        if report.ok:
            text = self.tr(
                "Verified {count} items: every kept file has its recorded SHA-256 and every custody log holds."
            )
            self.message.show_success(text.format(count=checked))
        else:
            failed = len(report.failures) + len(report.missing)
            head = self.tr("{failed} of {count} items no longer match:").format(failed=failed, count=checked)
            self.message.show_error("\n".join([head, *report.problems()]))
        unchecked = report.unchecked
        if unchecked and report.ok:
            names = ", ".join(c.item.label for c in unchecked)
            self.message.show_info(
                self.tr("Verified; not checked (you do not hold this case's key): {names}.").format(names=names)
            )

    # --- background work --------------------------------------------------------------------------------

    def _run(self, work: Callable[[ProgressCallback], T], on_done: Callable[[T], None], busy: Busy) -> None:
        """Run ``work`` on a worker behind ``busy``'s modal progress dialog; one piece at a time."""
        self._working = True
        self._set_enabled(False)

        def done(result: T) -> None:
            self._finish()
            on_done(result)

        self._tasks.run_reporting(work, done, self._work_failed, busy=busy)

    def _work_failed(self, error: SafeCaseError) -> None:
        self._finish()
        if isinstance(error, CancelledError):
            self.message.show_info(error.message)
        else:
            self.message.show_error(error.message)

    def _finish(self) -> None:
        self._working = False
        self._set_enabled(True)

    def _set_enabled(self, enabled: bool) -> None:
        for button in (self.add_files_button, self.add_link_button, self.verify_button):
            button.setEnabled(enabled)

    @property
    def working(self) -> bool:
        """Adding, verifying or saving a copy is under way."""
        return self._working
