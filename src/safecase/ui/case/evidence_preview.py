"""The preview of an evidence item: blurred until the person deliberately chooses to see it.

Counselors look at abuse material as little as possible (secondary trauma), and a screen may be seen
by someone passing by. So an image is opened through the session (:meth:`EvidenceService.opened`:
the rule and the file's key, quickly), decrypted into memory and decoded on a worker thread, and
shown only as a blur: shrunk to
:data:`BLUR_CELLS` pixels on its long side and blown up again with smooth scaling, which leaves soft
patches of colour and nothing of faces or text. "Show image" shows it clearly, and that is the view
the custody log records (:meth:`EvidenceService.record_view`, written before the image appears).
Nothing goes through a temporary file; the clear image exists only in this widget's memory and is
dropped when another item is chosen or the tab goes away.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from safecase.domain.evidence import EvidenceItem
from safecase.imaging.perceptual import decode_image
from safecase.ui.case.evidence_labels import moment
from safecase.ui.common.widgets import help_text

BLUR_CELLS = 8
"""Pixels on the long side the image is shrunk to before it is blown up again: too few for a face."""
SHOWN_MAX = 1600
"""Longest side of the clear image kept for showing (a phone photo is larger than any preview)."""


def blurred(image: QImage, cells: int = BLUR_CELLS) -> QImage:
    """``image`` with everything in it smeared beyond recognition, at its own aspect and a display size."""
    width, height = image.width(), image.height()
    scale = cells / max(width, height, 1)
    tiny = image.convertToFormat(QImage.Format.Format_RGB32).scaled(
        max(1, round(width * scale)),
        max(1, round(height * scale)),
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    # Blown up in two smooth steps: one step leaves the cells' edges visible as a grid.
    step = tiny.scaled(
        tiny.width() * 6,
        tiny.height() * 6,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    size = QSize(width, height).scaled(QSize(480, 480), Qt.AspectRatioMode.KeepAspectRatio)
    return step.scaled(size, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)


@dataclass(frozen=True)
class Preview:
    """What a worker read for one item: a blurred and a clear image, or why there is none."""

    item_id: int
    blurred: QImage | None
    clear: QImage | None
    problem: str = ""


def make_preview(item_id: int, decrypt: Callable[[], bytes]) -> Preview:
    """On a worker: decrypt the file into memory (``decrypt`` is :meth:`EvidenceService.opened`'s, so
    nothing is logged) and make its two images; the plaintext bytes are dropped at once."""
    data = decrypt()
    image = decode_image(data)
    del data
    if image is None:
        return Preview(item_id, None, None)
    if max(image.width(), image.height()) > SHOWN_MAX:
        image = image.scaled(
            SHOWN_MAX, SHOWN_MAX, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
    return Preview(item_id, blurred(image), image)


def shows_preview(item: EvidenceItem) -> bool:
    """Whether the item may have a picture to preview: a kept file of an image type."""
    return item.stored and item.media_type.startswith("image/")


class ImageBox(QLabel):
    """An image fitted into the space it has, keeping its aspect."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image: QImage | None = None
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumSize(240, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.setWordWrap(True)

    def set_image(self, image: QImage | None) -> None:
        self._image = image
        self.clear()
        self._fit()

    def set_note(self, text: str) -> None:
        self._image = None
        self.clear()
        self.setText(text)

    def image(self) -> QImage | None:
        return self._image

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self._image is None:
            return
        room = self.contentsRect().size() - QSize(4, 4)
        size = self._image.size().scaled(room, Qt.AspectRatioMode.KeepAspectRatio)
        if size.width() > self._image.width():  # never blown up past its own size
            size = self._image.size()
        pixmap = QPixmap.fromImage(
            self._image.scaled(size, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)
        )
        self.setPixmap(pixmap)


class PreviewPanel(QWidget):
    """The left part of an item's details: its picture (blurred first) or what there is instead, and the
    buttons to see it clearly or to save a copy. The tab drives it; it shows what it is told."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        self.image_box = ImageBox(self)
        column.addWidget(self.image_box, 1)
        self.caption = help_text("", self)
        column.addWidget(self.caption)
        row = QHBoxLayout()
        self.show_button = QPushButton(self.tr("Show image"), self)
        self.show_button.setToolTip(self.tr("Show the image clearly. This is recorded in the custody log."))
        self.blur_button = QPushButton(self.tr("Blur again"), self)
        self.copy_button = QPushButton(self.tr("Save a copy…"), self)
        self.copy_button.setToolTip(self.tr("Write the original file to a place you choose, outside the vault"))
        row.addWidget(self.show_button)
        row.addWidget(self.blur_button)
        row.addStretch(1)
        row.addWidget(self.copy_button)
        column.addLayout(row)
        self._preview: Preview | None = None
        self._revealed = False
        self.show_nothing()

    @property
    def item_id(self) -> int | None:
        return self._preview.item_id if self._preview else None

    @property
    def revealed(self) -> bool:
        return self._revealed

    @property
    def has_image(self) -> bool:
        return self._preview is not None and self._preview.clear is not None

    def show_nothing(self) -> None:
        self._preview, self._revealed = None, False
        self.image_box.set_note("")
        self.caption.setText("")
        self._buttons(can_show=False, can_copy=False)

    def show_loading(self, item: EvidenceItem) -> None:
        self._preview, self._revealed = None, False
        self.image_box.set_note(self.tr("Opening…"))
        self.caption.setText("")
        self._buttons(can_show=False, can_copy=item.stored)

    def show_preview(self, item: EvidenceItem, preview: Preview) -> None:
        """The preview read for ``item``, blurred."""
        self._preview, self._revealed = preview, False
        if preview.problem:
            self.image_box.set_note(preview.problem)
            self.caption.setText("")
        elif preview.blurred is None:
            self.image_box.set_note(self.tr("SafeCase cannot show this file."))
            self.caption.setText(self._copy_hint())
        else:
            self.image_box.set_image(preview.blurred)
            self.caption.setText(self.tr("Blurred. Choose “Show image” to see it; that is logged."))
        self._buttons(can_show=preview.blurred is not None, can_copy=item.stored)

    def show_without_preview(self, item: EvidenceItem) -> None:
        """An item with no picture to show: say what there is."""
        self._preview, self._revealed = None, False
        if item.destroyed:
            text = self.tr("The file was destroyed on {day}. Its hash and custody log remain.").format(
                day=moment(item.destroyed_at)
            )
        elif item.stored:
            text = self.tr("No preview for this kind of file.")
        elif item.sha256:
            text = self.tr("Only the hash is kept. The file is not in SafeCase.")
        else:
            text = self.tr("A link. Nothing was downloaded.")
        self.image_box.set_note(text)
        self.caption.setText(self._copy_hint() if item.stored else "")
        self._buttons(can_show=False, can_copy=item.stored)

    def reveal(self) -> None:
        """Show the clear image (the tab has recorded the view)."""
        if self._preview is None or self._preview.clear is None:
            return
        self._revealed = True
        self.image_box.set_image(self._preview.clear)
        self.caption.setText(self.tr("Shown clearly; the view is in the custody log."))
        self._buttons(can_show=True, can_copy=self.copy_button.isEnabled())

    def blur(self) -> None:
        if self._preview is None or self._preview.blurred is None:
            return
        self._revealed = False
        self.image_box.set_image(self._preview.blurred)
        self.caption.setText(self.tr("Blurred. Choose “Show image” to see it; that is logged."))
        self._buttons(can_show=True, can_copy=self.copy_button.isEnabled())

    def _copy_hint(self) -> str:
        return self.tr("To open it, save a copy and open that in another program.")

    def _buttons(self, *, can_show: bool, can_copy: bool) -> None:
        self.show_button.setVisible(not self._revealed)
        self.blur_button.setVisible(self._revealed)
        self.show_button.setEnabled(can_show)
        self.copy_button.setEnabled(can_copy)
