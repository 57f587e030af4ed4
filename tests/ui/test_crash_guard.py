"""Errors nobody expected reach the person as one sentence, and a failing database locks the app."""

from __future__ import annotations

import sqlcipher3

from safecase.domain.errors import InputError
from safecase.ui.shell.crash_guard import make_hook


def _run(error: BaseException) -> tuple[list[str], list[str], list[type[BaseException]]]:
    shown: list[str] = []
    locked: list[str] = []
    passed_on: list[type[BaseException]] = []
    hook = make_hook(shown.append, locked.append, lambda kind, _e, _t: passed_on.append(kind))
    hook(type(error), error, None)
    return shown, locked, passed_on


def test_a_stale_key_locks_the_app() -> None:
    shown, locked, _ = _run(sqlcipher3.DatabaseError("file is not a database"))
    assert shown == [] and len(locked) == 1
    assert "sign in again" in locked[0]
    assert "file is not a database" not in locked[0]


def test_other_errors_show_one_plain_sentence_without_details() -> None:
    shown, locked, _ = _run(KeyError("김민지"))
    assert locked == [] and len(shown) == 1
    assert "김민지" not in shown[0] and "KeyError" not in shown[0]


def test_service_errors_show_their_own_message() -> None:
    shown, locked, _ = _run(InputError("That case does not exist or is not assigned to you."))
    assert shown == ["That case does not exist or is not assigned to you."] and locked == []


def test_interrupts_pass_through() -> None:
    shown, locked, passed_on = _run(KeyboardInterrupt())
    assert passed_on == [KeyboardInterrupt] and shown == [] and locked == []
