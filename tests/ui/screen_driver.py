"""Run by test_windows_at_1366x768.py on an offscreen screen of a given size
(``QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json``): signs in, opens a case, checks that each window
lies on the screen and is centred, and saves a picture of each for a person to look at. Prints one line
per step that held; exits 1 at the first that did not.

    QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json python tests/ui/screen_driver.py VAULT CASE_ID NAME
"""

from __future__ import annotations

import sys
from pathlib import Path

from gui_support import SCREENSHOTS
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget
from xcb_lock_driver import check, focus, sign_in, wait

from safecase.services.locations import APPLICATION
from safecase.ui.shell.controller import SafeCaseApp


def on_screen(window: QWidget, what: str, name: str) -> None:
    """``window`` (shown) lies inside its screen's free space, centred; its picture is saved."""
    available = window.screen().availableGeometry()
    frame = window.frameGeometry()
    centre = frame.center()
    print(
        f"{what}: {frame.width()}x{frame.height()} at {frame.x()},{frame.y()} on {available.width()}x{available.height()}"
    )
    check(available.contains(frame), f"the {what} lies on the screen")
    check(
        abs(centre.x() - available.center().x()) <= 16 and abs(centre.y() - available.center().y()) <= 32,
        f"the {what} is centred",
    )
    QCoreApplication.processEvents()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    check(
        window.grab().save(str(SCREENSHOTS / f"{name}-{what.replace(' ', '-')}.png")),
        f"the {what} is saved as a picture",
    )


def main() -> None:
    qt = QApplication(sys.argv[:1])
    QApplication.setApplicationDisplayName(APPLICATION)  # as run_app does
    vault, case_id, name = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    app = SafeCaseApp(vault, remember_geometry=False)
    app.start()
    check(wait(10, app.sign_in_window.isVisible), "the sign-in window is shown")
    wait(0.2)
    on_screen(app.sign_in_window, "sign-in window", name)
    window = sign_in(app)
    wait(0.5)
    on_screen(window, "main window", name)
    assert app.main_window is not None
    case_window = app.main_window.open_case(case_id)
    assert case_window is not None
    check(wait(10, case_window.isVisible), "the case window is shown")
    focus(case_window)
    wait(0.5)
    on_screen(case_window, "case window", name)
    app.quit()
    app.shutdown()
    del qt


if __name__ == "__main__":
    main()
