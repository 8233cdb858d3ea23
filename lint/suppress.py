"""Inline suppressions that can be audited: ``healthlint: disable|enable|ignore-next CODE[,CODE] reason="..."``.

In Markdown and HTML a directive is an HTML comment; in plain text it is a line of its own starting with
``healthlint:``. A directive must name codes (or rule ids): there is no blanket disable. Directives that
suppress nothing, name unknown rules, lack a required reason, or cannot be read become LNT findings, so a
suppression never silently outlives the problem it hid.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from .document import Document, Span
from .finding import Category, Finding, Severity
from .result import Suppressed
from .rules.base import CONTEXT_NONE, Examples, Origin, RuleInfo

_DIRECTIVE = re.compile(r"\bhealthlint\s*:\s*(?P<body>.*?)\s*(?:-->)?\s*\Z", re.DOTALL)
_BODY = re.compile(
    r"""(?P<action>disable|enable|ignore-next)\b
        (?:\s+(?P<codes>[A-Za-z][\w-]*(?:\s*,\s*[A-Za-z][\w-]*)*))?
        (?:\s+reason\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'))?
        \s*\Z""",
    re.VERBOSE | re.DOTALL,
)


def _lnt(code: str, id_: str, severity: Severity, statement: str, explanation: str, correction: str) -> RuleInfo:
    return RuleInfo(code=code, id=id_, category=Category.LINTER, severity=severity, statement=statement,
                    verdict="linter", message=statement, explanation=explanation, correction=correction,
                    references=(), examples=Examples((), ()), origin=Origin("lint/suppress.py"), kind="linter",
                    context=CONTEXT_NONE)


UNUSED = _lnt("LNT001", "unused-suppression", Severity.WARNING,
              "A healthlint suppression suppresses nothing.",
              "The directive names a rule that reports nothing where the directive applies, so it is stale: the "
              "text it protected was probably edited. A stale suppression would silently hide a future problem.",
              "Remove the directive, or move it next to the statement it is meant to cover.")
INVALID = _lnt("LNT002", "invalid-suppression", Severity.ERROR,
               "A healthlint directive cannot be read or names an unknown rule.",
               "Directives need an action (disable, enable, ignore-next) and at least one rule code or id; a blanket "
               "disable is not allowed, so that every suppression says what it hides.",
               'Write for example <!-- healthlint: ignore-next FAC250 reason="quoted from the 1990 leaflet" -->.')
NO_REASON = _lnt("LNT003", "suppression-without-reason", Severity.WARNING,
                 "A healthlint suppression has no reason, and the configuration requires one.",
                 "The project's configuration sets require-suppression-reason, so that reviewers can audit why a "
                 "medical statement was allowed to stand.",
                 'Add reason="..." to the directive.')
LINTER_RULES: tuple[RuleInfo, ...] = (UNUSED, INVALID, NO_REASON)


@dataclass(frozen=True, slots=True)
class Directive:
    action: str  # disable | enable | ignore-next
    codes: tuple[str, ...]
    reason: str
    span: Span  # the comment or line that holds the directive


@dataclass(frozen=True, slots=True)
class Scope:
    """Where one code of one directive applies: [start, end) in the document."""

    directive: Directive
    code: str
    start: int
    end: int


@dataclass
class Outcome:
    kept: list[Finding]
    suppressed: list[Suppressed] = field(default_factory=list)
    problems: list[Finding] = field(default_factory=list)  # LNT findings


def _directive_texts(doc: Document) -> Iterable[tuple[str, Span]]:
    for comment in doc.comments:
        text = comment.text
        text = text.removeprefix("<!--")
        if re.match(r"\s*healthlint\s*:", text):
            yield text, comment.span


def parse_directives(doc: Document) -> tuple[list[Directive], list[tuple[Span, str]]]:
    """Directives in document order, and (span, message) for each unreadable one."""
    directives: list[Directive] = []
    bad: list[tuple[Span, str]] = []
    for text, span in _directive_texts(doc):
        m = _DIRECTIVE.search(text)
        body = m.group("body") if m else ""
        b = _BODY.match(body)
        if not b:
            bad.append((span, f"cannot read the directive {body!r}: expected disable, enable or ignore-next, "
                              "then rule codes, then an optional reason=\"...\""))
            continue
        if not b.group("codes"):
            bad.append((span, f"'{b.group('action')}' needs at least one rule code: a blanket disable is not allowed"))
            continue
        codes = tuple(c.strip() for c in b.group("codes").split(","))
        reason = (b.group("dq") if b.group("dq") is not None else b.group("sq") or "").strip()
        directives.append(Directive(b.group("action"), codes, reason, span))
    return directives, bad


def _next_block_span(doc: Document, offset: int) -> Span | None:
    """The first block (paragraph, list item...) starting at or after ``offset``; blank lines do not matter."""
    starts = [b.span.start for b in doc.blocks]
    i = bisect.bisect_left(starts, offset)
    return doc.blocks[i].span if i < len(doc.blocks) else None


def scopes(doc: Document, directives: Sequence[Directive], canonical: Mapping[str, str]) -> list[Scope]:
    """Resolve directives to ranges; ``canonical`` maps codes and ids to codes."""
    out: list[Scope] = []
    open_: dict[str, Directive] = {}
    for d in directives:
        for name in d.codes:
            code = canonical.get(name) or canonical.get(name.upper())
            if code is None:
                continue
            if d.action == "ignore-next":
                block = _next_block_span(doc, d.span.end)
                if block is not None:
                    out.append(Scope(d, code, block.start, block.end))
                else:
                    out.append(Scope(d, code, d.span.end, d.span.end))
            elif d.action == "disable":
                if code not in open_:
                    open_[code] = d
            elif code in open_:  # enable
                start = open_.pop(code)
                out.append(Scope(start, code, start.span.end, d.span.start))
    for code, d in open_.items():
        out.append(Scope(d, code, d.span.end, len(doc.source)))
    return out


def apply(doc: Document, findings: Sequence[Finding], known: Mapping[str, str], active: frozenset[str],
          require_reason: bool = False) -> Outcome:
    """Split ``findings`` into kept and suppressed, and report problems with the directives themselves.

    ``known`` maps every rule code and id in the database to its code; ``active`` holds the codes that ran.
    """
    directives, bad = parse_directives(doc)
    if not directives and not bad:
        return Outcome(list(findings))
    outcome = Outcome([])
    problem = _ProblemMaker(doc)
    for span, message in bad:
        outcome.problems.append(problem(INVALID, span, message))
    for d in directives:
        unknown = [c for c in d.codes if c not in known and c.upper() not in known]
        if unknown:
            outcome.problems.append(problem(INVALID, d.span, f"unknown rule {', '.join(unknown)} in a healthlint directive"))
        if require_reason and d.action != "enable" and not d.reason:
            outcome.problems.append(problem(NO_REASON, d.span))
    resolved = scopes(doc, directives, known)
    used: set[tuple[int, str]] = set()
    for f in findings:
        scope = next((s for s in resolved if s.code == f.code and s.start <= f.span.start < s.end
                      and f.code not in LINTER_CODES), None)
        if scope is None:
            outcome.kept.append(f)
            continue
        used.add((scope.directive.span.start, scope.code))
        outcome.suppressed.append(Suppressed(f, scope.directive.reason, doc.lines.position(scope.directive.span.start).line))
    for s in resolved:
        if (s.directive.span.start, s.code) not in used and s.code in active:
            outcome.problems.append(problem(UNUSED, s.directive.span, f"the suppression of {s.code} suppresses nothing"))
    return outcome


LINTER_CODES = frozenset(r.code for r in LINTER_RULES)


class _ProblemMaker:
    def __init__(self, doc: Document) -> None:
        self.doc = doc

    def __call__(self, info: RuleInfo, span: Span, message: str | None = None) -> Finding:
        doc = self.doc
        return Finding(path=doc.path, code=info.code, id=info.id, category=info.category, severity=info.severity,
                       message=message or info.message, span=span, start=doc.lines.position(span.start),
                       end=doc.lines.position(span.end), text=doc.source[span.start:span.end], sentence=span,
                       correction=info.correction, references=())
