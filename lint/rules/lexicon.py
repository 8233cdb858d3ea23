"""The bundled prescription-drug lexicon (``lint/data/drugs.tsv``), loaded once per process.

Origin, licence and how prescription status was derived: ``lint/data/README.md``.
"""
from __future__ import annotations

import pickle
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import regex

DATA = Path(__file__).resolve().parent.parent / "data"


class Drug(NamedTuple):
    """One row of the lexicon (a named tuple: thousands of them load from the cache at C speed)."""

    name: str
    generic: str
    kind: str  # generic | brand
    drug_class: str
    sedating: bool


@lru_cache(maxsize=1)
def drugs() -> dict[str, Drug]:
    """Lower-case name → Drug for every prescription-only generic and brand name (kept in the per-user cache:
    unpickling the table is several times faster than reading the TSV)."""
    from ..cache import cached

    rows = cached([DATA / "drugs.tsv"], lambda: ({k: tuple(v) for k, v in _read_drugs().items()}, True), "drugs")
    make = tuple.__new__  # plain tuples load about twice as fast as pickled named tuples
    return {name: make(Drug, row) for name, row in rows.items()}


def _read_drugs() -> dict[str, Drug]:
    import csv  # only when the cache is cold

    out: dict[str, Drug] = {}
    with (DATA / "drugs.tsv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            out[row["name"]] = Drug(row["name"], row["generic"], row["kind"], row["class"], row["sedating"] == "yes")
    return out


@lru_cache(maxsize=1)
def class_words() -> frozenset[str]:
    """Drug-class words ("benzodiazepines", "anticonvulsants") that name prescription medicines as a group."""
    path = DATA / "drug_classes.txt"
    if not path.exists():
        return frozenset()
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            words.add(line)
    return frozenset(words)


@lru_cache(maxsize=1)
def name_pattern() -> regex.Pattern[str]:
    """One pattern for every drug and class name (a ``regex`` named list: compiled once, matched as a trie)."""
    names = set(drugs()) | class_words()
    return regex.compile(r"(?<![\w-])\L<names>(?![\w-])", regex.IGNORECASE, names=sorted(names))


class LazyPattern:
    """A ``regex`` pattern compiled on first use, so importing a family costs no compilation (a small-file run
    only compiles what its document needs). Module level: ``_P = LazyPattern(r"...", flags)`` then ``_P.search(...)``
    (the compiled pattern's methods are looked up once and kept). As a class attribute it is a descriptor that
    returns the compiled pattern, so ``self.pattern`` is a real ``regex.Pattern``."""

    # Every LazyPattern made, and the compiled programs the per-user cache keeps for them (``regex`` pickles the
    # compiled program: loading one costs microseconds where compiling costs milliseconds; see ``precompile_all``).
    instances: list[LazyPattern] = []
    blobs: dict[str, bytes] = {}

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source = source
        self.source_flags = flags
        self._compiled: regex.Pattern[str] | None = None
        LazyPattern.instances.append(self)

    @property
    def key(self) -> str:
        return f"{int(self.source_flags)}:{self.source}"

    def compiled(self) -> regex.Pattern[str]:
        if self._compiled is None:
            blob = LazyPattern.blobs.get(self.key)
            if blob is not None:
                try:
                    self._compiled = pickle.loads(blob)
                except Exception:  # pragma: no cover - a blob from another regex version: compile instead
                    self._compiled = None
            if self._compiled is None:
                self._compiled = regex.compile(self.source, self.source_flags)
        return self._compiled

    @staticmethod
    def precompile_all() -> dict[str, bytes]:
        """The pickled compiled program of every LazyPattern made so far (for the per-user cache)."""
        out: dict[str, bytes] = {}
        for lazy in LazyPattern.instances:
            try:
                out[lazy.key] = pickle.dumps(regex.compile(lazy.source, lazy.source_flags),
                                             protocol=pickle.HIGHEST_PROTOCOL)
            except (regex.error, pickle.PicklingError, TypeError, ValueError):  # pragma: no cover
                continue
        return out

    def __getattr__(self, name: str):
        if name.startswith("__") or name == "_compiled":
            raise AttributeError(name)
        value = getattr(self.compiled(), name)
        self.__dict__[name] = value  # later look-ups skip __getattr__
        return value

    def __get__(self, obj, owner=None) -> regex.Pattern[str]:
        return self.compiled()


def pattern_prefilter(rule) -> list[list[str]] | None:
    """``PatternFamily.prefilter`` for a family whose ``pattern`` is a LazyPattern: the same groups, computed from
    the pattern's source without compiling it (``PatternFamily.prefilter`` would compile it to read its source)."""
    from .family import _NO_RE2, PatternFamily
    from .pattern import relax_for_re2

    if type(rule).check is not PatternFamily.check:
        return None
    lazy = next((vars(cls)["pattern"] for cls in type(rule).__mro__ if "pattern" in vars(cls)), None)
    if not isinstance(lazy, LazyPattern):
        return PatternFamily.prefilter(rule)
    flags = lazy.source_flags
    if flags & _NO_RE2:
        return None
    relaxed = relax_for_re2(lazy.source)
    if relaxed is None:
        return None
    return [[("(?s)" if flags & regex.DOTALL else "") + relaxed]]


# Every character ``regex`` (V0, IGNORECASE) matches with an ASCII letter is folded to that letter by
# ``str.lower`` once these three are replaced (one character for one: offsets stay put).
_ASCII_FOLD = {0x130: "i", 0x212A: "k", 0x17F: "s"}
_fold_memo: list = []  # (text, folded) for the last few texts: the families ask about the same document


def fold(text: str) -> str:
    """``text`` in lower case, with the same length: a pattern with IGNORECASE can match an ASCII letter only
    where this text holds it in lower case, so a word missing here rules the pattern out without a search."""
    for seen, low in _fold_memo:
        if seen is text:
            return low
    low = text.lower() if text.isascii() else text.translate(_ASCII_FOLD).lower()
    if len(low) != len(text):  # pragma: no cover - no such character in today's Unicode tables
        low = "".join(lo if len(lo := ch.lower()) == 1 else ch for ch in text.translate(_ASCII_FOLD))
    _fold_memo.insert(0, (text, low))
    del _fold_memo[4:]
    return low


def folded(doc) -> str:
    """``fold(doc.prose)``."""
    return fold(doc.prose)


def contains_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of ``words`` (plain substrings)."""
    for word in words:
        if word in text:
            return True
    return False
