"""Family: numbers, proportions and study claims with no source in the same sentence or paragraph.

A statistic is sourced when its sentence or paragraph holds a link, a reference mark ([3], a footnote),
an author-year citation, a PMID/DOI, or a named body ("according to the CDC", "NHS figures").
"""
from __future__ import annotations


import regex

from ..document import Document, Span
from ..finding import Category, Reference, Severity
from .base import ContextPolicy
from .citation import has_citation
from .family import MEDLINEPLUS_EVALUATING, NIA_ONLINE_INFO, PatternFamily, info
from .lexicon import LazyPattern, pattern_prefilter

_F = regex.IGNORECASE | regex.V0
_STAT_CONTEXT = ContextPolicy(negation=False, debunk=True, quote=True)
_WHO = (r"(?:all\s+|the\s+)?(?:people|persons|patients|adults|women|men|children|kids|babies|infants|teens|"
        r"teenagers|adolescents|sufferers|cases|americans|britons|the\s+population|the\s+public|users|athletes|"
        r"seniors|older\s+(?:adults|people)|pregnant\s+women|sleepers|those|us|them|epileptics|"
        r"\w+\s+(?:patients|sufferers|users))")
_PERCENT = LazyPattern(
    r"(?<![\w.,])(?!100\s?%)\d{1,3}(?:[.,]\d+)?\s?(?:%|per\s?cent\b)(?!\s*(?:[\w-]+\s+)?(?:cream|solution|gel|ointment|lotion|"
    r"spray|alcohol|abv|proof|fat|milk|cotton|juice|cocoa|strength|w/v|v/v|concentration|dilution|zinc\s+oxide))"
    r"|\b(?:(?:more|less|fewer)\s+than\s+|nearly\s+|almost\s+|about\s+|over\s+|roughly\s+|around\s+|up\s+to\s+)?"
    r"(?:half|a\s+third|two[-\s]thirds|a\s+quarter|three[-\s]quarters|a\s+fifth|the\s+majority)\s+of\s+"
    r"(?:" + _WHO + r"|all\s+(?!of\b|the\s+time\b)[a-z]+)",  # "half of all prescriptions" is a figure too
    _F,
)
_RATIO = LazyPattern(
    r"(?<![\d.,])\b(?:one|two|three|1|2|3)\s+(?:in|out\s+of)\s+(?:every\s+)?(?:\d{1,7}|two|three|four|five|six|seven|eight|nine"
    r"|ten|twenty|fifty|a\s+hundred|hundred|a\s+thousand|thousand)\b"
    r"|\b(?:\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten|twice|thrice)\s*(?:times|-fold|x)\s+"
    r"(?:more|less|higher|lower|greater|as)\s+(?:likely|common|often|risk|chance|frequent|prone)"
    r"|\b(?:twice|thrice|half)\s+as\s+(?:likely|common|often|frequent|prone)\b",
    _F,
)
_STUDY = LazyPattern(
    r"\b(?:(?:many|recent|new|several|numerous|clinical|scientific|some)\s+)?(?:studies|research|trials|experiments|"
    r"surveys)\s+(?:have\s+)?(?:shows?|showed|shown|proves?|proved|proven|confirms?|confirmed|demonstrates?|"
    r"demonstrated|suggests?|suggested|found|finds|reveals?|revealed|indicates?|indicated)\b"
    r"|\b(?:scientists|researchers|experts|doctors|neurologists|physicians|specialists|studies)\s+(?:have\s+)?"
    r"(?:found|discovered|proved|proven|shown|established|determined|concluded|confirmed)\b"
    r"|\b(?:according\s+to|as\s+(?:shown|proven)\s+by)\s+(?:scientists|researchers|experts|doctors|studies|research)\b"
    r"|\b(?:scientists|researchers|experts|most\s+doctors|most\s+neurologists)\s+(?:say|agree|believe|claim)\b"
    r"|\ba\s+(?:recent\s+|new\s+|large\s+)?study\s+(?:has\s+)?(?:shows?|showed|shown|found|proved|proves|revealed)\b",
    _F,
)
# A study cited for a negative result ("studies found it did not work") is a debunking, not an appeal to
# authority for a claim.
_NEGATIVE_RESULT = LazyPattern(
    r"\s*(?:that\s+)?(?:[\w'-]+\s+){0,5}?(?:did\s+not|didn't|does\s+not|doesn't|do\s+not|don't|no|not|none|"
    r"failed|fails|neither|nothing)\b", _F)
_RESEARCH_WORD = LazyPattern(r"\b(?:stud(?:y|ies)|research|trials?|experiments?|surveys?)\b", _F)
_HEDGED_STUDY = LazyPattern(r"\b(?:few|no|little|limited|more|further|larger|better)\s+(?:studies|research|trials)\b", _F)

_REFS = (
    MEDLINEPLUS_EVALUATING,
    NIA_ONLINE_INFO,
    Reference("NIH: Clear & Simple (cite the source of numbers)",
              "https://www.nih.gov/institutes-nih/nih-office-director/office-communications-public-liaison/clear-communication/clear-simple"),
)


class _UnsourcedPattern(PatternFamily):
    def prefilter(self) -> list[list[str]] | None:
        return pattern_prefilter(self)

    def keep(self, doc: Document, match: regex.Match[str], sentence: Span) -> bool:
        if not self._accept(match):
            return False
        block = doc.block_at(match.start())
        scope = block.span if block is not None else sentence
        return not (has_citation(doc, sentence) or has_citation(doc, scope))

    def _accept(self, m: regex.Match[str]) -> bool:
        return True


class UnsourcedPercentage(_UnsourcedPattern):
    pattern = _PERCENT
    info = info(
        code="STA001",
        id="unsourced-percentage",
        category=Category.UNSOURCED_STATISTIC,
        severity=Severity.WARNING,
        statement="A percentage or proportion of people is given with no source.",
        verdict="unsourced",
        message="A percentage or proportion with no source in the sentence or paragraph.",
        explanation="""Figures such as "70% of people" or "more than half of patients" sound precise, but
            without a source the reader cannot check where they come from, for which population, or whether they
            are current. Unsourced numbers are often copied from page to page and drift from the original.""",
        correction="Cite the study or the authority the figure comes from (a link, a reference number, or a named "
                   "source such as the CDC or a journal), or remove the number.",
        references=_REFS,
        flag=(
            "Benign sleep starts affect 70% of adults at some point.",
            "More than half of patients with epilepsy have seizures at night.",
            "Around 15 percent of pregnant women develop restless legs.",
            "Two-thirds of older adults get night cramps.",
            "Nearly half of all sleeping-pill prescriptions are written for people over 65.",
        ),
        allow=(
            "About 10% of adults have restless legs, according to the NINDS.",
            "Hypnic jerks are common; one survey put the figure near 70% (Sander et al., 2016).",
            "Use a 1% hydrocortisone cream for the itch.",
            "Magnesium supplements helped 30% of patients in the trial [4].",
            "Our product is 100% natural.",
        ),
        module=__name__,
        context=_STAT_CONTEXT,
    )


class UnsourcedRatio(_UnsourcedPattern):
    pattern = _RATIO
    info = info(
        code="STA002",
        id="unsourced-ratio",
        category=Category.UNSOURCED_STATISTIC,
        severity=Severity.WARNING,
        statement='A ratio such as "one in five" or "three times more likely" is given with no source.',
        verdict="unsourced",
        message="A ratio or relative risk with no source in the sentence or paragraph.",
        explanation="""Ratios and relative risks ("one in five women", "twice as likely") need a source: the
            reader cannot judge them without knowing the study, the population and the baseline risk.""",
        correction="Cite where the ratio comes from, and give the absolute risk where it matters, or remove it.",
        references=_REFS,
        flag=(
            "One in five adult women has felt this at night.",
            "Smokers are three times more likely to have restless legs.",
            "1 in 10 children will have a febrile seizure.",
            "People who nap daily are twice as likely to sleep badly at night.",
        ),
        allow=(
            "One in ten adults has restless legs, according to the NHS.",
            "Take one tablet two times a day.",
            "Readers rated it 4.1 out of 5.",
            "One in five adults snores regularly (Chung et al., 2019).",
        ),
        module=__name__,
        context=_STAT_CONTEXT,
    )


class UnsourcedStudyClaim(_UnsourcedPattern):
    pattern = _STUDY
    info = info(
        code="STA003",
        id="unsourced-study-claim",
        category=Category.UNSOURCED_STATISTIC,
        severity=Severity.WARNING,
        statement='An appeal to research ("studies show", "scientists have found") with no source.',
        verdict="unsourced",
        message="Appeals to studies or experts without naming or linking the source.",
        explanation="""Phrases such as "studies show" or "scientists have found" borrow the authority of
            research without letting the reader check it. Often no such study exists, or it says something else.""",
        correction="Name and link the study or the expert body, or drop the appeal and state the fact with a source.",
        references=_REFS,
        flag=(
            "Scientists have found that there are two kinds of sleep twitch.",
            "Studies show that sleeping with socks on prevents nightmares.",
            "Most neurologists agree that hypnic jerks are a warning sign.",
            "A recent study found that magnesium ends restless legs.",
        ),
        allow=(
            "Few studies have tested magnesium for restless legs.",
            "Studies show no benefit of magnesium for ordinary cramps [2].",
            "A 2020 Cochrane review found that magnesium is unlikely to prevent cramps.",
            "More research is needed on night cramps.",
            "Laetrile was sold as a cancer cure, but clinical trials showed it did not shrink tumours.",
        ),
        module=__name__,
        context=_STAT_CONTEXT,
    )

    def _accept(self, m: regex.Match[str]) -> bool:
        if _HEDGED_STUDY.match(m.group(0)):
            return False
        if not _RESEARCH_WORD.search(m.group(0)):  # experts' opinions ("neurologists agree ... not") still need a source
            return True
        return not _NEGATIVE_RESULT.match(m.string, m.end(), min(len(m.string), m.end() + 80))


RULES = [UnsourcedPercentage(), UnsourcedRatio(), UnsourcedStudyClaim()]
