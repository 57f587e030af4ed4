"""Where each drop-down's words come from, so that one widget never mixes two languages once translated.

Two sources only: the casework enums' labels go through translation (English source strings: Qt's, and
for evidence kinds, custody events and audit actions the gettext catalogue of
:mod:`safecase.services.labels`, which the interface language installs together with Qt's); taxonomy
terms carry an English and a Korean label and show the one of ``QLocale``'s default, which the interface
language sets. A code shown as it is stored ("url_only") would stay English in a Korean
screen, and a group heading that is not translated would head Korean terms in English.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

import pytest
from PySide6.QtCore import QLocale

from safecase.domain.audit import AuditAction
from safecase.domain.cases import CaseStatus, Gender, RiskLevel
from safecase.domain.contacts import CallerType, Channel, Direction
from safecase.domain.evidence import CustodyEventKind, EvidenceKind
from safecase.domain.incidents import DatePrecision
from safecase.domain.referrals import ConsentGiver, ConsentPurpose, OrganizationType, ReferralStatus
from safecase.domain.roles import Role
from safecase.domain.takedowns import ReportedTo, TakedownStatus
from safecase.domain.tasks import TaskKind
from safecase.services.labels import action_label, custody_event_label, evidence_kind_label
from safecase.services.taxonomies import taxonomies
from safecase.ui.case.incident_fields import Checklist, group_label
from safecase.ui.common import taxonomy_labels as labels
from safecase.ui.common.labels import role_label

ENUM_LABELS: list[tuple[type[StrEnum], Callable[[StrEnum], str]]] = [
    (CaseStatus, labels.status_label),
    (RiskLevel, labels.risk_label),
    (Gender, labels.gender_label),
    (Channel, labels.channel_label),
    (Direction, labels.direction_label),
    (CallerType, labels.caller_type_label),
    (DatePrecision, labels.date_precision_label),
    (ConsentPurpose, labels.consent_purpose_label),
    (ConsentGiver, labels.consent_giver_label),
    (OrganizationType, labels.organization_type_label),
    (ReferralStatus, labels.referral_status_label),
    (ReportedTo, labels.reported_to_label),
    (TakedownStatus, labels.takedown_status_label),
    (TaskKind, labels.task_kind_label),
    (EvidenceKind, evidence_kind_label),
    (CustodyEventKind, custody_event_label),
    (Role, role_label),
]


@pytest.mark.parametrize(("enum_type", "label"), ENUM_LABELS, ids=lambda value: getattr(value, "__name__", ""))
def test_every_choice_of_a_drop_down_has_words_of_its_own(
    enum_type: type[StrEnum], label: Callable[[StrEnum], str]
) -> None:
    for member in enum_type:
        assert label(member) and label(member) != member.value, f"{enum_type.__name__}.{member.name}"


def test_every_audit_action_in_the_filter_has_words_of_its_own() -> None:
    missing = [action.value for action in AuditAction if action_label(action.value) == action.value]
    assert missing == []


def test_every_group_heading_of_a_checklist_is_translated() -> None:
    for name, taxonomy in taxonomies().by_name.items():
        for group in {term.group for term in taxonomy.terms if term.group}:
            assert group_label(name, group) != group, f"{name}: {group}"


@pytest.mark.parametrize(("language", "korean"), [(QLocale.Language.Korean, True), (QLocale.Language.English, False)])
def test_taxonomy_terms_follow_the_interface_language(qapp: object, language: QLocale.Language, korean: bool) -> None:
    """The language that sets QLocale's default (the interface's), not the system's, picks the terms' labels."""
    previous = QLocale()
    QLocale.setDefault(QLocale(language))
    try:
        for name, taxonomy in taxonomies().by_name.items():
            shown = dict(labels.terms(name))
            for term in taxonomy.terms:
                assert shown[term.code] == (term.ko if korean else term.en), f"{name}: {term.code}"
        checklist = Checklist("incident_types")
        texts = [checklist.item(row).text() for row in range(checklist.count())]
        deepfake = next(t for t in taxonomies()["incident_types"].terms if t.code == "synthetic_images")
        assert (deepfake.ko if korean else deepfake.en) in texts
        checklist.deleteLater()
    finally:
        QLocale.setDefault(previous)
