"""Rule kind ``cooccur``: every term group matches inside one sentence, and no ``unless`` pattern does."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from functools import cached_property

import regex

from ..document import Document, Span
from .base import Hit, Rule, RuleInfo
from .pattern import compile_pattern, expand_spaces, relax_for_re2
from .phrase import MATCH_TIMEOUT, search_regions


class CooccurRule(Rule):
    """Term groups are compiled on first use (see PhraseRule)."""

    def __init__(self, info: RuleInfo, groups: list[list[str]], unless: list[str]) -> None:
        self.info = info
        self.group_sources = tuple(tuple(g) for g in groups)
        self.unless_sources = tuple(unless)

    compiled_blobs: dict[str, bytes] | None = None  # see PhraseRule

    @cached_property
    def groups(self) -> tuple[tuple[regex.Pattern[str], ...], ...]:
        return tuple(tuple(compile_pattern(p, self.compiled_blobs) for p in g) for g in self.group_sources)

    @cached_property
    def unless(self) -> tuple[regex.Pattern[str], ...]:
        return tuple(compile_pattern(p, self.compiled_blobs) for p in self.unless_sources)

    def prefilter(self) -> list[list[str]] | None:
        return self._relaxed

    @cached_property
    def _relaxed(self) -> list[list[str]] | None:
        out = []
        for group in self.group_sources:
            relaxed = [relax_for_re2(expand_spaces(p)) for p in group]
            if any(r is None for r in relaxed):
                return None
            out.append(relaxed)
        return out

    def check(self, doc: Document, regions: Sequence[Span] | None = None) -> Iterator[Hit]:
        prose = doc.prose
        # sentence index -> per group: list of (start, end)
        found: dict[int, list[list[tuple[int, int]]]] = defaultdict(lambda: [[] for _ in self.groups])
        for gi, group in enumerate(self.groups):
            for pattern in group:
                for m in search_regions(pattern, prose, regions):
                    first = m.start()
                    while first < m.end() - 1 and prose[first].isspace():
                        first += 1  # a match may begin in the whitespace before a sentence
                    si = doc.sentence_index(first)
                    if si is None or m.end() > doc.sentences[si].end:
                        continue
                    if gi and si not in found:
                        continue  # an earlier group never matched in this sentence
                    found[si][gi].append((m.start(), m.end()))
        for si in sorted(found):
            groups = found[si]
            if not all(groups):
                continue
            sentence = doc.sentences[si]
            if any(p.search(prose, sentence.start, sentence.end, timeout=MATCH_TIMEOUT) for p in self.unless):
                continue
            start = min(min(s for s, _ in g) for g in groups)
            end = max(max(e for _, e in g) for g in groups)
            yield Hit(Span(start, end))
