"""Which rules run and which findings are reported: select/ignore by code, code prefix, id or category."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .errors import UsageError
from .finding import Finding, Severity
from .rules.base import Rule


def _matches(selector: str, rule: Rule) -> int:
    """How specifically ``selector`` names ``rule``: 0 not at all; a longer match is more specific."""
    info = rule.info
    if selector == info.id:
        return 1000
    if selector == info.category.value:
        return 1
    if info.code.startswith(selector.upper()):
        return len(selector)
    return 0


@dataclass(frozen=True)
class Selection:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    min_severity: Severity = Severity.INFO

    def validate(self, rules: Sequence[Rule]) -> None:
        for selector in (*self.select, *self.ignore):
            if not any(_matches(selector, r) for r in rules):
                raise UsageError(f"unknown rule selector {selector!r} (use a code, a code prefix, an id or a category)")

    def is_enabled(self, rule: Rule) -> bool:
        """flake8/ruff style: the most specific selector wins; on a tie, ignore wins."""
        best_select = max((_matches(s, rule) for s in self.select), default=0) if self.select else 0
        best_ignore = max((_matches(s, rule) for s in self.ignore), default=0)
        if self.select and best_select == 0:
            return False
        return best_ignore == 0 or best_select > best_ignore

    def rules(self, rules: Iterable[Rule]) -> list[Rule]:
        return [r for r in rules if self.is_enabled(r)]

    def keep(self, finding: Finding) -> bool:
        return finding.severity.rank >= self.min_severity.rank


def split_list(values: Iterable[str] | None) -> tuple[str, ...]:
    """Flatten ``--select A,B --select C`` into ('A', 'B', 'C')."""
    out: list[str] = []
    for value in values or ():
        out.extend(v.strip() for v in value.split(",") if v.strip())
    return tuple(out)
