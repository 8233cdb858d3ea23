"""Family: a run of words in another writing system inside an article written in Latin script.

Scraped pages keep fragments of the site's other language versions (a line of Cyrillic under an English
article). A whole article in another script is not flagged: the rule only fires when the document is mostly
Latin letters and the fragment is a minority.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence

import regex

from ..document import Document, Span
from ..finding import Category, Severity
from .base import Hit, Rule
from .family import MEDLINEPLUS_EVALUATING, info

_FOREIGN_RUN = regex.compile(
    r"(?:\p{Cyrillic}|\p{Greek}|\p{Arabic}|\p{Hebrew}|\p{Han}|\p{Hiragana}|\p{Katakana}|\p{Hangul}|\p{Thai}"
    r"|\p{Devanagari})+(?:[^\S\n]*[,.:;!?()\-–—\"'«»]*[^\S\n]*(?:\p{Cyrillic}|\p{Greek}|\p{Arabic}|\p{Hebrew}|\p{Han}"
    r"|\p{Hiragana}|\p{Katakana}|\p{Hangul}|\p{Thai}|\p{Devanagari})+)+"
)
_LATIN = regex.compile(r"\p{Latin}")
_LETTER = regex.compile(r"\p{L}")
MIN_LATIN_SHARE = 0.5
MIN_FOREIGN_LETTERS = 6


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
        ),
        allow=(
            "Restless legs syndrome is also called Willis-Ekbom disease.",
            "Судороги в ногах по ночам часто связаны с усталостью мышц. Растяжка икроножной мышцы помогает.",
            "The Greek letter μ stands for micro, as in 50 μg.",
        ),
        module=__name__,
    )

    def check(self, doc: Document, regions: Sequence[Span] | None = None) -> Iterator[Hit]:
        prose = doc.prose
        letters = len(_LETTER.findall(prose))
        if not letters or len(_LATIN.findall(prose)) / letters < MIN_LATIN_SHARE:
            return
        for m in _FOREIGN_RUN.finditer(prose):
            if len(_LETTER.findall(m.group(0))) >= MIN_FOREIGN_LETTERS:
                yield Hit(Span(m.start(), m.end()), context=False)


RULES = [ForeignScriptFragment()]
