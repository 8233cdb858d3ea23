"""The shared context mechanism: negation, debunking and rejected quotations clear a match."""
from __future__ import annotations

import pytest

from lint import claims, lint_text
from lint.engine import Engine

TEMPLATE = """\
schema_version: 1
topic: ctx
title: Context test
claims:
  - code: FAC900
    id: ctx-potassium-vitamin
    category: factual-error
    severity: error
    statement: Potassium is a vitamin.
    verdict: "false"
    explanation: Potassium is a mineral.
    correction: Potassium is a mineral.
    evidence:
      references: [{title: "NIH ODS: Potassium", url: "https://ods.od.nih.gov/factsheets/Potassium-Consumer/"}]
      reviewed: 2026-11-21
      review_by: 2027-11-21
    match:
      kind: cooccur
      all: ['\\bpotassium\\b', '\\bvitamins?\\b']
    context: CONTEXT
    examples:
      flag: [a, b, c]
      allow: [d, e]
"""


def engine_for(tmp_path, context="default"):
    p = tmp_path / "ctx.yaml"
    p.write_text(TEMPLATE.replace("CONTEXT", context), encoding="utf-8")
    problems: list[str] = []
    rules = claims.load_file(p, problems)
    assert not problems and len(rules) == 1
    return Engine(rules)


def codes(text, engine):
    return {f.code for f in lint_text(text, "markdown", engine=engine)}


@pytest.mark.parametrize("text", [
    "Potassium is a vitamin that keeps muscles calm.",
    "Eat bananas for the vitamin potassium.",
    "Potassium is a vitamin, and it is found in bananas.",
    "Potassium is a vitamin, not a mineral.",  # the negation sits in another clause
])
def test_claim_is_reported(tmp_path, text):
    assert "FAC900" in codes(text, engine_for(tmp_path))


@pytest.mark.parametrize("text", [
    "Potassium is not a vitamin.",
    "Potassium is a mineral, not a vitamin.",
    "Potassium isn't a vitamin at all.",
    "Potassium is never a vitamin.",
    "It is a myth that potassium is a vitamin.",
    "Contrary to popular belief, potassium is a vitamin only in marketing copy.",
    "There is no evidence that potassium works like a vitamin.",
    "Calling potassium a vitamin is wrong.",
    'Some websites claim that "potassium is a vitamin". This is wrong: it is a mineral.',
    "Many blogs say potassium is a vitamin. That claim is false.",
])
def test_context_clears(tmp_path, text):
    assert "FAC900" not in codes(text, engine_for(tmp_path))


def test_myth_heading_clears_the_list_below(tmp_path):
    text = "## Common myths about cramps\n\n- Potassium is a vitamin you must take daily.\n"
    assert "FAC900" not in codes(text, engine_for(tmp_path))
    text = "## Causes of cramps\n\n- Potassium is a vitamin you must take daily.\n"
    assert "FAC900" in codes(text, engine_for(tmp_path))


def test_attribution_without_rejection_is_still_reported(tmp_path):
    text = "Some websites say potassium is a vitamin. Bananas are rich in it."
    assert "FAC900" in codes(text, engine_for(tmp_path))


def test_rule_can_turn_negation_off(tmp_path):
    engine = engine_for(tmp_path, "{negation: false}")
    assert "FAC900" in codes("Potassium is not a vitamin.", engine)
    assert "FAC900" not in codes("It is a myth that potassium is a vitamin.", engine)


def test_rule_can_turn_all_context_off(tmp_path):
    engine = engine_for(tmp_path, "none")
    assert "FAC900" in codes("It is a myth that potassium is a vitamin.", engine)


def test_negation_inside_a_condition_does_not_clear_the_advice():
    import lint

    flagged = "Double the paracetamol dose if the headache doesn't ease after an hour."
    assert any(f.code.startswith("DNG") for f in lint.lint_text(flagged))
    assert not lint.lint_text("Never double the paracetamol dose, even if the headache does not ease.")


def test_a_pronoun_can_carry_the_topic_from_an_earlier_sentence_in_the_paragraph():
    import lint

    def codes(text):
        return [f.code for f in lint.lint_text(text)]

    assert "FAC054" in codes("Hypnic jerks are common. These are usually benign. In rare cases they can come "
                             "with paralysis and an irregular heartbeat.")
    # The finding is in the sentence that makes the claim, not in the one that names the topic.
    [finding] = [f for f in lint.lint_text("Sleep starts are common.\nThey can come with paralysis.") if f.code == "FAC054"]
    assert finding.start.line == 2
    # Not across paragraphs, not without a pronoun, not further back than two sentences, and negation still clears.
    assert "FAC054" not in codes("Hypnic jerks are common.\n\nThey can come with paralysis.")
    assert "FAC054" not in codes("Hypnic jerks are common. Paralysis is a different problem.")
    assert "FAC054" not in codes("Hypnic jerks are common. Most people get them. Few worry. Not many ask. "
                                 "They can come with paralysis.")
    assert "FAC054" not in codes("Hypnic jerks are harmless. They do not cause paralysis.")
