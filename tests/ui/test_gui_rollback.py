"""The GUI shows the audit head on the Audit page and warns once after a sign-in into a rolled-back vault."""

from __future__ import annotations

import re
from pathlib import Path

from gui_support import COUNSELOR, COUNSELOR_PASSWORD, SUPERVISOR, SUPERVISOR_PASSWORD, Gui
from pytestqt.qtbot import QtBot

from safecase.services import access
from safecase.ui.shell.main_window import AUDIT
from safecase.vault import keyfile as keyfiles
from safecase.vault import pc_memory
from safecase.vault.repositories.audit import AuditRepository


def test_audit_page_shows_the_head(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    app = gui.app(center_vault)
    gui.sign_in(app, SUPERVISOR, SUPERVISOR_PASSWORD)
    window = app.main_window
    assert window is not None and window.audit is not None
    window.show_page(AUDIT)
    gui.settle(app.tasks)
    label = window.audit.head_label.text()
    assert re.fullmatch(r"Head #\d+ · [0-9a-f]{8}", label), label
    assert app.session is not None
    head = AuditRepository(app.session.conn).head()
    assert head is not None and label == f"Head {head.short()}"  # the audit.viewed row of this read
    assert app.warning_box is None


def test_a_sign_in_into_an_older_vault_warns_once(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    vault_id = keyfiles.load(center_vault / "keys.json").vault_id
    access.sign_in(center_vault, COUNSELOR, COUNSELOR_PASSWORD).close()
    pc_memory.remember(vault_id, 7, None)  # this computer once saw generation 7 of this vault
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    box = app.warning_box
    assert box is not None
    qtbot.waitExposed(box)
    assert "key generation 1, seen 7" in box.text()
    assert box.windowTitle() == "This vault may have been put back to an older state"
    gui.screenshot(box, "rollback-warning")
