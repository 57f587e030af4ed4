"""PDF files from :class:`safecase.reports.document.Document`, through Qt's own PDF engine.

Qt is already in every SafeCase install (the GUI), and ``QPdfWriter`` embeds a subset of whatever font
it draws with, with a ToUnicode map, so Korean text is searchable and copyable (``pdftotext`` reads it)
at no extra weight; a PDF library that embeds a CJK font itself would add megabytes. Only ``QtGui`` is
used (no widgets), and it works with no display at all: when no Qt application exists yet (the command
line), one is created on Qt's ``offscreen`` platform. See :mod:`safecase.pdf.fonts` for how a Korean
font is found.
"""

from safecase.pdf.fonts import korean_font_family
from safecase.pdf.writer import ensure_gui_application, render_pdf

__all__ = ["ensure_gui_application", "korean_font_family", "render_pdf"]
