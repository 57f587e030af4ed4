"""PySide6 must not leak references to None or True (6.12.0 on Python 3.11 did, and crashed after a
few thousand calls). This guards the version pin in pyproject.toml."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot


class _Emitter(QObject):
    fired = Signal(bool)


def test_void_calls_and_emits_keep_reference_counts(qtbot: QtBot) -> None:
    button = QPushButton()
    qtbot.addWidget(button)
    emitter = _Emitter()
    received: list[bool] = []
    emitter.fired.connect(received.append)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(2000):
        button.setEnabled(True)
        emitter.fired.emit(True)
    received.clear()
    assert abs(sys.getrefcount(None) - none_before) < 100
    assert abs(sys.getrefcount(True) - true_before) < 100
