"""The ``safecase`` command: the desktop app when run bare, vault administration with a sub-command.

A thin layer over :mod:`safecase.services`. Exit codes: 0 success, 1 failure (one line on stderr,
``safecase: error: <message>``), 2 usage error, 130 interrupted.
"""

from __future__ import annotations

import gc
import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import cast

import click

from safecase.domain.errors import SafeCaseError
from safecase.i18n import tr
from safecase.services import process

from ._base import SafeCaseGroup, user_option, vault_option, vault_path
from ._language import install_from_environment, translate_help

__all__ = ["cli", "main"]


class _SafeCaseCommands(SafeCaseGroup):
    """The root group. Its sub-commands' modules are imported when a sub-command is asked for (to run it,
    or by --help), not with this module: ``safecase`` alone opens the window, whose first screen must not
    wait for every service the commands use (start-up time, tests/benchmarks/bench_startup.py)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        self._add_commands()
        return super().list_commands(ctx)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        self._add_commands()
        return super().get_command(ctx, cmd_name)

    def _add_commands(self) -> None:
        if self.commands:
            return
        from ._cases import case_group, demo_command, import_cases_command
        from ._evidence import evidence_group
        from ._reports import report_command
        from ._takedowns import takedown_group
        from ._users import user_group
        from ._vault import audit, backup, init_vault, restore, verify

        for command in (
            init_vault,
            user_group,
            verify,
            audit,
            backup,
            restore,
            case_group,
            evidence_group,
            takedown_group,
            import_cases_command,
            demo_command,
            report_command,
        ):
            self.add_command(command)
            translate_help(command)  # main() translated the root's help before these existed


def _start_app(vault: Path, smoke_test: bool) -> None:
    """The GUI, imported only now so that sub-commands never load Qt widgets."""
    gc.disable()  # until the first screen is up, as for ``safecase`` alone (see safecase/start.py)
    try:
        try:
            module = importlib.import_module("safecase.ui.shell.app")
        except ImportError as exc:
            raise SafeCaseError(tr("The SafeCase window cannot start here ({reason}).").format(reason=exc)) from None
        run_app = cast(Callable[..., int], module.run_app)
        code = run_app(vault, smoke_test=True) if smoke_test else run_app(vault)
    finally:
        gc.enable()  # run_app turned it on with the first screen; this is for every other way out
    sys.exit(code)


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """``--version``: SafeCase's version and the newest vault format it writes (one line each)."""
    if not value or ctx.resilient_parsing:
        return
    from safecase.services import about  # the vault format comes from the migrations: not for the window

    click.echo(tr("%(prog)s %(version)s") % {"prog": "safecase", "version": about.app_version()})
    click.echo(tr("Vault format {format}").format(format=about.vault_format_version()))
    ctx.exit()


@click.group(
    cls=_SafeCaseCommands,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=tr("SafeCase: encrypted, offline casework. Without a command, opens the SafeCase window."),
)
@vault_option
@user_option
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help=tr("Show the version and the vault format, then exit."),
)
# For the installers' smoke test (not for people): open the window, report the first screen, quit.
@click.option("--smoke-test", is_flag=True, hidden=True)
@click.pass_context
def cli(ctx: click.Context, smoke_test: bool) -> None:
    if ctx.invoked_subcommand is None:
        _start_app(vault_path(ctx), smoke_test)


def main() -> None:
    """Console-script entry point: the language first (before any message), harden the process, run."""
    install_from_environment(cli)
    process.harden()
    cli.main(prog_name="safecase")
