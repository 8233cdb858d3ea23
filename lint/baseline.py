"""Baselines for adopting healthlint on an existing site: record today's findings, report only new ones.

A finding is known when the baseline holds its fingerprint (code, path and the normalised sentence, see
``lint.report.fingerprint``), so inserting lines above it does not make it new. The file is JSON, sorted, one
entry per finding, so it diffs well in review.
"""
from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from .errors import UsageError
from .finding import Finding
from .report.fingerprint import fingerprint

BASELINE_VERSION = 1


def entries(findings: Iterable[Finding], sources: dict[str, str]) -> list[dict]:
    rows = [{"fingerprint": fingerprint(f, sources.get(f.path)), "path": f.path, "code": f.code,
             "line": f.start.line, "text": f.text} for f in findings]
    return sorted(rows, key=lambda r: (r["path"], r["line"], r["code"], r["fingerprint"]))


def write(path: str, findings: Sequence[Finding], sources: dict[str, str]) -> int:
    """Write the baseline atomically; returns how many findings it records."""
    rows = entries(findings, sources)
    data = json.dumps({"healthlint_baseline": BASELINE_VERSION, "findings": rows}, indent=2, ensure_ascii=False)
    target = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent if str(target.parent) else ".", prefix=f".{target.name}.")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(data + "\n")
        os.replace(tmp, target)
    except OSError as exc:
        raise UsageError(f"{path}: cannot write baseline: {exc.strerror or exc}") from None
    return len(rows)


def read(path: str) -> Counter[str]:
    """The fingerprints in a baseline file, with how many times each occurs."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
    except json.JSONDecodeError as exc:
        raise UsageError(f"{path}:{exc.lineno}: baseline is not valid JSON: {exc.msg}") from None
    if not isinstance(data, dict) or data.get("healthlint_baseline") != BASELINE_VERSION \
            or not isinstance(data.get("findings"), list):
        raise UsageError(f"{path}: not a healthlint baseline (write one with --write-baseline)")
    counts: Counter[str] = Counter()
    for row in data["findings"]:
        if not isinstance(row, dict) or not isinstance(row.get("fingerprint"), str):
            raise UsageError(f"{path}: baseline entry without a fingerprint: {row!r}")
        counts[row["fingerprint"]] += 1
    return counts


def new_findings(findings: Sequence[Finding], sources: dict[str, str], known: Counter[str]) -> list[Finding]:
    """The findings the baseline does not account for (each baseline entry accounts for one finding)."""
    left = Counter(known)
    out = []
    for f in findings:
        fp = fingerprint(f, sources.get(f.path))
        if left[fp] > 0:
            left[fp] -= 1
        else:
            out.append(f)
    return out
