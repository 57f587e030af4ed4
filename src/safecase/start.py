"""How ``safecase`` starts: alone it opens the window; with anything after it, it is the command line.

``safecase`` alone is how the desktop menu, the Start-menu shortcut and ``scripts/run-app`` start the
app. The window then opens without loading the command line's parser: importing click and the
command definitions took some 40 ms of processor time before the first screen, a tenth of the whole
(tests/benchmarks/bench_startup.py).
The vault is $SAFECASE_VAULT, else the default folder, as for the command line without ``--vault``.
Any argument (``--vault``, a sub-command, ``--help``) goes to :mod:`safecase.cli`, which opens the
window too when given no sub-command.
"""

from __future__ import annotations

import gc
import sys


def main() -> None:
    """Console-script entry point (``safecase``, ``python -m safecase`` and the frozen build)."""
    if len(sys.argv) > 1:
        _command_line()
        return
    # No cyclic garbage collection until the first screen is up (run_app turns it back on): start-up
    # creates tens of thousands of objects that live as long as the process (modules, classes, Qt's
    # enums), and collecting among them while they are made was 3 % of the instructions to the first
    # screen (valgrind, tests/benchmarks/bench_startup.py). Reference counting still frees the rest.
    gc.disable()
    # Harden first, as the command line does: before any secret can be in memory.
    from safecase.services import process

    process.harden()
    try:
        from safecase.ui.shell.app import run_app
    except ImportError:
        gc.enable()
        _command_line()  # Qt cannot load here: the command line says so in its own words
        return
    from safecase.services.locations import default_vault_path

    try:
        code = run_app(default_vault_path().absolute())
    finally:
        gc.enable()  # run_app turned it on with the first screen; this is for every other way out
    sys.exit(code)


def _command_line() -> None:
    from safecase.cli import main as command_line

    command_line()
