"""`healthlint eval`: precision and recall computed on a labelled set."""
from __future__ import annotations

from pathlib import Path

import yaml

from lint import load_rules
from lint.engine import Engine
from lint.evaluate import PASSAGE_CATEGORIES, evaluate, load_set

ROOT = Path(__file__).resolve().parent.parent


def test_metrics_on_a_small_labelled_set(tmp_path):
    entries = [
        {"id": "d1", "label": "dubious", "categories": ["content-quality"], "text": "Stretch the the calf."},
        {"id": "d2", "label": "dubious", "categories": ["factual-error"], "text": "The moon is made of cheese."},
        {"id": "d3", "label": "dubious", "categories": ["factual-error", "dangerous-advice"],
         "text": "Potassium is a vitamin, so take it with every meal."},
        {"id": "a1", "label": "accurate", "categories": [], "text": "Stretch the calf gently."},
        {"id": "a2", "label": "accurate", "categories": [], "text": "Home > Health > Sleep > Cramps"},
    ]
    (tmp_path / "set.yaml").write_text(yaml.safe_dump(entries), encoding="utf-8")
    ev = evaluate(load_set(tmp_path), Engine(load_rules()))
    assert (ev.overall.tp, ev.overall.fn, ev.overall.fp) == (2, 1, 1)
    assert ev.overall.precision == 2 / 3 and ev.overall.recall == 2 / 3
    cq = ev.by_category["content-quality"]  # d1 flagged; the breadcrumb a2 is a false alarm of the category
    assert (cq.labelled, cq.flagged, cq.same, cq.reported, cq.reported_dubious) == (1, 1, 1, 2, 1)
    assert cq.precision == 0.5 and cq.recall == 1.0
    factual = ev.by_category["factual-error"]  # d2 missed; d3 flagged by the potassium rule (a factual error)
    assert (factual.labelled, factual.flagged, factual.same, factual.reported) == (2, 1, 1, 1)
    assert factual.recall == 0.5 and factual.precision == 1.0
    advice = ev.by_category["dangerous-advice"]  # d3 is flagged, but under its other label
    assert (advice.labelled, advice.flagged, advice.same, advice.reported) == (1, 1, 0, 0)
    assert advice.recall == 1.0 and advice.same_category == 0.0
    assert [m[0] for m in ev.misses] == ["d2"] and [f[0] for f in ev.false_alarms] == ["a2"]


def test_eval_command_on_the_bundled_set(run_cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = run_cli("eval")
    assert result.code == 0
    assert "overall (passages)" in result.out
    total = len(load_set(ROOT / "bench" / "eval"))
    assert f"\n{total} passages. Recall per category" in result.out
    rows = {line[:22].strip(): line[22:].split() for line in result.out.splitlines()[1:9]}
    assert set(rows) == {*PASSAGE_CATEGORIES, "overall (passages)"}
    # The targets of the evaluation (issue 3): precision >= 0.97 and recall >= 0.90, overall and per category.
    for name, cells in rows.items():
        precision, recall = float(cells[0]), float(cells[1])
        assert precision >= 0.97 and recall >= 0.90, (name, cells)
    bad = run_cli("eval", "no-such-folder")
    assert bad.code == 2 and "no evaluation files" in bad.err


def test_evaluation_set_is_large_and_labelled():
    entries = load_set(ROOT / "bench" / "eval")
    dubious = [e for e in entries if e["label"] == "dubious"]
    accurate = [e for e in entries if e["label"] == "accurate"]
    assert len(dubious) >= 250 and len(accurate) >= 250
    assert all(e.get("categories") for e in dubious) and not any(e.get("categories") for e in accurate)
    assert len({e["id"] for e in entries}) == len(entries)
