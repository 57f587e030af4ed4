"""Every main screen and dialog of SafeCase in Korean on a 1366x768 screen: a PNG of each, and the text
that does not fit.

Run by ``test_korean_screens.py`` in a process of its own, because Qt fixes the screen's size when the
application starts (pytest-qt's is 800x800); by hand, to look at the pictures:

    QT_QPA_PLATFORM=offscreen:configfile=tests/ui/screen-1366x768.json \\
        PYTHONPATH=src:tests:tests/ui python tests/ui/korean_screens.py OUT_FOLDER [en]

It builds a vault with the GUI tests' accounts and casework in a temporary folder, shows each screen as a
person reaches it (windows at the size the app gives them, dialogs at their own), saves
``OUT_FOLDER/NN-name.png`` and prints one JSON line per screen: its name and what :func:`cut_off` found.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from gui_cases_support import seed
from gui_support import (
    ADMIN,
    ADMIN_PASSWORD,
    COUNSELOR,
    COUNSELOR_PASSWORD,
    SUPERVISOR,
    SUPERVISOR_PASSWORD,
    build_center_vault,
)
from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTabBar,
    QWidget,
)

from safecase.crypto.kdf import FLOOR_PARAMS
from safecase.domain.evidence import EvidenceDetails
from safecase.services import access
from safecase.services.cases import CaseService
from safecase.services.evidence import EvidenceService
from safecase.services.verify import verify_vault
from safecase.ui.admin.organizations_dialog import OrganizationsDialog
from safecase.ui.admin.recovery_key_dialog import NewRecoveryKeyDialog
from safecase.ui.admin.user_dialogs import AddUserDialog
from safecase.ui.admin.verify import VerifyReportDialog
from safecase.ui.case.case_window import CaseWindow
from safecase.ui.case.consent_dialog import ConsentDialog
from safecase.ui.case.contact_dialogs import ContactDialog
from safecase.ui.case.evidence_dialogs import AddLinkDialog, HandOverDialog
from safecase.ui.case.incident_dialog import IncidentDialog
from safecase.ui.case.reassign_dialog import ReassignDialog
from safecase.ui.case.referral_dialogs import NewReferralDialog
from safecase.ui.case.reveal_dialog import RevealDialog
from safecase.ui.common.language import KOREAN, install_language
from safecase.ui.pages.import_dialog import ImportDialog
from safecase.ui.pages.quick_intake import CaseMode
from safecase.ui.pages.takedown_dialogs import TakedownDialog
from safecase.ui.shell.change_password import ChangePasswordDialog
from safecase.ui.shell.controller import SafeCaseApp
from safecase.ui.shell.create_vault import CreateVaultDialog


def cut_off(root: QWidget) -> list[str]:
    """Visible text that does not fit where the layout put it: labels narrower or lower than their text,
    buttons narrower than their label, widgets squeezed below their minimum (which is when they overlap)."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or widget.window() is not root.window():
            continue
        name = f"{type(widget).__name__} {_text_of(widget)!r}"
        if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
            if widget.wordWrap():
                needed = widget.heightForWidth(widget.width())
                if needed > widget.height() + 1:
                    found.append(f"{name}: needs {needed} px of height, has {widget.height()}")
            elif widget.sizeHint().width() > widget.width() + 1:
                found.append(f"{name}: needs {widget.sizeHint().width()} px of width, has {widget.width()}")
        elif isinstance(widget, QAbstractButton) and widget.text() and not isinstance(widget.parent(), QTabBar):
            if widget.sizeHint().width() > widget.width() + 1:
                found.append(f"{name}: needs {widget.sizeHint().width()} px of width, has {widget.width()}")
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                text = widget.tabText(index)
                room = widget.tabRect(index).width()
                if widget.fontMetrics().horizontalAdvance(text.replace("&", "")) > room:
                    found.append(f"tab {text!r}: {room} px")
        minimum = widget.minimumSizeHint()
        if widget.layout() is not None and minimum.isValid() and widget.height() + 1 < minimum.height():
            found.append(f"{name}: squeezed to {widget.height()} px high, needs {minimum.height()}")
    return found


def _text_of(widget: QWidget) -> str:
    if isinstance(widget, (QLabel, QAbstractButton, QLineEdit)):
        return widget.text()[:40]
    return widget.accessibleName() or widget.objectName()


def _wait(ms: int = 50) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _until(condition: Callable[[], bool], timeout_ms: int = 10_000) -> None:
    waited = 0
    while not condition():
        if waited > timeout_ms:
            raise TimeoutError("the screen did not get ready")
        _wait(20)
        waited += 20


class Shots:
    def __init__(self, out: Path, app: SafeCaseApp | None = None) -> None:
        self.out = out
        self.app = app
        self.count = 0

    def take(self, name: str, widget: QWidget) -> None:
        if self.app is not None:
            _until(lambda: self.app is not None and self.app.tasks.quiet)
        widget.show()
        _wait(80)
        QCoreApplication.processEvents()
        self.count += 1
        window = widget.window()
        window.grab().save(str(self.out / f"{self.count:02d}-{name}.png"))
        print(
            json.dumps(
                {"screen": name, "size": [window.width(), window.height()], "cut_off": cut_off(window)},
                ensure_ascii=False,
            ),
            flush=True,
        )

    def dialog(self, name: str, dialog: QDialog) -> None:
        dialog.open()
        self.take(name, dialog)
        dialog.done(0)


def _first_run(shots: Shots, folder: Path) -> None:
    app = SafeCaseApp(folder / "new-vault", remember_geometry=False)
    dialog = CreateVaultDialog(folder / "new-vault", app.tasks)
    dialog.show()
    shots.take("create-vault", dialog)
    dialog.name_edit.setText("jkim")
    dialog.display_edit.setText("김지현")
    dialog.passwords.new_edit.setText("short")
    dialog.passwords.repeat_edit.setText("shorter")
    shots.take("create-vault-short-password", dialog)
    dialog.passwords.new_edit.setText("correct horse battery staple 9")
    dialog.passwords.repeat_edit.setText("correct horse battery staple 9")
    _until(dialog.create_button.isEnabled)
    dialog.create_button.click()
    _until(lambda: dialog.on_recovery_page() or bool(dialog.error_line.text()), 60_000)
    assert dialog.on_recovery_page(), dialog.error_line.text()
    shots.take("create-vault-recovery-key", dialog)
    session = dialog.take_session()
    if session is not None:
        session.close()
    dialog.hide()
    dialog.deleteLater()
    app.shutdown()


def _sign_in(app: SafeCaseApp, name: str, password: str) -> None:
    window = app.sign_in_window
    window.name_edit.setText(name)
    window.password_edit.setText(password)
    window.sign_in_button.click()
    _until(lambda: app.main_window is not None)


def main(out: Path, language: str = KOREAN) -> None:
    out.mkdir(parents=True, exist_ok=True)
    qapp = QApplication.instance() or QApplication(sys.argv)
    access.set_default_kdf_params(FLOOR_PARAMS)
    install_language(language)
    folder = Path(tempfile.mkdtemp(prefix="safecase-screens-"))
    vault = folder / "vault"
    build_center_vault(vault)
    work = seed(vault)
    setup = access.sign_in(vault, SUPERVISOR, SUPERVISOR_PASSWORD)
    try:
        EvidenceService(setup).add_url(
            work.minji,
            "https://t.me/c/123/456",
            EvidenceDetails(platform="telegram", description="합성사진 게시물", received_from="피해자 본인"),
        )
    finally:
        setup.close()

    shots = Shots(out)
    _first_run(shots, folder)

    app = SafeCaseApp(vault, remember_geometry=False)
    shots.app = app
    app.start()
    shots.take("sign-in", app.sign_in_window)
    app.sign_in_window.name_edit.setText(COUNSELOR)
    app.sign_in_window.password_edit.setText("wrong password")
    app.sign_in_window.sign_in_button.click()
    _until(lambda: bool(app.sign_in_window.message.text()))
    shots.take("sign-in-wrong-password", app.sign_in_window)

    _sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    window = app.main_window
    session = app.session
    assert window is not None and session is not None
    for key in window.page_keys():
        window.show_page(key)
        shots.take(f"counselor-{key}", window)

    case_window = window.open_case(work.minji)
    assert isinstance(case_window, CaseWindow)
    for index in range(case_window.tabs.count()):
        case_window.show_tab(index)
        shots.take(f"case-tab-{index + 1}", case_window)
    case = CaseService(session).get(work.minji)
    shots.dialog("reveal", RevealDialog(CaseService(session), case, case_window))
    shots.dialog("contact", ContactDialog(session, work.minji, parent=case_window))
    shots.dialog("incident", IncidentDialog(session, work.minji, parent=case_window))
    shots.dialog("new-referral", NewReferralDialog(session, work.minji, parent=case_window))
    shots.dialog("consent", ConsentDialog(session, work.minji, parent=case_window))
    shots.dialog("add-link", AddLinkDialog(session, work.minji, parent=case_window))
    [record] = EvidenceService(session).for_case(work.minji)
    shots.dialog("hand-over", HandOverDialog(session, record.item, case_window))
    shots.dialog("takedown", TakedownDialog(session, work.minji, parent=case_window, case_number=work.minji_number))
    case_window.close()

    intake = window.new_intake()
    assert intake is not None
    shots.take("quick-intake", intake)
    intake.mode_buttons[CaseMode.EXISTING].setChecked(True)
    shots.take("quick-intake-existing", intake)
    intake.mode_buttons[CaseMode.NONE].setChecked(True)
    shots.take("quick-intake-no-case", intake)
    intake.done(0)
    shots.dialog("change-password", ChangePasswordDialog(session, app.tasks, window))
    shots.dialog("directory", OrganizationsDialog(session, app.tasks, window))
    app.request_lock()
    shots.take("locked", app.sign_in_window)

    _sign_in(app, SUPERVISOR, SUPERVISOR_PASSWORD)
    window = app.main_window
    session = app.session
    assert window is not None and session is not None
    for key in ("cases", "audit"):
        window.show_page(key)
        shots.take(f"supervisor-{key}", window)
    shots.dialog("import", ImportDialog(session, app.tasks, window))
    case = CaseService(session).get(work.minji)
    shots.dialog("reassign", ReassignDialog(session, case, window))
    app.request_lock()

    _sign_in(app, ADMIN, ADMIN_PASSWORD)
    window = app.main_window
    session = app.session
    assert window is not None and session is not None and window.admin is not None
    window.show_page("admin")
    for index in range(window.admin.tabs.count()):
        window.admin.tabs.setCurrentIndex(index)
        shots.take(f"admin-tab-{index + 1}", window)
    shots.dialog("add-user", AddUserDialog(session, app.tasks, window))
    shots.dialog("verify-report", VerifyReportDialog(verify_vault(session), window))
    shots.dialog("new-recovery-key", NewRecoveryKeyDialog("ABCD-EFGH-" * 5 + "IJKL", "3fa9 c2d1 77e0 1b2c", window))
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "SafeCase",
        "사용자를 사용 중지할까요?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        window,
    )
    shots.dialog("message-box", box)
    app.quit()
    app.shutdown()
    del qapp


if __name__ == "__main__":
    main(Path(sys.argv[1]), *sys.argv[2:3])
