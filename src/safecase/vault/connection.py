"""Opening the SQLCipher database with the raw 256-bit data key.

The key is handed over as a raw key (``x'…'``), so no password ever reaches SQLCipher and changing a
password never touches the database. We refuse to run on a plain SQLite that would silently write
plaintext, and lower SQLCipher's log level so a wrong key is not reported on stderr.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, cast

import sqlcipher3

from safecase.domain.errors import VaultFormatError
from safecase.i18n import tr
from safecase.vault.atomic import PRIVATE_FILE_MODE

if TYPE_CHECKING:
    # sqlcipher3 ships no type information; its connection has the exact API of sqlite3's.
    from sqlite3 import Connection as Connection
    from sqlite3 import DatabaseError as DatabaseError
    from sqlite3 import OperationalError as OperationalError
else:
    Connection = sqlcipher3.Connection
    DatabaseError = sqlcipher3.DatabaseError
    OperationalError = sqlcipher3.OperationalError
BUSY_TIMEOUT_MS = 10_000
PAGE_CACHE_KIB = 64 * 1024


def _raw_key_literal(data_key: bytes) -> str:
    if len(data_key) != 32:
        raise ValueError("data key must be 32 bytes")
    return f"\"x'{data_key.hex()}'\""


def _not_this_vault() -> VaultFormatError:
    return VaultFormatError(
        tr(
            "The database (safecase.db) cannot be read with this vault's key: it is damaged or belongs to "
            "another vault. Nothing was changed."
        )
    )


def connect(db_path: Path, data_key: bytes, *, create: bool = False) -> Connection:
    """An open, keyed, checked connection; raises VaultFormatError when the key does not fit."""
    if create:
        fd = os.open(db_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
        os.close(fd)
    elif not db_path.is_file():
        raise VaultFormatError(tr("The database (safecase.db) is missing from the vault folder."))
    # check_same_thread=False: the app opens the database in a worker (so Argon2id never blocks the UI)
    # and hands the connection to the UI thread; one connection is never used by two threads at once,
    # and long work in other threads opens its own connection (see VaultSession.worker_connection).
    conn = cast(Connection, sqlcipher3.connect(str(db_path), isolation_level=None, check_same_thread=False))
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {_raw_key_literal(data_key)}")
        version = conn.execute("PRAGMA cipher_version").fetchone()
        if not version or not version[0]:
            raise VaultFormatError(tr("SafeCase needs SQLCipher, but plain SQLite was loaded. Reinstall SafeCase."))
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except DatabaseError:
            raise _not_this_vault() from None
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        # SQLCipher decrypts (and checks the HMAC of) every page it reads from outside its page cache;
        # the default 8 MiB holds far less than the cases table of a large vault, so every Cases-list
        # query decrypted the same pages again (2-3x plain SQLite in tests/benchmarks/bench_cases.py).
        # 64 MiB (allocated only as pages are read) keeps the working set decrypted in memory.
        conn.execute(f"PRAGMA cache_size = -{PAGE_CACHE_KIB}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = FULL")
    except BaseException:
        conn.close()
        raise
    return conn


def opens_with(db_path: Path, data_key: bytes) -> bool:
    """Whether a fresh connection reads the database at ``db_path`` under ``data_key``."""
    conn = _connect_or_none(db_path, data_key)
    if conn is None:
        return False
    conn.close()
    return True


def rekey(conn: Connection, new_data_key: bytes) -> None:
    """Re-encrypt every page under ``new_data_key`` (SQLCipher's ``PRAGMA rekey``), and prove it worked.

    SQLCipher 4 answers ``ok`` to ``PRAGMA rekey`` even when it could not get the write lock or failed
    part-way: it rolls the pages back but keeps encrypting the connection's later writes under the new
    key, which leaves a database no key opens. So the write lock is taken first (``BEGIN IMMEDIATE``
    raises on a busy database, with nothing changed), unless the caller holds it already to stage the
    new key file under it, and success is checked by opening the database afresh under the new key.
    After any failure ``conn`` must be closed and never used again. On success the WAL is checkpointed
    (as far as readers allow), so the main file, which ``cipher_integrity_check`` reads, holds the
    pages under the new key.
    """
    literal = _raw_key_literal(new_data_key)
    if not conn.in_transaction:
        conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(f"PRAGMA rekey = {literal}")
    finally:
        if conn.in_transaction:
            conn.execute("COMMIT")  # the re-key committed (or rolled back) its pages itself
    db_path = Path(conn.execute("PRAGMA database_list").fetchone()[2])
    check = _connect_or_none(db_path, new_data_key)
    if check is None:
        raise VaultFormatError(tr("The database could not be re-encrypted under the new key."))
    try:
        check.execute("PRAGMA wal_checkpoint(PASSIVE)")
    finally:
        check.close()


def _connect_or_none(db_path: Path, data_key: bytes) -> Connection | None:
    try:
        return connect(db_path, data_key)
    except VaultFormatError:
        return None


def export_copy(conn: Connection, target: Path, data_key: bytes) -> None:
    """A consistent encrypted copy of the whole database at ``target`` (same key), safe while in use."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    os.close(fd)
    dest = cast(Connection, sqlcipher3.connect(str(target), isolation_level=None))
    try:
        dest.execute("PRAGMA cipher_log_level = NONE")
        dest.execute(f"PRAGMA key = {_raw_key_literal(data_key)}")
        conn.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()
