"""GUI fixtures: a real vault on disk and a real :class:`SafeCaseApp` per test, as in Vorta's suite.

QApplication is pytest-qt's (one per session, or per xdist worker, created offscreen); everything of
SafeCase's is built afresh for each test and torn down after it, so no window, session or timer leaks
into the next test. The vault is each test's own copy of one built once per session.
Screenshots go to ``test-artifacts/screenshots`` for a person to look at.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_support import Gui, build_center_vault
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from safecase.ui.common.language import (
    ENGLISH,
    install_language,
    installed_language,
    save_language,
    saved_language,
    system_language,
)
from vault_templates import VaultTemplates


@pytest.fixture
def center_vault(vault_dir: Path, vault_templates: VaultTemplates) -> Path:
    """This test's own copy of a closed vault with an admin, a counselor and a supervisor (Korean display
    names) and a center name; built once per session, copied for each test."""
    vault_templates.copy("center", build_center_vault, vault_dir)
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


@pytest.fixture(autouse=True)
def _english_interface(qapp: QApplication) -> Iterator[None]:
    """Every GUI test runs in English, whatever the machine's language: on a Korean system run_app
    would build Korean windows, and run_app and the language tests install a catalogue for the whole
    process; QSettings, where a chosen language is kept, is one file per process, not per test."""
    if system_language() != ENGLISH:
        save_language(ENGLISH)
        install_language(ENGLISH)
    yield
    if saved_language() is not None:
        save_language(None)
    if installed_language() not in (None, ENGLISH):
        install_language(ENGLISH)
