"""The password policy: length after NFKC, the common-password list and its variants, names, score."""

from __future__ import annotations

import gettext
import string
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from zxcvbn.frequency_lists import FREQUENCY_LISTS

from safecase import i18n
from safecase.domain.errors import PasswordPolicyError
from safecase.services.password_policy import (
    MAX_PASSWORD_LENGTH,
    MIN_PASSWORD_LENGTH,
    PasswordAssessment,
    assess_password,
    require_acceptable,
)

TOO_EASY = "This password is too easy to guess (repeated characters, a sequence or a keyboard pattern)."
FILLER = string.digits + string.punctuation + " "

# The bundled list the module uses; the tests draw listed words from it.
LISTED: list[str] = list(FREQUENCY_LISTS["passwords"])
LISTED_WITH_LETTERS = [word for word in LISTED if any(ch.isalpha() for ch in word)]


def refused(password: str, user_name: str = "", display_name: str = "") -> PasswordAssessment:
    assessment = assess_password(password, user_name, display_name)
    assert not assessment.acceptable
    assert assessment.problems
    return assessment


@pytest.mark.parametrize(
    "password",
    [
        "우리집강아지는정말귀엽고똑똑해요",
        "correct horse battery staple",
        "lantern quietly under seven bridges",
        "Tr0ub4dor&3 was never enough",
        "839201746519283",  # a long random PIN is fine even though it contains listed digit runs
        "20008392017465192830",
        "비밀번호는 길수록 좋습니다 2024",
    ],
)
def test_accepts_long_uncommon_passwords(password: str) -> None:
    assessment = assess_password(password)
    assert assessment.acceptable, assessment.problems
    assert assessment.problems == []
    assert assessment.score >= 1
    assert assessment.hint


def test_korean_passphrase_is_strong() -> None:
    assessment = assess_password("우리집강아지는정말귀엽고똑똑해요", "minji", "김민지")
    assert assessment.acceptable
    assert assessment.score == 4
    assert assessment.hint == "Strong"


def test_length_is_counted_in_code_points_after_nfkc() -> None:
    assert len("가나다라마바사아자차카타파하가".encode()) > MIN_PASSWORD_LENGTH
    assert assess_password("가나다라마바사아자차카타파하가").acceptable  # 15 syllables
    refused("가나다라마바사아자차카타파하")  # 14 syllables, 42 bytes
    # NFD splits each syllable into 2-3 jamo; NFKC puts them back, so the count stays 14.
    decomposed = unicodedata.normalize("NFD", "가나다라마바사아자차카타파하")
    assert len(decomposed) >= MIN_PASSWORD_LENGTH
    assert assess_password(decomposed).problems[0].startswith("Use at least 15 characters (this password has 14)")


def test_empty_password() -> None:
    assessment = refused("")
    assert assessment.score == 0
    assert assessment.hint == ""
    assert assessment.problems == ["Use at least 15 characters (this password has 0)."]


def test_too_long_password_is_refused_quickly() -> None:
    assessment = refused("q8#Lm2vZ9!rT4@wB" * 1000)
    assert "Use at most 256 characters." in assessment.problems
    exactly_max = ("오늘도 무사히 " * 40)[:MAX_PASSWORD_LENGTH]
    assert "Use at most 256 characters." not in assess_password(exactly_max).problems


@pytest.mark.parametrize(
    "password",
    [
        "passwordpassword1",
        "qwertyqwertyqwerty!",
        "qwerty qwerty qwerty",
        "!!Password2024!!!!",
        "PASSWORD12345678",
        "ｐａｓｓｗｏｒｄｐａｓｓｗｏｒｄ１",  # fullwidth, NFKC folds it to ASCII
        "123456789012345",
        "password1234567",
        "1q2w3e4r5t6y7u8i9o0p",
        "iloveyouiloveyou",
        "dragon 2024 dragon",
        "abc123abc123abc123!",
    ],
)
def test_refuses_common_passwords_and_lazy_variants(password: str) -> None:
    problems = refused(password).problems
    assert any("common password" in problem for problem in problems), problems


def test_exactly_listed_password_has_its_own_message() -> None:
    listed_long = next(word for word in LISTED if len(word) >= MIN_PASSWORD_LENGTH)
    assert "This is one of the most common passwords; choose another." in refused(listed_long.upper()).problems


@pytest.mark.parametrize(
    ("password", "user_name", "display_name"),
    [
        ("my name is jkim and I like tea", "jkim", "Jiwoo Kim"),
        ("JKIM likes green tea in autumn", "jkim", "Jiwoo Kim"),
        ("Jiwoo goes hiking every sunday", "jk", "Jiwoo Kim"),
        ("김민지의 강아지는 정말 귀엽다", "minji", "김민지"),
        ("ｊｋｉｍ drinks tea every morning", "jkim", ""),
    ],
)
def test_refuses_names(password: str, user_name: str, display_name: str) -> None:
    assert "Do not use your sign-in name or display name in the password." in (
        refused(password, user_name, display_name).problems
    )


def test_short_names_are_not_checked() -> None:
    # Two-letter names would forbid half the dictionary.
    assert assess_password("lantern quietly under seven bridges", "an", "Li An").acceptable


@pytest.mark.parametrize(
    "password", ["aaaaaaaaaaaaaaaaaaaa", "abcdefghijklmnopqrs", "가가가가가가가가가가가가가가가가"]
)
def test_refuses_trivial_patterns(password: str) -> None:
    assessment = refused(password)
    assert assessment.score == 0
    assert TOO_EASY in assessment.problems
    assert assessment.hint.startswith("Very weak: ")


def test_long_password_is_rated_by_its_strongest_part() -> None:
    assessment = assess_password("x" * 72 + "q8#Lm2vZ9!rT4@wB")
    assert assessment.acceptable
    assert assessment.score == 4


def test_require_acceptable_raises_with_every_problem() -> None:
    with pytest.raises(PasswordPolicyError) as caught:
        require_acceptable("jkim", "jkim")
    assert len(caught.value.problems) >= 2
    assert str(caught.value).startswith("The password was not accepted: ")
    for problem in caught.value.problems:
        assert problem in str(caught.value)
    require_acceptable("lantern quietly under seven bridges", "jkim", "Jiwoo Kim")


class _Shouting(gettext.NullTranslations):
    """A stand-in catalogue that marks every translated message."""

    def gettext(self, message: str) -> str:
        return "«" + message + "»"


def test_messages_go_through_tr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "_translation", _Shouting())
    assessment = assess_password("aaaaaaaaaa")
    assert assessment.problems and all(p.startswith("«") for p in assessment.problems)
    assert assessment.hint.startswith("«")
    assert "«Repeats like" in assessment.hint


# --- properties --------------------------------------------------------------------------------------

# Letters whose NFKC form stays non-ASCII, so no listed password can hide in them.
NON_LATIN = st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3) | st.characters(
    min_codepoint=0x4E00, max_codepoint=0x9FFF
)
# Anything that cannot combine with a neighbouring ASCII letter under NFKC.
NON_COMBINING = st.characters(categories=["Lu", "Ll", "Lo", "Nd", "Po", "Zs"])


@given(st.text(max_size=40))
def test_shorter_than_minimum_after_nfkc_is_always_refused(password: str) -> None:
    if len(unicodedata.normalize("NFKC", password)) < MIN_PASSWORD_LENGTH:
        assert not assess_password(password).acceptable


@given(st.text(max_size=80))
def test_nfkc_equivalent_passwords_get_the_same_verdict(password: str) -> None:
    expected = assess_password(unicodedata.normalize("NFKC", password))
    for form in ("NFC", "NFD", "NFKD"):
        assert assess_password(unicodedata.normalize(form, password)) == expected
    assert assess_password(password) == expected


@given(st.text(max_size=300), st.text(max_size=20), st.text(max_size=20))
def test_never_raises_and_acceptable_means_no_problems(password: str, user: str, display: str) -> None:
    assessment = assess_password(password, user, display)
    assert 0 <= assessment.score <= 4
    assert assessment.acceptable == (not assessment.problems)
    if assessment.acceptable:
        assert MIN_PASSWORD_LENGTH <= len(unicodedata.normalize("NFKC", password)) <= MAX_PASSWORD_LENGTH
        assert assessment.score >= 1


@given(st.text(NON_LATIN, min_size=MIN_PASSWORD_LENGTH, max_size=MAX_PASSWORD_LENGTH))
def test_long_non_latin_passwords_are_refused_only_for_being_guessable(password: str) -> None:
    assessment = assess_password(password)
    assert set(assessment.problems) <= {TOO_EASY}
    assert assessment.acceptable == (assessment.score > 0)


@given(
    st.sampled_from(LISTED_WITH_LETTERS),
    st.integers(min_value=1, max_value=4),
    st.text(FILLER, max_size=8),
    st.text(FILLER, max_size=8),
    st.booleans(),
)
def test_listed_word_repeated_or_padded_is_refused(
    word: str, times: int, prefix: str, suffix: str, upper: bool
) -> None:
    password = prefix + word * times + suffix
    assert not assess_password(password.upper() if upper else password).acceptable


@given(
    st.text(string.ascii_letters, min_size=3, max_size=12),
    st.text(NON_COMBINING, max_size=20),
    st.text(NON_COMBINING, max_size=20),
)
def test_password_containing_the_user_name_is_refused(name: str, before: str, after: str) -> None:
    password = before + name.swapcase() + after
    assert not assess_password(password, user_name=name).acceptable
    assert not assess_password(password, display_name=f"Dr {name}").acceptable


@pytest.mark.parametrize(
    "password",
    ["safecase safecase", "helpline helpline 2024", "SafeCaseCounselingCenter!", "상담센터 상담센터 상담센터"],
)
def test_context_specific_words_alone_are_refused(password: str) -> None:
    """NIST SP 800-63B asks to refuse words specific to the service; strung together they are guessed first."""
    assessment = assess_password(password)
    assert not assessment.acceptable
    assert any("name of this app" in p for p in assessment.problems)


def test_a_context_word_inside_a_real_passphrase_is_fine() -> None:
    assert assess_password("safe harbor under the autumn moon").acceptable


def test_keyboard_walks_are_refused() -> None:
    assert not assess_password("qwertyuiopasdfghjkl").acceptable
