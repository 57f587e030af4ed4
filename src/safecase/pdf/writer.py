"""Render a :class:`~safecase.reports.document.Document` to PDF bytes with ``QPdfWriter``.

The document becomes Qt rich text (HTML that Qt's own layout understands: tables with repeated header
rows, column widths, page breaks) laid out by ``QTextDocument`` in A4 pages; each page is drawn through
a ``QPainter`` with a footer ("page N of M"). Every text is escaped: nothing in a description or a
file name can add markup. Bar charts are text objects painted by :mod:`safecase.pdf.charts`.

Qt needs a ``QGuiApplication`` for fonts. The GUI has one; on the command line
:func:`ensure_gui_application` creates one on the ``offscreen`` platform (given as ``-platform
offscreen`` in its own arguments, which win over ``$QT_QPA_PLATFORM``, and leave the environment of
the process and its children alone), so no display is needed. Rendering may run on a worker thread
(the GUI's background tasks): ``QPainter`` on a ``QPdfWriter`` and ``QTextDocument`` are usable off the
GUI thread; the font lookup, which may add a font file to Qt's list, is done once beforehand by
:func:`prepare`.
"""

from __future__ import annotations

import html
import threading

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
    QTextOption,
)

from safecase.domain.errors import SafeCaseError
from safecase.i18n import tr
from safecase.pdf.charts import chart_html, install_charts
from safecase.pdf.fonts import has_hangul, korean_font_family, latin_font_family, monospace_family
from safecase.reports.document import BarChart, Cell, Column, Document, Fields, Heading, Paragraph, Table

RESOLUTION = 300
"""Dots per inch of the PDF's coordinate space (text and lines are vectors whatever this is)."""
MARGIN_MM = 15.0
FOOTER_MM = 8.0
BODY_PT = 9.0
SMALL_PT = 7.5
HEADING_PT = {1: 16.0, 2: 12.0, 3: 10.0}
BORDER = "#b0b0b0"
HEADER_BACKGROUND = "#e9e9e9"

_app: QGuiApplication | None = None
_app_lock = threading.Lock()


class PdfError(SafeCaseError):
    """The PDF cannot be written as asked (no Korean font, no Qt GUI application)."""


def ensure_gui_application() -> QGuiApplication:
    """The running Qt GUI application, or a new one on the ``offscreen`` platform (needs no display).

    Call it on the thread that will stay the GUI thread (the command line's main thread).
    """
    global _app
    with _app_lock:
        existing = QGuiApplication.instance()
        if isinstance(existing, QGuiApplication):
            return existing
        if existing is not None:
            raise PdfError(tr("A PDF cannot be written here: Qt runs without its GUI module."))
        _app = QGuiApplication(["safecase", "-platform", "offscreen"])
        return _app


def prepare() -> str:
    """Make sure Qt is up and the Korean font is looked up; the family found, or "" when none is."""
    ensure_gui_application()
    return korean_font_family()


def render_pdf(document: Document) -> bytes:
    """The PDF of ``document``: A4 (portrait unless ``document.landscape``), fonts embedded as subsets."""
    family = prepare()
    if not family and any(has_hangul(t) for t in document.texts()):
        raise PdfError(
            tr(
                "No font with Korean letters was found on this computer, so the PDF would lose its Korean text. "
                "Install a Korean font (on Debian or Ubuntu: fonts-noto-cjk) and try again."
            )
        )
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setTitle(document.title)
    writer.setCreator(document.metadata.get("creator", "SafeCase"))
    orientation = QPageLayout.Orientation.Landscape if document.landscape else QPageLayout.Orientation.Portrait
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            orientation,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    _paint(writer, document, family)
    buffer.close()
    data: QByteArray = buffer.data()
    return bytes(data.data())


def _paint(writer: QPdfWriter, document: Document, family: str) -> None:
    paint_rect = writer.pageLayout().paintRectPixels(writer.resolution())
    footer_height = FOOTER_MM / 25.4 * writer.resolution()
    body = QSizeF(paint_rect.width(), paint_rect.height() - footer_height)

    families = [latin_font_family()] + ([family] if family else [])
    text = QTextDocument()
    text.documentLayout().setPaintDevice(writer)
    font = QFont()
    font.setFamilies(families)
    font.setPointSizeF(BODY_PT)
    text.setDefaultFont(font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    text.setDefaultTextOption(option)
    text.setDocumentMargin(0)
    text.setHtml(_html(document, families, monospace_family()))
    install_charts(text, [block for block in document.blocks if isinstance(block, BarChart)])
    text.setPageSize(body)
    pages = max(1, text.pageCount())

    footer_font = QFont(font)
    footer_font.setPointSizeF(SMALL_PT)
    painter = QPainter()
    if not painter.begin(writer):
        raise PdfError(tr("The PDF could not be started."))
    try:
        for page in range(pages):
            if page:
                writer.newPage()
            painter.save()
            painter.translate(0, -page * body.height())
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = QRectF(0, page * body.height(), body.width(), body.height())
            painter.setClipRect(context.clip)
            text.documentLayout().draw(painter, context)
            painter.restore()
            painter.setFont(footer_font)
            words = document.page_text or tr("page {page} of {pages}")
            footer = words.format(page=page + 1, pages=pages)
            if document.footer:
                footer = f"{document.footer}  ·  {footer}"
            painter.drawText(
                QRectF(0, body.height(), body.width(), footer_height),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                footer,
            )
    finally:
        painter.end()


# --- the rich text -------------------------------------------------------------------------------------


def _text(value: str) -> str:
    """Escaped, line breaks kept."""
    return html.escape(value).replace("\n", "<br/>")


def _cell_html(cell: Cell, mono: str, tag: str = "td", width: str = "") -> str:
    attributes = []
    if cell.span > 1:
        attributes.append(f'colspan="{cell.span}"')
    if width:
        attributes.append(f'width="{width}"')
    if cell.numeric:
        # Middle, not top: a row's Korean label sets a taller line than its digits, which would sit high.
        attributes.append('align="right" valign="middle"')
    style = []
    if cell.mono:
        style.append(f"font-family: '{mono}'; white-space: nowrap")
    if cell.bold:
        style.append("font-weight: bold")
    if tag == "th":
        style.append(f"background-color: {HEADER_BACKGROUND}; text-align: {'right' if cell.numeric else 'left'}")
    if style:
        attributes.append(f'style="{"; ".join(style)}"')
    joined = (" " + " ".join(attributes)) if attributes else ""
    return f"<{tag}{joined}>{_text(cell.text)}</{tag}>"


def _table_html(table: Table, mono: str) -> str:
    total = sum(c.weight for c in table.columns) or 1.0
    size = f"font-size: {SMALL_PT}pt; " if table.small else ""
    parts = [
        f'<table width="{table.width * 100:.0f}%" cellspacing="0" cellpadding="3" border="1" '
        f'style="{size}border-collapse: collapse; border-color: {BORDER}; border-style: solid">',
        "<thead><tr>",
    ]
    for column in table.columns:
        width = f"{column.weight * 100 / total:.1f}%"
        parts.append(_cell_html(_header_cell(column), mono, "th", width))
    parts.append("</tr></thead>")
    for row in table.rows:
        parts.append("<tr>" + "".join(_cell_html(cell, mono) for cell in row) + "</tr>")
    parts.append("</table>")
    return "".join(parts)


def _header_cell(column: Column) -> Cell:
    return Cell(column.title, bold=True, numeric=column.numeric)


def _fields_html(fields: Fields) -> str:
    rows = "".join(
        f'<tr><td style="font-weight: bold; padding-right: 12px">{_text(label)}</td><td>{_text(value)}</td></tr>'
        for label, value in fields.rows
    )
    return f'<table cellspacing="0" cellpadding="2">{rows}</table>'


def _html(document: Document, families: list[str], mono: str) -> str:
    font = "font-family: " + ", ".join(f"'{f}'" for f in families) + "; "
    parts = [
        f'<html><body style="{font}font-size: {BODY_PT}pt">',
        f'<p style="font-size: {HEADING_PT[1]}pt; font-weight: bold; margin-bottom: 6px">{_text(document.title)}</p>',
    ]
    charts = 0
    for block in document.blocks:
        if isinstance(block, BarChart):
            parts.append(chart_html(charts))
            charts += 1
        elif isinstance(block, Heading):
            size = HEADING_PT.get(block.level, BODY_PT)
            brk = "page-break-before: always; " if block.new_page else ""
            parts.append(
                f'<p style="{brk}font-size: {size}pt; font-weight: bold; margin-top: 10px; margin-bottom: 4px">'
                f"{_text(block.text)}</p>"
            )
        elif isinstance(block, Paragraph):
            style = f"font-size: {SMALL_PT}pt; " if block.small else ""
            if block.mono:
                style += f"font-family: '{mono}'; "
            parts.append(f'<p style="{style}margin-top: 2px; margin-bottom: 4px">{_text(block.text)}</p>')
        elif isinstance(block, Fields):
            parts.append(_fields_html(block))
        else:
            parts.append(_table_html(block, mono))
    parts.append("</body></html>")
    return "".join(parts)
