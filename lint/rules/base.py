"""The one extension point: a Rule has metadata and turns a Document into hits.

Claims from YAML and rule families written in Python share this interface and the same metadata, so the
engine, the context check, selection, ``explain`` and the example tests treat them alike.
"""
from __future__ import annotations

import datetime as _dt
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from ..document import Document, Span
from ..fastpickle import by_fields
from ..finding import Applicability, Category, Reference, Severity


@by_fields
@dataclass(frozen=True, slots=True)
class Origin:
    """Where a rule was defined: a YAML file and line, or a Python module."""

    path: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@by_fields
@dataclass(frozen=True, slots=True)
class ContextPolicy:
    """Which shared context checks may clear a match of this rule (see ``lint.context``)."""

    negation: bool = True
    debunk: bool = True
    quote: bool = True

    @property
    def any(self) -> bool:
        return self.negation or self.debunk or self.quote


CONTEXT_DEFAULT = ContextPolicy()
CONTEXT_NONE = ContextPolicy(False, False, False)


@by_fields
@dataclass(frozen=True, slots=True)
class Examples:
    flag: tuple[str, ...]
    allow: tuple[str, ...]
    flag_lines: tuple[int, ...] = field(default=(), compare=False)
    allow_lines: tuple[int, ...] = field(default=(), compare=False)


@by_fields
@dataclass(frozen=True, slots=True)
class RuleInfo:
    """Everything a user reads about a rule (the ``explain`` page) and every output carries."""

    code: str
    id: str
    category: Category
    severity: Severity
    statement: str
    verdict: str
    message: str
    explanation: str
    correction: str
    references: tuple[Reference, ...]
    examples: Examples
    origin: Origin
    kind: str
    reviewed: _dt.date | None = None
    review_by: _dt.date | None = None
    context: ContextPolicy = CONTEXT_DEFAULT
    fix_applicability: Applicability | None = None
    patterns: tuple[str, ...] = field(default=(), compare=False)
    # A generic rule (a family such as "miracle language") steps aside when a more specific rule reports the
    # same sentence, so one statement gets the most precise explanation once.
    generic: bool = False


@by_fields
@dataclass(frozen=True, slots=True)
class Hit:
    """A raw match before the context check: where, and optionally a fix and a more specific message."""

    span: Span
    replacement: str | None = None
    message: str | None = None
    context: bool = True  # False: this hit needs no context check (e.g. a document-level finding)


class Rule(ABC):
    """A rule: metadata plus a pure ``check`` from Document to hits."""

    info: RuleInfo

    def prefilter(self) -> list[list[str]] | None:
        """Groups of RE2-compatible patterns; the rule can match only if every group has a pattern that matches.

        None means the rule has no cheap prefilter and always runs.
        """
        return None

    @abstractmethod
    def check(self, doc: Document, regions: Sequence[Span] | None = None) -> Iterator[Hit]:
        """Yield hits in ``doc``; the engine applies the context policy and builds findings.

        ``regions`` (sorted, disjoint) are the blocks where the prefilter found the rule's terms: a rule may look
        only there (a match may start in a region and run past its end). None means the whole document.
        """
