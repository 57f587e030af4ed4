"""The background-task runner: results, errors and progress arrive on the UI thread."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QThread
from PySide6.QtWidgets import QProgressDialog, QWidget
from pytestqt.qtbot import QtBot

from safecase.domain.errors import InputError, SafeCaseError
from safecase.ui.shell.crash_guard import log_unexpected
from safecase.ui.tasks import Busy, ProgressCallback, TaskManager

CANARY = "CANARY-client-Maria-Lopez"


@pytest.fixture
def tasks() -> Iterator[TaskManager]:
    """A manager that Qt deletes (as the app's is, with its parent), never Python's garbage collector."""
    manager = TaskManager()
    yield manager
    manager.wait_for_done()
    manager.deleteLater()
    QCoreApplication.processEvents()


def _on_ui_thread() -> bool:
    app = QCoreApplication.instance()
    return app is not None and QThread.currentThread() is app.thread()


def test_result_arrives_on_the_ui_thread(qtbot: QtBot, tasks: TaskManager) -> None:
    worker_threads: list[bool] = []
    results: list[tuple[object, bool]] = []

    def work() -> int:
        worker_threads.append(_on_ui_thread())
        return 42

    with qtbot.waitSignal(tasks.idle):
        tasks.run(work, lambda r: results.append((r, _on_ui_thread())), pytest.fail)
        assert tasks.busy
    assert worker_threads == [False]
    assert results == [(42, True)]
    assert not tasks.busy


def test_safecase_errors_pass_through_and_others_become_a_plain_message(qtbot: QtBot, tasks: TaskManager) -> None:
    errors: list[SafeCaseError] = []

    def refuse() -> None:
        raise InputError("There is no user named “x”.")

    def crash() -> None:
        raise RuntimeError("internal detail /home/secret")

    with qtbot.waitSignal(tasks.idle):
        tasks.run(refuse, pytest.fail, errors.append)
    with qtbot.waitSignal(tasks.idle):
        tasks.run(crash, pytest.fail, errors.append)
    assert isinstance(errors[0], InputError)
    assert errors[0].message == "There is no user named “x”."
    assert type(errors[1]) is SafeCaseError
    assert "secret" not in errors[1].message
    assert "not completed" in errors[1].message


class _Boom(RuntimeError):
    pass


def test_an_unexpected_failure_is_logged_by_type_and_frames_never_by_message(
    qtbot: QtBot, tasks: TaskManager, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]
) -> None:
    def crash() -> None:
        raise _Boom(f"could not save the note {CANARY}")

    caplog.set_level(logging.DEBUG)
    with qtbot.waitSignal(tasks.idle):
        tasks.run(crash, pytest.fail, lambda _error: None)
    logged = "\n".join(caplog.text.splitlines() + [r.getMessage() for r in caplog.records])
    assert "_Boom" in logged
    assert "in crash" in logged  # the frame that raised, to find the fault
    assert CANARY not in logged
    assert all(r.exc_info is None for r in caplog.records)
    out, err = capfd.readouterr()
    assert CANARY not in out + err


def test_log_unexpected_without_logging_configured_prints_no_message(capsys: pytest.CaptureFixture[str]) -> None:
    logger = logging.getLogger("safecase.test.unconfigured")
    logger.propagate = False  # no handler anywhere: Python's last-resort handler writes to stderr
    try:
        raise _Boom(CANARY)
    except _Boom as exc:
        log_unexpected(logger, "saving", exc)
    err = capsys.readouterr().err
    assert "saving" in err
    assert "_Boom" in err
    assert CANARY not in err


def test_progress_drives_a_modal_dialog_that_closes_when_done(qtbot: QtBot, tasks: TaskManager) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    step = threading.Event()
    seen: list[tuple[int, int]] = []

    def work(report: ProgressCallback) -> str:
        report(1, 4)
        step.wait(5)
        report(4, 4)
        return "done"

    task = tasks.run_reporting(work, lambda _r: None, pytest.fail, busy=Busy("Working…", parent, determinate=True))
    task.progressed.connect(lambda done, total: seen.append((done, total)))
    qtbot.waitUntil(lambda: seen == [(1, 4)])
    dialogs = parent.findChildren(QProgressDialog)
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    assert dialogs[0].value() == 250
    dialogs[0].reject()  # the person cannot dismiss work that cannot be cancelled
    assert dialogs[0].isVisible()
    with qtbot.waitSignal(tasks.idle):
        step.set()
    assert seen == [(1, 4), (4, 4)]
    qtbot.waitUntil(lambda: not any(d.isVisible() for d in parent.findChildren(QProgressDialog)))
