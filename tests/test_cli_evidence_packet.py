"""``safecase evidence export``: a packet from the real process with no display at all, its output, and
one-line errors for the cases it refuses."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from casework_data import case_fields
from safecase.cli import cli
from safecase.domain.evidence import EvidenceDetails, EvidenceKind
from safecase.services.cases import CaseService
from safecase.services.evidence import EvidenceService
from safecase.services.session import VaultSession
from vault_support import COUNSELOR, COUNSELOR_PASSWORD, SECOND, SECOND_PASSWORD, TeamVault

COUNSELOR_ENV = {"SAFECASE_USER": COUNSELOR, "SAFECASE_PASSWORD": COUNSELOR_PASSWORD}
KOREAN = "텔레그램 채널 캡처"


@pytest.fixture
def seeded(counselor: VaultSession, tmp_path: Path) -> tuple[str, list[int]]:
    """A case of the counselor's with two kept files and a link (the session closes before the commands run)."""
    case = CaseService(counselor).create(case_fields())
    evidence = EvidenceService(counselor)
    ids = []
    for index in range(2):
        path = tmp_path / "intake" / f"캡처{index}.png"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(os.urandom(5000 + index))
        details = EvidenceDetails(kind=EvidenceKind.SCREENSHOT, description=KOREAN)
        ids.append(evidence.add_file(case.id, path, details).item.id)
    ids.append(evidence.add_url(case.id, "https://t.me/channel/1").item.id)
    counselor.close()
    return case.number, ids


def _headless_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    return {**env, **COUNSELOR_ENV}


def _run_process(team: TeamVault, args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "safecase", *args, "--vault", str(team.root)],
        capture_output=True,
        text=True,
        env=_headless_env(),
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def _pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (Debian poppler-utils, installed by scripts/run-tests) is not installed")
    return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout


@pytest.mark.parametrize("as_zip", [False, True], ids=["folder", "zip"])
def test_export_from_a_process_without_any_display(
    team_vault: TeamVault, seeded: tuple[str, list[int]], tmp_path: Path, as_zip: bool
) -> None:
    number, ids = seeded
    out = tmp_path / "usb"
    out.mkdir()
    args = ["evidence", "export", number, "--out", str(out), "--recipient", "김수사", "--purpose", "고소 증거"]
    args += ["--organization", "서울경찰청", "--reference", "2026-0042"]
    if as_zip:
        args += ["--zip", "--items", f"{ids[0]},#{ids[2]}"]
    result = _run_process(team_vault, args)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    packet = Path(lines[0])
    assert packet.parent == out and packet.exists()
    assert lines[1].endswith("  manifest.csv") and lines[2].endswith("  manifest.pdf")
    if as_zip:
        assert lines[3] == f"{_sha256(packet)}  {packet.name}"
        shutil.unpack_archive(packet, tmp_path / "unpacked")
        packet = tmp_path / "unpacked" / packet.stem
        assert sorted(p.name for p in packet.iterdir()) == [
            "01_캡처0.png",
            "SHA256SUMS",
            "manifest.csv",
            "manifest.pdf",
        ]
    assert lines[1].split()[0] == _sha256(packet / "manifest.csv")
    subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=packet, check=True, capture_output=True)
    text = _pdf_text(packet / "manifest.pdf")
    assert KOREAN in text and "김수사" in text and number in text
    assert "handed over to 김수사" in result.stderr


def _sha256(path: Path) -> str:
    return subprocess.run(["sha256sum", str(path)], check=True, capture_output=True, text=True).stdout.split()[0]


def _invoke(team: TeamVault, args: list[str], env: dict[str, str]) -> Result:
    return CliRunner().invoke(cli, [*args, "--vault", str(team.root)], env=env, catch_exceptions=False)


@pytest.mark.usefixtures("qapp")
def test_another_counselors_case_fails_in_one_line_and_leaves_nothing(
    team_vault: TeamVault, second: VaultSession, seeded: tuple[str, list[int]], tmp_path: Path
) -> None:
    second.close()
    number, _ids = seeded
    out = tmp_path / "out"
    out.mkdir()
    args = ["evidence", "export", number, "--out", str(out), "--recipient", "김수사", "--purpose", "수사"]
    result = _invoke(team_vault, args, {"SAFECASE_USER": SECOND, "SAFECASE_PASSWORD": SECOND_PASSWORD})
    assert result.exit_code == 1 and result.stderr.startswith("safecase: error: ")
    assert len(result.stderr.strip().splitlines()) == 1 and "not assigned to you" in result.stderr
    assert list(out.iterdir()) == []


@pytest.mark.usefixtures("qapp")
def test_refusals_and_usage_errors(team_vault: TeamVault, seeded: tuple[str, list[int]], tmp_path: Path) -> None:
    number, _ids = seeded
    base = ["evidence", "export", number, "--recipient", "김수사", "--purpose", "수사"]
    missing = _invoke(team_vault, [*base, "--out", str(tmp_path / "nowhere")], COUNSELOR_ENV)
    assert missing.exit_code == 1 and "is not a folder" in missing.stderr
    unknown = _invoke(team_vault, [*base, "--out", str(tmp_path), "--items", "999"], COUNSELOR_ENV)
    assert unknown.exit_code == 1 and "#999" in unknown.stderr
    assert _invoke(team_vault, [*base, "--out", str(tmp_path), "--items", "a,b"], COUNSELOR_ENV).exit_code == 2
    no_purpose = ["evidence", "export", number, "--out", str(tmp_path), "--recipient", "김수사"]
    assert _invoke(team_vault, no_purpose, COUNSELOR_ENV).exit_code == 2
    assert not any(p.name.startswith(("evidence-packet", ".evidence-packet")) for p in tmp_path.iterdir())
