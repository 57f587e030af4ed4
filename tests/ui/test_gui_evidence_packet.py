"""The evidence packet dialog on its own (the Evidence tab hooks it to a button): items all ticked, the
identity off, the folder from Qt's own dialog, writing in the background, and where the packet went."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_support import Gui
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from casework_data import case_fields
from safecase.domain.audit import AuditAction
from safecase.domain.evidence import CustodyEventKind, EvidenceDetails, EvidenceKind, EvidenceRecord
from safecase.services.cases import CaseService
from safecase.services.evidence import EvidenceService
from safecase.services.session import VaultSession
from safecase.ui.case.evidence_packet_dialog import EvidencePacketDialog, open_evidence_packet_dialog
from safecase.ui.tasks import TaskManager
from safecase.vault.repositories.audit import AuditRepository


@pytest.fixture
def tasks(qtbot: QtBot) -> Iterator[TaskManager]:
    manager = TaskManager()
    yield manager
    manager.end_reads()
    manager.wait_for_done(10_000)


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.resize(900, 700)
    parent.show()
    return parent


def _seed(session: VaultSession, folder: Path) -> tuple[int, str, list[EvidenceRecord]]:
    case = CaseService(session).create(case_fields())
    evidence = EvidenceService(session)
    folder.mkdir()
    for name, description in [("캡처.png", "텔레그램 채널 캡처"), ("대화.txt", "협박 메시지 내보내기")]:
        path = folder / name
        path.write_bytes(os.urandom(4000))
        evidence.add_file(case.id, path, EvidenceDetails(kind=EvidenceKind.SCREENSHOT, description=description))
    evidence.add_url(case.id, "https://t.me/channel/7", EvidenceDetails(description="채널 게시물"))
    gone = folder / "gone.png"
    gone.write_bytes(b"x")
    evidence.destroy(evidence.add_file(case.id, gone).item.id)
    return case.id, case.number, evidence.for_case(case.id)


def test_the_dialog_writes_a_packet_in_the_background_and_shows_where(
    gui: Gui, counselor: VaultSession, tasks: TaskManager, window: QWidget, tmp_path: Path
) -> None:
    case_id, number, records = _seed(counselor, tmp_path / "intake")
    dialog = EvidencePacketDialog(counselor, tasks, case_id, number, records, window)
    dialog.show()
    gui.qtbot.waitExposed(dialog)
    assert dialog.items_list.count() == 3  # the destroyed item is not offered
    assert len(dialog.checked_ids()) == 3
    assert not dialog.identity_check.isChecked() and not dialog.zip_check.isChecked()

    dialog.items_list.item(1).setCheckState(Qt.CheckState.Unchecked)
    dialog.recipient_edit.setText("김수사 경위")
    dialog.organization_edit.setText("서울경찰청 사이버수사대")
    dialog.purpose_edit.setText("고소장 증거 제출")
    dialog.reference_edit.setText("2026-고소-0042")
    out = tmp_path / "usb"
    out.mkdir()
    dialog.set_folder(out)
    gui.screenshot(dialog, "evidence-packet-dialog")

    gui.qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    gui.qtbot.waitUntil(lambda: dialog.packet is not None, timeout=20_000)
    tasks.wait_for_done(10_000)
    packet = dialog.packet
    assert packet is not None and packet.path.parent == out
    assert dialog.isVisible() and not dialog.save_button.isVisible()
    assert str(packet.path) in dialog.result_label.text() and packet.manifest_sha256 in dialog.result_label.text()
    gui.screenshot(dialog, "evidence-packet-done")
    subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=packet.path, check=True, capture_output=True)
    handed = {
        r.item.id
        for r in EvidenceService(counselor).for_case(case_id)
        if r.custody[-1].kind is CustodyEventKind.HANDED_OVER
    }
    assert handed == set(packet.item_ids) and len(handed) == 2
    assert "김민지" not in (packet.path / "manifest.csv").read_text("utf-8-sig")
    assert AuditRepository(counselor.conn).of_action(AuditAction.CASE_REVEALED.value) == []


def test_the_folder_comes_from_qts_own_dialog(
    gui: Gui, counselor: VaultSession, tasks: TaskManager, window: QWidget, tmp_path: Path
) -> None:
    case_id, number, records = _seed(counselor, tmp_path / "intake")
    dialog = EvidencePacketDialog(counselor, tasks, case_id, number, records, window)
    dialog.show()
    chooser = dialog.choose_folder()
    assert chooser.testOption(QFileDialog.Option.DontUseNativeDialog)
    assert chooser.fileMode() == QFileDialog.FileMode.Directory
    chooser.fileSelected.emit(str(tmp_path))
    chooser.close()
    assert dialog.folder == tmp_path and dialog.folder_edit.text() == str(tmp_path)
    dialog.save()  # no recipient: refused on the form, nothing runs
    assert dialog.error_line.isVisible() and "to whom" in dialog.error_line.text()
    assert not dialog.working and list(tmp_path.glob("evidence-packet-*")) == []


def test_open_reads_the_items_then_shows_the_dialog(
    gui: Gui, counselor: VaultSession, tasks: TaskManager, window: QWidget, tmp_path: Path
) -> None:
    case_id, number, _records = _seed(counselor, tmp_path / "intake")
    tasks.begin_reads(counselor)
    open_evidence_packet_dialog(window, counselor, tasks, case_id, number)
    gui.qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(EvidencePacketDialog)), timeout=10_000)
    [dialog] = window.findChildren(EvidencePacketDialog)
    assert dialog.items_list.count() == 3 and number in dialog.heading.text()
    dialog.reject()
