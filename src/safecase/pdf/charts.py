"""Bar charts inside the PDF's text flow, drawn with ``QPainter`` as vectors.

The document is laid out by ``QTextDocument`` (see :mod:`safecase.pdf.writer`), which knows tables and
paragraphs but not charts. A chart therefore enters the HTML as an image placeholder
(``<img src="safecase-chart:N">``) and is then turned into a custom text object that
:class:`ChartObject` sizes and paints: the layout moves it to the next page like a line of text when it
does not fit, and its labels and numbers stay real text in the PDF (searchable, copyable, Korean
included), not pixels.

A bar is drawn only from a value the chart was given; a hidden count (``<5``, ``X``) has no value, so it
gets no bar, only its marker in grey where the bar would start.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, QRect, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPen,
    QPyTextObject,
    QTextCharFormat,
    QTextDocument,
    QTextFormat,
)

from safecase.reports.document import BarChart

CHART_OBJECT = int(QTextFormat.ObjectTypes.UserObject) + 1
CHART_INDEX = int(QTextFormat.Property.UserProperty) + 1
PLACEHOLDER = "safecase-chart:"
OBJECT_REPLACEMENT = "\ufffc"
"""The character a text document holds in place of an inline object (an image, a chart)."""

ROW_MM = 5.2
AXIS_MM = 6.0
TOP_MM = 1.5
"""Space above the first bar: a grid line drawn on the very first dot of a page would also touch the
bottom of the page before (half its width lies above), leaving a row of dots there."""
MAX_HEIGHT_SHARE = 0.8
"""A chart never takes more than this share of a page's height (its rows get thinner instead)."""
LABEL_SHARE = 0.38
CHART_PT = 7.5
BAR_COLOR = "#4472C4"
GRID_COLOR = "#d9d9d9"
MARKER_COLOR = "#6b6b6b"


def chart_html(index: int) -> str:
    """The placeholder a chart takes in the document's HTML."""
    return f'<p style="margin-top: 4px; margin-bottom: 10px"><img src="{PLACEHOLDER}{index}" /></p>'


def nice_step(rough: float) -> float:
    """The tick step near ``rough`` that people read easily: 1, 2 or 5 times a power of ten (at least 1)."""
    if rough <= 1:
        return 1.0
    power = 10 ** math.floor(math.log10(rough))
    for factor in (1, 2, 5, 10):
        if factor * power >= rough:
            return float(factor * power)
    return float(10 * power)


class ChartObject(QPyTextObject):
    """Sizes and paints the charts of one document (indexed by the placeholder's number)."""

    def __init__(self, charts: list[BarChart], parent: QTextDocument) -> None:
        super().__init__(parent)
        self._charts = charts

    @staticmethod
    def _dots_per_mm(document: QTextDocument) -> float:
        device = document.documentLayout().paintDevice()
        dpi = device.logicalDpiY() if device is not None else 96
        return dpi / 25.4

    def _chart(self, text_format: QTextFormat) -> BarChart:
        return self._charts[int(text_format.property(CHART_INDEX))]

    def intrinsicSize(self, doc: QTextDocument, posInDocument: int, format: QTextFormat) -> QSizeF:
        chart = self._chart(format)
        mm = self._dots_per_mm(doc)
        width = doc.pageSize().width() if doc.pageSize().width() > 0 else doc.textWidth()
        height = len(chart.bars) * ROW_MM * mm + (AXIS_MM + TOP_MM) * mm
        if doc.pageSize().height() > 0:
            height = min(height, doc.pageSize().height() * MAX_HEIGHT_SHARE)
        return QSizeF(max(width - 2, 1.0), height)

    def drawObject(
        self,
        painter: QPainter,
        rect: QRectF | QRect,
        doc: QTextDocument,
        posInDocument: int,
        format: QTextFormat,
    ) -> None:
        chart = self._chart(format)
        if not chart.bars:
            return
        mm = self._dots_per_mm(doc)
        painter.save()
        try:
            font = QFont(doc.defaultFont())
            font.setPointSizeF(CHART_PT)
            painter.setFont(font)
            metrics = QFontMetricsF(font, painter.device())
            _draw(painter, QRectF(rect), chart, metrics, mm)
        finally:
            painter.restore()


def _draw(painter: QPainter, rect: QRectF, chart: BarChart, metrics: QFontMetricsF, mm: float) -> None:
    label_width = min(max(metrics.horizontalAdvance(bar.label) for bar in chart.bars), rect.width() * LABEL_SHARE)
    label_width += 2 * mm
    text_width = max(metrics.horizontalAdvance(bar.text) for bar in chart.bars) + 2 * mm
    axis_height = AXIS_MM * mm
    plot = QRectF(
        rect.left() + label_width,
        rect.top() + TOP_MM * mm,
        max(rect.width() - label_width - text_width, 1.0),
        rect.height() - axis_height - TOP_MM * mm,
    )
    row = plot.height() / len(chart.bars)
    shown = [bar.value for bar in chart.bars if bar.value is not None]
    step = nice_step(max(shown, default=0.0) / 5)
    top = max(step, math.ceil(max(shown, default=0.0) / step) * step)

    # Grid and the value axis underneath.
    grid = QPen(QColor(GRID_COLOR))
    grid.setWidthF(0.15 * mm)
    painter.setPen(grid)
    ticks = round(top / step)
    for i in range(ticks + 1):
        x = plot.left() + plot.width() * i / ticks
        painter.drawLine(QLineF(x, plot.top(), x, plot.bottom()))
        painter.setPen(QColor("#000000"))
        tick = QRectF(x - 10 * mm, plot.bottom() + 0.8 * mm, 20 * mm, axis_height - 0.8 * mm)
        painter.drawText(tick, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), f"{i * step:g}")
        painter.setPen(grid)
    axis = QPen(QColor("#000000"))
    axis.setWidthF(0.2 * mm)
    painter.setPen(axis)
    painter.drawLine(QLineF(plot.topLeft(), plot.bottomLeft()))

    for index, bar in enumerate(chart.bars):
        y = plot.top() + index * row
        painter.setPen(QColor("#000000"))
        label_box = QRectF(rect.left(), y, label_width - 2 * mm, row)
        label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_box.width())
        painter.drawText(label_box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), label)
        if bar.value is None:
            # Hidden: no bar at all, only the marker, so the chart says no more than the table.
            painter.setPen(QColor(MARKER_COLOR))
            at = QPointF(plot.left() + 1 * mm, y)
        else:
            length = plot.width() * bar.value / top
            if length > 0:
                painter.fillRect(QRectF(plot.left(), y + row * 0.18, length, row * 0.64), QColor(BAR_COLOR))
            at = QPointF(plot.left() + length + 1 * mm, y)
        painter.drawText(
            QRectF(at.x(), y, text_width + 2 * mm, row),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            bar.text,
        )


def install_charts(document: QTextDocument, charts: list[BarChart]) -> None:
    """Turn the document's chart placeholders into chart objects (after ``setHtml``, before layout)."""
    if not charts:
        return
    handler = ChartObject(charts, document)
    document.documentLayout().registerHandler(CHART_OBJECT, handler)
    cursor = document.find(OBJECT_REPLACEMENT)
    while not cursor.isNull():
        found = cursor.charFormat()
        name = found.toImageFormat().name() if found.isImageFormat() else ""
        if name.startswith(PLACEHOLDER):
            chart_format = QTextCharFormat()
            chart_format.setObjectType(CHART_OBJECT)
            chart_format.setProperty(CHART_INDEX, int(name.removeprefix(PLACEHOLDER)))
            cursor.insertText(OBJECT_REPLACEMENT, chart_format)
        cursor = document.find(OBJECT_REPLACEMENT, cursor)
