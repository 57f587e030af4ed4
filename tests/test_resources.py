"""Bundled data (taxonomies, the starter directory, catalogues, icons) is found inside the package, so a
wheel install or the frozen one-folder build finds it as a source checkout does."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

import safecase
from safecase.services import taxonomies as taxonomies_module
from safecase.services.resources import resource_dir

EXPECTED_TAXONOMIES = {
    taxonomies_module.INCIDENT_TYPES,
    taxonomies_module.PLATFORMS,
    taxonomies_module.PERPETRATOR_RELATIONS,
    taxonomies_module.PLACE_TYPES,
    taxonomies_module.REGIONS,
    taxonomies_module.BRANCHES,
    taxonomies_module.SERVICE_STATUSES,
}


def _json_files(folder: Traversable) -> list[Traversable]:
    found: list[Traversable] = []
    for entry in folder.iterdir():
        if entry.is_dir():
            found.extend(_json_files(entry))
        elif entry.name.endswith(".json"):
            found.append(entry)
    return found


def test_resources_are_the_packages_own() -> None:
    folder = resource_dir()
    assert str(folder) == str(files("safecase") / "resources")
    assert folder.is_dir()
    # Inside the package, not a folder beside it that only a source checkout has.
    assert Path(str(folder)).parent == Path(safecase.__file__).parent


def test_every_bundled_json_file_parses() -> None:
    found = _json_files(resource_dir())
    assert {f.name for f in found} >= {"taxonomies.json", "organizations.json"}
    for entry in found:
        json.loads(entry.read_text("utf-8"))


def test_every_taxonomy_and_the_starter_directory_load() -> None:
    taxonomies_module.taxonomies.cache_clear()
    taxonomies_module.starter_directory.cache_clear()
    loaded = taxonomies_module.taxonomies()
    assert set(loaded.by_name) >= EXPECTED_TAXONOMIES
    for name in EXPECTED_TAXONOMIES:
        assert loaded[name].terms, name
    assert taxonomies_module.starter_directory()


def test_resources_are_found_when_the_package_is_installed_elsewhere(tmp_path: Path) -> None:
    """The package copied to another folder (as a wheel installs it, or PyInstaller's one-folder build
    lays it out) finds its data beside its modules, not in this checkout."""
    package = Path(safecase.__file__).parent
    site = tmp_path / "site-packages"
    shutil.copytree(package, site / "safecase", ignore=shutil.ignore_patterns("__pycache__"))
    script = textwrap.dedent(
        """
        import safecase
        from safecase.services.resources import resource_dir, translations_dir
        from safecase.services.taxonomies import INCIDENT_TYPES, starter_directory, taxonomies

        assert safecase.__file__.startswith(SITE), safecase.__file__
        assert str(resource_dir()).startswith(SITE), resource_dir()
        assert taxonomies()[INCIDENT_TYPES].terms
        assert starter_directory()
        assert (translations_dir() / "ko" / "LC_MESSAGES" / "safecase.mo").is_file()
        """
    ).replace("SITE", repr(str(site)))
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
