"""Process hardening applied at start-up, before any secret is in memory (as KeePassXC's Bootstrap does).

- No core dump may hold the data key or a decrypted page: ``RLIMIT_CORE`` 0.
- Other programs of the same OS account may not read our memory or environment: on Linux
  ``prctl(PR_SET_DUMPABLE, 0)`` (which also makes ``/proc/PID/environ``, ``mem`` and ``maps`` owned by
  root and refuses ``ptrace`` from the same user); on Windows a process DACL that grants the user only
  synchronize, limited query and terminate, so ``ReadProcessMemory`` and ``MiniDumpWriteDump`` fail.
- Secrets handed over in the environment (``SAFECASE_PASSWORD`` for scripts) are taken out of it at
  once, so no child process inherits them and nothing later reads them from ``os.environ``.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import sys

# Environment variables that may carry a password into a script's run of the CLI.
SECRET_ENVIRONMENT = ("SAFECASE_PASSWORD", "SAFECASE_NEW_PASSWORD")

_PR_SET_DUMPABLE = 4
_PR_GET_DUMPABLE = 3

_taken_secrets: dict[str, str] = {}


def harden() -> bool:
    """Everything below; returns True when every measure this platform offers took effect."""
    restrict_new_files()
    take_secrets_from_environment()
    return disable_core_dumps()


def disable_core_dumps() -> bool:
    """No core file, no same-user memory reads. Returns True where every measure could be set."""
    ok = True
    if sys.platform == "win32":
        ok = _restrict_windows_process_dacl()
    else:
        import resource

        try:
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        except (ValueError, OSError):
            ok = False
        if sys.platform.startswith("linux"):
            ok = _set_linux_dumpable(False) and ok
    return ok


def is_dumpable() -> bool | None:
    """Linux only: whether the kernel lets same-user processes read this one (None elsewhere)."""
    if not sys.platform.startswith("linux"):
        return None
    libc = _libc()
    if libc is None:
        return None
    return bool(libc.prctl(_PR_GET_DUMPABLE, 0, 0, 0, 0))


def restrict_new_files() -> None:
    """Files SafeCase creates are readable by the owner only, whatever the session's umask."""
    if os.name != "nt":
        os.umask(0o077)


def take_secrets_from_environment() -> None:
    """Move the secret variables out of ``os.environ`` (and so out of every child's environment)."""
    for name in SECRET_ENVIRONMENT:
        value = os.environ.pop(name, None)
        if value:
            _taken_secrets[name] = value


def secret_from_environment(name: str) -> str | None:
    """A secret handed over in the environment, read once: later calls, and children, never see it.

    Taken at start-up by :func:`harden`; when the CLI runs in-process (tests, embedding) without it,
    the variable is popped from ``os.environ`` here, on first use.
    """
    if name not in SECRET_ENVIRONMENT:
        raise ValueError(f"{name} is not a secret variable")
    value = _taken_secrets.pop(name, None)
    from_env = os.environ.pop(name, None)
    return value or from_env or None


def _libc() -> ctypes.CDLL | None:
    """The C library's functions (Linux only: prctl). Every process has it loaded already, so the
    process's own symbols (``dlopen(NULL)``) hold them; ``ctypes.util.find_library`` would run
    ``ldconfig`` in a child process at every start (start-up time, tests/benchmarks/bench_startup.py)."""
    with contextlib.suppress(OSError):
        return ctypes.CDLL(None, use_errno=True)
    return None


def _set_linux_dumpable(dumpable: bool) -> bool:
    libc = _libc()
    if libc is None:
        return False
    return bool(libc.prctl(_PR_SET_DUMPABLE, 1 if dumpable else 0, 0, 0, 0) == 0)


def _restrict_windows_process_dacl() -> bool:
    """KeePassXC's ``createWindowsDACL``: the user may only wait for, query and end this process.

    Everything else (``PROCESS_VM_READ``, ``PROCESS_QUERY_INFORMATION`` that dump tools need) is denied
    to processes of the same user; "Owner Rights" is cut to read-only so the owner cannot re-grant it.
    An administrator can still take the SeDebugPrivilege: this stops malware in the user's session,
    not an administrator.
    """
    if sys.platform != "win32":
        return False
    from ctypes import wintypes

    advapi32 = ctypes.WinDLL("advapi32", use_last_error=True)
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    # Handles and pointers are 64-bit: without these, ctypes would pass and return C ints.
    kernel32.GetCurrentProcess.restype = wintypes.HANDLE
    advapi32.GetLengthSid.restype = wintypes.DWORD
    advapi32.GetLengthSid.argtypes = [ctypes.c_void_p]
    advapi32.IsValidSid.argtypes = [ctypes.c_void_p]
    advapi32.OpenProcessToken.argtypes = [wintypes.HANDLE, wintypes.DWORD, ctypes.POINTER(wintypes.HANDLE)]
    advapi32.AddAccessAllowedAce.argtypes = [ctypes.c_void_p, wintypes.DWORD, wintypes.DWORD, ctypes.c_void_p]
    advapi32.SetSecurityInfo.argtypes = [
        wintypes.HANDLE,
        ctypes.c_int,
        wintypes.DWORD,
        ctypes.c_void_p,
        ctypes.c_void_p,
        ctypes.c_void_p,
        ctypes.c_void_p,
    ]

    token_query = 0x0008
    token_user_class = 1
    acl_revision = 2
    win_creator_owner_rights_sid = 71
    security_max_sid_size = 68
    synchronize, process_terminate, process_query_limited, read_control = 0x00100000, 0x0001, 0x1000, 0x00020000
    se_kernel_object, dacl_security_information = 6, 0x00000004

    token = wintypes.HANDLE()
    if not advapi32.OpenProcessToken(kernel32.GetCurrentProcess(), token_query, ctypes.byref(token)):
        return False
    try:
        size = wintypes.DWORD()
        advapi32.GetTokenInformation(token, token_user_class, None, 0, ctypes.byref(size))
        buffer = ctypes.create_string_buffer(size.value)
        if not advapi32.GetTokenInformation(token, token_user_class, buffer, size, ctypes.byref(size)):
            return False
        # TOKEN_USER begins with SID_AND_ATTRIBUTES, whose first member is the PSID.
        user_sid = ctypes.cast(buffer, ctypes.POINTER(ctypes.c_void_p))[0]
        if not advapi32.IsValidSid(user_sid):
            return False
        owner_sid = ctypes.create_string_buffer(security_max_sid_size)
        owner_size = wintypes.DWORD(security_max_sid_size)
        if not advapi32.CreateWellKnownSid(win_creator_owner_rights_sid, None, owner_sid, ctypes.byref(owner_size)):
            return False
        # sizeof(ACL) is 8; an ACCESS_ALLOWED_ACE is 12 bytes including its first SID DWORD.
        acl_size = 8 + 2 * 12 + advapi32.GetLengthSid(user_sid) + advapi32.GetLengthSid(owner_sid)
        acl = ctypes.create_string_buffer(acl_size)
        if not advapi32.InitializeAcl(acl, acl_size, acl_revision):
            return False
        user_rights = synchronize | process_query_limited | process_terminate
        if not advapi32.AddAccessAllowedAce(acl, acl_revision, user_rights, user_sid):
            return False
        if not advapi32.AddAccessAllowedAce(acl, acl_revision, read_control, owner_sid):
            return False
        status = advapi32.SetSecurityInfo(
            kernel32.GetCurrentProcess(), se_kernel_object, dacl_security_information, None, None, acl, None
        )
        return bool(status == 0)
    finally:
        kernel32.CloseHandle(token)
