"""The gettext catalogues (text outside Qt, and click's own messages) are complete, current and compiled.

Fails when a message in the code has no Korean translation, an entry is fuzzy or obsolete, a translation's
placeholders differ from its source's, or a committed ``.mo`` no longer matches its ``.po``. The fix is
always: run ``scripts/gettext_catalogue.py``, translate what it lists, run it again.
"""

from __future__ import annotations

import importlib.util
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import click
import pytest
from babel.messages.catalog import Catalog

from safecase import i18n
from safecase.cli import cli
from safecase.domain.cases import CaseStatus, RiskLevel
from safecase.domain.roles import Role
from safecase.services.resources import translations_dir

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "gettext_catalogue.py"


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gettext_catalogue", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


g = _load_script()


@pytest.fixture(scope="module")
def template() -> Catalog:
    """The messages of the code, extracted once for the tests that compare against them."""
    return g.template(g.SAFECASE, g.safecase_messages())


@pytest.fixture
def korean() -> Iterator[None]:
    """Korean installed for this test only; every other test sees English."""
    i18n.install(translations_dir(), ["ko_KR.UTF-8"])
    try:
        yield
    finally:
        i18n.install(translations_dir(), [])


# --- the committed catalogues -------------------------------------------------------------------------------


def test_every_message_in_the_code_has_a_finished_korean_translation(template: Catalog) -> None:
    assert len(template) > 600  # the extraction found the code's messages, not an empty set
    committed = g.read_catalog(g.po_path("ko", g.SAFECASE), "ko")
    assert g.problems(template, committed, "ko/safecase.po") == []


def test_the_committed_template_holds_the_messages_of_the_code(template: Catalog) -> None:
    pot = g.read_catalog(g.TRANSLATIONS / "safecase.pot")
    assert {g._key(m) for m in pot if m.id} == {g._key(m) for m in template if m.id}


@pytest.mark.parametrize("domain", [g.SAFECASE, g.CLICK])
def test_the_committed_mo_files_are_compiled_from_their_po(domain: str) -> None:
    path = g.po_path("ko", domain)
    assert g.compiled_problems(g.read_catalog(path, "ko"), path.with_suffix(".mo"), path.name) == []


def test_korean_has_one_plural_form() -> None:
    catalog = g.read_catalog(g.po_path("ko", g.SAFECASE), "ko")
    assert catalog.plural_forms == "nplurals=1; plural=0;"


def test_clicks_own_messages_are_translated_for_the_installed_click() -> None:
    catalog = g.read_catalog(g.po_path("ko", g.CLICK), "ko")
    if catalog.version != g.click_version():
        pytest.skip(
            f"click {g.click_version()} is installed, the catalogue was made from click {catalog.version}: "
            "run scripts/gettext_catalogue.py and translate what it lists"
        )
    template = g.template(g.CLICK, g.click_messages())
    assert g.problems(template, catalog, "ko/click.po") == []


def test_every_help_text_of_the_cli_is_a_catalogue_message(template: Catalog) -> None:
    """The CLI translates its help again at start (it is built at import); that finds only plain messages."""
    msgids = {m.id for m in template if isinstance(m.id, str) and not m.context}

    def texts(command: click.Command) -> Iterator[tuple[str, str]]:
        for text in (command.help, command.short_help, command.epilog):
            if text:
                yield command.name or "safecase", text
        for param in command.params:
            help_text = getattr(param, "help", None)
            if help_text:
                yield f"{command.name} {param.name}", help_text
        if isinstance(command, click.Group):
            for sub in command.commands.values():
                yield from texts(sub)

    missing = [f"{where}: {text!r}" for where, text in texts(cli) if text not in msgids]
    assert missing == []


# --- what the check catches -----------------------------------------------------------------------------------


def _template(*entries: str | tuple[str, str]) -> Catalog:
    catalog = Catalog(domain="test", fuzzy=False)
    for entry in entries:
        catalog.add(entry)
    return catalog


def test_the_check_names_untranslated_fuzzy_obsolete_and_wrong_placeholders() -> None:
    template = _template(
        "Saved {name}.", "Not yet translated.", "Almost right.", ("{count} case", "{count} cases"), "Bad {path}."
    )
    translated = Catalog(locale="ko", domain="test", fuzzy=False)
    translated.add("Saved {name}.", "{name}을(를) 저장했습니다.")
    translated.add("Not yet translated.", "")
    translated.add("Almost right.", "거의 맞음.", flags=["fuzzy"])
    translated.add(("{count} case", "{count} cases"), ("사례 {count}건",))
    translated.add("Bad {path}.", "잘못된 {file}.")
    translated.add("Gone from the code.", "코드에서 사라짐.")
    found = "\n".join(g.problems(template, translated, "t"))
    assert "untranslated: 'Not yet translated.'" in found
    assert "fuzzy (review it, then remove the fuzzy flag): 'Almost right.'" in found
    assert "placeholders ['{file}'] differ from the source's ['{path}']: 'Bad {path}.'" in found
    assert "obsolete (no longer in the code): 'Gone from the code.'" in found
    assert "Saved" not in found and "case" not in found
    assert len(g.problems(template, translated, "t")) == 4


def test_a_plural_translation_needs_the_plural_forms_placeholders() -> None:
    template = _template(("Added a file.", "Added {count} files."))
    translated = Catalog(locale="ko", domain="test", fuzzy=False)
    translated.add(("Added a file.", "Added {count} files."), ("파일을 추가했습니다.",))
    assert "differ from the source's ['{count}']" in "".join(g.problems(template, translated, "t"))


def test_the_check_names_a_message_missing_from_the_po_and_a_conversion_that_differs() -> None:
    template = _template("New message.", "{value!r} is not valid.")
    translated = Catalog(locale="ko", domain="test", fuzzy=False)
    translated.add("{value!r} is not valid.", "{value}은(는) 올바르지 않습니다.")
    found = g.problems(template, translated, "t")
    assert any("not in the .po yet" in p and "New message." in p for p in found)
    assert any("differ from the source's ['{value!r}']" in p for p in found)


def test_a_stale_or_missing_mo_is_named(tmp_path: Path) -> None:
    catalog = Catalog(locale="ko", domain="test", fuzzy=False)
    catalog.add("Saved.", "저장했습니다.")
    mo = tmp_path / "test.mo"
    assert g.compiled_problems(catalog, mo, "test") == ["test: test.mo is missing (run scripts/gettext_catalogue.py)"]
    mo.write_bytes(g._render_mo(catalog))
    assert g.compiled_problems(catalog, mo, "test") == []
    catalog["Saved."].string = "저장 완료."
    assert g.compiled_problems(catalog, mo, "test") == [
        "test: test.mo is stale against its .po (run scripts/gettext_catalogue.py)"
    ]


# --- extraction -----------------------------------------------------------------------------------------


def _package(tmp_path: Path, source: str) -> Path:
    root = tmp_path / "pkg"
    root.mkdir()
    (root / "__init__.py").write_text("")
    (root / "mod.py").write_text(textwrap.dedent(source))
    return root


def test_extraction_takes_only_calls_of_safecase_i18n(tmp_path: Path) -> None:
    root = _package(
        tmp_path,
        """
        from safecase import i18n
        from safecase.i18n import tr as translate, trc


        class Window:
            def title(self) -> str:
                return self.tr("A Qt string, for Qt's catalogue")


        def tr(text: str) -> str:
            return text


        # Translators: shown on the first line of a report.
        HEADING = translate("Cases " "this month")
        WORDS = [i18n.trn("{count} case", "{count} cases", 2), trc("account", "STATUS")]
        """,
    )
    found = g.extract(root, "pkg", g.SAFECASE_KEYWORDS)
    assert set(found) == {
        (None, "Cases this month", None),
        (None, "{count} case", "{count} cases"),
        ("account", "STATUS", None),
    }
    assert found[(None, "Cases this month", None)].comments == ["Translators: shown on the first line of a report."]
    assert found[(None, "Cases this month", None)].locations == [("mod.py", 16)]


def test_extraction_refuses_a_message_it_cannot_read(tmp_path: Path) -> None:
    root = _package(
        tmp_path,
        """
        from safecase.i18n import tr

        name = "x"
        tr(f"Hello {name}")
        tr(name)  # i18n: extracted where written
        """,
    )
    with pytest.raises(g.ExtractionError, match=r"mod\.py:5: the message of tr\(\) must be a string literal"):
        g.extract(root, "pkg", g.SAFECASE_KEYWORDS)


# --- the installed language ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "ko_KR.UTF-8"}, ["ko_KR.UTF-8"]),
        ({"LANG": "C.UTF-8", "LC_MESSAGES": "ko_KR.UTF-8"}, ["ko_KR.UTF-8"]),
        ({"LANG": "ko_KR.UTF-8", "LC_ALL": "C"}, ["C"]),
        ({"LANGUAGE": "ko:en", "LANG": "C"}, ["ko", "en"]),
        ({"LANG": ""}, []),
        ({}, []),
    ],
)
def test_languages_come_from_the_variables_gettext_reads(environ: dict[str, str], expected: list[str]) -> None:
    assert i18n.languages_from_environment(environ) == expected


def test_korean_installs_from_a_locale_name_and_c_gives_english() -> None:
    try:
        i18n.install(translations_dir(), ["ko_KR.UTF-8"])
        assert i18n.language() == "ko"
        assert i18n.tr("Wrong user name or password.") == "아이디 또는 비밀번호가 틀렸습니다."
        assert i18n.trn("Imported {count} case.", "Imported {count} cases.", 3).format(count=3) == (
            "사례 3건을 가져왔습니다."
        )
        assert i18n.trc("account", "STATUS") == "상태"
        i18n.install(translations_dir(), ["C.UTF-8"])
        assert i18n.language() == "en"
        assert i18n.tr("Wrong user name or password.") == "Wrong user name or password."
    finally:
        i18n.install(translations_dir(), [])


def test_cli_words_for_codes_are_the_glossarys_in_korean_and_the_codes_in_english(korean: None) -> None:
    from safecase.cli._labels import roles_word, term, word

    assert [word(s) for s in CaseStatus] == ["접수", "진행 중", "연계", "종결", "보관"]
    assert [word(r) for r in RiskLevel] == ["낮음", "보통", "높음", "긴급"]
    assert roles_word({Role.ADMIN, Role.COUNSELOR}) == "상담원, 관리자"
    assert term("incident_types", "illegal_filming") == "불법촬영"
    assert term("platforms", "a site we do not know") == "a site we do not know"
    i18n.install(translations_dir(), [])
    assert word(CaseStatus.ACTIVE) == "active"
    assert term("incident_types", "illegal_filming") == "illegal_filming"
