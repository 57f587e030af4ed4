"""Benchmark: time from process start to SafeCase's first screen, against a bare PySide6 window.

Run on demand (not part of the test run):

    .venv/bin/python tests/benchmarks/bench_startup.py [--runs 10] [--frozen dist/safecase/safecase]

Starts, side by side in one run, a bare PySide6 program (a window with a QLabel and a QLineEdit),
SafeCase on an existing vault (its first screen is sign-in) and SafeCase on an empty folder (its first
screen is create-vault), each ``--runs`` times, interleaved so that whatever else the machine does
weighs on all of them alike (one unrecorded warm-up run each first). SafeCase starts as the desktop
menu starts it: ``safecase`` alone, the vault in ``$SAFECASE_VAULT`` (see ``safecase/start.py``); one
more row starts it through the command line (``safecase --vault DIR``), for comparison.

A run lasts from just before the process is started until it prints, on stdout, that its first window
has been exposed and so painted: SafeCase does that when ``SAFECASE_QUIT_AFTER_FIRST_SCREEN=1`` is set
(see ``safecase/ui/shell/first_screen.py``), the bare program by the same event filter, and both then
quit. Prints the median of each and two ratios to the bare window: of the medians, and the median of
the ratios within each round (*paired*: the programs of one round run back to back, so a round that
the machine slowed down slows all of them; on this shared 2-core machine a program's own times spread
by +-25 % from run to run, the paired ratio by far less). Goal: at most 1.5x, judged on the paired
ratio. The processor
time each child used until it exited (user + system, quitting included) is printed too: on a machine
busy with other work it varies less than the wall time, which waits for the processor as well.

With ``--instructions`` each program also runs once under valgrind (callgrind), which counts the
instructions it executed to its first screen: the same count for the same build whatever else the
machine is doing (wall times on a shared machine spread by a quarter from run to run), so the ratio
is the steadiest measure of what SafeCase adds; it leaves out time spent waiting on files.

SafeCase runs from this source tree, as the ``safecase`` command that pip installs runs it, with its
modules compiled as an installed SafeCase has them; with ``--frozen PATH`` also as that frozen build
(the PyInstaller one-folder build's ``safecase`` executable), started the same way. Every program
runs on the offscreen platform (``--platform`` to change it), with its settings in a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from safecase.services import access
from safecase.ui.shell.first_screen import ENV_QUIT_AFTER_FIRST_SCREEN, FIRST_SCREEN_MARKER

GOAL_RATIO = 1.5
TIMEOUT_S = 60.0

# The yardstick: the least a PySide6 program does to show a window a person can type into, reporting
# its first exposure (and so paint) exactly as SafeCase's FirstScreenProbe does.
BARE_PROGRAM = f"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QVBoxLayout, QWidget

class Probe(QObject):
    done = False

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Expose:
            QTimer.singleShot(0, self.check)
        return False

    def check(self):
        if not self.done and window.windowHandle().isExposed():
            self.done = True
            print({FIRST_SCREEN_MARKER!r}, flush=True)
            app.quit()

app = QApplication(sys.argv)
window = QWidget()
column = QVBoxLayout(window)
column.addWidget(QLabel("Name:"))
column.addWidget(QLineEdit())
window.show()
probe = Probe()
window.windowHandle().installEventFilter(probe)
probe.check()
sys.exit(app.exec())
"""


@dataclass
class Program:
    name: str
    command: list[str]
    vault: Path | None = None
    """Handed over in $SAFECASE_VAULT."""
    times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    def median(self) -> float:
        return statistics.median(self.times)

    def environment(self, env: dict[str, str]) -> dict[str, str]:
        return env if self.vault is None else {**env, "SAFECASE_VAULT": str(self.vault)}

    def run(self, env: dict[str, str]) -> None:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.times.append(time_to_first_screen(self.command, self.environment(env)))
        after = resource.getrusage(resource.RUSAGE_CHILDREN)  # children are waited for one at a time
        self.cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)


def time_to_first_screen(command: list[str], env: dict[str, str]) -> float:
    """Seconds from starting ``command`` until it prints the first-screen marker (it then quits by itself)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    assert process.stdout is not None
    elapsed = None
    for line in process.stdout:
        if line.strip() == FIRST_SCREEN_MARKER:
            elapsed = time.perf_counter() - start
            break
    try:
        _, stderr = process.communicate(timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        _, stderr = process.communicate()
    if elapsed is None or process.returncode != 0:
        sys.exit(f"{' '.join(command)} did not reach its first screen (exit {process.returncode}):\n{stderr}")
    return elapsed


def instructions(command: list[str], env: dict[str, str]) -> int:
    """Instructions ``command`` executes until it quits after its first screen (valgrind's callgrind)."""
    run = subprocess.run(
        # Children too: the frozen build's launcher starts the program again with its libraries' path set.
        ["valgrind", "--tool=callgrind", "--trace-children=yes", "--callgrind-out-file=/dev/null", *command],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    found = re.findall(r"Collected : (\d+)", run.stderr)
    if run.returncode != 0 or FIRST_SCREEN_MARKER not in run.stdout or not found:
        sys.exit(f"{' '.join(command)} under valgrind did not reach its first screen:\n{run.stderr[-2000:]}")
    return sum(int(count) for count in found)


def child_environment(work: Path, platform: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "QT_QPA_PLATFORM": platform,
            ENV_QUIT_AFTER_FIRST_SCREEN: "1",
            # Window geometry SafeCase remembers goes here, not into the person's own settings.
            "XDG_CONFIG_HOME": str(work / "config"),
            "XDG_DATA_HOME": str(work / "data"),
            # Compiled modules, as an installed SafeCase has them (pip and PyInstaller compile them):
            # written by the warm-up run, here rather than beside the sources.
            "PYTHONPYCACHEPREFIX": str(work / "pycache"),
        }
    )
    env.pop("SAFECASE_VAULT", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # else every run compiles every module of SafeCase
    src = Path(__file__).resolve().parents[2] / "src"
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(src), env.get("PYTHONPATH", "")) if p)
    return env


def make_vault(root: Path) -> Path:
    created = access.create_vault(root, "admin", "benchmark pass phrase, long enough")
    created.session.close()
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="runs of each program (median reported)")
    parser.add_argument("--frozen", type=Path, help="also measure this frozen SafeCase executable")
    parser.add_argument("--platform", default="offscreen", help="Qt platform plugin (default offscreen)")
    parser.add_argument("--instructions", action="store_true", help="also count instructions (needs valgrind)")
    args = parser.parse_args()
    if args.instructions and shutil.which("valgrind") is None:
        sys.exit("--instructions needs valgrind (Debian: apt install valgrind)")
    if args.frozen is not None and not os.access(args.frozen, os.X_OK):
        sys.exit(f"--frozen {args.frozen}: not an executable file")

    with tempfile.TemporaryDirectory(prefix="safecase-bench-startup-") as tmp:
        work = Path(tmp)
        env = child_environment(work, args.platform)
        vault = make_vault(work / "vault")
        empty = work / "new-vault"
        # What the ``safecase`` command that pip installs runs (its script imports main and calls it).
        safecase = [sys.executable, "-c", "import sys; from safecase.start import main; sys.exit(main())"]
        programs = [
            Program("bare PySide6 window", [sys.executable, "-c", BARE_PROGRAM]),
            Program("SafeCase sign-in", safecase, vault),
            Program("SafeCase create-vault", safecase, empty),
            Program("  same, safecase --vault", [*safecase, "--vault", str(vault)]),
        ]
        if args.frozen is not None:
            frozen = [str(args.frozen.resolve())]
            programs.append(Program("frozen sign-in", frozen, vault))
            programs.append(Program("frozen create-vault", frozen, empty))

        for program in programs:  # warm-up: files into the page cache, .pyc written
            time_to_first_screen(program.command, program.environment(env))
        for run in range(args.runs):
            # A different program goes first each round, so none always follows the same neighbour.
            order = programs[run % len(programs) :] + programs[: run % len(programs)]
            for program in order:
                program.run(env)
        counted = {p.name: instructions(p.command, p.environment(env)) for p in programs} if args.instructions else {}

    bare, bare_cpu = programs[0].median(), statistics.median(programs[0].cpu)
    print(f"time to first screen, median of {args.runs} runs each ({args.platform}; load {os.getloadavg()[0]:.1f}):")
    print(f"  {'':24} {'wall':>8} {'(min, max)':>12} {'ratio':>6} {'paired':>7} {'':12} {'cpu':>7} {'ratio':>6}")
    for program in programs:
        ratio = program.median() / bare
        paired = statistics.median(t / b for t, b in zip(program.times, programs[0].times, strict=True))
        mark = "" if program is programs[0] else ("  ok" if paired <= GOAL_RATIO else f"  over {GOAL_RATIO}x")
        cpu = statistics.median(program.cpu)
        print(
            f"  {program.name:24} {program.median() * 1000:5.0f} ms"
            f" ({min(program.times) * 1000:4.0f}, {max(program.times) * 1000:4.0f}) {ratio:5.2f}x {paired:6.2f}x{mark:13}"
            f" {cpu * 1000:4.0f} ms {cpu / bare_cpu:5.2f}x"
        )
    if counted:
        bare_count = counted[programs[0].name]
        print("instructions to the first screen (valgrind, one run each):")
        for program in programs:
            count = counted[program.name]
            print(f"  {program.name:24} {count / 1e6:6.0f} M {count / bare_count:5.2f}x")


if __name__ == "__main__":
    main()
