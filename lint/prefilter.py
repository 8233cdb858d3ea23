"""A multi-pattern prefilter: one RE2 Set pass over a document names the rules that can match.

Each rule offers groups of relaxed patterns (see ``rules.pattern.relax_for_re2``); a rule is a candidate when
every group has at least one pattern that matched. Rules without a prefilter always run. When google-re2 is
not importable the prefilter falls back to running every rule (slower, same results).
"""
from __future__ import annotations

from collections.abc import Sequence

from .rules.base import Rule

try:  # pragma: no cover - exercised by whichever branch the machine has
    import re2 as _re2
except ImportError:  # pragma: no cover
    _re2 = None


SHARD_SIZE = 4000  # patterns per RE2 Set; bounded so one Set stays within RE2's memory budget


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
            return
        options = _re2.Options()
        options.case_sensitive = False
        options.max_mem = 256 << 20
        self._options = options
        self._sets: list = []  # (compiled Set, the pattern ids it holds, in Add order)
        patterns: list[str] = []
        for ri, rule in enumerate(self.rules):
            groups = rule.prefilter()
            if not groups:
                self.always.append(ri)
                continue
            ids_per_group = []
            for group in groups:
                ids = []
                for pattern in group:
                    ids.append(len(patterns))
                    patterns.append("(?m)" + pattern)
                    self._owner.append(ri)
                ids_per_group.append(frozenset(ids))
            self._groups[ri] = ids_per_group
        bad = self._compile(patterns)
        if bad:
            for ri in sorted({self._owner[pid] for pid in bad}):
                self._groups[ri] = []
                self.always.append(ri)
        self.always.sort()
        self._set = self._sets or None

    def _compile(self, patterns: list[str]) -> set[int]:
        """Compile the patterns into RE2 Sets of bounded size; return the ids RE2 could not take."""
        bad: set[int] = set()
        for start in range(0, len(patterns), SHARD_SIZE):
            bad |= self._compile_range(patterns, start, min(start + SHARD_SIZE, len(patterns)))
        return bad

    def _compile_range(self, patterns: list[str], a: int, b: int) -> set[int]:
        """One Set for patterns[a:b]; if RE2 runs out of memory, split the range in halves."""
        rset = _re2.Set.SearchSet(self._options)
        kept: list[int] = []
        bad: set[int] = set()
        for pid in range(a, b):
            try:
                rset.Add(patterns[pid])
                kept.append(pid)
            except Exception:  # RE2 rejects the relaxed pattern: its rule will run unconditionally
                bad.add(pid)
        try:
            rset.Compile()
        except Exception:
            if b - a <= 1:
                return bad | set(kept)
            mid = (a + b) // 2
            return self._compile_range(patterns, a, mid) | self._compile_range(patterns, mid, b)
        self._sets.append((rset, kept))
        return bad

    def candidates(self, text: str) -> list[Rule]:
        """Rules that can match ``text``, in database order."""
        chosen = set(self.always)
        if self._set is not None and text:
            matched: set[int] = set()
            for rset, kept in self._sets:
                matched.update(kept[i] for i in rset.Match(text) or ())
            if matched:
                for ri in {self._owner[pid] for pid in matched}:
                    if all(group & matched for group in self._groups[ri]):
                        chosen.add(ri)
        return [self.rules[i] for i in sorted(chosen)]

    @property
    def active(self) -> bool:
        return self._set is not None
