"""Administration through the GUI: adding, disabling and re-enabling users, settings, and who sees what."""

from __future__ import annotations

import re
from pathlib import Path

from gui_support import (
    ADMIN,
    ADMIN_PASSWORD,
    CENTER_NAME,
    COUNSELOR,
    COUNSELOR_PASSWORD,
    SUPERVISOR,
    SUPERVISOR_PASSWORD,
    Gui,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from safecase.domain.errors import AccountDisabledError
from safecase.domain.roles import Role
from safecase.services import access
from safecase.services.accounts import AccountService
from safecase.ui.admin.recovery_key_dialog import NewRecoveryKeyDialog
from safecase.ui.admin.user_dialogs import AddUserDialog, SetPasswordDialog
from safecase.ui.admin.users_panel import UsersPanel
from safecase.ui.shell.main_window import ADMIN as ADMIN_PAGE
from safecase.ui.shell.main_window import AUDIT, CASES, HOME, REPORTS, TAKEDOWNS, TODAY, MainWindow
from safecase.ui.tasks import Changes

NEW_PASSWORD = "paper boats drift past the old mill"
RECOVERY_KEY = re.compile(r"^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){7}$")
FINGERPRINT = re.compile(r"^[0-9A-F]{4}(-[0-9A-F]{4}){3}$")


def _message_box(qtbot: QtBot) -> QMessageBox:
    qtbot.waitUntil(
        lambda: any(isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets()),
        timeout=5_000,
    )
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())


def test_admin_adds_a_user_through_the_dialog(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    app = gui.app(center_vault)
    gui.sign_in(app, ADMIN, ADMIN_PASSWORD)
    window = app.main_window
    assert window is not None
    assert window.page_keys() == [HOME, REPORTS, AUDIT, ADMIN_PAGE]
    assert window.windowTitle() == CENTER_NAME
    window.show_page(ADMIN_PAGE)
    assert window.admin is not None and window.admin.users is not None
    users = window.admin.users
    assert users.model.rowCount() == 3

    dialog = users.open_add_user()
    assert isinstance(dialog, AddUserDialog)
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.name_edit, "yjlee")
    dialog.display_edit.setText("이영주")
    dialog.role_checks[Role.SUPERVISOR].setChecked(True)
    dialog.passwords.new_edit.setText(NEW_PASSWORD)
    dialog.passwords.repeat_edit.setText(NEW_PASSWORD)
    qtbot.waitUntil(dialog.save_button.isEnabled)
    gui.screenshot(dialog, "admin-add-user")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: users.model.rowCount() == 4, timeout=10_000)

    added = users.selected_user()
    assert added is not None and added.name == "yjlee"
    assert added.display_name == "이영주"
    assert added.roles == frozenset({Role.COUNSELOR, Role.SUPERVISOR})
    assert "이영주" in users.message.text()
    gui.screenshot(window, "admin-users")

    session = access.sign_in(center_vault, "yjlee", NEW_PASSWORD)
    session.close()


def test_admin_disables_and_re_enables_a_user(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    app = gui.app(center_vault)
    gui.sign_in(app, ADMIN, ADMIN_PASSWORD)
    assert app.main_window is not None and app.main_window.admin is not None
    users = app.main_window.admin.users
    assert users is not None
    app.main_window.show_page(ADMIN_PAGE)

    users.select_user(ADMIN)
    assert not users.disable_button.isEnabled(), "an admin cannot disable their own account"
    users.select_user(COUNSELOR)
    assert users.disable_button.isEnabled() and not users.enable_button.isEnabled()
    users.confirm_disable()
    box = _message_box(qtbot)
    assert "re-encrypts" in box.informativeText()
    accept = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    accept.click()
    qtbot.waitUntil(lambda: "was disabled" in users.message.text(), timeout=10_000)
    disabled = users.selected_user()
    assert disabled is not None and disabled.name == COUNSELOR and not disabled.enabled
    try:
        access.sign_in(center_vault, COUNSELOR, COUNSELOR_PASSWORD)
        raise AssertionError("a disabled account signed in")
    except AccountDisabledError:
        pass

    assert users.enable_button.isEnabled()
    dialog = users.open_set_password()
    assert isinstance(dialog, SetPasswordDialog)
    dialog.passwords.new_edit.setText(NEW_PASSWORD)
    dialog.passwords.repeat_edit.setText(NEW_PASSWORD)
    qtbot.waitUntil(dialog.save_button.isEnabled)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "enabled" in users.message.text(), timeout=10_000)
    access.sign_in(center_vault, COUNSELOR, NEW_PASSWORD).close()


def test_users_panel_shows_the_recovery_key_fingerprint(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    app = gui.app(center_vault)
    gui.sign_in(app, ADMIN, ADMIN_PASSWORD)
    window = app.main_window
    assert window is not None and window.admin is not None and window.admin.users is not None
    assert app.session is not None
    expected = access.recovery_key_fingerprint(app.session)
    assert FINGERPRINT.match(expected)
    users = window.admin.users
    assert users.fingerprint_label.text() == f"Recovery key fingerprint: {expected}"
    window.resize(1366, 768)
    window.show_page(ADMIN_PAGE)
    gui.screenshot(window, "admin-users-fingerprint")


def test_disabling_can_replace_the_recovery_key(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    app = gui.app(center_vault)
    gui.sign_in(app, ADMIN, ADMIN_PASSWORD)
    window = app.main_window
    assert window is not None and window.admin is not None and window.admin.users is not None
    assert app.session is not None
    old_fingerprint = access.recovery_key_fingerprint(app.session)
    users = window.admin.users
    window.show_page(ADMIN_PAGE)
    users.select_user(COUNSELOR)
    users.confirm_disable()
    box = _message_box(qtbot)
    option = box.checkBox()
    assert option is not None and not option.isChecked(), "replacing the key is offered, not chosen for you"
    assert option.text() == "Also replace the recovery key (recommended if this person may have seen it)"
    option.setChecked(True)
    gui.screenshot(box, "admin-disable-confirm")
    accept = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    accept.click()

    qtbot.waitUntil(lambda: bool(_key_dialogs(users)), timeout=10_000)
    dialog = _key_dialogs(users)[0]
    qtbot.waitExposed(dialog)
    key = dialog.recovery_key_text()
    assert RECOVERY_KEY.match(key), key
    assert key not in (QApplication.clipboard().text() or "")
    new_fingerprint = access.recovery_key_fingerprint(app.session)
    assert new_fingerprint != old_fingerprint
    assert dialog.recovery_key.fingerprint_label.text() == f"Fingerprint: {new_fingerprint}"
    assert users.fingerprint_label.text() == f"Recovery key fingerprint: {new_fingerprint}"
    assert "was disabled" in users.message.text()
    gui.screenshot(dialog, "admin-new-recovery-key")

    # It stays until the key is confirmed as written down, then forgets it.
    assert not dialog.done_button.isEnabled()
    dialog.reject()
    dialog.close()
    assert dialog.isVisible()
    dialog.confirm_check.setChecked(True)
    qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not _key_dialogs(users))

    # The new key opens the vault.
    _paths, _keyfile, _data_key, conn = access.open_with_recovery_key(center_vault, key)
    conn.close()


def test_disabling_without_the_option_keeps_the_recovery_key(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    app = gui.app(center_vault)
    gui.sign_in(app, ADMIN, ADMIN_PASSWORD)
    assert app.main_window is not None and app.main_window.admin is not None and app.session is not None
    users = app.main_window.admin.users
    assert users is not None
    before = access.recovery_key_fingerprint(app.session)
    users.select_user(COUNSELOR)
    users.confirm_disable()
    box = _message_box(qtbot)
    next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole).click()
    qtbot.waitUntil(lambda: "was disabled" in users.message.text(), timeout=10_000)
    assert not _key_dialogs(users)
    assert access.recovery_key_fingerprint(app.session) == before


def _key_dialogs(users: UsersPanel) -> list[NewRecoveryKeyDialog]:
    return [d for d in users.findChildren(NewRecoveryKeyDialog) if d.isVisible()]


def test_settings_change_title_and_auto_lock(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    app = gui.app(center_vault)
    gui.sign_in(app, ADMIN, ADMIN_PASSWORD)
    window = app.main_window
    assert window is not None and window.admin is not None and window.admin.settings is not None
    settings = window.admin.settings
    assert settings.center_edit.text() == CENTER_NAME
    assert app.idle.interval_ms == 5 * 60_000
    settings.center_edit.setText("해바라기센터 서울")
    settings.auto_lock_spin.setValue(12)
    settings.save()
    assert window.windowTitle() == "해바라기센터 서울"
    assert app.idle.interval_ms == 12 * 60_000
    assert "12 minutes" in window.home.auto_lock_label.text()
    window.show_page(ADMIN_PAGE)
    window.admin.tabs.setCurrentIndex(1)
    gui.screenshot(window, "admin-settings")


def test_counselor_sees_neither_admin_nor_audit(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    window = app.main_window
    assert window is not None
    assert window.page_keys() == [TODAY, CASES, TAKEDOWNS, HOME]
    assert window.admin is None and window.audit is None
    assert not window.backup_action.isVisible()
    assert window.verify_action.isVisible()
    gui.screenshot(window, "main-home-counselor")


def test_supervisor_reads_the_audit_log(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    app = gui.app(center_vault)
    gui.sign_in(app, SUPERVISOR, SUPERVISOR_PASSWORD)
    window = app.main_window
    assert window is not None
    assert window.page_keys() == [TODAY, CASES, TAKEDOWNS, HOME, REPORTS, AUDIT]
    assert window.audit is not None
    assert window.audit.model.rowCount() == 0, "the log is read only when someone opens it"
    window.show_page(AUDIT)
    qtbot.waitUntil(lambda: window.audit is not None and window.audit.model.rowCount() > 0)
    model = window.audit.model
    newest = model.entry(0)
    assert newest.action == "audit.viewed"
    assert model.data(model.index(0, model.ACTION)) == "Audit log viewed"
    assert "Showing" in window.audit.count_label.text()
    gui.screenshot(window, "audit")

    # Refreshing reads off the UI thread: nothing changes until the answer arrives, then a new view is logged.
    page = window.audit
    before = page.model.rowCount()
    page.refresh_button.click()
    assert page.model.rowCount() == before
    assert not page.refresh_button.isEnabled(), "no second read while one is on its way"
    gui.settle(app.tasks)
    assert page.model.rowCount() == before + 1
    assert page.refresh_button.isEnabled()
    assert page.count_label.text() == f"Showing {before + 1} of {before + 1} entries"


def _counselor_choices(window: MainWindow) -> list[str]:
    assert window.cases is not None
    combo = window.cases.counselor_combo
    return [str(combo.itemData(i)) for i in range(1, combo.count())]


def test_account_changes_reach_the_cases_counselor_filter(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    """An administrator who also supervises adds and disables a counselor: the Cases page follows."""
    session = access.sign_in(center_vault, ADMIN, ADMIN_PASSWORD)
    try:
        AccountService(session).add_user("boss", frozenset({Role.ADMIN, Role.SUPERVISOR}), NEW_PASSWORD, "대표")
    finally:
        session.close()
    app = gui.app(center_vault)
    gui.sign_in(app, "boss", NEW_PASSWORD)
    window = app.main_window
    assert window is not None and window.admin is not None and window.admin.users is not None
    users = window.admin.users
    window.show_page(CASES)
    gui.settle(app.tasks)
    assert COUNSELOR in _counselor_choices(window) and "yjlee" not in _counselor_choices(window)

    window.show_page(ADMIN_PAGE)
    changes: list[Changes] = []
    app.tasks.changed.connect(changes.append)
    dialog = users.open_add_user()
    qtbot.waitExposed(dialog)
    dialog.name_edit.setText("yjlee")
    dialog.display_edit.setText("이영주")
    dialog.passwords.new_edit.setText(NEW_PASSWORD)
    dialog.passwords.repeat_edit.setText(NEW_PASSWORD)
    qtbot.waitUntil(dialog.save_button.isEnabled)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(c.accounts for c in changes), timeout=10_000)
    window.show_page(CASES)
    gui.settle(app.tasks)
    assert "yjlee" in _counselor_choices(window)

    # Disabling (a re-key, in the background) is announced too; the Cases page, visible now, reads at once.
    changes.clear()
    users.select_user(COUNSELOR)
    users.disable(COUNSELOR)
    qtbot.waitUntil(lambda: any(c.accounts for c in changes), timeout=10_000)
    gui.settle(app.tasks)
    assert COUNSELOR not in _counselor_choices(window) and "yjlee" in _counselor_choices(window)
