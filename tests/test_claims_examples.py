"""Every rule's own examples run through the full pipeline (lint_text with the whole database)."""
from __future__ import annotations

import pytest

from lint import load_rules, lint_text

RULES = load_rules()
CASES = [
    pytest.param(rule, kind, text, id=f"{rule.info.code}-{rule.info.id}-{kind}-{i}")
    for rule in RULES
    for kind, items in (("flag", rule.info.examples.flag), ("allow", rule.info.examples.allow))
    for i, text in enumerate(items)
]


@pytest.mark.parametrize(("rule", "kind", "text"), CASES)
def test_example(rule, kind, text):
    codes = {f.code for f in lint_text(text, "text")}
    if kind == "flag":
        assert rule.info.code in codes, f"{rule.info.code} should flag: {text!r}"
    else:
        assert rule.info.code not in codes, f"{rule.info.code} should pass: {text!r}"


def test_every_rule_has_enough_examples():
    for rule in RULES:
        assert len(rule.info.examples.flag) >= 3, rule.info.code
        assert len(rule.info.examples.allow) >= 2, rule.info.code
