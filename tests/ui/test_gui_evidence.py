"""The Evidence tab: files dropped onto it are added behind a progress bar with Cancel (a cancel leaves
nothing), previews stay blurred until "Show image" (the view is logged only then), a copy saved is
logged, Verify names a damaged item, the custody log is shown, a re-upload is pointed out, and hand-overs,
returns and destroying are recorded from the item's custody actions."""

from __future__ import annotations

import itertools
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from gui_support import COUNSELOR, COUNSELOR_PASSWORD, SCREEN, SCREENSHOTS, Gui
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog, QWidget
from pytestqt.qtbot import QtBot

from evidence_images import encoded, picture, resized_jpeg, write
from safecase.domain.cases import CaseFields, SurvivorProfile
from safecase.domain.evidence import CustodyEventKind, EvidenceDetails, EvidenceKind
from safecase.services.cases import CaseService
from safecase.services.evidence import EvidenceService
from safecase.services.session import VaultSession
from safecase.ui.case.case_evidence import CaseEvidenceTab, CustodyModel, EvidenceModel
from safecase.ui.case.case_window import CaseWindow
from safecase.ui.case.evidence_dialogs import AddFilesDialog, DestroyDialog, HandOverDialog, ReturnDialog
from safecase.ui.case.evidence_packet_dialog import EvidencePacketDialog
from safecase.ui.shell.controller import SafeCaseApp


class Gate:
    """Holds an add after its first chunk until the test lets it go, so the progress can be seen
    (and cancelled) mid-file whatever the machine's speed."""

    def __init__(self) -> None:
        self.reached = threading.Event()
        self.go = threading.Event()


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    gate = Gate()
    original = EvidenceService.add_file

    def add_file(
        self: EvidenceService,
        case_id: int,
        path: Path,
        details: EvidenceDetails = EvidenceDetails(),  # noqa: B008
        *,
        keep_file: bool = True,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> object:
        def report(done: int, total: int) -> None:
            if progress is not None:
                progress(done, total)
            gate.reached.set()
            gate.go.wait(10)

        return original(self, case_id, path, details, keep_file=keep_file, progress=report, cancelled=cancelled)

    monkeypatch.setattr(EvidenceService, "add_file", add_file)
    yield gate
    gate.go.set()


def _window(gui: Gui, vault: Path) -> tuple[SafeCaseApp, VaultSession, CaseWindow, int]:
    app = gui.app(vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    assert app.session is not None and app.main_window is not None
    case = CaseService(app.session).create(CaseFields(profile=SurvivorProfile(alias="민지")))
    window = app.main_window.open_case(case.id)
    assert window is not None
    window.resize(*SCREEN)
    gui.qtbot.waitExposed(window)
    window.show_tab(CaseWindow.EVIDENCE)
    gui.settle(app.tasks)
    return app, app.session, window, case.id


def _drop(tab: CaseEvidenceTab, paths: list[Path]) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    action = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(QPoint(40, 40), action, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(tab, enter)
    assert enter.isAccepted(), "local files may be dropped"
    drop = QDropEvent(QPointF(40, 40), action, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(tab, drop)
    assert drop.isAccepted()


def _dialog(qtbot: QtBot, parent: QWidget, kind: type[QWidget]) -> QWidget:
    qtbot.waitUntil(lambda: any(w.isVisible() for w in parent.findChildren(kind)), timeout=5_000)
    return next(w for w in parent.findChildren(kind) if w.isVisible())


def _progress(qtbot: QtBot, tab: CaseEvidenceTab) -> QProgressDialog:
    dialog = _dialog(qtbot, tab, QProgressDialog)
    assert isinstance(dialog, QProgressDialog)
    return dialog


def _with_dialog(window: QWidget, dialog: QWidget) -> QPixmap:
    """The window as a person sees it with a window-modal dialog over it (grab() draws one window)."""
    shot = window.grab()
    painter = QPainter(shot)
    top = dialog.grab()
    painter.drawPixmap((shot.width() - top.width()) // 2, (shot.height() - top.height()) // 3, top)
    painter.end()
    return shot


def _sharp_edges(image: QImage) -> int:
    """Neighbouring pixels that differ sharply (the outline of a shape, a letter); a blur has none."""
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    edges = 0
    for y in range(0, grey.height(), 2):
        row = [grey.pixelColor(x, y).red() for x in range(grey.width())]
        edges += sum(1 for a, b in itertools.pairwise(row) if abs(a - b) > 12)
    return edges


def _events(session: VaultSession, item_id: int) -> list[CustodyEventKind]:
    return [e.kind for e in EvidenceService(session).get(item_id).custody]


def test_drop_files_see_progress_blurred_preview_reveal_and_custody(
    gui: Gui, qtbot: QtBot, center_vault: Path, tmp_path: Path, gate: Gate
) -> None:
    app, session, window, _case_id = _window(gui, center_vault)
    tab = window.evidence
    assert tab.empty_label.isVisible() and not tab.table.isVisible()
    assert "Drag files here" in tab.empty_label.text()
    gui.screenshot(window, "evidence-empty")

    # The same picture is already evidence in another of her cases; the survivor now brings a copy a
    # messenger shrank and re-compressed, a chat export, and a large recording.
    other = CaseService(session).create(CaseFields(profile=SurvivorProfile(alias="상병A"))).id
    earlier = EvidenceService(session).add_file(other, write(tmp_path / "earlier", "원본.png", encoded(picture())))
    files = [
        write(tmp_path / "in", "recording.m4a", os.urandom(3 * 1024 * 1024)),
        write(tmp_path / "in", "카톡캡처.jpg", resized_jpeg(picture(), 0.5, 60)),
        write(tmp_path / "in", "chat.txt", "2026-01-15 가해자: 사진 올린다\n".encode() * 40),
    ]
    _drop(tab, files)
    details = _dialog(qtbot, tab, AddFilesDialog)
    assert isinstance(details, AddFilesDialog) and details.paths == tuple(files)
    details.description_edit.setText("가해자가 보낸 협박 메시지")
    details.platform_edit.setText("카카오톡")
    details.from_edit.setText("피해자 본인")
    gui.screenshot(details, "evidence-add-details")
    qtbot.mouseClick(details.save_button, Qt.MouseButton.LeftButton)

    progress = _progress(qtbot, tab)
    assert progress.maximum() == 1000 and progress.windowModality() == Qt.WindowModality.WindowModal
    assert gate.reached.wait(10)
    qtbot.waitUntil(lambda: progress.value() > 0, timeout=5_000)
    assert progress.findChild(type(tab.add_files_button)) is not None, "Cancel is offered"
    assert not tab.add_files_button.isEnabled(), "one add at a time"
    gui.screenshot(progress, "evidence-progress-dialog")
    assert _with_dialog(window, progress).save(str(SCREENSHOTS / "evidence-progress.png"))
    gate.go.set()

    # The re-upload is pointed out as soon as the files are in.
    qtbot.waitUntil(lambda: any(isinstance(w, QMessageBox) and w.isVisible() for w in tab.findChildren(QMessageBox)))
    box = next(w for w in tab.findChildren(QMessageBox) if w.isVisible())
    assert box.windowTitle() == "Already in SafeCase"
    assert "원본.png" in box.informativeText() and "resized or re-compressed" in box.informativeText()
    gui.screenshot(box, "evidence-reupload")
    box.accept()
    gui.settle(app.tasks)
    assert tab.model.rowCount() == 3 and tab.table.isVisible()
    assert "Added:" in tab.message.text()
    assert earlier.item.id not in {tab.model.item(r).id for r in range(tab.model.rowCount())}

    # The list: kind, name, platform, short hash (full in the tooltip), kept.
    items = [tab.model.item(r) for r in range(tab.model.rowCount())]
    photo = next(i for i in items if i.original_name == "카톡캡처.jpg")
    row = tab.model.row_where(lambda i: i.id == photo.id)
    cell = tab.model.index(row, EvidenceModel.SHA256)
    assert tab.model.data(cell) == photo.sha256[:12] + "…"
    assert tab.model.data(cell, Qt.ItemDataRole.ToolTipRole) == photo.sha256
    assert tab.model.data(tab.model.index(row, EvidenceModel.KIND)) == "Image"
    assert tab.model.data(tab.model.index(row, EvidenceModel.KEPT)) == "Stored, encrypted"
    assert photo.platform and tab.model.data(tab.model.index(row, EvidenceModel.PLATFORM))

    # Selecting the image shows it blurred; nothing is logged as a view yet.
    tab.select_item(photo.id)
    gui.settle(app.tasks)
    panel = tab.preview
    qtbot.waitUntil(lambda: panel.item_id == photo.id and panel.has_image)
    shown = panel.image_box.image()
    assert shown is not None and not panel.revealed and panel.show_button.isEnabled()
    sharp = panel._preview.clear if panel._preview else None
    assert sharp is not None
    same_size = sharp.scaled(shown.size())
    assert _sharp_edges(same_size) > 100 and _sharp_edges(shown) == 0, "the blur leaves no outline of anything"
    assert CustodyEventKind.VIEWED not in _events(session, photo.id)
    assert tab.details.sha_edit.text() == photo.sha256 and tab.details.sha_edit.isReadOnly()
    assert "dHash" in tab.details.value("perceptual") and tab.details.value("received_from") == "피해자 본인"
    gui.screenshot(window, "evidence-items")
    gui.screenshot(window, "evidence-blurred")

    qtbot.mouseClick(panel.show_button, Qt.MouseButton.LeftButton)
    assert panel.revealed and panel.image_box.image() is sharp
    assert _events(session, photo.id)[-1] is CustodyEventKind.VIEWED
    gui.settle(app.tasks)
    assert panel.revealed, "the refresh after logging the view keeps the image shown"
    # The custody log of the item, with the counselor's display name.
    log = tab.custody_model
    kinds = [log.data(log.index(r, CustodyModel.EVENT)) for r in range(log.rowCount())]
    assert kinds == ["Received", "Hashed", "Stored encrypted", "Viewed"]
    assert {log.data(log.index(r, CustodyModel.WHO)) for r in range(log.rowCount())} == {"김상담"}
    assert photo.sha256 in str(log.data(log.index(1, CustodyModel.DETAILS), Qt.ItemDataRole.ToolTipRole))
    gui.screenshot(window, "evidence-revealed")
    qtbot.mouseClick(panel.blur_button, Qt.MouseButton.LeftButton)
    assert not panel.revealed and panel.image_box.image() is shown

    # A chat export has no preview; its details say SHA-256 only.
    chat = next(i for i in items if i.original_name == "chat.txt")
    tab.select_item(chat.id)
    gui.settle(app.tasks)
    assert not panel.show_button.isEnabled() and panel.copy_button.isEnabled()
    assert "SHA-256 only" in tab.details.value("perceptual")
    assert CustodyEventKind.VIEWED not in _events(session, chat.id)


def test_a_cancelled_add_leaves_nothing(gui: Gui, qtbot: QtBot, center_vault: Path, tmp_path: Path, gate: Gate) -> None:
    app, session, window, case_id = _window(gui, center_vault)
    tab = window.evidence
    big = write(tmp_path / "in", "video.mp4", os.urandom(4 * 1024 * 1024))
    _drop(tab, [big])
    details = _dialog(qtbot, tab, AddFilesDialog)
    assert isinstance(details, AddFilesDialog)
    details.save()
    progress = _progress(qtbot, tab)
    assert gate.reached.wait(10)
    qtbot.waitUntil(lambda: progress.value() > 0, timeout=5_000)
    qtbot.mouseClick(progress.findChildren(type(tab.add_files_button))[0], Qt.MouseButton.LeftButton)
    assert progress.isVisible() and "Cancelling" in progress.labelText(), "it stays until the work stopped"
    gate.go.set()
    gui.settle(app.tasks)
    assert "Cancelled: nothing of video.mp4 was kept." in tab.message.text()
    assert EvidenceService(session).for_case(case_id) == []
    assert list(session.paths.blobs.iterdir()) == [], "no blob, no partial file"
    assert tab.empty_label.isVisible() and tab.add_files_button.isEnabled()


def test_save_a_copy_is_warned_about_and_logged(gui: Gui, qtbot: QtBot, center_vault: Path, tmp_path: Path) -> None:
    app, session, window, case_id = _window(gui, center_vault)
    tab = window.evidence
    source = write(tmp_path / "in", "협박.pdf", b"%PDF-1.4 " + os.urandom(5000))
    item = EvidenceService(session).add_file(case_id, source, EvidenceDetails(kind=EvidenceKind.DOCUMENT)).item
    tab.refresh()
    gui.settle(app.tasks)
    tab.select_item(item.id)
    gui.settle(app.tasks)
    assert "No preview" in tab.preview.image_box.text()
    qtbot.mouseClick(tab.preview.copy_button, Qt.MouseButton.LeftButton)
    warning = _dialog(qtbot, tab, QMessageBox)
    assert isinstance(warning, QMessageBox) and "not be encrypted" in warning.text()
    gui.screenshot(warning, "evidence-copy-warning")
    next(b for b in warning.buttons() if warning.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole).click()
    chooser = _dialog(qtbot, tab, QFileDialog)
    assert isinstance(chooser, QFileDialog) and chooser.testOption(QFileDialog.Option.DontUseNativeDialog)
    target = tmp_path / "out" / "copy.pdf"
    target.parent.mkdir()
    chooser.fileSelected.emit(str(target))
    chooser.reject()
    gui.settle(app.tasks)
    assert target.read_bytes() == source.read_bytes()
    assert _events(session, item.id)[-1] is CustodyEventKind.EXPORTED
    assert "not encrypted" in tab.message.text()
    log = tab.custody_model
    assert log.data(log.index(log.rowCount() - 1, CustodyModel.EVENT)) == "Copy saved"


def test_verify_names_a_damaged_item(gui: Gui, qtbot: QtBot, center_vault: Path, tmp_path: Path) -> None:
    app, session, window, case_id = _window(gui, center_vault)
    tab = window.evidence
    service = EvidenceService(session)
    good = service.add_file(case_id, write(tmp_path / "in", "good.png", encoded(picture(variant=1)))).item
    bad = service.add_file(case_id, write(tmp_path / "in", "bad.png", encoded(picture()))).item
    service.add_url(case_id, "https://t.me/some_channel/77", EvidenceDetails(platform="telegram"))
    blob_id = session.conn.execute("SELECT blob_id FROM evidence_items WHERE id = ?", (bad.id,)).fetchone()[0]
    blob = session.paths.blobs / blob_id
    data = bytearray(blob.read_bytes())
    data[len(data) // 2] ^= 0x01
    blob.write_bytes(bytes(data))
    tab.refresh()
    gui.settle(app.tasks)
    qtbot.mouseClick(tab.verify_button, Qt.MouseButton.LeftButton)
    gui.settle(app.tasks)
    text = tab.message.text()
    assert "1 of 3 items no longer match" in text and bad.label in text and good.label not in text
    row = tab.model.row_where(lambda i: i.id == bad.id)
    assert tab.model.data(tab.model.index(row, EvidenceModel.KEPT)) == "Does not match!"
    ok_row = tab.model.row_where(lambda i: i.id == good.id)
    assert tab.model.data(tab.model.index(ok_row, EvidenceModel.KEPT)) == "Stored, encrypted"
    tab.select_item(bad.id)
    gui.settle(app.tasks)
    assert "cannot be read" in tab.preview.image_box.text() or "changed" in tab.preview.image_box.text()
    gui.screenshot(window, "evidence-verify")
    assert _events(session, good.id)[-1] is CustodyEventKind.VERIFIED


def test_a_link_is_added(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    app, _session, window, _case_id = _window(gui, center_vault)
    tab = window.evidence
    dialog = tab.open_add_link()
    qtbot.waitExposed(dialog)
    dialog.url_edit.setText("not a link")
    dialog.save()
    assert "not a link SafeCase can keep" in dialog.error_line.text()
    dialog.url_edit.setText("https://t.me/some_channel/12")
    dialog.platform_edit.setText("텔레그램")
    dialog.channel_edit.setText("some_channel")
    dialog.save()
    gui.settle(app.tasks)
    assert tab.model.rowCount() == 1
    item = tab.model.item(0)
    assert tab.model.data(tab.model.index(0, EvidenceModel.KEPT)) == "Link"
    assert item.urls == ("https://t.me/some_channel/12",) and item.channel == "some_channel"
    assert tab.selected_item() == item and "Nothing was downloaded" in tab.preview.image_box.text()


def test_tab_order_runs_from_the_actions_through_the_list_to_the_item(
    gui: Gui, qtbot: QtBot, center_vault: Path, tmp_path: Path
) -> None:
    app, session, window, case_id = _window(gui, center_vault)
    tab = window.evidence
    item = EvidenceService(session).add_file(case_id, write(tmp_path, "a.png", encoded(picture()))).item
    tab.refresh()
    gui.settle(app.tasks)
    tab.select_item(item.id)
    gui.settle(app.tasks)
    wanted = [
        tab.add_files_button,
        tab.add_link_button,
        tab.takedown_button,
        tab.verify_button,
        tab.packet_button,
        tab.table,
        tab.preview.show_button,
        tab.preview.copy_button,
        tab.details.sha_edit,
        tab.hand_over_button,
        tab.return_button,
        tab.destroy_button,
        tab.custody_table,
    ]
    seen: list[QWidget] = []
    widget: QWidget = tab.add_files_button
    for _ in range(200):
        if widget in wanted and widget not in seen:
            seen.append(widget)
        widget = widget.nextInFocusChain()
    assert seen == wanted


def test_a_take_down_and_a_packet_start_from_the_tab(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    """The chosen item's link goes into the take-down; the packet dialog offers the case's items, and
    writing it shows the hand-over in the custody log."""
    app, session, window, case_id = _window(gui, center_vault)
    tab = window.evidence
    link = (
        EvidenceService(session)
        .add_url(case_id, "https://t.me/some_channel/12", EvidenceDetails(platform="텔레그램"))
        .item
    )
    tab.refresh()
    gui.settle(app.tasks)
    assert not tab.takedown_button.isEnabled()
    tab.select_item(link.id)
    gui.settle(app.tasks)
    assert tab.takedown_button.isEnabled()
    takedown = tab.open_takedown()
    assert takedown is not None
    qtbot.waitExposed(takedown)
    assert takedown.url_edit.text() == "https://t.me/some_channel/12"
    takedown.reject()

    tab.open_packet()
    packet = _dialog(qtbot, tab, EvidencePacketDialog)
    assert isinstance(packet, EvidencePacketDialog)
    assert packet.items_list.count() == 1
    packet.reject()
    app.quit()


def _last_custody_row(tab: CaseEvidenceTab) -> tuple[str, str]:
    log = tab.custody_model
    last = log.rowCount() - 1
    details = log.data(log.index(last, CustodyModel.DETAILS), Qt.ItemDataRole.ToolTipRole)
    return log.data(log.index(last, CustodyModel.EVENT)), str(details)


def test_hand_over_and_return_show_in_the_custody_log(
    gui: Gui, qtbot: QtBot, center_vault: Path, tmp_path: Path
) -> None:
    app, session, window, case_id = _window(gui, center_vault)
    tab = window.evidence
    service = EvidenceService(session)
    item = service.add_file(case_id, write(tmp_path / "in", "협박.png", encoded(picture()))).item
    link = service.add_url(case_id, "https://t.me/some_channel/5").item
    tab.refresh()
    gui.settle(app.tasks)
    tab.select_item(item.id)
    gui.settle(app.tasks)
    assert tab.hand_over_button.isVisible() and tab.return_button.isEnabled() and tab.destroy_button.isEnabled()
    gui.screenshot(window, "evidence-custody-actions")
    for button in (tab.hand_over_button, tab.return_button, tab.destroy_button, tab.preview.copy_button):
        assert button.width() >= button.sizeHint().width(), f"{button.text()} is cut off"
        assert button.visibleRegion().boundingRect().width() == button.width(), f"{button.text()} is clipped"

    qtbot.mouseClick(tab.hand_over_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(qtbot, tab, HandOverDialog)
    assert isinstance(dialog, HandOverDialog)
    dialog.recipient_edit.setText("박 형사")
    dialog.save()
    assert "what it is for" in dialog.error_line.text() and dialog.isVisible()
    dialog.organization_edit.setText("서울경찰청 사이버수사대")
    dialog.purpose_edit.setText("고소장 제출")
    dialog.reference_edit.setText("2026-000123")
    gui.screenshot(dialog, "evidence-hand-over")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    gui.settle(app.tasks)
    event, details = _last_custody_row(tab)
    assert event == "Handed over" and "박 형사" in details and "2026-000123" in details
    assert "handed over to 박 형사" in tab.message.text()
    assert _events(session, item.id)[-1] is CustodyEventKind.HANDED_OVER

    qtbot.mouseClick(tab.return_button, Qt.MouseButton.LeftButton)
    back = _dialog(qtbot, tab, ReturnDialog)
    assert isinstance(back, ReturnDialog)
    back.returned_by_edit.setText("박 형사")
    back.note_edit.setPlainText("USB 반환, 봉인 그대로")
    back.save()
    gui.settle(app.tasks)
    event, details = _last_custody_row(tab)
    assert event == "Returned" and "봉인 그대로" in details

    # A link has no file to destroy; it can still be handed over.
    tab.select_item(link.id)
    gui.settle(app.tasks)
    assert tab.hand_over_button.isEnabled() and not tab.destroy_button.isEnabled()
    assert "nothing to destroy" in tab.destroy_button.toolTip()


def test_destroy_asks_for_a_reason_and_the_preview_no_longer_opens(
    gui: Gui, qtbot: QtBot, center_vault: Path, tmp_path: Path
) -> None:
    app, session, window, case_id = _window(gui, center_vault)
    tab = window.evidence
    item = EvidenceService(session).add_file(case_id, write(tmp_path / "in", "사진.png", encoded(picture()))).item
    tab.refresh()
    gui.settle(app.tasks)
    tab.select_item(item.id)
    gui.settle(app.tasks)
    qtbot.waitUntil(lambda: tab.preview.has_image)
    before = _events(session, item.id)

    # Cancel changes nothing.
    qtbot.mouseClick(tab.destroy_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(qtbot, tab, DestroyDialog)
    assert isinstance(dialog, DestroyDialog)
    dialog.reason_edit.setText("보존기간 경과")
    dialog.reject()
    gui.settle(app.tasks)
    assert _events(session, item.id) == before and len(list(session.paths.blobs.iterdir())) == 1
    assert tab.preview.has_image and tab.destroy_button.isEnabled()

    qtbot.mouseClick(tab.destroy_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(qtbot, tab, DestroyDialog)
    assert isinstance(dialog, DestroyDialog)
    assert item.label in dialog.heading.text()
    assert "can never be recovered" in dialog.warning.text() and "custody log stay" in dialog.warning.text()
    assert not dialog.save_button.isDefault() and dialog.footer.cancel_button.isDefault(), "Enter cancels"
    gui.screenshot(dialog, "evidence-destroy")
    dialog.save()
    assert "Say why" in dialog.error_line.text()
    assert _events(session, item.id) == before
    dialog.reason_edit.setText("피해자 요청, 보존기간 경과")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    gui.settle(app.tasks)

    destroyed = EvidenceService(session).get(item.id).item
    assert destroyed.destroyed and not destroyed.stored
    assert list(session.paths.blobs.iterdir()) == []
    event, details = _last_custody_row(tab)
    assert event == "Destroyed" and "피해자 요청" in details
    assert "was destroyed" in tab.preview.image_box.text() and not tab.preview.has_image
    assert not tab.preview.show_button.isEnabled() and not tab.preview.copy_button.isEnabled()
    for button in (tab.hand_over_button, tab.return_button, tab.destroy_button):
        assert not button.isEnabled()
    row = tab.model.row_where(lambda i: i.id == item.id)
    assert tab.model.data(tab.model.index(row, EvidenceModel.KEPT)).startswith("Destroyed")
    gui.screenshot(window, "evidence-destroyed")
    # Selecting it again does not try to open the file.
    tab.select_item(item.id)
    gui.settle(app.tasks)
    assert not tab.preview.has_image and tab.open_destroy() is None
