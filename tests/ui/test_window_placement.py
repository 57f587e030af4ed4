"""Windows fit the screen they open on and open centred; titles name the application once.

A 1366x768 screen with a 40-pixel taskbar leaves 1366x728. The offscreen screen has no taskbar, so the
screen's available geometry is set by hand here (``QScreen.availableGeometry`` as SafeCase asks for it);
test_windows_at_1366x768.py runs SafeCase on an offscreen screen of that size.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_cases_support import seed
from gui_support import COUNSELOR, COUNSELOR_PASSWORD, Gui
from PySide6.QtCore import QMargins, QRect, QSize
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from safecase.ui.shell.controller import SafeCaseApp
from safecase.ui.shell.placement import FRAME_ALLOWANCE, fitted_geometry, place_window

TASKBAR_BELOW = QRect(0, 0, 1366, 728)  # 1366x768, taskbar along the bottom
TASKBAR_LEFT = QRect(60, 0, 1306, 768)  # 1366x768, taskbar down the left side
MAIN, CASE, SIGN_IN = QSize(1100, 720), QSize(980, 700), QSize(620, 520)


@pytest.mark.parametrize("available", [TASKBAR_BELOW, TASKBAR_LEFT])
@pytest.mark.parametrize("preferred", [MAIN, CASE, SIGN_IN])
def test_a_window_with_its_frame_stays_off_the_taskbar_and_is_centred(available: QRect, preferred: QSize) -> None:
    geometry = fitted_geometry(available, preferred, FRAME_ALLOWANCE)
    framed = geometry.marginsAdded(FRAME_ALLOWANCE)
    assert available.contains(framed), (framed, available)
    assert geometry.width() == min(preferred.width(), available.width() - 16)
    assert geometry.height() == min(preferred.height(), available.height() - 40)
    assert abs(framed.center().x() - available.center().x()) <= 1
    assert abs(framed.center().y() - available.center().y()) <= 1


def test_main_window_fits_the_space_above_a_taskbar() -> None:
    geometry = fitted_geometry(TASKBAR_BELOW, MAIN, FRAME_ALLOWANCE)
    # 1100 wide as designed; 728 - 40 of frame = 688 high instead of 720, so the status bar stays visible.
    assert geometry == QRect(133, 32, 1100, 688)


def test_a_known_frame_is_used_and_a_larger_screen_keeps_the_preferred_size() -> None:
    frame = QMargins(1, 24, 1, 1)
    geometry = fitted_geometry(QRect(0, 0, 1920, 1040), MAIN, frame)
    assert geometry.size() == MAIN
    assert QRect(0, 0, 1920, 1040).contains(geometry.marginsAdded(frame))


def _small_screen(monkeypatch: pytest.MonkeyPatch) -> QRect:
    """The test screen (800x800 offscreen) with a 40-pixel taskbar: 800x760 free, smaller than every
    window's preferred width."""
    available = QRect(0, 0, 800, 760)
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(available))
    return available


def _fits(window: QWidget, available: QRect) -> None:
    frame = window.frameGeometry()
    assert available.contains(frame), (type(window).__name__, frame, available)
    assert window.minimumWidth() <= available.width() and window.minimumHeight() <= available.height()


def test_every_window_fits_a_small_screen(
    gui: Gui, qtbot: QtBot, center_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    available = _small_screen(monkeypatch)
    work = seed(center_vault)
    app = gui.app(center_vault)
    qtbot.waitExposed(app.sign_in_window)
    _fits(app.sign_in_window, available)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    window = app.main_window
    assert window is not None
    _fits(window, available)
    assert window.width() < MAIN.width(), "the main window was not cut to the screen"
    case_window = window.open_case(work.minji)
    assert case_window is not None
    qtbot.waitExposed(case_window)
    _fits(case_window, available)
    assert window.statusBar().isVisible()
    bottom = case_window.statusBar().mapToGlobal(case_window.statusBar().rect().bottomLeft()).y()
    assert bottom <= available.bottom()


def test_sign_in_opens_centred_after_the_first_run(
    gui: Gui, qtbot: QtBot, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The first run (create the vault, work, quit) used to save the never-shown sign-in window's
    # position, so the next start put it in the top-left corner.
    available = _small_screen(monkeypatch)
    password = "maple tea on a rainy tuesday"
    first = SafeCaseApp(vault_dir, remember_geometry=True)
    gui.apps.append(first)
    first.start()
    dialog = first.create_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    _fits(dialog, available)
    dialog.name_edit.setText("jkim")
    dialog.passwords.new_edit.setText(password)
    dialog.passwords.repeat_edit.setText(password)
    qtbot.waitUntil(dialog.create_button.isEnabled)
    dialog.create_button.click()
    qtbot.waitUntil(dialog.on_recovery_page, timeout=20_000)
    # The recovery page is built once the key exists; the dialog grows to show every group whole.
    labels = dialog.recovery_key.key_labels
    qtbot.waitUntil(lambda: all(label.width() >= label.sizeHint().width() for label in labels))
    _fits(dialog, available)
    dialog.confirm_check.setChecked(True)
    dialog.finish_button.click()
    qtbot.waitUntil(lambda: first.main_window is not None)
    first.quit()

    second = SafeCaseApp(vault_dir, remember_geometry=True)
    gui.apps.append(second)
    second.start()
    window = second.sign_in_window
    qtbot.waitExposed(window)
    _fits(window, available)
    centre = window.frameGeometry().center()
    assert abs(centre.x() - available.center().x()) <= FRAME_ALLOWANCE.left()
    assert abs(centre.y() - available.center().y()) <= FRAME_ALLOWANCE.top()


def test_placing_shrinks_a_minimum_size_the_screen_cannot_hold(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    available = _small_screen(monkeypatch)
    window = QWidget()
    qtbot.addWidget(window)
    window.setMinimumSize(900, 560)
    place_window(window, QSize(1100, 720))
    assert window.minimumSize() == QSize(available.width() - 16, 560)
    assert window.size() == QSize(available.width() - 16, 720)


def test_placing_keeps_a_minimum_size_the_screen_can_hold(qtbot: QtBot) -> None:
    # A dialog's preferred size (its size hint) may be narrower than the minimum it sets.
    window = QWidget()
    qtbot.addWidget(window)
    window.setMinimumWidth(620)
    place_window(window, QSize(548, 360))
    assert window.minimumWidth() == 620 and window.size() == QSize(620, 360)


def test_titles_leave_the_application_name_to_qt(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    # Qt appends " — SafeCase" (the application display name) where the window system shows titles,
    # unless the title already ends with it; a title that names SafeCase too showed it twice.
    work = seed(center_vault)
    app = gui.app(center_vault)
    assert app.sign_in_window.windowTitle() == "Sign in"
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    assert app.main_window is not None
    assert app.main_window.windowTitle() == "해바라기센터"
    case_window = app.main_window.open_case(work.minji)
    assert case_window is not None
    assert case_window.windowTitle() == f"Case {work.minji_number} — 민지"
