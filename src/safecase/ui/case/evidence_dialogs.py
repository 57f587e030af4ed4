"""Dialogs of the Evidence tab: the details of files being added, a link to keep, and the custody
actions on one item (handed over, returned, destroyed).

Adding files asks for what only a person knows (what it is, where it was posted, who gave it) and
whether the file may be kept at all. The form itself only checks what was typed; reading, hashing and
encrypting the files is long work the tab runs in the background with a progress bar and Cancel
(:meth:`CaseEvidenceTab.start_adding`), so :attr:`AddFilesDialog.saved` carries an :class:`AddRequest`.
A link is a quick write: :class:`AddLinkDialog` calls the service itself, as do the custody dialogs
(:class:`HandOverDialog`, :class:`ReturnDialog`, :class:`DestroyDialog`).
"""

from __future__ import annotations

import contextlib
import mimetypes
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt
from PySide6.QtWidgets import QCheckBox, QCompleter, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from safecase.domain.errors import InputError
from safecase.domain.evidence import (
    FILE_KINDS,
    MAX_SHORT_TEXT,
    MAX_URL_LENGTH,
    CustodyEvent,
    EvidenceDetails,
    EvidenceItem,
    EvidenceKind,
    EvidenceRecord,
    HandOver,
    clean_url,
    kind_for_media_type,
)
from safecase.services.evidence import EvidenceService
from safecase.services.labels import evidence_kind_label
from safecase.services.session import VaultSession
from safecase.ui.case.contact_fields import CodeCombo
from safecase.ui.case.evidence_labels import size_text
from safecase.ui.case.incident_fields import known_platform_labels
from safecase.ui.common.form_dialog import FormDialog
from safecase.ui.common.widgets import body_text, help_text


@dataclass(frozen=True)
class AddRequest:
    """Files to add with the details given for all of them."""

    paths: tuple[Path, ...]
    details: EvidenceDetails
    keep_file: bool


def guessed_kind(paths: tuple[Path, ...]) -> EvidenceKind | None:
    """The kind the files' names suggest when they all suggest the same (the service decides by content)."""
    kinds = {kind_for_media_type(mimetypes.guess_type(p.name)[0] or "") for p in paths}
    return kinds.pop() if len(kinds) == 1 else None


def _line(parent: QWidget, placeholder: str = "", limit: int = MAX_SHORT_TEXT) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setMaxLength(limit)
    edit.setPlaceholderText(placeholder)
    return edit


def _platform_line(parent: QWidget) -> QLineEdit:
    edit = _line(parent, QCoreApplication.translate("EvidenceDialogs", "for example 텔레그램"))
    completer = QCompleter(QStringListModel(known_platform_labels(), edit), edit)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    edit.setCompleter(completer)
    return edit


def _checked_url(text: str) -> tuple[str, ...]:
    if not text.strip():
        return ()
    url = clean_url(text)
    if url is None:
        raise InputError(
            QCoreApplication.translate(
                "EvidenceDialogs", "The link cannot be kept: it is too long or has spaces in it."
            )
        )
    return (url,)


class AddFilesDialog(FormDialog):
    """Details of files about to be added; :attr:`saved` carries an :class:`AddRequest`."""

    def __init__(self, paths: list[Path], parent: QWidget | None = None) -> None:
        self._paths = tuple(paths)
        count = len(self._paths)
        title = self.tr("Add a file") if count == 1 else self.tr("Add {count} files").format(count=count)
        save = self.tr("Add file") if count == 1 else self.tr("Add files")
        super().__init__(title, save, parent)
        self.setMinimumWidth(560)
        names = ", ".join(p.name for p in self._paths)
        total = 0
        for path in self._paths:
            with contextlib.suppress(OSError):
                total += path.stat().st_size
        summary = help_text(
            self.tr("{names} ({size}). Each file's SHA-256 is computed as it is read.").format(
                names=names if len(names) <= 160 else names[:159] + "…", size=size_text(total)
            ),
            self,
        )
        summary.setToolTip("\n".join(str(p) for p in self._paths))
        self.body.addWidget(summary)

        form = QFormLayout()
        guess = guessed_kind(self._paths)
        automatic = (
            self.tr("From the file ({kind})").format(kind=evidence_kind_label(guess))
            if guess
            else self.tr("From each file")
        )
        kinds = [(k.value, evidence_kind_label(k)) for k in EvidenceKind if k in FILE_KINDS]
        self.kind_combo = CodeCombo(kinds, self, empty_label=automatic)
        self.kind_combo.setToolTip(self.tr("Only you can tell a screenshot from another image."))
        self.description_edit = _line(self, self.tr("for example: threat message in the group chat"), 2000)
        self.platform_edit = _platform_line(self)
        self.url_edit = _line(self, self.tr("https://… where it was posted (optional)"), MAX_URL_LENGTH)
        self.from_edit = _line(self, self.tr("for example: the survivor, by USB"))
        form.addRow(self.tr("&Kind:"), self.kind_combo)
        form.addRow(self.tr("&Description:"), self.description_edit)
        form.addRow(self.tr("&Platform:"), self.platform_edit)
        form.addRow(self.tr("&Link:"), self.url_edit)
        form.addRow(self.tr("&Received from:"), self.from_edit)
        self.body.addLayout(form)
        self.hash_only_check = QCheckBox(self.tr("Keep only the &hash (do not store the file)"), self)
        self.body.addWidget(self.hash_only_check)
        self.body.addWidget(
            help_text(
                self.tr(
                    "For material the center must not hold: the hash and these details still prove later "
                    "that a copy found elsewhere is the same file. Stored files are encrypted in the vault."
                ),
                self,
            )
        )
        self.description_edit.setFocus()

    @property
    def paths(self) -> tuple[Path, ...]:
        return self._paths

    def commit(self) -> AddRequest:
        code = self.kind_combo.code()
        details = EvidenceDetails(
            kind=EvidenceKind(code) if code else None,
            description=self.description_edit.text().strip(),
            platform=self.platform_edit.text().strip(),
            urls=_checked_url(self.url_edit.text()),
            received_from=self.from_edit.text().strip(),
        )
        return AddRequest(self._paths, details, keep_file=not self.hash_only_check.isChecked())


class AddLinkDialog(FormDialog):
    """Keep a link to a post or channel (nothing is downloaded); :attr:`saved` carries the EvidenceRecord."""

    def __init__(self, session: VaultSession, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add a link"), self.tr("Add link"), parent)
        self._service = EvidenceService(session)
        self._case_id = case_id
        self.setMinimumWidth(560)
        self.body.addWidget(
            help_text(
                self.tr(
                    "A post, profile or channel where the material is. SafeCase keeps the link only and "
                    "never opens it; take-down requests can refer to it."
                ),
                self,
            )
        )
        form = QFormLayout()
        self.url_edit = _line(self, "https://", MAX_URL_LENGTH)
        self.description_edit = _line(self, self.tr("what is there"), 2000)
        self.platform_edit = _platform_line(self)
        self.channel_edit = _line(self, self.tr("channel, chat room or group name"))
        self.from_edit = _line(self, self.tr("who told the center about it"))
        form.addRow(self.tr("&Link:"), self.url_edit)
        form.addRow(self.tr("&Description:"), self.description_edit)
        form.addRow(self.tr("&Platform:"), self.platform_edit)
        form.addRow(self.tr("&Channel:"), self.channel_edit)
        form.addRow(self.tr("&Received from:"), self.from_edit)
        self.body.addLayout(form)
        self.url_edit.setFocus()

    def commit(self) -> EvidenceRecord:
        if not self.url_edit.text().strip():
            raise InputError(self.tr("Give the link."))
        details = EvidenceDetails(
            description=self.description_edit.text().strip(),
            platform=self.platform_edit.text().strip(),
            channel=self.channel_edit.text().strip(),
            received_from=self.from_edit.text().strip(),
        )
        return self._service.add_url(self._case_id, self.url_edit.text(), details)


# --- custody actions on one item -------------------------------------------------------------------------


class HandOverDialog(FormDialog):
    """Record that the item (or a copy) went to someone; :attr:`saved` carries the CustodyEvent."""

    def __init__(self, session: VaultSession, item: EvidenceItem, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Hand over {item}").format(item=item.label), self.tr("Record hand-over"), parent)
        self._service = EvidenceService(session)
        self._item_id = item.id
        self.setMinimumWidth(520)
        self.body.addWidget(
            help_text(
                self.tr(
                    "Records in the custody log who received the item or a copy, and why. Nothing is "
                    "exported here: use “Evidence packet…” to write the files for them."
                ),
                self,
            )
        )
        form = QFormLayout()
        self.recipient_edit = _line(self, self.tr("for example: 박 형사"))
        self.organization_edit = _line(self, self.tr("for example: 서울경찰청 사이버수사대"))
        self.purpose_edit = _line(self, self.tr("for example: 고소장 제출"))
        self.reference_edit = _line(self, self.tr("their report or case number (optional)"))
        form.addRow(self.tr("&To whom:"), self.recipient_edit)
        form.addRow(self.tr("&Organization:"), self.organization_edit)
        form.addRow(self.tr("&Purpose:"), self.purpose_edit)
        form.addRow(self.tr("&Reference:"), self.reference_edit)
        self.body.addLayout(form)
        self.recipient_edit.setFocus()

    def commit(self) -> CustodyEvent:
        if not self.purpose_edit.text().strip():
            raise InputError(self.tr("Say what it is for."))
        to = HandOver(
            recipient=self.recipient_edit.text(),
            organization=self.organization_edit.text(),
            purpose=self.purpose_edit.text(),
            reference=self.reference_edit.text(),
        )
        return self._service.hand_over(self._item_id, to)


class ReturnDialog(FormDialog):
    """Record that what was handed over came back; :attr:`saved` carries the CustodyEvent."""

    def __init__(self, session: VaultSession, item: EvidenceItem, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("{item} returned").format(item=item.label), self.tr("Record return"), parent)
        self._service = EvidenceService(session)
        self._item_id = item.id
        self.setMinimumWidth(520)
        form = QFormLayout()
        self.returned_by_edit = _line(self, self.tr("who brought it back"))
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setPlaceholderText(self.tr("what came back, in what state (optional)"))
        self.note_edit.setFixedHeight(self.note_edit.fontMetrics().lineSpacing() * 4 + 12)
        form.addRow(self.tr("Returned &by:"), self.returned_by_edit)
        form.addRow(self.tr("&Note:"), self.note_edit)
        self.body.addLayout(form)
        self.returned_by_edit.setFocus()

    def commit(self) -> CustodyEvent:
        return self._service.record_return(self._item_id, self.returned_by_edit.text(), self.note_edit.toPlainText())


class DestroyDialog(FormDialog):
    """Destroy the item's kept file (crypto-shredding) for a reason; :attr:`saved` carries the EvidenceRecord.

    Enter does not destroy (Cancel is the default button): only the button or Ctrl+Enter does, with a reason.
    """

    def __init__(self, session: VaultSession, item: EvidenceItem, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Destroy evidence file"),
            self.tr("Destroy file"),
            parent,
            heading_text=self.tr("Destroy the file of {item}?").format(item=item.label),
        )
        self._service = EvidenceService(session)
        self._item_id = item.id
        self.setMinimumWidth(520)
        # As in every confirmation, the safe choice is the default: Enter in the reason cancels.
        self.save_button.setAutoDefault(False)
        self.save_button.setDefault(False)
        self.footer.cancel_button.setDefault(True)
        self.warning = body_text(
            self.tr(
                "The file's key is deleted and then the encrypted file: it can never be recovered, from "
                "this vault or from any copy of the file. The item's SHA-256, its details and its custody "
                "log stay, ending in “destroyed”. A backup made before still holds the file."
            ),
            self,
        )
        self.body.addWidget(self.warning)
        form = QFormLayout()
        self.reason_edit = _line(self, self.tr("for example: retention period over, survivor asked"), 2000)
        form.addRow(self.tr("&Reason:"), self.reason_edit)
        self.body.addLayout(form)
        self.reason_edit.setFocus()

    def commit(self) -> EvidenceRecord:
        if not self.reason_edit.text().strip():
            raise InputError(self.tr("Say why the file is destroyed; the reason goes into the custody log."))
        return self._service.destroy(self._item_id, self.reason_edit.text())
