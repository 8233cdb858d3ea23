"""The immutable records every rule and reporter share: severities, categories, references, fixes, findings."""
from __future__ import annotations

import enum
from dataclasses import dataclass

from .document import Position, Span
from .fastpickle import by_fields


class Severity(str, enum.Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class Category(str, enum.Enum):
    FACTUAL_ERROR = "factual-error"
    DANGEROUS_ADVICE = "dangerous-advice"
    DRUG_SAFETY = "drug-safety"
    UNSUPPORTED = "unsupported"
    UNSOURCED_STATISTIC = "unsourced-statistic"
    OVERCLAIM = "overclaim"
    CONTENT_QUALITY = "content-quality"
    MISSING_ELEMENT = "missing-element"
    LINTER = "linter"

    @property
    def prefix(self) -> str:
        return CATEGORY_PREFIX[self]


CATEGORY_PREFIX = {
    Category.FACTUAL_ERROR: "FAC",
    Category.DANGEROUS_ADVICE: "DNG",
    Category.DRUG_SAFETY: "DRG",
    Category.UNSUPPORTED: "EVD",
    Category.UNSOURCED_STATISTIC: "STA",
    Category.OVERCLAIM: "OVR",
    Category.CONTENT_QUALITY: "QLT",
    Category.MISSING_ELEMENT: "DOC",
    Category.LINTER: "LNT",
}


class Applicability(str, enum.Enum):
    """How safe an edit is: SAFE edits (spelling) are applied by --fix; UNSAFE ones change meaning."""

    SAFE = "safe"
    UNSAFE = "unsafe"


@by_fields
@dataclass(frozen=True, slots=True)
class Reference:
    title: str
    url: str


@by_fields
@dataclass(frozen=True, slots=True)
class Fix:
    span: Span
    replacement: str
    applicability: Applicability


@by_fields
@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at one place in one file."""

    path: str
    code: str
    id: str
    category: Category
    severity: Severity
    message: str
    span: Span
    start: Position
    end: Position
    text: str
    sentence: Span
    correction: str
    references: tuple[Reference, ...]
    fix: Fix | None = None

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.span.start, self.code, self.span.end)
