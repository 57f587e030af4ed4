"""Decrypting a SQLCipher 4 file page by page, as someone holding the data key could, free pages included.

SQLite's own reads (``sqlcipher_export``, ``VACUUM INTO``) see only live rows. A colleague with the
data key can also decrypt every page of the file and of its write-ahead log, where deleted rows linger
unless they were overwritten. SQLCipher 4 defaults: 4096-byte pages, AES-256-CBC with a 16-byte IV and
a 64-byte HMAC-SHA512 reserved at the end of each page; the first 16 bytes of the file are the salt.
With a raw key (``x'...'``) the key encrypts pages directly.
"""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE_SIZE = 4096
RESERVE = 16 + 64
WAL_HEADER = 32
WAL_FRAME_HEADER = 24


def _decrypt_page(key: bytes, page: bytes, first: bool) -> bytes:
    start = 16 if first else 0
    iv = page[PAGE_SIZE - RESERVE : PAGE_SIZE - RESERVE + 16]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(page[start : PAGE_SIZE - RESERVE]) + decryptor.finalize()


def decrypted_pages(db: Path, key: bytes) -> bytes:
    """Every page of ``db`` and of its ``-wal`` (when present), decrypted and concatenated."""
    out = bytearray()
    data = db.read_bytes()
    for number, offset in enumerate(range(0, len(data) - PAGE_SIZE + 1, PAGE_SIZE)):
        out += _decrypt_page(key, data[offset : offset + PAGE_SIZE], number == 0)
    wal = db.with_name(db.name + "-wal")
    if wal.exists():
        log = wal.read_bytes()
        offset = WAL_HEADER
        while offset + WAL_FRAME_HEADER + PAGE_SIZE <= len(log):
            page_number = int.from_bytes(log[offset : offset + 4], "big")
            frame = log[offset + WAL_FRAME_HEADER : offset + WAL_FRAME_HEADER + PAGE_SIZE]
            out += _decrypt_page(key, frame, page_number == 1)
            offset += WAL_FRAME_HEADER + PAGE_SIZE
    return bytes(out)
