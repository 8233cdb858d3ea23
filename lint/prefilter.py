"""A multi-pattern prefilter: one pass over a document names the rules that can match.

Each rule offers groups of relaxed patterns (see ``rules.pattern.relax_for_re2``); a rule is a candidate when
every group has a pattern that can match. The patterns go into one google-re2 ``Filter`` (RE2's FilteredRE2):
it reduces every pattern to the literal "atoms" it needs, finds all atoms in a single scan, and reports the
patterns whose atoms are present. Measured on this machine with the full database (about 2,300 patterns), that
runs at about 30 MB/s, where an RE2 ``Set`` of the same patterns ran at 0.5 MB/s and a Filter that also confirms
each pattern at 1.7 MB/s. Only the candidates then run their exact ``regex`` patterns. Rules without a
prefilter always run; without google-re2 every rule runs (slower, same results).
"""
from __future__ import annotations

from collections.abc import Sequence

from .document import Document, Span
from .rules.base import Rule
from .rules.phrase import REACH

try:  # pragma: no cover - exercised by whichever branch the machine has
    import re2 as _re2
except ImportError:  # pragma: no cover
    _re2 = None


class Prefilter:
    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = list(rules)
        self.always: list[int] = []
        # For each rule: its groups, each the set of pattern ids of which one must match.
        self._groups: list[list[frozenset[int]]] = [[] for _ in self.rules]
        self._set = None
        self._owner: list[int] = []  # pattern id -> rule index
        if _re2 is None:
            self.always = list(range(len(self.rules)))
            self._always_set = frozenset(self.always)
            return
        options = _re2.Options()
        options.case_sensitive = False
        options.max_mem = 64 << 20
        rfilter = _re2.Filter()
        for ri, rule in enumerate(self.rules):
            groups = rule.prefilter()
            if not groups:
                self.always.append(ri)
                continue
            try:
                ids_per_group = []
                for group in groups:
                    ids = []
                    for pattern in group:
                        ids.append(rfilter.Add("(?m)" + pattern, options))
                        self._owner.append(ri)  # only after a successful Add, so ids and owners stay aligned
                    ids_per_group.append(frozenset(ids))
            except Exception:  # RE2 rejects a relaxed pattern: the rule runs unconditionally
                self.always.append(ri)
                continue
            self._groups[ri] = ids_per_group
        if rfilter._patterns:
            rfilter.Compile()
            self._set = rfilter
            # Patterns with no literal atom are reported for any text (even ""): a group holding one is always
            # satisfied, and a rule whose groups all are is searched over the whole document in one pass.
            unfiltered = frozenset(rfilter.Match("", potential=True) or ())
            self._confirm_groups = [list(groups) for groups in self._groups]
            self._compiled = [rfilter.re(i) for i in range(len(rfilter._patterns))]
            for ri, groups in enumerate(self._groups):
                if groups and all(group & unfiltered for group in groups):
                    self._groups[ri] = []
                    self.always.append(ri)
                elif groups:
                    self._groups[ri] = [g for g in groups if not g & unfiltered]
            self.always.sort()
        self._always_set = frozenset(self.always)

    def candidates(self, text: str) -> list[Rule]:
        """Rules that can match ``text``, in database order."""
        return [rule for rule, _ in self.candidate_regions_for([(0, len(text))], text)]

    def candidate_regions(self, doc: Document) -> list[tuple[Rule, list[Span] | None]]:
        """Each rule that can match in ``doc``, with the blocks where it can (None: search the whole document)."""
        bounds = [(b.span.start, b.span.end) for b in doc.blocks]
        return self.candidate_regions_for(bounds, doc.prose, REACH)

    def candidate_regions_for(self, bounds: list[tuple[int, int]], text: str,
                              reach: int = 0) -> list[tuple[Rule, list[Span] | None]]:
        """Filter each region's text plus ``reach`` characters after it (a match may start in a block and run
        into the next one, as a phrase over a list does); a rule is a candidate for the regions it may start in."""
        regions: dict[int, list[Span]] = {}
        if self._set is not None:
            match = self._set.Match
            owner, groups = self._owner, self._groups
            for start, end in bounds:
                if end <= start:
                    continue
                matched = match(text[start:end + reach], potential=True)
                if not matched:
                    continue
                matched_set = set(matched)
                for ri in {owner[pid] for pid in matched_set}:
                    if all(group & matched_set for group in groups[ri]):
                        spans = regions.setdefault(ri, [])
                        if spans and spans[-1].end >= start - 2:
                            spans[-1] = Span(spans[-1].start, end)  # merge neighbouring blocks
                        else:
                            spans.append(Span(start, end))
        out: list[tuple[Rule, list[Span] | None]] = [(self.rules[ri], None) for ri in self.always]
        size = max(1, len(text))
        confirm = _Confirmer(text, self._compiled, reach) if regions else None
        for ri, spans in regions.items():
            if ri in self._always_set:
                continue
            # The atoms only say a rule *may* match; the relaxed patterns, run by RE2 on the region, say whether
            # it can. Only regions that pass run the slower exact patterns.
            spans = [span for span in spans if confirm.all_groups(self._confirm_groups[ri], span)]
            if not spans:
                continue
            covered = sum(len(span) for span in spans)
            # Many scattered regions cost more than one pass over the whole text.
            out.append((self.rules[ri], None if covered > size // 2 or len(spans) > 8 else spans))
        order = {id(rule): i for i, rule in enumerate(self.rules)}
        out.sort(key=lambda item: order[id(item[0])])
        return out

    @property
    def active(self) -> bool:
        return self._set is not None


class _Confirmer:
    """Runs compiled relaxed patterns (RE2) over regions of one document, encoded to UTF-8 once."""

    def __init__(self, text: str, compiled: list, reach: int) -> None:
        self.data = text.encode("utf-8")
        self.compiled = compiled
        self.reach = reach
        self.length = len(text)
        # Character offset -> byte offset; the identity for ASCII text (the common case: markup is masked).
        self._offsets: list[int] | None = None
        if len(self.data) != len(text):
            offsets, pos = [], 0
            for ch in text:
                offsets.append(pos)
                pos += len(ch.encode("utf-8"))
            offsets.append(pos)
            self._offsets = offsets

    def _byte(self, offset: int) -> int:
        return offset if self._offsets is None else self._offsets[offset]

    def all_groups(self, groups: list[frozenset[int]], span: Span) -> bool:
        start = self._byte(span.start)
        end = self._byte(min(self.length, span.end + self.reach))
        data, compiled = self.data, self.compiled
        return all(any(compiled[pid].search(data, start, end) for pid in group) for group in groups)
