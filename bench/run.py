#!/usr/bin/env python3
"""healthlint benchmark: end-to-end throughput, peak memory, single-file latency, and rule scaling.

    python bench/run.py                 # ~10 MB corpus, the default
    python bench/run.py --mb 2 --repeat 1

It generates a synthetic Markdown corpus (deterministic), runs the installed ``healthlint`` command on it as
a user would, and prints a table. "Ten times the rules" adds a generated claims pack (``--claims``) with nine
synthetic rules per real one; they reuse the real rules' vocabulary so the prefilter has real work to do.
This is a benchmark, not a test: it asserts nothing, it reports.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ACCURATE = [
    "Leg cramps at night are common, especially in older adults and during pregnancy.",
    "Stretching the calf muscle by pulling the toes toward the shin usually eases a cramp within minutes.",
    "Most hypnic jerks are harmless and need no treatment.",
    "Restless legs syndrome causes an urge to move the legs, usually in the evening while resting.",
    "Iron deficiency can make restless legs worse, so doctors often check ferritin levels.",
    "Potassium and magnesium are minerals that the body needs in small amounts.",
    "Adults generally need seven or more hours of sleep a night.",
    "Caffeine late in the day can make it harder to fall asleep.",
    "Keep the bedroom dark, quiet and cool, and keep a regular wake-up time.",
    "Talk to a doctor before starting a supplement if you take other medicines.",
    "Dehydration can contribute to muscle cramps during exercise in the heat.",
    "A sleep study records brain waves, breathing and leg movements overnight.",
    "Some medicines, such as diuretics, can make cramps more likely.",
    "If twitching spreads, comes with weakness or happens during the day, see a doctor.",
    "Gentle exercise such as walking or yoga can improve sleep quality for many people.",
    "Alcohol may help you fall asleep faster, but it disrupts sleep later in the night.",
]
MARKUP = [
    "See [the NHS page](https://www.nhs.uk/conditions/leg-cramps/) for more.",
    "Use `--strict` only in **code** examples.",
    "<!-- editor note: check the figures -->",
    "*Updated* after review by the **editorial team**.",
]


def generate_corpus(folder: Path, megabytes: float, seed: int = 7) -> tuple[int, int]:
    """Write Markdown articles totalling about ``megabytes``; 3 % of sentences are dubious ones."""
    from lint import load_rules

    rng = random.Random(seed)
    dubious = [e for r in load_rules() for e in r.info.examples.flag if "\n" not in e and len(e) < 200]
    target = int(megabytes * 1_000_000)
    total = files = 0
    while total < target:
        parts = [f"# Article {files}: sleep, cramps and twitching\n"]
        for section in range(rng.randint(3, 6)):
            parts.append(f"## Section {section + 1}\n")
            for _ in range(rng.randint(2, 4)):
                sentences = [rng.choice(dubious) if rng.random() < 0.03 else rng.choice(ACCURATE)
                             for _ in range(rng.randint(3, 6))]
                if rng.random() < 0.3:
                    sentences.append(rng.choice(MARKUP))
                parts.append(" ".join(sentences) + "\n")
            if rng.random() < 0.5:
                parts.append("\n".join(f"- {rng.choice(ACCURATE)}" for _ in range(3)) + "\n")
            if rng.random() < 0.2:
                parts.append("```\ncode block: potassium is a vitamin\n```\n")
        text = "\n".join(parts)
        (folder / f"article-{files:05d}.md").write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
        files += 1
    return files, total


def synthetic_pack(folder: Path, factor: int) -> int:
    """A claims pack with (factor - 1) synthetic rules per real claim, on free codes of every category."""
    import yaml

    from lint import load_rules
    from lint.finding import CATEGORY_PREFIX, Category

    rules = load_rules()
    used = {r.info.code for r in rules}
    free = [f"{CATEGORY_PREFIX[c]}{n:03d}" for c in Category if c is not Category.LINTER
            for n in range(999, -1, -1) if f"{CATEGORY_PREFIX[c]}{n:03d}" not in used]  # top of each range first
    claim_rules = [r for r in rules if r.info.kind in ("phrase", "cooccur") and r.info.patterns]
    wanted = (factor - 1) * len(rules)
    code_of = {CATEGORY_PREFIX[c]: c.value for c in Category}
    out = []
    for i in range(min(wanted, len(free))):
        base = claim_rules[i % len(claim_rules)]
        code = free[i]
        nonce = f"zq{i:04d}x"
        patterns = list(base.info.patterns)[:3]
        if i % 2:
            # (?:...) keeps a top-level alternation of the base pattern from dropping the nonce requirement
            match = {"kind": "phrase", "patterns": ["(?:" + p + r")[^.!?]{0,30}\b" + nonce for p in patterns]}
        else:
            match = {"kind": "cooccur", "all": [patterns, [r"\b" + nonce + r"\w*"]]}
        out.append({
            "code": code, "id": f"synthetic-{i}", "category": code_of[code[:3]], "severity": "info",
            "statement": "Synthetic benchmark rule.", "verdict": "unsupported",
            "explanation": "Generated for the benchmark.", "correction": "None.",
            "evidence": {"references": [{"title": "Benchmark", "url": "https://example.org/bench"}],
                         "reviewed": "2026-11-21", "review_by": "2027-11-21"},
            "match": match, "context": "default",
            "examples": {"flag": [nonce + " a", nonce + " b", nonce + " c"], "allow": ["x", "y"]},
        })
    doc = {"schema_version": 1, "topic": "synthetic", "title": "Synthetic benchmark rules", "claims": out}
    text = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True).replace("'2026-11-21'", "2026-11-21").replace(
        "'2027-11-21'", "2027-11-21")
    (folder / "synthetic.yaml").write_text(text, encoding="utf-8")
    return len(out)


def healthlint_cmd() -> list[str]:
    exe = shutil.which("healthlint")
    return [exe] if exe else [sys.executable, "-m", "lint"]


_MEASURE = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter(); r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
    "dt = time.perf_counter() - t\n"
    "print(dt, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)\n"
)


def measure(cmd: list[str]) -> tuple[float, float, int]:
    """Wall seconds, peak RSS in MB and exit status of one run, measured in a fresh process.

    Bytecode is written and read as in a normal installation (pip compiles it at install time), even where the
    environment sets PYTHONDONTWRITEBYTECODE, so the figure is not inflated by recompiling every module."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    out = subprocess.run([sys.executable, "-c", _MEASURE, *cmd], capture_output=True, text=True, check=True,
                         cwd=ROOT, env=env).stdout.split()
    return float(out[0]), int(out[1]) / 1024, int(out[2])


def best_of(cmd: list[str], repeat: int) -> tuple[float, float]:
    runs = [measure(cmd) for _ in range(repeat)]
    for _, _, status in runs:
        if status not in (0, 1):
            raise SystemExit(f"benchmark run failed with exit status {status}: {' '.join(cmd)}")
    return min(r[0] for r in runs), max(r[1] for r in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="corpus size in MB (default 10)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best is kept")
    parser.add_argument("--factor", type=int, default=10, help="rule multiplier for the scaling run")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args()

    base = healthlint_cmd()
    work = Path(tempfile.mkdtemp(prefix="healthlint-bench-"))
    try:
        corpus = work / "corpus"
        corpus.mkdir()
        files, size = generate_corpus(corpus, args.mb)
        small = work / "small.md"
        small.write_text((ROOT / "articles" / "clean-night-cramps.md").read_text(encoding="utf-8")
                         if (ROOT / "articles" / "clean-night-cramps.md").exists() else ACCURATE[0] + "\n",
                         encoding="utf-8")
        pack = work / "pack"
        pack.mkdir()
        extra = synthetic_pack(pack, args.factor)
        from lint import load_rules

        n_rules = len(load_rules())
        check = [*base, "check", "--format", "json", "--output", os.devnull, "--exit-zero"]

        t_full, mem_full = best_of([*check, str(corpus)], args.repeat)
        t_small, _ = best_of([*check, str(small)], max(args.repeat, 5))
        t_many, mem_many = best_of([*check, "--claims", str(pack), str(corpus)], args.repeat)
        t_small_many, _ = best_of([*check, "--claims", str(pack), str(small)], max(args.repeat, 5))
        figures = {
            "corpus_files": files, "corpus_mb": round(size / 1e6, 2), "rules": n_rules,
            "throughput_mb_s": round(size / 1e6 / t_full, 2), "seconds": round(t_full, 2),
            "peak_rss_mb": round(mem_full, 1), "small_file_seconds": round(t_small, 3),
            "rules_scaled": n_rules + extra, "seconds_scaled": round(t_many, 2),
            "scaled_time_ratio": round(t_many / t_full, 2), "peak_rss_scaled_mb": round(mem_many, 1),
            "small_file_seconds_scaled": round(t_small_many, 3),
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)

    rows = [
        ("corpus", f"{files} Markdown files, {size / 1e6:.2f} MB"),
        ("rules", f"{n_rules}"),
        ("end-to-end throughput", f"{figures['throughput_mb_s']} MB/s ({t_full:.2f} s)   target >= 10 MB/s"),
        ("peak memory", f"{mem_full:.0f} MB"),
        ("one small file (pre-commit case)", f"{t_small:.3f} s   target < 0.3 s"),
        (f"x{args.factor} rules ({n_rules + extra})", f"{t_many:.2f} s = {t_many / t_full:.2f} x the time   target <= 1.5 x"),
        (f"x{args.factor} rules, one small file", f"{t_small_many:.3f} s"),
        (f"x{args.factor} rules, peak memory", f"{mem_many:.0f} MB"),
    ]
    width = max(len(r[0]) for r in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
