"""SafeCase on a 1366x768 screen, the most common size of an office laptop: every window fits and opens
centred. The offscreen platform takes its screens from a JSON file (``offscreen:configfile=…``), so
SafeCase runs in a child process on a screen of that size (tests/ui/screen_driver.py). Its pictures go
to test-artifacts/screenshots/1366x768-*.png for a person to look at."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from gui_cases_support import seed

import safecase


def test_windows_fit_a_1366x768_screen(center_vault: Path, tmp_path: Path) -> None:
    work = seed(center_vault)
    screen = tmp_path / "screen.json"
    screen.write_text(
        json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96}]})
    )
    driver = Path(__file__).with_name("screen_driver.py")
    src = Path(safecase.__file__).resolve().parents[1]
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
        "PYTHONPATH": os.pathsep.join([str(src), str(driver.parent), os.environ.get("PYTHONPATH", "")]),
    }
    result = subprocess.run(
        [sys.executable, str(driver), str(center_vault), str(work.minji), "1366x768"],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    for window in ("sign-in window", "main window", "case window"):
        assert f"the {window} lies on the screen" in lines, result.stdout
        assert f"the {window} is centred" in lines, result.stdout
    # The main and case windows keep their designed size on this screen (frames added by the platform).
    assert any(line.startswith("main window: 1104x724 ") for line in lines), result.stdout
    assert any(line.startswith("case window: 984x704 ") for line in lines), result.stdout
