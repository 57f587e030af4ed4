"""A printable document as plain data: a title, headings, paragraphs, label/value lists and tables.

Services and report builders describe *what* a printable page holds here, without Qt; a writer turns it
into a file. The one writer today is :func:`safecase.pdf.render_pdf` (Qt's PDF engine, which the GUI
already ships, with a Korean font found on the system). It lives outside this package because the
import-linter contracts keep Qt out of ``safecase.reports``; a caller that needs a PDF hands the
service a :data:`PdfRenderer` (the CLI and the GUI pass :func:`safecase.pdf.render_pdf`).

The model is deliberately small: what an evidence manifest and an anonymized statistics report need
(tables, and bar charts for the report's counts per month and by incident type).
Every text is plain text (never markup): the writer escapes it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Cell:
    """One table cell: plain text, optionally spanning ``span`` columns, in a fixed-width font (hashes)."""

    text: str
    span: int = 1
    mono: bool = False
    bold: bool = False
    numeric: bool = False
    """Right-aligned, so the digits of a column of counts line up."""


@dataclass(frozen=True)
class Column:
    """A table column: its header and its share of the table's width (relative to the other columns)."""

    title: str
    weight: float = 1.0
    numeric: bool = False
    """A column of numbers: its header is right-aligned like them."""


@dataclass(frozen=True)
class Table:
    """Rows of cells under a header row that repeats on every page the table runs over.

    A row's cells (counting each cell's ``span``) fill exactly the table's columns.
    """

    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    small: bool = False
    """Set in a smaller font (long logs)."""
    width: float = 1.0
    """The share of the page's width the table takes (a column of counts needs little)."""

    def __post_init__(self) -> None:
        if not 0 < self.width <= 1:
            raise ValueError("a table's width is a share of the page, above 0 and at most 1")
        for row in self.rows:
            if sum(c.span for c in row) != len(self.columns):
                raise ValueError(f"a row spans {sum(c.span for c in row)} columns of {len(self.columns)}")


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2
    """1 is the document's title size; 2 a section; 3 a sub-section."""
    new_page: bool = False


@dataclass(frozen=True)
class Paragraph:
    text: str
    small: bool = False
    mono: bool = False


@dataclass(frozen=True)
class Fields:
    """Label/value pairs shown as two aligned columns (who, when, why)."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None
    """The bar's length; None draws no bar (a count that must not be shown)."""
    text: str
    """Printed at the bar's end: the number, or the marker of a hidden count (``<5``, ``X``)."""


@dataclass(frozen=True)
class BarChart:
    """One horizontal bar per category, the label on the left and the printed value at the bar's end.

    A bar is drawn only from :attr:`Bar.value`; a hidden count has none and shows its marker instead, so a
    chart can never reveal what its table hides.
    """

    bars: tuple[Bar, ...]

    def __post_init__(self) -> None:
        if any(bar.value is not None and bar.value < 0 for bar in self.bars):
            raise ValueError("a bar chart draws counts, which are never negative")


Block = Heading | Paragraph | Fields | Table | BarChart


@dataclass(frozen=True)
class Document:
    title: str
    blocks: tuple[Block, ...] = ()
    footer: str = ""
    """Printed at the bottom of every page, before "page N of M"."""
    page_text: str = ""
    """The page number's words with ``{page}`` and ``{pages}`` (``{page} / {pages}쪽``), for a document in a
    language of its own (a report written in Korean from an English interface); empty: the interface's."""
    landscape: bool = False
    metadata: dict[str, str] = field(default_factory=dict)
    """Document properties (``creator``); the title is set from :attr:`title`."""

    def texts(self) -> list[str]:
        """Every text the document holds, in reading order (for tests and for a writer's checks)."""
        found = [self.title]
        for block in self.blocks:
            if isinstance(block, Heading | Paragraph):
                found.append(block.text)
            elif isinstance(block, Fields):
                for label, value in block.rows:
                    found += [label, value]
            elif isinstance(block, BarChart):
                for bar in block.bars:
                    found += [bar.label, bar.text]
            else:
                found += [c.title for c in block.columns]
                found += [cell.text for row in block.rows for cell in row]
        if self.footer:
            found.append(self.footer)
        return found


PdfRenderer = Callable[[Document], bytes]
"""Turns a :class:`Document` into the bytes of a PDF file (see :func:`safecase.pdf.render_pdf`)."""
