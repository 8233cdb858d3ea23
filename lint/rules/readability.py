"""Family: an article whose prose is harder to read than the target grade (Flesch-Kincaid), one finding per article.

Health information should be easy to read (NIH and CDC plain-language guidance). The Flesch-Kincaid grade
level is

    0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59

computed here over prose sentences only: paragraphs, block quotes and list items that are full sentences
(at least LIST_ITEM_MIN_WORDS words); headings, short list items, tables and code (already masked) are left
out. Syllables are counted by ``syllables()``, a rule-based counter (vowel groups, silent endings and a short
list of exceptions) that needs no dictionary download. Texts with fewer than MIN_WORDS counted words are not
articles and are not checked. The threshold is a parameter: ``ReadabilityRule(max_grade=8.0)``.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..document import BlockKind, Document, Span
from ..finding import Category, Reference, Severity
from .base import Hit, Rule
from .family import MEDLINEPLUS_EVALUATING, NIH_CLEAR_SIMPLE, info
from .lexicon import LazyPattern

MIN_WORDS = 150
LIST_ITEM_MIN_WORDS = 10
DEFAULT_MAX_GRADE = 10.0
_WORD = LazyPattern(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
_VOWELS = LazyPattern(r"[aeiouy]+")

# Words the rules below get wrong, with their usual syllable count.
_EXCEPTIONS = {
    "people": 2, "every": 3, "everyone": 4, "everything": 4, "everybody": 5, "different": 3, "business": 2,
    "evening": 3, "interest": 3, "interested": 4, "several": 3, "family": 3, "families": 3, "vegetable": 4,
    "vegetables": 4, "chocolate": 3, "area": 3, "areas": 3, "idea": 3, "ideas": 3, "create": 2, "created": 3,
    "creates": 2, "being": 2, "doing": 2, "going": 2, "seeing": 2, "fluid": 2, "fluids": 2, "quiet": 2,
    "diet": 2, "diets": 2, "client": 2, "patient": 2, "patients": 2, "ancient": 2, "via": 2,
    "poem": 2, "naive": 2, "cafe": 2, "recipe": 3, "simile": 3, "coyote": 3,
    "forever": 3, "somewhere": 2, "sometimes": 2, "someone": 2, "something": 2, "anyone": 3, "everywhere": 3,
    "lifetime": 2, "however": 3, "whatever": 3, "whenever": 3, "wherever": 3, "therefore": 2, "themselves": 2,
    "yourself": 2, "ourselves": 2, "toward": 2, "towards": 2, "reuse": 2, "cooperate": 4,
    "coordinate": 4, "preexisting": 4, "reenter": 3, "theory": 3, "period": 3, "periods": 3,
    "serious": 3, "previous": 3, "obvious": 3, "various": 3, "curious": 3, "furious": 3, "variety": 4,
    "anxiety": 4, "society": 4, "bio": 2, "biology": 4, "radio": 3, "video": 3, "stereo": 3,
    "argue": 2, "argues": 2, "argued": 2, "real": 1, "really": 2, "deal": 1, "rhythm": 2, "rhythms": 2, "prism": 2, "schism": 2, "chasm": 2, "spasm": 2, "spasms": 2, "asthma": 2,
    "hour": 1, "hours": 1, "our": 1, "flour": 1, "choir": 1, "iron": 2, "lion": 2,
}
# Vowel pairs that are usually two syllables (me-di-a, cal-ci-um, ac-tu-al); the lookbehinds keep the
# one-syllable spellings (na-tion, spe-cial, quar-ter, lan-guage).
_SPLIT = LazyPattern(
    r"io(?=log)|(?<![tscxg])i[ao]|(?<=[tscxg])i[ao](?![nlu])"
    r"|iu|(?<![qg])ua|(?<![qg])uo|eo(?!u)|(?<=[^aeiouycg])eou|ii|[aeiouy]ing\b|(?<=[^aeiouy])yo"
    r"|(?<=[^aeiouytsc])ie(?=t|r$|rs$|st$|nc|nt)|(?<=sc)ie|ao|(?<=[^aeiouyqg])ue(?=n)"
    r"|(?<=[^aeiouy])ire(?=[sd]?$)"
)


# Endings that keep their "e" sounded (or silence a suffix's); precompiled with the family's other patterns.
_SOUNDED_E = LazyPattern(r"[^aeiouy]le$|[aeiouy]e$|^[^aeiouy]*e$")
_SOUNDED_ES = LazyPattern(r"(?:[sxz]|ch|sh|[cg]|[^aeiouy]l|[aeiouy])es$")
_SOUNDED_ED = LazyPattern(r"(?:[td]|[aeiouy])ed$")
_QUE = LazyPattern(r"[qg]ues?$")
_SILENT_SUFFIX_E = LazyPattern(r"(?<=[aeiouy][^aeiouy]?[^aeiouyl])e(?=(?:ly|ment|ments|ful|fully|ness|less)$)")


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """The number of syllables in an English ``word`` (rule-based; at least 1)."""
    w = word.lower().replace("’", "'")
    w = w.removesuffix("'s").replace("'", "")
    if not w:
        return 0
    if w in _EXCEPTIONS:
        return _EXCEPTIONS[w]
    if len(w) <= 3:
        return max(1, len(_VOWELS.findall(w)) - (1 if len(w) == 3 and w.endswith("e") and w[1] not in "aeiouy" else 0))
    count = len(_VOWELS.findall(w))
    count += len(_SPLIT.findall(w))
    # Silent endings: a final "e" (make), "-es" (makes, but not boxes, horses, changes), "-ed" (jumped, not wanted).
    silent_e = w.endswith("e") and not _SOUNDED_E.search(w)
    silent_es = w.endswith("es") and not _SOUNDED_ES.search(w)
    silent_ed = w.endswith("ed") and not _SOUNDED_ED.search(w)
    if silent_e or silent_es or silent_ed:
        count -= 1
    # "-que"/"-gue" (technique, fatigue, league) is part of the previous syllable.
    if _QUE.search(w):
        count -= 1
    # A silent "e" inside a suffix: safely, statement, careful, lateness, homeless (not element, supplement).
    count -= len(_SILENT_SUFFIX_E.findall(w))
    return max(1, count)


@dataclass(frozen=True, slots=True)
class Readability:
    words: int
    sentences: int
    syllables: int

    @property
    def grade(self) -> float:
        """The Flesch-Kincaid grade level."""
        if not self.words or not self.sentences:
            return 0.0
        return 0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59


def measure_text(text: str) -> Readability:
    """Readability of plain text whose sentences end with ., ! or ? (for tests and quick checks)."""
    parts = [p for p in regex.split(r"(?<=[.!?])\s+", text.strip()) if _WORD.search(p)]
    words = [w for p in parts for w in _WORD.findall(p)]
    return Readability(len(words), len(parts), sum(syllables(w) for w in words))


def measure(doc: Document) -> Readability:
    """Readability of the prose sentences of ``doc`` (see the module docstring for what counts)."""
    sentences = 0
    every: list[str] = []
    prose = doc.prose
    counted: dict[int | None, bool] = {}  # block index → whether its sentences count (decided once per block)
    findall = _WORD.findall
    for sentence in doc.sentences:
        bi = doc.block_index(sentence.start)
        counts = counted.get(bi)
        if counts is None:
            block = None if bi is None else doc.blocks[bi]
            counts = not (block is None or block.kind in (BlockKind.HEADING, BlockKind.TABLE) or (
                block.kind is BlockKind.LIST_ITEM
                and len(findall(prose, block.span.start, block.span.end)) < LIST_ITEM_MIN_WORDS))
            counted[bi] = counts
        if not counts:
            continue
        found = findall(prose, sentence.start, sentence.end)
        if not found:
            continue
        sentences += 1
        every.extend(found)
    # Each distinct word is looked up once (an article repeats most of its words).
    syl = sum(syllables(word) * n for word, n in Counter(every).items())
    return Readability(len(every), sentences, syl)


def _first_line(doc: Document) -> Span:
    end = doc.source.find("\n")
    end = len(doc.source) if end < 0 else end
    return Span(0, end if end > 0 else min(1, len(doc.source)))


_PLAIN = (
    "Leg cramps at night are common. They often hit the calf and can last a few minutes. Most are harmless. "
    "To ease one, stand up and press your heel to the floor, or pull your toes up towards your knee. "
    "A warm bath before bed may help some people. So can gentle stretches each evening. Drink enough water "
    "during the day. If you get cramps often, or your leg is red, hot or swollen, see a doctor. "
) * 3
_DENSE = (
    "Nocturnal leg cramps are sudden, involuntary and frequently excruciating contractions of the calf or foot "
    "musculature that typically occur during the night and predominantly affect older adults and pregnant women. "
    "Although the underlying mechanism remains incompletely understood, contemporary explanations emphasise "
    "abnormal excitability of motor nerve terminals rather than the electrolyte deficiencies traditionally "
    "invoked in popular publications. Several medications, particularly diuretics, long-acting beta agonists "
    "and statins, have been associated with an increased prevalence of cramping, so a systematic medication "
    "review is considered an essential component of the clinical evaluation. Regular passive stretching of the "
    "gastrocnemius and soleus muscles before retiring to bed is generally recommended as the initial management "
    "strategy, despite the limited quality of the supporting evidence. Individuals experiencing persistent, "
    "disabling or atypical symptoms, including weakness, sensory disturbance or unilateral swelling, require "
    "comprehensive medical assessment to exclude peripheral neuropathy, vascular insufficiency and other "
    "potentially serious underlying conditions. Pharmacological prophylaxis should only be considered after "
    "these investigations."
)


class ReadabilityRule(Rule):
    """Flesch-Kincaid grade of the article's prose above ``max_grade`` (default 10.0)."""

    info = info(
        code="DOC005", id="hard-to-read", category=Category.MISSING_ELEMENT, severity=Severity.INFO,
        statement="The article's prose is harder to read than the target reading grade (Flesch-Kincaid).",
        verdict="low-quality", message="The prose is harder to read than the target grade level.",
        explanation="""Many adults have limited health literacy, and readers in pain or worried about a symptom
            read less carefully. Plain-language guidance for health information (NIH, CDC) asks for short sentences
            and everyday words. Long sentences packed with technical words push the
            Flesch-Kincaid grade up and make it more likely that readers miss or misread safety advice.""",
        correction="Shorten long sentences, use everyday words (explain a technical term once, then use the "
                   "plain one), and put one idea in each sentence.",
        references=(
            NIH_CLEAR_SIMPLE,
            Reference("CDC: Plain Writing at CDC", "https://www.cdc.gov/other/plainwriting.html"),
            MEDLINEPLUS_EVALUATING,
        ),
        flag=(_DENSE, "# Night cramps\n\n" + _DENSE, _DENSE + "\n\n- stretch\n- rest\n- see a doctor\n"),
        allow=(_PLAIN, "# Night cramps\n\n" + _PLAIN,
               "Nocturnal gastrocnemius cramping is an involuntary contraction of the posterior musculature."),
        module=__name__,
    )

    def __init__(self, max_grade: float = DEFAULT_MAX_GRADE) -> None:
        self.max_grade = max_grade

    def check(self, doc: Document, regions: Sequence[Span] | None = None) -> Iterator[Hit]:
        result = measure(doc)
        if result.words < MIN_WORDS:
            return
        grade = result.grade
        if grade > self.max_grade:
            yield Hit(_first_line(doc), context=False, message=(
                f"Flesch-Kincaid grade {grade:.1f} is above the target of {self.max_grade:g} "
                f"({result.words} words in {result.sentences} sentences, "
                f"{result.words / result.sentences:.1f} words per sentence, "
                f"{result.syllables / result.words:.2f} syllables per word)."))


RULES = [ReadabilityRule()]
