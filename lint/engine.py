"""Run the rules over a Document: prefilter, exact matching, the shared context check, findings."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import regex

from .context import cleared_by
from .document import Document
from .finding import Fix, Finding
from .prefilter import Prefilter
from .rules.base import Hit, Rule


@dataclass(frozen=True, slots=True)
class RuleError:
    """A rule that failed on a document (for example a pattern that timed out); the run goes on."""

    path: str
    code: str
    message: str


@dataclass
class FileResult:
    findings: list[Finding]
    cleared: list[tuple[Finding, str]] = field(default_factory=list)
    rule_errors: list[RuleError] = field(default_factory=list)


class Engine:
    """Holds the compiled rules and their prefilter; build it once per run."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = list(rules)
        self.prefilter = Prefilter(self.rules)
        self._generic = frozenset(r.info.code for r in self.rules if r.info.generic)

    def finding(self, doc: Document, rule: Rule, hit: Hit) -> Finding:
        info = rule.info
        span = hit.span
        fix = None
        if hit.replacement is not None and info.fix_applicability is not None:
            fix = Fix(span, hit.replacement, info.fix_applicability)
        return Finding(
            path=doc.path,
            code=info.code,
            id=info.id,
            category=info.category,
            severity=info.severity,
            message=hit.message or info.message,
            span=span,
            start=doc.lines.position(span.start),
            end=doc.lines.position(span.end),
            text=doc.source[span.start:span.end],
            sentence=doc.sentence_at(span.start),
            correction=info.correction,
            references=info.references,
            fix=fix,
        )

    def run(self, doc: Document, keep_cleared: bool = False) -> FileResult:
        result = FileResult([])
        for rule, regions in self.prefilter.candidate_regions(doc):
            try:
                hits = list(rule.check(doc, regions))
            except TimeoutError:
                result.rule_errors.append(RuleError(doc.path, rule.info.code, "pattern timed out (catastrophic backtracking?)"))
                continue
            except regex.error as exc:  # pragma: no cover - patterns are validated at load
                result.rule_errors.append(RuleError(doc.path, rule.info.code, str(exc)))
                continue
            reported: set[int] = set()  # one finding per rule and sentence, chosen after the context check
            for hit in sorted(hits, key=lambda h: (h.span.start, h.span.end)):
                reason = cleared_by(doc, hit.span, rule.info.context) if hit.context else None
                if reason is None:
                    si = doc.sentence_index(hit.span.start)
                    if si is not None and hit.context:
                        if si in reported:
                            continue
                        reported.add(si)
                    result.findings.append(self.finding(doc, rule, hit))
                elif keep_cleared:
                    result.cleared.append((self.finding(doc, rule, hit), reason))
        result.findings = dedupe(yield_to_specific(doc, result.findings, self._generic))
        return result


def yield_to_specific(doc: Document, findings: list[Finding], generic: frozenset[str]) -> list[Finding]:
    """Drop a generic rule's finding when a specific rule reported the same sentence."""
    if not generic or not findings:
        return findings
    specific = {doc.sentence_index(f.span.start) for f in findings if f.code not in generic
                and not f.code.startswith("DOC")}
    return [f for f in findings if f.code not in generic or doc.sentence_index(f.span.start) not in specific]


def dedupe(findings: Iterable[Finding]) -> list[Finding]:
    """Drop repeated (code, span) findings and sort by position."""
    seen: set[tuple[str, int, int]] = set()
    out = []
    for f in sorted(findings, key=lambda f: f.sort_key):
        key = (f.code, f.span.start, f.span.end)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out

