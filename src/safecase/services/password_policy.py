"""Which passwords SafeCase accepts, after NIST SP 800-63B rev. 4 for a password used on its own.

The password is the only thing between a stolen laptop and the case files, so the rules are the ones
that measurably help and nothing else:

* length counts, composition does not: at least 15 code points after Unicode NFKC (the same
  normalisation :func:`safecase.crypto.kdf.normalize_secret` hashes), at most 256, any characters,
  no "one digit, one symbol" rules, which only make people write passwords down;
* a blocklist: zxcvbn's bundled 30,000 most common passwords from breach corpora, compared
  case-insensitively, including the lazy variants people reach for when told "too common" (the same
  word repeated, or digits and symbols stuck on the ends);
* nothing built from the person's own sign-in or display name;
* nothing zxcvbn rates as trivially guessable (score 0: runs, sequences, keyboard walks).

zxcvbn also gives the strength meter its score and hint. Its feedback is English, so each known message
is mapped onto a string of ours that goes through :func:`safecase.i18n.tr`.
"""

from __future__ import annotations

import functools
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from safecase.domain.errors import PasswordPolicyError
from safecase.domain.user_names import normalize_user_name
from safecase.i18n import tr

MIN_PASSWORD_LENGTH = 15
MAX_PASSWORD_LENGTH = 256
MIN_NAME_LENGTH = 3

# zxcvbn's matching is super-linear and zxcvbn >= 4.5 refuses input over 72 characters by default, so a
# long password is rated in chunks of this size; the strongest chunk is a lower bound for the whole.
_ZXCVBN_CHUNK = 72
_MAX_CHUNKS = -(-MAX_PASSWORD_LENGTH // _ZXCVBN_CHUNK)

# zxcvbn keeps the user inputs of the current call in a module-level dictionary; serialise the calls so a
# meter updating in a worker thread cannot mix up two people's names.
_zxcvbn_lock = threading.Lock()


@dataclass(frozen=True)
class PasswordAssessment:
    """The verdict on one candidate password, ready for a form or the CLI."""

    acceptable: bool
    problems: list[str]
    score: int
    hint: str


def assess_password(password: str, user_name: str = "", display_name: str = "") -> PasswordAssessment:
    """Check ``password`` against the policy and rate its strength; never raises for any ``str``."""
    normalized = unicodedata.normalize("NFKC", password)
    length = len(normalized)  # before case folding, which may lengthen it ("ß" -> "ss")
    folded = normalized.casefold()
    names = _name_parts(user_name, display_name)
    problems: list[str] = []

    if length < MIN_PASSWORD_LENGTH:
        problems.append(
            tr("Use at least {minimum} characters (this password has {length}).").format(
                minimum=MIN_PASSWORD_LENGTH, length=length
            )
        )
    if length > MAX_PASSWORD_LENGTH:
        problems.append(tr("Use at most {maximum} characters.").format(maximum=MAX_PASSWORD_LENGTH))
    if folded and length <= MAX_PASSWORD_LENGTH:
        # The variant search is quadratic in the length, so a pasted novel is only told it is too long.
        listed = _common_passwords()
        if folded in listed:
            problems.append(tr("This is one of the most common passwords; choose another."))
        elif _is_common_variant(folded, listed):
            problems.append(
                tr("This is a common password with only repetition, digits or symbols added; choose another.")
            )
    if any(name in folded for name in names):
        problems.append(tr("Do not use your sign-in name or display name in the password."))

    if folded and _only_context_words(folded):
        problems.append(tr("Do not build the password from the name of this app or of the center's work."))
    score, warning = _rate(folded, names)
    if folded and score <= 1:
        problems.append(
            tr("This password is too easy to guess (repeated characters, a sequence or a keyboard pattern).")
        )
    return PasswordAssessment(
        acceptable=not problems,
        problems=problems,
        score=score,
        hint=_hint(score, warning) if folded else "",
    )


def require_acceptable(password: str, user_name: str = "", display_name: str = "") -> None:
    """Raise :class:`PasswordPolicyError` listing every problem unless ``password`` is acceptable."""
    assessment = assess_password(password, user_name, display_name)
    if not assessment.acceptable:
        message = tr("The password was not accepted: {reasons}").format(reasons=" ".join(assessment.problems))
        raise PasswordPolicyError(message, assessment.problems)


def _normalize(password: str) -> str:
    """NFKC, as the key derivation sees it, then case-folded for every comparison made here."""
    return unicodedata.normalize("NFKC", password).casefold()


# Words an attacker tries first against this service (NIST SP 800-63B: refuse context-specific words).
CONTEXT_WORDS = (
    "safecase",
    "safe",
    "case",
    "vault",
    "password",
    "passphrase",
    "helpline",
    "hotline",
    "counsel",
    "counseling",
    "counselling",
    "counselor",
    "center",
    "centre",
    "support",
    "survivor",
    "세이프케이스",
    "상담",
    "상담소",
    "센터",
    "비밀번호",
    "암호",
    "해바라기",
)


def _only_context_words(folded: str) -> bool:
    """Whether the letters of the password are nothing but context words strung together."""
    letters = "".join(ch for ch in folded if not _is_filler(ch))
    if not letters:
        return False
    reachable = [True] + [False] * len(letters)
    for end in range(1, len(letters) + 1):
        reachable[end] = any(
            reachable[end - len(word)] and letters.endswith(word, 0, end) for word in CONTEXT_WORDS if len(word) <= end
        )
    return reachable[-1]


def _name_parts(user_name: str, display_name: str) -> list[str]:
    """The names, whole and split at spaces, that a password must not contain (3+ characters each)."""
    parts: list[str] = []
    for name in (user_name, display_name):
        normalized = normalize_user_name(name)
        for part in (normalized, *normalized.split()):
            if len(part) >= MIN_NAME_LENGTH and part not in parts:
                parts.append(part)
    return parts


@functools.cache
def _common_passwords() -> frozenset[str]:
    """zxcvbn's list of the 30,000 most common passwords, loaded on first use (they are all lower case)."""
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    entries: Iterable[str] = FREQUENCY_LISTS["passwords"]
    return frozenset(_normalize(entry) for entry in entries)


@functools.cache
def _longest_common_password() -> int:
    return max(len(entry) for entry in _common_passwords())


def _is_filler(ch: str) -> bool:
    """Digits, punctuation, symbols and spaces: what people tack onto a word to pass a check."""
    return unicodedata.category(ch)[0] in "NPSZ"


def _is_common_variant(folded: str, listed: frozenset[str]) -> bool:
    """Whether ``folded`` is a listed password repeated, or one with filler added at the ends.

    "passwordpassword1", "!!qwertyqwertyqwerty" and "dragon 2024 dragon" are refused. When the whole
    password is filler (a long PIN), the listed core must make up at least half of it, so a random
    20-digit number is not refused merely because "2000" appears somewhere inside.
    """
    n = len(folded)
    lead = 0
    while lead < n and _is_filler(folded[lead]):
        lead += 1
    all_filler = lead == n
    trail = 0 if all_filler else n
    while trail > lead and _is_filler(folded[trail - 1]):
        trail -= 1
    starts = range(n) if all_filler else range(lead + 1)
    min_core = (n + 1) // 2 if all_filler else 1
    for start in starts:
        first_end = max(trail, start + min_core)
        if _has_listed_prefix(folded[start:], range(first_end - start, n - start + 1), listed):
            return True
    letters = "".join(ch for ch in folded if not _is_filler(ch))
    return bool(letters) and letters != folded and _has_listed_prefix(letters, [len(letters)], listed)


def _has_listed_prefix(text: str, lengths: Iterable[int], listed: frozenset[str]) -> bool:
    """Whether ``text[:k]`` for some ``k`` in ``lengths`` is a listed password, once or repeated."""
    longest = _longest_common_password()
    border = _prefix_function(text)
    for k in lengths:
        if k <= 0:
            continue
        if k <= longest and text[:k] in listed:
            return True
        period = k - border[k - 1]
        if period < k and k % period == 0:
            # text[:k] is its primitive root repeated; a listed word w with w * m == text[:k] must itself
            # be the root repeated a number of times that divides the total.
            repeats = k // period
            for times in range(1, repeats):
                if period * times > longest:
                    break
                if repeats % times == 0 and text[: period * times] in listed:
                    return True
    return False


def _prefix_function(text: str) -> list[int]:
    """Knuth-Morris-Pratt borders: ``result[i]`` is the longest proper border of ``text[: i + 1]``."""
    result = [0] * len(text)
    for i in range(1, len(text)):
        k = result[i - 1]
        while k and text[i] != text[k]:
            k = result[k - 1]
        if text[i] == text[k]:
            k += 1
        result[i] = k
    return result


def _rate(folded: str, names: list[str]) -> tuple[int, str]:
    """zxcvbn's score (0-4) and its warning, rating a long password by its strongest chunk."""
    if not folded:
        return 0, ""
    from zxcvbn import zxcvbn

    best_score, best_warning = -1, ""
    stop = min(len(folded), _MAX_CHUNKS * _ZXCVBN_CHUNK)
    for start in range(0, stop, _ZXCVBN_CHUNK):
        chunk = folded[start : start + _ZXCVBN_CHUNK]
        with _zxcvbn_lock:
            result: dict[str, Any] = zxcvbn(chunk, user_inputs=names)
        score = int(result["score"])
        if score > best_score:
            best_score, best_warning = score, str(result["feedback"]["warning"])
    return best_score, best_warning


def _hint(score: int, warning: str) -> str:
    labels = [tr("Very weak"), tr("Weak"), tr("Fair"), tr("Good"), tr("Strong")]
    label = labels[max(0, min(score, len(labels) - 1))]
    if not warning:
        return label
    return tr("{strength}: {warning}").format(strength=label, warning=_translate_warning(warning))


def _translate_warning(warning: str) -> str:
    """Our own translatable wording for each warning zxcvbn can give; unknown ones pass through."""
    known = {
        "Straight rows of keys are easy to guess.": tr("Straight rows of keys are easy to guess."),
        "Short keyboard patterns are easy to guess.": tr("Short keyboard patterns are easy to guess."),
        'Repeats like "aaa" are easy to guess.': tr('Repeats like "aaa" are easy to guess.'),
        'Repeats like "abcabcabc" are only slightly harder to guess than "abc".': tr(
            'Repeats like "abcabcabc" are only slightly harder to guess than "abc".'
        ),
        'Sequences like "abc" or "6543" are easy to guess.': tr('Sequences like "abc" or "6543" are easy to guess.'),
        "Recent years are easy to guess.": tr("Recent years are easy to guess."),
        "Dates are often easy to guess.": tr("Dates are often easy to guess."),
        "This is a top-10 common password.": tr("This is a top-10 common password."),
        "This is a top-100 common password.": tr("This is a top-100 common password."),
        "This is a very common password.": tr("This is a very common password."),
        "This is similar to a commonly used password.": tr("This is similar to a commonly used password."),
        "A word by itself is easy to guess.": tr("A word by itself is easy to guess."),
        "Names and surnames by themselves are easy to guess.": tr(
            "Names and surnames by themselves are easy to guess."
        ),
        "Common names and surnames are easy to guess.": tr("Common names and surnames are easy to guess."),
    }
    return known.get(warning, warning)
