"""Evidence packets: sha256sum -c accepts them, the PDF lists every item and hash with its Korean text,
the CSV opens in Excel safely, no identity unless asked, hand-over recorded per item, roles, and a
failure at any point leaves nothing in the chosen folder."""

from __future__ import annotations

import csv
import errno
import io
import os
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from casework_data import case_fields
from safecase import i18n
from safecase.domain.audit import AuditAction
from safecase.domain.errors import CancelledError, InputError, SafeCaseError
from safecase.domain.evidence import CustodyEventKind, EvidenceDetails, EvidenceKind
from safecase.pdf import render_pdf
from safecase.services import evidence_packet
from safecase.services.cases import CaseService
from safecase.services.evidence import EvidenceService
from safecase.services.evidence_packet import EvidencePacketService, PacketRequest, PacketResult
from safecase.services.resources import translations_dir
from safecase.services.session import VaultSession
from safecase.vault.repositories.audit import AuditRepository
from safecase.vault.repositories.evidence import CustodyLog

KOREAN = "텔레그램 채널 캡처"
INJECTION = '=HYPERLINK("http://evil.example/","click")'
REQUEST = PacketRequest(
    recipient="김수사 경위",
    purpose="고소장 증거 제출",
    organization="서울경찰청 사이버수사대",
    reference="2026-고소-0042",
)

pytestmark = pytest.mark.usefixtures("qapp")  # the PDF writer needs Qt's GUI application (pytest-qt's)


@dataclass
class Seeded:
    case_id: int
    number: str
    stored: list[int]
    hash_only: int
    link: int
    destroyed: int
    files: dict[int, bytes]


def _seed(session: VaultSession, folder: Path) -> Seeded:
    case = CaseService(session).create(case_fields())
    evidence = EvidenceService(session)
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[int, bytes] = {}
    stored = []
    for name, details, size in [
        ("캡처 1.png", EvidenceDetails(kind=EvidenceKind.SCREENSHOT, description=KOREAN, platform="telegram"), 3000),
        ("chat/../../export.txt", EvidenceDetails(description=INJECTION), 2 * 1024 * 1024 + 7),
        ("same.png", EvidenceDetails(description="-1+1"), 10),
    ]:
        path = folder / name.replace("/", "_")
        data = b"\x89PNG\r\n\x1a\n" + os.urandom(size)
        path.write_bytes(data)
        record = evidence.add_file(case.id, path, details)
        files[record.item.id] = data
        stored.append(record.item.id)
    only = folder / "hash-only.mp4"
    only.write_bytes(os.urandom(500))
    hash_only = evidence.add_file(case.id, only, EvidenceDetails(description="원본 미보관 영상"), keep_file=False)
    link = evidence.add_url(case.id, "https://t.me/somechannel/12", EvidenceDetails(description="채널 게시물"))
    gone = folder / "gone.png"
    gone.write_bytes(os.urandom(50))
    destroyed = evidence.add_file(case.id, gone).item.id
    evidence.destroy(destroyed, "피해자 요청")
    return Seeded(case.id, case.number, stored, hash_only.item.id, link.item.id, destroyed, files)


def _export(session: VaultSession, seeded: Seeded, out: Path, request: PacketRequest = REQUEST) -> PacketResult:
    out.mkdir(parents=True, exist_ok=True)
    return EvidencePacketService(session, render_pdf).export(seeded.case_id, out, request)


def _pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (Debian poppler-utils, installed by scripts/run-tests) is not installed")
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout


def _csv_rows(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


@pytest.fixture
def seeded(counselor: VaultSession, tmp_path: Path) -> Seeded:
    return _seed(counselor, tmp_path / "intake")


def test_the_packet_passes_sha256sum_c_and_holds_the_original_bytes(
    counselor: VaultSession, seeded: Seeded, tmp_path: Path
) -> None:
    result = _export(counselor, seeded, tmp_path / "usb")
    packet = result.path
    assert packet.parent == tmp_path / "usb" and packet.is_dir()
    assert packet.name.startswith(f"evidence-packet-{seeded.number}-")
    names = sorted(p.name for p in packet.iterdir())
    assert names == sorted(
        ["01_캡처_1.png", "02_chat_.._.._export.txt", "03_same.png", "SHA256SUMS", "manifest.csv", "manifest.pdf"]
    )
    check = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=packet, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.count(": OK") == 3
    for name, item_id in zip(["01_캡처_1.png", "02_chat_.._.._export.txt", "03_same.png"], seeded.stored, strict=True):
        assert (packet / name).read_bytes() == seeded.files[item_id]
    assert result.files == 3 and set(result.item_ids) == {*seeded.stored, seeded.hash_only, seeded.link}
    leftovers = [p.name for p in (tmp_path / "usb").iterdir() if p != packet]
    assert leftovers == []


def test_the_pdf_lists_every_item_and_hash_in_korean(counselor: VaultSession, seeded: Seeded, tmp_path: Path) -> None:
    result = _export(counselor, seeded, tmp_path / "out")
    text = _pdf_text(result.path / "manifest.pdf")
    evidence = EvidenceService(counselor)
    for item_id in result.item_ids:
        item = evidence.get(item_id).item
        if item.sha256:
            assert item.sha256 in text, item.label
    assert "01_캡처_1.png" in text and "03_same.png" in text
    assert KOREAN in text
    assert "HASH ONLY" in text and "원본 미보관 영상" in text
    assert "https://t.me/somechannel/12" in text
    assert f"Evidence packet — case {seeded.number}" in text
    assert "김수사 경위" in text and "서울경찰청 사이버수사대" in text and "2026-고소-0042" in text
    assert "Handed over" in text and "handed_over" not in text  # the custody log ends with this very hand-over
    assert "Screenshot" in text and "screenshot" not in text  # kinds in words too
    assert "sha256sum -c SHA256SUMS" in text
    assert EvidenceService(counselor).get(seeded.destroyed).item.sha256 not in text


def test_a_korean_packet_names_custody_events_kinds_and_details_in_korean(
    counselor: VaultSession, seeded: Seeded, tmp_path: Path
) -> None:
    """The PDF is for people: in Korean its custody events, kinds and detail names are the glossary's
    words; manifest.csv, for machines, keeps the codes."""
    i18n.install(translations_dir(), ["ko_KR.UTF-8"])  # the language the app or LANG installs
    try:
        result = _export(counselor, seeded, tmp_path / "out")
    finally:
        i18n.install(translations_dir(), [])
    text = _pdf_text(result.path / "manifest.pdf")
    flat = " ".join(text.split())
    for word in (
        "접수",
        "해시값 계산",
        "암호화 보관",
        "제출",
        "캡처 화면",
        "링크만",
        "받는 사람: 김수사 경위",
        "목적:",
    ):
        assert word in flat, word
    for code in ("handed_over", "hashed", "stored", "received", "screenshot", "url_only", "recipient="):
        assert code not in text, code
    events = [r for r in _csv_rows(result.path / "manifest.csv") if r["record"] == "custody"]
    assert {r["event"] for r in events} >= {"received", "hashed", "stored", "handed_over"}
    assert any("recipient=김수사 경위" in r["event_details"] for r in events)


def test_the_csv_has_a_bom_neutralises_formulas_and_lists_custody(
    counselor: VaultSession, seeded: Seeded, tmp_path: Path
) -> None:
    result = _export(counselor, seeded, tmp_path / "out")
    rows = _csv_rows(result.path / "manifest.csv")
    items = [r for r in rows if r["record"] == "item"]
    assert [int(r["item_id"]) for r in items] == sorted(result.item_ids)
    by_id = {int(r["item_id"]): r for r in items}
    assert by_id[seeded.stored[1]]["description"] == "'" + INJECTION
    assert by_id[seeded.stored[2]]["description"] == "'-1+1"
    assert by_id[seeded.stored[0]]["description"] == KOREAN
    assert by_id[seeded.hash_only]["kept"] == "hash_only" and by_id[seeded.hash_only]["sha256"]
    assert by_id[seeded.hash_only]["file_in_packet"] == ""
    assert by_id[seeded.link]["urls"] == "https://t.me/somechannel/12" and by_id[seeded.link]["kept"] == "link"
    custody = CustodyLog(counselor.conn)
    for item_id in result.item_ids:
        events = [r for r in rows if r["record"] == "custody" and int(r["item_id"]) == item_id]
        recorded = custody.events(item_id)
        assert [r["event_hash"] for r in events] == [e.hash for e in recorded]
        assert events[-1]["event"] == "handed_over" and "recipient=김수사 경위" in events[-1]["event_details"]
    assert all(not any(v.startswith(("=", "+", "-", "@")) for v in r.values()) for r in rows)


def test_no_identity_unless_asked_and_then_a_logged_reveal(
    counselor: VaultSession, seeded: Seeded, tmp_path: Path
) -> None:
    plain = _export(counselor, seeded, tmp_path / "plain")
    everything = b"".join(p.read_bytes() for p in plain.path.iterdir())
    pdf_text = _pdf_text(plain.path / "manifest.pdf")
    for secret in ("김민지", "010-1234-5678", "민지"):
        assert secret.encode() not in everything and secret not in pdf_text
    assert "survivor_name" not in (plain.path / "manifest.csv").read_text("utf-8-sig")
    reveals = AuditRepository(counselor.conn).of_action(AuditAction.CASE_REVEALED.value)
    assert reveals == []

    asked = _export(counselor, seeded, tmp_path / "asked", PacketRequest("김수사", "재판", include_identity=True))
    assert "김민지" in _pdf_text(asked.path / "manifest.pdf")
    rows = _csv_rows(asked.path / "manifest.csv")
    assert {r["survivor_name"] for r in rows if r["record"] == "item"} == {"김민지"}
    assert {r["survivor_phone"] for r in rows if r["record"] == "item"} == {"010-1234-5678"}
    reveals = AuditRepository(counselor.conn).of_action(AuditAction.CASE_REVEALED.value)
    assert [(r.target_id, r.details) for r in reveals] == [(str(seeded.case_id), {"reason": "evidence packet"})]


def test_each_item_is_handed_over_and_one_audit_row_names_the_manifest(
    counselor: VaultSession, seeded: Seeded, tmp_path: Path
) -> None:
    result = _export(counselor, seeded, tmp_path / "out")
    custody = CustodyLog(counselor.conn)
    for item_id in result.item_ids:
        last = custody.events(item_id)[-1]
        assert last.kind is CustodyEventKind.HANDED_OVER and last.actor == counselor.user.name
        assert last.details == {
            "recipient": "김수사 경위",
            "organization": "서울경찰청 사이버수사대",
            "purpose": "고소장 증거 제출",
            "reference": "2026-고소-0042",
            "packet": result.path.name,
        }
    assert custody.events(seeded.destroyed)[-1].kind is CustodyEventKind.DESTROYED
    rows = AuditRepository(counselor.conn).of_action(AuditAction.EVIDENCE_PACKET_EXPORTED.value)
    assert len(rows) == 1
    details = rows[0].details
    assert rows[0].target_id == str(seeded.case_id)
    assert details["manifest_sha256"] == _sha256sum(result.path / "manifest.csv")
    assert details["pdf_sha256"] == _sha256sum(result.path / "manifest.pdf")
    assert details["items"] == ",".join(map(str, result.item_ids)) and details["identity"] == "no"
    assert "김수사" not in str(details)  # who and why live in the custody events, not the audit log
    assert EvidenceService(counselor).verify(seeded.case_id).ok


def _sha256sum(path: Path) -> str:
    return subprocess.run(["sha256sum", str(path)], check=True, capture_output=True, text=True).stdout.split()[0]


def test_a_zip_unpacks_to_a_folder_sha256sum_accepts(counselor: VaultSession, seeded: Seeded, tmp_path: Path) -> None:
    request = PacketRequest("김수사", "수사", item_ids=(seeded.stored[0], seeded.hash_only), as_zip=True)
    result = _export(counselor, seeded, tmp_path / "out", request)
    assert result.path.suffix == ".zip" and result.path.is_file()
    assert result.zip_sha256 == _sha256sum(result.path)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [result.path.name]
    with zipfile.ZipFile(result.path) as archive:
        assert archive.testzip() is None
        archive.extractall(tmp_path / "unpacked")
    folder = tmp_path / "unpacked" / result.path.stem
    assert sorted(p.name for p in folder.iterdir()) == ["01_캡처_1.png", "SHA256SUMS", "manifest.csv", "manifest.pdf"]
    subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=folder, check=True, capture_output=True)
    assert result.manifest_sha256 == _sha256sum(folder / "manifest.csv")
    audit = AuditRepository(counselor.conn).of_action(AuditAction.EVIDENCE_PACKET_EXPORTED.value)[-1].details
    assert audit["zip_sha256"] == result.zip_sha256 and audit["format"] == "zip"


def test_a_counselor_cannot_export_another_counselors_case(
    counselor: VaultSession, second: VaultSession, seeded: Seeded, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    with pytest.raises(InputError, match="not assigned to you"):
        _export(second, seeded, out)
    assert list(out.iterdir()) == []


def test_a_supervisor_exports_any_case(supervisor: VaultSession, seeded: Seeded, tmp_path: Path) -> None:
    result = _export(supervisor, seeded, tmp_path / "out", PacketRequest("검사", "기소", item_ids=(seeded.stored[0],)))
    subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=result.path, check=True, capture_output=True)


def test_refusals_leave_nothing(counselor: VaultSession, seeded: Seeded, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    service = EvidencePacketService(counselor, render_pdf)
    for request, message in [
        (PacketRequest(" ", "수사"), "recipient"),
        (PacketRequest("김수사", ""), "purpose"),
        (PacketRequest("김수사", "수사", item_ids=(seeded.destroyed,)), "Destroyed"),
        (PacketRequest("김수사", "수사", item_ids=(99999,)), "#99999"),
    ]:
        with pytest.raises(InputError, match=message):
            service.export(seeded.case_id, out, request)
    with pytest.raises(InputError, match="not a folder"):
        service.export(seeded.case_id, out / "missing", REQUEST)
    with pytest.raises(InputError, match="inside the vault"):
        service.export(seeded.case_id, counselor.paths.root, REQUEST)
    assert list(out.iterdir()) == []


def _disk_full_after(monkeypatch: pytest.MonkeyPatch, items: int) -> None:
    """The (items+1)-th original file fails half-way with ENOSPC, as on a full USB drive."""
    real = EvidenceService.write_original
    calls = []

    def failing(self: EvidenceService, item_id: int, out, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(item_id)
        if len(calls) > items:
            out.write(b"half a file")
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, item_id, out, **kwargs)

    monkeypatch.setattr(EvidenceService, "write_original", failing)


@pytest.mark.parametrize("as_zip", [False, True], ids=["folder", "zip"])
def test_a_full_disk_half_way_leaves_nothing_and_records_nothing(
    counselor: VaultSession, seeded: Seeded, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, as_zip: bool
) -> None:
    out = tmp_path / "out"
    _disk_full_after(monkeypatch, 1)
    before = {i: len(CustodyLog(counselor.conn).events(i)) for i in seeded.stored}
    with pytest.raises(OSError, match="No space"):
        _export(counselor, seeded, out, PacketRequest("김수사", "수사", as_zip=as_zip))
    assert list(out.iterdir()) == []
    assert {i: len(CustodyLog(counselor.conn).events(i)) for i in seeded.stored} == before
    assert AuditRepository(counselor.conn).of_action(AuditAction.EVIDENCE_PACKET_EXPORTED.value) == []


def test_a_failure_after_the_rename_removes_the_packet(
    counselor: VaultSession, seeded: Seeded, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The packet is renamed into place just before COMMIT; a failure after that removes it again."""
    out = tmp_path / "out"
    out.mkdir()
    real = evidence_packet._Sink.publish
    seen: list[str] = []

    def publish_then_fail(sink: evidence_packet._Sink) -> None:
        real(sink)
        seen.extend(p.name for p in out.iterdir())
        raise SafeCaseError("the disk went away")

    monkeypatch.setattr(evidence_packet._Sink, "publish", publish_then_fail)
    with pytest.raises(SafeCaseError, match="went away"):
        _export(counselor, seeded, out)
    assert len(seen) == 1 and seen[0].startswith("evidence-packet-")
    assert list(out.iterdir()) == []
    assert CustodyLog(counselor.conn).events(seeded.stored[0])[-1].kind is not CustodyEventKind.HANDED_OVER
    assert AuditRepository(counselor.conn).of_action(AuditAction.EVIDENCE_PACKET_EXPORTED.value) == []


def test_a_cancel_leaves_nothing(counselor: VaultSession, seeded: Seeded, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    progress: list[int] = []
    with pytest.raises(CancelledError):
        EvidencePacketService(counselor, render_pdf).export(
            seeded.case_id, out, REQUEST, progress=lambda d, t: progress.append(d), cancelled=lambda: bool(progress)
        )
    assert list(out.iterdir()) == []


def test_nothing_goes_to_the_temp_folder(counselor: VaultSession, seeded: Seeded, tmp_path: Path) -> None:
    temp = tmp_path / "tmp"  # the test's own TMPDIR (conftest)
    before = set(temp.rglob("*"))
    _export(counselor, seeded, tmp_path / "out", PacketRequest("김수사", "수사", as_zip=True))
    _export(counselor, seeded, tmp_path / "out2")
    assert set(temp.rglob("*")) == before
