"""The outcome of a run and the one place that decides the exit code."""
from __future__ import annotations

import enum
from collections import Counter
from dataclasses import dataclass, field

from .finding import Finding, Severity
from .rules.base import RuleInfo


class ExitCode(enum.IntEnum):
    CLEAN = 0  # nothing at or above --fail-on
    FINDINGS = 1  # findings at or above --fail-on
    ERROR = 2  # usage error, bad claims file, missing path or unreadable file
    INTERNAL = 3  # a bug in healthlint itself


@dataclass(frozen=True, slots=True)
class FileError:
    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"


@dataclass(frozen=True, slots=True)
class Suppressed:
    """A finding silenced by an inline ``healthlint:`` directive, kept so the silence can be audited."""

    finding: Finding
    reason: str
    directive_line: int


@dataclass
class RunResult:
    findings: list[Finding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    files: int = 0
    sources: dict[str, str] = field(default_factory=dict)  # display path -> text, for reporters that quote
    rules: dict[str, RuleInfo] = field(default_factory=dict)  # code -> metadata of every rule that ran
    suppressed: list[Suppressed] = field(default_factory=list)  # findings an inline directive silenced

    def by_severity(self) -> dict[str, int]:
        counts = Counter(f.severity.value for f in self.findings)
        return {s.value: counts[s.value] for s in sorted(Severity, key=lambda s: -s.rank) if counts[s.value]}

    def by_category(self) -> dict[str, int]:
        return dict(sorted(Counter(f.category.value for f in self.findings).items()))

    def exit_code(self, fail_on: Severity | None, exit_zero: bool = False) -> ExitCode:
        if self.errors:
            return ExitCode.ERROR
        if exit_zero or fail_on is None:
            return ExitCode.CLEAN
        if any(f.severity.rank >= fail_on.rank for f in self.findings):
            return ExitCode.FINDINGS
        return ExitCode.CLEAN
