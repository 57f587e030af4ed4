"""Benchmark: the Cases list, a filter change, full-text search and opening a case on a large vault,
encrypted (SQLCipher) and plain (SQLite, same schema and data), with the ratio between them.

Run on demand (not part of the test run):

    .venv/bin/python tests/benchmarks/bench_cases.py [--cases 100000] [--runs 9] [--vault DIR]

Builds a vault of ``--cases`` synthetic demo cases (``safecase demo``; about a minute for 100 000),
or reuses the demo vault at ``--vault`` when one is there (it is kept for the next run). Then it times,
as a supervisor who sees every case and through the same services the app calls:

* list: the Cases list's first screen — ``CaseService.list_ids`` with the default filter (which also
  writes its ``cases.listed`` audit row, as the app does) and the summaries of the first 50 ids;
* filter: the same after a filter change (status active or referred, risk high or urgent);
* search: a full-text search for a Korean word of three or more syllables (trigram index) and for a
  two-syllable word (bigram index), with the first 50 summaries;
* counselor: the first screen as a counselor (only their own cases);
* open: opening a case — ``CaseService.get`` (audit-logged) and its contacts, incidents, referrals
  (a different case each run);
* list cold: the first screen on a fresh connection, whose page cache is still empty (as right after
  signing in; the operating system's file cache is warm).

Each figure is the median of ``--runs`` runs after one warm-up (open: 5x as many; list cold: 3). Targets: list, filter and search under
200 ms; open under 100 ms. Then the database is copied into a plain SQLite file with SQLCipher's
``sqlcipher_export`` and the same queries are timed on it, with the same connection settings, and the
ratio printed (goal: SQLCipher costs less than 1.5x). The plain copy is opened with sqlcipher3 without a
key, not with the standard library's sqlite3: its SQLite may be too old for the FTS5 option
``contentless_delete`` (3.43+) the search tables use. The plain copy holds only synthetic demo cases,
is written next to the vault and deleted at the end; the benchmark refuses to export a vault holding
anything but demo cases.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import cast

import sqlcipher3

from safecase.crypto.kdf import FLOOR_PARAMS
from safecase.domain.cases import CaseFilter, CaseStatus, RiskLevel
from safecase.domain.roles import Role
from safecase.services import access
from safecase.services.accounts import AccountService
from safecase.services.cases import CaseService
from safecase.services.contacts import ContactService
from safecase.services.demo import add_demo_cases, demo_case_count
from safecase.services.incidents import IncidentService
from safecase.services.locations import vault_exists
from safecase.services.referrals import ReferralService
from safecase.services.session import VaultSession
from safecase.vault.connection import Connection, connect
from safecase.vault.repositories.cases import CaseRepository

ADMIN, ADMIN_PASSWORD = "admin", "copper lanterns drift over quiet harbors 1"
SUPERVISOR, SUPERVISOR_PASSWORD = "supervisor", "seven owls measure the tidal meadow 2"
COUNSELORS = ("park", "lee", "choi", "kang", "yoon", "jang")
COUNSELOR_PASSWORD = "amber kettles whistle beyond the ridge 3"
SCREEN = 50
LONG_WORD = "텔레그램방"
SHORT_WORD = "협박"
TARGETS_MS = {"list": 200.0, "filter": 200.0, "search": 200.0, "counselor": 200.0, "open": 100.0}


def build(root: Path, cases: int, seed: int) -> None:
    access.set_default_kdf_params(FLOOR_PARAMS)  # sign-in cost is bench_unlock's business
    created = access.create_vault(root, ADMIN, ADMIN_PASSWORD)
    try:
        accounts = AccountService(created.session)
        accounts.add_user(SUPERVISOR, frozenset({Role.SUPERVISOR}), SUPERVISOR_PASSWORD)
        for name in COUNSELORS:
            accounts.add_user(name, frozenset({Role.COUNSELOR}), COUNSELOR_PASSWORD)
        start = time.perf_counter()

        def progress(done: int, total: int) -> None:
            if done % 10_000 == 0 or done == total:
                print(f"  {done:,}/{total:,} cases, {time.perf_counter() - start:.0f} s", flush=True)

        add_demo_cases(created.session, cases, seed=seed, progress=progress)
    finally:
        created.session.close()


def export_plain(session: VaultSession, target: Path) -> Connection:
    """A plain SQLite copy of the whole database (tables, indexes, FTS5 shadow tables) at ``target``."""
    if CaseRepository(session.conn).count() != demo_case_count(session):
        sys.exit("refusing: this vault holds cases that are not demo cases; only demo data is ever exported")
    conn = session.conn
    conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(target),))
    conn.execute("SELECT sqlcipher_export('plain')")
    conn.execute("DETACH DATABASE plain")
    return plain_connection(target, int(conn.execute("PRAGMA cache_size").fetchone()[0]))


def plain_connection(target: Path, cache_size: int) -> Connection:
    """The settings vault.connection.connect() gives the encrypted database (page cache included), no key."""
    plain = cast(Connection, sqlcipher3.connect(str(target), isolation_level=None, check_same_thread=False))
    for pragma in (
        f"cache_size = {cache_size}",
        "busy_timeout = 10000",
        "journal_mode = WAL",
        "secure_delete = ON",
        "temp_store = MEMORY",
        "foreign_keys = ON",
        "synchronous = FULL",
    ):
        plain.execute(f"PRAGMA {pragma}")
    assert plain.execute("PRAGMA cipher_version").fetchone()[0], "sqlcipher3 expected"
    with target.open("rb") as file:
        assert file.read(16) == b"SQLite format 3\x00", "the copy is not plain SQLite"
    return plain


@contextmanager
def on_connection(session: VaultSession, conn: Connection) -> Iterator[VaultSession]:
    """The same user and services over another connection (the plain copy)."""
    other = VaultSession(session.paths, session.user, session.keyfile, conn, None)
    yield other


def median_ms(action: Callable[[], object], runs: int) -> float:
    action()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def cold_first_screen(session: VaultSession, connect_again: Callable[[], Connection], runs: int) -> float:
    """The first screen on a fresh connection (empty page cache), as right after signing in."""
    times = []
    for _ in range(runs):
        conn = connect_again()
        try:
            with on_connection(session, conn) as fresh:
                start = time.perf_counter()
                cases = CaseService(fresh)
                cases.summaries(cases.list_ids(CaseFilter())[:SCREEN])
                times.append(time.perf_counter() - start)
        finally:
            conn.close()
    return statistics.median(times) * 1000


def measure(session: VaultSession, counselor: VaultSession, runs: int, open_ids: list[int]) -> dict[str, float]:
    def first_screen(who: VaultSession, flt: CaseFilter) -> Callable[[], int]:
        def run() -> int:
            cases = CaseService(who)
            ids = cases.list_ids(flt)
            cases.summaries(ids[:SCREEN])
            return len(ids)

        return run

    filtered = CaseFilter(
        statuses=frozenset({CaseStatus.ACTIVE, CaseStatus.REFERRED}),
        risks=frozenset({RiskLevel.HIGH, RiskLevel.URGENT}),
    )
    opened = iter(open_ids * 2)

    def open_case() -> None:
        case_id = next(opened)
        CaseService(session).get(case_id)
        ContactService(session).for_case(case_id)
        IncidentService(session).for_case(case_id)
        ReferralService(session).for_case(case_id)

    return {
        "list": median_ms(first_screen(session, CaseFilter()), runs),
        "filter": median_ms(first_screen(session, filtered), runs),
        "search 3+ syllables": median_ms(first_screen(session, CaseFilter(text=LONG_WORD)), runs),
        "search 2 syllables": median_ms(first_screen(session, CaseFilter(text=SHORT_WORD)), runs),
        "counselor": median_ms(first_screen(counselor, CaseFilter()), runs),
        "open": median_ms(open_case, len(open_ids) - 1),
    }


def counts(session: VaultSession) -> dict[str, int]:
    cases = CaseService(session)
    return {
        "all": len(cases.list_ids(CaseFilter(), log=False)),
        LONG_WORD: len(cases.list_ids(CaseFilter(text=LONG_WORD), log=False)),
        SHORT_WORD: len(cases.list_ids(CaseFilter(text=SHORT_WORD), log=False)),
    }


def reuse_or_build(root: Path, cases: int, seed: int) -> None:
    """Reuse the demo vault at ``root`` (kept between runs, as building 100 000 cases takes minutes) or build it."""
    if vault_exists(root):
        print(f"reusing the demo vault at {root}")
        return
    print(f"building a vault of {cases:,} demo cases at {root}")
    start = time.perf_counter()
    build(root, cases, seed)
    print(f"  built in {time.perf_counter() - start:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--vault", type=Path, default=None, help="build here, or reuse the demo vault found here")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        root = args.vault or Path(scratch) / "vault"
        reuse_or_build(root, args.cases, args.seed)
        db = root / "safecase.db"
        print(f"database: {db.stat().st_size / 2**20:,.0f} MiB")

        session = access.sign_in(root, SUPERVISOR, SUPERVISOR_PASSWORD)
        counselor = access.sign_in(root, COUNSELORS[0], COUNSELOR_PASSWORD)
        plain_path = Path(scratch) / "plain.db"
        plain_conn: Connection | None = None
        try:
            total = CaseRepository(session.conn).count()
            print(
                f"cases: {total:,}; SQLite {sqlcipher3.sqlite_version}, SQLCipher "
                f"{session.conn.execute('PRAGMA cipher_version').fetchone()[0]}; page cache "
                f"{-int(session.conn.execute('PRAGMA cache_size').fetchone()[0]) // 1024} MiB"
            )
            rng = random.Random(args.seed)
            all_ids = CaseService(session).list_ids(CaseFilter(), log=False)
            open_ids = rng.sample(all_ids, min(len(all_ids), 5 * args.runs + 1))
            encrypted = measure(session, counselor, args.runs, open_ids)
            encrypted["list cold"] = cold_first_screen(session, lambda: connect(db, session.data_key), 3)
            encrypted_counts = counts(session)

            plain_conn = export_plain(session, plain_path)
            cache = int(plain_conn.execute("PRAGMA cache_size").fetchone()[0])
            plain_counselor_conn = plain_connection(plain_path, cache)
            with on_connection(session, plain_conn) as plain, on_connection(counselor, plain_counselor_conn) as pc:
                assert counts(plain) == encrypted_counts, "the plain copy answers differently"
                plain_times = measure(plain, pc, args.runs, open_ids)
                plain_times["list cold"] = cold_first_screen(plain, lambda: plain_connection(plain_path, cache), 3)
            plain_counselor_conn.close()
        finally:
            if plain_conn is not None:
                plain_conn.close()
            for path in plain_path.parent.glob("plain.db*"):
                path.unlink()
            session.close()
            counselor.close()

    print()
    print(
        f"matches: {encrypted_counts[LONG_WORD]:,} cases for {LONG_WORD}, "
        f"{encrypted_counts[SHORT_WORD]:,} for {SHORT_WORD}"
    )
    print(f"median ms ({args.runs} runs)     SQLCipher      plain    ratio   target")
    worst = 0.0
    for name, ms in encrypted.items():
        base = plain_times[name]
        target = TARGETS_MS[name.split()[0]]
        ratio = ms / base if base else float("inf")
        worst = max(worst, ratio)
        verdict = "ok" if ms < target else "MISSED"
        print(f"  {name:<20} {ms:9.1f} ms {base:8.1f} ms {ratio:7.2f}x  <{target:4.0f} ms  {verdict}")
    print(f"worst SQLCipher / plain ratio: {worst:.2f}x (goal < 1.5x)   [{date.today().isoformat()}]")


if __name__ == "__main__":
    main()
