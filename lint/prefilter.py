"""A multi-pattern prefilter: a literal scan of a document names the few rules that can match in it, and where.

Each rule offers groups of relaxed patterns (see ``rules.pattern.relax_for_re2``); a rule can match only where
every group can. Once per database version (the plan is kept in the per-user cache with the rules), the
prefilter reduces the groups to the rule's *key*: an AND/OR formula over literal strings ("atoms") that every
match satisfies, as RE2's FilteredRE2 does (``rules.pattern.required_literals``), for example "(alcohol or wine)
and (safe or harmless)". One pass over the document finds which atoms it holds (one RE2 set of all atoms, or in
a run's first few kilobytes Python's substring search); an index from each key's rarest atoms names the rules
worth evaluating, and their keys are evaluated exactly (no atom is dropped for being common, as FilteredRE2
does). Rules whose key holds then run their relaxed groups through RE2 (compiled the first time a document needs
them), on the whole text and then on the blocks the first group's matches fall in, and only confirmed rules run
their exact ``regex`` patterns, only in those blocks. In a run's first few kilobytes that RE2 step is skipped:
compiling the programs would cost more than running the exact patterns of the keyed rules on the whole text.

So a document costs a literal scan plus work for the rules it really mentions. Rules without a prefilter always
run; rules whose groups yield no selective literal are confirmed by RE2 on the whole document first; without
google-re2 every rule runs (slower, same results).
"""
from __future__ import annotations

import marshal
from bisect import bisect_right
from collections.abc import Callable, Sequence

from .document import Document, Span
from .rules.base import Rule
from .rules.pattern import RE2_FOLD, all_of, literal_score, normalise_spaces, required_literals, trigger_atoms
from .rules.phrase import REACH

try:  # pragma: no cover - exercised by whichever branch the machine has
    import re2 as _re2

    _UNANCHORED = _re2._Anchor.UNANCHORED
except ImportError:  # pragma: no cover
    _re2 = None

_PLAN = "_prefilter_plan"  # where a rule keeps its plan (pickled with it in the per-user cache)
_MAX_MEM = 64 << 20
# A key is worth scanning for when its weakest way to be satisfied is a string at least this long that is not a
# common word; other rules are confirmed on the whole document instead (one RE2 search).
MIN_KEY_SCORE = 3
SMALL_TEXT = 8_000  # characters: below this, a document's atoms are found with Python's substring search ...
SET_AFTER = 64_000  # ... until this much text has been scanned; then one RE2 set is built for the rest of the run
# In that first stretch of a run (the pre-commit case: one or a few small files) the rules whose key holds are not
# confirmed by RE2 either: compiling their programs (about 1 ms each) costs more than running their exact patterns
# on a few kilobytes. The exact patterns decide either way, so findings do not depend on this.
_scanned = 0  # characters whose atoms this process has looked for


def worth_compiling(length: int) -> bool:
    """Whether RE2 programs are worth compiling for a document of ``length`` characters: RE2 is there, and the
    document is long or this process has already read enough text to amortise the compilation."""
    return _re2 is not None and (length > SMALL_TEXT or _scanned > SET_AFTER)


def _options(literal: bool = False):
    options = _re2.Options()
    options.case_sensitive = False
    options.max_mem = _MAX_MEM
    options.literal = literal
    return options


class _Plan:
    """What the prefilter needs from one rule: its groups as RE2 patterns (the most selective first) and, when it
    has a selective key (the literal formula every match satisfies), the key's atoms, the atoms that trigger its
    evaluation, and the key compiled as a Python function (``_key_code``)."""

    __slots__ = ("groups", "in_order", "atoms", "triggers", "code")

    def __init__(self, groups: tuple[str, ...], in_order: tuple[str, ...], key: object) -> None:
        self.groups = groups
        self.in_order = in_order  # the same groups in the rule's own order (the topic first)
        self.atoms: tuple[str, ...] = ()
        self.triggers: tuple[int, ...] = ()
        self.code = None  # marshalled key code: bytes, or a cache.StoredBlobs that holds it
        if key is not None:
            self.atoms, self.code = _key_code(key)
            index = {a: i for i, a in enumerate(self.atoms)}
            self.triggers = tuple(sorted(index[a] for a in trigger_atoms(key)))

    def __getstate__(self):
        return self.groups, self.in_order, self.atoms, self.triggers, self.code

    def __setstate__(self, state) -> None:
        self.groups, self.in_order, self.atoms, self.triggers, self.code = state

    def key(self) -> Callable[[set[str]], bool]:
        """The key as a test of the set of atoms present. The code is bytes, or (from the per-user cache) where
        the bytes lie in the cache's file of compiled programs."""
        code = self.code if isinstance(self.code, bytes) else self.code.get("")
        try:
            return eval(marshal.loads(code), {"a": self.atoms, "frozenset": frozenset})  # noqa: S307 - our code
        except Exception:  # pragma: no cover - a code object from another Python: never filter
            return lambda present: True


def _key_code(formula: object) -> tuple[tuple[str, ...], bytes]:
    """The formula's atoms and, marshalled, the code of a function of the set of atoms present (generated code:
    walking nested tuples costs far more than the few comparisons it stands for). In the code, ``a`` is the
    tuple of atoms; the sets of atoms it tests are built once, when the function is made."""
    atoms: dict[str, int] = {}
    sets: list[str] = []

    def local(atom: str) -> int:
        return atoms.setdefault(atom, len(atoms))

    def source(f: object) -> str:
        if isinstance(f, str):
            return f"(a{local(f)} in p)"
        op, parts = f  # type: ignore[misc]
        members = sorted({local(x) for x in parts if isinstance(x, str)})
        terms = [source(x) for x in parts if not isinstance(x, str)]
        if members:
            sets.append("frozenset((" + "".join(f"a[{i}], " for i in members) + "))")
            name = f"s{len(sets) - 1}"
            terms.insert(0, f"({name} <= p)" if op == "and" else f"(not {name}.isdisjoint(p))")
        return "(" + (" and " if op == "and" else " or ").join(terms) + ")"

    body = source(formula)
    singles = "".join(f"a{i}=a[{i}], " for i in range(len(atoms)))
    made = "".join(f"s{i}={expr}, " for i, expr in enumerate(sets))
    code = compile(f"(lambda {singles}{made}: lambda p: {body})()", "<prefilter key>", "eval")
    return tuple(atoms), marshal.dumps(code)


def plan(rule: Rule) -> _Plan | None:
    """The rule's prefilter plan, computed once and kept on the rule (None: the rule has no prefilter)."""
    cached = rule.__dict__.get(_PLAN, False)
    if isinstance(cached, _Plan) or cached is None:
        return cached
    groups = rule.prefilter()
    result: _Plan | None = None
    if groups:
        patterns = [group_pattern(group) for group in groups]
        formulas = [required_literals(p) for p in patterns]
        # The most selective group first: it is searched first, and its matches locate the rule's blocks.
        order = sorted(range(len(patterns)), key=lambda i: -literal_score(formulas[i]))
        key = all_of(formulas)
        result = _Plan(tuple(patterns[i] for i in order), tuple(patterns),
                       key if literal_score(key) >= MIN_KEY_SCORE else None)
    try:
        rule.__dict__[_PLAN] = result
    except (AttributeError, TypeError):  # pragma: no cover - a rule with __slots__: recomputed each run
        pass
    return result


def group_pattern(group: Sequence[str]) -> str:
    """One RE2 pattern for a group of relaxed patterns (any of them)."""
    return ("(?m)(?:" + "|".join(group) + ")").translate(RE2_FOLD)


_COMPILED: dict[str, object] = {}  # group pattern -> RE2 program (False: RE2 rejects it), shared by the rules


def compiled_group(pattern: str):
    """The RE2 program of a group pattern (compiled once per process), or None when RE2 is missing or rejects
    it."""
    program = _COMPILED.get(pattern)
    if program is None:
        program = False
        if _re2 is not None:
            try:
                program = _re2.compile(pattern, _options())._regexp
            except Exception:
                program = False
        _COMPILED[pattern] = program
    return program or None


_TEXTS: list = []  # (text, _Text) of the last few documents: the prefilter and the rules share one encoding


def text_of(text: str) -> _Text:
    """``text`` as RE2 reads it (encoded once per document)."""
    for seen, scan in _TEXTS:
        if seen is text:
            return scan
    scan = _Text(text)
    _TEXTS.insert(0, (text, scan))
    del _TEXTS[3:]
    return scan


def keep_plan(rule: Rule, value: _Plan | None) -> None:
    """Attach a plan computed earlier (from the per-user cache) to a rule."""
    try:
        rule.__dict__[_PLAN] = value
    except (AttributeError, TypeError):  # pragma: no cover
        pass


class Prefilter:
    """Built once per run from the enabled rules; ``candidate_regions`` is called once per document."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = list(rules)
        self.always: list[int] = []
        self._groups: list[tuple[str, ...]] = [() for _ in self.rules]
        self._compiled: list[list | None] = [None] * len(self.rules)
        self._unkeyed: list[int] = []  # rules with groups but no selective key: confirmed on the whole text
        self._keys: dict[int, Callable[[set[str]], bool]] = {}  # rule -> its key, as a test of the atoms present
        self._plans: dict[int, _Plan] = {}  # rule -> its plan, for the rules with a key
        self._triggers: dict[str, list[int]] = {}  # atom -> rules whose key it may satisfy
        self._atoms = None  # RE2 set of every atom (built once enough text has been scanned) ...
        self._atom_list: list[str] = []  # ... and the atom of each of its ids
        self._active = False
        if _re2 is None:
            self.always = list(range(len(self.rules)))
            return
        triggers = self._triggers
        for ri, rule in enumerate(self.rules):
            p = plan(rule)
            if p is None:
                self.always.append(ri)
                continue
            self._groups[ri] = p.groups
            if p.code is None:
                self._unkeyed.append(ri)
                continue
            # The key itself is made the first time a document holds a trigger atom (most runs evaluate few of
            # the keys, and making one costs about 70 microseconds).
            self._plans[ri] = p
            atoms = p.atoms
            for i in p.triggers:
                triggers.setdefault(atoms[i], []).append(ri)
        self._active = len(self.always) < len(self.rules)

    def candidates(self, text: str) -> list[Rule]:
        """Rules that can match ``text``, in database order."""
        return [rule for rule, _ in self.candidate_regions_for([(0, len(text))], text)]

    def candidate_regions(self, doc: Document) -> list[tuple[Rule, list[Span] | None]]:
        """Each rule that can match in ``doc``, with the blocks where it can (None: search the whole document)."""
        bounds = [(b.span.start, b.span.end) for b in doc.blocks]
        return self.candidate_regions_for(bounds, doc.prose, REACH)

    def _keyed_in(self, text: str) -> list[int]:
        """Rules whose key holds in ``text`` (whitespace normalised; atoms are matched case-insensitively).

        The atoms' RE2 set costs about 0.1 s to build, more than a short run spends scanning: it is built only once
        enough text has been scanned. Until then Python's substring search looks for the trigger atoms, and then
        for the other atoms of the rules they trigger (about a third of all the atoms, and a few of the rest)."""
        global _scanned
        _scanned += len(text)
        if self._atoms is None and worth_compiling(len(text)):
            self._atom_list = sorted({atom for p in self._plans.values() for atom in p.atoms})
            atoms = _re2.Set.SearchSet(_options(literal=True))
            for atom in self._atom_list:
                atoms.Add(atom)
            atoms.Compile()
            self._atoms = atoms._set
        if self._atoms is not None:
            names = self._atom_list
            return self._keyed({names[i] for i in self._atoms.Match(text.encode("utf-8"))}, None)
        lowered = text.lower()
        return self._keyed({atom for atom in self._triggers if atom in lowered}, lowered)

    def _keyed(self, present: set[str], lowered: str | None) -> list[int]:
        """Rules whose key holds given the atoms ``present``: all of them, or (with ``lowered``, the text they
        were looked for in) only the trigger atoms, the others being looked for as the keys need them."""
        triggers, keys, plans = self._triggers, self._keys, self._plans
        seen: set[int] = set()
        looked: set[str] = set()
        out = []
        for atom in list(present):  # the keys' other atoms join ``present`` on the way
            for ri in triggers.get(atom, ()):
                if ri in seen:
                    continue
                seen.add(ri)
                if lowered is not None:
                    for other in plans[ri].atoms:
                        if other not in looked and other not in triggers:  # every trigger atom was looked for
                            looked.add(other)
                            if other in lowered:
                                present.add(other)
                key = keys.get(ri)
                if key is None:
                    key = keys[ri] = plans[ri].key()
                if key(present):
                    out.append(ri)
        return out

    def _groups_of(self, ri: int) -> list | None:
        """The rule's groups compiled by RE2 (on first use); None when RE2 rejects one: the rule then runs on the
        whole document wherever it is a candidate."""
        compiled = self._compiled[ri]
        if compiled is None:
            programs = [compiled_group(p) for p in self._groups[ri]]
            compiled = [] if any(p is None for p in programs) else programs
            self._compiled[ri] = compiled
        return compiled or None

    def candidate_regions_for(self, bounds: list[tuple[int, int]], text: str,
                              reach: int = 0) -> list[tuple[Rule, list[Span] | None]]:
        """Rules with the regions (from ``bounds``) where a match may start. A region's text runs ``reach``
        characters past its end (a match may start in a block and run into the next one, as a phrase over a list
        does). A key only says a rule *may* match; its relaxed groups, run by RE2 on the region, confirm it."""
        out: list[tuple[int, list[Span] | None]] = [(ri, None) for ri in self.always]
        bounds = [(s, e) for s, e in bounds if e > s]
        if self._active and bounds:
            scan = text_of(text)
            length = len(text)
            regions: dict[int, list[Span]] = {}
            whole: set[int] = set()  # candidates whose groups RE2 cannot run: the whole document
            possible: list[int] = []
            if self._plans:
                possible = self._keyed_in(normalise_spaces(text))
            possible.extend(self._unkeyed)
            if not worth_compiling(length):
                possible, whole = [], set(possible)
            starts = [s for s, _ in bounds]
            for ri in possible:
                groups = self._compiled[ri] or self._groups_of(ri)
                if groups is None:
                    whole.add(ri)
                    continue
                if not all(scan.search(g, 0, length) for g in groups):
                    continue
                # Blocks where a match may start: every match of the rule starts inside a span found by
                # iterating its first group (leftmost matches, each search resuming at the end of the last).
                blocks: set[int] = set()
                for a, b in scan.spans(groups[0]):
                    i = max(0, bisect_right(starts, a) - 1)
                    while i < len(bounds) and bounds[i][0] < b:
                        if bounds[i][1] > a:
                            blocks.add(i)
                        i += 1
                for i in sorted(blocks):
                    start, end = bounds[i]
                    self._confirm(ri, scan, start, end, min(length, end + reach), regions, whole)
            out.extend((ri, None) for ri in whole)
            size = max(1, length)
            for ri, spans in regions.items():
                if ri in whole:
                    continue
                spans.sort()
                merged: list[Span] = []
                for span in spans:
                    if merged and merged[-1].end >= span.start - 2:
                        merged[-1] = Span(merged[-1].start, span.end)  # merge neighbouring blocks
                    else:
                        merged.append(span)
                covered = sum(len(span) for span in merged)
                # Many scattered regions cost more than one pass over the whole text.
                out.append((ri, None if covered > size // 2 or len(merged) > 8 else merged))
        out.sort(key=lambda item: item[0])
        rules = self.rules
        return [(rules[ri], regions) for ri, regions in out]

    def _confirm(self, ri: int, scan: _Text, start: int, end: int, stop: int,
                 regions: dict[int, list[Span]], whole: set[int]) -> None:
        """Add the block to the rule's regions when every relaxed group matches in its text."""
        groups = self._compiled[ri] or self._groups_of(ri)
        if groups is None:
            whole.add(ri)
            return
        search = scan.search
        for g in groups:
            if not search(g, start, stop):
                return
        regions.setdefault(ri, []).append(Span(start, end))

    @property
    def active(self) -> bool:
        return self._active


class _Text:
    """A document's text as RE2 sees it: UTF-8 (encoded once), with "İ" read as "i" (see ``RE2_FOLD``)."""

    __slots__ = ("data", "_bytes")

    def __init__(self, text: str) -> None:
        if not text.isascii() and "\u0130" in text:
            text = text.translate(RE2_FOLD)
        self.data = text.encode("utf-8")
        self._bytes: list[int] | None = None  # character offset -> byte offset; None for ASCII text
        if len(self.data) != len(text):
            offsets, pos = [], 0
            for ch in text:
                offsets.append(pos)
                pos += len(ch.encode("utf-8"))
            offsets.append(pos)
            self._bytes = offsets

    def byte(self, offset: int) -> int:
        return offset if self._bytes is None else self._bytes[offset]

    def search(self, compiled, start: int, stop: int) -> bool:
        return compiled.Match(_UNANCHORED, self.data, self.byte(start), self.byte(stop))[0][0] >= 0

    def char(self, offset: int) -> int:
        """The character offset of byte ``offset`` (a character boundary)."""
        if self._bytes is None:
            return offset
        return bisect_right(self._bytes, offset) - 1

    def spans(self, compiled):
        """Character spans of the successive leftmost matches, each search starting where the last match ended
        (one character later after an empty match), as ``finditer`` does."""
        data, size = self.data, len(self.data)
        match = compiled.Match
        pos = 0
        while pos <= size:
            a, b = match(_UNANCHORED, data, pos, size)[0]
            if a < 0:
                return
            start = self.char(a)
            if b > a:
                yield start, self.char(b)
                pos = b
            else:
                yield start, start + 1
                pos = self.byte(start + 1) if start + 1 < len(self._bytes or ()) else a + 1
