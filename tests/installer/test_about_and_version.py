"""What a copy of SafeCase says about itself: ``--version``, the About box and its licences, the icon,
and the smoke-test start the installers' tests use."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

import safecase
from safecase.cli import cli
from safecase.services import about
from safecase.ui.common.icons import APP_ICON_SIZES, app_icon
from safecase.ui.shell.about import AboutDialog, qt_library_folder

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"


def _installer_module(name: str) -> types.ModuleType:
    spec = importlib.util.spec_from_file_location(name, REPO / "installer" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- version ------------------------------------------------------------------------------------------


def test_version_prints_the_release_and_the_vault_format() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"safecase {about.app_version()}",
        f"Vault format {about.vault_format_version()}",
    ]


def test_the_metadata_version_is_the_package_version() -> None:
    # pyproject.toml's version (the metadata) and safecase.__version__ (written into new vaults) agree.
    assert about.app_version() == safecase.__version__


def test_the_vault_format_is_the_newest_fixture_vault() -> None:
    # tests/fixtures keeps one vault per schema version, so the newest of them is the newest format.
    versions = [int(p.name.removeprefix("vault-v")) for p in FIXTURES.glob("vault-v*")]
    assert about.vault_format_version() == max(versions)


# --- licences -------------------------------------------------------------------------------------------


def test_every_bundled_component_has_its_license_text_here() -> None:
    for component in about.components():
        texts = about.license_texts(component)
        assert texts, component.name
        assert all(len(t.text) > 100 for t in texts), component.name
    by_slug = {c.slug: c for c in about.COMPONENTS}
    lgpl = about.license_texts(by_slug["qt-pyside6"])
    assert [t.name for t in lgpl] == ["LGPL-3.0.txt", "GPL-3.0.txt"]
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in lgpl[0].text
    assert any("Apache License" in t.text for t in about.license_texts(by_slug["cryptography"]))
    assert "PYTHON SOFTWARE FOUNDATION" in about.license_texts(by_slug["python"])[0].text.upper()


def test_the_bootloader_is_listed_only_in_a_frozen_build(monkeypatch: pytest.MonkeyPatch) -> None:
    assert "pyinstaller" not in {c.slug for c in about.components()}
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert "pyinstaller" in {c.slug for c in about.components()}


def test_collected_license_folder_is_what_a_frozen_build_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("PyInstaller", reason="the bootloader's licence comes from PyInstaller (the [build] extra)")
    collect = _installer_module("collect_licenses")
    folder = tmp_path / "safecase" / "licenses"
    collect.write_licenses(folder, "linux")
    index = (folder / "README.txt").read_text(encoding="utf-8")
    assert "replace the bundled Qt libraries" in index and "_internal/PySide6/Qt/lib" in index
    assert sorted(p.name for p in folder.iterdir() if p.is_dir()) == sorted(c.slug for c in about.COMPONENTS)

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "safecase" / "safecase"))
    assert about.bundled_license_folder() == folder
    sqlcipher = next(c for c in about.COMPONENTS if c.slug == "sqlcipher")
    (folder / "sqlcipher" / "SQLCipher.txt").write_text("as the build wrote it", encoding="utf-8")
    assert [(t.name, t.text) for t in about.license_texts(sqlcipher)] == [("SQLCipher.txt", "as the build wrote it")]


def test_a_component_without_any_text_fails_the_collection(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    collect = _installer_module("collect_licenses")
    missing = about.Component("ghost", "Ghost", "MIT", distributions=("no-such-distribution-here",))
    monkeypatch.setattr(collect, "COMPONENTS", (*about.COMPONENTS[:1], missing))
    with pytest.raises(SystemExit, match="no license text found for: Ghost"):
        collect.write_licenses(tmp_path / "licenses", "linux")


# --- the About box --------------------------------------------------------------------------------------


@pytest.fixture
def about_box(qtbot: QtBot) -> Iterator[AboutDialog]:
    parent = QWidget()  # held here: the box is deleted with it
    qtbot.addWidget(parent)
    dialog = AboutDialog(parent)
    dialog.show()
    qtbot.waitExposed(dialog)
    yield dialog
    dialog.close()


def test_about_box_shows_versions_and_where_qt_is(about_box: AboutDialog) -> None:
    assert about_box.title.text() == f"SafeCase {about.app_version()}"
    assert about_box.vault_format.text() == str(about.vault_format_version())
    import PySide6
    from PySide6.QtCore import qVersion

    assert qVersion() in about_box.qt_version.text() and PySide6.__version__ in about_box.qt_version.text()
    assert "Lesser General Public License" in about_box.notice.text()
    assert about_box.qt_folder == qt_library_folder()
    assert any(qt_library_folder().glob("*Qt6Core*")), "the folder named is where Qt's libraries are"


def test_about_box_shows_each_components_full_license(about_box: AboutDialog, qtbot: QtBot) -> None:
    names = [about_box.table.item(row, 0).text() for row in range(about_box.table.rowCount())]
    assert names == [c.name for c in about.components()]
    assert "GNU GENERAL PUBLIC LICENSE" in about_box.text.toPlainText()  # SafeCase's, selected first
    qt_row = names.index("Qt 6, PySide6 and Shiboken6")
    about_box.table.selectRow(qt_row)
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in about_box.text.toPlainText()
    about_box.table.selectRow(names.index("XlsxWriter"))
    assert "BSD" in about_box.text.toPlainText() or "Redistribution" in about_box.text.toPlainText()


# --- the icon -------------------------------------------------------------------------------------------


def test_icon_files_are_made_from_the_svg(qapp: QApplication) -> None:
    icons = _installer_module("make_icons")
    for name, data in icons.generate().items():
        assert (icons.ICON_DIR / name).read_bytes() == data, f"{name} is stale: run installer/make_icons.py"


def test_app_icon_has_every_size(qapp: QApplication) -> None:
    icon = app_icon()
    assert sorted(size.width() for size in icon.availableSizes()) == list(APP_ICON_SIZES)
    assert not icon.pixmap(QSize(16, 16)).isNull()


# --- the smoke-test start -------------------------------------------------------------------------------


def test_smoke_test_flag_reaches_the_app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    calls: list[tuple[Path, bool]] = []

    def run_app(vault: Path, *, smoke_test: bool = False) -> int:
        calls.append((vault, smoke_test))
        return 0

    monkeypatch.setitem(sys.modules, "safecase.ui.shell.app", types.SimpleNamespace(run_app=run_app))
    assert CliRunner().invoke(cli, ["--vault", str(tmp_path / "v"), "--smoke-test"]).exit_code == 0
    assert calls == [(tmp_path / "v", True)]
    assert "--smoke-test" not in CliRunner().invoke(cli, ["--help"]).output  # not for people


def test_smoke_test_opens_the_first_screen_and_quits(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "safecase", "--vault", str(tmp_path / "vault"), "--smoke-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "first screen: CreateVaultDialog"  # after the probe's marker line
