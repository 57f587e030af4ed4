"""Taxonomies (incident types, platforms, regions, …) as data with English and Korean labels.

The terms themselves live in ``resources/taxonomies``; this module only says what a term is and how
to find one by code or by either label (so a spreadsheet in Korean or English imports the same).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    code: str
    en: str
    ko: str
    group: str = ""

    def label(self, language: str) -> str:
        return self.ko if language.startswith("ko") else self.en


def _key(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().casefold()


@dataclass(frozen=True)
class Taxonomy:
    name: str
    terms: tuple[Term, ...]
    open_ended: bool = False  # True: free entries besides the list are allowed (platforms)

    def codes(self) -> list[str]:
        return [t.code for t in self.terms]

    def get(self, code: str) -> Term | None:
        return next((t for t in self.terms if t.code == code), None)

    def resolve(self, text: str) -> str | None:
        """Code for a code, English label or Korean label (any case, NFKC); None if unknown."""
        key = _key(text)
        for term in self.terms:
            if key in (_key(term.code), _key(term.en), _key(term.ko)):
                return term.code
        return None

    def label(self, code: str, language: str) -> str:
        term = self.get(code)
        return term.label(language) if term else code
