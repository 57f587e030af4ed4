"""Full-text search over case notes with FTS5, inside the encrypted database.

Two contentless indexes hold the same text per case (rowid = case id):

* ``case_text_trigram`` (FTS5's trigram tokenizer) finds any substring of three or more characters,
  so 가해자 matches 가해자가 and 텔레그램 matches 텔레그램방에서 — Korean attaches particles and
  endings to words, so whole-word tokenizers miss them.
* ``case_text_bigram`` holds every two-character window of every word, so two-syllable Korean words
  (협박 in 협박당함, 유포 in 유포됨), which the trigram index cannot match, are found too.

A query is split on spaces; every term must match (terms of one character are ignored).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping

from safecase.vault.connection import Connection


def _normalize(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def _words(text: str) -> list[str]:
    """Runs of letters and digits (Hangul included); punctuation and spaces split words."""
    words: list[str] = []
    current: list[str] = []
    for ch in _normalize(text):
        if ch.isalnum():
            current.append(ch)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


def bigrams(text: str) -> str:
    """Space-separated two-character windows of every word: the bigram index's document."""
    grams: set[str] = set()
    for word in _words(text):
        grams.update(word[i : i + 2] for i in range(len(word) - 1))
    return " ".join(sorted(grams))


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def query_terms(query: str) -> list[str]:
    """The searchable terms of a query: words of two or more characters."""
    return [w for w in _words(query) if len(w) >= 2]


def match_clauses(query: str) -> list[tuple[str, str]]:
    """(SQL fragment selecting matching case ids, parameter) for each term of ``query``."""
    clauses: list[tuple[str, str]] = []
    for term in query_terms(query):
        if len(term) >= 3:
            clauses.append(("SELECT rowid FROM case_text_trigram WHERE case_text_trigram MATCH ?", _quote(term)))
        else:
            clauses.append(("SELECT rowid FROM case_text_bigram WHERE case_text_bigram MATCH ?", _quote(term)))
    return clauses


class SearchIndex:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def replace(self, documents: Mapping[int, Iterable[str]]) -> None:
        """Index each case's texts as its searchable text (replacing what was there), in one pass."""
        # Normalized as queries are (NFKC, casefold), so ＴＥＬＥＧＲＡＭ or decomposed Hangul still match.
        bodies = {case_id: _normalize("\n".join(t for t in texts if t)) for case_id, texts in documents.items()}
        ids = list(bodies)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            self._conn.execute(f"DELETE FROM case_text_trigram WHERE rowid IN ({marks})", chunk)
            self._conn.execute(f"DELETE FROM case_text_bigram WHERE rowid IN ({marks})", chunk)
        filled = [(case_id, body) for case_id, body in bodies.items() if body]
        self._conn.executemany("INSERT INTO case_text_trigram (rowid, body) VALUES (?, ?)", filled)
        self._conn.executemany(
            "INSERT INTO case_text_bigram (rowid, body) VALUES (?, ?)", [(i, bigrams(body)) for i, body in filled]
        )

    def remove(self, case_id: int) -> None:
        self._conn.execute("DELETE FROM case_text_trigram WHERE rowid = ?", (case_id,))
        self._conn.execute("DELETE FROM case_text_bigram WHERE rowid = ?", (case_id,))

    def case_ids(self, query: str) -> set[int]:
        """Cases matching every term of ``query``."""
        result: set[int] | None = None
        for sql, param in match_clauses(query):
            ids = {int(row[0]) for row in self._conn.execute(sql, (param,))}
            result = ids if result is None else result & ids
        return result or set()
