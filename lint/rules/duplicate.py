"""Family: a paragraph, heading or list item that repeats an earlier one word for word (scraping debris).

A scraper also leaves a title glued to the first letters of the next paragraph ("... Causes and Solutions
Muscl"): a block that is an earlier block plus one trailing word, with no closing punctuation, is a repeat too.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ..document import Document, Span
from ..finding import Category, Severity
from .base import Hit, Rule
from .family import MEDLINEPLUS_EVALUATING, info

_WORD = re.compile(r"\w+")
MIN_WORDS = 6
_CLOSED = re.compile(r"[.!?:;…\"'”’)]$")


_LINE = re.compile(r"[^\n]+")


def _repeats(words: list[str], text: str, seen: set[str]) -> bool:
    """The words repeat a passage already seen, exactly or with one cut-off word glued to the end."""
    if " ".join(words) in seen:
        return True
    return len(words) > MIN_WORDS and not _CLOSED.search(text.rstrip()) and " ".join(words[:-1]) in seen


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
            "# Restless legs: causes, triggers and simple home remedies\n\n"
            "Restless legs: causes, triggers and simple home remedies Rest\n\nRestless legs are common.",
        ),
        allow=(
            "Leg cramps often strike at night and last a few minutes.\n\n"
            "Leg cramps often strike at night, and most last under ten minutes.",
            "Stretch.\n\nStretch.\n\nShort repeated lines are not flagged.",
            "Leg cramps often strike at night and last a few minutes.\n\n"
            "Leg cramps often strike at night and last a few minutes longer.",
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
            if _repeats(words, prose[block.span.start:block.span.end], seen):
                yield Hit(block.span, context=False)
                continue
            seen.add(key)
            if "\n" in prose[block.span.start:block.span.end]:
                # Scraped text glues lines into one block ("a date\na repeated title"): check each line too.
                for line in _LINE.finditer(prose, block.span.start, block.span.end):
                    line_words = _WORD.findall(line.group(0).lower())
                    if len(line_words) >= MIN_WORDS and " ".join(line_words) != key and \
                            _repeats(line_words, line.group(0), seen):
                        yield Hit(Span(line.start(), line.end()), context=False)


RULES = [DuplicateBlock()]
