"""No text a person typed into a case reaches a statistics report, in any format or language.

Every free-text field of the report vault (``report_vault``) starts with one canary string: aliases,
risk reasons, safe channels and safe-contact notes, real names, contact summaries, incident
descriptions, referral reasons and outcomes, organization names, contacts and notes, consent scopes,
task titles, take-down URLs, references and notes, and here also evidence descriptions, notes,
channels, names and file names. The reports are exported as CSV, XLSX and PDF in Korean and English and
searched: the CSV as text, the XLSX in every XML part of the zip, the PDF as pdftotext reads it. Case
numbers and the phone number must not appear either.
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest

from casework_data import TODAY
from clock_support import frozen
from report_vault import CANARY, ReportCases, build_report_vault
from safecase.domain.evidence import EvidenceDetails, EvidenceKind
from safecase.domain.takedowns import ReportedTo
from safecase.pdf import render_pdf
from safecase.reports import labels
from safecase.reports.statistics import ReportPeriod
from safecase.services.evidence import EvidenceService
from safecase.services.reports import ReportFormat, Reports
from safecase.services.session import VaultSession
from safecase.services.settings import SettingsService
from safecase.services.takedowns import NewTakedown, TakedownService
from vault_support import TeamVault

pytestmark = pytest.mark.usefixtures("qapp")  # the PDF writer needs Qt's GUI application (pytest-qt's)

PHONE = "010-5550-9137"


def _add_evidence(session: VaultSession, case_id: int, tmp_path: Path) -> None:
    evidence = EvidenceService(session)
    details = EvidenceDetails(
        kind=EvidenceKind.SCREENSHOT,
        description=f"{CANARY} evidence description",
        platform="telegram",
        channel=f"{CANARY} channel",
        captured_by=f"{CANARY} captured by",
        received_from=f"{CANARY} received from",
        notes=f"{CANARY} evidence notes",
    )
    shot = tmp_path / f"{CANARY} 캡처.png"
    shot.write_bytes(b"\x89PNG\r\n\x1a\n" + CANARY.encode() * 200)
    kept = evidence.add_file(case_id, shot, details).item
    link = evidence.add_url(case_id, f"https://x.com/{CANARY}/status/1", details).item
    takedowns = TakedownService(session)
    for item_id in (kept.id, link.id):
        takedowns.record(
            case_id,
            NewTakedown(
                f"https://t.me/{CANARY}/{item_id}",
                "telegram",
                ReportedTo.PLATFORM,
                date(2026, 2, 10),
                reference=f"{CANARY}-ref",
                evidence_id=item_id,
                notes=f"{CANARY} notes",
            ),
        )


@pytest.fixture
def exports(team_vault: TeamVault, supervisor: VaultSession, tmp_path: Path) -> dict[str, bytes]:
    """Every format in both languages, of Q1 2026 at k = 3 (the smallest allowed: the most cells shown)."""
    SettingsService(team_vault.admin).set_report_min_cell(3)
    session = frozen(supervisor, TODAY)
    cases: ReportCases = build_report_vault(session)
    _add_evidence(session, cases.a, tmp_path)
    reports = Reports(session)
    report = reports.build(ReportPeriod(date(2026, 1, 1), date(2026, 3, 1)))
    out = tmp_path / "exports"
    out.mkdir()
    written: dict[str, bytes] = {}
    for language in ("ko", "en"):
        for fmt in ReportFormat:
            target = out / f"report-{language}{fmt.suffix}"
            reports.export(report, fmt, language, target, render_pdf if fmt is ReportFormat.PDF else None)
            written[target.name] = target.read_bytes()
    written["numbers"] = "\n".join(cases.numbers).encode()
    return written


def _pdf_text(data: bytes, tmp_path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (Debian poppler-utils, installed by scripts/run-tests) is not installed")
    path = tmp_path / "probe.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout


def _xlsx_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "probe.xlsx"
    path.write_bytes(data)
    with zipfile.ZipFile(path) as archive:
        return "\n".join(archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith(".xml"))


def _texts(exports: dict[str, bytes], tmp_path: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    for language in ("ko", "en"):
        found[f"csv {language}"] = exports[f"report-{language}.csv"].decode("utf-8-sig")
        found[f"xlsx {language}"] = _xlsx_text(exports[f"report-{language}.xlsx"], tmp_path)
        found[f"pdf {language}"] = _pdf_text(exports[f"report-{language}.pdf"], tmp_path)
    return found


def test_no_free_text_case_number_or_phone_in_any_export(exports: dict[str, bytes], tmp_path: Path) -> None:
    numbers = exports["numbers"].decode().split("\n")
    assert len(numbers) == 7
    texts = _texts(exports, tmp_path)
    for name, text in texts.items():
        squeezed = "".join(text.split())  # a PDF may break a long word over lines
        assert CANARY not in text and CANARY not in squeezed, f"free text in the {name} export"
        assert "캐너리" not in squeezed and "QZX" not in squeezed, f"part of the canary in the {name} export"
        assert PHONE not in text and PHONE.replace("-", "") not in squeezed, f"a phone number in the {name} export"
        for number in numbers:
            assert number not in text, f"case number {number} in the {name} export"
    # Nor in the raw bytes of the CSV and the XLSX parts (the searches above read what a person reads).
    for name in ("report-ko.csv", "report-en.csv"):
        assert CANARY.encode() not in exports[name]


def test_the_search_does_find_what_a_report_does_hold(exports: dict[str, bytes], tmp_path: Path) -> None:
    """The sanity side: the same reading finds the titles, and the one typed name k cases share."""
    texts = _texts(exports, tmp_path)
    for language in ("ko", "en"):
        title = labels.table_title("incident_types", language)
        for fmt in ("csv", "xlsx", "pdf"):
            text = texts[f"{fmt} {language}"]
            assert " ".join(title.split()) in " ".join(text.split()), (fmt, language)
            assert "에브리타임" in text, (fmt, language)  # a custom platform of three cases: shown by design
