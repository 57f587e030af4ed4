"""The Qt PDF writer and the CSV writer that evidence packets and (later) reports share: Korean text and
every digit survive into the PDF's text, markup in data stays text, long tables repeat their header on
every page, a missing Korean font refuses rather than losing the text; CSV cells cannot become formulas."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from safecase.pdf import render_pdf
from safecase.pdf import writer as pdf_writer
from safecase.pdf.fonts import has_hangul
from safecase.reports.csv_writer import BOM, csv_bytes, neutralise
from safecase.reports.document import Cell, Column, Document, Fields, Heading, Paragraph, Table

pytestmark = pytest.mark.usefixtures("qapp")


def _text(pdf: bytes, folder: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (Debian poppler-utils, installed by scripts/run-tests) is not installed")
    path = folder / "out.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout


def _document(rows: int = 3) -> Document:
    return Document(
        "Evidence packet — case 2026-0042 증거 목록",
        (
            Fields((("Recipient", "서울경찰청 김수사"), ("Reference", "2026-고소-0042"))),
            Heading("Items 항목"),
            Paragraph("<b>not bold</b> & <script>alert(1)</script>"),
            Table(
                (Column("No.", 0.5), Column("Name 이름", 3), Column("Size", 1)),
                tuple(
                    row
                    for i in range(rows)
                    for row in (
                        (Cell(str(i + 1)), Cell(f"텔레그램 채널 캡처 {i + 1}"), Cell(f"{i + 1}.5 MiB")),
                        (Cell(f"SHA-256  {i:064x}", span=3, mono=True),),
                    )
                ),
            ),
        ),
        footer="case 2026-0042",
    )


def test_korean_and_every_digit_reach_the_pdfs_text(tmp_path: Path) -> None:
    pdf = render_pdf(_document())
    assert pdf.startswith(b"%PDF-")
    text = _text(pdf, tmp_path)
    for expected in [
        "Evidence packet — case 2026-0042 증거 목록",
        "서울경찰청 김수사",
        "2026-고소-0042",
        "텔레그램 채널 캡처 3",
        "3.5 MiB",
        f"SHA-256 {2:064x}",
        "case 2026-0042 · page 1 of 1",
    ]:
        assert expected in " ".join(text.split()) or expected in text, expected
    assert "<b>not bold</b> & <script>alert(1)</script>" in text


def test_a_long_table_runs_over_pages_with_its_header_on_each(tmp_path: Path) -> None:
    text = _text(render_pdf(_document(rows=60)), tmp_path)
    pages = text.split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) >= 2
    assert all("Name 이름" in page for page in pages)
    assert f"page {len(pages)} of {len(pages)}" in pages[-1]
    assert all(f"{i:064x}" in text for i in range(60))


def test_without_a_korean_font_hangul_is_refused_not_lost(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_writer, "korean_font_family", lambda: "")
    with pytest.raises(pdf_writer.PdfError, match="fonts-noto-cjk"):
        render_pdf(_document())
    assert render_pdf(Document("Latin only", (Paragraph("case 2026-0042"),))).startswith(b"%PDF-")


def test_a_row_must_fill_the_columns() -> None:
    with pytest.raises(ValueError, match="spans 1 columns of 2"):
        Table((Column("a"), Column("b")), ((Cell("x"),),))


def test_has_hangul() -> None:
    assert has_hangul("텔레그램") and has_hangul("ㄱ") and not has_hangul("Telegram 2026 — 漢字")


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_that_would_be_formulas_get_a_quote(start: str) -> None:
    assert neutralise(start + "HYPERLINK(1)") == "'" + start + "HYPERLINK(1)"


def test_csv_has_a_bom_crlf_and_keeps_korean() -> None:
    data = csv_bytes(["a", "b"], [['=HYPERLINK("http://x")', "텔레그램, 채널"], ["1", "2"]])
    assert data.startswith(BOM.encode())
    assert data.decode("utf-8") == BOM + 'a,b\r\n"\'=HYPERLINK(""http://x"")","텔레그램, 채널"\r\n1,2\r\n'
