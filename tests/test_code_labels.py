"""Every code a person reads in the audit log or a custody log has words, in English and in Korean.

:mod:`safecase.services.labels` is the one place the app's Audit page and Evidence tab, the command line
and the evidence packet's PDF take them from. A new audit action or custody event without words (or
without their Korean) fails here, rather than showing ``evidence.something`` to a Korean counselor.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from safecase import i18n
from safecase.domain.audit import AuditAction, SignInFailure
from safecase.domain.evidence import CustodyEventKind, EvidenceKind
from safecase.services import labels
from safecase.services.resources import translations_dir

HANGUL = re.compile(r"[\uac00-\ud7a3]")


@pytest.fixture
def korean() -> Iterator[None]:
    i18n.install(translations_dir(), ["ko_KR.UTF-8"])
    try:
        yield
    finally:
        i18n.install(translations_dir(), [])


def _english_words() -> dict[str, dict[str, str]]:
    return {
        "action": {a.value: labels.action_label(a.value) for a in AuditAction},
        "event": {k.value: labels.custody_event_label(k) for k in CustodyEventKind},
        "kind": {k.value: labels.evidence_kind_label(k) for k in EvidenceKind},
        "sign-in failure": {
            r.value: labels.detail_value(AuditAction.SIGN_IN_FAILED, "reason", r.value) for r in SignInFailure
        },
    }


def test_every_audit_action_custody_event_and_evidence_kind_has_english_words() -> None:
    for table, words in _english_words().items():
        # Sign-in failures were stored as English words from the start; the others are codes.
        codes_shown = [
            code for code, word in words.items() if not word or (word == code and table != "sign-in failure")
        ]
        assert codes_shown == [], table
    assert len(set(_english_words()["action"].values())) == len(AuditAction), "two actions read the same"
    assert len(set(_english_words()["event"].values())) == len(CustodyEventKind)


def test_every_one_has_korean_words_in_the_catalogue() -> None:
    english = _english_words()
    i18n.install(translations_dir(), ["ko_KR.UTF-8"])
    try:
        korean = _english_words()
    finally:
        i18n.install(translations_dir(), [])
    for table, words in korean.items():
        untranslated = [code for code, word in words.items() if word == english[table][code] or not HANGUL.search(word)]
        assert untranslated == [], table


def test_korean_words_are_the_glossarys(korean: None) -> None:
    assert labels.action_label(AuditAction.CASE_REVEALED) == "실명 보기"
    assert labels.action_label(AuditAction.EVIDENCE_PACKET_EXPORTED) == "증거 제출 자료 내보내기"
    assert labels.action_label(AuditAction.AUDIT_VIEWED) == "접근 기록 열람"
    assert [labels.custody_event_label(k) for k in CustodyEventKind] == [
        "접수", "해시값 계산", "암호화 보관", "열람", "사본 반출", "제출", "반환", "무결성 검사", "폐기",
    ]  # fmt: skip
    assert labels.evidence_kind_label(EvidenceKind.SCREENSHOT) == "캡처 화면"
    failed = labels.details_text(AuditAction.SIGN_IN_FAILED, {"reason": SignInFailure.WRONG_PASSWORD})
    assert failed == "이유=비밀번호 틀림"
    assert labels.target_label("takedowns") == "삭제지원 목록"


def test_detail_values_that_are_our_codes_are_worded_and_others_stay(korean: None) -> None:
    roles = labels.details_text(AuditAction.USER_ROLES_CHANGED, {"from": "counselor", "to": "counselor,supervisor"})
    assert roles == "변경 전=상담원, 변경 후=상담원,책임상담원"
    assert labels.details_text(AuditAction.USER_ADDED, {"roles": "admin"}) == "역할=관리자"
    status = labels.details_text(AuditAction.TAKEDOWN_STATUS_CHANGED, {"case": "3", "from": "found", "to": "removed"})
    assert status == "사례=3, 변경 전=발견, 변경 후=삭제 완료"
    added = labels.details_text(AuditAction.EVIDENCE_ADDED, {"kind": "url_only", "stored": "no"})
    assert added == "종류=링크만, 파일 보관=아니요"
    assert labels.detail_value(AuditAction.TAKEDOWNS_LISTED, "scope", "due") == "지금 재확인할 것"
    assert labels.detail_value(AuditAction.RESTORED_OVER, "previous", "missing") == "암호화 보관함 없음"
    rollback = labels.details_text(AuditAction.ROLLBACK_SUSPECTED, {"kind": "audit_rewritten", "head": "#9 · 3fa9c2d1"})
    assert rollback == "접근 기록 마지막 항목=#9 · 3fa9c2d1, 종류=접근 기록이 다시 쓰임"
    checked = labels.details_text(AuditAction.EVIDENCE_VERIFIED, {"items": "4", "failed": "1"})
    assert checked == "검사 실패 수=1, 검사한 증거자료 수=4"
    failed = labels.details_text(AuditAction.SIGN_IN_FAILED, {"reason": "slot replaced"})
    assert failed == "이유=키 슬롯 교체됨"
    # A report's months are a period, not a change; counts, dates and unknown codes stay as stored.
    report = labels.details_text(AuditAction.REPORT_EXPORTED, {"from": "2026-01", "to": "2026-03", "k": "5"})
    assert report == "기간 시작=2026-01, 소수 사례 비공개 기준(k)=5, 기간 끝=2026-03"  # in the stored names' order
    assert labels.detail_value(AuditAction.USER_ADDED, "roles", "auditor") == "auditor"
    assert labels.action_label("evidence.teleported") == "evidence.teleported"
    assert labels.detail_label("a_key_from_a_newer_version") == "a_key_from_a_newer_version"


def test_custody_details_are_named_and_their_codes_worded(korean: None) -> None:
    assert labels.custody_detail_label("recipient") == "받는 사람"
    assert labels.custody_detail_value("result", "failed") == "검사 실패"
    assert labels.custody_detail_value("file", "shredded") == "폐기함"
    assert labels.custody_detail_value("recipient", "failed") == "failed"  # a name is never a code


def test_in_english_the_details_keep_readable_words() -> None:
    assert labels.details_text(AuditAction.USER_ADDED, {"roles": "counselor"}) == "roles=counselor"
    assert labels.detail_value(AuditAction.VERIFIED, "ok", "true") == "yes"
    assert labels.custody_event_label(CustodyEventKind.HANDED_OVER) == "Handed over"
