"""Start-up: the first screen comes up without the screens behind it, and says when it is up.

``safecase`` runs in a child process, as the desktop menu starts it (alone, the vault in
$SAFECASE_VAULT) or with ``--vault``, with ``SAFECASE_QUIT_AFTER_FIRST_SCREEN=1`` (the hook the
start-up benchmark and a build's smoke test use): it prints its marker once the first screen has
painted and quits. When it has gone, the child lists the modules it loaded: none of a later screen,
nor the key and database code that only signing in needs (see safecase.ui on how screens are
imported), and started alone, not the command line either. How long that takes is
tests/benchmarks/bench_startup.py's business.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

import safecase
from safecase.ui.shell.first_screen import (
    ENV_QUIT_AFTER_FIRST_SCREEN,
    FIRST_SCREEN_MARKER,
    FirstScreenProbe,
    quit_after_first_screen_requested,
)

# Runs SafeCase as the ``safecase`` command does (the arguments after its own), then reports what it
# had loaded by the time it quit.
CHILD = """
import atexit, sys
atexit.register(lambda: print("loaded:", " ".join(sorted(sys.modules)), flush=True))
sys.argv = ["safecase", *sys.argv[1:]]
from safecase.start import main
main()
"""

# Modules of screens behind the first one, and what only they (or signing in) need.
LATER = (
    "safecase.ui.shell.main_window",
    "safecase.ui.shell.idle",  # auto-lock and Ctrl+L start with a session
    "safecase.ui.shell.lock_shortcut",
    "safecase.ui.shell.change_password",
    "safecase.ui.common.recovery_key",  # create-vault's second page, once the vault exists
    "safecase.ui.pages",
    "safecase.ui.case",
    "safecase.ui.admin",
    "safecase.cli._cases",
    "safecase.cli._evidence",
    "safecase.cli._takedowns",
    "safecase.cli._users",
    "safecase.cli._vault",
    "safecase.services.access",
    "safecase.services.session",
    "safecase.services.evidence",
    "safecase.services.backups",
    "safecase.crypto",
    "safecase.vault.connection",
    "safecase.vault.keyfile",
    "safecase.imaging",
    "safecase.pdf",
    "safecase.reports",
    "sqlcipher3",
    "cryptography",
    "xlsxwriter",
    "zxcvbn",
)


def _first_screen(vault: Path, home: Path, *, alone: bool) -> tuple[str, set[str]]:
    """Start SafeCase on ``vault``: ``safecase`` alone (the vault in $SAFECASE_VAULT), else ``safecase --vault``."""
    src = Path(safecase.__file__).resolve().parents[1]
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        ENV_QUIT_AFTER_FIRST_SCREEN: "1",
        "PYTHONPATH": os.pathsep.join([str(src), os.environ.get("PYTHONPATH", "")]),
        "XDG_CONFIG_HOME": str(home / "config"),  # the window geometry SafeCase remembers
        "SAFECASE_VAULT": str(vault if alone else home / "not-this-one"),
    }
    arguments = [] if alone else ["--vault", str(vault)]
    result = subprocess.run(
        [sys.executable, "-c", CHILD, *arguments], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines.count(FIRST_SCREEN_MARKER) == 1, result.stdout
    loaded = next(line for line in lines if line.startswith("loaded: "))
    return lines[0], set(loaded.removeprefix("loaded: ").split())


def _later_screens(loaded: set[str]) -> list[str]:
    return sorted(m for m in loaded if any(m == prefix or m.startswith(prefix + ".") for prefix in LATER))


@pytest.mark.parametrize("alone", [True, False], ids=["safecase", "safecase --vault"])
def test_sign_in_comes_up_without_later_screens(center_vault: Path, tmp_path: Path, alone: bool) -> None:
    first, loaded = _first_screen(center_vault, tmp_path, alone=alone)
    assert first == FIRST_SCREEN_MARKER
    assert "safecase.ui.shell.sign_in" in loaded
    assert "safecase.ui.shell.create_vault" not in loaded
    assert _later_screens(loaded) == []
    # Alone, as the desktop menu starts it, SafeCase needs no command-line parser.
    assert ("click" in loaded, "safecase.cli" in loaded) == (not alone, not alone)


@pytest.mark.parametrize("alone", [True, False], ids=["safecase", "safecase --vault"])
def test_create_vault_comes_up_without_later_screens(vault_dir: Path, tmp_path: Path, alone: bool) -> None:
    first, loaded = _first_screen(vault_dir, tmp_path, alone=alone)
    assert first == FIRST_SCREEN_MARKER
    assert "safecase.ui.shell.create_vault" in loaded
    assert "safecase.ui.shell.sign_in" not in loaded  # the first run may end without signing in
    # zxcvbn rates a password once one is typed, not before.
    assert _later_screens(loaded) == []
    assert ("click" in loaded) == (not alone)
    # Quitting at the first screen leaves no vault behind, only the folder with its lock.
    assert not (vault_dir / "keys.json").exists()


def test_the_hook_is_off_unless_asked_for_exactly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_QUIT_AFTER_FIRST_SCREEN, raising=False)
    assert not quit_after_first_screen_requested()
    for value in ("0", "", "yes", "true"):
        monkeypatch.setenv(ENV_QUIT_AFTER_FIRST_SCREEN, value)
        assert not quit_after_first_screen_requested(), value
    monkeypatch.setenv(ENV_QUIT_AFTER_FIRST_SCREEN, "1")
    assert quit_after_first_screen_requested()


def test_the_probe_reports_the_first_shown_window_once_it_is_exposed(
    qtbot: QtBot, capsys: pytest.CaptureFixture[str]
) -> None:
    stops: list[None] = []
    first = QLabel("first")
    qtbot.addWidget(first)
    first.show()
    probe = FirstScreenProbe(lambda: stops.append(None))
    probe.watch()
    qtbot.waitUntil(lambda: len(stops) == 1)
    handle = first.windowHandle()
    assert handle is not None and handle.isExposed()
    # Later windows and later exposures are not reported again.
    second = QLabel("second")
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    first.hide()
    first.show()
    qtbot.waitExposed(first)
    qtbot.wait(50)
    assert len(stops) == 1
    assert capsys.readouterr().out == FIRST_SCREEN_MARKER + "\n"


# ``safecase`` alone builds its first screen with the cyclic garbage collector off (see safecase/start.py).
GC_CHILD = """
import gc, sys
import safecase.ui.shell.app as app
app.run_app = lambda vault, **kwargs: print("collecting while the window starts:", gc.isenabled()) or 0
sys.argv = ["safecase"]
from safecase.start import main
try:
    main()
except SystemExit:
    pass
print("collecting once it returns:", gc.isenabled())
"""


def test_safecase_alone_starts_without_garbage_collection_and_commands_keep_it(tmp_path: Path) -> None:
    env = {**os.environ, "SAFECASE_VAULT": str(tmp_path / "vault"), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", GC_CHILD], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert "collecting while the window starts: False" in result.stdout, result.stderr
    assert "collecting once it returns: True" in result.stdout  # whichever way it returns
    through_the_command_line = subprocess.run(
        [sys.executable, "-c", GC_CHILD.replace('["safecase"]', '["safecase", "--vault", sys.argv[1]]'), str(tmp_path)],
        env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert "collecting while the window starts: False" in through_the_command_line.stdout, (
        through_the_command_line.stderr
    )
    assert "collecting once it returns: True" in through_the_command_line.stdout
    command = subprocess.run(
        [sys.executable, "-c", "import gc, sys; sys.argv = ['safecase', '--version']\n"
         "from safecase.start import main\ntry:\n    main()\nexcept SystemExit:\n    pass\nprint(gc.isenabled())"],
        env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert command.stdout.strip().endswith("True"), command.stderr


def test_garbage_collection_resumes_once_the_first_screen_is_up() -> None:
    import gc

    from safecase.ui.shell.app import resume_garbage_collection

    frozen = gc.get_freeze_count()
    resume_garbage_collection()  # already on (tests, --vault): nothing is frozen
    assert gc.isenabled() and gc.get_freeze_count() == frozen
    gc.disable()
    try:
        resume_garbage_collection()
        assert gc.isenabled()
        assert gc.get_freeze_count() > frozen  # start-up's objects are left out of later collections
    finally:
        gc.enable()
        gc.unfreeze()
