"""Evidence: hashes as sha256sum computes them, files kept only encrypted, custody chains, verify naming
each damaged item, crypto-shredding, the casework role rule, cancels that leave nothing, case keys."""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlcipher3

from casework_data import case_fields
from safecase.crypto.blobs import CHUNK_SIZE, HEADER_LENGTH, TAG_LENGTH, BlobDamage, decrypt_stream
from safecase.crypto.case_keys import new_case_key, open_case_key, seal_case_key, unwrap_evidence_key
from safecase.crypto.errors import CryptoError
from safecase.domain.audit import AuditAction
from safecase.domain.cases import SensitiveContact
from safecase.domain.errors import CancelledError, InputError, PermissionDeniedError, SafeCaseError, VaultFormatError
from safecase.domain.evidence import CustodyEventKind, EvidenceDetails, EvidenceKind, HandOver
from safecase.services.backups import create_backup
from safecase.services.case_keys import CaseKeys
from safecase.services.cases import CaseService
from safecase.services.evidence import EvidenceService
from safecase.services.session import VaultSession
from safecase.services.verify import verify_vault
from safecase.vault import blob_store
from safecase.vault.case_sealing import expected_holders
from safecase.vault.connection import Connection
from safecase.vault.keyfile import slot_id_for
from safecase.vault.repositories.audit import AuditRepository
from safecase.vault.repositories.case_keys import CaseKeyRepository
from safecase.vault.repositories.evidence import CustodyLog
from sqlcipher_pages import decrypted_pages
from vault_support import COUNSELOR, SECOND, TeamVault
from vaultfiles import raw_connection, vault_bytes

CANARY = "캐너리증거QZX".encode() + b"EVIDENCE-CANARY-7f3a"


def _file(folder: Path, name: str, size: int, seed: bytes = b"") -> Path:
    """A file of ``size`` bytes that repeats nothing (so moved chunks never match by chance)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes((seed + os.urandom(size))[:size])
    return path


def _sha256sum(path: Path) -> str:
    out = subprocess.run(["sha256sum", str(path)], check=True, capture_output=True, text=True).stdout
    return out.split()[0]


def _blob_path(session: VaultSession, item_id: int) -> Path:
    row = session.conn.execute("SELECT blob_id FROM evidence_items WHERE id = ?", (item_id,)).fetchone()
    return session.paths.blobs / row[0]


def _new_case(session: VaultSession, identity: bool = True) -> int:
    fields = case_fields()
    if not identity:
        fields = dataclasses.replace(fields, sensitive=SensitiveContact())
    return CaseService(session).create(fields).id


def _failures(session: VaultSession, case_id: int | None = None) -> list[str]:
    return EvidenceService(session).verify(case_id).problems()


# --- hashes -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "size", [0, CHUNK_SIZE, CHUNK_SIZE + 1, 20 * 1024 * 1024], ids=["empty", "one-chunk", "one-over", "20MiB"]
)
def test_the_sha256_is_what_sha256sum_prints_and_the_file_comes_back_whole(
    counselor: VaultSession, tmp_path: Path, size: int
) -> None:
    case_id = _new_case(counselor)
    path = _file(tmp_path / "in", "evidence.bin", size)
    evidence = EvidenceService(counselor)
    record = evidence.add_file(case_id, path)
    assert record.item.sha256 == _sha256sum(path)
    assert record.item.size == size and record.item.stored
    assert [e.kind for e in record.custody] == [
        CustodyEventKind.RECEIVED,
        CustodyEventKind.HASHED,
        CustodyEventKind.STORED,
    ]
    assert record.custody[1].details["sha256"] == record.item.sha256
    assert evidence.read(record.item.id) == path.read_bytes()
    hashed_only = evidence.add_file(case_id, path, keep_file=False)
    assert hashed_only.item.sha256 == record.item.sha256 and hashed_only.item.hash_only


def test_progress_counts_every_byte_up_to_the_total(counselor: VaultSession, tmp_path: Path) -> None:
    path = _file(tmp_path, "video.mp4", 3 * CHUNK_SIZE + 10)
    seen: list[tuple[int, int]] = []
    EvidenceService(counselor).add_file(_new_case(counselor), path, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (path.stat().st_size, path.stat().st_size)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen) and len(seen) == 4


def test_details_kind_media_type_and_file_times(counselor: VaultSession, tmp_path: Path) -> None:
    path = tmp_path / "캡처.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(100))
    os.utime(path, (1_700_000_000, 1_700_000_000))
    details = EvidenceDetails(
        kind=EvidenceKind.SCREENSHOT,
        description="단톡방 캡처",
        platform="텔레그램",
        urls=("https://t.me/somechannel/12", "https://t.me/somechannel/12"),
        channel="somechannel",
        received_from="피해자 본인",
    )
    item = EvidenceService(counselor).add_file(_new_case(counselor), path, details).item
    assert item.kind is EvidenceKind.SCREENSHOT and item.media_type == "image/png"
    assert item.platform == "telegram" and item.urls == ("https://t.me/somechannel/12",)
    assert item.original_name == "캡처.png" and item.received_from == "피해자 본인"
    assert item.file_times.modified is not None and item.file_times.modified.timestamp() == 1_700_000_000
    guessed = EvidenceService(counselor).add_file(item.case_id, path).item
    assert guessed.kind is EvidenceKind.IMAGE


def test_a_link_is_kept_without_a_file(counselor: VaultSession) -> None:
    case_id = _new_case(counselor)
    evidence = EvidenceService(counselor)
    record = evidence.add_url(case_id, " https://x.com/someone/status/1 ", EvidenceDetails(platform="x"))
    assert record.item.kind is EvidenceKind.URL_ONLY and record.item.urls == ("https://x.com/someone/status/1",)
    assert not record.item.stored and record.item.sha256 == "" and not record.item.hash_only
    assert [e.kind for e in record.custody] == [CustodyEventKind.RECEIVED]
    with pytest.raises(InputError, match="not a link"):
        evidence.add_url(case_id, "two words")
    with pytest.raises(InputError, match="not kept"):
        evidence.read(record.item.id)


def test_adding_is_audit_logged_with_the_case(counselor: VaultSession, tmp_path: Path) -> None:
    case_id = _new_case(counselor)
    item = EvidenceService(counselor).add_file(case_id, _file(tmp_path, "a.jpg", 10)).item
    EvidenceService(counselor).read(item.id)
    rows = [e for e in AuditRepository(counselor.conn).page() if e.action.startswith("evidence.")]
    assert [e.action for e in rows] == [AuditAction.EVIDENCE_VIEWED, AuditAction.EVIDENCE_ADDED]
    EvidenceService(counselor).read(item.id, log_view=False)  # a blurred preview: no view yet
    assert AuditRepository(counselor.conn).page()[0].seq == rows[0].seq
    event = EvidenceService(counselor).record_view(item.id)  # shown clearly
    assert event.kind is CustodyEventKind.VIEWED and event.seq == 5
    assert rows[1].details["case"] == str(case_id) and rows[1].target_id == str(item.id)
    assert not any("a.jpg" in str(e.details) for e in rows)  # names of files are case content


# --- nothing in the clear --------------------------------------------------------------------------------


def test_a_kept_file_is_nowhere_in_the_clear_and_nothing_goes_to_the_temp_folder(
    counselor: VaultSession, tmp_path: Path
) -> None:
    temp = Path(tempfile.gettempdir())
    assert temp == tmp_path / "tmp" and not any(temp.iterdir())
    source = tmp_path / "in" / "canary-file.png"
    source.parent.mkdir()
    source.write_bytes(b"\x89PNG\r\n\x1a\n" + CANARY * 50_000 + os.urandom(1000))  # 1.5 MiB: several chunks
    case_id = _new_case(counselor)
    evidence = EvidenceService(counselor)
    item = evidence.add_file(case_id, source).item
    assert not any(temp.iterdir()), "adding wrote to the temp folder"
    assert evidence.read(item.id) == source.read_bytes()
    assert not any(temp.iterdir()), "viewing wrote to the temp folder"
    assert evidence.verify(case_id).ok and verify_vault(counselor).ok
    assert not any(temp.iterdir()), "verifying wrote to the temp folder"
    files = vault_bytes(counselor.paths.root)
    assert any(name.startswith("blobs/") for name in files)
    for name, content in files.items():
        assert CANARY not in content, f"the canary is in the clear in {name}"
        assert b"canary-file" not in content, f"the file name is in the clear in {name}"


# --- verify -------------------------------------------------------------------------------------------------


@pytest.fixture
def two_kept(counselor: VaultSession, tmp_path: Path) -> tuple[int, int, int]:
    """A case of the counselor's with two kept files of three chunks each: (case id, item ids)."""
    case_id = _new_case(counselor)
    evidence = EvidenceService(counselor)
    first = evidence.add_file(case_id, _file(tmp_path / "in", "one.mp4", 3 * CHUNK_SIZE)).item.id
    second = evidence.add_file(case_id, _file(tmp_path / "in", "two.mp4", 3 * CHUNK_SIZE)).item.id
    assert evidence.verify(case_id).ok
    return case_id, first, second


def _chunk(index: int) -> slice:
    start = HEADER_LENGTH + index * (CHUNK_SIZE + TAG_LENGTH)
    return slice(start, start + CHUNK_SIZE + TAG_LENGTH)


def _only_failure(session: VaultSession, case_id: int, item_id: int) -> str:
    [line] = _failures(session, case_id)
    assert f"item #{item_id} " in line, line
    return line


def test_verify_names_a_flipped_byte(counselor: VaultSession, two_kept: tuple[int, int, int]) -> None:
    case_id, first, _ = two_kept
    blob = _blob_path(counselor, first)
    data = bytearray(blob.read_bytes())
    data[_chunk(2).start + 100] ^= 0x20
    blob.write_bytes(bytes(data))
    assert "chunk 2" in _only_failure(counselor, case_id, first)
    with pytest.raises(VaultFormatError, match="changed or damaged"):
        EvidenceService(counselor).read(first)


def test_verify_names_a_truncated_blob(counselor: VaultSession, two_kept: tuple[int, int, int]) -> None:
    case_id, first, _ = two_kept
    blob = _blob_path(counselor, first)
    blob.write_bytes(blob.read_bytes()[: _chunk(2).start])  # cut at a chunk edge: two whole chunks remain
    assert "chunk 1" in _only_failure(counselor, case_id, first)


def test_verify_names_swapped_chunks(counselor: VaultSession, two_kept: tuple[int, int, int]) -> None:
    case_id, _, second = two_kept
    blob = _blob_path(counselor, second)
    data = bytearray(blob.read_bytes())
    data[_chunk(0)], data[_chunk(1)] = data[_chunk(1)], data[_chunk(0)]
    blob.write_bytes(bytes(data))
    assert "chunk 0" in _only_failure(counselor, case_id, second)


def test_verify_names_both_of_two_swapped_blobs(counselor: VaultSession, two_kept: tuple[int, int, int]) -> None:
    case_id, first, second = two_kept
    one, two = _blob_path(counselor, first), _blob_path(counselor, second)
    one.rename(one.with_name("swap"))
    two.rename(one)
    one.with_name("swap").rename(two)
    failures = _failures(counselor, case_id)
    assert len(failures) == 2 and all("swapped" in f for f in failures)
    assert f"item #{first} " in failures[0] and f"item #{second} " in failures[1]


def test_verify_names_a_missing_blob_and_the_vault_check_does_too(
    counselor: VaultSession, two_kept: tuple[int, int, int]
) -> None:
    case_id, first, _ = two_kept
    _blob_path(counselor, first).unlink()
    assert "missing" in _only_failure(counselor, case_id, first)
    [check] = [c for c in verify_vault(counselor).checks if c.name == "Evidence"]
    assert not check.ok and f"item #{first} " in check.detail


def _without_triggers(session: VaultSession) -> Connection:
    conn = raw_connection(session)
    conn.execute("DROP TRIGGER evidence_custody_no_update")
    conn.execute("DROP TRIGGER evidence_custody_no_delete")
    return conn


def test_custody_events_cannot_be_changed_through_sql(counselor: VaultSession, two_kept: tuple[int, int, int]) -> None:
    conn = raw_connection(counselor)
    try:
        with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
            conn.execute("UPDATE evidence_custody SET actor = 'someone'")
        with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
            conn.execute("DELETE FROM evidence_custody")
    finally:
        conn.close()


def test_verify_names_an_edited_custody_event(counselor: VaultSession, two_kept: tuple[int, int, int]) -> None:
    case_id, first, _ = two_kept
    conn = _without_triggers(counselor)
    with conn:
        conn.execute("UPDATE evidence_custody SET actor = 'someone else' WHERE item_id = ? AND seq = 1", (first,))
    conn.close()
    assert "custody event 1 was edited" in _only_failure(counselor, case_id, first)


@pytest.mark.parametrize("seq", [2, 4], ids=["middle", "newest"])
def test_verify_names_a_deleted_custody_event(
    counselor: VaultSession, two_kept: tuple[int, int, int], seq: int
) -> None:
    case_id, first, _ = two_kept  # events: received, hashed, stored, verified
    conn = _without_triggers(counselor)
    with conn:
        conn.execute("DELETE FROM evidence_custody WHERE item_id = ? AND seq = ?", (first, seq))
    conn.close()
    line = _only_failure(counselor, case_id, first)
    assert ("custody event 2 is missing" in line) if seq == 2 else ("removed" in line)


def test_verify_names_an_edited_hash_and_a_deleted_item(
    counselor: VaultSession, two_kept: tuple[int, int, int]
) -> None:
    case_id, first, second = two_kept
    conn = _without_triggers(counselor)
    with conn:
        conn.execute("UPDATE evidence_items SET sha256 = ? WHERE id = ?", ("0" * 64, first))
        conn.execute("DELETE FROM evidence_custody WHERE item_id = ?", (second,))
        conn.execute("DELETE FROM evidence_items WHERE id = ?", (second,))
    conn.close()
    failures = _failures(counselor, case_id)
    assert any(f"item #{first} " in f and "custody log recorded" in f for f in failures)
    assert any(f"item #{second}:" in f and "no longer in the vault" in f for f in failures)


def test_verified_runs_leave_custody_events_and_an_audit_row(
    counselor: VaultSession, two_kept: tuple[int, int, int]
) -> None:
    _, first, _ = two_kept
    events = CustodyLog(counselor.conn).events(first)
    assert events[-1].kind is CustodyEventKind.VERIFIED and events[-1].details == {"result": "ok"}
    assert AuditRepository(counselor.conn).page()[0].action == AuditAction.EVIDENCE_VERIFIED


# --- destroying ---------------------------------------------------------------------------------------------


def test_a_destroyed_file_cannot_be_decrypted_from_an_old_copy_of_its_blob(
    counselor: VaultSession, supervisor: VaultSession, two_kept: tuple[int, int, int], tmp_path: Path
) -> None:
    case_id, first, second = two_kept
    blob = _blob_path(counselor, first)
    old_copy = tmp_path / "old-blob"
    shutil.copy(blob, old_copy)
    wrapped = counselor.conn.execute("SELECT blob_key FROM evidence_items WHERE id = ?", (first,)).fetchone()[0]
    record = EvidenceService(counselor).destroy(first, "피해자 요청")
    assert record.item.destroyed and not record.item.stored and record.item.sha256
    assert record.custody[-1].kind is CustodyEventKind.DESTROYED
    assert record.custody[-1].details == {"file": "shredded", "reason": "피해자 요청"}
    assert not blob.exists()
    with pytest.raises(InputError, match="destroyed"):
        EvidenceService(counselor).read(first)

    # Everything left: the database (every page, free ones and the log included) and the case key.
    pages = decrypted_pages(counselor.paths.db, counselor.data_key)
    assert bytes(wrapped) not in pages
    case_key = CaseKeys(supervisor).open(case_id)
    assert case_key is not None
    vault_id, blob_id = counselor.keyfile.vault_id, blob.name
    conn = raw_connection(counselor)
    left = [bytes(r[0]) for r in conn.execute("SELECT blob_key FROM evidence_items WHERE blob_key IS NOT NULL")]
    conn.close()
    assert len(left) == 1  # the other item's
    for candidate in left:
        with pytest.raises(CryptoError):
            unwrap_evidence_key(vault_id, case_id, blob_id, case_key, candidate)
        other_key = unwrap_evidence_key(vault_id, case_id, _blob_path(counselor, second).name, case_key, candidate)
        with old_copy.open("rb") as handle, pytest.raises(BlobDamage):
            b"".join(decrypt_stream(handle, other_key, bytes.fromhex(blob_id)))
    assert EvidenceService(counselor).verify(case_id).ok  # the record and its chain still hold


# --- roles ---------------------------------------------------------------------------------------------------


def test_a_counselor_cannot_see_add_to_or_export_evidence_of_a_case_not_hers(
    counselor: VaultSession, second: VaultSession, supervisor: VaultSession, tmp_path: Path
) -> None:
    case_id = _new_case(counselor)
    path = _file(tmp_path / "in", "a.png", 2000)
    item = EvidenceService(counselor).add_file(case_id, path).item
    theirs = EvidenceService(second)
    attempts: list[Callable[[], object]] = [
        lambda: theirs.for_case(case_id),
        lambda: theirs.get(item.id),
        lambda: theirs.add_file(case_id, path),
        lambda: theirs.add_file(case_id, path, keep_file=False),
        lambda: theirs.add_url(case_id, "https://example.org/post"),
        lambda: theirs.read(item.id),
        lambda: theirs.export_copy(item.id, tmp_path / "out.png"),
        lambda: theirs.hand_over(item.id, HandOver("경찰")),
        lambda: theirs.destroy(item.id),
        lambda: theirs.verify(case_id),
    ]
    for attempt in attempts:
        with pytest.raises(InputError, match="assigned to you"):
            attempt()
    assert not (tmp_path / "out.png").exists()
    assert theirs.verify().items == ()
    assert [r.item.id for r in EvidenceService(supervisor).for_case(case_id)] == [item.id]
    assert EvidenceService(supervisor).read(item.id) == path.read_bytes()
    assert [c.item.id for c in EvidenceService(supervisor).verify().items] == [item.id]


def test_an_administrator_without_casework_gets_no_evidence(team_vault: TeamVault, counselor: VaultSession) -> None:
    case_id = _new_case(counselor)
    item = EvidenceService(counselor).add_url(case_id, "https://example.org/a").item
    admin = EvidenceService(team_vault.admin)
    for attempt in (lambda: admin.for_case(case_id), lambda: admin.get(item.id), admin.verify):
        with pytest.raises((PermissionDeniedError, InputError)):
            attempt()


def test_a_counselor_with_the_data_key_cannot_open_the_evidence_key_of_a_case_not_hers(
    counselor: VaultSession, second: VaultSession, tmp_path: Path
) -> None:
    case_id = _new_case(counselor, identity=False)
    item = EvidenceService(counselor).add_file(case_id, _file(tmp_path, "a.png", 5000, CANARY)).item
    conn = raw_connection(second)  # everything the data key reads
    blob_id, wrapped = conn.execute("SELECT blob_id, blob_key FROM evidence_items WHERE id = ?", (item.id,)).fetchone()
    seals = conn.execute("SELECT holder, envelope FROM case_keys WHERE case_id = ?", (case_id,)).fetchall()
    conn.close()
    own = second.own_slot
    assert own is not None and seals
    vault_id = second.keyfile.vault_id
    for holder, envelope in seals:
        for as_holder in (holder, slot_id_for(vault_id, SECOND)):
            with pytest.raises(CryptoError):
                open_case_key(vault_id, case_id, as_holder, own.private_key, bytes(envelope))
    for guess in (second.data_key, own.private_key):
        with pytest.raises(CryptoError):
            unwrap_evidence_key(vault_id, case_id, blob_id, guess, bytes(wrapped))
    assert CaseKeys(second).open(case_id) is None


# --- cancelling and failing ---------------------------------------------------------------------------------


def _nothing_kept(session: VaultSession) -> None:
    assert [p.name for p in session.paths.blobs.iterdir()] == []
    assert session.conn.execute("SELECT count(*) FROM evidence_items").fetchone()[0] == 0
    assert session.conn.execute("SELECT count(*) FROM evidence_custody").fetchone()[0] == 0
    assert not [e for e in AuditRepository(session.conn).page() if e.action == AuditAction.EVIDENCE_ADDED]


@pytest.mark.parametrize("keep_file", [True, False], ids=["kept", "hash-only"])
def test_a_cancelled_add_leaves_no_blob_and_no_row(counselor: VaultSession, tmp_path: Path, keep_file: bool) -> None:
    case_id = _new_case(counselor)
    path = _file(tmp_path, "big.mp4", 5 * CHUNK_SIZE)
    asked = 0

    def cancelled() -> bool:
        nonlocal asked
        asked += 1
        return asked > 2

    with pytest.raises(CancelledError):
        EvidenceService(counselor).add_file(case_id, path, keep_file=keep_file, cancelled=cancelled)
    _nothing_kept(counselor)


def test_a_failure_inside_the_unit_of_work_removes_the_blob(
    counselor: VaultSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case_id = _new_case(counselor)

    def fails(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full while logging")

    monkeypatch.setattr(CustodyLog, "append", fails)
    with pytest.raises(RuntimeError, match="disk full"):
        EvidenceService(counselor).add_file(case_id, _file(tmp_path, "a.png", 3000))
    monkeypatch.undo()
    _nothing_kept(counselor)


def test_a_large_file_is_pushed_to_disk_while_written_and_a_cancel_stops_that_too(
    counselor: VaultSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(blob_store, "FLUSH_EVERY", CHUNK_SIZE)  # a flush every chunk
    case_id = _new_case(counselor)
    path = _file(tmp_path, "video.mp4", 6 * CHUNK_SIZE + 1)
    evidence = EvidenceService(counselor)
    item = evidence.add_file(case_id, path).item
    assert evidence.read(item.id) == path.read_bytes()
    seen: list[int] = []
    with pytest.raises(CancelledError):  # after four chunks: the flusher has been running
        evidence.add_file(case_id, path, progress=lambda done, _: seen.append(done), cancelled=lambda: len(seen) > 3)
    assert [p.name for p in counselor.paths.blobs.iterdir()] == [_blob_path(counselor, item.id).name]


def test_a_commit_whose_rename_did_not_happen_is_finished_on_reading(
    counselor: VaultSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _file(tmp_path, "a.png", 3000)
    monkeypatch.setattr(blob_store.StagedBlob, "commit", lambda self: None)  # the process stopped there
    item = EvidenceService(counselor).add_file(_new_case(counselor), path).item
    monkeypatch.undo()
    assert [p.suffix for p in counselor.paths.blobs.iterdir()] == [".partial"]
    assert EvidenceService(counselor).read(item.id) == path.read_bytes()
    assert [p.suffix for p in counselor.paths.blobs.iterdir()] == [""]


# --- exporting, handing over ----------------------------------------------------------------------------------


def test_opened_checks_now_and_decrypts_later_without_the_database(counselor: VaultSession, tmp_path: Path) -> None:
    """What the app's preview uses: the rule and the key through the session, the slow part on a worker."""
    case_id = _new_case(counselor)
    path = _file(tmp_path, "캡처.png", CHUNK_SIZE + 10)
    evidence = EvidenceService(counselor)
    item = evidence.add_file(case_id, path).item
    decrypt = evidence.opened(item.id)
    counselor.conn.close()  # the callable needs the vault folder only
    assert decrypt() == path.read_bytes()


def test_opened_logs_no_view_and_names_a_damaged_file(counselor: VaultSession, tmp_path: Path) -> None:
    case_id = _new_case(counselor)
    evidence = EvidenceService(counselor)
    item = evidence.add_file(case_id, _file(tmp_path, "a.jpg", 5000)).item
    blob = _blob_path(counselor, item.id)
    data = bytearray(blob.read_bytes())
    data[-20] ^= 1
    decrypt = evidence.opened(item.id)
    blob.write_bytes(bytes(data))
    with pytest.raises(VaultFormatError, match="changed or damaged"):
        decrypt()
    assert CustodyEventKind.VIEWED not in [e.kind for e in evidence.get(item.id).custody]


def test_export_writes_the_original_where_the_person_chose(counselor: VaultSession, tmp_path: Path) -> None:
    path = _file(tmp_path / "in", "a.mp4", 2 * CHUNK_SIZE + 3)
    evidence = EvidenceService(counselor)
    item = evidence.add_file(_new_case(counselor), path).item
    target = tmp_path / "out" / "copy.mp4"
    target.parent.mkdir()
    event = evidence.export_copy(item.id, target, note="경찰 제출용")
    assert target.read_bytes() == path.read_bytes() and _sha256sum(target) == item.sha256
    assert event.kind is CustodyEventKind.EXPORTED and event.details == {"sha256": item.sha256, "note": "경찰 제출용"}
    assert [p.name for p in target.parent.iterdir()] == ["copy.mp4"]
    with pytest.raises(InputError, match="already exists"):
        evidence.export_copy(item.id, target)
    with pytest.raises(InputError, match="inside the vault"):
        evidence.export_copy(item.id, counselor.paths.root / "copy.mp4")
    with pytest.raises(CancelledError):
        evidence.export_copy(item.id, tmp_path / "out" / "cancelled.mp4", cancelled=lambda: True)
    assert [p.name for p in target.parent.iterdir()] == ["copy.mp4"]


def test_a_damaged_file_is_not_exported(counselor: VaultSession, tmp_path: Path) -> None:
    evidence = EvidenceService(counselor)
    item = evidence.add_file(_new_case(counselor), _file(tmp_path / "in", "a.mp4", 2 * CHUNK_SIZE)).item
    blob = _blob_path(counselor, item.id)
    blob.write_bytes(blob.read_bytes()[:-1])
    (tmp_path / "out").mkdir()
    with pytest.raises(VaultFormatError):
        evidence.export_copy(item.id, tmp_path / "out" / "copy.mp4")
    assert list((tmp_path / "out").iterdir()) == []


def test_hand_over_and_return_are_custody_events(counselor: VaultSession) -> None:
    evidence = EvidenceService(counselor)
    item = evidence.add_url(_new_case(counselor), "https://example.org/post").item
    given = evidence.hand_over(item.id, HandOver("김수사관", "서울경찰청 사이버수사대", "수사 자료", "2026-123"))
    assert given.kind is CustodyEventKind.HANDED_OVER
    assert given.details == {
        "recipient": "김수사관",
        "organization": "서울경찰청 사이버수사대",
        "purpose": "수사 자료",
        "reference": "2026-123",
    }
    back = evidence.record_return(item.id, "김수사관")
    assert back.kind is CustodyEventKind.RETURNED and back.seq == 3
    with pytest.raises(InputError):
        evidence.hand_over(item.id, HandOver(" "))
    assert evidence.verify().ok


# --- case keys ----------------------------------------------------------------------------------------------


def test_evidence_alone_gives_a_case_its_key_and_the_supervisors_hold_it(
    counselor: VaultSession, supervisor: VaultSession, tmp_path: Path
) -> None:
    case_id = _new_case(counselor, identity=False)
    assert not CaseKeyRepository(counselor.conn).has_key(case_id)
    path = _file(tmp_path, "a.png", 100)
    item = EvidenceService(counselor).add_file(case_id, path).item
    assert CaseKeyRepository(counselor.conn).has_key(case_id)
    assert EvidenceService(supervisor).read(item.id) == path.read_bytes()


def test_a_key_planted_on_a_case_with_only_evidence_is_refused(
    counselor: VaultSession, second: VaultSession, tmp_path: Path
) -> None:
    case_id = _new_case(counselor, identity=False)
    EvidenceService(counselor).add_file(case_id, _file(tmp_path, "a.png", 100))
    planted = new_case_key()
    vault_id = second.keyfile.vault_id
    conn = raw_connection(second)
    with conn:
        for holder, public_key in expected_holders(CaseKeys(second).signed_accounts(), [COUNSELOR, SECOND]).items():
            conn.execute(
                "INSERT OR REPLACE INTO case_keys (case_id, holder, holder_public_key, envelope) VALUES (?, ?, ?, ?)",
                (case_id, holder, public_key, seal_case_key(vault_id, case_id, holder, public_key, planted)),
            )
    conn.close()
    with pytest.raises(VaultFormatError, match="changed outside SafeCase"):
        EvidenceService(counselor).add_file(case_id, _file(tmp_path, "b.png", 100))
    assert len(list(counselor.paths.blobs.iterdir())) == 1  # nothing of the refused file


def test_reassigning_someone_off_the_case_rewraps_every_evidence_key(
    counselor: VaultSession, supervisor: VaultSession, second: VaultSession, tmp_path: Path
) -> None:
    case_id = _new_case(counselor)
    path = _file(tmp_path, "a.png", 3000)
    evidence = EvidenceService(counselor)
    items = [evidence.add_file(case_id, path).item.id for _ in range(2)]
    old_key = CaseKeys(counselor).open(case_id)
    assert old_key is not None

    CaseService(supervisor).reassign(case_id, [SECOND])

    vault_id = counselor.keyfile.vault_id
    for item_id in items:
        blob_id, wrapped = supervisor.conn.execute(
            "SELECT blob_id, blob_key FROM evidence_items WHERE id = ?", (item_id,)
        ).fetchone()
        with pytest.raises(CryptoError):  # the key she may have kept opens nothing stored now
            unwrap_evidence_key(vault_id, case_id, blob_id, old_key, bytes(wrapped))
        assert EvidenceService(second).read(item_id) == path.read_bytes()
    assert CaseService(second).reveal(case_id) == SensitiveContact("김민지", "010-1234-5678")
    assert EvidenceService(second).verify(case_id).ok


def test_a_file_added_by_one_counselor_stays_open_to_the_others_on_the_case(
    team_vault: TeamVault, counselor: VaultSession, supervisor: VaultSession, tmp_path: Path
) -> None:
    """Files are added often and by everyone on a case: the case keeps its key for them, so nobody
    else on the case loses the files (an identity write, rarer, replaces the key)."""
    case_id = _new_case(counselor)
    first = EvidenceService(counselor).add_file(case_id, _file(tmp_path, "a.png", 100)).item
    kept = CaseKeys(counselor).open(case_id)
    second = EvidenceService(supervisor).add_file(case_id, _file(tmp_path, "b.png", 100)).item
    assert CaseKeys(counselor).open(case_id) == kept
    assert EvidenceService(counselor).read(second.id) == (tmp_path / "b.png").read_bytes()
    assert EvidenceService(supervisor).read(first.id) == (tmp_path / "a.png").read_bytes()


def test_a_file_is_never_sealed_under_a_planted_key(
    counselor: VaultSession, second: VaultSession, tmp_path: Path
) -> None:
    """Someone holding the data key seals a key she knows to everyone on a case with a file: the next
    file is refused, not sealed under her key (her key does not open what the case already seals)."""
    case_id = _new_case(counselor)
    EvidenceService(counselor).add_file(case_id, _file(tmp_path, "a.png", 100))
    vault_id = second.keyfile.vault_id
    planted = new_case_key()
    conn = raw_connection(second)
    with conn:
        for seal in CaseKeyRepository(conn).seals(case_id):
            conn.execute(
                "UPDATE case_keys SET envelope = ? WHERE case_id = ? AND holder = ?",
                (seal_case_key(vault_id, case_id, seal.holder, seal.public_key, planted), case_id, seal.holder),
            )
    conn.close()
    with pytest.raises(SafeCaseError):
        EvidenceService(counselor).add_file(case_id, _file(tmp_path, "b.png", 100))


def test_clearing_the_identity_keeps_the_key_the_evidence_is_under(counselor: VaultSession, tmp_path: Path) -> None:
    case_id = _new_case(counselor)
    path = _file(tmp_path, "a.png", 100)
    item = EvidenceService(counselor).add_file(case_id, path).item
    service = CaseService(counselor)
    service.update(
        case_id, dataclasses.replace(service.fields(case_id), sensitive=SensitiveContact()), keep_sensitive=False
    )
    assert service.reveal(case_id) == SensitiveContact()
    assert EvidenceService(counselor).read(item.id) == path.read_bytes()
    # Recording an identity again carries the evidence key over to the new key.
    service.update(
        case_id,
        dataclasses.replace(service.fields(case_id), sensitive=SensitiveContact("이수진", "")),
        keep_sensitive=False,
    )
    assert EvidenceService(counselor).read(item.id) == path.read_bytes()
    assert EvidenceService(counselor).verify(case_id).ok and verify_vault(counselor).ok


def test_a_co_counselor_without_the_key_is_told_so_and_verify_lists_the_file_as_unchecked(
    counselor: VaultSession, supervisor: VaultSession, second: VaultSession, tmp_path: Path
) -> None:
    case_id = _new_case(counselor)
    item = EvidenceService(counselor).add_file(case_id, _file(tmp_path, "a.png", 100)).item
    conn = raw_connection(second)  # listed on the case by table, never sealed to
    with conn:
        conn.execute("INSERT INTO case_counselors (case_id, user_name) VALUES (?, ?)", (case_id, SECOND))
    conn.close()
    with pytest.raises(InputError, match="Reassign"):
        EvidenceService(second).read(item.id)
    with pytest.raises(InputError, match="Reassign"):
        EvidenceService(second).add_file(case_id, _file(tmp_path, "b.png", 100))
    report = EvidenceService(second).verify(case_id)
    assert report.ok and [c.item.id for c in report.unchecked] == [item.id]


# --- backups ------------------------------------------------------------------------------------------------


def test_a_backup_carries_the_blobs_but_not_a_file_still_being_written(
    team_vault: TeamVault, counselor: VaultSession, tmp_path: Path
) -> None:
    item = EvidenceService(counselor).add_file(_new_case(counselor), _file(tmp_path, "a.png", 100)).item
    blob = _blob_path(counselor, item.id)
    (blob.parent / ("0" * 32 + blob_store.STAGING_SUFFIX)).write_bytes(b"half")
    out = tmp_path / "backup.tar"
    create_backup(team_vault.admin, out)
    with tarfile.open(out) as tar:
        blobs = [n for n in tar.getnames() if n.startswith("blobs/")]
    assert blobs == [f"blobs/{blob.name}"]
