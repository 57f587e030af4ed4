"""Canonical encodings, so that what we hash, MAC or bind as associated data is unambiguous."""

from __future__ import annotations

import base64
import json
from typing import Any


def canonical_json(value: Any) -> bytes:
    """UTF-8 JSON with sorted keys and no whitespace: the same value always gives the same bytes."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def b64e(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def b64d(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def pad(data: bytes, size: int) -> bytes:
    """``data`` followed by zero bytes up to ``size``, so every sealed value has the same length.

    For canonical JSON only: it never contains a zero byte, so :func:`unpad` finds the end exactly.
    """
    if len(data) > size or b"\0" in data:
        raise ValueError("does not fit the padded size")
    return data + b"\0" * (size - len(data))


def unpad(data: bytes) -> bytes:
    return data.rstrip(b"\0")
