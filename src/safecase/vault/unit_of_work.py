"""Units of work that nest: ``BEGIN IMMEDIATE`` … ``COMMIT`` outermost, a ``SAVEPOINT`` inside.

One :class:`UnitOfWork` belongs to one connection. Entering it when no transaction is open takes the
write lock (``BEGIN IMMEDIATE``); entering it again inside (a service calling another service) opens a
savepoint instead. Leaving a level normally commits the transaction (outermost) or releases the
savepoint (inner). An exception leaving a level rolls that level back: an inner level only to its
savepoint, so a caller that catches the exception keeps its own work; an exception nobody catches
rolls back every level on its way out, and so the whole transaction.

Hooks tie work outside the database (files) to the fate of the transaction:

* :meth:`UnitOfWork.before_commit` — run inside the transaction, just before the outermost
  ``COMMIT`` (a failure there rolls everything back).
* :meth:`UnitOfWork.collect` — the same for work done once for many items, in one pass: each item
  is collected once, however often it is collected (the cases whose search index must be rewritten).
* :meth:`UnitOfWork.on_commit` — run after the outermost ``COMMIT``.
* :meth:`UnitOfWork.on_rollback` — run after the rollback of the level that registered it (or of an
  outer level it was released into).

Hooks registered in an inner level follow that level: released, they move to the enclosing level
and wait for the outermost commit; rolled back, its ``before_commit``, ``collect`` and ``on_commit``
hooks are dropped and its ``on_rollback`` hooks run at once. So each ``on_commit`` / ``on_rollback``
hook runs exactly once, after the fate of its work is known, and never both. Hook failures never undo
a commit: every hook runs, then the first failure is raised (after a commit) or attached as a note to
the exception that caused the rollback.

:meth:`UnitOfWork.fact` keeps a value read once per transaction, for facts no work inside it changes
(who may be given casework), so a batch of thousands of calls does not read it thousands of times.

Bulk work that is all or nothing anyway (thousands of nested service calls in one batch) may open the
outermost level with ``savepoints=False``: inner levels then cost nothing, and an exception leaving
any of them dooms the whole unit of work — it rolls back at the end even when the exception was
caught, and says so.

SQLite rolls the whole transaction back by itself on a few errors (a full disk, an I/O error, an
interrupt). A failure like that inside an inner level dooms the unit of work too: a new transaction is
opened at once, so later statements do not run (and commit) one by one, and the outermost level rolls
it all back, runs the rollback hooks and raises :class:`UnitOfWorkError` instead of committing.

A unit of work is used by the thread that opened it: another thread entering it while it is open
gets :class:`UnitOfWorkError` at once, rather than silently joining that thread's transaction.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar, cast

if TYPE_CHECKING:
    from safecase.vault.connection import Connection

Hook = Callable[[], None]
T = TypeVar("T", bound=Hashable)
V = TypeVar("V")


class UnitOfWorkError(RuntimeError):
    """A unit of work was used the wrong way (from another thread, or nested where it may not be)."""


@dataclass
class _Collection:
    flush: Callable[[list[Any]], None]
    items: dict[Hashable, None] = field(default_factory=dict)  # insertion-ordered set


@dataclass
class _Level:
    outermost: bool
    savepoint: str | None  # None: the outermost level, or an inner one without savepoints
    before_commit: list[Hook] = field(default_factory=list)
    collections: dict[Hashable, _Collection] = field(default_factory=dict)
    on_commit: list[Hook] = field(default_factory=list)
    on_rollback: list[Hook] = field(default_factory=list)

    def absorb(self, inner: _Level) -> None:
        self.before_commit.extend(inner.before_commit)
        for key, collection in inner.collections.items():
            mine = self.collections.setdefault(key, _Collection(collection.flush))
            mine.items.update(collection.items)
        self.on_commit.extend(inner.on_commit)
        self.on_rollback.extend(inner.on_rollback)


class UnitOfWork:
    """The transaction state of one connection (see the module docstring)."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._levels: list[_Level] = []
        self._owner: int | None = None
        self._savepoints = True
        self._doomed: BaseException | None = None
        self._facts: dict[Hashable, Any] = {}

    @property
    def connection(self) -> Connection:
        return self._conn

    @property
    def depth(self) -> int:
        """How many levels are open (0: no transaction; 1: the outermost; more: nested ones)."""
        return len(self._levels)

    @property
    def active(self) -> bool:
        """Whether the calling thread is inside this unit of work."""
        return bool(self._levels) and self._owner == threading.get_ident()

    def __call__(self, *, standalone: bool = False, savepoints: bool = True) -> _Scope:
        """Enter one level (``with uow(): ...``).

        ``standalone``: refuse to run inside another unit of work (for work that changes files which
        cannot roll back with the database). ``savepoints=False`` (outermost level only): nested
        levels open no savepoint, and a failure in any of them dooms the whole unit of work.
        """
        return _Scope(self, standalone, savepoints)

    @contextmanager
    def exclusive(self) -> Iterator[Connection]:
        """The write lock (``BEGIN IMMEDIATE``) as an outermost level, for work that ends the transaction
        itself (a re-key commits its pages in ``PRAGMA rekey``); never nested, no hooks.

        Leaving it commits what is still open; a failure rolls back what is still open, ignoring errors
        from a connection the failure broke (it must not be used again anyway). While it is open the
        unit of work's depth and thread guard say so, as for any other level.
        """
        level = self._enter(standalone=True, savepoints=True)
        try:
            yield self._conn
        except BaseException:
            try:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
            except Exception:  # noqa: S110 - the connection is broken; the caller's failure is the news
                pass
            finally:
                self._pop(level)
            raise
        try:
            if self._conn.in_transaction:
                self._conn.execute("COMMIT")
        finally:
            self._pop(level)

    # --- hooks ----------------------------------------------------------------------------------------

    def before_commit(self, hook: Hook) -> None:
        """Run ``hook`` inside the transaction just before the outermost COMMIT."""
        self._current().before_commit.append(hook)

    def collect(self, key: Hashable, item: T, flush: Callable[[list[T]], None]) -> None:
        """Add ``item`` to the collection ``key``: just before the outermost COMMIT, ``flush`` is called
        once with every item collected (each once, in the order first collected) and not rolled back.
        The ``flush`` given first for a key is the one called."""
        for level in self._levels:
            found = level.collections.get(key)
            if found is not None and item in found.items:
                return
        level = self._current()
        collection = level.collections.get(key)
        if collection is None:
            collection = level.collections[key] = _Collection(cast(Callable[[list[Any]], None], flush))
        collection.items[item] = None

    def fact(self, key: Hashable, read: Callable[[], V]) -> V:
        """``read()``, read once per transaction: for facts no work inside it changes (who may be given
        casework: accounts change only in units of work of their own)."""
        self._current()
        if key not in self._facts:
            self._facts[key] = read()
        return cast(V, self._facts[key])

    def on_commit(self, hook: Hook) -> None:
        """Run ``hook`` after the outermost COMMIT (never when this work is rolled back)."""
        self._current().on_commit.append(hook)

    def on_rollback(self, hook: Hook) -> None:
        """Run ``hook`` after this work is rolled back (never when it commits)."""
        self._current().on_rollback.append(hook)

    # --- mechanics -------------------------------------------------------------------------------------

    def _current(self) -> _Level:
        if not self.active:
            raise UnitOfWorkError("hooks are registered inside a unit of work, by the thread that opened it")
        return self._levels[-1]

    def _enter(self, standalone: bool, savepoints: bool) -> _Level:
        me = threading.get_ident()
        if self._levels:
            if self._owner != me:
                raise UnitOfWorkError("the database connection is in another thread's unit of work")
            if standalone:
                raise UnitOfWorkError("this work changes files and cannot run inside another unit of work")
            level = _Level(False, f"uow_{len(self._levels)}" if self._savepoints else None)
            if level.savepoint is not None:
                self._conn.execute(f"SAVEPOINT {level.savepoint}")
        else:
            level = _Level(True, None)
            self._conn.execute("BEGIN IMMEDIATE")
            self._owner = me
            self._savepoints = savepoints
            self._doomed = None
        self._levels.append(level)
        return level

    def _pop(self, level: _Level) -> None:
        if not self._levels or self._levels[-1] is not level:
            raise UnitOfWorkError("units of work must be left in the order entered")
        self._levels.pop()
        if not self._levels:
            self._owner = None
            self._facts.clear()

    def _release(self, level: _Level) -> None:
        if level.savepoint is not None:
            try:
                self._conn.execute(f"RELEASE {level.savepoint}")
            except BaseException as exc:  # "no such savepoint": SQLite rolled everything back itself
                self._fail(level, exc)
                raise
        self._pop(level)
        self._levels[-1].absorb(level)

    def _commit(self, level: _Level) -> None:
        try:
            if self._doomed is not None:
                raise UnitOfWorkError(
                    "the unit of work was rolled back: a failure inside it was caught, but its work "
                    "could not be undone alone (no savepoints, or SQLite rolled the transaction back)"
                ) from self._doomed
            if not self._conn.in_transaction:
                raise UnitOfWorkError("the transaction was rolled back by SQLite before it could commit")
            while level.before_commit or level.collections:  # a hook may register more
                if level.before_commit:
                    level.before_commit.pop(0)()
                    continue
                key = next(iter(level.collections))
                collection = level.collections.pop(key)
                collection.flush(list(collection.items))
            self._conn.execute("COMMIT")
        except BaseException as exc:
            self._fail(level, exc)
            raise
        self._pop(level)
        _run(level.on_commit, None)

    def _fail(self, level: _Level, exc: BaseException) -> None:
        if not level.outermost and level.savepoint is None:
            # Nothing to roll back to: the whole unit of work is doomed, and this level's rollback
            # hooks run when it rolls back.
            self._doomed = self._doomed or exc
            self._pop(level)
            self._levels[-1].on_rollback.extend(level.on_rollback)
            return
        if not level.outermost and not self._conn.in_transaction:
            # SQLite rolled the whole transaction back by itself (a full disk, an I/O error, an
            # interrupted statement): every savepoint is gone. Doom the unit of work and open a new
            # transaction, so what the caller does next stays inside one and is rolled back with it
            # when the outermost level exits, rather than committed statement by statement.
            self._doomed = self._doomed or exc
            for enclosing in self._levels[1:]:
                enclosing.savepoint = None  # its savepoint is gone: a failure there dooms, as above
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            finally:
                self._pop(level)
                _run(level.on_rollback, exc)
            return
        try:
            # SQLite rolls the whole transaction back by itself on a few errors (a full disk, an
            # interrupted statement); then there is nothing left to roll back to.
            if self._conn.in_transaction:
                if level.outermost:
                    self._conn.execute("ROLLBACK")
                else:
                    self._conn.execute(f"ROLLBACK TO {level.savepoint}")
                    self._conn.execute(f"RELEASE {level.savepoint}")
        finally:
            self._pop(level)
            _run(level.on_rollback, exc)


class _Scope:
    """One level of a unit of work, as a context manager (a class: services enter thousands)."""

    __slots__ = ("_level", "_savepoints", "_standalone", "_uow")

    def __init__(self, uow: UnitOfWork, standalone: bool, savepoints: bool) -> None:
        self._uow = uow
        self._standalone = standalone
        self._savepoints = savepoints
        self._level: _Level | None = None

    def __enter__(self) -> UnitOfWork:
        self._level = self._uow._enter(self._standalone, self._savepoints)  # noqa: SLF001 - a collaborator in this module
        return self._uow

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        level, self._level = self._level, None
        assert level is not None
        if exc is not None:
            self._uow._fail(level, exc)  # noqa: SLF001 - a collaborator in this module
        elif level.outermost:
            self._uow._commit(level)  # noqa: SLF001 - a collaborator in this module
        else:
            self._uow._release(level)  # noqa: SLF001 - a collaborator in this module


def _run(hooks: list[Hook], cause: BaseException | None) -> None:
    """Run every hook; report failures without letting one hook stop the next."""
    first: BaseException | None = None
    for hook in hooks:
        try:
            hook()
        except Exception as failure:
            if cause is not None:
                cause.add_note(f"a rollback hook failed too: {failure!r}")
            elif first is None:
                first = failure
            else:
                first.add_note(f"another commit hook failed too: {failure!r}")
    if first is not None:
        raise first


@contextmanager
def transaction(conn: Connection) -> Iterator[Connection]:
    """One unit of work of its own on ``conn`` (``BEGIN IMMEDIATE`` … ``COMMIT``, rolled back on any
    error), for code that holds a bare connection rather than a session."""
    with UnitOfWork(conn)():
        yield conn
