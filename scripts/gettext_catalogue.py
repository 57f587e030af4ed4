#!/usr/bin/env python3
"""Regenerate and compile the gettext catalogues: SafeCase's text outside Qt, and click's own messages.

    scripts/gettext_catalogue.py            # extract, merge into each .po, compile each .mo
    scripts/gettext_catalogue.py --check    # change nothing; exit 1 naming what is unfinished

1. Extracts every ``tr("…")`` and ``trn("…", "…", n)`` of :mod:`safecase.i18n` in ``src/safecase`` into
   ``resources/translations/safecase.pot``, and click's ``_("…")``/``ngettext`` from the installed click.
2. Merges them into ``resources/translations/<lang>/LC_MESSAGES/{safecase,click}.po``: a new message
   comes in untranslated, a reworded one keeps its old translation marked fuzzy (to review), a message
   gone from the code is dropped.
3. Compiles each ``.po`` into the ``.mo`` next to it (committed, so a fresh clone needs no build step).

Then translate what it reports, remove the ``#, fuzzy`` lines you reviewed, and run it again.
``tests/test_gettext_catalogue.py`` fails while anything is untranslated, fuzzy, obsolete, has other
placeholders than its source, or a ``.mo`` is older than its ``.po``.

Extraction reads the code with :mod:`ast` rather than Babel's extractor: it counts only calls of the names
bound to ``safecase.i18n``'s functions (Babel would also take Qt's ``self.tr("…")`` in the GUI, which
belongs to Qt's catalogue), and it refuses an argument that is not a string literal, which Babel skips
without a word. Babel does the rest: reading and writing ``.po``, matching reworded messages, Korean's
plural rule, compiling ``.mo``.
"""

from __future__ import annotations

import argparse
import ast
import io
import re
import string
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "src" / "safecase"
TRANSLATIONS = PACKAGE / "resources" / "translations"
LANGUAGES = ("ko",)

SAFECASE = "safecase"
CLICK = "click"

# The functions whose leading arguments are message strings, by the module that defines them, with what
# each of those arguments is: the message, its plural, or the context telling homonyms apart.
MSGID, PLURAL, CONTEXT = "msgid", "plural", "context"
Keywords = Mapping[str, Mapping[str, tuple[str, ...]]]
SAFECASE_KEYWORDS: Keywords = {
    "safecase.i18n": {"tr": (MSGID,), "trn": (MSGID, PLURAL), "trc": (CONTEXT, MSGID)},
}
CLICK_KEYWORDS: Keywords = {
    "gettext": {"gettext": (MSGID,), "_": (MSGID,), "ngettext": (MSGID, PLURAL), "pgettext": (CONTEXT, MSGID)},
}
# (context, message, plural): how a message is known, here and in Babel's catalogue.
Key = tuple[str | None, str, str | None]

HEADERS = {
    SAFECASE: "# SafeCase's messages outside Qt: services, vault, CLI, PDF (safecase.i18n).\n"
    "# Made by scripts/gettext_catalogue.py; translate in <lang>/LC_MESSAGES/safecase.po.\n#",
    CLICK: "# click's own messages (Usage:, Error: Missing option, …) as SafeCase's CLI shows them.\n"
    "# Made by scripts/gettext_catalogue.py from the installed click.\n#",
}


# A call that translates text already extracted where it was written (the CLI's help, translated again
# at start) says so on its line; any other non-literal message is an error.
SKIP_MARK = "# i18n: extracted where written"


class ExtractionError(Exception):
    """A message call that extraction cannot read (its text is not a string literal)."""


@dataclass
class Found:
    msgid: str
    plural: str | None
    context: str | None
    locations: list[tuple[str, int]] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)

    @property
    def key(self) -> Key:
        return (self.context, self.msgid, self.plural)


# --- extraction ----------------------------------------------------------------------------------------


def _module_name(path: Path, root: Path, package: str) -> str:
    parts = [package, *path.relative_to(root).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _absolute(module: str | None, level: int, current: str, is_package: bool) -> str:
    if level == 0:
        return module or ""
    base = current.split(".")
    base = base if is_package else base[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join([*base, module] if module else base)


def _bindings(
    nodes: Iterable[ast.AST], keywords: Keywords, current: str, is_package: bool
) -> tuple[dict[str, tuple[str, ...]], dict[str, Mapping[str, tuple[str, ...]]]]:
    """Names bound to a message function (``tr``) and to a module holding them (``i18n``)."""
    functions: dict[str, tuple[str, ...]] = {}
    modules: dict[str, Mapping[str, tuple[str, ...]]] = {}
    for node in nodes:
        if isinstance(node, ast.ImportFrom):
            source = _absolute(node.module, node.level, current, is_package)
            for alias in node.names:
                if source in keywords and alias.name in keywords[source]:
                    functions[alias.asname or alias.name] = keywords[source][alias.name]
                submodule = f"{source}.{alias.name}" if source else alias.name
                if submodule in keywords:
                    modules[alias.asname or alias.name] = keywords[submodule]
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in keywords:
                    modules[alias.asname or alias.name] = keywords[alias.name]
    return functions, modules


def _dotted(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return f"{base}.{node.attr}" if base else None
    return None


def _roles(
    call: ast.Call, functions: Mapping[str, tuple[str, ...]], modules: Mapping[str, Mapping[str, tuple[str, ...]]]
) -> tuple[str, ...]:
    """What the leading arguments of ``call`` are, when it calls a message function; else nothing."""
    func = call.func
    if isinstance(func, ast.Name):
        return functions.get(func.id, ())
    if isinstance(func, ast.Attribute):
        owner = _dotted(func.value)
        if owner is not None and owner in modules:
            return modules[owner].get(func.attr, ())
    return ()


def _translator_comments(lines: Sequence[str], lineno: int) -> list[str]:
    """``# Translators: …`` comment lines right above a call, for the translator's eyes."""
    comments: list[str] = []
    index = lineno - 2
    while index >= 0 and lines[index].strip().startswith("#"):
        comments.insert(0, lines[index].strip().lstrip("#").strip())
        index -= 1
    joined = " ".join(comments)
    start = joined.find("Translators:")
    return [joined[start:]] if start >= 0 else []


def extract(root: Path, package: str, keywords: Keywords, *, strict: bool = True, label: str = "") -> dict[Key, Found]:
    """Every message of the ``*.py`` files under ``root`` (the folder of ``package``), in file order.

    ``strict``: a call whose message is not a string literal is an error (our code); click's is skipped.
    """
    found: dict[Key, Found] = {}
    errors: list[str] = []
    for path in sorted(root.rglob("*.py")):
        text = path.read_text("utf-8")
        if not any(module.rpartition(".")[2] in text for module in keywords):
            continue  # cannot import a message function (most of the GUI): not worth parsing
        tree = ast.parse(text, str(path))
        current = _module_name(path, root, package)
        nodes = list(ast.walk(tree))
        functions, modules = _bindings(nodes, keywords, current, path.name == "__init__.py")
        if not functions and not modules:
            continue
        shown = f"{label}{path.relative_to(root).as_posix()}"
        lines = text.splitlines()
        calls = [(n, roles) for n in nodes if isinstance(n, ast.Call) and (roles := _roles(n, functions, modules))]
        for call, roles in sorted(calls, key=lambda found: (found[0].lineno, found[0].col_offset)):
            args = call.args[: len(roles)]
            if len(args) < len(roles) or not all(
                isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args
            ):
                if strict and SKIP_MARK not in lines[call.lineno - 1]:
                    errors.append(
                        f"{shown}:{call.lineno}: the message of {ast.unparse(call.func)}() must be a string "
                        f"literal, or extraction cannot see it: {ast.unparse(call)[:100]}"
                    )
                continue
            texts = {role: str(a.value) for role, a in zip(roles, args, strict=True) if isinstance(a, ast.Constant)}
            if not texts[MSGID]:
                continue
            entry = Found(texts[MSGID], texts.get(PLURAL), texts.get(CONTEXT))
            entry = found.setdefault(entry.key, entry)
            entry.locations.append((shown, call.lineno))
            for comment in _translator_comments(lines, call.lineno):
                if comment not in entry.comments:
                    entry.comments.append(comment)
    if errors:
        raise ExtractionError("\n".join(errors))
    return found


def safecase_messages() -> dict[Key, Found]:
    return extract(PACKAGE, "safecase", SAFECASE_KEYWORDS, label="src/safecase/")


def click_root() -> Path:
    import click

    return Path(click.__file__).resolve().parent


def click_version() -> str:
    from importlib.metadata import version

    return version("click")


def click_messages() -> dict[Key, Found]:
    return extract(click_root(), "click", CLICK_KEYWORDS, strict=False, label="click/")


def template(domain: str, messages: Mapping[Key, Found]) -> Catalog:
    version = click_version() if domain == CLICK else None
    catalog = Catalog(
        domain=domain,
        header_comment=HEADERS[domain],
        project="click" if domain == CLICK else "SafeCase",
        version=version,
        charset="utf-8",
        fuzzy=False,
    )
    for entry in messages.values():
        catalog.add(
            entry.msgid if entry.plural is None else (entry.msgid, entry.plural),
            context=entry.context,
            locations=entry.locations,  # line numbers are left out when written (they move with every edit)
            auto_comments=entry.comments,
        )
    return catalog


# --- placeholders -----------------------------------------------------------------------------------------

_PERCENT_FIELD = re.compile(r"%\((\w+)\)[#0 +-]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")


def placeholders(text: str) -> list[str]:
    """The format fields of ``text``, ``{name}``/``{value!r}`` and ``%(prog)s`` style, sorted."""
    fields = [
        "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
        for _, name, spec, conversion in string.Formatter().parse(text)
        if name is not None
    ]
    fields += [match.group(0) for match in _PERCENT_FIELD.finditer(text)]
    return sorted(fields)


def _fields_wanted(message: Message) -> tuple[set[str], set[str]]:
    """(required, allowed) fields of a translation of ``message``.

    A singular message: exactly its own. A plural one: at least its plural form's (a language with one
    form, like Korean, uses it for every count, 1 included) and none that neither English form has.
    """
    if isinstance(message.id, str):
        fields = set(placeholders(message.id))
        return fields, fields
    singular, plural = message.id[0], message.id[1]
    required = set(placeholders(plural))
    return required, required | set(placeholders(singular))


# --- checking --------------------------------------------------------------------------------------------


def _key(message: Message) -> Key:
    if isinstance(message.id, str):
        return (message.context, message.id, None)
    return (message.context, message.id[0], message.id[1])


def _shown(key: Key) -> str:
    context, msgid, _ = key
    return (f"[{context}] " if context else "") + repr(msgid)[:90]


def _strings(message: Message) -> list[str]:
    value = message.string
    return list(value) if isinstance(value, tuple | list) else [value or ""]


def problems(template_catalog: Catalog, translated: Catalog, label: str) -> list[str]:
    """What is unfinished in ``translated`` against the messages of ``template_catalog``."""
    wanted = {_key(m) for m in template_catalog if m.id}
    found: list[str] = []
    present: set[Key] = set()
    for message in translated:
        if not message.id:
            continue
        key = _key(message)
        present.add(key)
        if key not in wanted:
            found.append(f"{label}: obsolete (no longer in the code): {_shown(key)}")
            continue
        strings = _strings(message)
        if not all(s.strip() for s in strings):
            found.append(f"{label}: untranslated: {_shown(key)}")
            continue
        if message.fuzzy:
            found.append(f"{label}: fuzzy (review it, then remove the fuzzy flag): {_shown(key)}")
        required, allowed = _fields_wanted(message)
        for text in strings:
            try:
                got = set(placeholders(text))
            except ValueError as exc:
                found.append(f"{label}: translation is not a valid format string ({exc}): {_shown(key)}")
                continue
            if not required <= got <= allowed:
                found.append(
                    f"{label}: placeholders {sorted(got)} differ from the source's {sorted(required)}: {_shown(key)}"
                )
    for key in sorted(wanted - present, key=str):
        found.append(f"{label}: not in the .po yet (run scripts/gettext_catalogue.py): {_shown(key)}")
    for message in translated.obsolete.values():
        found.append(f"{label}: obsolete entry (#~) left in the file: {_shown(_key(message))}")
    return found


def compiled_problems(translated: Catalog, mo_path: Path, label: str) -> list[str]:
    """Whether the committed ``.mo`` holds exactly the finished translations of the ``.po``."""
    if not mo_path.exists():
        return [f"{label}: {mo_path.name} is missing (run scripts/gettext_catalogue.py)"]
    with mo_path.open("rb") as handle:
        compiled = read_mo(handle)
    expected = {_key(m): tuple(_strings(m)) for m in translated if m.id and m.string and not m.fuzzy}
    actual = {_key(m): tuple(_strings(m)) for m in compiled if m.id}
    if expected != actual:
        return [f"{label}: {mo_path.name} is stale against its .po (run scripts/gettext_catalogue.py)"]
    return []


# --- files -----------------------------------------------------------------------------------------------


def po_path(language: str, domain: str) -> Path:
    return TRANSLATIONS / language / "LC_MESSAGES" / f"{domain}.po"


def read_catalog(path: Path, language: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=language, abort_invalid=True)


def _render_po(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, ignore_obsolete=True, include_lineno=False, width=100)
    return buffer.getvalue()


def _render_mo(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


_DATE_LINE = re.compile(rb'^"(POT-Creation-Date|PO-Revision-Date|Generated-By): .*\\n"\n', re.MULTILINE)


def _write_if_changed(path: Path, data: bytes, *, compare_dates: bool = False) -> bool:
    """Write ``data`` unless the file already says the same (dates and tool version aside, for text)."""
    if path.exists():
        old = path.read_bytes()
        same = old == data if compare_dates else _DATE_LINE.sub(b"", old) == _DATE_LINE.sub(b"", data)
        if same:
            return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def merged(template_catalog: Catalog, path: Path, language: str) -> Catalog:
    """The ``.po`` at ``path`` brought up to the template (new, reworded and removed messages)."""
    if path.exists():
        catalog = read_catalog(path, language)
        catalog.obsolete.clear()
    else:
        catalog = Catalog(locale=language, domain=template_catalog.domain, fuzzy=False, charset="utf-8")
    catalog.header_comment = template_catalog.header_comment
    catalog.project = template_catalog.project
    catalog.version = template_catalog.version
    catalog.update(template_catalog, update_creation_date=True)
    catalog.fuzzy = False  # the header's own flag; messages keep theirs
    return catalog


@dataclass
class Outcome:
    written: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def _templates() -> Iterator[tuple[str, Catalog]]:
    yield SAFECASE, template(SAFECASE, safecase_messages())
    yield CLICK, template(CLICK, click_messages())


def run(*, write: bool) -> Outcome:
    outcome = Outcome()
    now = datetime.now(UTC)
    for domain, template_catalog in _templates():
        template_catalog.creation_date = now
        outcome.counts[domain] = sum(1 for m in template_catalog if m.id)
        if domain == SAFECASE:
            pot = TRANSLATIONS / f"{SAFECASE}.pot"
            if write and _write_if_changed(pot, _render_po(template_catalog)):
                outcome.written.append(pot)
        for language in LANGUAGES:
            path = po_path(language, domain)
            label = str(path.relative_to(REPO))
            if not write:
                committed = read_catalog(path, language) if path.exists() else Catalog(locale=language)
                outcome.problems += problems(template_catalog, committed, label)
                outcome.problems += compiled_problems(committed, path.with_suffix(".mo"), label)
                continue
            catalog = merged(template_catalog, path, language)
            catalog.revision_date = now
            outcome.problems += problems(template_catalog, catalog, label)
            if _write_if_changed(path, _render_po(catalog)):
                outcome.written.append(path)
            # Compiled from the file as written, so the .mo matches what a translator sees.
            mo = path.with_suffix(".mo")
            if _write_if_changed(mo, _render_mo(read_catalog(path, language)), compare_dates=True):
                outcome.written.append(mo)
    return outcome


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 when anything is unfinished")
    args = parser.parse_args(list(argv) if argv is not None else None)
    try:
        outcome = run(write=not args.check)
    except ExtractionError as exc:
        print(exc, file=sys.stderr)
        return 1
    for path in outcome.written:
        print(f"wrote {path.relative_to(REPO)}")
    print(", ".join(f"{domain}: {count} messages" for domain, count in outcome.counts.items()))
    for problem in outcome.problems:
        print(problem, file=sys.stderr)
    if outcome.problems:
        print(f"{len(outcome.problems)} to finish (see above).", file=sys.stderr)
        return 1 if args.check else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
