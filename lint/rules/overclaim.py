"""Family: promotional certainty in a health claim (miracle cures, guarantees, "no side effects", "doctors hate").

A hedged statement ("may help", "for some people") or a negated or debunked one ("there is no miracle cure")
passes; the shared context check handles negation and debunking, this module the hedges.
"""
from __future__ import annotations


import regex

from ..document import Document, Span
from ..finding import Category, Reference, Severity
from .base import CONTEXT_DEFAULT, ContextPolicy
from .family import PatternFamily, info

_F = regex.IGNORECASE | regex.V0
_HEDGE = regex.compile(r"\b(?:may|might|could|can\s+help|some\s+people|most\s+people|many\s+people|usually|rarely|"
                       r"in\s+some\s+cases|possibly|claims?|claimed|says?|said|label|"
                       r"marketed|advertised|promises?|promised|sold\s+as|so-called|beware|red\s+flags?|scam\w*)\b", _F)
_REFS = (
    Reference("FDA: Health Fraud Scams", "https://www.fda.gov/consumers/health-fraud-scams"),
    Reference("NCCIH: Using Dietary Supplements Wisely",
              "https://www.nccih.nih.gov/health/using-dietary-supplements-wisely"),
)


class _OverclaimRule(PatternFamily):
    def keep(self, doc: Document, match: regex.Match[str], sentence: Span) -> bool:
        return not _HEDGE.search(doc.prose, sentence.start, sentence.end)


class MiracleCure(_OverclaimRule):
    pattern = regex.compile(
        r"\b(?:miracle|wonder|magic(?:al)?)\s+(?:cure|remedy|drug|pill|supplement|treatment|herb|oil|tea|juice)s?\b"
        r"|\b(?:doctors|big\s+pharma|the\s+medical\s+industry)\s+(?:hate|don'?t\s+want\s+you\s+to\s+know|are\s+hiding)\b"
        r"|\bone\s+(?:weird|simple|strange)\s+trick\b",
        _F,
    )
    info = info(
        code="OVR001", id="miracle-cure-language", category=Category.OVERCLAIM, severity=Severity.WARNING,
        statement='Miracle language: "miracle cure", "doctors hate this", "one weird trick".',
        verdict="overstated", message="Miracle-cure or 'doctors hate this' language.",
        explanation="""Miracle and conspiracy phrasing is the signature of health fraud. Real treatments come with
            evidence, limits and side effects; a "miracle cure" or a trick "doctors hate" promises none of that.""",
        correction="Describe what the evidence shows, for whom, and with which limits and risks.",
        references=_REFS,
        flag=("This miracle cure ends night cramps in a week.",
              "Doctors hate this simple bedtime ritual.",
              "One weird trick stops restless legs.",
              "Turmeric is the wonder remedy for every ache."),
        allow=("There is no miracle cure for restless legs syndrome.",
               "Beware of products sold as a miracle cure.",
               "Stretching may help some people with night cramps."),
        module=__name__, context=CONTEXT_DEFAULT, generic=True,
    )


class Guaranteed(_OverclaimRule):
    pattern = regex.compile(
        r"\b(?:guaranteed?\s+(?:to\s+)?(?:cure|work|heal|stop|fix|end|relief|results?)|100\s?%\s+(?:effective|safe|"
        r"natural\s+and\s+safe|cure|success|guaranteed)|works\s+(?:for\s+)?(?:every(?:one|body)|every\s+time|100\s?%)"
        r"|cures?\s+(?:all|every(?:thing)?|any)\s+(?:diseases?|illness(?:es)?|ailments?|conditions?))\b",
        _F,
    )
    info = info(
        code="OVR002", id="guaranteed-result", category=Category.OVERCLAIM, severity=Severity.WARNING,
        statement='A guaranteed or 100 % result: "guaranteed to work", "100% effective", "cures all diseases".',
        verdict="overstated", message="Promises a guaranteed or 100% result.",
        explanation="""No treatment works for everyone. Guarantees and "100 % effective" claims are not
            supported by any trial and are a hallmark of health fraud.""",
        correction="Say how often the treatment helps in studies and that it does not work for everyone.",
        references=_REFS,
        flag=("This tea is guaranteed to cure insomnia.",
              "Our magnesium spray is 100% effective against cramps.",
              "The oil works for everyone, every time.",
              "Our tonic cures every ailment you can name."),
        allow=("No sleep aid is guaranteed to work.",
               "The vaccine is not 100% effective, but it greatly lowers the risk.",
               "The label says it is guaranteed to work; no trial supports that."),
        module=__name__, context=CONTEXT_DEFAULT, generic=True,
    )


class NoSideEffects(_OverclaimRule):
    pattern = regex.compile(
        r"\b(?:has|have|with|without|carries|causes?)\s+(?:absolutely\s+)?(?:no|zero)\s+side[-\s]effects\b"
        r"|\b(?:completely|totally|100\s?%|perfectly)\s+(?:safe|harmless)\b(?=[^.!?]{0,40}\b(?:for|to|in)\b)",
        _F,
    )
    info = info(
        code="OVR003", id="no-side-effects", category=Category.OVERCLAIM, severity=Severity.WARNING,
        statement='A remedy said to have "no side effects" or to be "completely safe".',
        verdict="overstated", message="Claims a remedy has no side effects or is completely safe.",
        explanation="""Anything with an effect on the body can have unwanted effects or interactions, including
            herbs and supplements. "No side effects" stops readers from watching for harm or telling their doctor.""",
        correction="List the known side effects and interactions, and advise checking with a pharmacist or doctor.",
        references=_REFS,
        flag=("This sleep remedy has no side effects at all.",
              "Our sleep patches come with zero side effects.",
              "This cramp gel is completely safe for children and adults."),
        allow=("No medicine is completely free of side effects.",
               "Most people have no side effects from the flu vaccine, but a sore arm is common.",
               "It is a myth that herbal remedies have no side effects."),
        module=__name__, generic=True, context=ContextPolicy(negation=False, debunk=True, quote=True),  # "no side effects" is the claim
    )


RULES = [MiracleCure(), Guaranteed(), NoSideEffects()]
