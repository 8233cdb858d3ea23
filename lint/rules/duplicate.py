"""Family: a paragraph, heading or list item that repeats an earlier one word for word (scraping debris)."""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ..document import Document, Span
from ..finding import Category, Severity
from .base import Hit, Rule
from .family import MEDLINEPLUS_EVALUATING, info

_WORD = re.compile(r"\w+")
MIN_WORDS = 6


class DuplicateBlock(Rule):
    info = info(
        code="QLT030",
        id="duplicated-passage",
        category=Category.CONTENT_QUALITY,
        severity=Severity.WARNING,
        statement="A passage appears twice in the article.",
        verdict="low-quality",
        message="This passage repeats an earlier one word for word (copy-paste or scraping leftover).",
        explanation="""Duplicated paragraphs and headings are typical of scraped or carelessly assembled pages. They
            pad the article, confuse readers, and signal that nobody edited the text.""",
        correction="Keep one copy of the passage and delete the repeat.",
        references=(MEDLINEPLUS_EVALUATING,),
        flag=(
            "Leg cramps often strike at night and last a few minutes.\n\nThey ease with stretching.\n\n"
            "Leg cramps often strike at night and last a few minutes.",
            "# Why do we jerk awake as we fall asleep\n\nText here.\n\n# Why do we jerk awake as we fall asleep",
            "- Drink water regularly through the whole day\n- Sleep well\n- Drink water regularly through the whole day",
        ),
        allow=(
            "Leg cramps often strike at night and last a few minutes.\n\n"
            "Leg cramps often strike at night, and most last under ten minutes.",
            "Stretch.\n\nStretch.\n\nShort repeated lines are not flagged.",
        ),
        module=__name__,
    )

    def check(self, doc: Document, regions: Sequence[Span] | None = None) -> Iterator[Hit]:
        seen: set[str] = set()
        prose = doc.prose
        for block in doc.blocks:
            words = _WORD.findall(prose[block.span.start:block.span.end].lower())
            if len(words) < MIN_WORDS:
                continue
            key = " ".join(words)
            if key in seen:
                yield Hit(block.span, context=False)
            else:
                seen.add(key)


RULES = [DuplicateBlock()]
