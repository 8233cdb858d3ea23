"""Measure precision and recall on a labelled evaluation set (``bench/eval/*.yaml``).

Each entry has ``text``, ``label`` (dubious | accurate) and ``categories`` (the categories a dubious passage
belongs to; a passage often has two, as "okra water can replace your diabetes medication" is both dangerous
advice and an unsupported claim).

Overall figures count passages: a dubious passage with any finding is a true positive, an accurate passage with
any finding a false positive. Per category C, as a linter's user reads them:

- recall: of the passages labelled C, the share that healthlint flags (with any rule);
- precision: of the passages on which healthlint reports a C finding, the share that are dubious;
- "as C": of the passages labelled C, the share on which a rule of category C itself reports. healthlint reports
  one finding per sentence and problem (a generic rule steps aside for a specific one), so a passage with two
  labels is usually reported under one of them; this column shows how often the categories agree.
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
class CategoryScore:
    labelled: int = 0  # passages labelled with the category
    flagged: int = 0  # ... that healthlint flags with any rule
    same: int = 0  # ... on which a rule of this category reports
    reported: int = 0  # passages with a finding of this category
    reported_dubious: int = 0  # ... that are dubious

    @property
    def recall(self) -> float:
        return self.flagged / self.labelled if self.labelled else 1.0

    @property
    def precision(self) -> float:
        return self.reported_dubious / self.reported if self.reported else 1.0

    @property
    def same_category(self) -> float:
        return self.same / self.labelled if self.labelled else 1.0


@dataclass
class Evaluation:
    overall: Score = field(default_factory=Score)
    by_category: dict[str, CategoryScore] = field(
        default_factory=lambda: {c: CategoryScore() for c in PASSAGE_CATEGORIES})
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
            if dubious and category in labelled:
                score.labelled += 1
                score.flagged += bool(predicted)
                score.same += category in predicted
            if category in predicted:
                score.reported += 1
                score.reported_dubious += dubious
    return ev


def render(ev: Evaluation, verbose: bool = False) -> str:
    lines = [f"{'category':<22} {'precision':>9} {'recall':>7} {'as C':>6} {'labelled':>9} {'missed':>7} "
             f"{'false':>6}"]
    for category, s in ev.by_category.items():
        lines.append(f"{category:<22} {s.precision:>9.3f} {s.recall:>7.3f} {s.same_category:>6.3f} {s.labelled:>9} "
                     f"{s.labelled - s.flagged:>7} {s.reported - s.reported_dubious:>6}")
    o = ev.overall
    lines.append(f"{'overall (passages)':<22} {o.precision:>9.3f} {o.recall:>7.3f} {'':>6} {o.tp + o.fn:>9} "
                 f"{o.fn:>7} {o.fp:>6}")
    lines.append(f"{ev.passages} passages. Recall per category: labelled passages flagged by any rule; "
                 "'as C': by a rule of that category; 'false': accurate passages flagged.")
    if verbose:
        lines += ["", "False alarms on accurate passages:"] + [f"  {i} [{c}] {t.strip()}" for i, c, t in ev.false_alarms]
        lines += ["", "Dubious passages not flagged:"] + [f"  {i} {t.strip()}" for i, t in ev.misses]
    return "\n".join(lines) + "\n"
