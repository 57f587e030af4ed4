"""Benchmark: the longest stall of the UI thread while a person lists, filters, searches and opens cases.

Run on demand (not part of the test run):

    .venv/bin/python tests/benchmarks/bench_ui_stalls.py [--cases 100000] [--vault DIR]

Builds a vault of ``--cases`` demo cases as ``bench_cases.py`` does (or reuses the demo vault at
``--vault``, which is kept for the next run), starts the real app offscreen, signs in as a supervisor
(who sees every case) and drives the real widgets: the Today page that opens first, the Cases list
(first screen, scrolling), filter changes, typing a search, and opening cases with every tab of their
window. Meanwhile a heartbeat timer on the UI thread ticks every 5 ms; the longest gap between two
ticks, less the 5 ms, is how long the window could not repaint or answer a key. Each activity waits
until the screen shows its result (no background read still running), so a read moved off the UI
thread counts only for what the UI thread itself spends. Goal: under 50 ms everywhere.

Every activity runs ``--rounds`` times; the table gives the longest stall of all rounds and the median
of each round's longest, and a control round (the event loop alone, nothing happening) shows how much
the machine itself stalls the process. Signing in and the first case window build widgets for the
first time, so they are reported apart. ``--why`` names, for each stall over 30 ms, the Python code
the UI thread was in (or the event loop, when Qt itself or a wait for the GIL held it).
"""

from __future__ import annotations

import argparse
import collections
import statistics
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from bench_cases import SUPERVISOR, SUPERVISOR_PASSWORD, reuse_or_build
from PySide6.QtCore import QCoreApplication, QElapsedTimer, Qt, QTimer
from PySide6.QtWidgets import QApplication

from safecase.domain.cases import CaseStatus, RiskLevel
from safecase.ui.case.case_window import CaseWindow
from safecase.ui.shell.controller import SafeCaseApp
from safecase.ui.shell.main_window import CASES

TICK_MS = 5
GOAL_MS = 50.0
SEARCHES = ("텔레그램방", "협박", "2026-0")


class Heartbeat:
    """A 5 ms timer on the UI thread that remembers the longest gap between its ticks."""

    def __init__(self, why: bool = False) -> None:
        self._clock = QElapsedTimer()
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._last = 0
        self._last_s = time.perf_counter()
        self.longest = 0
        self.results: dict[str, list[float]] = {}
        self.where: collections.Counter[str] = collections.Counter()
        if why:
            threading.Thread(target=self._watch, args=(threading.get_ident(),), daemon=True).start()

    def start(self) -> None:
        self._clock.start()
        self._last = 0
        self._timer.start()

    def _tick(self) -> None:
        now = self._clock.elapsed()
        self.longest = max(self.longest, now - self._last)
        self._last = now
        self._last_s = time.perf_counter()

    def _watch(self, ui_thread: int) -> None:
        """Every 3 ms: if the UI thread has not ticked for 30 ms, note the Python code it is in."""
        while True:
            time.sleep(0.003)
            if time.perf_counter() - self._last_s < 0.030:
                continue
            frame = sys._current_frames().get(ui_thread)
            stack = [f for f in traceback.extract_stack(frame) if "bench_ui_stalls" not in f.filename]
            where = " < ".join(f"{Path(f.filename).stem}.{f.name}:{f.lineno}" for f in reversed(stack[-3:]))
            self.where[where or "the event loop (Qt, or waiting for the GIL)"] += 1

    @contextmanager
    def activity(self, name: str) -> Iterator[None]:
        QCoreApplication.processEvents()
        self._last = self._clock.elapsed()
        self.longest = 0
        yield
        self._tick()
        stall = max(0.0, float(self.longest - TICK_MS))
        self.results.setdefault(name, []).append(stall)
        print(f"  {name:<13} longest stall {stall:6.0f} ms", flush=True)


def pump(ms: int) -> None:
    """Run the event loop for ``ms`` milliseconds (the heartbeat keeps ticking meanwhile)."""
    deadline = time.perf_counter() + ms / 1000
    while time.perf_counter() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.001)


def settle(app: SafeCaseApp, done: Callable[[], bool] = lambda: True, timeout_s: float = 60.0) -> None:
    """Run the event loop until nothing is loading any more and ``done()`` holds."""
    deadline = time.perf_counter() + timeout_s
    quiet_since: float | None = None
    while time.perf_counter() < deadline:
        QCoreApplication.processEvents()
        window = app.main_window
        searching = window is not None and window.cases is not None and window.cases._search_timer.isActive()
        idle = not app.tasks.busy and not getattr(app.tasks, "querying", False) and not searching and done()
        now = time.perf_counter()
        if not idle:
            quiet_since = None
        elif quiet_since is None:
            quiet_since = now
        elif now - quiet_since > 0.03:
            return
        time.sleep(0.001)
    sys.exit("timed out waiting for the app to settle")


def run(vault: Path, opens: int, rounds: int, why: bool) -> Heartbeat:
    qt = QApplication.instance() or QApplication(sys.argv)
    heartbeat = Heartbeat(why)
    app = SafeCaseApp(vault, remember_geometry=False)
    app.start()
    heartbeat.start()
    pump(200)
    window_in = app.sign_in_window
    window_in.name_edit.setText(SUPERVISOR)
    window_in.password_edit.setText(SUPERVISOR_PASSWORD)

    # Signing in builds the main window with every page (widgets, not reads): reported apart.
    with heartbeat.activity("sign-in"):
        window_in.sign_in_button.click()
        settle(app, lambda: app.main_window is not None and app.main_window.isVisible())
        pump(100)
        settle(app)
    main = app.main_window
    assert main is not None and main.cases is not None and main.today is not None
    page = main.cases

    for round_ in range(rounds):
        print(f"round {round_ + 1}")
        with heartbeat.activity("control"):
            pump(1000)

        with heartbeat.activity("today"):
            main.today.refresh()
            settle(app)

        with heartbeat.activity("list"):
            if round_ == 0:
                main.show_page(CASES)  # the first screen, read when the page is first shown
            else:
                page.refresh()
            settle(app, lambda: page.model.rowCount() > 0)
            pump(50)
            for fraction in (0.1, 0.5, 0.9, 1.0, 0.0):
                bar = page.table.verticalScrollBar()
                bar.setValue(int(bar.maximum() * fraction))
                pump(30)
                settle(app)
        print(f"    {page.count_label.text()}")

        with heartbeat.activity("filter"):
            page.risk_combo.setCurrentIndex(page.risk_combo.findData([RiskLevel.HIGH.value, RiskLevel.URGENT.value]))
            settle(app)
            page.status_combo.setCurrentIndex(page.status_combo.findData([CaseStatus.ACTIVE.value]))
            settle(app)
            page.overdue_check.setChecked(True)
            settle(app)
            print(f"    {page.count_label.text()}")
            page.clear_filters()
            settle(app)
            page.counselor_combo.setCurrentIndex(1 + round_ % (page.counselor_combo.count() - 1))
            settle(app)
            page.clear_filters()
            settle(app)

        with heartbeat.activity("search"):
            for word in SEARCHES:
                page.search_edit.clear()
                for end in range(1, len(word) + 1):
                    page.search_edit.setText(word[:end])  # a keystroke (Hangul arrives composed)
                    pump(90)
                settle(app)
                print(f"    {word}: {page.count_label.text()}")
            page.clear_filters()
            settle(app)

        # The first case window builds its widget classes for the first time; later ones are typical.
        for number in range(opens):
            first = round_ == 0 and number == 0
            with heartbeat.activity("open (first)" if first else "open"):
                case_id = page.model.case_id((round_ * opens + number) * 7)
                case_window = main.open_case(case_id)
                assert isinstance(case_window, CaseWindow)
                settle(app)
                for tab in range(case_window.tabs.count()):
                    case_window.show_tab(tab)
                    pump(20)
                    settle(app)
                case_window.force_close()
                settle(app)

    app.quit()
    app.shutdown()
    QCoreApplication.processEvents()
    del qt
    return heartbeat


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--opens", type=int, default=3, help="cases opened in each round")
    parser.add_argument("--why", action="store_true", help="name the code the UI thread was in during stalls")
    parser.add_argument("--vault", type=Path, default=None, help="build here, or reuse the demo vault found here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        root = args.vault or Path(scratch) / "vault"
        reuse_or_build(root, args.cases, args.seed)
        heartbeat = run(root, args.opens, args.rounds, args.why)
    results = heartbeat.results
    print()
    print(f"UI-thread stalls at {args.rounds} rounds (heartbeat every {TICK_MS} ms; goal < {GOAL_MS:.0f} ms)")
    print(f"  {'activity':<13} {'longest':>8} {'median':>8}")
    for name, stalls in results.items():
        longest = max(stalls)
        verdict = "" if name == "control" else ("ok" if longest < GOAL_MS else "MISSED")
        print(f"  {name:<13} {longest:6.0f} ms {statistics.median(stalls):5.0f} ms  {verdict}")
    work = {k: max(v) for k, v in results.items() if k != "control"}
    warm = {k: v for k, v in work.items() if k not in ("sign-in", "open (first)")}
    print(f"  {'overall':<13} {max(work.values()):6.0f} ms")
    print(f"  {'overall, warm':<13} {max(warm.values()):6.0f} ms  (without sign-in and the first case window)")
    if heartbeat.where:
        print("where the UI thread was during stalls over 30 ms (samples every 3 ms):")
        for where, count in heartbeat.where.most_common(12):
            print(f"  {count:4d}  {where}")
    print(f"[{time.strftime('%Y-%m-%d')}]")


if __name__ == "__main__":
    main()
