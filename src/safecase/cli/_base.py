"""What every command shares: where the vault is, who signs in, secrets, errors and output.

Secrets never come from a command-line argument (other users can read those in the process list):
a password comes from ``--password-stdin``, ``$SAFECASE_PASSWORD`` or a hidden prompt; a new password
from ``$SAFECASE_NEW_PASSWORD`` or a hidden prompt asked twice.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from safecase.domain.errors import InputError, PasswordPolicyError, SafeCaseError, VaultNotFoundError
from safecase.i18n import tr
from safecase.services import process
from safecase.services.locations import vault_exists

if TYPE_CHECKING:
    from safecase.services.session import VaultSession

ENV_VAULT = "SAFECASE_VAULT"
ENV_USER = "SAFECASE_USER"
ENV_PASSWORD = "SAFECASE_PASSWORD"  # noqa: S105 - the name of a variable, not a password
ENV_NEW_PASSWORD = "SAFECASE_NEW_PASSWORD"  # noqa: S105 - the name of a variable, not a password

EXIT_FAILURE = 1
EXIT_INTERRUPTED = 130

# ctx.meta is shared by a context and all its children, so a value given to a sub-command (parsed
# later) replaces the one given to the group: the sub-command wins.
_META_VAULT = "safecase.vault"
_META_USER = "safecase.user"
_META_PASSWORD_STDIN = "safecase.password_stdin"  # noqa: S105 - a key, not a password
_META_STDIN_USED = "safecase.stdin_used"

F = TypeVar("F", bound=Callable[..., Any])


# --- options ------------------------------------------------------------------------------------------


def _remember(key: str) -> Callable[[click.Context, click.Parameter, Any], None]:
    def callback(ctx: click.Context, param: click.Parameter, value: Any) -> None:
        if value is not None and value is not False:
            ctx.meta[key] = value

    return callback


def vault_option(f: F) -> F:
    return click.option(
        "--vault",
        type=click.Path(path_type=Path, file_okay=False),
        expose_value=False,
        callback=_remember(_META_VAULT),
        help=tr("The vault folder (default: $SAFECASE_VAULT, else your user data folder)."),
    )(f)


def user_option(f: F) -> F:
    return click.option(
        "--user",
        metavar="NAME",
        expose_value=False,
        callback=_remember(_META_USER),
        help=tr("Sign in as NAME (default: $SAFECASE_USER)."),
    )(f)


def password_stdin_option(f: F) -> F:
    return click.option(
        "--password-stdin",
        is_flag=True,
        expose_value=False,
        callback=_remember(_META_PASSWORD_STDIN),
        help=tr("Read the password from the first line of standard input (else $SAFECASE_PASSWORD, else a prompt)."),
    )(f)


def auth_options(f: F) -> F:
    """--vault, --user and --password-stdin, for commands that sign in."""
    return vault_option(user_option(password_stdin_option(f)))


def recovery_key_stdin_option(help_text: str) -> Callable[[F], F]:
    def decorate(f: F) -> F:
        return click.option("--recovery-key-stdin", "recovery_key_stdin", is_flag=True, help=help_text)(f)

    return decorate


# --- where and who ------------------------------------------------------------------------------------


def vault_path(ctx: click.Context) -> Path:
    """``--vault`` of the sub-command, else of the group, else $SAFECASE_VAULT, else the default folder."""
    chosen: Path | None = ctx.meta.get(_META_VAULT)
    if chosen is None:
        from_env = os.environ.get(ENV_VAULT)
        if from_env:
            chosen = Path(from_env)
        else:
            # Imported here: it loads QtCore, which commands given a folder do not need.
            from safecase.services.locations import default_vault_path

            chosen = default_vault_path()
    return chosen.expanduser().absolute()


def existing_vault(ctx: click.Context) -> Path:
    """The vault folder, checked before anyone is asked for a secret."""
    root = vault_path(ctx)
    if not vault_exists(root):
        raise VaultNotFoundError(tr("No SafeCase vault was found at {path}.").format(path=root))
    return root


def acting_user(ctx: click.Context) -> str:
    name: str | None = ctx.meta.get(_META_USER) or os.environ.get(ENV_USER)
    if not name:
        raise click.UsageError(tr("Say who is signing in with --user NAME or $SAFECASE_USER."), ctx)
    return name


# --- secrets ------------------------------------------------------------------------------------------


def terminal_available() -> bool:
    """Whether a hidden prompt can reach a terminal even when standard input is a pipe."""
    if os.name == "nt":
        return True  # getpass reads the console directly
    try:
        fd = os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY)
    except OSError:
        return False
    os.close(fd)
    return True


def prompt_hidden(text: str) -> str:
    """A hidden prompt on the terminal; end of input is an error, Ctrl-C an interruption."""
    try:
        return str(click.prompt(text, hide_input=True, err=True))
    except click.exceptions.Abort as exc:
        if isinstance(exc.__context__, KeyboardInterrupt):
            raise KeyboardInterrupt from None
        raise InputError(tr("No password was entered.")) from None


def read_stdin_line(ctx: click.Context, empty_message: str) -> str:
    """One line of standard input without its line ending (nothing else is stripped)."""
    if ctx.meta.get(_META_STDIN_USED):
        raise click.UsageError(tr("Only one secret can be read from standard input."), ctx)
    ctx.meta[_META_STDIN_USED] = True
    line = sys.stdin.readline()
    line = line.removesuffix("\n").removesuffix("\r")
    if not line:
        raise InputError(empty_message)
    return line


def read_recovery_key(ctx: click.Context) -> str:
    return read_stdin_line(ctx, tr("No recovery key was given on standard input.")).strip()


def read_password(ctx: click.Context, user: str) -> str:
    """The acting user's password: --password-stdin, else $SAFECASE_PASSWORD, else a hidden prompt."""
    if ctx.meta.get(_META_PASSWORD_STDIN):
        return read_stdin_line(ctx, tr("No password was given on standard input."))
    from_env = process.secret_from_environment(ENV_PASSWORD)
    if from_env:
        return from_env
    return prompt_hidden(tr("Password for {name}").format(name=user))


def read_new_password(ctx: click.Context, user: str) -> str:
    """A new password: $SAFECASE_NEW_PASSWORD, else a hidden prompt asked twice."""
    from_env = process.secret_from_environment(ENV_NEW_PASSWORD)
    if from_env:
        return from_env
    if ctx.meta.get(_META_STDIN_USED) and not terminal_available():
        raise InputError(
            tr(
                "Standard input already held a secret; give the new password in $SAFECASE_NEW_PASSWORD "
                "or run the command in a terminal."
            )
        )
    first = prompt_hidden(tr("New password for {name}").format(name=user))
    second = prompt_hidden(tr("Repeat the new password"))
    if first != second:
        raise InputError(tr("The two passwords do not match. Nothing was changed."))
    return first


def reject_two_stdin_secrets(ctx: click.Context, recovery_key_stdin: bool) -> None:
    if recovery_key_stdin and ctx.meta.get(_META_PASSWORD_STDIN):
        raise click.UsageError(tr("--recovery-key-stdin and --password-stdin both read standard input."), ctx)


# --- sessions -----------------------------------------------------------------------------------------


def sign_in(ctx: click.Context, password: str | None = None) -> VaultSession:
    """Sign in; what the sign-in found suspicious (a vault older than this computer saw) goes to stderr."""
    root = existing_vault(ctx)
    name = acting_user(ctx)
    if password is None:
        password = read_password(ctx, name)
    # Imported here, as each command imports its services: ``safecase`` alone opens the window, whose
    # first screen must not wait for the key and database code (tests/benchmarks/bench_startup.py).
    from safecase.services import access

    session = access.sign_in(root, name, password)
    for warning in session.warnings:
        click.echo(tr("safecase: warning: {message}").format(message=_one_line(warning)), err=True)
    return session


@contextmanager
def signed_in(ctx: click.Context, password: str | None = None) -> Iterator[VaultSession]:
    """A session for one command, signed out (database closed, key dropped) when the command ends."""
    session = sign_in(ctx, password)
    try:
        yield session
    finally:
        # sign_out records the sign-out and always closes; a failed audit write must not hide the
        # command's own error.
        with contextlib.suppress(Exception):
            session.sign_out()


# --- errors -------------------------------------------------------------------------------------------


def _one_line(text: str) -> str:
    return " ".join(text.split())


def report_error(message: str, details: Sequence[str] = ()) -> None:
    click.echo(tr("safecase: error: {message}").format(message=_one_line(message)), err=True)
    for detail in details:
        click.echo(f"  - {_one_line(detail)}", err=True)


def _unexpected(exc: Exception) -> str:
    if isinstance(exc, OSError):
        reason = exc.strerror or type(exc).__name__
        if exc.filename:
            reason = f"{reason}: {exc.filename}"
        return tr("A file could not be read or written ({reason}).").format(reason=reason)
    return tr("An unexpected error stopped the command ({kind}). Run “safecase verify” to check the vault.").format(
        kind=type(exc).__name__
    )


def fail(ctx: click.Context, message: str, details: Sequence[str] = ()) -> NoReturn:
    report_error(message, details)
    ctx.exit(EXIT_FAILURE)


class SafeCaseGroup(click.Group):
    """Turns every error of every sub-command into one line on stderr and an exit code.

    0 success; 1 failure (``safecase: error: <message>``, never a traceback or a secret); 2 usage
    error (click's own handling); 130 interrupted.
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, BrokenPipeError):
            raise  # usage errors exit 2; a closed pipe (``safecase audit | head``) ends quietly
        except click.exceptions.Abort as exc:
            if isinstance(exc.__context__, KeyboardInterrupt):
                ctx.exit(EXIT_INTERRUPTED)
            fail(ctx, tr("Cancelled."))
        except KeyboardInterrupt:
            ctx.exit(EXIT_INTERRUPTED)
        except PasswordPolicyError as exc:
            fail(ctx, tr("The new password was not accepted:"), exc.problems)
        except SafeCaseError as exc:
            fail(ctx, exc.message)
        except Exception as exc:
            fail(ctx, _unexpected(exc))


# --- output -------------------------------------------------------------------------------------------


def echo_recovery_key(heading: str, key: str, fingerprint: str) -> None:
    """A recovery key shown once, set apart so it is copied whole, with the fingerprint to check it by."""
    click.echo(heading)
    click.echo()
    click.echo(f"    {key}")
    click.echo()
    click.echo(tr("Fingerprint: {fingerprint}").format(fingerprint=fingerprint))


def echo_json(value: Any) -> None:
    click.echo(json.dumps(value, indent=2, ensure_ascii=False))


def display_width(text: str) -> int:
    """Columns a terminal gives ``text``: Hangul and other wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def pad(text: str, width: int) -> str:
    """``text`` filled with spaces to ``width`` terminal columns (``f"{text:<width}"`` counts Hangul as one)."""
    return text + " " * (width - display_width(text))


def echo_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    rows = [[_one_line(cell) for cell in row] for row in rows]
    widths = [max([display_width(h), *(display_width(row[i]) for row in rows)]) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        padded = [pad(cell, widths[i]) for i, cell in enumerate(cells)]
        return "  ".join(padded).rstrip()

    click.echo(line(headers))
    click.echo(line(["-" * w for w in widths]))
    for row in rows:
        click.echo(line(row))


def local_time(at: datetime) -> str:
    return at.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def human_size(size: int) -> str:
    if size < 1024:
        return tr("{size} bytes").format(size=f"{size:,}")
    value, unit = size / 1024, "KiB"
    for bigger in ("MiB", "GiB"):
        if value < 1024:
            break
        value, unit = value / 1024, bigger
    return tr("{amount} {unit}, {size} bytes").format(amount=f"{value:.1f}", unit=unit, size=f"{size:,}")
