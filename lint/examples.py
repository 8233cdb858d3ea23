"""Run a rule's own examples: every ``flag`` example must produce the rule's code, no ``allow`` example may."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .engine import Engine
from .markup import parse
from .rules.base import Rule


@dataclass(frozen=True, slots=True)
class ExampleFailure:
    rule: Rule
    kind: str  # "flag" or "allow"
    index: int
    text: str
    line: int

    def __str__(self) -> str:
        info = self.rule.info
        what = "is not flagged" if self.kind == "flag" else "is flagged but should pass"
        where = f"{info.origin.path}:{self.line}" if self.line else str(info.origin)
        short = " ".join(self.text.split())
        short = short if len(short) <= 90 else short[:87] + "..."
        return f"{where}: claim {info.code}: {self.kind} example {self.index + 1} {what}: {short!r}"


def flagged_codes(engine: Engine, text: str) -> set[str]:
    return {f.code for f in engine.run(parse(text, "text", "<example>")).findings}


def check_examples(rules: Sequence[Rule]) -> Iterator[ExampleFailure]:
    """Failures of each rule's examples, each rule run alone (so other rules cannot mask it)."""
    for rule in rules:
        engine = Engine([rule])
        ex = rule.info.examples
        for kind, items, lines in (("flag", ex.flag, ex.flag_lines), ("allow", ex.allow, ex.allow_lines)):
            for i, text in enumerate(items):
                hit = rule.info.code in flagged_codes(engine, text)
                if hit != (kind == "flag"):
                    yield ExampleFailure(rule, kind, i, text, lines[i] if i < len(lines) else 0)
