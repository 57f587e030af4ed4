"""The ``safecase`` command speaks the language of its environment: Korean under ``LANG=ko_KR.UTF-8``.

Run as real processes: the language is installed by ``main()`` from the environment before anything is
printed, which an in-process CliRunner (calling the command group directly) never goes through.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from safecase.i18n import LANGUAGE_VARIABLES


def _run(args: list[str], **language: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in LANGUAGE_VARIABLES and not k.startswith("SAFECASE_")}
    env.update(language)
    return subprocess.run(
        [sys.executable, "-m", "safecase", *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )


def test_an_error_is_korean_under_a_korean_lang_and_english_under_c(tmp_path: Path) -> None:
    args = ["user", "list", "--vault", str(tmp_path / "nowhere"), "--user", "jkim"]
    korean = _run(args, LANG="ko_KR.UTF-8")
    assert korean.returncode == 1
    assert korean.stderr == f"safecase: 오류: {tmp_path / 'nowhere'}에 SafeCase 암호화 보관함이 없습니다.\n"
    english = _run(args, LANG="C")
    assert english.returncode == 1
    assert english.stderr == f"safecase: error: No SafeCase vault was found at {tmp_path / 'nowhere'}.\n"


def test_lc_all_decides_over_lang_as_gettext_reads_them(tmp_path: Path) -> None:
    result = _run(["user", "list", "--vault", str(tmp_path), "--user", "jkim"], LANG="ko_KR.UTF-8", LC_ALL="C.UTF-8")
    assert result.stderr.startswith("safecase: error: No SafeCase vault was found")


def test_help_and_clicks_own_usage_errors_are_korean() -> None:
    helped = _run(["init", "--help"], LANG="ko_KR.UTF-8")
    assert helped.returncode == 0
    assert helped.stdout.startswith("사용법: safecase init [OPTIONS]")
    assert "첫 관리자와 함께 새 암호화 보관함을 만들고 복구 키를 출력합니다." in helped.stdout
    assert "첫 관리자의 아이디입니다." in helped.stdout  # an option's help, built at import, translated at start
    assert "이 도움말을 보여 주고 끝냅니다." in helped.stdout  # click's own
    missing = _run(["init"], LANG="ko_KR.UTF-8")
    assert missing.returncode == 2
    assert missing.stderr.strip().endswith("오류: 빠진 옵션: '--admin'.")
    assert "Usage" not in missing.stderr and "Error" not in missing.stderr
