"""Helpers for rule families written in Python: the same metadata a YAML claim carries."""
from __future__ import annotations

import datetime as _dt

from collections.abc import Iterator, Sequence

import regex

from ..document import Document, Span
from ..finding import Applicability, Category, Reference, Severity
from .base import CONTEXT_NONE, ContextPolicy, Examples, Hit, Origin, Rule, RuleInfo
from .pattern import relax_for_re2

REVIEWED = _dt.date(2026, 11, 21)
REVIEW_BY = _dt.date(2027, 11, 21)

# Plain-language and web-evaluation guidance used by the content-quality and missing-element families.
MEDLINEPLUS_EVALUATING = Reference(
    "MedlinePlus: Evaluating Internet Health Information: A Tutorial", "https://medlineplus.gov/webeval/webeval.html")
NIA_ONLINE_INFO = Reference(
    "National Institute on Aging: Online Health Information: Is It Reliable?",
    "https://www.nia.nih.gov/health/healthy-aging/online-health-information-it-reliable")
NIH_CLEAR_SIMPLE = Reference(
    "NIH: Clear & Simple",
    "https://www.nih.gov/institutes-nih/nih-office-director/office-communications-public-liaison/clear-communication/clear-simple")


def info(*, code: str, id: str, category: Category, severity: Severity, statement: str, verdict: str, message: str,
         explanation: str, correction: str, references: tuple[Reference, ...], flag: tuple[str, ...],
         allow: tuple[str, ...], module: str, context: ContextPolicy = CONTEXT_NONE,
         fix: Applicability | None = None, generic: bool = False) -> RuleInfo:
    return RuleInfo(
        code=code, id=id, category=category, severity=severity, statement=statement, verdict=verdict,
        message=message, explanation=" ".join(explanation.split()), correction=" ".join(correction.split()),
        references=references, examples=Examples(flag, allow), origin=Origin(module), kind="family",
        reviewed=REVIEWED, review_by=REVIEW_BY, context=context, fix_applicability=fix, generic=generic,
    )


_NO_RE2 = regex.VERBOSE | regex.REVERSE | regex.FULLCASE | regex.V1 | regex.POSIX | regex.BESTMATCH \
    | regex.ENHANCEMATCH | regex.WORD | regex.LOCALE


class PatternFamily(Rule):
    """A family that finds ``pattern`` in the prose and keeps the matches its ``keep`` hook accepts.

    Its prefilter comes from the pattern itself (a relaxed RE2 copy), so the family runs only on documents that
    can match; a subclass that overrides ``check`` gets no automatic prefilter.
    """

    pattern: regex.Pattern[str]

    def prefilter(self) -> list[list[str]] | None:
        if type(self).check is not PatternFamily.check:
            return None
        pattern = getattr(self, "pattern", None)
        if not isinstance(pattern, regex.Pattern) or pattern.flags & _NO_RE2 or not isinstance(pattern.pattern, str):
            return None
        relaxed = relax_for_re2(pattern.pattern)
        if relaxed is None:
            return None
        return [[("(?s)" if pattern.flags & regex.DOTALL else "") + relaxed]]

    def check(self, doc: Document, regions: Sequence[Span] | None = None) -> Iterator[Hit]:
        for m in self.pattern.finditer(doc.prose):
            span = Span(m.start(), m.end())
            if self.keep(doc, m, doc.sentence_at(span.start)):
                yield Hit(span)

    def keep(self, doc: Document, match: regex.Match[str], sentence: Span) -> bool:
        return True
