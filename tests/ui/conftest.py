"""GUI fixtures: a real vault on disk and a real :class:`SafeCaseApp` per test, as in Vorta's suite.

QApplication is pytest-qt's (one per session, created offscreen); everything of SafeCase's is built
afresh for each test and torn down after it, so no window, session or timer leaks into the next test.
Screenshots go to ``test-artifacts/screenshots`` for a person to look at.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_support import (
    ADMIN,
    ADMIN_DISPLAY,
    ADMIN_PASSWORD,
    CENTER_NAME,
    COUNSELOR,
    COUNSELOR_DISPLAY,
    COUNSELOR_PASSWORD,
    SUPERVISOR,
    SUPERVISOR_DISPLAY,
    SUPERVISOR_PASSWORD,
    Gui,
)
from pytestqt.qtbot import QtBot

from safecase.domain.roles import Role
from safecase.services import access
from safecase.services.accounts import AccountService
from safecase.services.settings import SettingsService


@pytest.fixture
def center_vault(vault_dir: Path) -> Path:
    """A closed vault with an admin, a counselor and a supervisor (Korean display names) and a center name."""
    created = access.create_vault(vault_dir, ADMIN, ADMIN_PASSWORD, display_name=ADMIN_DISPLAY)
    try:
        accounts = AccountService(created.session)
        accounts.add_user(COUNSELOR, frozenset({Role.COUNSELOR}), COUNSELOR_PASSWORD, COUNSELOR_DISPLAY)
        accounts.add_user(SUPERVISOR, frozenset({Role.SUPERVISOR}), SUPERVISOR_PASSWORD, SUPERVISOR_DISPLAY)
        SettingsService(created.session).set_center_name(CENTER_NAME)
    finally:
        created.session.close()
    return vault_dir


@pytest.fixture
def gui(qtbot: QtBot) -> Iterator[Gui]:
    helper = Gui(qtbot)
    yield helper
    helper.close_all()


@pytest.fixture(autouse=True)
def _keep_umask() -> Iterator[None]:
    """run_app tightens the umask for the whole process; give the next test the umask it had."""
    previous = os.umask(0o077)
    os.umask(previous)
    yield
    os.umask(previous)
