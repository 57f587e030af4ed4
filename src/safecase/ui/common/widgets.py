"""Small building blocks shared by the screens, so every screen looks and reads the same way.

Headings, muted help text, the inline error line, the framed "card" sections and read-only record tables. Colors come from
the palette where possible so the app follows the system's light or dark theme; the error and
success colors are fixed because they carry meaning.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import QAbstractItemModel
    from PySide6.QtWidgets import QTableView

ERROR_COLOR = "#b3261e"
SUCCESS_COLOR = "#1e7a34"


def heading(text: str, level: int = 1, parent: QWidget | None = None) -> QLabel:
    """A bold title; level 1 for a window or page, 2 for a section."""
    label = QLabel(text, parent)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * (1.6 if level == 1 else 1.2))
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    label.setWordWrap(True)
    label.setAccessibleName(text)
    return label


def body_text(text: str, parent: QWidget | None = None) -> QLabel:
    """Wrapped text in the normal color, for explanations a person must read."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def help_text(text: str, parent: QWidget | None = None) -> QLabel:
    """Secondary text (locations, side notes) in the palette's muted color, wrapped."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


def grow_window_to_fit(widget: QWidget) -> None:
    """Grow ``widget``'s window (never shrink it) until its layout fits at the current width.

    A word-wrapped label needs more height the longer its text; a window already on screen does not
    grow by itself, so without this a longer message would be cut off or overlap the rows around it.
    """
    window = widget.window()
    layout = window.layout()
    if layout is None or not window.isVisible() or window.isMaximized() or window.isFullScreen():
        return  # a window not yet shown takes its size from the layout, message included
    layout.activate()
    width = window.width()
    if layout.hasHeightForWidth():
        needed = layout.totalMinimumHeightForWidth(width)
    else:
        needed = layout.totalMinimumSize().height()
    if window.height() < needed:
        window.resize(width, needed)


class MessageLine(QLabel):
    """One line under a form for an error or a confirmation; hidden while empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.hide()

    def show_error(self, text: str) -> None:
        self._show(text, ERROR_COLOR)

    def show_success(self, text: str) -> None:
        self._show(text, SUCCESS_COLOR)

    def show_info(self, text: str) -> None:
        self._show(text, "")

    def clear_message(self) -> None:
        self.clear()
        self.hide()

    def _show(self, text: str, color: str) -> None:
        self.setStyleSheet(f"color: {color};" if color else "")
        self.setText(text)
        self.setAccessibleDescription(text)
        self.show()


class Card(QFrame):
    """A framed section with a heading, used to group related things on a page.

    It paints its rounded frame itself (the palette's base color inside a 1 px line in its mid color)
    rather than through a style sheet: a style sheet on a widget hands every widget inside it to Qt's
    style-sheet style, which polishes, sizes and paints each one several times more slowly. The four
    cards of a case's overview made opening a case take a third longer that way.
    """

    RADIUS = 6.0

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setContentsMargins(1, 1, 1, 1)  # the frame's line, as the style sheet's border kept it clear
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(16, 14, 16, 16)
        self.body.setSpacing(8)
        self.body.addWidget(heading(title, 2, self))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1.0))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), self.RADIUS, self.RADIUS)


def monospace_font(point_size: float) -> QFont:
    from PySide6.QtGui import QFontDatabase  # imported on first use, as the table's classes below

    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(point_size)
    return font


def record_table(model: QAbstractItemModel, parent: QWidget) -> QTableView:
    """A read-only table of records as every casework tab shows them: whole rows, one selected."""
    # Imported on first use (see safecase.ui): the sign-in and create-vault screens use this module
    # for their labels, and creating Qt's item-view classes for Python is a measurable part of start-up.
    from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return table


def selected_row(table: QTableView) -> int:
    """The row of the (single) selected record, or -1."""
    model = table.selectionModel()
    rows = model.selectedRows() if model is not None else []
    return rows[0].row() if rows else -1
