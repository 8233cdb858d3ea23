"""The ``explain`` page of a rule: what, why, the correct fact, references and examples (ruff-style)."""
from __future__ import annotations

import textwrap

from .rules.base import RuleInfo


def render(info: RuleInfo) -> str:
    def wrap(text: str, indent: str = "  ") -> str:
        return textwrap.fill(text, width=96, initial_indent=indent, subsequent_indent=indent)

    lines = [
        f"{info.code} {info.id}",
        f"  category: {info.category.value}   severity: {info.severity.value}   kind: {info.kind}   verdict: {info.verdict}",
        f"  defined in: {info.origin}",
    ]
    if info.reviewed:
        lines.append(f"  reviewed: {info.reviewed}   review by: {info.review_by}")
    lines += ["", "Statement:", wrap(info.statement), "", "Why it is wrong or risky:", wrap(info.explanation),
              "", "Correct fact:", wrap(info.correction), "", "References:"]
    lines += [f"  - {r.title}\n    {r.url}" for r in info.references]
    if info.fix_applicability is not None:
        lines += ["", f"Fix: available ({info.fix_applicability.value})"]
    lines += ["", "Flagged, for example:"]
    lines += [wrap(" ".join(e.split()), "  - ") for e in info.examples.flag]
    lines += ["", "Not flagged (near-misses):"]
    lines += [wrap(" ".join(e.split()), "  - ") for e in info.examples.allow]
    return "\n".join(lines) + "\n"
