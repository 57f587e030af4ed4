"""Starting the desktop app: process hardening, the one-instance lock, then the first screen.

Hardening comes first, before any secret can be in memory: no core dumps (a crash must not write the
data key to disk) and owner-only permissions on every file created. The vault folder is created
(private) on first run because the single-instance lock lives inside it.
"""

from __future__ import annotations

import gc
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication

from safecase.services.locations import APPLICATION, ORGANIZATION
from safecase.services.process import harden
from safecase.ui.common.file_dialogs import forget_file_dialog_state
from safecase.ui.common.icons import app_icon
from safecase.ui.common.language import install_language, interface_language
from safecase.ui.shell.controller import SafeCaseApp
from safecase.ui.shell.crash_guard import make_hook
from safecase.ui.shell.first_screen import FirstScreenProbe, quit_after_first_screen_requested
from safecase.ui.shell.instance import acquire_instance_lock, prepare_vault_folder
from safecase.ui.shell.privacy import CaptureShield

_log = logging.getLogger(__name__)


def run_app(vault: Path, *, smoke_test: bool = False) -> int:
    """Run the app on ``vault`` until the person quits; returns the process exit code.

    ``smoke_test``: quit as soon as the first screen is up, after printing its class name (the
    installers' smoke test runs the frozen binary so, offscreen, and checks which screen it reached).
    """
    harden()
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv)
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QApplication.setApplicationDisplayName(APPLICATION)
    QApplication.setWindowIcon(app_icon())
    QApplication.setDesktopFileName("safecase")  # Wayland shells match windows to safecase.desktop by it
    app.setQuitOnLastWindowClosed(False)
    # Before the first window, even the refusals below: the system's language or the one chosen here.
    install_language(interface_language())
    shield = CaptureShield(app)
    shield.install()
    forget_file_dialog_state()  # left behind if SafeCase was killed while a file dialog was open
    try:
        prepare_vault_folder(vault)
    except OSError as exc:
        return _refuse(
            QCoreApplication.translate("App", "SafeCase cannot create the vault folder {path}: {reason}").format(
                path=vault, reason=exc.strerror or exc
            )
        )
    lock = acquire_instance_lock(vault)
    if lock is None:
        return _refuse(
            QCoreApplication.translate("App", "SafeCase is already open for this vault."),
            QCoreApplication.translate(
                "App", "Switch to the open SafeCase window. Only one SafeCase can use a vault at a time."
            ),
        )
    controller = SafeCaseApp(vault)
    sys.excepthook = make_hook(_show_warning, controller.request_lock)
    try:
        controller.finished.connect(app.quit)
        controller.start()
        # Once the event loop runs (the first screen is built and shown): see safecase/start.py.
        QTimer.singleShot(0, resume_garbage_collection)
        # One probe for both the start-up benchmark (environment variable) and the installers' smoke
        # test (--smoke-test, which also names the screen): see first_screen.py.
        if smoke_test:
            FirstScreenProbe(lambda: _report_first_screen(controller), controller).watch()
        elif quit_after_first_screen_requested():
            FirstScreenProbe(controller.quit, controller).watch()
        return app.exec()
    finally:
        controller.shutdown()
        controller.deleteLater()
        lock.unlock()


def resume_garbage_collection() -> None:
    """Turn garbage collection back on after ``safecase`` started with it off (safecase/start.py).

    Whatever start-up made is moved to the collector's permanent generation first: it lives as long as
    the process, and later collections on the UI thread then need not walk it again.
    """
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _report_first_screen(controller: SafeCaseApp) -> None:
    """Smoke test: paint every window on screen, name it on stdout, quit the normal way."""
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    for window in shown:
        window.grab()  # a real paint: fonts, styles and image plugins load as for a person
    if sys.stdout is not None:  # None in the windowed Windows executable
        print("first screen: " + ", ".join(sorted(type(w).__name__ for w in shown)), flush=True)
    controller.quit()


def _show_warning(text: str) -> None:
    from PySide6.QtWidgets import QMessageBox  # only when something went wrong: not before the first screen

    parent = QApplication.activeWindow()
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("App", "SafeCase"), text, parent=parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


def _refuse(text: str, details: str = "") -> int:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("App", "SafeCase"), text)
    if details:
        box.setInformativeText(details)
    box.exec()
    return 1
