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

    _UNANCHORED = _re2._Anchor.UNANCHORED
except ImportError:  # pragma: no cover
    _re2 = None


class Prefilter:
    """Built once per run from the enabled rules; ``candidate_regions`` is called once per document."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = list(rules)
        self.always: list[int] = []
        # For each rule: the Filter id of each of its groups (one pattern per group: its alternatives joined).
        self._groups: list[list[int]] = [[] for _ in self.rules]
        # The id of each rule's most selective group -> the rules keyed on it: a rule is looked at only when
        # that group may match, so rules that share common words cost nothing where their rare word is absent.
        self._keyed: dict[int, list[int]] = {}
        self._set = None
        self._compiled: list = []
        if _re2 is not None:
            self._build()
        else:
            self.always = list(range(len(self.rules)))
        self._always_set = frozenset(self.always)

    def _build(self) -> None:
        options = _re2.Options()
        options.case_sensitive = False
        options.max_mem = 64 << 20
        rfilter = _re2.Filter()
        shortest: dict[int, int] = {}  # group id -> length of its shortest alternative (a selectivity proxy)
        for ri, rule in enumerate(self.rules):
            groups = rule.prefilter()
            if not groups:
                self.always.append(ri)
                continue
            try:
                ids = [rfilter.Add("(?m)(?:" + "|".join(group) + ")", options) for group in groups]
            except Exception:  # RE2 rejects a relaxed pattern: the rule runs unconditionally
                self.always.append(ri)
                continue
            self._groups[ri] = ids
            shortest.update((gid, min(len(p) for p in group)) for gid, group in zip(ids, groups))
        if not rfilter._patterns:
            return
        rfilter.Compile()
        self._set = rfilter
        # The binding's C++ objects, called directly: the Python wrapper's argument handling costs more than
        # the search itself on a short block.
        self._compiled = [rfilter.re(i)._regexp for i in range(len(rfilter._patterns))]
        # A pattern with no literal atom is reported for any text (even ""), so it cannot key a rule; a rule
        # whose groups all lack atoms is searched over the whole document instead.
        unfiltered = set(rfilter.Match("", potential=True) or ())
        for ri, ids in enumerate(self._groups):
            if not ids:
                continue
            keys = [gid for gid in ids if gid not in unfiltered]
            if not keys:
                self.always.append(ri)
                continue
            self._keyed.setdefault(max(keys, key=shortest.__getitem__), []).append(ri)
        self.always.sort()

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
        into the next one, as a phrase over a list does); a rule is a candidate for the regions it may start in.
        The atoms only say a rule *may* match; its relaxed patterns, run by RE2 on the region, confirm it."""
        regions: dict[int, list[Span]] = {}
        if self._set is not None:
            match, keyed, groups_of = self._set.Match, self._keyed, self._groups
            confirm = _Confirmer(text, self._compiled, reach)
            for start, end in bounds:
                if end <= start:
                    continue
                matched = match(text[start:end + reach], potential=True)
                if not matched:
                    continue
                matched_set = set(matched)
                span = Span(start, end)
                for pid in matched_set.intersection(keyed):
                    for ri in keyed[pid]:
                        groups = groups_of[ri]
                        if all(g in matched_set for g in groups) and confirm.all_groups(groups, span):
                            spans = regions.setdefault(ri, [])
                            if spans and spans[-1].end >= start - 2:
                                spans[-1] = Span(spans[-1].start, end)  # merge neighbouring blocks
                            else:
                                spans.append(span)
        out: list[tuple[Rule, list[Span] | None]] = [(self.rules[ri], None) for ri in self.always]
        size = max(1, len(text))
        for ri, spans in regions.items():
            covered = sum(len(span) for span in spans)
            # Many scattered regions cost more than one pass over the whole text.
            out.append((self.rules[ri], None if covered > size // 2 or len(spans) > 8 else spans))
        out.sort(key=lambda item: self._order[id(item[0])])
        return out

    @property
    def _order(self) -> dict[int, int]:
        order = self.__dict__.get("_order_cache")
        if order is None:
            order = self.__dict__["_order_cache"] = {id(rule): i for i, rule in enumerate(self.rules)}
        return order

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

    def all_groups(self, groups: list[int], span: Span) -> bool:
        start = self._byte(span.start)
        end = self._byte(min(self.length, span.end + self.reach))  # never past the end: RE2 rejects that
        data, compiled = self.data, self.compiled
        return all(compiled[pid].Match(_UNANCHORED, data, start, end)[0][0] >= 0 for pid in groups)
