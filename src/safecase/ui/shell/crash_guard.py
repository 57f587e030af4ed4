"""What the app does with an error nobody expected, raised in a Qt slot on the UI thread.

PySide would print the traceback to stderr and carry on with half-updated windows. Instead the error
is logged by type only (a message of a database or service error could quote what it was working
on), the person sees a plain sentence, and when the database itself failed (for example because an
administrator re-encrypted the vault from the command line while this window was open, which makes
this connection's key stale) the app locks, so the next sign-in opens the vault afresh.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication

from safecase.domain.errors import SafeCaseError

_log = logging.getLogger(__name__)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def log_unexpected(logger: logging.Logger, where: str, error: BaseException) -> None:
    """Log an unexpected ``error`` caught at ``where``: its type and the frames it passed, never its message.

    ``logger.exception`` would print the message too (with no logging configured, to stderr, so to the
    journal or ~/.xsession-errors), and a database or service error may quote the case it worked on. The
    frames (file, line, function and source line) are enough to find the fault. Chained causes are
    left out for the same reason: their messages are no safer.
    """
    frames = "".join(traceback.format_tb(error.__traceback__)).rstrip()
    logger.error(
        "%s: %s\nTraceback (most recent call last, message withheld):\n%s", where, type(error).__qualname__, frames
    )


def is_storage_failure(error: BaseException) -> bool:
    """A failure of the database layer (sqlcipher3/sqlite errors, a stale key's MemoryError)."""
    module = type(error).__module__
    return module.startswith(("sqlcipher3", "sqlite3")) or isinstance(error, MemoryError)


def make_hook(
    show_message: Callable[[str], None], lock: Callable[[str], None], previous: ExceptHook = sys.excepthook
) -> ExceptHook:
    """An ``excepthook`` that reports in one sentence and locks after a storage failure."""

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt | SystemExit):
            previous(kind, error, trace)
            return
        if isinstance(error, SafeCaseError):
            _log.warning("unhandled SafeCaseError reached the UI: %s", kind.__name__)
            show_message(error.message)
            return
        _log.error("unexpected %s in the user interface", kind.__name__)
        if is_storage_failure(error):
            lock(
                QCoreApplication.translate(
                    "CrashGuard",
                    "The vault could not be read or written (it may have been re-encrypted by an administrator). "
                    "SafeCase locked itself; sign in again to continue. What was saved is safe.",
                )
            )
            return
        show_message(
            QCoreApplication.translate(
                "CrashGuard",
                "Something unexpected went wrong and that action was not completed. What was saved is safe.",
            )
        )

    return hook
