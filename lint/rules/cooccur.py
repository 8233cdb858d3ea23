"""Rule kind ``cooccur``: every term group matches inside one sentence, and no ``unless`` pattern does.

The first group names the topic, and articles often name it once and go on with a pronoun ("Hypnic jerks
are common. They can come with paralysis."). So the first group may also match in one of the two sentences
before, in the same paragraph, when the sentence refers back with a pronoun before its other terms.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from functools import cached_property

import regex

from ..document import Document, Span
from .base import Hit, Rule, RuleInfo
from .pattern import compile_pattern, expand_spaces, relax_for_re2
from .lexicon import LazyPattern
from .phrase import MATCH_TIMEOUT, REACH, search_regions


# A pronoun or demonstrative that refers back to the previous sentence's topic.
_ANAPHOR = LazyPattern(r"\b(?:they|them|their|these|those|it|its|this|such)\b", regex.IGNORECASE)
LOOKBACK = 2  # sentences
# A term must end inside its sentence, so a search over chosen sentences needs to read past their end only as far
# as a term's lookahead looks (the longest in the database reads about 40 characters).
SENTENCE_REACH = 60


def _window(doc: Document, si: int) -> Span:
    """Sentence ``si`` with the whitespace before it (a term's match may begin there): from the end of the
    sentence before."""
    return Span(doc.sentences[si - 1].end if si else 0, doc.sentences[si].end)


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
        where = self._where(doc, regions)
        if where is not None and not where:
            return
        if where is None:
            where = regions
        for gi, group in enumerate(self.groups):
            if gi == 2:
                # Only a sentence where the second group matched can be reported: the later groups (often long
                # lists of common words) are searched in those sentences alone, from the end of the one before.
                where = [_window(doc, si) for si in sorted(found) if found[si][1]]
                if not where:
                    return
            for pattern in group:
                reach = REACH if where is regions else SENTENCE_REACH  # blocks, or chosen sentences
                for m in search_regions(pattern, prose, where, reach):
                    first = m.start()
                    while first < m.end() - 1 and prose[first].isspace():
                        first += 1  # a match may begin in the whitespace before a sentence
                    si = doc.sentence_index(first)
                    if si is None or m.end() > doc.sentences[si].end:
                        continue
                    if gi > 1 and si not in found:
                        continue  # an earlier group (other than the topic) never matched in this sentence
                    found[si][gi].append((m.start(), m.end()))
        for si in sorted(found):
            groups = found[si]
            sentence = doc.sentences[si]
            scope = Span(sentence.start, sentence.end)
            if not all(groups):
                if groups[0] or not all(groups[1:]) or len(groups) < 2:
                    continue
                antecedent = self._antecedent(doc, si, found, groups)
                if antecedent is None:
                    continue
                scope = Span(antecedent.start, sentence.end)
                groups = groups[1:]
            if any(p.search(prose, scope.start, scope.end, timeout=MATCH_TIMEOUT) for p in self.unless):
                continue
            start = min(min(s for s, _ in g) for g in groups)
            end = max(max(e for _, e in g) for g in groups)
            yield Hit(Span(start, end))

    @cached_property
    def _programs(self) -> list | None:
        """The relaxed groups after the topic as RE2 programs (None: RE2 cannot run one of them). They come from the
        rule's prefilter plan, so the prefilter and this filter share each compiled program."""
        from ..prefilter import compiled_group, plan

        made = plan(self)
        if made is None or len(made.in_order) < 2:
            return None
        programs = [compiled_group(group) for group in made.in_order[1:]]
        return None if any(p is None for p in programs) else programs

    def _where(self, doc: Document, regions: Sequence[Span] | None) -> list[Span] | None:
        """Where the exact patterns need to run: each sentence in which RE2 finds every group after the topic
        (relaxed, so a superset), with the sentences before it that may name the topic. A match may begin in the
        whitespace before its sentence, so each span starts where the previous sentence ends. None: search
        ``regions`` as given."""
        from ..prefilter import text_of, worth_compiling

        if not doc.sentences or not worth_compiling(len(doc.prose)):
            return None
        programs = self._programs
        if programs is None:
            return None

        scan = text_of(doc.prose)
        sentences = doc.sentences
        if regions is None:
            indices: Sequence[int] = range(len(sentences))
        else:
            indices = sorted({si for region in regions for si in doc.sentences_in(region)})
        wanted: set[int] = set()
        for si in indices:
            window = _window(doc, si)
            if all(scan.search(program, window.start, window.end) for program in programs):
                block = doc.block_at(sentences[si].start)
                floor = block.span.start if block is not None else sentences[si].start
                back = si
                while back > max(0, si - LOOKBACK) and sentences[back - 1].start >= floor:
                    back -= 1
                wanted.update(range(back, si + 1))
        spans: list[Span] = []
        for si in sorted(wanted):
            window = _window(doc, si)
            if spans and spans[-1].end == window.start:
                spans[-1] = Span(spans[-1].start, window.end)  # one search over neighbouring sentences
            else:
                spans.append(window)
        return spans

    @staticmethod
    def _antecedent(doc: Document, si: int, found, groups) -> Span | None:
        """The earlier sentence (same block) that names the topic, when this one refers back to it."""
        sentence = doc.sentences[si]
        first_term = min(min(s for s, _ in g) for g in groups[1:])
        if not _ANAPHOR.search(doc.prose, sentence.start, first_term):
            return None
        block = doc.block_at(sentence.start)
        for back in range(si - 1, max(-1, si - 1 - LOOKBACK), -1):
            earlier = doc.sentences[back]
            if block is None or earlier.start < block.span.start:
                return None
            if back in found and found[back][0]:
                return earlier
        return None
