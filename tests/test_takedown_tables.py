"""The take-down tables schema 5 brings (the services come later): entries, their status history, links."""

from __future__ import annotations

from datetime import date

import pytest
import sqlcipher3

from casework_data import NOW, case_fields
from safecase.domain.takedowns import ReportedTo, Takedown, TakedownStatus
from safecase.services.cases import CaseService
from safecase.services.evidence import EvidenceService
from safecase.services.session import VaultSession
from safecase.vault.repositories.takedowns import TakedownRepository
from vaultfiles import raw_connection


def _entry(case_id: int, **changes: object) -> Takedown:
    values: dict[str, object] = {
        "id": 0,
        "case_id": case_id,
        "evidence_id": None,
        "url": "https://t.me/room/9",
        "platform": "telegram",
        "reported_to": ReportedTo.DSC,
        "reported_on": date(2026, 11, 2),
        "reference": "DSC-2026-77",
        "status": TakedownStatus.REPORTED,
        "status_on": date(2026, 11, 2),
        "recheck_on": date(2026, 11, 9),
        "reappeared_from": None,
        "notes": "",
        "created_at": NOW,
        "created_by": "",
        "updated_at": NOW,
    }
    values.update(changes)
    return Takedown(**values)  # type: ignore[arg-type]


def test_entries_statuses_and_reappearances(counselor: VaultSession) -> None:
    case_id = CaseService(counselor).create(case_fields()).id
    item = EvidenceService(counselor).add_url(case_id, "https://t.me/room/9").item
    repo = TakedownRepository(counselor.conn)
    with counselor.write():
        first = repo.insert(_entry(case_id, evidence_id=item.id), NOW, "counselor")
        later = repo.insert(_entry(case_id, url="https://x.com/a/1", recheck_on=date(2026, 11, 5)), NOW, "counselor")
        repo.change_status(first.id, TakedownStatus.REMOVED, date(2026, 11, 6), "삭제 확인", NOW, "counselor")
        again = repo.insert(
            _entry(case_id, status=TakedownStatus.REAPPEARED, reappeared_from=first.id, recheck_on=None),
            NOW,
            "counselor",
        )
    assert repo.get(first.id).status is TakedownStatus.REMOVED  # type: ignore[union-attr]
    assert [h.status for h in repo.history(first.id)] == [TakedownStatus.REPORTED, TakedownStatus.REMOVED]
    assert [t.id for t in repo.open_entries()] == [later.id, again.id]  # by re-check date, none last
    assert repo.get(again.id).reappeared_from == first.id  # type: ignore[union-attr]
    assert repo.open_entries([]) == []
    conn = raw_connection(counselor)
    try:
        with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
            conn.execute("DELETE FROM takedown_statuses")
        with pytest.raises(sqlcipher3.IntegrityError, match="CHECK"):
            conn.execute(
                "INSERT INTO takedowns (case_id, reported_to, status, status_on, created_at, created_by, updated_at) "
                "VALUES (?, 'dsc', 'found', '2026-11-01', 'x', 'x', 'x')",
                (case_id,),
            )
    finally:
        conn.close()
