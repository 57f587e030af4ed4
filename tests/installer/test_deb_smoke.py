"""The Linux package as a center installs it: unpacked with ``dpkg-deb -x`` (no root needed), its frozen
binary run as a person and a script would run it, from a folder that has no SafeCase source.

``scripts/run-tests`` builds the package first (``scripts/build-deb``). When it is missing these tests
fail, unless ``SAFECASE_SKIP_DEB=1`` says the build was skipped on purpose; then they skip.

The tests of the frozen program itself (not of the .deb) also run on Windows: the Windows installer
workflow points ``SAFECASE_FROZEN_BINARY`` at the ``safecase.exe`` it built, and then at the one it
installed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from safecase.services import about

REPO = Path(__file__).resolve().parents[2]
SKIP_VARIABLE = "SAFECASE_SKIP_DEB"
FROZEN_VARIABLE = "SAFECASE_FROZEN_BINARY"
LINUX = sys.platform.startswith("linux")
ADMIN_PASSWORD = "correct horse battery staple 42"
COUNSELOR_PASSWORD = "violet kettle under the stairs 58"
# Everything the package installs is under these; a vault (~/.local/share/SafeCase) never is.
PACKAGE_FOLDERS = ("./opt/safecase/", "./usr/bin/", "./usr/share/")
TIMEOUT = 300  # seconds for one command; Argon2id is calibrated to about a second here, more when loaded


def deb_path() -> Path:
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()
    return REPO / "dist" / f"safecase_{about.app_version()}_{arch}.deb"


@pytest.fixture(scope="module")
def deb() -> Path:
    if shutil.which("dpkg-deb") is None:
        pytest.skip("not a Debian or Ubuntu system: the .deb is built and tested there")
    path = deb_path()
    if not path.is_file():
        if os.environ.get(SKIP_VARIABLE) == "1":
            pytest.skip(f"{path.name} was not built: {SKIP_VARIABLE}=1 skipped scripts/build-deb on purpose")
        pytest.fail(
            f"{path} is missing: run scripts/build-deb (scripts/run-tests does), "
            f"or set {SKIP_VARIABLE}=1 to skip the package tests on purpose"
        )
    return path


@pytest.fixture(scope="module")
def unpacked(deb: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("deb-root")
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True, timeout=TIMEOUT)
    return root


@pytest.fixture(scope="module")
def frozen(request: pytest.FixtureRequest) -> Path:
    """The frozen program: $SAFECASE_FROZEN_BINARY, else /opt/safecase/safecase of the unpacked .deb."""
    given = os.environ.get(FROZEN_VARIABLE)
    if given:
        return Path(given)
    unpacked: Path = request.getfixturevalue("unpacked")
    return unpacked / "opt/safecase/safecase"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    for sub in ("", ".config", ".local/share", ".cache", "runtime"):
        (folder / sub).mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


# What Windows programs need from the environment to start at all.
_WINDOWS_BASICS = ("SYSTEMROOT", "WINDIR", "PATH", "TEMP", "TMP", "USERPROFILE", "APPDATA", "LOCALAPPDATA", "COMSPEC")


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """What a desktop session gives a program, and nothing of this test run (no PYTHONPATH, no venv)."""
    if not LINUX:
        basics = {name: os.environ[name] for name in _WINDOWS_BASICS if name in os.environ}
        return {**basics, "HOME": str(home), "QT_QPA_PLATFORM": "offscreen", **extra}
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_RUNTIME_DIR": str(home / "runtime"),
        "QT_QPA_PLATFORM": "offscreen",
        **extra,
    }


def run(binary: Path, args: list[str], env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(binary), *args], input=stdin, capture_output=True, text=True, env=env, timeout=TIMEOUT, cwd=env["HOME"]
    )


def control_field(deb: Path, name: str) -> str:
    return subprocess.run(["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True, check=True).stdout.strip()


# --- what the package holds -------------------------------------------------------------------------


def test_package_installs_to_opt_with_a_command_a_launcher_and_icons(deb: Path, unpacked: Path) -> None:
    binary = unpacked / "opt/safecase/safecase"
    assert binary.is_file() and os.access(binary, os.X_OK)
    link = unpacked / "usr/bin/safecase"
    assert link.is_symlink() and os.readlink(link) == "/opt/safecase/safecase"

    desktop = (unpacked / "usr/share/applications/safecase.desktop").read_text(encoding="utf-8")
    assert re.search(r"^Exec=safecase$", desktop, re.M) and re.search(r"^Icon=safecase$", desktop, re.M)
    assert "Name[ko]=세이프케이스" in desktop and "Comment[ko]=" in desktop
    for size in (16, 24, 32, 48, 64, 128, 256):
        assert (unpacked / f"usr/share/icons/hicolor/{size}x{size}/apps/safecase.png").is_file()
    assert (unpacked / "usr/share/icons/hicolor/scalable/apps/safecase.svg").is_file()

    assert control_field(deb, "Package") == "safecase"
    assert control_field(deb, "Version") == about.app_version()
    depends = {d.strip().split()[0] for d in control_field(deb, "Depends").split(",")}
    # What scripts/run-app installs for Qt on X11 (t64 renames allowed) and what the bundle links to.
    for needed in ("libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libegl1", "fonts-noto-cjk", "libc6"):
        assert needed in depends or f"{needed}t64" in depends, needed


def test_package_has_no_maintainer_scripts_so_removal_cannot_touch_a_vault(deb: Path, tmp_path: Path) -> None:
    subprocess.run(["dpkg-deb", "-e", str(deb), str(tmp_path / "DEBIAN")], check=True)
    assert sorted(p.name for p in (tmp_path / "DEBIAN").iterdir()) == ["control"]
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True).stdout
    paths = [line.split()[5] for line in listing.splitlines()]
    outside = [p for p in paths if p not in {"./", "./opt/", "./usr/"} and not p.startswith(PACKAGE_FOLDERS)]
    assert outside == []
    assert all(line.split()[1] == "root/root" for line in listing.splitlines())


def test_package_ships_the_license_texts_and_only_korean_and_english_qt_translations(unpacked: Path) -> None:
    licenses = unpacked / "opt/safecase/licenses"
    index = (licenses / "README.txt").read_text(encoding="utf-8")
    assert "replace the bundled Qt libraries" in index
    for component in about.COMPONENTS:
        texts = list((licenses / component.slug).iterdir())
        assert texts, component.slug
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (licenses / "qt-pyside6/LGPL-3.0.txt").read_text(encoding="utf-8")
    assert (unpacked / "opt/safecase/_internal/PySide6/Qt/lib").is_dir()  # where the About box says Qt is

    qt = unpacked / "opt/safecase/_internal/PySide6/Qt"
    translations = {p.name for p in (qt / "translations").iterdir()}
    assert translations and all(re.fullmatch(r"qt(base)?_(ko|en)\.qm", name) for name in translations)
    modules = {p.name.split(".")[0] for p in (unpacked / "opt/safecase/_internal/PySide6").glob("Qt*.so")}
    assert modules == {"QtCore", "QtGui", "QtWidgets"}
    assert not (qt / "qml").exists()
    assert not any(qt.joinpath("lib").glob("libQt6Network*")), "nothing SafeCase loads needs QtNetwork"


# --- the frozen program --------------------------------------------------------------------------------


def test_version_from_the_command_on_the_path(frozen: Path, home: Path, tmp_path: Path) -> None:
    command = frozen
    if LINUX:  # /usr/bin/safecase is a symlink; the frozen program must find its folder through it
        command = tmp_path / "bin" / "safecase"
        command.parent.mkdir()
        command.symlink_to(frozen)
    result = run(command, ["--version"], clean_env(home))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"safecase {about.app_version()}",
        f"Vault format {about.vault_format_version()}",
    ]


def test_init_user_add_verify_and_the_sign_in_screen(frozen: Path, home: Path) -> None:
    binary = frozen
    vault = home / "vault"
    created = run(
        binary, ["init", "--vault", str(vault), "--admin", "kim"], clean_env(home, SAFECASE_NEW_PASSWORD=ADMIN_PASSWORD)
    )
    assert created.returncode == 0, created.stderr
    assert "RECOVERY KEY" in created.stdout

    added = run(
        binary,
        ["user", "add", "park", "--role", "counselor", "--vault", str(vault), "--user", "kim", "--password-stdin"],
        clean_env(home, SAFECASE_NEW_PASSWORD=COUNSELOR_PASSWORD),
        stdin=ADMIN_PASSWORD + "\n",
    )
    assert added.returncode == 0, added.stderr
    assert "park" in added.stdout

    verified = run(
        binary,
        ["verify", "--vault", str(vault), "--user", "park", "--password-stdin"],
        clean_env(home),
        COUNSELOR_PASSWORD + "\n",
    )
    assert verified.returncode == 0, verified.stderr
    assert verified.stdout.count("OK") >= 5 and "Audit head: #" in verified.stdout

    wrong = run(
        binary, ["verify", "--vault", str(vault), "--user", "park", "--password-stdin"], clean_env(home), "nope\n"
    )
    assert wrong.returncode == 1
    assert wrong.stderr.strip() == "safecase: error: Wrong user name or password."

    shown = run(binary, ["--vault", str(vault), "--smoke-test"], clean_env(home))
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.splitlines()[-1] == "first screen: SignInWindow"  # after the probe's marker line


def test_gui_starts_offscreen_at_create_vault_without_a_vault(frozen: Path, home: Path) -> None:
    shown = run(frozen, ["--vault", str(home / "new"), "--smoke-test"], clean_env(home))
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.splitlines()[-1] == "first screen: CreateVaultDialog"  # after the probe's marker line
    assert "Traceback" not in shown.stderr


def _status(pid: int) -> dict[str, str]:
    lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    return dict(line.split(":\t", 1) for line in lines if ":\t" in line)


@pytest.fixture
def waiting_process(frozen: Path, home: Path) -> Iterator[subprocess.Popen[str]]:
    """The frozen program at the prompt for a new vault's password, which it reads from standard input
    (a new session has no terminal to open), with nothing written to it yet."""
    process = subprocess.Popen(
        [str(frozen), "init", "--vault", str(home / "new"), "--admin", "kim"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=clean_env(home),
        start_new_session=True,
    )
    try:
        yield process
    finally:
        process.kill()
        process.communicate(timeout=TIMEOUT)


@pytest.mark.skipif(not LINUX, reason="reads the process's state from Linux's /proc")
def test_frozen_process_is_hardened_before_it_reads_a_password(waiting_process: subprocess.Popen[str]) -> None:
    # SafeCase's own process, not a launcher's child: the one-folder build runs in the process started.
    deadline = time.monotonic() + 60
    while _status(waiting_process.pid).get("Umask") != "0077":
        assert waiting_process.poll() is None, waiting_process.communicate()
        assert time.monotonic() < deadline, "harden() never ran"
        time.sleep(0.05)
    limits = Path(f"/proc/{waiting_process.pid}/limits").read_text()
    core = next(line for line in limits.splitlines() if line.startswith("Max core file size"))
    assert core.split()[4:6] == ["0", "0"]
    environ = Path(f"/proc/{waiting_process.pid}/environ")
    if os.getuid() != 0:  # not dumpable: /proc/PID/environ belongs to root, closed to the same user
        assert environ.stat().st_uid == 0
