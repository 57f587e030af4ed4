"""Process hardening, checked in a real child process: it changes process-wide state for good."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from safecase.services import process

PROBE = textwrap.dedent(
    """
    import json, os, resource, subprocess, sys
    from safecase.services import process

    ok = process.harden()
    child = subprocess.run(
        [sys.executable, "-c", "import os, json; print(json.dumps(sorted(k for k in os.environ if k.startswith('SAFECASE'))))"],
        capture_output=True, text=True, check=True,
    )
    print(json.dumps({
        "ok": ok,
        "dumpable": process.is_dumpable(),
        "core": resource.getrlimit(resource.RLIMIT_CORE),
        "umask": os.umask(0o077),
        "env": sorted(k for k in os.environ if k.startswith("SAFECASE")),
        "child_env": json.loads(child.stdout),
        "password": process.secret_from_environment("SAFECASE_PASSWORD"),
        "password_again": process.secret_from_environment("SAFECASE_PASSWORD"),
    }))
    """
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl and /proc are Linux's")
def test_harden_makes_the_process_unreadable_and_takes_secrets_out_of_the_environment() -> None:
    # None of the SAFECASE_* settings the test run itself has (its state folder, SAFECASE_SKIP_DEB from a
    # local ./scripts/run-tests): the probe's environment names exactly the two it is about.
    inherited = {k: v for k, v in os.environ.items() if not k.startswith("SAFECASE")}
    env = {**inherited, "SAFECASE_PASSWORD": "correct horse battery staple", "SAFECASE_VAULT": "/tmp/v"}
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    assert result["ok"] is True
    assert result["dumpable"] is False  # /proc/PID/environ, mem and ptrace closed to the same OS user
    assert result["core"] == [0, 0]
    assert result["umask"] == 0o077
    assert result["env"] == ["SAFECASE_VAULT"]  # the secret left os.environ; harmless settings stay
    assert result["child_env"] == ["SAFECASE_VAULT"]  # and no child process inherits it
    assert result["password"] == "correct horse battery staple"
    assert result["password_again"] is None  # read once


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
def test_an_unhardened_process_is_dumpable() -> None:
    """The probe above would pass vacuously if is_dumpable() always said False."""
    out = subprocess.run(
        [sys.executable, "-c", "from safecase.services import process; print(process.is_dumpable())"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "True"


def test_secret_read_in_process_is_popped_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAFECASE_NEW_PASSWORD", "a new password of some length")
    assert process.secret_from_environment("SAFECASE_NEW_PASSWORD") == "a new password of some length"
    assert "SAFECASE_NEW_PASSWORD" not in os.environ
    assert process.secret_from_environment("SAFECASE_NEW_PASSWORD") is None


def test_only_known_secret_names_are_read() -> None:
    with pytest.raises(ValueError, match="not a secret variable"):
        process.secret_from_environment("HOME")
