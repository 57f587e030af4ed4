"""Process hardening applied at start-up, before any secret is in memory."""

from __future__ import annotations

import contextlib
import os


def disable_core_dumps() -> bool:
    """No core file may hold the data key or a decrypted page. Returns True where it could be set."""
    try:
        import resource
    except ImportError:  # Windows: no core dumps to disable.
        return False
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        return True
    return False


def restrict_new_files() -> None:
    """Files SafeCase creates are readable by the owner only, whatever the session's umask."""
    if os.name != "nt":
        os.umask(0o077)
