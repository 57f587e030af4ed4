"""Sessions for one operation (an import, the demo) share the person's session, never copy its keys.

They once copied the connection, data key and role keys: locking the person's session left them
holding the keys (and the connection object), so an import could carry on after the app locked.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from safecase.domain.errors import VaultLockedError
from safecase.services.clock import SystemClock
from safecase.services.session import VaultSession
from vault_support import TeamVault


@pytest.mark.parametrize(
    "derive",
    [lambda s: s.importing(), lambda s: s.making_demo_data(SystemClock())],
    ids=["importing", "making_demo_data"],
)
@pytest.mark.parametrize("end", ["lock", "close"])
def test_a_derived_session_is_locked_with_its_parent(
    team_vault: TeamVault, derive: Callable[[VaultSession], VaultSession], end: str
) -> None:
    parent = team_vault.admin
    derived = derive(parent)
    assert derived.conn is parent.conn and derived.unit_of_work is parent.unit_of_work
    assert derived.data_key == parent.data_key and derived.admin_key == parent.admin_key

    getattr(parent, end)()

    assert not derived.is_open
    for read in (lambda: derived.conn, lambda: derived.data_key, lambda: derived.unit_of_work):
        with pytest.raises(VaultLockedError):
            read()
    with pytest.raises(VaultLockedError):
        derived.admin_key  # noqa: B018


def test_a_derived_session_follows_a_rekey_of_its_parent(team_vault: TeamVault) -> None:
    parent = team_vault.admin
    derived = parent.importing()
    parent.replace_keys(parent.keyfile, parent.data_key)  # reopens the connection, as a re-key does
    assert derived.conn is parent.conn
    assert derived.conn.execute("SELECT count(*) FROM users").fetchone()[0] > 0


def test_closing_a_derived_session_leaves_the_parent_open(team_vault: TeamVault) -> None:
    parent = team_vault.admin
    derived = parent.importing()
    derived.close()
    assert parent.is_open and not derived.is_open
    parent.conn.execute("SELECT 1").fetchone()
