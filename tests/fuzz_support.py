"""Fuzzing what SafeCase reads from files someone else may have written, or a disk may have damaged:
keys.json (and the sign-in delay file beside it), backup files, CSV import files and the database.

Each target starts from a real file (a fixture vault's keys.json and safecase.db, a backup of it, the
import fixture ``good.csv``) and Hypothesis mutates it:

* bytes: flips, truncations, insertions, deletions, overwrites (non-UTF-8 among them);
* JSON structure (keys.json, the backup manifest, the delay file): wrong types, missing and extra keys,
  huge numbers, NaN, deep nesting, long and unpaired-surrogate strings, with the checksum recomputed so
  the parser's later checks are reached, and (keys.json, backups) re-MACed with the data key, as anyone
  who can sign in could;
* tar structure (backups): members dropped, duplicated, re-ordered, renamed (``..``, absolute, odd),
  turned into links, folders or devices, their content changed with the manifest's hash fixed;
* CSV structure: odd cells (long, multi-line, NUL, dates out of range, full-width digits), rows and
  columns dropped or added, header names, quoting, line endings and encodings (UTF-8, BOM, CP949, UTF-16);
* database pages: bytes flipped, pages zeroed, swapped, copied, the file truncated or extended, a
  garbage WAL beside it.

The file then goes where SafeCase reads it: sign-in and the recovery key (keys.json, delay file),
restore, also over an existing vault (backups), import, dry run and preview (CSV), sign-in and verify
(database), and the ``safecase`` command for a share of each, in-process (click's CliRunner) and as a
real process. For every example:

* nothing escapes but SafeCase's own errors (``SafeCaseError``, ``domain/errors.py``), and their message
  is one line with no traceback and no Python repr noise (the same for import problems and verify's
  details); the CLI exits 0 or 1, never with its "unexpected error" fallback, its error one line;
* the example ends within ``CASE_SECONDS`` (a hang fails it);
* a refused restore leaves no trace: no target, no staging folder, the vault it would have replaced
  unchanged; a refused import writes no case; a database with any byte changed never passes verify.

``SAFECASE_FUZZ_EXAMPLES`` sets the total number of examples, shared out by ``SHARES`` (default: the
few hundred ``CI_EXAMPLES`` every test run does, always the same ones; with the variable set they are
random). ``tests/test_fuzz_files.py`` runs the targets under pytest; ``benchmarks/proof_fuzz_files.py``
runs them on demand and prints the figures.
"""

from __future__ import annotations

import copy
import csv
import hashlib
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tarfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clock_support import frozen
from crash_proof import build_crash_vault
from safecase.cli import cli
from safecase.crypto.encoding import canonical_json
from safecase.crypto.subkeys import BACKUP_MANIFEST_MAC, derive_subkey, mac
from safecase.domain.errors import SafeCaseError
from safecase.services import access
from safecase.services.backups import create_backup, restore_backup
from safecase.services.case_import import import_cases, preview_import
from safecase.services.verify import verify_vault
from safecase.vault import keyfile as keyfiles
from safecase.vault.keyfile import KeyFile
from safecase.vault.paths import VaultPaths
from safecase.vault.repositories.cases import CaseRepository
from vault_support import (
    ADMIN,
    ADMIN_PASSWORD,
    COUNSELOR,
    COUNSELOR_PASSWORD,
    SUPERVISOR,
    SUPERVISOR_PASSWORD,
    build_team_vault,
)
from vault_templates import VaultTemplates
from vaultfiles import snapshot

EXAMPLES_ENV = "SAFECASE_FUZZ_EXAMPLES"
# Every test run: always the same examples (derandomized), a few hundred in all.
CI_EXAMPLES = {"keys.json": 50, "backup": 30, "csv": 120, "database": 15, "cli": 15, "cli-process": 2}
# How SAFECASE_FUZZ_EXAMPLES is shared out.
SHARES = {"keys.json": 0.30, "backup": 0.20, "csv": 0.35, "database": 0.10, "cli": 0.045, "cli-process": 0.005}
TARGETS = tuple(SHARES)
# The longest one example may take: a sign-in (Argon2id at the test floor), a restore or a verify take
# well under a second; the ceiling Argon2Params.validate() allows would take tens of seconds, but no
# mutation here produces an accepted cost above the floor.
CASE_SECONDS = 30.0
TODAY = date(2026, 6, 1)
PAGE = 4096
IMPORT_FIXTURE = Path(__file__).parent / "fixtures" / "import" / "good.csv"

# Python's own words in a message: a traceback, an exception's class, a repr of bytes, a list or a dict.
REPR_NOISE = re.compile(r"Traceback|File \"|\b\w+(Error|Exception)\b|\bb'|\\x[0-9a-f]{2}|object at 0x|<class |\{'|\['")


def examples_for(target: str) -> tuple[int, bool]:
    """(examples, derandomize): ``CI_EXAMPLES`` without ``SAFECASE_FUZZ_EXAMPLES``, else its share."""
    total = os.environ.get(EXAMPLES_ENV)
    if not total:
        return CI_EXAMPLES[target], True
    return max(1, round(int(total) * SHARES[target])), False


# --- what the examples did -----------------------------------------------------------------------------


@dataclass
class FuzzTally:
    examples: int = 0
    accepted: int = 0  # signed in, restored, imported, or verify ran: the mutation was harmless or got in
    refused: Counter[str] = field(default_factory=Counter)  # error class -> count
    kinds: Counter[str] = field(default_factory=Counter)  # mutation kind -> count
    accepted_kinds: Counter[str] = field(default_factory=Counter)  # mutation kind -> accepted
    messages: set[str] = field(default_factory=set)
    slowest: float = 0.0
    seconds: float = 0.0


TALLIES: dict[str, FuzzTally] = {}


class Hang(AssertionError):
    """An example ran longer than CASE_SECONDS."""


@contextmanager
def bounded(seconds: float = CASE_SECONDS) -> Iterator[None]:
    """Fail an example that runs longer than ``seconds``: interrupted by SIGALRM where possible (the
    main thread), else caught when it returns."""
    start = time.perf_counter()
    main = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")

    def interrupt(_signum: int, _frame: object) -> None:
        raise Hang(f"an example ran longer than {seconds:.0f} s")

    if main:
        previous = signal.signal(signal.SIGALRM, interrupt)
        signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        if main:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    elapsed = time.perf_counter() - start
    if elapsed > seconds:
        raise Hang(f"an example took {elapsed:.1f} s (at most {seconds:.0f} s)")


def check_message(message: str, what: str = "message", *, echoes: bool = False) -> None:
    """One line of plain words for a person: no line break, no traceback, no Python repr noise (unless
    the message ``echoes`` what the file said, as an import problem quotes its cell: then anything but a
    traceback may be quoted)."""
    assert message.strip(), f"empty {what}"
    assert len(message.splitlines()) == 1, f"{what} spans lines: {message!r}"
    noise = REPR_NOISE.search(message) if not echoes else re.search("Traceback", message)
    assert noise is None, f"{what} holds Python's words ({noise.group(0)!r}): {message!r}"


@dataclass
class Outcome:
    """How one example ended, when SafeCase did not raise: it took the file, or it listed problems."""

    tally: FuzzTally
    kind: str

    def accept(self) -> None:
        self.tally.accepted += 1
        self.tally.accepted_kinds[self.kind] += 1

    def refuse(self, label: str, message: str) -> None:
        self.tally.refused[label] += 1
        self.tally.messages.add(message)


@contextmanager
def example(target: str, kind: str) -> Iterator[Outcome]:
    """Run one example of ``target``: bounded in time, counted; a ``SafeCaseError`` is a refusal (its
    message checked), anything else escapes and fails the example. The body says how else it ended."""
    tally = TALLIES.setdefault(target, FuzzTally())
    tally.examples += 1
    tally.kinds[kind] += 1
    start = time.perf_counter()
    try:
        with bounded():
            yield Outcome(tally, kind)
    except SafeCaseError as exc:
        check_message(exc.message)
        tally.refused[type(exc).__name__] += 1
        tally.messages.add(exc.message)
    finally:
        elapsed = time.perf_counter() - start
        tally.seconds += elapsed
        tally.slowest = max(tally.slowest, elapsed)


def fuzz_settings(target: str) -> settings:
    count, derandomize = examples_for(target)
    return settings(
        max_examples=count,
        deadline=None,
        derandomize=derandomize,
        database=None,
        suppress_health_check=list(HealthCheck),
    )


# --- byte mutations ------------------------------------------------------------------------------------

_POSITION = st.integers(min_value=0, max_value=2**31)
BYTE_OPS = st.one_of(
    st.tuples(st.just("flip"), _POSITION, st.integers(1, 255)),
    st.tuples(st.just("truncate"), _POSITION),
    st.tuples(st.just("insert"), _POSITION, st.binary(min_size=1, max_size=64)),
    st.tuples(st.just("delete"), _POSITION, st.integers(1, 512)),
    st.tuples(st.just("overwrite"), _POSITION, st.binary(min_size=1, max_size=64)),
)
BYTE_MUTATIONS = st.lists(BYTE_OPS, min_size=1, max_size=4)


def mutate_bytes(data: bytes, ops: list[tuple[Any, ...]]) -> bytes:
    buf = bytearray(data)
    for op in ops:
        kind, pos = op[0], op[1] % (len(buf) + 1)
        if kind == "flip" and buf:
            buf[pos % len(buf)] ^= op[2]
        elif kind == "truncate":
            del buf[pos:]
        elif kind == "insert":
            buf[pos:pos] = op[2]
        elif kind == "delete":
            del buf[pos : pos + op[2]]
        elif kind == "overwrite":
            buf[pos : pos + len(op[2])] = op[2]
    return bytes(buf)


# --- JSON mutations ------------------------------------------------------------------------------------

# Values spliced into the serialized text, because json.dumps cannot write them (or not cheaply).
RAW = {
    "@@HUGE_INT@@": "9" * 5000,
    "@@HUGE_NEGATIVE@@": "-" + "1" * 4400,
    "@@BIG_FLOAT@@": "1e99999",
    "@@NAN@@": "NaN",
    "@@INFINITY@@": "-Infinity",
    "@@DEEP_ARRAY@@": "[" * 100_000 + "]" * 100_000,
    "@@DEEP_OBJECT@@": '{"a":' * 50_000 + "1" + "}" * 50_000,
}
WEIRD_VALUES: list[Any] = [
    None,
    True,
    False,
    0,
    -1,
    1,
    2,
    2**31,
    -(2**63),
    2**64 + 1,
    1.5,
    -0.0,
    1e308,
    "",
    " ",
    "A",
    "!!!",
    "====",
    "AAAA",
    "x" * 70_000,
    "\u0000",
    "\udcff",
    "\ud800x",
    "한글",
    "argon2id",
    "safecase.keys",
    "safecase.backup",
    [],
    [None],
    [[], {}],
    {},
    {"": None},
    {"algorithm": "argon2id", "memory_kib": 65536, "iterations": 1, "lanes": 1},
    *RAW,
]
JSON_OP = st.tuples(
    st.sampled_from(["set", "delete", "wrap", "duplicate", "rename", "stringify"]),
    st.lists(st.integers(min_value=0, max_value=1000), max_size=6),  # the walk to a node
    st.sampled_from(WEIRD_VALUES),
)
JSON_MUTATIONS = st.lists(JSON_OP, min_size=1, max_size=3)


def _walk(document: Any, steps: list[int]) -> tuple[Any, Any]:
    """(container, key) of the node the walk ends at; the root's container is a one-item list."""
    parent: Any = [document]
    key: Any = 0
    for step in steps:
        node = parent[key]
        if isinstance(node, dict) and node:
            parent, key = node, sorted(node)[step % len(node)]
        elif isinstance(node, list) and node:
            parent, key = node, step % len(node)
        else:
            break
    return parent, key


def mutate_json(document: Any, ops: list[tuple[Any, ...]]) -> Any:
    """A changed deep copy of ``document`` (its root may be replaced too)."""
    root: list[Any] = [json.loads(json.dumps(document))]
    for kind, steps, shared in ops:
        value = copy.deepcopy(shared)  # WEIRD_VALUES are shared: never put one object in two places
        parent, key = _walk(root[0], steps) if steps else (root, 0)
        if kind == "set":
            parent[key] = value
        elif kind == "delete" and parent is not root:
            del parent[key]
        elif kind == "wrap":
            parent[key] = [parent[key]] if isinstance(value, list) else {"value": parent[key]}
        elif kind == "duplicate" and isinstance(parent, list):
            parent.append(json.loads(json.dumps(parent[key])))
        elif kind == "duplicate" and isinstance(parent, dict):
            parent[f"{key}_"] = parent[key]
        elif kind == "rename" and isinstance(parent, dict):
            parent[str(value)[:40] if value is not None else "null"] = parent.pop(key)
        elif kind == "stringify":
            parent[key] = json.dumps(parent[key])
    return root[0]


def dump_json(document: Any, *, checksum_of: Callable[[Any], str] | None = None) -> bytes:
    """``document`` as JSON text with the RAW values spliced in; with ``checksum_of``, a ``checksum``
    member over the rest (when it can be computed), as a careful editor of keys.json would leave it."""
    if checksum_of is not None and isinstance(document, dict):
        document = {k: v for k, v in document.items() if k != "checksum"}
        with suppress(ValueError, TypeError, RecursionError):
            document["checksum"] = checksum_of(document)
    text = json.dumps(document, indent=2, sort_keys=isinstance(document, dict) and _sortable(document))
    for marker, raw in RAW.items():
        text = text.replace(json.dumps(marker), raw)
    return text.encode("utf-8", "surrogatepass")


def _sortable(document: dict[str, Any]) -> bool:
    return all(isinstance(k, str) for k in document)


def keyfile_checksum(document: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_json(document)).hexdigest()


# --- the fixtures every target starts from -------------------------------------------------------------


@dataclass
class FuzzVaults:
    """Fixture vaults and files, built once per run, copied for what an example may change."""

    base: Path
    templates: VaultTemplates
    _team: Path | None = None
    _recovery_key: str = ""
    _data_key: bytes = b""
    _backup: Path | None = None
    _count = 0

    def folder(self, name: str) -> Path:
        """A new empty folder for one example."""
        self._count += 1
        path = self.base / f"{name}-{self._count}"
        path.mkdir(parents=True)
        return path

    def team(self) -> Path:
        """A closed team vault (admin, counselor, supervisor) to read from; never changed."""
        if self._team is None:
            self._team = self.base / "team"
            self._recovery_key = self.templates.copy("team", build_team_vault, self._team)
            session = access.sign_in(self._team, ADMIN, ADMIN_PASSWORD)
            self._data_key = session.data_key
            session.close()
        return self._team

    def team_copy(self, dest: Path) -> Path:
        shutil.copytree(self.team(), dest)
        VaultPaths(dest).throttle.unlink(missing_ok=True)
        return dest

    @property
    def recovery_key(self) -> str:
        self.team()
        return self._recovery_key

    @property
    def data_key(self) -> bytes:
        self.team()
        return self._data_key

    def backup(self) -> Path:
        """A backup of the team vault, with one blob."""
        if self._backup is None:
            root = self.team_copy(self.base / "backup-source")
            (root / "blobs" / "ab").mkdir()
            (root / "blobs" / "ab" / "evidence.bin").write_bytes(b"\x00encrypted evidence stand-in")
            session = access.sign_in(root, ADMIN, ADMIN_PASSWORD)
            self._backup = self.base / "team.safecase-backup"
            create_backup(session, self._backup)
            session.close()
        return self._backup

    def crash_vault(self, dest: Path) -> Path:
        """A copy of the team vault with 150 demo cases (the crash proof's; a few hundred pages)."""
        self.templates.copy("crash", build_crash_vault, dest)
        return dest


# --- keys.json and the sign-in delay file ---------------------------------------------------------------

KEYS_MODES = st.sampled_from(["bytes", "json", "json+checksum", "json+checksum+mac", "delays"])
WHO = st.sampled_from(["admin", "counselor", "recovery"])


def mutated_keyfile(base: bytes, data_key: bytes, mode: str, json_ops: list[Any], byte_ops: list[Any]) -> bytes:
    if mode == "bytes":
        return mutate_bytes(base, byte_ops)
    document = mutate_json(json.loads(base), json_ops)
    raw = dump_json(document, checksum_of=keyfile_checksum if mode != "json" else None)
    if mode == "json+checksum+mac":
        try:
            parsed = keyfiles.parse_any(raw)
        except (SafeCaseError, ValueError, RecursionError):
            return raw
        if isinstance(parsed, KeyFile):
            return keyfiles.serialize(parsed.signed(data_key))
    return raw


def sign_in_as(root: Path, who: str, recovery_key: str) -> None:
    """Sign in (or open with the recovery key) and close again; SafeCaseError when refused."""
    if who == "recovery":
        opened = access.open_recovery(root, recovery_key)
        opened.conn.close()
    else:
        name, password = (ADMIN, ADMIN_PASSWORD) if who == "admin" else (COUNSELOR, COUNSELOR_PASSWORD)
        access.sign_in(root, name, password).close()


def fuzz_keys(vaults: FuzzVaults) -> None:
    root = vaults.team_copy(vaults.folder("keys") / "vault")
    paths = VaultPaths(root)
    base_keys = paths.keyfile.read_bytes()
    base_db = paths.db.read_bytes()
    base_delays = json.dumps(
        {
            "version": 1,
            "failures": {"unknown-name": 1},
            "last_failure": {"unknown-name": 1.0},
            "pending": [{"slot": "unknown-name", "at": 1.0, "reason": "unknown user"}],
        }
    )

    @fuzz_settings("keys.json")
    @given(mode=KEYS_MODES, json_ops=JSON_MUTATIONS, byte_ops=BYTE_MUTATIONS, who=WHO)
    def run(mode: str, json_ops: list[Any], byte_ops: list[Any], who: str) -> None:
        # Each example starts from the vault as it was: a sign-in that got in wrote to it.
        paths.db.write_bytes(base_db)
        for path in paths.wal_files():
            path.unlink(missing_ok=True)
        paths.throttle.unlink(missing_ok=True)
        if mode == "delays":
            paths.keyfile.write_bytes(base_keys)
            paths.throttle.write_bytes(dump_json(mutate_json(json.loads(base_delays), json_ops)))
        else:
            paths.keyfile.write_bytes(mutated_keyfile(base_keys, vaults.data_key, mode, json_ops, byte_ops))
        with example("keys.json", mode) as outcome:
            sign_in_as(root, who, vaults.recovery_key)
            outcome.accept()

    run()


# --- backups -------------------------------------------------------------------------------------------

_NAMES = [
    "../keys.json",
    "/etc/safecase.db",
    "blobs",
    "blobs/",
    "blobs/../../escape",
    "blobs/ab/../../keys.json",
    "safecase.db/",
    "./safecase.db",
    "manifest.json",
    "keys.json",
    "",
    "a" * 300,
    "blobs/x\u202egnp.exe",
    "blobs/한글",
    "KEYS.JSON",
]
_TYPES = [tarfile.SYMTYPE, tarfile.LNKTYPE, tarfile.DIRTYPE, tarfile.FIFOTYPE, tarfile.CHRTYPE, tarfile.CONTTYPE]
TAR_OP = st.one_of(
    st.tuples(st.just("drop"), st.integers(0, 10)),
    st.tuples(st.just("duplicate"), st.integers(0, 10)),
    st.tuples(st.just("move"), st.integers(0, 10), st.integers(0, 10)),
    st.tuples(st.just("rename"), st.integers(0, 10), st.sampled_from(_NAMES)),
    st.tuples(st.just("type"), st.integers(0, 10), st.sampled_from(_TYPES), st.sampled_from(_NAMES)),
    st.tuples(st.just("content"), st.integers(0, 10), BYTE_MUTATIONS),
    st.tuples(st.just("extra"), st.sampled_from(_NAMES), st.binary(max_size=64)),
    st.tuples(st.just("manifest"), JSON_MUTATIONS),
)
BACKUP_MODES = st.sampled_from(["bytes", "tar", "tar+hashes", "tar+hashes+mac"])
TAR_FORMATS = st.sampled_from([tarfile.GNU_FORMAT, tarfile.PAX_FORMAT, tarfile.USTAR_FORMAT])


def _members(backup: Path) -> list[tuple[tarfile.TarInfo, bytes]]:
    with tarfile.open(backup) as tar:
        return [(m, tar.extractfile(m).read()) for m in tar.getmembers()]  # type: ignore[union-attr]


def mutated_backup(
    base: list[tuple[tarfile.TarInfo, bytes]], data_key: bytes, mode: str, ops: list[Any], fmt: int
) -> bytes:
    """The backup's members changed by ``ops``; with ``+hashes`` the manifest lists the new hashes, with
    ``+mac`` its MAC is made again with the data key."""
    members = [(tarfile.TarInfo(info.name), data) for info, data in base]
    for (info, _), (old, _) in zip(members, base, strict=True):
        info.mode, info.mtime, info.type = old.mode, old.mtime, old.type
    manifest_ops: list[Any] = []
    for op in ops:
        if not members:
            break
        i = op[1] % len(members) if isinstance(op[1], int) else 0
        if op[0] == "drop":
            del members[i]
        elif op[0] == "duplicate":
            members.insert(i, members[i])
        elif op[0] == "move":
            members.insert(op[2] % len(members), members.pop(i))
        elif op[0] == "rename":
            info = _copy_info(members[i][0])
            info.name = op[2]
            members[i] = (info, members[i][1])
        elif op[0] == "type":
            info = _copy_info(members[i][0])
            info.type, info.linkname = op[2], op[3]
            members[i] = (info, b"" if info.type != tarfile.CONTTYPE else members[i][1])
        elif op[0] == "content":
            members[i] = (members[i][0], mutate_bytes(members[i][1], op[2]))
        elif op[0] == "extra":
            members.append((tarfile.TarInfo(op[1]), op[2]))
        elif op[0] == "manifest":
            manifest_ops += op[1]
    if mode != "tar":
        members = _with_manifest(members, data_key if mode.endswith("+mac") else None, manifest_ops)
    elif manifest_ops:
        members = _with_manifest(members, None, manifest_ops, keep_hashes=True)
    try:
        return _tar(members, fmt)
    except ValueError:  # a name too long for the format
        return _tar(members, tarfile.GNU_FORMAT)


def _tar(members: list[tuple[tarfile.TarInfo, bytes]], fmt: int) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=fmt) as tar:
        for info, data in members:
            info = _copy_info(info)
            info.size = len(data) if info.isreg() else 0
            tar.addfile(info, io.BytesIO(data) if info.isreg() else None)
    return out.getvalue()


def _copy_info(info: tarfile.TarInfo) -> tarfile.TarInfo:
    copy = tarfile.TarInfo(info.name)
    copy.type, copy.mode, copy.mtime, copy.linkname = info.type, info.mode, info.mtime, info.linkname
    return copy


def _with_manifest(
    members: list[tuple[tarfile.TarInfo, bytes]],
    data_key: bytes | None,
    ops: list[Any],
    keep_hashes: bool = False,
) -> list[tuple[tarfile.TarInfo, bytes]]:
    """Rewrite the first ``manifest.json`` member: hashes of the members as they are now (unless
    ``keep_hashes``), the JSON mutations, the MAC with ``data_key``."""
    index = next((i for i, (info, _) in enumerate(members) if info.name == "manifest.json"), None)
    if index is None:
        return members
    try:
        manifest = json.loads(members[index][1])
    except ValueError:
        return members
    if isinstance(manifest, dict) and not keep_hashes:
        manifest["files"] = {
            info.name: hashlib.sha256(data).hexdigest()
            for info, data in members
            if info.name != "manifest.json" and info.isreg()
        }
    manifest = mutate_json(manifest, ops) if ops else manifest
    if data_key is not None and isinstance(manifest, dict):
        body = {k: v for k, v in manifest.items() if k != "mac"}
        with suppress(ValueError, TypeError, RecursionError):
            manifest["mac"] = mac(derive_subkey(data_key, BACKUP_MANIFEST_MAC), canonical_json(body))
    info = _copy_info(members[index][0])
    return [*members[:index], (info, dump_json(manifest)), *members[index + 1 :]]


def fuzz_backups(vaults: FuzzVaults) -> None:
    backup = vaults.backup()
    base_bytes = backup.read_bytes()
    base_members = _members(backup)
    existing = vaults.team_copy(vaults.base / "restore-over")
    existing_state = snapshot(existing)

    @fuzz_settings("backup")
    @given(
        mode=BACKUP_MODES,
        tar_ops=st.lists(TAR_OP, min_size=1, max_size=3),
        byte_ops=BYTE_MUTATIONS,
        fmt=TAR_FORMATS,
        replace=st.booleans(),
        recovery=st.booleans(),
    )
    def run(mode: str, tar_ops: list[Any], byte_ops: list[Any], fmt: int, replace: bool, recovery: bool) -> None:
        nonlocal existing_state
        folder = vaults.folder("backup")
        bad = folder / "bad.safecase-backup"
        if mode == "bytes":
            bad.write_bytes(mutate_bytes(base_bytes, byte_ops))
        else:
            bad.write_bytes(mutated_backup(base_members, vaults.data_key, mode, tar_ops, fmt))
        target = existing if replace else folder / "restored"
        credentials: dict[str, str] = (
            {"recovery_key": vaults.recovery_key} if recovery else {"user_name": ADMIN, "password": ADMIN_PASSWORD}
        )
        refused = True
        with example("backup", mode + (" over a vault" if replace else "")) as outcome:
            restore_backup(bad, target, replace=replace, **credentials)
            refused = False
            outcome.accept()
        leftovers = [p.name for p in target.parent.iterdir() if ".restoring-" in p.name]
        assert not leftovers, f"a refused or finished restore left {leftovers}"
        if refused:
            assert snapshot(existing) == existing_state if replace else not target.exists()
        else:
            # Only what changed nothing SafeCase checks gets in (tar padding, an attacker with the data
            # key rewriting a blob): the result must still be a whole vault.
            session = access.sign_in(target, ADMIN, ADMIN_PASSWORD)
            try:
                report = verify_vault(session)
            finally:
                session.close()
            assert report.ok, [c.detail for c in report.checks if not c.ok]
            if replace:
                existing_state = snapshot(existing)
        shutil.rmtree(folder)

    run()


# --- CSV import files ----------------------------------------------------------------------------------

WEIRD_CELLS = [
    "",
    " ",
    "\n",
    "\r\n",
    '"',
    '""',
    "\x00",
    "\ufeff",
    "\u202e",
    "\udcff",
    "9999-99-99",
    "2024-02-30",
    "0000-01-01",
    "+2024-01-01",
    "２０２４-０３-０５",
    "2024-03-05\n",
    " 2024-03-05 ",
    "3000-01-01",
    "2024",
    "2024-13",
    "1e999",
    "-1",
    "x" * 200_000,
    "y" * 5000,
    "case_number",
    "🙂",
    "a;b;;;c",
    ";;;",
    "army/nco/officer",
    "육군/육군",
    "육군 부사관 장교",
    "2024-0042",
    "2024-9999999",
    "0-0",
    "counselor;counselor",
    "admin",
    "nobody",
    "딥페이크;" * 200,
    "=cmd|' /C calc'!A0",
]
CSV_OP = st.one_of(
    st.tuples(
        st.just("cell"), st.integers(0, 50), st.integers(0, 50), st.one_of(st.sampled_from(WEIRD_CELLS), st.text())
    ),
    st.tuples(st.just("drop_cell"), st.integers(0, 50), st.integers(0, 50)),
    st.tuples(st.just("add_cell"), st.integers(0, 50), st.integers(0, 50), st.sampled_from(WEIRD_CELLS)),
    st.tuples(st.just("drop_row"), st.integers(0, 50)),
    st.tuples(st.just("duplicate_row"), st.integers(0, 50)),
    st.tuples(st.just("blank_rows"), st.integers(0, 50), st.integers(1, 5)),
    st.tuples(st.just("swap_columns"), st.integers(0, 50), st.integers(0, 50)),
    st.tuples(st.just("many_rows"), st.integers(2, 300)),
    st.tuples(st.just("many_columns"), st.integers(2, 300)),
)
CSV_ENCODINGS = st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "cp949", "utf-16", "latin-1"])
CSV_DIALECTS = st.sampled_from(["minimal", "all", "none", "tab", "semicolon"])
CSV_LINE_ENDINGS = st.sampled_from(["\n", "\r\n", "\r"])
CSV_ENTRY = st.sampled_from(["import", "dry run", "preview"])


def mutated_csv(rows: list[list[str]], ops: list[Any], dialect: str, ending: str, encoding: str) -> bytes:
    rows = [list(r) for r in rows]
    for op in ops:
        if not rows:
            rows = [[]]
        r = op[1] % len(rows) if op[0] not in ("many_rows", "many_columns") else 0
        row = rows[r]
        if op[0] == "cell" and row:
            row[op[2] % len(row)] = op[3]
        elif op[0] == "drop_cell" and row:
            del row[op[2] % len(row)]
        elif op[0] == "add_cell":
            row.insert(op[2] % (len(row) + 1), op[3])
        elif op[0] == "drop_row":
            del rows[r]
        elif op[0] == "duplicate_row":
            rows.insert(r, list(row))
        elif op[0] == "blank_rows":
            rows[r:r] = [[] for _ in range(op[2])]
        elif op[0] == "swap_columns":
            for each in rows:
                if each:
                    a, b = op[1] % len(each), op[2] % len(each)
                    each[a], each[b] = each[b], each[a]
        elif op[0] == "many_rows":
            rows += [list(rows[-1]) for _ in range(op[1])]
        elif op[0] == "many_columns":
            rows = [[*each, *(["x"] * op[1])] for each in rows]
    out = io.StringIO()
    options: dict[str, Any] = {"lineterminator": ending}
    if dialect == "all":
        options["quoting"] = csv.QUOTE_ALL
    elif dialect == "none":
        options.update(quoting=csv.QUOTE_NONE, escapechar="\\")
    elif dialect == "tab":
        options["delimiter"] = "\t"
    elif dialect == "semicolon":
        options["delimiter"] = ";"
    writer = csv.writer(out, **options)
    for each in rows:
        try:
            writer.writerow(each)
        except csv.Error:
            writer.writerow([cell.replace("\\", "") for cell in each])
    return out.getvalue().encode(encoding, "surrogatepass" if encoding.startswith("utf-8") else "replace")


def fuzz_csv(vaults: FuzzVaults) -> None:
    root = vaults.team_copy(vaults.folder("csv") / "vault")
    session = frozen(access.sign_in(root, SUPERVISOR, SUPERVISOR_PASSWORD), TODAY)
    base_rows = list(csv.reader(io.StringIO(IMPORT_FIXTURE.read_text("utf-8"), newline="")))
    numbered = [row[:] for row in base_rows]
    generated = [[("" if i and j == 0 else cell) for j, cell in enumerate(row)] for i, row in enumerate(base_rows)]
    folder = vaults.folder("csv-files")

    @fuzz_settings("csv")
    @given(
        base=st.sampled_from(["numbered", "generated"]),
        ops=st.lists(CSV_OP, max_size=4),
        raw=st.booleans(),
        byte_ops=BYTE_MUTATIONS,
        dialect=CSV_DIALECTS,
        ending=CSV_LINE_ENDINGS,
        encoding=CSV_ENCODINGS,
        entry=CSV_ENTRY,
    )
    def run(
        base: str,
        ops: list[Any],
        raw: bool,
        byte_ops: list[Any],
        dialect: str,
        ending: str,
        encoding: str,
        entry: str,
    ) -> None:
        data = mutated_csv(numbered if base == "numbered" else generated, ops, dialect, ending, encoding)
        path = folder / "cases.csv"
        path.write_bytes(mutate_bytes(data, byte_ops) if raw else data)
        before = CaseRepository(session.conn).count()
        with example("csv", f"{entry}, {'bytes' if raw else 'cells'}") as outcome:
            if entry == "preview":
                problems = [str(problem) for problem in preview_import(session, path).problems]
            else:
                report = import_cases(session, path, dry_run=entry == "dry run")
                problems = [str(problem) for problem in report.problems]
                after = CaseRepository(session.conn).count()
                assert after == before + report.imported, "the cases written are not the cases reported"
                assert report.ok or report.imported == 0, "a file with problems imported something"
            for problem in problems:
                check_message(problem, "import problem", echoes=True)
            if problems:
                outcome.refuse("problems listed", problems[0])
            else:
                outcome.accept()

    try:
        run()
    finally:
        session.close()


# --- the database --------------------------------------------------------------------------------------

_PAGE_INDEX = st.integers(min_value=0, max_value=10_000)
DB_OP = st.one_of(
    st.tuples(st.just("flip"), _PAGE_INDEX, st.integers(0, PAGE - 1), st.integers(1, 255)),
    st.tuples(st.just("zero_page"), _PAGE_INDEX),
    st.tuples(st.just("random_page"), _PAGE_INDEX, st.binary(min_size=16, max_size=16)),
    st.tuples(st.just("swap_pages"), _PAGE_INDEX, _PAGE_INDEX),
    st.tuples(st.just("copy_page"), _PAGE_INDEX, _PAGE_INDEX),
    st.tuples(st.just("truncate_pages"), _PAGE_INDEX),
    st.tuples(st.just("bytes"), BYTE_MUTATIONS),
    st.tuples(st.just("append"), st.binary(min_size=1, max_size=PAGE + 1)),
    st.tuples(st.just("garbage_wal"), st.binary(min_size=0, max_size=2 * PAGE)),
)


def mutate_database(data: bytes, ops: list[Any]) -> tuple[bytes, bytes | None]:
    """The changed database file, and a WAL file to put beside it (or None)."""
    buf = bytearray(data)
    wal: bytes | None = None
    for op in ops:
        pages = max(1, len(buf) // PAGE)
        if op[0] == "flip" and buf:
            buf[(op[1] % pages * PAGE + op[2]) % len(buf)] ^= op[3]
        elif op[0] == "zero_page":
            start = op[1] % pages * PAGE
            buf[start : start + PAGE] = bytes(len(buf[start : start + PAGE]))
        elif op[0] == "random_page":
            start = op[1] % pages * PAGE
            chunk = hashlib.sha256(op[2]).digest() * (PAGE // 32)
            buf[start : start + PAGE] = chunk[: len(buf[start : start + PAGE])]
        elif op[0] in ("swap_pages", "copy_page"):
            a, b = op[1] % pages * PAGE, op[2] % pages * PAGE
            page_a, page_b = bytes(buf[a : a + PAGE]), bytes(buf[b : b + PAGE])
            if len(page_a) == len(page_b):
                buf[b : b + PAGE] = page_a
                if op[0] == "swap_pages":
                    buf[a : a + PAGE] = page_b
        elif op[0] == "truncate_pages":
            del buf[op[1] % pages * PAGE :]
        elif op[0] == "bytes":
            buf = bytearray(mutate_bytes(bytes(buf), op[1]))
        elif op[0] == "append":
            buf += op[1]
        elif op[0] == "garbage_wal":
            wal = op[1]
    return bytes(buf), wal


def fuzz_database(vaults: FuzzVaults) -> None:
    source = vaults.crash_vault(vaults.folder("database-source") / "vault")
    base = VaultPaths(source).db.read_bytes()

    @fuzz_settings("database")
    @given(ops=st.lists(DB_OP, min_size=1, max_size=3), who=st.sampled_from(["admin", "counselor"]))
    def run(ops: list[Any], who: str) -> None:
        folder = vaults.folder("database")
        root = folder / "vault"
        shutil.copytree(source, root)
        paths = VaultPaths(root)
        data, wal = mutate_database(base, ops)
        paths.db.write_bytes(data)
        if wal is not None:
            paths.wal_files()[0].write_bytes(wal)
        kind = ops[0][0] if len(ops) == 1 else "several"
        with example("database", kind) as outcome:
            name, password = (ADMIN, ADMIN_PASSWORD) if who == "admin" else (COUNSELOR, COUNSELOR_PASSWORD)
            session = access.sign_in(root, name, password)
            try:
                report = verify_vault(session)
            finally:
                session.close()
            for check in report.checks:
                check_message(check.detail, f"verify's {check.name} detail")
            if data != base:
                assert not report.ok, "a changed database passed verify"
            if report.ok:
                outcome.accept()  # nothing SafeCase reads was changed (a WAL file that is not one)
            else:
                outcome.refuse("verify failed", next(c.detail for c in report.checks if not c.ok))
        shutil.rmtree(folder)

    run()


# --- the command line ----------------------------------------------------------------------------------

CLI_KINDS = st.sampled_from(["keys.json", "backup", "csv", "database"])


def _cli_case(vaults: FuzzVaults, folder: Path, kind: str, draw: Any) -> tuple[list[str], str]:
    """Arguments and standard input for one CLI example of ``kind``, its file mutated."""
    if kind == "keys.json":
        root = vaults.team_copy(folder / "vault")
        mode = draw(KEYS_MODES.filter(lambda m: m != "delays"))
        raw = mutated_keyfile(
            VaultPaths(root).keyfile.read_bytes(), vaults.data_key, mode, draw(JSON_MUTATIONS), draw(BYTE_MUTATIONS)
        )
        VaultPaths(root).keyfile.write_bytes(raw)
        return ["verify", "--vault", str(root), "--user", ADMIN, "--password-stdin"], ADMIN_PASSWORD + "\n"
    if kind == "backup":
        bad = folder / "bad.safecase-backup"
        mode = draw(BACKUP_MODES)
        if mode == "bytes":
            bad.write_bytes(mutate_bytes(vaults.backup().read_bytes(), draw(BYTE_MUTATIONS)))
        else:
            ops = draw(st.lists(TAR_OP, min_size=1, max_size=3))
            bad.write_bytes(mutated_backup(_members(vaults.backup()), vaults.data_key, mode, ops, draw(TAR_FORMATS)))
        # A new folder proves no administrator, so only the recovery key restores there.
        args = ["restore", str(bad), "--vault", str(folder / "restored"), "--recovery-key-stdin", "--yes"]
        return args, vaults.recovery_key + "\n"
    if kind == "csv":
        root = vaults.team_copy(folder / "vault")
        rows = list(csv.reader(io.StringIO(IMPORT_FIXTURE.read_text("utf-8"), newline="")))
        data = mutated_csv(
            rows, draw(st.lists(CSV_OP, max_size=4)), draw(CSV_DIALECTS), draw(CSV_LINE_ENDINGS), draw(CSV_ENCODINGS)
        )
        path = folder / "cases.csv"
        path.write_bytes(mutate_bytes(data, draw(BYTE_MUTATIONS)) if draw(st.booleans()) else data)
        args = ["import-cases", str(path), "--dry-run", "--vault", str(root), "--user", SUPERVISOR, "--password-stdin"]
        return args, SUPERVISOR_PASSWORD + "\n"
    root = vaults.crash_vault(folder / "vault")
    data, wal = mutate_database(VaultPaths(root).db.read_bytes(), draw(st.lists(DB_OP, min_size=1, max_size=3)))
    VaultPaths(root).db.write_bytes(data)
    if wal is not None:
        VaultPaths(root).wal_files()[0].write_bytes(wal)
    return ["verify", "--vault", str(root), "--user", ADMIN, "--password-stdin"], ADMIN_PASSWORD + "\n"


def check_cli_output(code: int | None, stdout: str, stderr: str) -> None:
    """Exit 0 or 1; a failure says why on one line (``safecase: error: …``), followed only by the
    ``  - `` lines listing an import's bad rows; never the "unexpected error" fallback."""
    assert code in (0, 1), f"exit code {code}: {stderr!r}"
    assert "Traceback" not in stdout + stderr, stderr
    # One-line warnings may come first: the vault copies share a vault id, so this PC's memory of the
    # audit head it saw (per vault id) warns of an older copy. Each must still be one line of words.
    lines = stderr.splitlines()
    while lines and lines[0].startswith("safecase: warning: "):
        check_message(lines.pop(0).removeprefix("safecase: warning: "), "CLI warning")
    if code == 1:
        assert lines and lines[0].startswith("safecase: error: "), f"stderr: {stderr!r}"
        assert "unexpected error" not in lines[0], f"an exception SafeCase did not expect: {lines[0]}"
        check_message(lines[0].removeprefix("safecase: error: "), "CLI error")
        for line in lines[1:]:
            assert line.startswith("  - "), f"stray line on stderr: {line!r}"
            check_message(line[4:], "CLI detail", echoes=True)
    else:
        assert not lines, f"stderr on success: {stderr!r}"
    for line in stdout.splitlines():
        assert "Traceback" not in line


def fuzz_cli(vaults: FuzzVaults) -> None:
    def invoke(args: list[str], stdin: str) -> tuple[int, str, str]:
        result = CliRunner().invoke(cli, args, input=stdin, catch_exceptions=True)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return result.exit_code, result.stdout, result.stderr

    _fuzz_command("cli", vaults, invoke)


def fuzz_cli_process(vaults: FuzzVaults) -> None:
    """The real ``safecase`` process: what C code writes to file descriptor 2 (SQLCipher's log) shows too."""
    src = str(Path(sys.modules["safecase"].__file__ or "").resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [src, os.environ.get("PYTHONPATH")]))}

    def invoke(args: list[str], stdin: str) -> tuple[int, str, str]:
        done = subprocess.run(
            [sys.executable, "-m", "safecase", *args],
            input=stdin,
            capture_output=True,
            text=True,
            env=env,
            timeout=CASE_SECONDS,
        )
        return done.returncode, done.stdout, done.stderr

    _fuzz_command("cli-process", vaults, invoke)


def _fuzz_command(target: str, vaults: FuzzVaults, invoke: Callable[[list[str], str], tuple[int, str, str]]) -> None:
    @fuzz_settings(target)
    @given(kind=CLI_KINDS, data=st.data())
    def run(kind: str, data: st.DataObject) -> None:
        folder = vaults.folder(target)
        args, stdin = _cli_case(vaults, folder, kind, data.draw)
        with example(target, kind) as outcome:
            code, stdout, stderr = invoke(args, stdin)
            check_cli_output(code, stdout, stderr)
            if code == 0:
                outcome.accept()
            else:
                outcome.refuse("exit 1", stderr.splitlines()[0])
        shutil.rmtree(folder)

    run()


FUZZERS: dict[str, Callable[[FuzzVaults], None]] = {
    "keys.json": fuzz_keys,
    "backup": fuzz_backups,
    "csv": fuzz_csv,
    "database": fuzz_database,
    "cli": fuzz_cli,
    "cli-process": fuzz_cli_process,
}


def run_target(target: str, vaults: FuzzVaults) -> FuzzTally:
    """Run one target's examples; returns what they did (AssertionError on the first broken property)."""
    TALLIES[target] = FuzzTally()
    FUZZERS[target](vaults)
    return TALLIES[target]
