"""The Korean catalogue of the Qt widgets is complete, correct in its placeholders and current with the code.

``scripts/update-translations`` regenerates ``safecase_ko.ts`` from the code (pyside6-lupdate) and
compiles it (pyside6-lrelease). These tests fail when an entry has no Korean, is unfinished or left over
from a string the code no longer has, when a translation lost or invented a ``{placeholder}``, ``%n``,
``%1`` or markup, when the committed .ts or .qm is behind the code, and when a string in ``ui/`` is
written so that lupdate cannot see it (then no test of the catalogue could notice it is missing).
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "src" / "safecase" / "ui"
TRANSLATIONS = ROOT / "src" / "safecase" / "resources" / "translations"
TS = TRANSLATIONS / "safecase_ko.ts"
QM = TRANSLATIONS / "safecase_ko.qm"

# "No English left in a Korean screen except names": the names, keys and formats a translation may keep.
LATIN_WORDS_KEPT = frozenset(
    {
        "SafeCase", "SHA-256", "SHA256SUMS", "dHash", "CSV", "PDF", "USB", "UTF-8", "CP949", "SNS", "https",
        "zip", "csv", "txt", "pdf", "xlsx", "Ctrl", "Enter", "Esc", "Tab", "Space", "F5",
        # The About box names the libraries and their licenses as their authors do; a language picker
        # shows each language in its own name.
        "Qt", "PySide6", "Python", "GNU", "GPL", "LGPL", "English",
        # Examples that are typed as they are: a sign-in name, initials.
        "jkim", "J.K.",
        # The CSV import's column names, which the file must use in English.
        "opened", "status", "risk", "alias", "gender", "affiliation", "region", "platforms", "counselor", "notes",
    }
)  # fmt: skip
# Terms the glossary replaced; a translation using them speaks another program's language.
NOT_OUR_WORDS = ("케이스", "감사 로그", "감사로그", "볼트", "태스크", "레퍼럴", "해쉬", "사인인", "로그온", "패스워드")


@dataclass(frozen=True)
class Entry:
    context: str
    source: str
    translation: str
    numerus: bool
    state: str  # "" when finished, else "unfinished", "obsolete" or "vanished"


def read_ts(path: Path) -> list[Entry]:
    root = ET.parse(path).getroot()  # noqa: S314 - our own file, written by lupdate
    entries = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [form.text or "" for form in translation.iter("numerusform")]
            entries.append(
                Entry(
                    context=name,
                    source=message.findtext("source") or "",
                    translation=" | ".join(forms) if forms else translation.text or "",
                    numerus=message.get("numerus") == "yes",
                    state=translation.get("type", ""),
                )
            )
    return entries


def _tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        pytest.fail(f"{name} not found; it ships with PySide6 (pip install PySide6-Essentials)")
    return found


@pytest.fixture(scope="module")
def entries() -> list[Entry]:
    return read_ts(TS)


def _placeholders(text: str) -> Counter[str]:
    return Counter(re.findall(r"\{[^{}]*\}|%n|%\d+", text))


def _markup(text: str) -> Counter[str]:
    return Counter(re.findall(r"</?[a-z]+[^>]*>", text))


def _accelerators(text: str) -> int:
    return len(re.findall(r"&(?!&)\w", text.replace("&&", "")))


def _described(entry: Entry) -> str:
    return f"{entry.context}: {entry.source!r} -> {entry.translation!r}"


def test_every_entry_has_a_finished_korean_translation(entries: list[Entry]) -> None:
    assert len(entries) > 1000
    bad = [_described(e) for e in entries if e.state or not e.translation.strip()]
    assert bad == [], "untranslated, unfinished or obsolete entries (run scripts/update-translations):\n" + "\n".join(
        bad
    )


def test_translations_keep_the_placeholders_markup_and_accelerators_of_the_source(entries: list[Entry]) -> None:
    bad = []
    for entry in entries:
        forms = entry.translation.split(" | ") if entry.numerus else [entry.translation]
        for form in forms:
            if _placeholders(form) != _placeholders(entry.source):
                bad.append("placeholders " + _described(entry))
            if _markup(form) != _markup(entry.source):
                bad.append("markup " + _described(entry))
            if _accelerators(form) != _accelerators(entry.source):
                bad.append("accelerator " + _described(entry))
    assert bad == [], "\n".join(bad)


def test_counts_are_written_with_a_count_placeholder_not_qt_plural_forms(entries: list[Entry]) -> None:
    """One way for counts: "1 case" / "{count} cases" chosen in the code, which Korean translates as
    사례 1건 / 사례 {count}건 (it has no plural forms); no %n entries, which need a form per language."""
    bad = [_described(e) for e in entries if e.numerus or "%n" in e.source]
    assert bad == [], "\n".join(bad)


def test_korean_accelerators_follow_the_word_as_korean_menus_write_them(entries: list[Entry]) -> None:
    """메뉴(&M), not &메뉴: Hangul cannot be typed as a shortcut letter."""
    bad = [_described(e) for e in entries if _accelerators(e.source) and not re.search(r"\(&[A-Z0-9]\)", e.translation)]
    assert bad == [], "\n".join(bad)


def test_no_english_is_left_in_a_korean_screen_except_names(entries: list[Entry]) -> None:
    bad = []
    for entry in entries:
        text = re.sub(r"\{[^{}]*\}|%n|%\d+|\(&.\)|<[^>]+>", " ", entry.translation)
        for word in re.findall(r"[A-Za-z][A-Za-z0-9_.\-]*", text):
            # A single letter is a key (Ctrl+F) or part of an example (상병A); a_b is a column name.
            if len(word) == 1 or "_" in word or word in LATIN_WORDS_KEPT or word.rstrip(".-") in LATIN_WORDS_KEPT:
                continue
            bad.append(f"{word!r} in " + _described(entry))
    assert bad == [], "\n".join(bad)


def test_translations_use_the_glossary_s_words(entries: list[Entry]) -> None:
    bad = [f"{word!r} in " + _described(e) for e in entries for word in NOT_OUR_WORDS if word in e.translation]
    assert bad == [], "see the Korean UI glossary:\n" + "\n".join(bad)


def test_the_committed_catalogue_holds_exactly_the_strings_of_the_code(tmp_path: Path, entries: list[Entry]) -> None:
    fresh = tmp_path / "fresh.ts"
    done = subprocess.run(
        [_tool("pyside6-lupdate"), "-extensions", "py", "-locations", "none", "-silent", str(UI), "-ts", str(fresh)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    in_code = {(e.context, e.source, e.numerus) for e in read_ts(fresh)}
    committed = {(e.context, e.source, e.numerus) for e in entries}
    missing = sorted(in_code - committed)
    stale = sorted(committed - in_code)
    assert (missing, stale) == ([], []), (
        "safecase_ko.ts is behind the code; run scripts/update-translations and translate what is new.\n"
        f"in the code, not in the catalogue: {missing}\nin the catalogue, no longer in the code: {stale}"
    )


def test_the_committed_qm_is_compiled_from_the_committed_ts(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.qm"
    done = subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", "-removeidentical", str(TS), "-qm", str(fresh)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert fresh.read_bytes() == QM.read_bytes(), "safecase_ko.qm is stale: run scripts/update-translations"


_TRANSLATE_CALLS = {"tr", "translate"}


def _unextractable(path: Path, base: Path = ROOT) -> list[str]:
    """Calls of tr()/translate() in ``path`` that lupdate cannot read, or that Qt looks up elsewhere."""
    found: list[tuple[int, str]] = []
    calls = [n for n in ast.walk(ast.parse(path.read_text("utf-8"))) if isinstance(n, ast.Call)]
    for node in sorted(calls, key=lambda n: (n.lineno, n.col_offset)):
        if not isinstance(node.func, ast.Attribute):
            continue
        func = node.func
        where = f"{path.relative_to(base)}:{node.lineno}"
        literal = [isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args]
        if func.attr == "tr" and not (isinstance(func.value, ast.Name) and func.value.id == "self"):
            # lupdate files it under the variable's name, Qt looks it up under the object's class.
            found.append((node.lineno, f"{where}: tr() on something other than self"))
        elif func.attr == "tr" and not (literal and literal[0]):
            found.append(
                (node.lineno, f"{where}: tr() of something other than a string literal (an f-string, a variable)")
            )
        elif (
            func.attr == "translate"
            and isinstance(func.value, ast.Name)
            and func.value.id in ("QCoreApplication", "QApplication")
            and not (len(literal) >= 2 and literal[0] and literal[1])
        ):
            found.append((node.lineno, f"{where}: translate() needs a literal context and a literal text"))
    return [problem for _, problem in found]


def test_every_translatable_string_in_the_ui_is_one_lupdate_can_see() -> None:
    bad = [problem for path in sorted(UI.rglob("*.py")) for problem in _unextractable(path)]
    assert bad == [], "\n".join(bad)


def test_the_extractability_check_catches_what_lupdate_misses(tmp_path: Path) -> None:
    code = (
        "class W:\n"
        "    def f(self, combo, name, text):\n"
        "        combo.tr('placeholder')\n"
        "        self.tr(f'Hello {name}')\n"
        "        QCoreApplication.translate(_CONTEXT, 'x')\n"
        "        QCoreApplication.translate('Ctx', text)\n"
        "        self.tr('fine {name}').format(name=name)\n"
        "        QCoreApplication.translate('Ctx', 'fine')\n"
    )
    sample = tmp_path / "sample.py"
    sample.write_text(code, "utf-8")
    problems = [p.split(": ", 1)[1] for p in _unextractable(sample, tmp_path)]
    assert problems == [
        "tr() on something other than self",
        "tr() of something other than a string literal (an f-string, a variable)",
        "translate() needs a literal context and a literal text",
        "translate() needs a literal context and a literal text",
    ]
