"""Family: article-level elements a reader needs to judge health information (one finding per article).

NIH and MedlinePlus guidance on evaluating health websites asks: who wrote it, when was it written or
reviewed, where does the information come from, and does it tell the reader when to see a professional.
Short texts (under MIN_WORDS words) are not articles and are not checked.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import islice

import regex

from ..document import Document, Span
from ..finding import Category, Severity
from .base import Hit, Rule
from .citation import has_citation
from .family import MEDLINEPLUS_EVALUATING, NIA_ONLINE_INFO, info
from .lexicon import LazyPattern, contains_any, fold, folded

MIN_WORDS = 150
_F = regex.IGNORECASE | regex.MULTILINE | regex.V0
_WORD = LazyPattern(r"\w+")
# Names are matched case-sensitively (a capitalised name); the keywords around them are (?i:...).
_AUTHOR = LazyPattern(
    r"^[ \t*_]*(?i:author|authors|written\s+by|reviewed\s+by|medically\s+reviewed\s+by|fact[- ]checked\s+by)\s*[:\-–]?\s*"
    r"(?:(?i:dr|prof)\.?\s+)?\p{Lu}[\p{L}.'’-]+"
    r"|^[ \t*_]*(?i:by)\s+(?:(?i:dr|prof)\.?\s+)?\p{Lu}\p{L}+\s+\p{Lu}"
    r"|(?i:<meta\s[^>]*name\s*=\s*[\"']author[\"']|\brel\s*=\s*[\"']author[\"'])",
    regex.MULTILINE | regex.V0,
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = LazyPattern(
    r"^\s*(?:date|published|updated|reviewed|last\s+(?:reviewed|updated)|posted)\s*:\s*\S"
    r"|\b(?:published|updated|reviewed|posted|written|last\s+(?:reviewed|updated|modified)|review\s+date|date)\b[^\n]{0,40}?"
    r"(?:\b(?:19|20)\d\d-\d\d-\d\d\b|\b\d{1,2}\s+" + _MONTH + r"\s+(?:19|20)\d\d\b|\b" + _MONTH +
    r"\s+\d{1,2},?\s+(?:19|20)\d\d\b|\b\d{1,2}[./]\d{1,2}[./](?:19|20)\d\d\b)"
    r"|<time\b|article:(?:published|modified)_time|\bdatePublished\b",
    _F,
)
_SOURCES_HEADING = LazyPattern(r"^\W*(?:references|sources|bibliography|further\s+reading|citations)\W*$", _F)
_PROFESSIONAL = LazyPattern(
    r"\b(?:see|consult\w*|talk\s+(?:to|with)|speak\s+(?:to|with)|ask|contact|call|visit|check\s+with)\s+"
    r"(?:a|an|your|the)?\s*(?:own\s+)?(?:doctor|gp|physician|pharmacist|nurse|midwife|health\s*care\s+(?:provider|professional)"
    r"|health\s+professional|specialist|neurologist|therapist|dentist|medical\s+professional)\b"
    r"|\b(?:call|dial)\s+(?:911|999|112|an\s+ambulance|emergency\s+services)\b|\bseek\s+(?:urgent\s+|immediate\s+|professional\s+)?"
    r"(?:medical|professional)\s+(?:help|advice|attention|care)\b|\bsee\s+a\s+doctor\b",
    _F,
)

# What each pattern needs, in lower case (see ``lexicon.fold``): a document without it cannot match, so the
# search over the whole text is skipped. An author line starts (after spaces, '*' and '_') with one of
# _AUTHOR_STARTS, or the text holds "author" (a byline keyword or a meta tag).
_AUTHOR_STARTS = ("author", "written", "reviewed", "medically", "fact", "by")
# A "Date:" line (a keyword at the start of a line, then a colon); a keyword and a year (19xx, 20xx); a tag.
_DATE_LINE_STARTS = ("date", "published", "updated", "reviewed", "last", "posted")
_DATE_WORDS = ("published", "updated", "reviewed", "posted", "written", "last", "review", "date")
_DATE_TAGS = ("<time", "article:", "datepublished")
_SOURCES_WORDS = ("references", "sources", "bibliography", "further", "citations")
_article_memo: list = [None, False]


def _is_article(doc: Document) -> bool:
    """At least MIN_WORDS words (counted once per document: the four rules below all ask)."""
    if _article_memo[0] is not doc:
        counted = sum(1 for _ in islice(_WORD.finditer(doc.prose), MIN_WORDS))
        _article_memo[0], _article_memo[1] = doc, counted >= MIN_WORDS
    return _article_memo[1]


def _line_starts_with(text: str, strip: str | None, words: tuple[str, ...]) -> bool:
    """Whether a line of ``text`` (split at "\n", as ``^`` does), stripped of leading ``strip`` characters
    (whitespace when None), starts with one of ``words``."""
    if not contains_any(text, words):
        return False
    return any(line.lstrip(strip).startswith(words) for line in text.split("\n"))


def _first_line(doc: Document) -> Span:
    end = doc.source.find("\n")
    end = len(doc.source) if end < 0 else end
    return Span(0, end if end > 0 else min(1, len(doc.source)))


class _ArticleRule(Rule):
    def check(self, doc: Document, regions: Sequence[Span] | None = None) -> Iterator[Hit]:
        if _is_article(doc) and not self.present(doc):
            yield Hit(_first_line(doc), context=False)

    def present(self, doc: Document) -> bool:  # pragma: no cover - abstract
        raise NotImplementedError


_PADDING = (
    "Leg cramps at night are common and usually harmless. Stretching the calf muscle by pulling the toes up "
    "towards the shin often eases the pain within a few minutes. Cramps become more frequent with age and in "
    "pregnancy, and some medicines make them more likely. Gentle stretches before bed may help some people. "
) * 4


def _article(*parts: str) -> str:
    return "\n\n".join(parts + (_PADDING,))


_WITH_ALL = ("Author: Dr. Amy Lee", "Published: 2026-03-01",
             "See your doctor if cramps are frequent or severe.", "Source: [NHS](https://www.nhs.uk/conditions/leg-cramps/)")


class NoAuthor(_ArticleRule):
    info = info(
        code="DOC001", id="no-author", category=Category.MISSING_ELEMENT, severity=Severity.INFO,
        statement="The article does not say who wrote or reviewed it.",
        verdict="incomplete", message="No author or medical reviewer is named.",
        explanation="""Readers judge health information partly by who stands behind it. An article with no
            author or reviewer gives them no way to check the writer's qualifications or to report an error.""",
        correction="Name the author and, for medical content, the professional who reviewed it.",
        references=(NIA_ONLINE_INFO, MEDLINEPLUS_EVALUATING),
        flag=(_article(*_WITH_ALL[1:]), _article("Cramps explained", *_WITH_ALL[1:]),
              _article("Posted on 2 March 2026", _WITH_ALL[2], _WITH_ALL[3])),
        allow=(_article(*_WITH_ALL), _article("By Dr. Amy Lee, GP", *_WITH_ALL[1:]),
               "A short note without an author is not an article."),
        module=__name__,
    )

    def present(self, doc: Document) -> bool:
        low = fold(doc.source)
        if "author" not in low and not _line_starts_with(low, " \t*_", _AUTHOR_STARTS):
            return False
        return bool(_AUTHOR.search(doc.source))


class NoDate(_ArticleRule):
    info = info(
        code="DOC002", id="no-date", category=Category.MISSING_ELEMENT, severity=Severity.INFO,
        statement="The article gives no date of publication or review.",
        verdict="incomplete", message="No date of publication or last review.",
        explanation="""Medical advice changes. Without a date of publication or review, readers cannot tell
            whether the information is current.""",
        correction="Show when the article was published and when it was last medically reviewed.",
        references=(NIA_ONLINE_INFO, MEDLINEPLUS_EVALUATING),
        flag=(_article(_WITH_ALL[0], *_WITH_ALL[2:]), _article("Author: Sam Roe", _WITH_ALL[2]),
              _article("Written by Dr. Amy Lee", _WITH_ALL[3])),
        allow=(_article(*_WITH_ALL), _article("Last reviewed on 12 March 2026 by Dr. Amy Lee", _WITH_ALL[2])),
        module=__name__,
    )

    def present(self, doc: Document) -> bool:
        low = fold(doc.source)
        if not (contains_any(low, _DATE_TAGS) or (":" in low and _line_starts_with(low, None, _DATE_LINE_STARTS))
                or (("19" in low or "20" in low) and contains_any(low, _DATE_WORDS))):
            return False
        return bool(_DATE.search(doc.source))


class NoSources(_ArticleRule):
    info = info(
        code="DOC003", id="no-sources", category=Category.MISSING_ELEMENT, severity=Severity.INFO,
        statement="The article gives no references or links to its sources.",
        verdict="incomplete", message="No references or links to sources.",
        explanation="""Health claims should be traceable to the evidence behind them. An article with no links,
            reference list or named sources asks readers to take every statement on trust.""",
        correction="Link or cite the authoritative sources the article relies on (NHS, NIH, CDC, peer-reviewed "
                   "reviews), ideally next to the statements they support and in a reference list.",
        references=(MEDLINEPLUS_EVALUATING, NIA_ONLINE_INFO),
        flag=(_article(*_WITH_ALL[:3]), _article("Author: Sam Roe", "Published: 2026-01-01"),
              _article("By Dr. Amy Lee", _WITH_ALL[2])),
        allow=(_article(*_WITH_ALL), _article(*_WITH_ALL[:3], "## References", "1. NHS. Leg cramps. 2024.")),
        module=__name__,
    )

    def present(self, doc: Document) -> bool:
        whole = Span(0, len(doc.source))
        if doc.links:
            return True
        if contains_any(folded(doc), _SOURCES_WORDS) and _SOURCES_HEADING.search(doc.prose):
            return True
        return has_citation(doc, whole)


class NoProfessionalAdvice(_ArticleRule):
    info = info(
        code="DOC004", id="no-see-a-professional-advice", category=Category.MISSING_ELEMENT, severity=Severity.INFO,
        statement="The article never tells readers when to see a doctor or other professional.",
        verdict="incomplete", message="No advice on when to see a doctor or other health professional.",
        explanation="""Self-care advice is safe only if readers know its limits. Health articles should say which
            symptoms need a doctor, a pharmacist or emergency care.""",
        correction="Add a short 'When to see a doctor' section with the warning signs that need professional care.",
        references=(MEDLINEPLUS_EVALUATING, NIA_ONLINE_INFO),
        flag=(_article(_WITH_ALL[0], _WITH_ALL[1], _WITH_ALL[3]), _article("Author: Sam Roe", "Published: 2026-01-01"),
              _article("By Dr. Amy Lee", "Updated: 2026-02-02")),
        allow=(_article(*_WITH_ALL), _article(_WITH_ALL[0], "Call 999 if the leg is swollen, red and hot."),
               _article("Talk to a pharmacist before taking a supplement.")),
        module=__name__,
    )

    def present(self, doc: Document) -> bool:
        return bool(_PROFESSIONAL.search(doc.prose))


RULES = [NoAuthor(), NoDate(), NoSources(), NoProfessionalAdvice()]
