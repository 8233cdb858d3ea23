"""Does a sentence or paragraph carry a citation? Shared by the families that ask for sources."""
from __future__ import annotations

import regex

from ..document import Document, Span

_F = regex.IGNORECASE | regex.V0

SOURCE_NAMES = (
    r"CDC|NIH|NHS|WHO|FDA|NINDS|NICE|NIA|NIDDK|NHLBI|NCCIH|NCI|EMA|ODS|AHRQ|USPSTF|AASM|AAP|ACOG|AHA|ADA"
    r"|MedlinePlus|PubMed|Cochrane|Mayo Clinic|Cleveland Clinic|World Health Organi[sz]ation"
    r"|Centers for Disease Control(?: and Prevention)?|National Institutes? of Health|National Health Service"
    r"|Office of Dietary Supplements|Food and Drug Administration|National Sleep Foundation"
    r"|American Academy of Sleep Medicine|Lancet|BMJ|JAMA|NEJM|New England Journal of Medicine|Nature|Science"
    r"|Sleep Medicine Reviews|Neurology|Pediatrics|Dietary Guidelines(?: for Americans)?|American Family Physician"
)
_CITATION = regex.compile(
    r"\[\d{1,3}(?:[-–,]\s*\d{1,3})*\]"  # [3], [1-4], [2, 5]
    r"|\(\s*\p{Lu}[\p{L}'’-]+(?:\s+(?:et\s+al\.?|and|&)\s*(?:\p{Lu}[\p{L}'’-]+)?)?,[^()]{0,80}?(?:19|20)\d\d[a-z]?\s*\)"
    r"|\(\s*(?:\p{Lu}[\p{L}'’-]+(?:\s+(?:et\s+al\.?|and|&)\s*(?:\p{Lu}[\p{L}'’-]+)?)?,?\s+(?:19|20)\d\d[a-z]?)"
    r"(?:\s*;\s*\p{Lu}[\p{L}'’-]+[^()]{0,30}(?:19|20)\d\d)*\s*\)"  # (Smith et al., 2020)
    r"|\b\p{Lu}[\p{L}'’-]+\s+(?:et\s+al\.?|and\s+\p{Lu}[\p{L}'’-]+)\s*\(\s*(?:19|20)\d\d\s*\)"  # Smith et al. (2020)
    r"|\b(?:PMID|PMCID|doi)\s*:?\s*\S+"
    r"|\b(?:according\s+to|data\s+from|figures\s+from|reported\s+by|estimates?\s+(?:from|by)|published\s+(?:in|by)"
    r"|a\s+(?:\d{4}\s+)?(?:study|review|survey|trial|report|meta-analysis)\s+(?:in|from|by|published\s+in))\s+"
    r"(?:the\s+)?(?:\p{Lu}|" + SOURCE_NAMES + r")"
    r"|\b(?:" + SOURCE_NAMES + r")\s+(?:data|figures|estimates?|statistics|reports?|says?|states?|found|reports?|"
    r"recommends?|guidelines?|survey|review|suggests?|advises?|advised|warns?|estimates?)\b"
    r"|\[\^\w+\]|(?<=\w)[¹²³⁴⁵⁶⁷⁸⁹⁰]+",
    _F,
)
# Names are proper nouns: the case-insensitive flag above is cancelled for the name alternatives.
_NAMED = regex.compile(r"\b(?:" + SOURCE_NAMES + r")\b")


def has_citation(doc: Document, span: Span) -> bool:
    """True when the text in ``span`` names a source: a link, a reference mark, an author-year or a named body."""
    if any(link.span.start < span.end and span.start < link.span.end for link in doc.links):
        return True
    src = doc.source
    return bool(_CITATION.search(src, span.start, span.end)) and _has_proper_source(src, span)


def _has_proper_source(src: str, span: Span) -> bool:
    for m in _CITATION.finditer(src, span.start, span.end):
        text = m.group(0)
        low = text.lower()
        if low.startswith(("according", "data from", "figures from", "reported by", "estimate", "published", "a ")):
            if _NAMED.search(text) or regex.search(r"\s\p{Lu}", text):
                return True
            continue
        if regex.match(r"\b(?:" + SOURCE_NAMES + r")\b", text, _F) and not _NAMED.match(text):
            continue  # "who says" is not the WHO
        return True
    return False
