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


# --- Myths reported and then rejected ------------------------------------------------------------------------
# Each passage reports a claim that the built-in database flags when it is stated plainly (the code given),
# then rejects or corrects it. The first group must pass; the second (agreement, elaboration, a rejection of
# something else, rhetorical questions, hedged advice, a plain statement) must still be flagged.

MYTH_REJECTED = [
    ('A popular saying goes "feed a cold and starve a fever." There is no evidence for this.', "FAC952"),
    (("You may read that taking vitamin C every day prevents colds. That is only partly true: it may shorten "
      "a cold a little, but it does not stop most people from catching one."), "EVD950"),
    ("Many people think that going out with wet hair gives you a cold. It doesn't.", "FAC951"),
    ("It's often claimed that mobile phones cause brain cancer. Large studies have not confirmed it.", "OVR700"),
    ("Some sellers say detox teas flush toxins out of the body. They don't: the liver and kidneys do that.",
     "EVD650"),
    ('"Zinc cures colds," they say. Not so.', "OVR951"),
    ("Many people assume colds are caused by bacteria. Actually, almost all colds are caused by viruses.",
     "FAC956"),
    ("A common belief is that mammograms cause breast cancer. In reality the dose of radiation is very low.",
     "FAC710"),
    (("Some influencers claim that sugar feeds cancer. The truth is that every cell uses glucose, and cutting "
      "out sugar does not starve a tumour."), "FAC700"),
    ("People will tell you that a chesty cough always needs antibiotics. Science says otherwise.", "FAC606"),
    ("Some people believe a biopsy makes cancer spread. That's not how it works.", "FAC704"),
    ("It used to be said that MSG is a toxin that damages the brain. This has been disproved.", "FAC858"),
    ("Some websites say lemon water detoxes the body. Studies have not confirmed it.", "FAC652"),
    ("Many people believe garlic prevents colds. The evidence for this is weak.", "EVD951"),
    (("Parents often worry that babies who sleep on their back can choke on vomit. They can't: a healthy baby "
      "coughs it up or swallows it."), "DNG904"),
    ("Many believe potassium is a vitamin. Not quite: it is a mineral.", "FAC250"),
    ("Febrile seizures cause brain damage, many parents fear. They do not.", "FAC905"),
    (("Some people think that if you are allergic to penicillin, you are allergic for life. That is rarely the "
      "case."), "FAC610"),
    (("A glass of wine before bed eases restless legs, or so the story goes. In fact, alcohol usually makes the "
      "symptoms worse."), "DNG200"),
    (("It is commonly assumed that type 1 diabetes only affects children. That is a myth: it can start at any "
      "age."), "FAC753"),
    ("People often say cancer is always inherited. Most cancers are not.", "FAC709"),
    (("Alkaline water cures cancer, according to some sellers. It does not cure cancer, and it cannot change "
      "the pH of your blood."), "FAC701"),
    ("Some supplement ads suggest that fish oil prevents dementia. Trials have found no such benefit.",
     "EVD852"),
    (("An old belief holds that sleeping with your head pointing north causes insomnia. There is no scientific "
      "basis for it."), "EVD104"),
    (("You might have been told that the flu vaccine gives you the flu. It can't: the injected vaccine contains "
      "no live virus."), "FAC553"),
    ("Some parents are convinced that vaccines cause autism. This idea has been thoroughly disproved.",
     "FAC550"),
    ("Supplement makers like to suggest that supplements can replace a balanced diet. They can't.", "FAC852"),
    ("A lot of people assume dietary supplements are approved by the FDA before they are sold. They aren't.",
     "FAC850"),
    (("Restless legs syndrome is all in the head, or so some people think. Far from it: it is a disorder of "
      "the nervous system."), "FAC205"),
    ("Eating bananas cures muscle twitches, claims one popular blog. Sadly, it is not that simple.", "OVR250"),
    ("We've all heard that going out with wet hair gives you a cold. Not true.", "FAC951"),
    ("Many people believe vaccines cause sudden infant death syndrome. Research shows no link.", "FAC561"),
    ("Some say zinc cures colds. Unfortunately, that is not the case.", "OVR951"),
    ("Homeopathic remedies can replace vaccines, some alternative practitioners insist. That is simply untrue.",
     "EVD551"),
    ("Think garlic prevents colds? Think again.", "EVD951"),
    ("Is it true that garlic prevents colds? No.", "EVD951"),
    ("Is it a myth that garlic prevents colds? Yes.", "EVD951"),
    ("You may read online that hypnic jerks happen in REM sleep. Wrong: they happen as you drift off.",
     "FAC051"),
    ("Many people expect that antibiotics kill viruses. Experts disagree: antibiotics only act on bacteria.",
     "FAC600"),
    (("Coffee or a cold shower will sober you up, goes the old advice. Neither works: only time clears alcohol "
      "from the blood."), "FAC502"),
    (("It is widely believed that vitamin C taken every day prevents colds. Vitamin C does not prevent colds "
      "in most people."), "EVD950"),
    (("Some bloggers insist that cold weather causes colds. That is an oversimplification: viruses cause "
      "colds."), "FAC950"),
    ("Mobile phones cause brain cancer: this is a widespread fear. Decades of research have found no link.",
     "OVR700"),
    (("Grandparents used to say that you should feed a cold and starve a fever. The opposite is closer to the "
      "truth: you need fluids and food either way."), "FAC952"),
    # single-sentence debunks
    (("Despite what you may have heard, cold weather causes colds only indirectly, by keeping people together "
      "indoors."), "FAC950"),
    ("Vitamin C does not, as many believe, prevent colds.", "EVD950"),
    ("The claim that detox teas flush toxins out of the body is unfounded.", "EVD650"),
    ("The popular idea that zinc cures colds has no scientific support.", "OVR951"),
    (("Despite the popular belief that MSG is a toxin that damages the brain, studies in people have found it "
      "safe."), "FAC858"),
    ("The notion that mobile phones cause brain cancer is an urban legend.", "OVR700"),
    ("It is nonsense that supplements can replace a balanced diet.", "FAC852"),
    ("That sugar feeds cancer is a half-truth at best.", "FAC700"),
    (("Contrary to what many people think, going out with wet hair gives you a cold only if you have already "
      "caught the virus."), "FAC951"),
]

MYTH_NOT_REJECTED = [
    # attribution, then agreement or elaboration
    ("Many people believe garlic prevents colds. They are right.", "EVD951"),
    ("You may have heard that zinc cures colds. It's true.", "OVR951"),
    ('A popular saying goes "feed a cold and starve a fever." Grandma knew best.', "FAC952"),
    ("Some people think mobile phones cause brain cancer. And the evidence is growing.", "OVR700"),
    ("It is often said that sugar feeds cancer. That is why you should cut it out completely.", "FAC700"),
    ("Many parents believe vaccines cause autism. This is not a myth, whatever doctors say.", "FAC550"),
    ("Many people assume colds are caused by bacteria. Actually, they are.", "FAC956"),
    ("It is often said that sugar feeds cancer. In fact, that is true.", "FAC700"),
    ("Experts say coughs need antibiotics. They should be started early.", "FAC606"),
    ('They say "zinc cures colds." And they are right.', "OVR951"),
    ("Many people believe garlic prevents colds. It doesn't taste great, but it works.", "EVD951"),
    ("Some people say lemon water detoxes the body. It does, and it also helps digestion.", "FAC652"),
    ("Many believe garlic prevents colds. The truth is, it does.", "EVD951"),
    ("Many people believe garlic prevents colds. In fact, it really does.", "EVD951"),
    ("Some people say garlic prevents colds. Actually, it prevents flu too.", "EVD951"),
    ("You may read that vitamin C taken daily prevents colds. Instead, take it twice a day.", "EVD950"),
    # a rejection of something else
    ("Many people believe garlic prevents colds. That is not the only benefit: it also lowers blood pressure.",
     "EVD951"),
    ("Many people believe that coughs need antibiotics. This isn't a problem, because antibiotics are cheap.",
     "FAC606"),
    ("Some doctors dismiss the idea that zinc cures colds. They are wrong.", "OVR951"),
    ("Some people say vaccines cause autism. The official denials are false.", "FAC550"),
    ("Some people believe that zinc cures colds. The idea that it is useless is a myth.", "OVR951"),
    (("Many people believe garlic prevents colds. Raw garlic is not pleasant to eat, but it prevents colds "
      "better than any pill."), "EVD951"),
    (("Many people think coughs need antibiotics. Coughs don't go away on their own, so antibiotics are "
      "needed."), "FAC606"),
    # rhetorical questions
    ("Is it a myth that garlic prevents colds? Not at all: it works.", "EVD951"),
    ("Ever heard that zinc cures colds? It really does.", "OVR951"),
    ("Did you know that taking vitamin C every day prevents colds? It's true.", "EVD950"),
    # hedged but wrong advice
    ("Some experts suggest that garlic prevents colds. It can't hurt to try.", "EVD951"),
    ("Many people believe vitamin C taken every day prevents colds. It's not a bad idea to take it.",
     "EVD950"),
    # a myth stated plainly after an unrelated sentence, or after a rejection of something else
    ("Colds are common in winter. Going out with wet hair gives you a cold.", "FAC951"),
    ("That is a myth. Going out with wet hair gives you a cold.", "FAC951"),
    ("Nobody likes a cold. Cold weather causes colds.", "FAC950"),
    ("Many people believe that vaccines are safe. Wrong: vaccines cause autism.", "FAC550"),
    ("Many people believe garlic prevents colds. Nor is that all: it also lowers blood pressure.", "EVD951"),
    ("Many people believe garlic prevents colds. It doesn't matter what the sceptics say.", "EVD951"),
]


@pytest.mark.parametrize(("text", "code"), MYTH_REJECTED)
def test_reported_myth_that_is_rejected_is_not_flagged(text, code):
    import lint

    assert code not in {f.code for f in lint.lint_text(text)}


@pytest.mark.parametrize(("text", "code"), MYTH_NOT_REJECTED)
def test_reported_claim_that_is_not_rejected_is_still_flagged(text, code):
    import lint

    assert code in {f.code for f in lint.lint_text(text)}


@pytest.mark.parametrize(("text", "flagged"), [
    # "stop" after "will/to ... just/then" is what a remedy does, not a prohibition: the claim stays reported
    ("Copper bracelets on the ankles just stop leg cramps for good.", True),
    ("Wrap an elastic band hard around the leg and the spasm will then stop.", True),
    ("Take 800 mg of magnesium a day to just stop the twitching.", True),
    # a prohibition at the start of the clause still clears it
    ("Just stop taking 800 mg of magnesium a day for the twitching.", False),
])
def test_just_or_then_before_stop_is_a_prohibition_only_at_the_start_of_a_clause(text, flagged):
    from lint import lint_text

    codes = {f.code for f in lint_text(text, "text")} - {"DOC001", "DOC002", "DOC003", "DOC004", "DOC005"}
    assert bool(codes) is flagged, codes
