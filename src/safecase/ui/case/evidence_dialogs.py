"""Dialogs of the Evidence tab: the details of files being added, and a link to keep.

Adding files asks for what only a person knows (what it is, where it was posted, who gave it) and
whether the file may be kept at all. The form itself only checks what was typed; reading, hashing and
encrypting the files is long work the tab runs in the background with a progress bar and Cancel
(:meth:`CaseEvidenceTab.start_adding`), so :attr:`AddFilesDialog.saved` carries an :class:`AddRequest`.
A link is a quick write: :class:`AddLinkDialog` calls the service itself.
"""

from __future__ import annotations

import contextlib
import mimetypes
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt
from PySide6.QtWidgets import QCheckBox, QCompleter, QFormLayout, QLineEdit, QWidget

from safecase.domain.errors import InputError
from safecase.domain.evidence import (
    FILE_KINDS,
    MAX_SHORT_TEXT,
    MAX_URL_LENGTH,
    EvidenceDetails,
    EvidenceKind,
    EvidenceRecord,
    clean_url,
    kind_for_media_type,
)
from safecase.services.evidence import EvidenceService
from safecase.services.session import VaultSession
from safecase.ui.case.contact_fields import CodeCombo
from safecase.ui.case.evidence_labels import kind_label, size_text
from safecase.ui.case.incident_fields import known_platform_labels
from safecase.ui.common.form_dialog import FormDialog
from safecase.ui.common.widgets import help_text

_CONTEXT = "EvidenceDialogs"


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
    edit = _line(parent, QCoreApplication.translate(_CONTEXT, "for example 텔레그램"))
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
            QCoreApplication.translate(_CONTEXT, "The link cannot be kept: it is too long or has spaces in it.")
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
            self.tr("From the file ({kind})").format(kind=kind_label(guess)) if guess else self.tr("From each file")
        )
        kinds = [(k.value, kind_label(k)) for k in EvidenceKind if k in FILE_KINDS]
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
