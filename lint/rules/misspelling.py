"""Family: a misspelled prescription-drug name ("clonazapam", "quetiapene"), found by fuzzy matching.

Every word of the prose that is not itself a known name is compared with the generic names of the bundled
lexicon (``lint/data/drugs.tsv``) and the drug-class words, using the optimal-string-alignment distance
(Damerau-Levenshtein with adjacent transpositions; rapidfuzz). A word is reported only when all of these hold:

- it is at least MIN_LENGTH letters long, written in lower case or capitalised at the start of a sentence,
  and not part of a hyphenated compound, a code, a URL or an e-mail address;
- it is not a name of the lexicon (generic or brand), a drug-class word, or the plural of one;
- it is not on the guard list (``lint/data/misspelling_guard.txt``): English words (SCOWL) and real drug
  names outside the lexicon (over-the-counter medicines, foreign and Latin forms, newer drugs) that lie within
  reach of a lexicon name, so a correct word is never "corrected";
- it starts with the same letter as the name and is within ``max_distance(len)`` edits of it (one edit for
  words of 6 to 8 letters, two from 9 letters on);
- exactly one name is at that smallest distance.

The fix (the name, in the word's case style) is safe: it only changes spelling. The family is generic: when a
hand-written substitution claim (or any specific rule) reports the same sentence, this finding steps aside.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from functools import lru_cache


from ..document import Document, Span
from ..finding import Applicability, Category, Reference, Severity
from .base import CONTEXT_NONE, Hit, Rule
from .family import info
from .lexicon import DATA, LazyPattern, class_words, drugs
from .substitution import match_case

MIN_LENGTH = 6
# Letters only; a word glued to a hyphen, digit, underscore, slash, @ or a dotted continuation is skipped.
# A whole run of at least MIN_LENGTH letters: the lookarounds reject a letter (or digit) on either side, so a
# shorter run never matches, and neither does any position inside a run.
_TOKEN = LazyPattern(rf"(?<![\w@/\\.-]|\w['’])[A-Za-z]{{{MIN_LENGTH},}}(?![\w@/\\-]|\.\w|['’](?!s\b)\w)")
_LETTER_RUN = re.compile(rf"[A-Za-z]{{{MIN_LENGTH},}}")  # whole runs (greedy): a superset of the tokens
_NOT_TARGETS = frozenset({"benzos"})  # slang: "benzol" is a word, not a misspelling of it


def max_distance(length: int) -> int:
    """How many edits a word of ``length`` letters may be away from a drug name (never more than 2)."""
    return 1 if length <= 8 else 2


@lru_cache(maxsize=1)
def _guard() -> frozenset[str]:
    words = set()
    for line in (DATA / "misspelling_guard.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            words.add(line)
    return frozenset(words)


@lru_cache(maxsize=1)
def targets() -> dict[str, list[str]]:
    """First letter → the names a misspelling is corrected to: generic names and one-word class words."""
    names = {name for name, d in drugs().items() if d.kind == "generic"}
    names |= class_words() - _NOT_TARGETS
    index: dict[str, list[str]] = defaultdict(list)
    for name in sorted(names):
        if name.isalpha() and name.isascii() and len(name) >= MIN_LENGTH - max_distance(MIN_LENGTH):
            index[name[0]].append(name)
    return dict(index)


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    """Words that are correct as written: every lexicon name and class word, and the guard list."""
    return frozenset(drugs()) | class_words() | _guard()


def _is_known(word: str, known: frozenset[str]) -> bool:
    if word in known:
        return True
    for suffix in ("s", "es", "'s"):
        if word.endswith(suffix) and word[: -len(suffix)] in known:
            return True
    return False


_VOWELS = frozenset("aeiouy")
_SOUND_ALIKE = frozenset({("c", "k"), ("k", "c"), ("s", "z"), ("z", "s"), ("c", "s"), ("s", "c")})


def _substitution_cost(a: str, b: str) -> float:
    if a == b:
        return 0.0
    if (a in _VOWELS and b in _VOWELS) or (a, b) in _SOUND_ALIKE:
        return 0.5  # quetiapene, ropinerole; klonazepam
    return 1.0


def _indel_cost(word: str, i: int) -> float:
    """Cost of inserting or deleting ``word[i]``: cheap for a doubled letter, an "h" (ph, th) or a vowel."""
    c = word[i]
    if (i > 0 and word[i - 1] == c) or (i + 1 < len(word) and word[i + 1] == c) or c == "h":
        return 0.5  # amoxicilin, diazepham
    return 0.75 if c in _VOWELS else 1.0


def spelling_cost(typed: str, name: str) -> float:
    """A weighted optimal-string-alignment distance shaped like human misspellings.

    Swapping one vowel for another, doubling or halving a letter and adding or dropping an "h" cost half an
    edit; dropping or adding a vowel three quarters; any other edit (a consonant changed, added or dropped, two
    neighbours swapped) a whole one. A real word that happens to be near a drug name usually differs in
    consonants, so it costs more than a typical misspelling of that name.
    """
    n, m = len(typed), len(name)
    d = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        d[i][0] = d[i - 1][0] + _indel_cost(typed, i - 1)
    for j in range(1, m + 1):
        d[0][j] = d[0][j - 1] + _indel_cost(name, j - 1)
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            best = min(d[i - 1][j] + _indel_cost(typed, i - 1), d[i][j - 1] + _indel_cost(name, j - 1),
                       d[i - 1][j - 1] + _substitution_cost(typed[i - 1], name[j - 1]))
            if i > 1 and j > 1 and typed[i - 1] == name[j - 2] and typed[i - 2] == name[j - 1]:
                best = min(best, d[i - 2][j - 2] + 1.0)
            d[i][j] = best
    return d[n][m]


def max_cost(length: int) -> float:
    """The largest ``spelling_cost`` accepted for a word of ``length`` letters."""
    return 1.0 if length <= 8 else 1.5


@lru_cache(maxsize=1)
def _osa_distance():
    """rapidfuzz's optimal-string-alignment distance, imported the first time a word needs it (an article whose
    long words are all known never does)."""
    from rapidfuzz.distance import OSA

    return OSA.distance


@lru_cache(maxsize=65536)
def correction(word: str) -> str | None:
    """The one drug name that lower-case ``word`` misspells, or None (also when the word is correct)."""
    if len(word) < MIN_LENGTH or _is_known(word, _known()):
        return None
    limit = max_distance(len(word))
    distance = _osa_distance()
    near = [name for name in targets().get(word[0], ())
            if abs(len(name) - len(word)) <= limit and distance(word, name, score_cutoff=limit) <= limit]
    if not near:
        return None
    costs = sorted((spelling_cost(word, name), name) for name in near)
    best_cost, best = costs[0]
    if best_cost > max_cost(len(word)) or (len(costs) > 1 and costs[1][0] == best_cost):
        return None
    return best


def _sentence_initial(doc: Document, start: int) -> bool:
    sentence = doc.sentence_at(start)
    return not any(c.isalnum() for c in doc.prose[sentence.start:start])


class MisspelledDrugName(Rule):
    info = info(
        code="DRG002", id="misspelled-drug-name", category=Category.DRUG_SAFETY, severity=Severity.WARNING,
        statement="A prescription medicine's name is misspelled.",
        verdict="low-quality", message="Misspelled drug name.",
        explanation="""Drug names are easy to confuse, and a misspelled one sends readers looking for a medicine
            that does not exist, or for one with a similar name and very different effects. It also makes the
            article look careless, which undermines trust in its other advice. Mix-ups between look-alike
            drug names are a recognised cause of medication errors.""",
        correction="Spell the medicine as in its official (generic) name; the suggested fix only changes the spelling.",
        references=(
            Reference("FDA: Medication Errors Related to CDER-Regulated Drug Products",
                      "https://www.fda.gov/drugs/drug-safety-and-availability/medication-errors-related-cder-regulated-drug-products"),
            Reference("MedlinePlus: Drugs, Herbs and Supplements", "https://medlineplus.gov/druginformation.html"),
        ),
        flag=(
            "Quetiapene is sometimes given for sleep, but it is an antipsychotic.",
            "My doctor switched me from sertaline to another antidepressant.",
            "People on warfarine need regular blood tests.",
            "Amitryptiline can cause a dry mouth and drowsiness.",
            "She was prescribed tramadole after the operation.",
        ),
        allow=(
            "Quetiapine is sometimes given for sleep, but it is an antipsychotic.",
            "My doctor switched me from sertraline to another antidepressant.",
            "Stretching the calf muscle before bedtime can ease cramps.",
            "The machine measured her caffeine intake and her protein needs.",
            "Ibuprofen and melatonin are sold without a prescription.",
            "Sodium valproate and amitriptyline are prescription medicines.",
        ),
        module=__name__, context=CONTEXT_NONE, fix=Applicability.SAFE, generic=True,
    )

    def check(self, doc: Document, regions: Sequence[Span] | None = None) -> Iterator[Hit]:
        # Every token is a whole run of ASCII letters: when no such run (lower-cased) has a correction, nothing can
        # be reported, and the token scan below (lookarounds at every position) is skipped.
        if all(correction(word) is None for word in {w.lower() for w in _LETTER_RUN.findall(doc.prose)}):
            return
        for m in _TOKEN.finditer(doc.prose):
            word = m.group(0)
            if not word[1:].islower() and not word.isupper():
                continue  # camel case (iPhone, McAllister): a capital after the first letter, not all capitals
            lower = word.lower()
            if lower == word:
                pass
            elif word.isupper() or not _sentence_initial(doc, m.start()):
                continue  # an acronym, or a capitalised word inside a sentence: a proper name or a brand
            right = correction(lower)
            if right is None:
                continue
            fixed = match_case(word, right)
            yield Hit(Span(m.start(), m.end()), fixed, f"{word!r} looks like a misspelling of {fixed!r}.",
                      context=False)


RULES = [MisspelledDrugName()]
