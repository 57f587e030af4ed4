"""Errors a person may see.

Every error that can reach a user derives from :class:`SafeCaseError` and carries a message that is
already translated and safe to show: no secrets, no case content, no stack trace. The CLI prints it on
one line and exits 1; the GUI shows it in a dialog.
"""

from __future__ import annotations


class SafeCaseError(Exception):
    """Base for errors with a message fit for the person using SafeCase."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class VaultNotFoundError(SafeCaseError):
    """No vault at the given folder."""


class VaultExistsError(SafeCaseError):
    """A vault is already there; we never overwrite one silently."""


class VaultFormatError(SafeCaseError):
    """A file of the vault is damaged, truncated, edited, from another vault or from a newer SafeCase."""


class NewerVersionError(VaultFormatError):
    """A file written by a newer SafeCase; refused rather than half-understood."""


class AuthenticationError(SafeCaseError):
    """Wrong user name or password (deliberately not saying which).

    ``retry_after`` is the delay the next attempt must wait (0 while attempts are still free), so a
    sign-in screen can start its countdown at once.
    """

    def __init__(self, message: str, retry_after: float = 0.0) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class ThrottledError(SafeCaseError):
    """Too many failed sign-ins; try again after ``seconds``."""

    def __init__(self, message: str, seconds: float) -> None:
        super().__init__(message)
        self.seconds = seconds


class AccountDisabledError(AuthenticationError):
    """The account exists but has been disabled."""


class PermissionDeniedError(SafeCaseError):
    """The signed-in user's roles do not allow this."""


class PasswordPolicyError(SafeCaseError):
    """A new password does not meet the policy; ``problems`` lists every reason."""

    def __init__(self, message: str, problems: list[str]) -> None:
        super().__init__(message)
        self.problems = problems


class InputError(SafeCaseError):
    """Bad input from a person (unknown user, bad role name, ...)."""


class BackupError(SafeCaseError):
    """A backup could not be written, or a backup file is damaged or not ours."""


class VaultLockedError(SafeCaseError):
    """The vault session was locked; sign in again."""


class CancelledError(SafeCaseError):
    """The person cancelled long work (adding or exporting a file); nothing of it was kept."""
