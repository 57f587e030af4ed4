"""Encrypted blobs: a file streamed through AES-256-GCM in chunks, never whole in memory.

A blob is a small header and then the file's bytes in chunks (1 MiB by default), each encrypted with
AES-256-GCM under the blob's own random key::

    header  = magic "SCEVBLOB" | version (1 byte) | blob id (16 bytes) | chunk size (4 bytes, big-endian)
    chunk i = ciphertext of bytes [i * size, (i + 1) * size) | 16-byte tag

The nonce is the chunk's index and whether it is the last chunk; the associated data is the whole
header plus the same index and flag. So (as in Tink's streaming AEAD and age's STREAM) a chunk moved to
another place, a chunk from another blob, a blob cut after any chunk (the new last chunk was not
encrypted as the last) or with bytes added after it, a header edited or a blob put under another
blob's name all fail to authenticate. An empty file is one empty last chunk.

A key encrypts exactly one blob (the service makes a new one for each), which is what makes counting
nonces safe. Decryption hands out each chunk only after its tag checked, so a reader must still treat
the blob as failed when a later chunk fails: callers collect or hash everything before they trust it.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO, Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from safecase.crypto.errors import CryptoError

MAGIC = b"SCEVBLOB"
VERSION = 1
BLOB_ID_LENGTH = 16
BLOB_KEY_LENGTH = 32
TAG_LENGTH = 16
CHUNK_SIZE = 1024 * 1024
MIN_CHUNK_SIZE = 1024
MAX_CHUNK_SIZE = 16 * 1024 * 1024
_HEADER = struct.Struct(f">{len(MAGIC)}sB{BLOB_ID_LENGTH}sI")
HEADER_LENGTH = _HEADER.size


class BlobDamage(CryptoError):
    """What failed in a blob: ``what`` is ``header`` (not a blob this version reads), ``other_blob`` (its
    header names another blob), ``cut`` (it ends inside chunk ``chunk``) or ``chunk`` (chunk ``chunk``
    does not authenticate: changed, moved, from another blob, or the blob was cut or lengthened after it)."""

    def __init__(self, what: str, chunk: int | None = None) -> None:
        super().__init__(what if chunk is None else f"{what} {chunk}")
        self.what = what
        self.chunk = chunk


class Readable(Protocol):
    def readinto(self, buffer: memoryview) -> int | None: ...


class Writable(Protocol):
    def write(self, data: bytes) -> int: ...


def new_blob_key() -> bytes:
    return os.urandom(BLOB_KEY_LENGTH)


def new_blob_id() -> bytes:
    return os.urandom(BLOB_ID_LENGTH)


@dataclass(frozen=True)
class BlobHeader:
    blob_id: bytes
    chunk_size: int

    def encode(self) -> bytes:
        return _HEADER.pack(MAGIC, VERSION, self.blob_id, self.chunk_size)


def read_header(source: BinaryIO) -> BlobHeader:
    """The header at the start of ``source``; CryptoError when it is not one this version writes."""
    raw = source.read(HEADER_LENGTH)
    if len(raw) != HEADER_LENGTH:
        raise BlobDamage("header")
    magic, version, blob_id, chunk_size = _HEADER.unpack(raw)
    if magic != MAGIC or version != VERSION or not MIN_CHUNK_SIZE <= chunk_size <= MAX_CHUNK_SIZE:
        raise BlobDamage("header")
    return BlobHeader(blob_id, chunk_size)


def encrypted_size(plain_size: int, chunk_size: int = CHUNK_SIZE) -> int:
    """Bytes a blob of ``plain_size`` bytes takes on disk."""
    chunks = max(1, -(-plain_size // chunk_size))
    return HEADER_LENGTH + plain_size + chunks * TAG_LENGTH


def _nonce(index: int, last: bool) -> bytes:
    return index.to_bytes(8, "big") + (b"\x00\x00\x00\x01" if last else b"\x00\x00\x00\x00")


def _associated(header: bytes, index: int, last: bool) -> bytes:
    return header + index.to_bytes(8, "big") + (b"\x01" if last else b"\x00")


def _fill(source: Readable, buffer: bytearray) -> int:
    """Read until ``buffer`` is full or the source ends (pipes and some files return short reads)."""
    view = memoryview(buffer)
    got = 0
    while got < len(buffer):
        count = source.readinto(view[got:])
        if not count:
            break
        got += count
    return got


def encrypt_stream(
    source: Readable,
    sink: Writable,
    key: bytes,
    blob_id: bytes,
    *,
    chunk_size: int = CHUNK_SIZE,
    on_plaintext: Callable[[memoryview], None] | None = None,
) -> int:
    """Encrypt everything ``source`` holds into ``sink``; returns the plaintext length.

    ``on_plaintext`` sees each chunk of plaintext once, in order, before it is encrypted (to hash the
    exact bytes read, report progress, or stop by raising). Two chunk buffers are reused throughout,
    whatever the size of the file: one is read ahead to know which chunk is the last.
    """
    if len(key) != BLOB_KEY_LENGTH or len(blob_id) != BLOB_ID_LENGTH:
        raise ValueError("bad blob key or id length")
    if not MIN_CHUNK_SIZE <= chunk_size <= MAX_CHUNK_SIZE:
        raise ValueError("bad chunk size")
    header = BlobHeader(blob_id, chunk_size).encode()
    sink.write(header)
    aead = AESGCM(key)
    current, ahead = bytearray(chunk_size), bytearray(chunk_size)
    count = _fill(source, current)
    index = total = 0
    while True:
        following = _fill(source, ahead) if count == chunk_size else 0
        last = following == 0
        plaintext = memoryview(current)[:count]
        if on_plaintext is not None:
            on_plaintext(plaintext)
        sink.write(aead.encrypt(_nonce(index, last), plaintext, _associated(header, index, last)))
        total += count
        if last:
            return total
        current, ahead = ahead, current
        count = following
        index += 1


def decrypt_stream(source: BinaryIO, key: bytes, blob_id: bytes) -> Iterator[bytes]:
    """The plaintext of the blob in ``source``, chunk by chunk, each yielded once its tag checked.

    Raises :class:`BlobDamage` (naming the chunk) for a wrong key, a blob with another id, a damaged,
    re-ordered, cut or lengthened blob: possibly after earlier chunks were yielded.
    """
    header = read_header(source)
    if header.blob_id != blob_id:
        raise BlobDamage("other_blob")
    encoded = header.encode()
    aead = AESGCM(key)
    stored_chunk = header.chunk_size + TAG_LENGTH
    current = source.read(stored_chunk)
    index = 0
    while True:
        if len(current) < TAG_LENGTH:
            raise BlobDamage("cut", index)
        following = source.read(stored_chunk) if len(current) == stored_chunk else b""
        last = not following
        try:
            plaintext = aead.decrypt(_nonce(index, last), current, _associated(encoded, index, last))
        except InvalidTag:
            raise BlobDamage("chunk", index) from None
        yield plaintext
        if last:
            return
        current = following
        index += 1
