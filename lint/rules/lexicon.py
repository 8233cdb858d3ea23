"""The bundled prescription-drug lexicon (``lint/data/drugs.tsv``), loaded once per process.

Origin, licence and how prescription status was derived: ``lint/data/README.md``.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

DATA = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True, slots=True)
class Drug:
    name: str
    generic: str
    kind: str  # generic | brand
    drug_class: str
    sedating: bool


@lru_cache(maxsize=1)
def drugs() -> dict[str, Drug]:
    """Lower-case name → Drug for every prescription-only generic and brand name."""
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
