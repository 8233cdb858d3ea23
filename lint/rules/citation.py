"""Does a sentence or paragraph carry a citation? Shared by the families that ask for sources."""
from __future__ import annotations

import regex

from ..document import Document, Span
from .lexicon import LazyPattern, contains_any, fold


SOURCE_NAMES = (
    r"CDC|NIH|NHS|WHO|FDA|NINDS|NICE|NIA|NIDDK|NHLBI|NCCIH|NCI|EMA|ODS|AHRQ|USPSTF|AASM|AAP|ACOG|AHA|ADA"
    r"|MedlinePlus|PubMed|Cochrane|Mayo Clinic|Cleveland Clinic|World Health Organi[sz]ation"
    r"|Centers for Disease Control(?: and Prevention)?|National Institutes? of Health|National Health Service"
    r"|Office of Dietary Supplements|Food and Drug Administration|National Sleep Foundation"
    r"|American Academy of Sleep Medicine|Lancet|BMJ|JAMA|NEJM|New England Journal of Medicine|Nature|Science"
    r"|Sleep Medicine Reviews|Neurology|Pediatrics|Dietary Guidelines(?: for Americans)?|American Family Physician"
)
# Case matters here: author names and bodies are proper nouns ("WHO", not "who"); keywords are (?i:...).
# The alternatives, each with the words (in lower case, see ``lexicon.fold``) one of which every match holds: a
# text without any of them cannot match that alternative, so it is not searched for.
_STUDY_WORDS = ("according", "data", "figures", "report", "estimate", "published", "study", "review", "survey",
                "trial", "meta-analysis")
_BODY_WORDS = ("data", "figures", "estimate", "statistics", "report", "say", "state", "found", "recommend",
               "guideline", "survey", "review", "suggest", "advise", "warn")
_ALTERNATIVES = (
    (("[",), r"\[\d{1,3}(?:[-–,]\s*\d{1,3})*\]"),  # [3], [1-4], [2, 5]
    (("(",), r"\(\s*\p{L}[\p{L}'’-]+\s+et\s+al\.?,?\s*(?:19|20)\d\d[a-z]?\s*\)"),  # (deWeber et al., 2011)
    (("(",), r"\(\s*\p{Lu}[\p{L}'’-]+(?:\s+(?:et\s+al\.?|and|&)\s*(?:\p{Lu}[\p{L}'’-]+)?)?,[^()]{0,80}?(?:19|20)\d\d[a-z]?\s*\)"),
    (("(",), (r"\(\s*\p{Lu}[\p{L}'’-]+(?:\s+(?:et\s+al\.?|and|&)\s*(?:\p{Lu}[\p{L}'’-]+)?)?\s+(?:19|20)\d\d[a-z]?"
              r"(?:\s*;\s*\p{Lu}[\p{L}'’-]+[^()]{0,30}(?:19|20)\d\d)*\s*\)")),  # (Smith et al., 2020), (Smith 2020)
    (("(",), r"\b\p{Lu}[\p{L}'’-]+\s+(?:et\s+al\.?|and\s+\p{Lu}[\p{L}'’-]+)\s*\(\s*(?:19|20)\d\d\s*\)"),  # Smith et al. (2020)
    (("pmid", "pmcid"), r"\b(?i:PMID|PMCID)\s*:?\s*(?:PMC)?\d{5,9}\b"),
    (("doi",), r"\b(?i:doi)(?::\s*|\.org/)10\.\d{4,9}/\S+"),
    (_STUDY_WORDS, r"\b(?i:according\s+to|data\s+from|figures\s+from|reported\s+by|estimates?\s+(?:from|by)|published\s+(?:in|by)"
                   r"|a\s+(?:\d{4}\s+)?(?:study|review|survey|trial|report|meta-analysis)\s+(?:in|from|by|published\s+in))\s+"
                   r"(?:the\s+)?(?:" + SOURCE_NAMES + r"|\p{Lu}\p{L}+\s+\p{Lu})"),
    (_BODY_WORDS, r"\b(?:" + SOURCE_NAMES + r")['’]?s?\s+(?i:data|figures|estimates?|statistics|reports?|says?|states?|found|"
                  r"recommends?|guidelines?|survey|review|suggests?|advises?|advised|warns?)\b"),
    (("[^",), r"\[\^\w+\]"),
    (tuple("¹²³⁴⁵⁶⁷⁸⁹⁰"), r"(?<=\w)[¹²³⁴⁵⁶⁷⁸⁹⁰]+"),
)
_CITATION = LazyPattern("|".join(source for _, source in _ALTERNATIVES), regex.V0)
_PARTS = tuple((words, LazyPattern(source, regex.V0)) for words, source in _ALTERNATIVES)


def has_citation(doc: Document, span: Span) -> bool:
    """True when the text in ``span`` names a source: a link, a reference mark, an author-year or a named body."""
    if any(link.span.start < span.end and span.start < link.span.end for link in doc.links):
        return True
    low = fold(doc.source)[span.start:span.end]
    source = doc.source
    # The whole pattern matches where one of its alternatives does; only those whose words occur are searched.
    return any(contains_any(low, words) and part.search(source, span.start, span.end) for words, part in _PARTS)
