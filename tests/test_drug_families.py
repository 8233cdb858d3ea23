"""Misspelled drug names (DRG002), risky combinations presented as safe (DRG003) and readability (DOC005)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from lint import lint_text
from lint.finding import Applicability
from lint.markup import parse
from lint.rules import combination, misspelling, readability
from lint.rules.lexicon import DATA, drugs

ROOT = Path(__file__).resolve().parent.parent
ACCURATE = yaml.safe_load((ROOT / "bench" / "eval" / "accurate.yaml").read_text(encoding="utf-8"))


def codes(text: str, fmt: str = "text") -> set[str]:
    return {f.code for f in lint_text(text, fmt)}


# --- DRG002: misspelled drug names -------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "right"), [
    ("quetiapene", "quetiapine"),      # a vowel swapped
    ("sertaline", "sertraline"),       # a consonant dropped
    ("amoxicilin", "amoxicillin"),     # a doubled letter halved
    ("amitryptiline", "amitriptyline"),
    ("lisinipril", "lisinopril"),
    ("metforman", "metformin"),
    ("antidepresant", "antidepressant"),  # drug-class words too
])
def test_misspellings_are_corrected(typed, right):
    assert misspelling.correction(typed) == right


@pytest.mark.parametrize("word", [
    # English words near a drug name (on the guard list) and correct names outside the lexicon
    "machine", "caffeine", "protein", "vaccine", "iodine", "saline", "sodium", "examine", "combine", "marine",
    "ibuprofen", "melatonin", "paracetamol", "metformine", "tetracyclic", "lincosamide", "cyclospora",
    # names of the lexicon and their plurals
    "sertraline", "valproate", "statins", "opioids", "benzodiazepines", "warfarin",
    # short words and words with no drug name near them
    "cramp", "stretching", "magnesium", "hydration",
])
def test_correct_words_are_never_corrected(word):
    assert misspelling.correction(word) is None


def test_a_word_equally_close_to_two_names_is_left_alone():
    assert misspelling.correction("miglutol") is None  # meglutol or miglitol?


def test_spelling_cost_prefers_typical_misspellings():
    assert misspelling.spelling_cost("quetiapene", "quetiapine") == 0.5   # vowel for vowel
    assert misspelling.spelling_cost("amoxicilin", "amoxicillin") == 0.5  # a doubled letter
    assert misspelling.spelling_cost("benzamide", "beclamide") > misspelling.max_cost(len("benzamide"))  # consonants


def test_fix_is_safe_and_keeps_the_case():
    [finding] = [f for f in lint_text("Quetiapene can make you sleepy.") if f.code == "DRG002"]
    assert finding.fix is not None and finding.fix.applicability is Applicability.SAFE
    assert finding.fix.replacement == "Quetiapine" and finding.text == "Quetiapene"
    assert "Quetiapine" in finding.message


def test_every_misspelling_in_a_sentence_is_reported():
    found = [f.text for f in lint_text("She takes sertaline and quetiapene at night.") if f.code == "DRG002"]
    assert found == ["sertaline", "quetiapene"]


@pytest.mark.parametrize("text", [
    "Yesterday Dr. Sertaline Jones called about the results.",  # capitalised inside a sentence: a name
    "SERTALINE is not an acronym, but capitals are skipped.",      # all capitals
    "See www.sertaline.com or write to sertaline@example.com.",    # addresses
    "The sertaline-free group did better.",                        # hyphenated compound
])
def test_names_codes_and_addresses_are_not_corrected(text):
    assert "DRG002" not in codes(text)


def test_misspelling_steps_aside_for_a_substitution_claim():
    found = codes("Volproate is one of the older anti-seizure medicines.")
    assert "DRG002" not in found and found & {c for c in found if c.startswith("DRG")}


def test_guard_list_is_clean():
    lines = [ln for ln in (DATA / "misspelling_guard.txt").read_text(encoding="utf-8").splitlines()
             if ln and not ln.startswith("#")]
    assert lines == sorted(set(lines))
    assert all(ln.isalpha() and ln == ln.lower() for ln in lines)
    assert not set(lines) & set(drugs())  # a lexicon name is known anyway, never guarded


def test_rule_thresholds_stay_within_the_guard_lists_reach():
    # build_misspelling.py guards English words up to two edits away from a name, from five letters on.
    assert all(misspelling.max_distance(n) <= 2 for n in range(misspelling.MIN_LENGTH, 40))
    assert misspelling.MIN_LENGTH >= 5


def test_no_misspelling_found_in_accurate_passages():
    flagged = [p["id"] for p in ACCURATE if "DRG002" in codes(p["text"])]
    assert not flagged


# --- DRG003: risky combinations presented as safe -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Having a few drinks on temazepam is perfectly fine.",
    "Just wash down your trazodone with a beer.",
    "Doxylamine and a glass of whisky work better together than either alone.",
    "Ibuprofen is no problem if you take apixaban.",
    "Codeine and zopiclone won't hurt you if taken together.",
    "Pregabalin and tramadol don't interact, so take them together.",
])
def test_risky_combinations_presented_as_safe_are_flagged(text):
    found = codes(text)
    assert found & {"DRG003", "DRG353", "DRG354", "DRG401"}  # the family, or a specific claim it yields to


@pytest.mark.parametrize("text", [
    "You can drink alcohol in moderation while taking sertraline, but it may make you sleepy.",  # not sedating
    "Most people can take paracetamol safely while on warfarin.",                               # not an NSAID
    "You can eat and drink normally while taking gabapentin.",
    "Swallow the zolpidem tablet whole with a drink of water.",
    "Alcohol and diazepam both slow the brain, so the combination is risky.",
    "People who take tramadol should check with a pharmacist before drinking alcohol.",
    "Pregabalin is safe for most adults when taken as prescribed.",
    "Wine with dinner is fine for most healthy adults.",
    "Diazepam is sometimes prescribed for alcohol withdrawal.",
    "Can I have a glass of wine with my amitriptyline?",
    "It's safe to drink a small amount of alcohol with most antibiotics, except metronidazole.",
    "If you take quetiapine, limit alcohol.",
    "Never take ibuprofen with warfarin unless your doctor says so.",
    "It is a myth that a beer with your cyclobenzaprine is harmless.",
])
def test_warnings_questions_and_unrelated_statements_pass(text):
    assert "DRG003" not in codes(text)


def test_combination_message_names_the_pair_and_a_source():
    [finding] = [f for f in lint_text("Take naproxen alongside your rivaroxaban for the pain.") if f.code == "DRG003"]
    assert "naproxen" in finding.message and "rivaroxaban" in finding.message
    assert "bleeding" in finding.message and "https://www.nhs.uk/" in finding.message


def test_interactions_data_is_complete():
    groups, labels, pairs = combination.interactions()
    assert pairs and set(groups.patterns) <= set(labels)
    for pair in pairs:
        assert set(pair.groups) <= set(labels), pair.id
        assert pair.references and all(r.url.startswith("https://") for r in pair.references), pair.id

    def found(text: str) -> set[str]:
        return {group for _, _, group in groups.mentions(text)}

    assert "sedatives" in found("a zolpidem tablet")          # from the lexicon's sedating column
    assert "sedatives" in found("a Diphenhydramine tablet")   # an over-the-counter name, any case
    assert "sedatives" in found("sodium  oxybate")            # a two-word name
    assert "alcohol" not in found("drink plenty of water")
    assert {"nsaids", "anticoagulants"} <= found("ibuprofen with warfarin")


def test_no_combination_found_in_accurate_passages():
    flagged = [p["id"] for p in ACCURATE if "DRG003" in codes(p["text"])]
    assert not flagged


# --- DOC005: readability -------------------------------------------------------------------------------------

SYLLABLES = {
    "the": 1, "cat": 1, "cramps": 1, "make": 1, "makes": 1, "jumped": 1, "league": 1, "your": 1,
    "table": 2, "boxes": 2, "wanted": 2, "muscle": 2, "nation": 2, "special": 2, "language": 2, "people": 2,
    "technique": 2, "fatigue": 2, "statement": 2, "safely": 2, "careful": 2, "dying": 2, "yoga": 2,
    "twitching": 2, "science": 2, "doctor": 2, "water": 2, "sleeping": 2,
    "calcium": 3, "media": 3, "radio": 3, "quality": 3, "every": 3, "element": 3, "supplement": 3,
    "influence": 3, "nutrients": 3, "vitamin": 3, "exercise": 3, "medicine": 3,
    "magnesium": 4, "medication": 4, "experience": 4, "underlying": 4, "potassium": 4, "especially": 4,
    "readability": 5, "physiological": 6,
}


def test_syllable_counter_on_known_words():
    wrong = {w: (readability.syllables(w), n) for w, n in SYLLABLES.items() if readability.syllables(w) != n}
    assert not wrong


def test_flesch_kincaid_grade_of_a_known_sentence():
    # 6 words, 1 sentence, 6 syllables: 0.39 * 6 + 11.8 * 1 - 15.59 = -1.45
    result = readability.measure_text("The cat sat on the mat.")
    assert (result.words, result.sentences, result.syllables) == (6, 1, 6)
    assert result.grade == pytest.approx(-1.45)


def test_grade_formula():
    r = readability.Readability(words=200, sentences=10, syllables=300)
    assert r.grade == pytest.approx(0.39 * 20 + 11.8 * 1.5 - 15.59)


def test_hard_prose_gets_one_finding_on_line_one_with_grade_and_target():
    findings = [f for f in lint_text(readability._DENSE + "\n\nA second line.") if f.code == "DOC005"]
    assert len(findings) == 1 and findings[0].start.line == 1
    assert "grade" in findings[0].message and "target of 10" in findings[0].message


def test_threshold_is_a_parameter():
    doc = parse(readability._DENSE, "text")
    grade = readability.measure(doc).grade
    assert list(readability.ReadabilityRule(max_grade=grade - 1).check(doc))
    assert not list(readability.ReadabilityRule(max_grade=grade + 1).check(doc))
    plain = parse(readability._PLAIN, "text")
    assert not list(readability.ReadabilityRule().check(plain))
    assert list(readability.ReadabilityRule(max_grade=1.0).check(plain))


def test_headings_and_short_list_items_are_not_measured():
    heading = "# Electrophysiological Characterisation of Nocturnal Gastrocnemius Hyperexcitability\n\n"
    items = "\n".join(f"- {w}" for w in ("electroencephalography", "polysomnography", "immunohistochemistry"))
    plain = readability.measure(parse(readability._PLAIN, "markdown"))
    padded = readability.measure(parse(heading + readability._PLAIN + "\n\n" + items + "\n", "markdown"))
    assert padded == plain


def test_short_texts_are_not_checked():
    doc = parse("Nocturnal gastrocnemius hyperexcitability necessitates electrophysiological evaluation.", "text")
    assert readability.measure(doc).grade > 10
    assert not list(readability.ReadabilityRule().check(doc))


def test_every_word_pattern_counts_letters_only():
    assert readability._WORD.fullmatch("don't") and not readability._WORD.fullmatch("2026")


def test_drug_list_gate_lets_through_every_text_that_names_two_drugs():
    """The drug-list rule first asks whether a text can name two different drugs; it must never say no to one
    that does (names, two-word names, class words, plurals, non-ASCII text)."""
    from lint.rules.drug_list import UnsupervisedDrugList, _may_name_two

    for text in (*UnsupervisedDrugList.info.examples.flag,
                 "Try clonazepam or valproic acid.", "Benzodiazepines and gabapentin help.",
                 "Für Krämpfe: clonazepam, gabapentin."):
        assert _may_name_two(text), text
    assert not _may_name_two("Stretch the calf and drink water; ask about gabapentin only if cramps persist.")
    assert not _may_name_two("Magnesium is a mineral.")
