"""A Markdown summary for a pull-request or merge-request comment.

Totals, a table by category and severity, then each file's findings (line, severity, code, problem, correct
fact, first reference as a link). Article text is escaped so it renders as text: Markdown punctuation is
backslash-escaped, ``<``, ``>`` and ``&`` become entities (no HTML gets through), ``|`` cannot break a table,
newlines are collapsed, and ``@`` is followed by a zero-width space so an article cannot mention people. The
comment stays short: after ``max_findings`` findings (or ``max_chars`` characters) the rest is counted, not
listed.
"""
from __future__ import annotations

from collections import Counter
from itertools import groupby
from urllib.parse import quote

from ..finding import Category, Finding, Severity
from ..result import RunResult
from .base import Reporter

MAX_FINDINGS = 50
MAX_CHARS = 60_000  # GitHub refuses comments over 65,536 characters
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
_ESCAPED = set("\\`*_[]#|~")
_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}


def md_escape(text: str, limit: int | None = None) -> str:
    """``text`` on one line, safe to put in Markdown (and in a table cell) as plain text."""
    flat = " ".join(text.split())
    if limit is not None and len(flat) > limit:
        flat = flat[:limit - 1].rstrip() + "…"
    out = []
    for ch in flat:
        if ch in _ENTITIES:
            out.append(_ENTITIES[ch])
        elif ch in _ESCAPED:
            out.append("\\" + ch)
        elif ch == "@":
            out.append("@\u200b")
        else:
            out.append(ch)
    return "".join(out)


def md_url(url: str) -> str:
    """A URL safe as a Markdown link destination (no spaces, parentheses or angle brackets)."""
    return quote(url, safe=":/?#[]@!$&'*+,;=%~-._")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _row(f: Finding) -> str:
    problem = md_escape(f.message, 200)
    if f.text.strip():
        problem += f" — “{md_escape(f.text, 80)}”"
    source = "—"
    if f.references:
        ref = f.references[0]
        source = f"[{md_escape(ref.title, 80)}]({md_url(ref.url)})"
    correct = md_escape(f.correction, 300) if f.correction else "—"
    return f"| {f.start.line} | {f.severity.value} | {f.code} | {problem} | {correct} | {source} |"


class MarkdownReporter(Reporter):
    def __init__(self, max_findings: int = MAX_FINDINGS, max_chars: int = MAX_CHARS) -> None:
        self.max_findings = max_findings
        self.max_chars = max_chars

    def render(self, result: RunResult) -> str:
        n = len(result.findings)
        lines = [f"## healthlint: {_plural(n, 'finding')} in {_plural(result.files, 'file')}", ""]
        if n:
            by_sev = result.by_severity()
            lines += [" · ".join(f"**{by_sev.get(s.value, 0)}** {s.value}" for s in SEVERITIES), ""]
            lines += self._category_table(result.findings) + [""]
        if result.suppressed:
            lines += [f"{_plural(len(result.suppressed), 'finding')} silenced by inline `healthlint:` directives.", ""]
        shown = 0
        size = sum(len(line) + 1 for line in lines)
        budget_hit = False
        for path, group in groupby(result.findings, key=lambda f: f.path):
            if shown >= self.max_findings or budget_hit:
                break
            findings = list(group)
            block = ["", f"### {md_escape(path)} ({len(findings)})", "",
                     "| line | severity | code | problem | correct fact | source |", "|--:|---|---|---|---|---|"]
            rows = 0
            for f in findings:
                row = _row(f)
                if shown >= self.max_findings or size + len(row) + sum(map(len, block)) > self.max_chars - 500:
                    budget_hit = shown < self.max_findings
                    break
                block.append(row)
                rows += 1
                shown += 1
            if rows:
                lines += block
                size += sum(len(line) + 1 for line in block)
        if shown < n:
            note = (f"… and {_plural(n - shown, 'more finding')} not shown here. Run `healthlint check` locally "
                    "(or see the SARIF or JSON report) for the full list.")
            lines += ["", note]
        if result.errors:
            lines += ["", f"**{_plural(len(result.errors), 'file')} could not be checked:**", ""]
            lines += [f"- {md_escape(str(e), 300)}" for e in result.errors[:20]]
            if len(result.errors) > 20:
                lines.append(f"- … and {len(result.errors) - 20} more")
        return "\n".join(lines).rstrip("\n") + "\n"

    @staticmethod
    def _category_table(findings: list[Finding]) -> list[str]:
        counts = Counter((f.category, f.severity) for f in findings)
        categories = [c for c in Category if any(counts[c, s] for s in SEVERITIES)]
        rows = ["| category | error | warning | info | total |", "|---|--:|--:|--:|--:|"]
        for c in categories:
            cells = [counts[c, s] for s in SEVERITIES]
            rows.append(f"| {c.value} | " + " | ".join(map(str, cells)) + f" | {sum(cells)} |")
        totals = [sum(counts[c, s] for c in categories) for s in SEVERITIES]
        rows.append("| **total** | " + " | ".join(f"**{t}**" for t in totals) + f" | **{sum(totals)}** |")
        return rows
