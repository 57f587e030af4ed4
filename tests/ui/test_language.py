"""The interface language: the system's by default, 한국어 or English by choice, everywhere at once.

Qt reads the system's language from the environment once per process, so what a Korean system gets is
tested in child processes started with ``LANG=ko_KR.UTF-8``, as a person's session would set it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from gui_support import COUNSELOR, COUNSELOR_PASSWORD, Gui
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from safecase import i18n
from safecase.domain.audit import AuditEntry
from safecase.domain.users import DisplayNames
from safecase.services.audit import AuditRow
from safecase.services.labels import action_label, detail_label, target_label
from safecase.ui.case.case_history import ValueWords, field_label
from safecase.ui.common.language import (
    ENGLISH,
    KOREAN,
    install_language,
    interface_language,
    korean_ui_font,
    save_language,
    saved_language,
)
from safecase.ui.common.taxonomy_labels import status_label, term_label
from safecase.ui.pages.audit_model import AuditModel


def _with_language(lang: str) -> dict[str, str]:
    """This process's environment as a session whose language is ``lang`` would have it."""
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env["LANG"] = lang
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def _system_language_in(lang: str) -> str:
    code = "from safecase.ui.common.language import system_language; print(system_language())"
    done = subprocess.run(
        [sys.executable, "-c", code], env=_with_language(lang), capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("ko_KR.UTF-8", KOREAN),
        ("ko_KR.eucKR", KOREAN),
        ("en_US.UTF-8", ENGLISH),
        ("de_DE.UTF-8", ENGLISH),
        ("C", ENGLISH),
    ],
)
def test_the_language_follows_the_system(lang: str, expected: str) -> None:
    assert _system_language_in(lang) == expected


# Starts the real app on a new vault, reads the first screen and quits: what a Korean system shows.
_FIRST_SCREEN = """
import sys
from datetime import UTC, datetime
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPushButton
from safecase.ui.shell.app import run_app

app = QApplication(sys.argv)

def look():
    windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    if not windows:
        QTimer.singleShot(50, look)
        return
    for window in windows:
        print("TITLE", window.windowTitle())
        for button in window.findChildren(QPushButton):
            if button.isVisible():
                print("BUTTON", button.text())
    app.exit(0)

QTimer.singleShot(0, look)
sys.exit(run_app(Path(sys.argv[1])))
"""


def _first_screen_lines(vault: Path, locale: str) -> list[str]:
    """What _FIRST_SCREEN printed of the first screen, started on a system whose language is ``locale``."""
    done = subprocess.run(
        [sys.executable, "-c", _FIRST_SCREEN, str(vault)],
        env=_with_language(locale),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_a_korean_system_gets_a_korean_first_screen_with_nothing_to_set(tmp_path: Path) -> None:
    lines = _first_screen_lines(tmp_path / "vault", "ko_KR.UTF-8")
    assert "TITLE 암호화 보관함 만들기" in lines
    assert "BUTTON 만들기" in lines
    assert "BUTTON 취소" in lines


def test_an_english_system_gets_english(tmp_path: Path) -> None:
    assert "TITLE Create a vault" in _first_screen_lines(tmp_path / "vault", "en_US.UTF-8")


def test_a_choice_made_on_this_computer_wins_over_the_system(qapp: QApplication) -> None:
    save_language(KOREAN)
    assert saved_language() == KOREAN
    assert interface_language() == KOREAN
    save_language(ENGLISH)
    assert interface_language() == ENGLISH
    save_language(None)
    assert saved_language() is None
    with pytest.raises(ValueError):
        save_language("fr")


def test_installing_korean_translates_our_words_qt_s_buttons_services_and_labels(
    qapp: QApplication, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[Path, list[str]]] = []
    real_install = i18n.install
    monkeypatch.setattr(i18n, "install", lambda folder, languages: calls.append((folder, languages)))

    install_language(KOREAN)
    assert QCoreApplication.translate("MainWindow", "Today") == "오늘"
    assert status_label("referred") == "연계"
    assert term_label("incident_types", "synthetic_images").startswith("합성")
    assert QLocale().language() == QLocale.Language.Korean
    box = QMessageBox(
        QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel
    )
    qtbot.addWidget(box)
    cancel = box.button(QMessageBox.StandardButton.Cancel)
    assert cancel is not None and "취소" in cancel.text()
    assert calls[-1][1] == [KOREAN]
    assert (calls[-1][0] / "safecase_ko.qm").is_file()

    install_language(ENGLISH)
    assert QCoreApplication.translate("MainWindow", "Today") == "Today"
    assert status_label("referred") == "Referred"
    assert QLocale().language() == QLocale.Language.English
    assert calls[-1][1] == [ENGLISH]
    monkeypatch.setattr(i18n, "install", real_install)


@pytest.mark.parametrize(
    ("platform", "families", "expected"),
    [
        ("win32", ["Segoe UI", "Gulim", "Malgun Gothic"], "Malgun Gothic"),
        ("win32", ["Segoe UI", "Gulim"], "Gulim"),
        ("linux", ["DejaVu Sans", "Noto Sans CJK JP", "Noto Sans CJK KR"], "Noto Sans CJK KR"),
        ("linux", ["DejaVu Sans", "NanumGothic"], "NanumGothic"),
        ("linux", ["DejaVu Sans"], None),
        ("darwin", ["Helvetica", "Apple SD Gothic Neo"], "Apple SD Gothic Neo"),
        ("freebsd14", ["Noto Sans CJK KR"], "Noto Sans CJK KR"),
    ],
)
def test_the_korean_ui_font_is_the_platform_s_hangul_font(
    platform: str, families: list[str], expected: str | None
) -> None:
    assert korean_ui_font(platform, families) == expected


def test_korean_windows_draw_hangul_with_a_font_that_has_it(qapp: QApplication) -> None:
    if korean_ui_font(sys.platform, QFontDatabase.families()) is None:
        pytest.skip("no Korean font installed here (scripts/run-tests installs fonts-noto-cjk)")
    before = QApplication.font()
    install_language(KOREAN)
    font = QApplication.font()
    assert font.family() == korean_ui_font(sys.platform, QFontDatabase.families())
    assert font.pointSizeF() == before.pointSizeF()
    metrics = QFontMetrics(font)
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "사례접수피해자")
    install_language(ENGLISH)
    assert QApplication.font().family() == before.family()


def test_a_language_chosen_on_home_applies_from_the_next_sign_in(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    window = app.main_window
    assert window is not None
    combo = window.home.language_combo
    index = combo.findData(KOREAN)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert saved_language() == KOREAN
    assert "한국어" in window.home.language_message.text()
    assert window.nav.item(0).text() == "Today"  # this window keeps its words

    app.request_lock()
    assert app.sign_in_window.windowTitle() == "로그인"
    assert app.sign_in_window.sign_in_button.text() == "로그인"
    assert app.sign_in_window.name_edit.text() == COUNSELOR
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    window = app.main_window
    assert window is not None
    assert window.nav.item(0).text() == "오늘"
    combo = window.home.language_combo
    assert combo.currentData() == KOREAN

    # Back to the system's (English here): the same way round.
    index = combo.findData("")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert saved_language() is None
    app.request_lock()
    assert app.sign_in_window.windowTitle() == "Sign in"
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    assert app.main_window is not None and app.main_window.nav.item(0).text() == "Today"


def test_choosing_the_language_already_shown_changes_nothing(gui: Gui, center_vault: Path) -> None:
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    window = app.main_window
    assert window is not None
    combo = window.home.language_combo
    index = combo.findData(ENGLISH)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert saved_language() == ENGLISH
    assert window.home.language_message.text() == "Saved."
    sign_in = app.sign_in_window
    app.request_lock()
    assert app.sign_in_window is sign_in


def test_the_case_history_names_the_fields_of_follow_ups_and_evidence(qapp: QApplication) -> None:
    """Not the stored names (due_on, urls): every field a person reads in History has words."""
    words = ValueWords({}, DisplayNames({"counselor": "김상담"}))
    assert [field_label(f) for f in ("title", "due_on", "owner", "done", "kind", "urls", "stored", "destroyed")] == [
        "Follow-up", "Due", "For", "Done", "Kind", "Links", "File kept, encrypted", "File destroyed",
    ]  # fmt: skip
    assert words("task", "kind", "referral_follow_up") == "Referral follow-up"
    assert words("task", "owner", "counselor") == "김상담"
    assert words("evidence", "kind", "url_only") == "Link only"
    assert words("evidence", "stored", "yes") == "yes"
    install_language(KOREAN)
    assert field_label("due_on") == "기한" and field_label("urls") == "링크"
    assert words("task", "kind", "manual") == "할 일"
    assert words("evidence", "kind", "screenshot") == "캡처 화면"
    install_language(ENGLISH)


def test_the_audit_log_names_what_each_entry_concerns(qapp: QApplication) -> None:
    assert [target_label(t) for t in ("user", "cases", "takedowns", "evidence")] == [
        "User", "Case list", "Take-down list", "Evidence",
    ]  # fmt: skip
    assert detail_label("results") == "results" and detail_label("some_new_key") == "some_new_key"
    install_language(KOREAN)
    assert [target_label(t) for t in ("user", "cases", "takedowns", "evidence")] == [
        "사용자", "사례 목록", "삭제지원 목록", "증거자료",
    ]  # fmt: skip
    assert detail_label("results") == "결과 수"
    assert action_label("case.keys_resealed") == "담당 상담원에게 사례 키 전달"
    install_language(ENGLISH)


def test_the_audit_page_words_the_details_that_are_codes(qapp: QApplication) -> None:
    """Not ``roles=counselor,supervisor`` to a Korean reader: the details' names and our codes in words."""
    entry = AuditEntry(
        1,
        datetime.now(UTC),
        "admin",
        "user.roles_changed",
        "user",
        "jkim",
        {"from": "counselor", "to": "counselor,supervisor"},
    )
    model = AuditModel()
    model.set_rows([AuditRow(entry, "Admin", "", "김상담")])
    assert model.display(model.item(0), AuditModel.DETAILS) == "from=counselor, to=counselor,supervisor"
    install_language(KOREAN)
    try:
        assert model.display(model.item(0), AuditModel.ACTION) == "역할 변경"
        assert model.display(model.item(0), AuditModel.DETAILS) == "변경 전=상담원, 변경 후=상담원,책임상담원"
    finally:
        install_language(ENGLISH)
