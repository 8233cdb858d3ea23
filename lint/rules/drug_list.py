"""Family: two or more prescription drugs offered as treatment with no word about a prescriber.

A list (or an enumeration in one sentence) that names prescription-only medicines as remedies reads as an
invitation to self-medicate. It passes when the list, the paragraph that introduces it or the one that follows
it says who prescribes or supervises (prescribed by, your doctor, under medical supervision, ...).
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

import regex

from ..document import BlockKind, Document, Span
from ..finding import Category, Reference, Severity
from .base import CONTEXT_DEFAULT, Hit, Rule
from .family import info
from .lexicon import LazyPattern, class_words, contains_any, drugs, folded

_F = regex.IGNORECASE | regex.V0
_WORD = LazyPattern(r"[A-Za-z][A-Za-z'-]*[A-Za-z]")
_ASCII_WORD = re.compile(_WORD.source)
_TREATMENT = LazyPattern(
    r"\b(?:treat\w*|remed\w*|help\w*|reliev\w*|relief|fight\w*|against|proven|cure\w*|calm\w*|stop\w*|ease\w*|"
    r"medicines?|medications?|drugs?|pills?|tablets?|take|taking|use|using|try|options?|therap\w*|manag\w*|"
    r"control\w*|prevent\w*|recommend\w*|effective|works?|best)\b",
    _F,
)
# An enumeration inside one sentence counts only as self-treatment advice ("take X or Y before bed"), not as
# a statement about the drugs (a guideline's preference, a warning, an interaction).
_SELF_USE = LazyPattern(
    r"\b(?:take|taking|try|trying|use|using|buy|order|swallow|pop|get\s+some|reach\s+for|dose\s+yourself"
    # remedy talk that offers the drugs to the reader: "the usual fixes are ...", "any of them will knock you out"
    r"|(?:usual|best|strongest|quickest|fastest|go-to|top|favou?rite)\s+(?:fix(?:es)?|remed(?:y|ies)|options?|"
    r"choices?|cures?|picks?|bets?)"
    r"|(?:will|should|can)\s+(?:calm|knock|sort|fix|cure|settle|stop|sedate|put)\b)\b", _F)
_ABOUT_DRUGS = LazyPattern(
    r"\b(?:warn\w*|risks?|danger\w*|interact\w*|side\s+effects?|guidelines?|favou?rs?|according\s+to|overdose|"
    r"less\s+effective|boxed|coma|death)\b",
    _F,
)
_SUPERVISION = LazyPattern(
    r"\b(?:prescri\w*|(?:your|a|the|their|an?)\s+(?:own\s+)?(?:doctor|physician|gp|neurologist|specialist|pharmacist|"
    r"clinician|prescriber|psychiatrist|sleep\s+specialist|health\s*care\s+(?:provider|professional)|nurse)|"
    r"medical\s+(?:supervision|advice|guidance)|under\s+(?:the\s+)?(?:care|supervision|guidance)|supervis\w*|"
    r"consult\w*|talk\s+to|speak\s+(?:to|with)|ask\s+(?:your|a)|doctors?\s+(?:may|can|might|will|sometimes|often)|"
    r"attending\s+physician|only\s+(?:on|with|by|after)\s+(?:a\s+)?(?:doctor|prescription|diagnosis))\b",
    _F,
)

# Words (lower case) one of which every match of _TREATMENT, or of _SELF_USE, holds: a sentence without any
# cannot match, and is not searched.
_TREATMENT_WORDS = ("treat", "remed", "help", "reliev", "relief", "fight", "against", "proven", "cure", "calm", "stop",
                    "ease", "medicine", "medication", "drug", "pill", "tablet", "take", "taking", "use", "using", "try",
                    "option", "therap", "manag", "control", "prevent", "recommend", "effective", "work", "best")
_SELF_USE_WORDS = ("take", "taking", "try", "use", "using", "buy", "order", "swallow", "pop", "get", "reach", "dose",
                   "fix", "remed", "option", "choice", "cure", "pick", "bet", "will", "should", "can")


def _mentions(doc: Document, start: int, end: int) -> list[tuple[int, int, str]]:
    """Prescription drug names and class words between ``start`` and ``end``: (start, end, generic)."""
    lexicon = drugs()
    classes = class_words()
    words = [(m.start(), m.end(), m.group(0).lower()) for m in _WORD.finditer(doc.prose, start, end)]
    found = []
    i = 0
    while i < len(words):
        s, e, w = words[i]
        if i + 1 < len(words):
            pair = w + " " + words[i + 1][2]
            if pair in lexicon:
                found.append((s, words[i + 1][1], lexicon[pair].generic))
                i += 2
                continue
        if w in lexicon:
            found.append((s, e, lexicon[w].generic))
        elif w in classes or w.rstrip("s") in classes:
            found.append((s, e, w.rstrip("s")))
        i += 1
    return found


@lru_cache(maxsize=1)
def _pair_firsts() -> frozenset[str]:
    """The first word of every two-word name in the lexicon."""
    return frozenset(name.split(" ", 1)[0] for name in drugs() if " " in name)


def _may_name_two(prose: str) -> bool:
    """Whether the text can hold two different drugs (or classes): each mention ``_mentions`` finds comes from a
    word that is a name, the first word of a two-word name, or a class word, and two different drugs need two
    different such (word, kind) pairs. Most articles have fewer, and the rule stops here for them."""
    lexicon, firsts, classes = drugs(), _pair_firsts(), class_words()
    kinds = 0
    # The same words as _WORD finds, by the standard library's faster engine (the pattern is plain ASCII); a
    # text with other letters is lower-cased word by word, as _mentions does.
    words = set(_ASCII_WORD.findall(prose.lower())) if prose.isascii() else {
        w.lower() for w in _ASCII_WORD.findall(prose)}
    for word in words:
        kinds += (word in lexicon) + (word in firsts) + (word in classes or word.rstrip("s") in classes)
        if kinds >= 2:
            return True
    return False


def _list_runs(doc: Document) -> Iterator[tuple[int, int]]:
    """(first, last) block indexes of each run of consecutive list items."""
    i, blocks = 0, doc.blocks
    while i < len(blocks):
        if blocks[i].kind is BlockKind.LIST_ITEM:
            j = i
            while j + 1 < len(blocks) and blocks[j + 1].kind is BlockKind.LIST_ITEM:
                j += 1
            yield i, j
            i = j + 1
        else:
            i += 1


class UnsupervisedDrugList(Rule):
    info = info(
        code="DRG001",
        id="unsupervised-prescription-drug-list",
        category=Category.DRUG_SAFETY,
        severity=Severity.ERROR,
        statement="Prescription-only medicines are listed as remedies with no mention of a prescriber.",
        verdict="dangerous",
        message="Prescription drugs offered as treatment without saying that a doctor must prescribe and supervise them.",
        explanation="""Anticonvulsants, benzodiazepines, barbiturates, antipsychotics, opioids and similar
            medicines need a diagnosis, a dose chosen for the patient, monitoring and a plan for stopping. A bare
            list of them presented as remedies reads as an invitation to self-medicate or to use someone else's
            pills, with risks of dependence, overdose, dangerous interactions (above all with alcohol) and
            withdrawal seizures.""",
        correction="Say that these medicines are prescribed by a doctor after a diagnosis and taken under medical "
                   "supervision, and tell readers to talk to their doctor rather than listing drugs to try.",
        references=(
            Reference("MedlinePlus: Clonazepam", "https://medlineplus.gov/druginfo/meds/a682279.html"),
            Reference("FDA: Benzodiazepine boxed warning on abuse, dependence and withdrawal (2020)",
                      "https://www.fda.gov/drugs/drug-safety-and-availability/fda-requiring-boxed-warning-updated-improve-safe-use-benzodiazepine-drug-class"),
        ),
        flag=(
            "These medicines work best against night spasms:\n- Clonazepam;\n- Phenobarbital;\n- Valproate.",
            "To stop the twitching, take clonazepam, diazepam or gabapentin before bed.",
            "Proven remedies for restless legs:\n\n* pramipexole\n* ropinirole\n* pregabalin\n",
            "Try benzodiazepines or gabapentin if your legs keep you awake at night.",
            "For bad nights the go-to remedies are lorazepam and zolpidem; either will knock you straight out.",
        ),
        allow=(
            "Your doctor may prescribe clonazepam or gabapentin if restless legs are severe.",
            "Medicines a neurologist may consider:\n- pramipexole\n- ropinirole\n\nNever start them without a prescription.",
            "Do not take clonazepam or diazepam to stop ordinary sleep twitches.",
            "Clonazepam and diazepam both belong to the benzodiazepine class.",
            "The FDA warns that taking opioids with benzodiazepines can slow breathing and cause death.",
            "The usual options are ropinirole and pramipexole, which your doctor can prescribe after a diagnosis.",
        ),
        module=__name__,
        context=CONTEXT_DEFAULT,
    )

    def check(self, doc: Document, regions: Sequence[Span] | None = None) -> Iterator[Hit]:
        prose = doc.prose
        if not _may_name_two(prose):
            return
        blocks = doc.blocks
        in_lists: list[Span] = []
        for first, last in _list_runs(doc):
            span = Span(blocks[first].span.start, blocks[last].span.end)
            in_lists.append(span)
            found = _mentions(doc, span.start, span.end)
            if len({g for _, _, g in found}) < 2:
                continue
            lead = blocks[first - 1].span if first > 0 else None
            after = blocks[last + 1].span if last + 1 < len(blocks) else None
            scopes = [s for s in (lead, span, after) if s is not None]
            if not (_TREATMENT.search(prose, lead.start, lead.end) if lead else False) and \
                    not _TREATMENT.search(prose, span.start, span.end):
                continue
            if any(_SUPERVISION.search(prose, s.start, s.end) for s in scopes):
                continue
            yield Hit(Span(found[0][0], found[-1][1]), context=False)
        low = folded(doc)
        for sentence in doc.sentences:
            if any(s.start <= sentence.start < s.end for s in in_lists):
                continue
            words = low[sentence.start:sentence.end]
            if not contains_any(words, _TREATMENT_WORDS) or not contains_any(words, _SELF_USE_WORDS):
                continue  # neither pattern below can match
            if not _TREATMENT.search(prose, sentence.start, sentence.end) or not _SELF_USE.search(
                    prose, sentence.start, sentence.end) or _ABOUT_DRUGS.search(prose, sentence.start, sentence.end):
                continue
            found = _mentions(doc, sentence.start, sentence.end)
            if len({g for _, _, g in found}) < 2:
                continue
            block = doc.block_at(sentence.start)
            scope = block.span if block is not None else sentence
            if _SUPERVISION.search(prose, scope.start, scope.end):
                continue
            yield Hit(Span(found[0][0], found[-1][1]))


RULES = [UnsupervisedDrugList()]
