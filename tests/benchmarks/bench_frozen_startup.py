"""Benchmark: how long the frozen build (the .deb's program) takes to its first screen, beside a bare
PySide6 window, and how big the build is.

Run on demand (not part of the test run), after ``scripts/build-deb``:

    .venv/bin/python tests/benchmarks/bench_frozen_startup.py [--rounds 10] [--binary PATH]

Each round starts, one after the other, a bare PySide6 window (a label and a line edit; Python with
PySide6, as small as a Qt program in Python gets) and the frozen ``safecase --smoke-test`` on a folder
without a vault, which shows the create-vault screen. Both are started offscreen, paint their window
once and quit, and are timed from process start to exit (wall and CPU time). Prints the medians, the
ratios (issue 11 asks for at most 1.5) and the unpacked size of the build with its largest parts.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BUILT = REPO / "build" / "deb" / "root" / "opt" / "safecase" / "safecase"

BARE_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QVBoxLayout, QWidget
app = QApplication(sys.argv)
window = QWidget()
column = QVBoxLayout(window)
column.addWidget(QLabel("Name"))
column.addWidget(QLineEdit())
window.show()
def done():
    window.grab()
    print("first screen: QWidget", flush=True)
    app.quit()
QTimer.singleShot(0, done)
app.exec()
"""


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run; on a shared machine the CPU time is the
    steadier of the two."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0 or "first screen:" not in result.stdout:
        raise SystemExit(f"{command[0]} failed: {result.stderr.strip()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def largest_parts(folder: Path, count: int = 8) -> list[tuple[int, str]]:
    sizes: dict[str, int] = {}
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            parts = path.relative_to(folder).parts
            key = "/".join(parts[:3]) if parts[:2] == ("_internal", "PySide6") else "/".join(parts[:2])
            sizes[key] = sizes.get(key, 0) + path.stat().st_size
    return sorted(((size, name) for name, size in sizes.items()), reverse=True)[:count]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--binary", type=Path, default=BUILT, help="the frozen safecase (default: build-deb's)")
    args = parser.parse_args()
    if not args.binary.is_file():
        raise SystemExit(f"{args.binary} not found: run scripts/build-deb first")

    with tempfile.TemporaryDirectory() as scratch:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": scratch, "XDG_CONFIG_HOME": scratch}
        env.pop("PYTHONPATH", None)
        bare, frozen = [], []
        for round_ in range(args.rounds):
            bare.append(timed([sys.executable, "-c", BARE_WINDOW], env))
            frozen.append(timed([str(args.binary), "--vault", f"{scratch}/v{round_}", "--smoke-test"], env))

    for what, index in (("wall", 0), ("CPU", 1)):
        bare_median = statistics.median(run[index] for run in bare)
        frozen_median = statistics.median(run[index] for run in frozen)
        print(
            f"{what:>4} time: bare PySide6 window {bare_median * 1000:5.0f} ms, frozen SafeCase "
            f"{frozen_median * 1000:5.0f} ms, ratio {frozen_median / bare_median:4.2f} (goal: at most 1.5)"
        )
    print(f"medians of {args.rounds} rounds; SafeCase to its create-vault screen")

    folder = args.binary.resolve().parent
    total = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"unpacked size           {total / 2**20:7.1f} MiB  in {folder}")
    for size, name in largest_parts(folder):
        print(f"  {size / 2**20:6.1f} MiB  {name}")


if __name__ == "__main__":
    main()
