"""Rule kind ``phrase``: any of several patterns, optionally cleared by an ``unless`` pattern in the sentence."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cached_property

import regex

from ..document import Document, Span
from .base import Hit, Rule, RuleInfo
from .pattern import compile_pattern, expand_spaces, relax_for_re2

MATCH_TIMEOUT = 1.0  # seconds per search: a catastrophic pattern becomes a rule error, not a hung run


REACH = 250  # how far past the end of its region a match that starts inside it may run


def search_regions(pattern: regex.Pattern[str], prose: str, regions: Sequence[Span] | None,
                   reach: int = REACH) -> Iterator[regex.Match[str]]:
    """Non-empty matches of ``pattern`` that start inside one of ``regions`` (or anywhere when None), searching
    ``reach`` characters past each region's end."""
    if regions is None:
        bounds: Sequence[tuple[int, int]] = ((0, len(prose)),)
    else:
        bounds = [(r.start, r.end) for r in regions]
    for start, end in bounds:
        for m in pattern.finditer(prose, start, min(len(prose), end + reach), timeout=MATCH_TIMEOUT):
            if m.start() >= end:
                break
            if m.start() != m.end():
                yield m


def unless_in_sentence(doc: Document, span: Span, unless: tuple[regex.Pattern[str], ...]) -> bool:
    if not unless:
        return False
    sentence = doc.sentence_at(span.start)
    return any(p.search(doc.prose, sentence.start, sentence.end, timeout=MATCH_TIMEOUT) for p in unless)


class PhraseRule(Rule):
    """Patterns are compiled on first use, so a run only pays for the rules its documents can trigger."""

    def __init__(self, info: RuleInfo, patterns: list[str], unless: list[str], replacement: str | None = None) -> None:
        self.info = info
        self.pattern_sources = tuple(patterns)
        self.unless_sources = tuple(unless)
        self.replacement = replacement

    # Compiled patterns saved by the per-user cache (see ``lint.rules.pattern.precompiled``), if any.
    compiled_blobs: dict[str, bytes] | None = None

    @cached_property
    def patterns(self) -> tuple[regex.Pattern[str], ...]:
        return tuple(compile_pattern(p, self.compiled_blobs) for p in self.pattern_sources)

    @cached_property
    def unless(self) -> tuple[regex.Pattern[str], ...]:
        return tuple(compile_pattern(p, self.compiled_blobs) for p in self.unless_sources)

    def prefilter(self) -> list[list[str]] | None:
        return self._relaxed

    @cached_property
    def _relaxed(self) -> list[list[str]] | None:
        relaxed = [relax_for_re2(expand_spaces(p)) for p in self.pattern_sources]
        return None if any(r is None for r in relaxed) else [relaxed]  # type: ignore[list-item]

    def check(self, doc: Document, regions: Sequence[Span] | None = None) -> Iterator[Hit]:
        prose = doc.prose
        kept: list[Span] = []  # later patterns that overlap an earlier hit add nothing
        for pattern in self.patterns:
            for m in search_regions(pattern, prose, regions):
                span = Span(m.start(), m.end())
                if any(k.start < span.end and span.start < k.end for k in kept):
                    continue
                if unless_in_sentence(doc, span, self.unless):
                    continue
                kept.append(span)
                yield Hit(span, m.expand(self.replacement) if self.replacement is not None else None)
