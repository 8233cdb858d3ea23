"""Shared context that clears a match: negation, debunking, and attributed-then-rejected quotations.

One mechanism for every rule (claims and rule families alike); a rule only chooses which checks apply
(``ContextPolicy``). Returns the reason a match is cleared, or None when it stands.
"""
from __future__ import annotations

import regex

from .document import BlockKind, Document, Span
from .rules.base import ContextPolicy

_F = regex.IGNORECASE | regex.V0


class _Lazy:
    """A pattern compiled on first use: these are large, and a run that clears nothing never needs them."""

    __slots__ = ("_args", "_compiled")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)
        self._compiled = None

    def __getattr__(self, name: str):
        if self._compiled is None:
            self._compiled = regex.compile(*self._args)
        return getattr(self._compiled, name)


# Negation cues: checked inside the clause(s) that hold the match.
_NEGATION = _Lazy(
    r"\b(?:not(?!\s+only\b[^.;!?]*\bbut\b)|no(?!\s+(?:doubt|wonder|matter|longer)\b)|never|neither|nor|cannot|can't|won't"
    r"|nothing(?!\s+(?:but|more\s+than|less\s+than|short\s+of)\b)|none|hardly|rarely|seldom|unlikely|without"
    r"|instead\s+of|rather\s+than|n't|isn't|aren't|wasn't|weren't|doesn't|don't"
    r"|didn't|shouldn't|mustn't|won't|wouldn't|couldn't|haven't|hasn't|nobody|no\s+one)\b|\w+n[’']t\b"
    # "avoid", "stop" and "refrain" negate only as a prohibition: first in the clause, or after should/must/to...
    r"|(?:^|\b(?:should|must|always|please|best|better|and|or|then|just|(?:try|need|want|have|has|had|ought)\s+to))"
    r"\W*(?:avoid(?:s|ed|ing)?|stop(?:s|ped|ping)?|refrain(?:s|ed|ing)?|quit(?:s|ting)?)\b"
    r"|\bto\s+(?:avoid|refrain)\b",  # "to stop the cramps" states a purpose, not a prohibition
    _F,
)
# Debunking cues: anywhere in the sentence.
_DEBUNK = _Lazy(
    r"\b(?:myths?|mythical|misconceptions?|misbeliefs?|falsehoods?|hoax\w*|debunk\w*|disproven|disproved|refuted"
    r"|baseless|unfounded|unproven|untrue|false|falsely|wrong(?:ly)?|incorrect(?:ly)?|mistaken(?:ly)?|erroneous\w*"
    r"|misleading|fake|bogus|pseudoscien\w*|folk\s+wisdom|old\s+wives'?\s+tales?|rather\s+than\s+science"
    r"|(?:an\s+|is\s+)exaggerat\w*|not\s+the\s+case"
    r"|not\s+true|no\s+(?:good\s+|solid\s+|strong\s+|scientific\s+|reliable\s+|clinical\s+|real\s+|convincing\s+)?"
    r"(?:evidence|proof|data|research|studies|basis)"
    r"|contrary\s+to\s+(?:popular|common|widespread)\s+(?:belief|opinion|wisdom|myth)"
    r"|(?:lacks?|lacking|without)\s+(?:any\s+)?(?:scientific\s+)?(?:evidence|support|proof))\b",
    _F,
)
# Clause boundaries inside a sentence.
_CLAUSE = _Lazy(
    r"[,;:()\[\]—–]|\s-\s|\b(?:but|however|although|though|whereas|while|yet|so|because|since|which|and\s+then"
    # a condition is a clause of its own: "double the dose if the pain doesn't ease" is still advice to double it
    r"|if|unless|until)\b",
    _F,
)
NEGATION = _NEGATION  # public names for the families that run their own clause check (overclaim)
CLAUSE = _CLAUSE

# A sentence that reports what others say, so a rejection in the next sentence can clear it.
_ATTRIBUTION = _Lazy(
    r"\b(?:claims?|claimed|claiming|says?|said|saying|believes?|believed|suggests?|suggested|argues?|argued"
    r"|according\s+to|you\s+(?:may|might)\s+(?:have\s+)?(?:hear|heard|read|see|seen)|some\s+(?:people|sites|websites"
    r"|articles|sources|bloggers)|it\s+is\s+(?:often|commonly|widely)\s+(?:said|claimed|believed)|the\s+(?:idea|notion"
    r"|belief|claim|theory)\s+that|tells?\s+(?:readers|people|patients|you)|told\s+(?:readers|people|patients|you)"
    r"|fears?|feared|promot(?:es|ed|ing)|market(?:s|ed|ing)|advert\w*|sold\s+as|saying|goes)\b",
    _F,
)
_REJECTION_START = _Lazy(
    r"^\W*(?:(?:this|that|it|these|those|such\s+\w+|the\s+(?:claim|idea|notion|belief|advice|statement)|both|neither)"
    r"\s+(?:\w+\s+){0,2}?(?:is|are|was|were|has\s+been|have\s+been)\s+(?:\w+\s+)?"
    r"(?:wrong|false|untrue|incorrect|a\s+myth|myths|misleading|mistaken|debunked|not\s+true|nonsense|unfounded"
    r"|baseless|unproven|dangerous|not\s+supported|refuted|disproven)"
    r"|(?:wrong|false|untrue|not\s+true|myth|nonsense|incorrect)\b"
    # "This is dangerous advice.", "That is an exaggeration.", "This is not the case."
    r"|(?:this|that|it|such\s+advice)\s+(?:is|was)\s+(?:(?:dangerous|poor|bad|unsafe|risky|misguided)\s+advice|dangerous"
    r"|an\s+exaggeration|exaggerated|not\s+the\s+case|not\s+so)\b"
    # "No herbal tea can cure diabetes.", "Doctors no longer follow it.", "But most women do not need ..."
    r"|no\s+(?:\w+\s+){0,3}(?:can|could|does|do|will|has|have|is)\b|(?:doctors|experts|scientists)\s+no\s+longer\b"
    r"|but\s+[^.!?]{0,60}\b(?:not|no|never)\b|in\s+(?:fact|reality)\b"
    r"|(?:check|ask|talk|speak)\s+(?:with|to)\s+(?:your|a)\s+(?:doctor|pharmacist|gp|nurse))",
    _F,
)
_QUOTES = (("\"", "\""), ("“", "”"), ("«", "»"), ("„", "“"), ("‘", "’"))
_MYTH_HEADING = _Lazy(r"\b(?:myths?|misconceptions?|fact\s+or\s+fiction|true\s+or\s+false)\b", _F)


def _clause_bounds(prose: str, sentence: Span, span: Span) -> tuple[int, int]:
    """The part of the sentence, between clause boundaries, that holds the whole match."""
    start, end = sentence.start, sentence.end
    for m in _CLAUSE.finditer(prose, sentence.start, sentence.end):
        if m.end() <= span.start:
            start = m.end()
        elif m.start() >= span.end:
            end = m.start()
            break
    return start, end


def _inside_quotes(prose: str, sentence: Span, span: Span) -> bool:
    before = prose[sentence.start:span.start]
    after = prose[span.end:sentence.end]
    for open_q, close_q in _QUOTES:
        if open_q == close_q:
            if before.count(open_q) % 2 == 1 and open_q in after:
                return True
        elif before.rfind(open_q) > before.rfind(close_q) and close_q in after:
            return True
    return False


def _is_short_mention(prose: str, sentence: Span, span: Span) -> bool:
    """A quotation of at most five words that the match fills: the phrase is named, not asserted
    (labels that say "studies show" without naming a study)."""
    before = prose[sentence.start:span.start].rstrip()
    after = prose[span.end:sentence.end].lstrip()
    if not before or not after:
        return False
    opener, closer = before[-1], after[0]
    return any(opener == o and closer == c for o, c in _QUOTES) and len(prose[span.start:span.end].split()) <= 5


def _next_sentence(doc: Document, sentence: Span) -> Span | None:
    i = doc.sentence_index(sentence.start)
    if i is None or i + 1 >= len(doc.sentences):
        return None
    return doc.sentences[i + 1]


def _under_myth_heading(doc: Document, offset: int) -> bool:
    """True when the nearest heading above the offset announces myths ("Common myths about cramps")."""
    i = doc.block_index(offset)
    if i is None:
        return False
    for block in reversed(doc.blocks[:i + 1]):
        if block.kind is BlockKind.HEADING:
            return bool(_MYTH_HEADING.search(doc.prose, block.span.start, block.span.end))
    return False


def cleared_by(doc: Document, span: Span, policy: ContextPolicy) -> str | None:
    """Why the match at ``span`` is cleared by its context, or None when it should be reported."""
    if not policy.any:
        return None
    prose = doc.prose
    sentence = doc.sentence_at(span.start)
    if policy.negation:
        a, b = _clause_bounds(prose, sentence, span)
        while a < b and not prose[a].isalnum():
            a += 1  # so that "^" in the cue pattern means "first word of the clause"
        if _NEGATION.search(prose[a:b]):
            return "negation"
    if policy.debunk:
        if _DEBUNK.search(prose, sentence.start, sentence.end):
            return "debunk"
        if _under_myth_heading(doc, span.start):
            return "debunk"
    if policy.quote:
        quoted = _inside_quotes(prose, sentence, span)
        if quoted and _is_short_mention(prose, sentence, span):
            return "quote"
        block = doc.block_at(span.start)
        if quoted or (block is not None and block.kind is BlockKind.QUOTE) or _ATTRIBUTION.search(
                prose, sentence.start, sentence.end):
            nxt = _next_sentence(doc, sentence)
            if nxt is not None and _REJECTION_START.search(prose[nxt.start:nxt.end]):
                return "quote"
    return None
