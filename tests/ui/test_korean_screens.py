"""Every main screen and dialog in Korean on a 1366x768 screen: nothing cut off, nothing squeezed.

``korean_screens.py`` does the work in a process of its own (Qt fixes the screen size at start-up); the
PNGs land in ``test-artifacts/screenshots/ko`` for a person to look at.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from gui_support import SCREENSHOTS

HERE = Path(__file__).resolve().parent
SCREEN = HERE / "screen-1366x768.json"


def test_korean_screens_at_1366x768_show_all_their_text() -> None:
    out = SCREENSHOTS / "ko"
    src = HERE.parents[1] / "src"
    path = os.pathsep.join([str(src), str(HERE.parent), str(HERE), os.environ.get("PYTHONPATH", "")])
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={SCREEN}", "PYTHONPATH": path}
    done = subprocess.run(
        [sys.executable, str(HERE / "korean_screens.py"), str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    screens = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    names = {screen["screen"] for screen in screens}
    assert {"create-vault", "sign-in", "counselor-today", "case-tab-1", "quick-intake", "admin-tab-1"} <= names
    assert len(screens) >= 40
    for screen in screens:
        width, height = screen["size"]
        assert width <= 1366 and height <= 768, f"{screen['screen']} does not fit the screen: {width}x{height}"
    cut = {screen["screen"]: screen["cut_off"] for screen in screens if screen["cut_off"]}
    assert cut == {}, json.dumps(cut, ensure_ascii=False, indent=1)
