"""A horizontal bar chart of one published report table, painted with ``QPainter``.

PySide6-Essentials has no QtCharts, and the chart needs little: one bar per row (the total row left
out), the row's label on the left and the printed value at the bar's end, a value axis underneath. It
is the same chart the PDF draws (:mod:`safecase.pdf.charts`), in the same colour, so the preview looks
like the export.

A bar is drawn only from a value the published table shows. A hidden count (``<5``, ``X``) has no value
there, so it gets no bar, only its marker on the background its table cell has: the chart can never
say more than the table.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QLineF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QHelpEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from safecase.pdf.charts import BAR_COLOR, nice_step
from safecase.reports.published import PublishedTable
from safecase.reports.suppression import CellState
from safecase.ui.pages.reports_model import MARKED_TEXT, PRIMARY_BACKGROUND, SECONDARY_BACKGROUND

ROW_GAP = 8
"""Pixels a row adds to the font's height (the bar fills about two thirds of a row)."""
AXIS_GAP = 6
LABEL_SHARE = 0.5
"""The widest the labels may take of the chart's width (longer ones are elided, the tooltip has them)."""
TICKS = 5
"""About this many steps along the value axis."""


@dataclass(frozen=True)
class ChartBar:
    label: str
    value: float | None
    """None when the count is hidden: no bar."""
    text: str
    """What the table prints (``12``, ``<5``, ``X``)."""
    state: CellState = CellState.SHOWN


def bars_of(table: PublishedTable) -> tuple[ChartBar, ...]:
    """One bar per row of a one-column table, the total row left out (it would dwarf the others)."""
    return tuple(
        ChartBar(row.label, row.cells[0].value, row.cells[0].text, row.cells[0].state)
        for row in table.rows
        if not row.is_total and row.cells
    )


class ReportChart(QWidget):
    """The bars of one table; its height grows with its rows (put it in a scroll area)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: tuple[ChartBar, ...] = ()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)

    # --- contents ---------------------------------------------------------------------------------------

    def set_table(self, table: PublishedTable | None) -> None:
        self._bars = () if table is None else bars_of(table)
        title = "" if table is None else table.title
        self.setAccessibleName(self.tr("Chart: {title}").format(title=title) if title else "")
        # What a screen reader says for the whole chart: every bar as the table prints it.
        self.setAccessibleDescription("; ".join(f"{bar.label}: {bar.text}" for bar in self._bars))
        self.updateGeometry()
        self.update()

    def bars(self) -> tuple[ChartBar, ...]:
        return self._bars

    # --- geometry ---------------------------------------------------------------------------------------

    def _row_height(self) -> float:
        return QFontMetricsF(self.font()).height() + ROW_GAP

    def _axis_height(self) -> float:
        return QFontMetricsF(self.font()).height() + AXIS_GAP

    def sizeHint(self) -> QSize:
        height = math.ceil(len(self._bars) * self._row_height() + self._axis_height() + ROW_GAP)
        return QSize(420, height if self._bars else 0)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self.sizeHint().height())

    def _layout(self) -> tuple[float, QRectF, float]:
        """The label column's width, the plot area and the value column's width."""
        metrics = QFontMetricsF(self.font())
        rect = QRectF(self.rect()).adjusted(8, ROW_GAP / 2, -8, 0)
        label_width = min(
            max((metrics.horizontalAdvance(b.label) for b in self._bars), default=0.0), rect.width() * LABEL_SHARE
        )
        label_width += 10
        text_width = max((metrics.horizontalAdvance(b.text) for b in self._bars), default=0.0) + 16
        plot = QRectF(
            rect.left() + label_width,
            rect.top(),
            max(rect.width() - label_width - text_width, 1.0),
            len(self._bars) * self._row_height(),
        )
        return label_width, plot, text_width

    # --- painting ---------------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._bars:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_color = palette.color(QPalette.ColorRole.Text)
        metrics = QFontMetricsF(self.font())
        label_width, plot, _ = self._layout()
        row = self._row_height()
        shown = [bar.value for bar in self._bars if bar.value is not None]
        largest = max(shown, default=0.0)
        step = nice_step(largest / TICKS)
        top = max(step, math.ceil(largest / step) * step)

        # Grid lines and their numbers under the plot.
        grid = QPen(palette.color(QPalette.ColorRole.Midlight))
        grid.setWidthF(1.0)
        # With nothing above zero shown there is no scale to read: no grid, no numbers (a 0-to-1 axis under
        # bars that are all hidden would only puzzle).
        ticks = round(top / step) if largest > 0 else -1
        for i in range(ticks + 1):
            x = plot.left() + plot.width() * i / ticks
            painter.setPen(grid)
            painter.drawLine(QLineF(x, plot.top(), x, plot.bottom()))
            painter.setPen(text_color)
            box = QRectF(x - 40, plot.bottom() + AXIS_GAP / 2, 80, self._axis_height())
            painter.drawText(box, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), f"{i * step:g}")
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Dark), 1.0))
        painter.drawLine(QLineF(plot.topLeft(), plot.bottomLeft()))

        markers = {CellState.PRIMARY: QColor(PRIMARY_BACKGROUND), CellState.SECONDARY: QColor(SECONDARY_BACKGROUND)}
        for index, bar in enumerate(self._bars):
            y = plot.top() + index * row
            painter.setPen(text_color)
            label_box = QRectF(plot.left() - label_width, y, label_width - 8, row)
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_box.width())
            painter.drawText(label_box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), label)
            text_width = metrics.horizontalAdvance(bar.text)
            if bar.value is None:
                # Hidden: no bar, only the marker on its table cell's colour.
                chip = QRectF(plot.left() + 4, y + row * 0.15, text_width + 10, row * 0.7)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(markers.get(bar.state, palette.color(QPalette.ColorRole.Midlight)))
                painter.drawRoundedRect(chip, 3, 3)
                painter.setPen(QColor(MARKED_TEXT))
                painter.drawText(chip, int(Qt.AlignmentFlag.AlignCenter), bar.text)
                continue
            length = plot.width() * bar.value / top
            if length > 0:
                painter.fillRect(QRectF(plot.left(), y + row * 0.18, length, row * 0.64), QColor(BAR_COLOR))
            painter.setPen(text_color)
            value_box = QRectF(plot.left() + length + 5, y, text_width + 8, row)
            painter.drawText(value_box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), bar.text)
        painter.end()

    # --- tooltips ---------------------------------------------------------------------------------------

    def bar_at(self, y: float) -> ChartBar | None:
        """The bar whose row holds the height ``y`` (widget coordinates)."""
        if not self._bars:
            return None
        _, plot, _ = self._layout()
        index = math.floor((y - plot.top()) / self._row_height())
        return self._bars[index] if 0 <= index < len(self._bars) else None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            bar = self.bar_at(event.pos().y())
            if bar is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), f"{bar.label}: {bar.text}", self)
            return True
        return super().event(event)
