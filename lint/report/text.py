"""The terminal report (rich): findings grouped by file with the sentence, correction and first reference."""
from __future__ import annotations

import io
from itertools import groupby

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..finding import Finding, Severity
from ..result import RunResult
from .base import Reporter

SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
CONTEXT_CHARS = 90  # characters of the sentence shown on each side of the match


def _excerpt(source: str, f: Finding) -> Text:
    """The sentence holding the finding, on one line, with the matched text highlighted."""
    s_start = min(f.sentence.start, f.span.start)
    s_end = max(f.sentence.end, f.span.end)
    before = source[max(s_start, f.span.start - CONTEXT_CHARS):f.span.start]
    match = source[f.span.start:f.span.end]
    after = source[f.span.end:min(s_end, f.span.end + CONTEXT_CHARS)]
    lead = "…" if f.span.start - CONTEXT_CHARS > s_start else ""
    tail = "…" if f.span.end + CONTEXT_CHARS < s_end else ""

    def flat(s: str) -> str:
        return " ".join(s.split()) if s.strip() else ""

    text = Text("    │ ", style="dim")
    b = flat(before)
    text.append(lead + b + (" " if before[-1:].isspace() and b else ""))
    text.append(flat(match), style="bold reverse")
    a = flat(after)
    text.append((" " if after[:1].isspace() and a else "") + a + tail)
    return text


class TextReporter(Reporter):
    def __init__(self, color: bool = False, width: int | None = None) -> None:
        self.color = color
        self.width = width

    def render(self, result: RunResult) -> str:
        buf = io.StringIO()
        console = Console(file=buf, force_terminal=self.color, no_color=not self.color,
                          color_system="standard" if self.color else None, width=self.width or 100,
                          highlight=False, soft_wrap=True, emoji=False)
        for path, group in groupby(result.findings, key=lambda f: f.path):
            findings = list(group)
            source = result.sources.get(path, "")
            console.print(Text(path, style="bold underline"))
            for f in findings:
                head = Text()
                head.append(f"{f.path}:{f.start.line}:{f.start.column}", style="bold")
                head.append(" ")
                head.append(f.severity.value, style=SEVERITY_STYLE[f.severity])
                head.append(" ")
                head.append(f.code, style="magenta")
                head.append(f" {f.message}")
                head.append(f" [{f.id}]", style="dim")
                console.print(head)
                if source:
                    console.print(_excerpt(source, f))
                if f.fix is not None:
                    console.print(Text(f"    fix ({f.fix.applicability.value}): replace with {f.fix.replacement!r}",
                                       style="green"))
                console.print(Text("    correct: ", style="green").append(f.correction, style=""))
                if f.references:
                    ref = f.references[0]
                    console.print(Text("    source: ", style="blue").append(f"{ref.title} <{ref.url}>", style=""))
            console.print()
        for error in result.errors:
            console.print(Text("error: ", style="bold red").append(str(error)))
        if result.findings:
            console.print(self._summary(result))
        n = len(result.findings)
        status = f"{n} finding{'s' if n != 1 else ''} in {result.files} file{'s' if result.files != 1 else ''}"
        if result.errors:
            status += f", {len(result.errors)} error{'s' if len(result.errors) != 1 else ''}"
        console.print(Text(status + ".", style="bold"))
        return buf.getvalue()

    @staticmethod
    def _summary(result: RunResult) -> Table:
        severities = [s for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)]
        table = Table(title="Findings by category and severity", title_justify="left")
        table.add_column("category")
        for s in severities:
            table.add_column(s.value, justify="right", style=SEVERITY_STYLE[s])
        table.add_column("total", justify="right", style="bold")
        counts: dict[tuple[str, Severity], int] = {}
        for f in result.findings:
            counts[(f.category.value, f.severity)] = counts.get((f.category.value, f.severity), 0) + 1
        for category in sorted({f.category.value for f in result.findings}):
            row = [counts.get((category, s), 0) for s in severities]
            table.add_row(category, *(str(v) if v else "·" for v in row), str(sum(row)))
        totals = [sum(counts.get((c, s), 0) for c in {k[0] for k in counts}) for s in severities]
        table.add_row("all", *(str(v) for v in totals), str(sum(totals)), style="bold")
        return table
