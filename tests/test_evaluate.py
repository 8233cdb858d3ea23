"""`healthlint eval`: precision and recall computed on a labelled set."""
from __future__ import annotations

from pathlib import Path

import yaml

from lint import load_rules
from lint.engine import Engine
from lint.evaluate import evaluate, load_set

ROOT = Path(__file__).resolve().parent.parent


def test_metrics_on_a_small_labelled_set(tmp_path):
    entries = [
        {"id": "d1", "label": "dubious", "categories": ["content-quality"], "text": "Stretch the the calf."},
        {"id": "d2", "label": "dubious", "categories": ["factual-error"], "text": "The moon is made of cheese."},
        {"id": "a1", "label": "accurate", "categories": [], "text": "Stretch the calf gently."},
        {"id": "a2", "label": "accurate", "categories": [], "text": "Home > Health > Sleep > Cramps"},
    ]
    (tmp_path / "set.yaml").write_text(yaml.safe_dump(entries), encoding="utf-8")
    ev = evaluate(load_set(tmp_path), Engine(load_rules()))
    assert (ev.overall.tp, ev.overall.fn, ev.overall.fp) == (1, 1, 1)
    assert ev.overall.precision == 0.5 and ev.overall.recall == 0.5
    cq = ev.by_category["content-quality"]
    assert (cq.tp, cq.fp, cq.fn) == (1, 1, 0)
    assert ev.by_category["factual-error"].fn == 1
    assert [m[0] for m in ev.misses] == ["d2"] and [f[0] for f in ev.false_alarms] == ["a2"]


def test_eval_command_on_the_bundled_set(run_cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = run_cli("eval")
    assert result.code == 0
    assert "overall (passages)" in result.out
    assert result.out.strip().endswith("passages.")
    bad = run_cli("eval", "no-such-folder")
    assert bad.code == 2 and "no evaluation files" in bad.err


def test_evaluation_set_is_large_and_labelled():
    entries = load_set(ROOT / "bench" / "eval")
    dubious = [e for e in entries if e["label"] == "dubious"]
    accurate = [e for e in entries if e["label"] == "accurate"]
    assert len(dubious) >= 250 and len(accurate) >= 250
    assert all(e.get("categories") for e in dubious) and not any(e.get("categories") for e in accurate)
    assert len({e["id"] for e in entries}) == len(entries)
