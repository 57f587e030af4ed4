"""The blob format on its own: round trips at chunk edges, and every way of cutting, moving or swapping
chunks or blobs fails to authenticate (small chunks, so a test holds many of them)."""

from __future__ import annotations

import io
import os

import pytest

from safecase.crypto.blobs import (
    HEADER_LENGTH,
    MIN_CHUNK_SIZE,
    TAG_LENGTH,
    BlobDamage,
    decrypt_stream,
    encrypt_stream,
    encrypted_size,
    new_blob_id,
    new_blob_key,
)
from safecase.crypto.case_keys import new_case_key, unwrap_evidence_key, wrap_evidence_key
from safecase.crypto.errors import CryptoError

CHUNK = MIN_CHUNK_SIZE
STORED_CHUNK = CHUNK + TAG_LENGTH


def _encrypt(data: bytes, key: bytes, blob_id: bytes) -> bytes:
    out = io.BytesIO()
    assert encrypt_stream(io.BytesIO(data), out, key, blob_id, chunk_size=CHUNK) == len(data)
    return out.getvalue()


def _decrypt(blob: bytes, key: bytes, blob_id: bytes) -> bytes:
    return b"".join(decrypt_stream(io.BytesIO(blob), key, blob_id))


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 7])
def test_round_trip_at_every_chunk_edge(size: int) -> None:
    data = os.urandom(size)
    key, blob_id = new_blob_key(), new_blob_id()
    blob = _encrypt(data, key, blob_id)
    assert len(blob) == encrypted_size(size, CHUNK)
    assert _decrypt(blob, key, blob_id) == data


def test_the_plaintext_callback_sees_every_byte_once_in_order() -> None:
    data = os.urandom(5 * CHUNK + 3)
    seen = bytearray()
    encrypt_stream(
        io.BytesIO(data), io.BytesIO(), new_blob_key(), new_blob_id(), chunk_size=CHUNK, on_plaintext=seen.extend
    )
    assert bytes(seen) == data


class _Trickle(io.RawIOBase):
    """A source that hands out a few bytes per read, as a pipe does."""

    def __init__(self, data: bytes) -> None:
        self._data = memoryview(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        count = min(len(buffer), 7, len(self._data))
        buffer[:count] = self._data[:count]
        self._data = self._data[count:]
        return count


def test_short_reads_make_the_same_blob_as_whole_reads() -> None:
    data = os.urandom(2 * CHUNK + 100)
    key, blob_id = new_blob_key(), new_blob_id()
    out = io.BytesIO()
    encrypt_stream(_Trickle(data), out, key, blob_id, chunk_size=CHUNK)
    assert out.getvalue() == _encrypt(data, key, blob_id)


def _chunk(blob: bytes, index: int) -> slice:
    start = HEADER_LENGTH + index * STORED_CHUNK
    return slice(start, start + STORED_CHUNK)


@pytest.fixture
def three_chunks() -> tuple[bytes, bytes, bytes]:
    key, blob_id = new_blob_key(), new_blob_id()
    return _encrypt(os.urandom(3 * CHUNK), key, blob_id), key, blob_id


def _damage(blob: bytes, key: bytes, blob_id: bytes) -> BlobDamage:
    with pytest.raises(BlobDamage) as caught:
        _decrypt(blob, key, blob_id)
    return caught.value


def test_a_flipped_byte_is_named_by_its_chunk(three_chunks: tuple[bytes, bytes, bytes]) -> None:
    blob, key, blob_id = three_chunks
    damaged = bytearray(blob)
    damaged[_chunk(blob, 1).start + 10] ^= 0x01
    found = _damage(bytes(damaged), key, blob_id)
    assert (found.what, found.chunk) == ("chunk", 1)


def test_cut_at_a_chunk_edge_inside_a_chunk_or_lengthened(three_chunks: tuple[bytes, bytes, bytes]) -> None:
    blob, key, blob_id = three_chunks
    at_edge = blob[: _chunk(blob, 2).start]  # the new last chunk was not encrypted as the last
    assert _damage(at_edge, key, blob_id).chunk == 1
    inside = blob[: _chunk(blob, 2).start + 5]
    assert _damage(inside, key, blob_id).what == "cut"
    assert _damage(blob[:HEADER_LENGTH], key, blob_id).what == "cut"
    assert _damage(blob[: HEADER_LENGTH - 1], key, blob_id).what == "header"
    lengthened = blob + os.urandom(STORED_CHUNK)
    assert _damage(lengthened, key, blob_id).chunk == 2


def test_swapped_chunks_fail(three_chunks: tuple[bytes, bytes, bytes]) -> None:
    blob, key, blob_id = three_chunks
    swapped = bytearray(blob)
    swapped[_chunk(blob, 0)], swapped[_chunk(blob, 1)] = blob[_chunk(blob, 1)], blob[_chunk(blob, 0)]
    assert _damage(bytes(swapped), key, blob_id).chunk == 0


def test_a_chunk_or_a_whole_blob_from_another_blob_fails(three_chunks: tuple[bytes, bytes, bytes]) -> None:
    blob, key, blob_id = three_chunks
    other_id = new_blob_id()
    other = _encrypt(os.urandom(3 * CHUNK), key, other_id)  # even under the same key
    mixed = bytearray(blob)
    mixed[_chunk(blob, 1)] = other[_chunk(other, 1)]
    assert _damage(bytes(mixed), key, blob_id).chunk == 1
    assert _damage(other, key, blob_id).what == "other_blob"
    # Its header rewritten to carry this blob's id: the header is associated data of every chunk.
    relabelled = blob[:9] + blob_id + other[9 + len(blob_id) :]
    assert _damage(relabelled, key, blob_id).chunk == 0


def test_an_edited_header_or_a_wrong_key_fails(three_chunks: tuple[bytes, bytes, bytes]) -> None:
    blob, key, blob_id = three_chunks
    assert _damage(b"NOTABLOB" + blob[8:], key, blob_id).what == "header"
    assert _damage(blob, new_blob_key(), blob_id).chunk == 0


def test_an_empty_file_is_one_authenticated_chunk() -> None:
    key, blob_id = new_blob_key(), new_blob_id()
    blob = _encrypt(b"", key, blob_id)
    assert len(blob) == HEADER_LENGTH + TAG_LENGTH
    assert _decrypt(blob, key, blob_id) == b""
    assert _damage(blob[:-1], key, blob_id).what == "cut"


def test_an_evidence_key_opens_only_for_its_vault_case_and_blob() -> None:
    case_key, blob_key = new_case_key(), new_blob_key()
    wrapped = wrap_evidence_key("vault-1", 7, "ab" * 16, case_key, blob_key)
    assert unwrap_evidence_key("vault-1", 7, "ab" * 16, case_key, wrapped) == blob_key
    for vault_id, case_id, blob_id, key in [
        ("vault-2", 7, "ab" * 16, case_key),
        ("vault-1", 8, "ab" * 16, case_key),
        ("vault-1", 7, "cd" * 16, case_key),
        ("vault-1", 7, "ab" * 16, new_case_key()),
    ]:
        with pytest.raises(CryptoError):
            unwrap_evidence_key(vault_id, case_id, blob_id, key, wrapped)
