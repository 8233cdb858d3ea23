"""Measure precision and recall on a labelled evaluation set (``bench/eval/*.yaml``).

Each entry has ``text``, ``label`` (dubious | accurate) and ``categories`` (the categories a dubious passage
belongs to). Overall figures count passages: a dubious passage with any finding is a true positive, an accurate
passage with any finding a false positive. Per category, a passage counts for category C when it is labelled C
(recall) or when healthlint reports a C finding on it (precision).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .engine import Engine
from .errors import UsageError
from .finding import Category
from .markup import parse

PASSAGE_CATEGORIES = [c.value for c in Category if c not in (Category.MISSING_ELEMENT, Category.LINTER)]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Evaluation:
    overall: Score = field(default_factory=Score)
    by_category: dict[str, Score] = field(default_factory=lambda: {c: Score() for c in PASSAGE_CATEGORIES})
    passages: int = 0
    misses: list[tuple[str, str]] = field(default_factory=list)  # (id, text) of dubious passages not flagged
    false_alarms: list[tuple[str, str, str]] = field(default_factory=list)  # (id, codes, text)


def load_set(folder: Path) -> list[dict]:
    files = sorted(folder.glob("*.yaml"))
    if not files:
        raise UsageError(f"{folder}: no evaluation files (*.yaml)")
    entries: list[dict] = []
    for path in files:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise UsageError(f"{path}: cannot read evaluation file: {exc}") from None
        if not isinstance(data, list):
            raise UsageError(f"{path}: an evaluation file is a list of passages")
        for i, entry in enumerate(data):
            if not isinstance(entry, dict) or entry.get("label") not in ("dubious", "accurate") or not entry.get("text"):
                raise UsageError(f"{path}: entry {i + 1} needs text and a label (dubious or accurate)")
            entries.append(entry)
    return entries


def evaluate(entries: list[dict], engine: Engine) -> Evaluation:
    ev = Evaluation()
    for entry in entries:
        ev.passages += 1
        findings = engine.run(parse(entry["text"], "text", entry.get("id", "<passage>"))).findings
        predicted = {f.category.value for f in findings} & set(PASSAGE_CATEGORIES)
        labelled = set(entry.get("categories") or ()) & set(PASSAGE_CATEGORIES)
        dubious = entry["label"] == "dubious"
        if dubious:
            if predicted:
                ev.overall.tp += 1
            else:
                ev.overall.fn += 1
                ev.misses.append((entry.get("id", "?"), entry["text"]))
        elif predicted:
            ev.overall.fp += 1
            ev.false_alarms.append((entry.get("id", "?"), ",".join(sorted({f.code for f in findings})), entry["text"]))
        for category in PASSAGE_CATEGORIES:
            score = ev.by_category[category]
            if category in labelled and category in predicted:
                score.tp += 1
            elif category in labelled:
                score.fn += 1
            elif category in predicted and not (dubious and not labelled):
                score.fp += 1
    return ev


def render(ev: Evaluation, verbose: bool = False) -> str:
    lines = [f"{'category':<22} {'precision':>9} {'recall':>7} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for category, s in ev.by_category.items():
        lines.append(f"{category:<22} {s.precision:>9.3f} {s.recall:>7.3f} {s.tp:>5} {s.fp:>5} {s.fn:>5}")
    o = ev.overall
    lines.append(f"{'overall (passages)':<22} {o.precision:>9.3f} {o.recall:>7.3f} {o.tp:>5} {o.fp:>5} {o.fn:>5}")
    lines.append(f"{ev.passages} passages.")
    if verbose:
        lines += ["", "False alarms on accurate passages:"] + [f"  {i} [{c}] {t.strip()}" for i, c, t in ev.false_alarms]
        lines += ["", "Dubious passages not flagged:"] + [f"  {i} {t.strip()}" for i, t in ev.misses]
    return "\n".join(lines) + "\n"

