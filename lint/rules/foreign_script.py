"""Family: a run of words in another writing system inside an article written in Latin script.

Scraped pages keep fragments of the site's other language versions (a line of Cyrillic under an English
article). A whole article in another script is not flagged: the rule only fires when at least as many
sentences are written mostly in Latin letters as in other scripts. Sentences are counted rather than letters,
so one long foreign sentence after a short English passage is still a fragment.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence


from ..document import Document, Span
from ..finding import Category, Severity
from .base import Hit, Rule
from .family import MEDLINEPLUS_EVALUATING, info
from .lexicon import LazyPattern

_FOREIGN_RUN = LazyPattern(
    r"(?:\p{Cyrillic}|\p{Greek}|\p{Arabic}|\p{Hebrew}|\p{Han}|\p{Hiragana}|\p{Katakana}|\p{Hangul}|\p{Thai}"
    r"|\p{Devanagari})+(?:[^\S\n]*[,.:;!?()\-–—\"'«»]*[^\S\n]*(?:\p{Cyrillic}|\p{Greek}|\p{Arabic}|\p{Hebrew}|\p{Han}"
    r"|\p{Hiragana}|\p{Katakana}|\p{Hangul}|\p{Thai}|\p{Devanagari})+)+"
)
_LATIN = LazyPattern(r"\p{Latin}")
_LETTER = LazyPattern(r"\p{L}")
MIN_FOREIGN_LETTERS = 6
MIN_SENTENCE_LETTERS = 12  # a sentence this short (a name, a unit) does not say which language the page is in


class ForeignScriptFragment(Rule):
    info = info(
        code="QLT031",
        id="foreign-script-fragment",
        category=Category.CONTENT_QUALITY,
        severity=Severity.WARNING,
        statement="A fragment in another writing system (for example a line of Cyrillic) inside an English article.",
        verdict="low-quality",
        message="A fragment in another writing system, probably left over from another language version of the page.",
        explanation="""A sentence in another script inside an English article is usually a leftover from the
            website's other language versions. Most readers cannot read it, and it shows the text was not edited.""",
        correction="Delete the fragment, or translate it if it carries information the reader needs.",
        references=(MEDLINEPLUS_EVALUATING,),
        flag=(
            "Write to us with suggestions about the site.\nПо всем вопросам пишите нам на почту.",
            "Go to bed and get up at regular times, even at weekends. Спокойной ночи и хороших снов.",
            "Drink enough water through the day.\nΚαλή υγεία σε όλους.",
            "Stretch the calf gently.\nЕсли судороги повторяются каждую ночь и мешают спать, обязательно обратитесь к врачу.",
        ),
        allow=(
            "Restless legs syndrome is also called Willis-Ekbom disease.",
            "Судороги в ногах по ночам часто связаны с усталостью мышц. Растяжка икроножной мышцы помогает.",
            "The Greek letter μ stands for micro, as in 50 μg.",
            "Синдром беспокойных ног (restless legs syndrome) встречается часто. Его лечит невролог. Сон важен.",
        ),
        module=__name__,
    )

    def check(self, doc: Document, regions: Sequence[Span] | None = None) -> Iterator[Hit]:
        prose = doc.prose
        if prose.isascii() or not _FOREIGN_RUN.search(prose):
            return  # every script the fragment pattern names is outside ASCII
        latin = foreign = 0
        for sentence in doc.sentences:
            text = prose[sentence.start:sentence.end]
            letters = len(_LETTER.findall(text))
            if letters < MIN_SENTENCE_LETTERS:
                continue
            if len(_LATIN.findall(text)) * 2 > letters:
                latin += 1
            else:
                foreign += 1
        if latin == 0 or latin < foreign:
            return
        for m in _FOREIGN_RUN.finditer(prose):
            if len(_LETTER.findall(m.group(0))) >= MIN_FOREIGN_LETTERS:
                yield Hit(Span(m.start(), m.end()), context=False)


RULES = [ForeignScriptFragment()]
