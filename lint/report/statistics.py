"""``--statistics``: how many findings each rule produced, like ``ruff --statistics``.

One line per rule, most frequent first (ties by code): the count, the code, the rule id, a ``[*]`` when the
rule's findings carry a safe fix, and the rule's message.
"""
from __future__ import annotations

from collections import Counter

from ..finding import Applicability
from ..result import RunResult


def statistics(result: RunResult) -> list[tuple[int, str, str, bool, str]]:
    """(count, code, id, fixable, message) per rule, most frequent first."""
    counts = Counter(f.code for f in result.findings)
    first = {}
    fixable: set[str] = set()
    for f in result.findings:
        first.setdefault(f.code, f)
        if f.fix is not None and f.fix.applicability is Applicability.SAFE:
            fixable.add(f.code)
    rows = []
    for code, count in counts.items():
        info = result.rules.get(code)
        f = first[code]
        message = (info.message if info is not None and info.message else f.message)
        rows.append((count, code, f.id, code in fixable, message))
    rows.sort(key=lambda r: (-r[0], r[1]))
    return rows


def render_statistics(result: RunResult) -> str:
    """The statistics table as text (empty when there are no findings)."""
    rows = statistics(result)
    if not rows:
        return ""
    count_width = max(len(str(r[0])) for r in rows)
    code_width = max(len(r[1]) for r in rows)
    id_width = max(len(r[2]) for r in rows)
    any_fix = any(r[3] for r in rows)
    lines = []
    for count, code, rule_id, fix, message in rows:
        marker = ("[*] " if fix else "    ") if any_fix else ""
        lines.append(f"{count:>{count_width}}\t{code:<{code_width}}\t{marker}{rule_id:<{id_width}}\t{' '.join(message.split())}")
    return "\n".join(lines) + "\n"
