"""Rule kind ``substitution``: a misspelling and its correct form (codespell's dictionary line, as a rule).

The replacement keeps the case shape of the original ("Volproate" → "Valproate").
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence

import regex

from ..document import Document, Span
from .base import Hit, Rule, RuleInfo
from .pattern import FLAGS
from .phrase import search_regions


def match_case(original: str, replacement: str) -> str:
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


class SubstitutionRule(Rule):
    def __init__(self, info: RuleInfo, swap: dict[str, str]) -> None:
        self.info = info
        self.swap = {k.lower(): v for k, v in swap.items()}
        words = sorted(self.swap, key=len, reverse=True)
        self.pattern = regex.compile(r"\b(?:" + "|".join(regex.escape(w) for w in words) + r")\b", FLAGS)

    def prefilter(self) -> list[list[str]] | None:
        return [["(?:" + "|".join(regex.escape(w) for w in self.swap) + ")"]]

    def check(self, doc: Document, regions: Sequence[Span] | None = None) -> Iterator[Hit]:
        for m in search_regions(self.pattern, doc.prose, regions):
            word = m.group(0)
            right = match_case(word, self.swap[word.lower()])
            yield Hit(Span(m.start(), m.end()), right, f"{word!r} looks like a misspelling of {right!r}.")
