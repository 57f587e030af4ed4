"""The nesting unit of work (safecase.vault.unit_of_work) on a real encrypted database.

Outermost level BEGIN IMMEDIATE … COMMIT, inner levels savepoints; hooks after commit or rollback,
exactly once, never both, and not before the outermost level is done.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from safecase.vault.connection import Connection, connect
from safecase.vault.unit_of_work import UnitOfWork, UnitOfWorkError, transaction


class Boom(Exception):
    pass


@pytest.fixture
def db(tmp_path: Path) -> Iterator[tuple[Path, bytes]]:
    path, key = tmp_path / "uow.db", os.urandom(32)
    conn = connect(path, key, create=True)
    conn.execute("CREATE TABLE t (name TEXT NOT NULL)")
    conn.close()
    yield path, key


@pytest.fixture
def conn(db: tuple[Path, bytes]) -> Iterator[Connection]:
    conn = connect(*db)
    yield conn
    conn.close()


def rows(conn: Connection) -> list[str]:
    return [str(r[0]) for r in conn.execute("SELECT name FROM t ORDER BY rowid")]


def add(conn: Connection, name: str) -> None:
    conn.execute("INSERT INTO t (name) VALUES (?)", (name,))


def test_nested_levels_commit_together(conn: Connection, db: tuple[Path, bytes]) -> None:
    uow = UnitOfWork(conn)
    with uow():
        add(conn, "outer")
        with uow():
            assert uow.depth == 2
            add(conn, "inner")
        other = connect(*db)
        try:
            assert rows(other) == []  # nothing is visible outside before the outermost commit
        finally:
            other.close()
    assert uow.depth == 0 and not conn.in_transaction
    other = connect(*db)
    try:
        assert rows(other) == ["outer", "inner"]
    finally:
        other.close()


def test_a_caught_inner_failure_rolls_back_only_its_savepoint(conn: Connection) -> None:
    uow = UnitOfWork(conn)
    with uow():
        add(conn, "before")
        with pytest.raises(Boom), uow():
            add(conn, "inner")
            raise Boom
        add(conn, "after")
    assert rows(conn) == ["before", "after"]


def test_an_uncaught_inner_failure_rolls_back_everything(conn: Connection) -> None:
    uow = UnitOfWork(conn)
    with pytest.raises(Boom), uow():
        add(conn, "outer")
        with uow():
            add(conn, "inner")
            raise Boom
    assert rows(conn) == []
    assert uow.depth == 0 and not conn.in_transaction


def test_a_failure_in_the_outer_level_rolls_back_released_inner_work(conn: Connection) -> None:
    uow = UnitOfWork(conn)
    with pytest.raises(Boom), uow():
        with uow():
            add(conn, "inner, released")
        raise Boom
    assert rows(conn) == []


def test_commit_hooks_run_once_after_the_outermost_commit(conn: Connection, db: tuple[Path, bytes]) -> None:
    uow = UnitOfWork(conn)
    seen: list[str] = []

    def committed(name: str) -> None:
        other = connect(*db)  # the hook runs after COMMIT: another connection sees the row
        try:
            seen.append(f"{name}:{rows(other)}")
        finally:
            other.close()

    with uow():
        add(conn, "a")
        uow.on_commit(lambda: committed("outer"))
        uow.on_rollback(lambda: seen.append("rolled back"))
        with uow():
            uow.on_commit(lambda: committed("inner"))
        assert seen == []  # not when the inner level is released
    assert seen == ["outer:['a']", "inner:['a']"]
    with uow():
        pass
    assert seen == ["outer:['a']", "inner:['a']"]  # a later unit of work does not run them again


def test_rollback_hooks_run_once_and_commit_hooks_never_on_rollback(conn: Connection) -> None:
    uow = UnitOfWork(conn)
    seen: list[str] = []
    with pytest.raises(Boom), uow():
        uow.on_commit(lambda: seen.append("commit"))
        uow.on_rollback(lambda: seen.append("outer rollback"))
        with uow():
            uow.on_rollback(lambda: seen.append("inner rollback"))
            uow.on_commit(lambda: seen.append("inner commit"))
        raise Boom
    assert sorted(seen) == ["inner rollback", "outer rollback"]
    with uow():
        pass
    assert sorted(seen) == ["inner rollback", "outer rollback"]


def test_a_rolled_back_savepoint_drops_its_commit_hooks_and_runs_its_rollback_hooks_at_once(
    conn: Connection,
) -> None:
    uow = UnitOfWork(conn)
    seen: list[str] = []
    with uow():
        uow.on_commit(lambda: seen.append("outer commit"))
        with pytest.raises(Boom), uow():
            uow.on_commit(lambda: seen.append("inner commit"))
            uow.on_rollback(lambda: seen.append("inner rollback"))
            raise Boom
        assert seen == ["inner rollback"]
    assert seen == ["inner rollback", "outer commit"]


def test_before_commit_hooks_run_inside_the_transaction(conn: Connection) -> None:
    uow = UnitOfWork(conn)
    with uow():
        with uow():
            uow.before_commit(lambda: add(conn, "from the inner level"))
        uow.before_commit(lambda: add(conn, "from the outer level"))
        assert rows(conn) == []
    assert rows(conn) == ["from the inner level", "from the outer level"]


def test_collected_items_are_flushed_once_each_in_one_pass(conn: Connection) -> None:
    uow = UnitOfWork(conn)
    passes: list[list[int]] = []

    def flush(ids: list[int]) -> None:
        passes.append(ids)
        for i in ids:
            add(conn, f"indexed {i}")

    with uow():
        for case_id in (3, 1, 3):
            with uow():
                uow.collect("index", case_id, flush)
        uow.collect("index", 1, flush)
        assert rows(conn) == []
    assert passes == [[3, 1]]
    assert rows(conn) == ["indexed 3", "indexed 1"]


def test_a_rolled_back_savepoint_drops_what_it_collected(conn: Connection) -> None:
    uow = UnitOfWork(conn)
    passes: list[list[str]] = []
    with uow():
        with pytest.raises(Boom), uow():
            uow.collect("k", "dropped", passes.append)
            uow.before_commit(lambda: add(conn, "dropped too"))
            raise Boom
        uow.collect("k", "kept", passes.append)
    assert passes == [["kept"]] and rows(conn) == []


def test_a_failing_before_commit_hook_rolls_everything_back(conn: Connection) -> None:
    uow = UnitOfWork(conn)
    seen: list[str] = []

    def fail() -> None:
        raise Boom

    with pytest.raises(Boom), uow():
        add(conn, "work")
        uow.before_commit(fail)
        uow.on_commit(lambda: seen.append("commit"))
        uow.on_rollback(lambda: seen.append("rollback"))
    assert rows(conn) == [] and seen == ["rollback"]


def test_a_failing_commit_hook_keeps_the_commit_and_still_runs_the_others(conn: Connection) -> None:
    uow = UnitOfWork(conn)
    seen: list[str] = []

    def fail() -> None:
        raise Boom

    with pytest.raises(Boom), uow():
        add(conn, "kept")
        uow.on_commit(fail)
        uow.on_commit(lambda: seen.append("second hook"))
        uow.on_rollback(lambda: seen.append("rollback"))
    assert rows(conn) == ["kept"] and seen == ["second hook"]


def test_a_failing_rollback_hook_does_not_hide_the_cause(conn: Connection) -> None:
    uow = UnitOfWork(conn)
    seen: list[str] = []

    def fail() -> None:
        raise RuntimeError("cleanup failed")

    with pytest.raises(Boom) as raised, uow():
        uow.on_rollback(fail)
        uow.on_rollback(lambda: seen.append("second hook"))
        raise Boom
    assert seen == ["second hook"]
    assert any("cleanup failed" in note for note in raised.value.__notes__)


def test_hooks_need_an_open_unit_of_work(conn: Connection) -> None:
    with pytest.raises(UnitOfWorkError):
        UnitOfWork(conn).on_commit(lambda: None)


def test_another_thread_cannot_join_an_open_unit_of_work(conn: Connection) -> None:
    uow = UnitOfWork(conn)
    errors: list[BaseException] = []

    def intrude() -> None:
        try:
            with uow():
                add(conn, "from another thread")
        except BaseException as exc:
            errors.append(exc)

    with uow():
        add(conn, "mine")
        thread = threading.Thread(target=intrude)
        thread.start()
        thread.join()
        assert uow.active  # for this thread, which opened it
    assert len(errors) == 1 and isinstance(errors[0], UnitOfWorkError)
    assert rows(conn) == ["mine"]


def test_standalone_work_refuses_to_nest(conn: Connection) -> None:
    uow = UnitOfWork(conn)
    with uow(standalone=True):
        add(conn, "alone")
    with pytest.raises(UnitOfWorkError), uow(), uow(standalone=True):
        pass
    assert rows(conn) == ["alone"]


def test_without_savepoints_a_caught_inner_failure_dooms_the_whole_unit(conn: Connection) -> None:
    uow = UnitOfWork(conn)
    seen: list[str] = []
    with pytest.raises(UnitOfWorkError, match="rolled back") as raised, uow(savepoints=False):
        add(conn, "outer")
        with uow():
            uow.on_commit(lambda: seen.append("fine inner commit"))
        with pytest.raises(Boom), uow():
            add(conn, "inner")
            uow.on_rollback(lambda: seen.append("inner rollback"))
            uow.on_commit(lambda: seen.append("inner commit"))
            raise Boom
        assert seen == []  # nothing was rolled back yet
    assert isinstance(raised.value.__cause__, Boom)
    assert rows(conn) == [] and seen == ["inner rollback"]
    with uow():  # the next unit of work starts afresh, with savepoints
        with pytest.raises(Boom), uow():
            add(conn, "undone")
            raise Boom
        add(conn, "kept")
    assert rows(conn) == ["kept"]


def test_without_savepoints_work_commits_as_usual(conn: Connection) -> None:
    uow = UnitOfWork(conn)
    with uow(savepoints=False):
        for name in ("a", "b"):
            with uow():
                add(conn, name)
    assert rows(conn) == ["a", "b"]


def test_a_fact_is_read_once_per_transaction(conn: Connection) -> None:
    uow = UnitOfWork(conn)
    reads: list[int] = []

    def read() -> int:
        reads.append(1)
        return len(reads)

    with uow():
        with uow():
            assert uow.fact("users", read) == 1
        assert uow.fact("users", read) == 1
    with uow():
        assert uow.fact("users", read) == 2  # a new transaction reads it afresh
    with pytest.raises(UnitOfWorkError):
        uow.fact("users", read)  # only inside a unit of work


def test_transaction_is_one_unit_of_work_of_its_own(conn: Connection) -> None:
    with pytest.raises(Boom), transaction(conn):
        add(conn, "gone")
        raise Boom
    with transaction(conn):
        add(conn, "kept")
    assert rows(conn) == ["kept"]


# --- SQLite rolling the whole transaction back by itself (disk full, I/O error, interrupt) --------------


def seed(conn: Connection) -> None:
    """Enough rows that an UPDATE over them runs long enough for the progress handler to interrupt it."""
    conn.execute(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) "
        "INSERT INTO t SELECT 'seed' FROM n"
    )


def interrupted_update(conn: Connection) -> None:
    """An UPDATE that SQLite interrupts, rolling back the whole transaction (not just the statement)."""
    conn.set_progress_handler(lambda: 1, 100)
    try:
        conn.execute("UPDATE t SET name = 'x'")
    finally:
        conn.set_progress_handler(None, 0)


def test_after_sqlite_rolls_back_a_caught_inner_failure_dooms_the_unit(
    conn: Connection, db: tuple[Path, bytes]
) -> None:
    seed(conn)
    uow, events = UnitOfWork(conn), []
    with pytest.raises(UnitOfWorkError, match="rolled back"), uow():
        uow.on_rollback(lambda: events.append("rolled back"))
        uow.on_commit(lambda: events.append("committed"))
        add(conn, "before")
        with pytest.raises(Exception, match="interrupt"), uow():
            interrupted_update(conn)
        assert conn.in_transaction  # the caller's next statements stay inside a transaction
        add(conn, "after")
    assert events == ["rolled back"]
    assert uow.depth == 0 and not conn.in_transaction
    other = connect(*db)
    try:
        assert "before" not in rows(other) and "after" not in rows(other)
    finally:
        other.close()


def test_after_sqlite_rolls_back_leaving_an_inner_level_unwinds_cleanly(conn: Connection) -> None:
    seed(conn)
    uow, events = UnitOfWork(conn), []
    with pytest.raises(Exception, match="no such savepoint"), uow():
        uow.on_rollback(lambda: events.append("rolled back"))
        with uow(), pytest.raises(Exception, match="interrupt"):  # handled inside the inner level
            interrupted_update(conn)
    assert events == ["rolled back"]
    assert uow.depth == 0 and not uow.active and not conn.in_transaction

    with uow():
        add(conn, "again")
    assert rows(conn)[-1] == "again"


def test_leaving_levels_out_of_order_is_an_error_not_an_assert(conn: Connection) -> None:
    uow = UnitOfWork(conn)
    outer, inner = uow(), uow()
    outer.__enter__()
    inner.__enter__()
    with pytest.raises(UnitOfWorkError, match="order"):
        outer.__exit__(None, None, None)


# --- exclusive(): the write lock for work that commits by itself (a re-key) -------------------------


def test_exclusive_holds_the_lock_as_a_level_and_lets_the_work_commit(conn: Connection, db: tuple[Path, bytes]) -> None:
    uow = UnitOfWork(conn)
    refused: list[BaseException] = []

    def other_thread() -> None:
        try:
            with uow():
                pass
        except UnitOfWorkError as exc:
            refused.append(exc)

    with uow.exclusive() as held:
        assert held is conn and uow.depth == 1 and uow.active
        thread = threading.Thread(target=other_thread)
        thread.start()
        thread.join()
        add(conn, "committed by the work")
        conn.execute("COMMIT")  # as PRAGMA rekey does
    assert refused and uow.depth == 0 and not conn.in_transaction
    with uow.exclusive():
        add(conn, "committed on leaving")
    assert rows(conn) == ["committed by the work", "committed on leaving"]


def test_a_failure_in_exclusive_rolls_back_and_frees_the_unit(conn: Connection) -> None:
    uow = UnitOfWork(conn)
    with pytest.raises(Boom), uow.exclusive():
        add(conn, "lost")
        raise Boom
    assert uow.depth == 0 and not conn.in_transaction and rows(conn) == []


def test_exclusive_does_not_nest(conn: Connection) -> None:
    uow = UnitOfWork(conn)
    with uow(), pytest.raises(UnitOfWorkError), uow.exclusive():
        pass
