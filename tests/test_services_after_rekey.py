"""Services outlive a re-key.

The app builds its services once per session; a re-key (disabling someone, a new recovery key) closes
the session's connection and opens a new one. A service that kept a repository on the old connection
failed the next save with "Cannot operate on a closed database".
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from safecase.domain.roles import Role
from safecase.services import accounts as accounts_module
from safecase.services.accounts import AccountService
from safecase.services.drafts import DraftService
from safecase.services.referrals import OrganizationService
from safecase.services.session import VaultSession
from safecase.services.tasks import TaskService
from vault_support import ADMIN, ADMIN_PASSWORD, COUNSELOR, TeamVault


@pytest.fixture
def lead(team_vault: TeamVault) -> Iterator[VaultSession]:
    """The admin, also a supervisor (so they can keep tasks and drafts), signed in afresh."""
    AccountService(team_vault.admin).set_roles(ADMIN, frozenset({Role.ADMIN, Role.SUPERVISOR}))
    session = team_vault.sign_in(ADMIN, ADMIN_PASSWORD)
    yield session
    session.close()


def test_services_built_before_a_rekey_work_after_it(lead: VaultSession) -> None:
    tasks = TaskService(lead)
    drafts = DraftService(lead)
    directory = OrganizationService(lead)
    task = tasks.create(None, "call back", date.today())
    old_conn = lead.conn

    AccountService(lead).disable_user(COUNSELOR)  # re-keys: the session's connection is replaced
    assert lead.conn is not old_conn

    assert tasks.set_done(task.id).done
    drafts.save("case", {"name": "x"})
    assert drafts.load("case") == {"name": "x"}
    directory.all()


def test_the_rekey_holds_its_lock_through_the_unit_of_work(lead: VaultSession, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []
    real_rekey = accounts_module.rekey

    def watching_rekey(conn, data_key):  # type: ignore[no-untyped-def]
        seen.append(lead.unit_of_work.depth)
        real_rekey(conn, data_key)

    monkeypatch.setattr(accounts_module, "rekey", watching_rekey)
    AccountService(lead).disable_user(COUNSELOR)
    assert seen == [1]
    assert lead.unit_of_work.depth == 0 and not lead.conn.in_transaction
