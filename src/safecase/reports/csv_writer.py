"""CSV that Excel opens with Korean intact and that cannot run anything when opened.

- UTF-8 with a byte-order mark: without it, Excel on a Korean Windows reads the file as CP949 and shows
  the Hangul as garbage.
- CSV injection (formula injection) neutralised: a cell starting with ``=``, ``+``, ``-``, ``@``, a tab
  or a carriage return is read by spreadsheet programs as a formula (``=HYPERLINK(...)`` sends whoever
  clicks it to a stranger's site, DDE formulas once ran programs), so such a cell gets a leading ``'``,
  as OWASP recommends. Any text that came from a person or from a platform (a description, a channel
  name, a post's title) may start so.
- Rows end in CRLF (RFC 4180, what Excel writes itself).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """``cell``, with a ``'`` in front when a spreadsheet would take it for a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    """The whole file: BOM, header and rows, every cell neutralised."""
    return csv_lines_bytes([header, *rows])


def csv_lines_bytes(lines: Iterable[Sequence[str]]) -> bytes:
    """The whole file from lines of any length (a report stacks tables of different widths, separated by
    empty lines): BOM, then every cell neutralised; an empty line stays empty."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    for line in lines:
        writer.writerow([neutralise(cell) for cell in line])
    return (BOM + out.getvalue()).encode("utf-8")
