"""Hangul typed through an input method reaches every text field whole, and nothing acts on half a syllable.

A Korean input method (IBus, fcitx, Microsoft IME) does not send key presses with text: it sends the
syllable being composed as *pre-edit* text, changing it with every key (ㄱ → 가 → 갛), and *commits*
it once the next key starts another syllable (갛 + ㅐ commits 가, pre-edit 해). Qt delivers both as
QInputMethodEvent to the focus object; this is what :func:`compose` sends, key by key as the standard
2-beolsik layout composes, including the pre-edit states that never end up in the text ("갛", "햊").
A line edit's text() holds only committed syllables, so a search or an autosave that runs while a
syllable is composed must use those and must not disturb the composition.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from gui_cases_support import THREAT_NOTE, Casework, seed
from gui_support import COUNSELOR, COUNSELOR_PASSWORD, Gui
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QInputMethodEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from safecase.domain.cases import CaseFilter, CaseSummary
from safecase.services.contacts import ContactService
from safecase.services.drafts import QUICK_INTAKE, DraftService
from safecase.ui.case.case_window import CaseWindow
from safecase.ui.case.contact_dialogs import ContactDialog
from safecase.ui.case.incident_dialog import IncidentDialog
from safecase.ui.case.referral_dialogs import NewReferralDialog
from safecase.ui.pages.cases_page import CasesPage
from safecase.ui.pages.quick_intake import CaseMode, QuickIntakeDialog
from safecase.ui.pages.takedown_dialogs import TakedownDialog
from safecase.ui.shell.controller import SafeCaseApp
from safecase.ui.shell.main_window import CASES

_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_FINALS = ("", "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ", "ㄿ", "ㅀ", "ㅁ", "ㅂ", "ㅄ",
           "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ")  # fmt: skip


def _split(syllable: str) -> tuple[int, int, int] | None:
    code = ord(syllable) - 0xAC00
    if not 0 <= code < 11172:
        return None
    return code // 588, (code % 588) // 28, code % 28


def _join(initial: int, vowel: int, final: int) -> str:
    return chr(0xAC00 + (initial * 21 + vowel) * 28 + final)


def ime_events(text: str) -> Iterator[tuple[str, str]]:
    """("preedit", text) and ("commit", text) steps, as a 2-beolsik input method sends them for ``text``."""
    moved = False  # the initial was typed already, as the previous syllable's would-be final
    for index, char in enumerate(text):
        parts = _split(char)
        if parts is None:
            yield ("commit", char)  # a space or punctuation: commits what is composed, then itself
            moved = False
            continue
        initial, vowel, final = parts
        if not moved:
            yield ("preedit", _INITIALS[initial])
        yield ("preedit", _join(initial, vowel, 0))
        if final:
            yield ("preedit", char)
        following = _split(text[index + 1]) if index + 1 < len(text) else None
        moved = False
        if following is not None and not final and _INITIALS[following[0]] in _FINALS:
            # The next consonant first lands as this syllable's final (갛), until its vowel comes.
            yield ("preedit", _join(initial, vowel, _FINALS.index(_INITIALS[following[0]])))
            moved = True
        yield ("commit", char)


def send(step: tuple[str, str]) -> None:
    """Deliver one input method step to the focus object, where the platform's input context sends it."""
    kind, text = step
    target = QGuiApplication.focusObject()
    assert target is not None, "no focus object to type into"
    if kind == "preedit":
        event = QInputMethodEvent(text, [])
    else:
        event = QInputMethodEvent("", [])
        event.setCommitString(text)
    QCoreApplication.sendEvent(target, event)


def compose(qtbot: QtBot, widget: QWidget, text: str, between: Callable[[], None] = lambda: None) -> None:
    """Type ``text`` into ``widget`` through the input method; ``between`` runs after every step."""
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    # An editable combo box's line edit hands its focus to the combo, which passes the events on.
    holder = widget.focusProxy() or widget
    qtbot.waitUntil(lambda: QGuiApplication.focusObject() is holder, timeout=3_000)
    for step in ime_events(text):
        send(step)
        between()


def _text(widget: QWidget) -> str:
    if isinstance(widget, QLineEdit):
        return widget.text()
    assert isinstance(widget, QPlainTextEdit)
    return widget.toPlainText()


def test_the_simulated_input_method_composes_as_2_beolsik_does() -> None:
    assert list(ime_events("가해자")) == [
        ("preedit", "ㄱ"), ("preedit", "가"), ("preedit", "갛"), ("commit", "가"),
        ("preedit", "해"), ("preedit", "햊"), ("commit", "해"),
        ("preedit", "자"), ("commit", "자"),
    ]  # fmt: skip
    assert list(ime_events("협박 1")) == [
        ("preedit", "ㅎ"), ("preedit", "혀"), ("preedit", "협"), ("commit", "협"),
        ("preedit", "ㅂ"), ("preedit", "바"), ("preedit", "박"), ("commit", "박"),
        ("commit", " "), ("commit", "1"),
    ]  # fmt: skip


TYPED = "가해자가 협박함, 상병A 010"


def _text_fields(root: QWidget) -> list[QWidget]:
    """Every visible, editable text field under ``root`` (passwords excepted: Qt keeps input methods
    out of them on purpose, and so do the platforms)."""
    fields: list[QWidget] = []
    for edit in root.findChildren(QLineEdit):
        if isinstance(edit.parent(), QAbstractSpinBox):
            continue  # numbers and dates
        if (
            edit.isVisible()
            and edit.isEnabled()
            and not edit.isReadOnly()
            and edit.echoMode() == QLineEdit.EchoMode.Normal
        ):
            fields.append(edit)
    for plain in root.findChildren(QPlainTextEdit):
        if plain.isVisible() and plain.isEnabled() and not plain.isReadOnly():
            fields.append(plain)
    return fields


def _type_into_every_field(qtbot: QtBot, root: QWidget, typed_into: list[str]) -> list[str]:
    qtbot.waitExposed(root)
    fields = _text_fields(root)
    typed_into += [f.accessibleName() or type(f).__name__ for f in fields]
    wrong = []
    for field in fields:
        if not field.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled):
            wrong.append(f"{field.accessibleName() or field!r}: input methods are switched off")
            continue
        if isinstance(field, QLineEdit):
            field.clear()
        else:
            field.setPlainText("")
        compose(qtbot, field, TYPED)
        typed = _text(field)
        # Fields that cap their length (a phone number) keep what fits; none may hold a half syllable.
        if not TYPED.startswith(typed) or (typed != TYPED and len(typed) < min(len(TYPED), _limit(field))):
            wrong.append(
                f"{field.accessibleName() or type(field).__name__} in {type(field.parent()).__name__}: {typed!r}"
            )
    return wrong


def _limit(field: QWidget) -> int:
    return field.maxLength() if isinstance(field, QLineEdit) else 1_000_000


def _cases_page(gui: Gui, app: SafeCaseApp) -> CasesPage:
    """The Cases page, shown and filled."""
    window = app.main_window
    assert window is not None and window.cases is not None
    window.show_page(CASES)
    gui.settle(app.tasks)
    return window.cases


def _number(summary: CaseSummary | None) -> str:
    assert summary is not None
    return summary.number


@pytest.fixture
def signed_in(gui: Gui, center_vault: Path) -> tuple[SafeCaseApp, Casework]:
    work = seed(center_vault)
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    gui.settle(app.tasks)
    return app, work


def test_every_text_field_of_the_main_screens_and_dialogs_takes_hangul(
    gui: Gui, qtbot: QtBot, signed_in: tuple[SafeCaseApp, Casework]
) -> None:
    app, work = signed_in
    window, session = app.main_window, app.session
    assert window is not None and session is not None
    wrong: list[str] = []
    typed_into: list[str] = []

    window.show_page(CASES)
    wrong += _type_into_every_field(qtbot, window, typed_into)
    assert window.cases is not None
    window.cases.search_edit.clear()

    case_window = window.open_case(work.minji)
    assert isinstance(case_window, CaseWindow)
    for index in range(case_window.tabs.count()):  # the tabs build their content when first shown
        case_window.show_tab(index)
        gui.settle(app.tasks)
        wrong += _type_into_every_field(qtbot, case_window.tabs.currentWidget(), typed_into)
    case_window.overview.revert()

    intake = window.new_intake()
    assert intake is not None
    wrong += _type_into_every_field(qtbot, intake, typed_into)
    intake.mode_buttons[CaseMode.EXISTING].setChecked(True)
    wrong += _type_into_every_field(qtbot, intake, typed_into)
    intake.done(0)

    for dialog in (
        ContactDialog(session, work.minji, parent=window),
        IncidentDialog(session, work.minji, parent=window),
        NewReferralDialog(session, work.minji, parent=window),
        TakedownDialog(session, work.minji, parent=window, case_number=work.minji_number),
    ):
        dialog.open()
        wrong += _type_into_every_field(qtbot, dialog, typed_into)
        dialog.done(0)
    assert wrong == []
    assert len(typed_into) >= 20, typed_into


def test_a_case_search_that_fires_while_composing_uses_only_committed_syllables(
    gui: Gui, qtbot: QtBot, signed_in: tuple[SafeCaseApp, Casework]
) -> None:
    app, work = signed_in
    page = _cases_page(gui, app)
    searched: list[str] = []
    real_query = page._query

    def record(flt: CaseFilter, *, log: bool) -> None:
        searched.append(flt.text)
        real_query(flt, log=log)

    page._query = record  # type: ignore[method-assign]
    committed: list[str] = []

    def search_now() -> None:
        # The search timer may fire at any moment of the composition: make it fire at every one.
        committed.append(page.search_edit.text())
        page.apply_filters()

    compose(qtbot, page.search_edit, "가해자", between=search_now)
    assert page.search_edit.text() == "가해자", "the committed syllables survived every search"
    assert QGuiApplication.focusObject() is page.search_edit, "searching did not take the focus away"
    # Only committed text was searched: never a jamo, never a pre-edit state such as 갛 or 햊.
    assert searched == ["가해", "가해자"]
    assert set(committed) == {"", "가", "가해", "가해자"}
    gui.settle(app.tasks)
    numbers = [_number(page.model.summary(row)) for row in range(page.model.rowCount())]
    assert numbers == [work.minji_number], f"가해자 finds the note {THREAT_NOTE!r}"


def test_the_search_timer_firing_mid_syllable_does_not_lose_it(
    gui: Gui, qtbot: QtBot, signed_in: tuple[SafeCaseApp, Casework]
) -> None:
    app, work = signed_in
    page = _cases_page(gui, app)
    edit = page.search_edit
    edit.setFocus()
    qtbot.waitUntil(lambda: QGuiApplication.focusObject() is edit)
    steps = list(ime_events("협박"))
    for step in steps[:-1]:  # everything but the last commit: 박 is still being composed
        send(step)
    assert edit.text() == "협"
    qtbot.wait(page._search_timer.interval() + 200)  # the real timer fires while 박 is pre-edit
    gui.settle(app.tasks)
    assert page.current_filter().text == "", "one syllable is not searched (two characters at least)"
    send(steps[-1])
    assert edit.text() == "협박"
    qtbot.waitUntil(lambda: page._last_filter is not None and page._last_filter.text == "협박", timeout=3_000)
    gui.settle(app.tasks)
    numbers = {_number(page.model.summary(row)) for row in range(page.model.rowCount())}
    assert work.sangbyeong_number in numbers, "협박 finds 협박당함"


def test_quick_intake_keeps_every_composed_syllable_through_autosave_and_repeat_lookups(
    gui: Gui, qtbot: QtBot, signed_in: tuple[SafeCaseApp, Casework]
) -> None:
    app, _work = signed_in
    window, session = app.main_window, app.session
    assert window is not None and session is not None
    intake = window.new_intake()
    assert isinstance(intake, QuickIntakeDialog)
    qtbot.waitExposed(intake)
    drafts = DraftService(session)
    saved_summaries: list[str] = []

    def autosave_now() -> None:
        # The autosave and the repeat-caller lookup run on timers; here they run after every step.
        intake.save_draft()
        draft = drafts.load(QUICK_INTAKE)
        assert draft is not None
        saved_summaries.append(draft["contact"]["summary"])
        intake._look_for_repeats()

    summary = "텔레그램방에 합성사진 유포 협박"
    compose(qtbot, intake.contact.summary_edit, summary, between=autosave_now)
    compose(qtbot, intake.alias_edit, "상병", between=autosave_now)
    compose(qtbot, intake.risk_reason_edit, "선임이 같은 부대", between=autosave_now)
    compose(qtbot, intake.platforms_edit, "텔레그램", between=autosave_now)
    gui.settle(app.tasks)
    assert intake.contact.summary_edit.toPlainText() == summary
    assert intake.alias_edit.text() == "상병"
    assert intake.platforms_edit.text() == "텔레그램"
    # The drafts held committed text only: each a beginning of the summary, never a pre-edit state.
    assert all(summary.startswith(text) for text in saved_summaries)
    assert summary in saved_summaries

    intake.types_list.check("threat_to_distribute")
    saved: list[object] = []
    intake.saved.connect(saved.append)
    intake.save()
    qtbot.waitUntil(lambda: bool(saved), timeout=10_000)
    [case_id] = saved
    assert isinstance(case_id, int)
    [contact] = ContactService(session).for_case(case_id)
    assert contact.summary == summary
    QApplication.processEvents()
