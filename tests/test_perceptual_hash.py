"""Re-uploads: a resized, re-compressed copy of an image already in the vault is flagged at intake,
a different image is not, and nobody learns of a match in a case they may not see."""

from __future__ import annotations

import ast
from pathlib import Path

from casework_data import case_fields
from evidence_images import encoded, picture, resized_jpeg, write
from safecase.domain.audit import AuditAction
from safecase.domain.evidence import NEAR_DUPLICATE_DISTANCE, hash_distance
from safecase.imaging import perceptual
from safecase.imaging.perceptual import image_dhash
from safecase.services.cases import CaseService
from safecase.services.evidence import EvidenceService
from safecase.services.session import VaultSession
from safecase.vault.repositories.audit import AuditRepository
from vault_support import COUNSELOR, SECOND

HEIC_HEAD = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"


def _case(session: VaultSession, counselors: tuple[str, ...] = ()) -> int:
    return CaseService(session).create(case_fields(), counselors=counselors).id


def test_dhash_keeps_a_resized_jpeg_copy_close_and_another_picture_far() -> None:
    original = image_dhash(encoded(picture()))
    copy = image_dhash(resized_jpeg(picture(), 0.5, 60))
    other = image_dhash(encoded(picture(variant=1)))
    assert len(original) == 16 and int(original, 16) != 0
    close, far = hash_distance(original, copy), hash_distance(original, other)
    assert close is not None and close <= 3
    assert far is not None and far > 2 * NEAR_DUPLICATE_DISTANCE
    assert image_dhash(HEIC_HEAD + b"\x00" * 200) == "", "what Qt cannot decode gets no perceptual hash"


def test_an_added_image_is_hashed_and_a_heic_or_a_document_says_sha256_only(
    counselor: VaultSession, tmp_path: Path
) -> None:
    case_id = _case(counselor)
    evidence = EvidenceService(counselor)
    image = evidence.add_file(case_id, write(tmp_path, "캡처.png", encoded(picture()))).item
    assert image.perceptual_hash == image_dhash(encoded(picture()))
    hash_only = evidence.add_file(case_id, write(tmp_path, "copy.jpg", resized_jpeg(picture())), keep_file=False)
    assert hash_only.item.perceptual_hash and not hash_only.item.stored
    heic = evidence.add_file(case_id, write(tmp_path, "IMG_0001.HEIC", HEIC_HEAD + b"\x01" * 500)).item
    assert heic.media_type == "image/heic" and heic.perceptual_hash == ""
    document = evidence.add_file(case_id, write(tmp_path, "chat.txt", "대화 내보내기".encode())).item
    assert document.perceptual_hash == ""
    assert evidence.add_url(case_id, "https://example.org/post/1").item.perceptual_hash is None


def test_a_resized_re_encoded_copy_is_flagged_across_cases_and_a_different_picture_is_not(
    counselor: VaultSession, tmp_path: Path
) -> None:
    first, second = _case(counselor), _case(counselor)
    evidence = EvidenceService(counselor)
    original = evidence.add_file(first, write(tmp_path, "원본.png", encoded(picture()))).item
    unrelated = evidence.add_file(second, write(tmp_path, "other.png", encoded(picture(variant=1)))).item
    assert evidence.near_duplicates(unrelated.id) == []

    copy = evidence.add_file(second, write(tmp_path, "reupload.jpg", resized_jpeg(picture(), 0.5, 55))).item
    matches = evidence.near_duplicates(copy.id)
    assert [(m.item.id, m.item.case_id, m.same_file) for m in matches] == [(original.id, first, False)]
    assert matches[0].distance is not None and matches[0].distance <= NEAR_DUPLICATE_DISTANCE
    entry = AuditRepository(counselor.conn).page()[0]
    assert entry.action == AuditAction.EVIDENCE_MATCHED and entry.target_id == str(copy.id)
    assert entry.details == {"case": str(second), "items": str(original.id), "cases": str(first)}
    assert matches[0].case_number == CaseService(counselor).get(first).number

    # The very same file again (hash-only this time) matches by its SHA-256 too.
    again = evidence.add_file(first, write(tmp_path, "again.png", encoded(picture())), keep_file=False).item
    same = evidence.near_duplicates(again.id)
    assert (same[0].item.id, same[0].same_file) == (original.id, True)
    assert copy.id in {m.item.id for m in same}


def test_a_counselor_sees_no_match_in_a_case_not_hers_and_a_supervisor_sees_it(
    counselor: VaultSession, second: VaultSession, supervisor: VaultSession, tmp_path: Path
) -> None:
    hers = _case(supervisor, (COUNSELOR,))
    theirs = _case(supervisor, (SECOND,))
    EvidenceService(second).add_file(theirs, write(tmp_path, "theirs.png", encoded(picture())))
    mine = EvidenceService(counselor).add_file(hers, write(tmp_path, "mine.jpg", resized_jpeg(picture()))).item
    before = AuditRepository(counselor.conn).page(limit=1)[0].seq
    assert EvidenceService(counselor).near_duplicates(mine.id) == []
    assert not [e for e in AuditRepository(counselor.conn).page() if e.seq > before], "nothing she may see, no row"
    found = EvidenceService(supervisor).near_duplicates(mine.id)
    assert [m.item.case_id for m in found] == [theirs]


def test_imaging_uses_only_qtcore_and_qtgui() -> None:
    """import-linter sees PySide6 as one package; this holds the line the contract cannot draw."""
    tree = ast.parse(Path(perceptual.__file__).read_text(encoding="utf-8"))
    qt = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("PySide6"):
            qt.add(node.module)
        elif isinstance(node, ast.Import):
            qt |= {a.name for a in node.names if a.name.startswith("PySide6")}
    assert qt <= {"PySide6.QtCore", "PySide6.QtGui"}, qt
