"""Rule families beyond their own examples: unit handling, scopes and the boundaries of each check."""
from __future__ import annotations

import pytest

from lint import lint_text


def codes(text: str, fmt: str = "text") -> set[str]:
    return {f.code for f in lint_text(text, fmt)}


@pytest.mark.parametrize(("text", "flagged"), [
    ("Take 3 g of vitamin C a day to ward off colds.", True),       # 3,000 mg > 2,000 mg
    ("Take 2 g of vitamin C a day.", False),                        # at the limit, not above
    ("Have 5000 IU of vitamin D daily.", True),                     # 125 mcg > 100 mcg
    ("Have 4000 IU of vitamin D daily.", False),
    ("Take 600 mcg of selenium every day.", True),
    ("Take 0.6 mg of selenium every day.", True),                   # mg converted to mcg
    ("Your doctor may prescribe 50,000 IU of vitamin D once a week.", False),
    ("Nuts give you 400 mg of magnesium a day from food.", False),  # the magnesium UL is for supplements
    ("Do not take 800 mg of magnesium a day.", False),              # negated: the shared context check
])
def test_dose_limits(text, flagged):
    assert ("DNG001" in codes(text)) is flagged


def test_dose_message_names_the_limit_and_source():
    [finding] = [f for f in lint_text("Take 100 mg of iron daily.") if f.code == "DNG001"]
    assert "45 mg" in finding.message and "ods.od.nih.gov" in finding.message


def test_drug_list_needs_two_prescription_drugs_and_no_supervision():
    lead = "These work well against night cramps:\n\n"
    assert "DRG001" in codes(lead + "- quinine\n- baclofen\n", "markdown")
    assert "DRG001" not in codes(lead + "- quinine\n- stretching\n", "markdown")
    assert "DRG001" not in codes(lead + "- quinine\n- baclofen\n\nAsk your doctor before taking either.\n", "markdown")


def test_statistics_are_sourced_by_the_paragraph():
    text = "Restless legs affect about 7% of adults.\nThis figure comes from a large survey [2].\n"
    assert "STA001" not in codes(text, "markdown")
    assert "STA001" in codes("Restless legs affect about 7% of adults.\n\nA survey found this [2].\n", "markdown")


def test_article_elements_only_apply_to_articles():
    short = "Leg cramps are common."
    assert not {c for c in codes(short) if c.startswith("DOC")}


def test_generic_overclaim_steps_aside_for_a_specific_claim():
    assert "OVR002" in codes("Our tonic cures every ailment you can name.")
    specific = codes("Colloidal silver cures all diseases.")
    assert "DNG454" in specific and "OVR002" not in specific


@pytest.mark.parametrize("text", [
    "There is no miracle cure for restless legs syndrome.",
    "Magnesium may help some people, but it is not guaranteed to work.",
    "Most people have no side effects from the flu vaccine.",
])
def test_overclaims_pass_when_hedged_negated_or_debunked(text):
    assert not {c for c in codes(text) if c.startswith("OVR")}


def test_family_patterns_load_from_their_cached_programs():
    """The per-user cache keeps each family pattern compiled; one loaded from it behaves as a fresh compile,
    and a blob that does not load (another regex version) is compiled instead."""
    import regex

    from lint.rules import family_rules
    from lint.rules.lexicon import LazyPattern

    family_rules()  # imports every family module, making their patterns
    saved = LazyPattern.blobs
    try:
        lazy = LazyPattern(r"\bcramp\w*\s+(?:at|in)\s+night", regex.IGNORECASE)
        blobs = LazyPattern.precompile_all()
        assert lazy.key in blobs and len(blobs) >= 30  # every family pattern made so far
        LazyPattern.blobs = {lazy.key: blobs[lazy.key]}
        loaded = lazy.compiled()
        assert loaded.pattern == lazy.source and loaded.flags & regex.IGNORECASE
        assert loaded.search("Leg CRAMPS at night").group() == "CRAMPS at night"
        broken = LazyPattern(r"\bspasm\b", regex.IGNORECASE)
        LazyPattern.blobs = {broken.key: b"not a pickle"}
        assert broken.search("A SPASM.").group() == "SPASM"
    finally:
        LazyPattern.blobs = saved
        del LazyPattern.instances[-2:]
