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


class Prefilter:
    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = list(rules)
        self.always: list[int] = []
        # For each rule: list of groups, each a set of set-pattern ids (None when the group is always satisfied).
        self._groups: list[list[frozenset[int]]] = [[] for _ in self.rules]
        self._set = None
        self._owner: list[int] = []
        if _re2 is None:
            self.always = list(range(len(self.rules)))
            return
        options = _re2.Options()
        options.case_sensitive = False
        options.max_mem = 512 << 20
        rset = _re2.Set.SearchSet(options)
        next_id = 0
        for ri, rule in enumerate(self.rules):
            groups = rule.prefilter()
            if not groups:
                self.always.append(ri)
                continue
            ids_per_group = []
            ok = True
            for group in groups:
                ids = []
                for pattern in group:
                    try:
                        pid = rset.Add("(?m)" + pattern)
                    except Exception:  # RE2 rejects the relaxed pattern: run the rule unconditionally
                        ok = False
                        break
                    ids.append(pid)
                    next_id = pid + 1
                if not ok:
                    break
                ids_per_group.append(frozenset(ids))
            if ok:
                self._groups[ri] = ids_per_group
            else:
                self.always.append(ri)
        if next_id:
            rset.Compile()
            self._set = rset
            # pattern id -> rule index, for a fast inverse lookup
            self._owner = [0] * next_id
            for ri, groups in enumerate(self._groups):
                for group in groups:
                    for pid in group:
                        self._owner[pid] = ri

    def candidates(self, text: str) -> list[Rule]:
        """Rules that can match ``text``, in database order."""
        chosen = set(self.always)
        if self._set is not None and text:
            hits = self._set.Match(text)
            if hits:
                matched = set(hits)
                for ri in {self._owner[pid] for pid in matched}:
                    if all(group & matched for group in self._groups[ri]):
                        chosen.add(ri)
        return [self.rules[i] for i in sorted(chosen)]

    @property
    def active(self) -> bool:
        return self._set is not None
