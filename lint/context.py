"""Shared context that clears a match: negation, debunking, and attributed-then-rejected quotations.

One mechanism for every rule (claims and rule families alike); a rule only chooses which checks apply
(``ContextPolicy``). Returns the reason a match is cleared, or None when it stands.
"""
from __future__ import annotations

import regex

from .document import BlockKind, Document, Span
from .rules.base import ContextPolicy
# Compiled on first use, and kept compiled in the per-user cache (most runs clear little; compiling these large
# patterns cost a small-file run about 60 ms).
from .rules.lexicon import LazyPattern as _Lazy

_F = regex.IGNORECASE | regex.V0


# Negation cues: checked inside the clause(s) that hold the match.
_NEGATION = _Lazy(
    r"\b(?:not(?!\s+only\b[^.;!?]*\bbut\b)|no(?!\s+(?:doubt|wonder|matter|longer)\b)|never|neither|nor|cannot|can't|won't"
    r"|nothing(?!\s+(?:but|more\s+than|less\s+than|short\s+of)\b)|none|hardly|rarely|seldom|unlikely|without"
    r"|instead\s+of|rather\s+than|n't|isn't|aren't|wasn't|weren't|doesn't|don't"
    r"|didn't|shouldn't|mustn't|won't|wouldn't|couldn't|haven't|hasn't|nobody|no\s+one)\b|\w+n[’']t\b"
    # "avoid", "stop" and "refrain" negate only as a prohibition: first in the clause, or after should/must/to...,
    # with "just", "then" or "simply" allowed before the verb ("just stop the tablets", but not "the spasm will
    # just stop" or "to then stop the itching", which are not prohibitions)
    r"|(?:^|\b(?:should|must|always|please|best|better|and|or|(?:try|need|want|have|has|had|ought)\s+to))"
    r"\W*(?:(?:just|then|simply)\s+)?(?:avoid(?:s|ed|ing)?|stop(?:s|ped|ping)?|refrain(?:s|ed|ing)?|quit(?:s|ting)?)\b"
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
    r"|(?:lacks?|lacking|without)\s+(?:any\s+)?(?:scientific\s+)?(?:evidence|support|proof)"
    r"|nonsense|half-truths?|urban\s+legends?|old\s+saws?"
    r"|no\s+(?:good\s+|solid\s+|strong\s+|scientific\s+|reliable\s+|real\s+)?(?:support|backing|foundation)"
    # "Despite what you may have heard, ...", "Contrary to what many people think, ...", "despite the popular belief"
    r"|(?:despite|contrary\s+to|regardless\s+of)\s+what\s+[^,.;:!?]{0,40}?\b(?:heard|read|told|think|thinks|thought"
    r"|believe|believes|believed|assume|assumes|say|says|said|claim|claims|claimed|suggest|suggests)"
    r"|despite\s+(?:the\s+)?(?:popular|common|widespread|widely\s+held|persistent)\s+(?:belief|opinion|idea|notion|myth"
    r"|view|perception|wisdom|claims?)"
    # "X does not, as many believe, prevent colds": the negation is set off from the clause it negates
    r"|(?:not|n't|never),?\s+as\s+(?:many|some|most|often|commonly|widely|is\s+often)\b[^,.;:!?]{0,25}?"
    r"\b(?:believe[ds]?|think|thought|claim(?:ed|s)?|assume[ds]?|say|said|suggest(?:ed|s)?))\b",
    _F,
)
# A verdict that opens the sentence ("Wrong: they happen as you drift off"): what follows is the correction,
# so the cue does not debunk a match after it ("Myth: ..." is different, it labels what follows as the myth).
_VERDICT_PREFIX = _Lazy(r"^\W*(?:wrong|false|untrue|not\s+true|incorrect|nope)\s*[:;—–-]", _F)
# "Is it a myth that X?" asks; the answer decides. "Yes" confirms the myth, "Not at all" endorses X.
_MYTH_QUESTION = _Lazy(
    r"\b(?:is|isn't|is\s+not)\s+it\s+(?:really\s+|just\s+|all\s+|actually\s+)?(?:a\s+myth|an?\s+old\s+wives'?\s+tale"
    r"|false|untrue|wrong|nonsense|a\s+misconception)\s+that\b",
    _F,
)
_AFFIRM = _Lazy(
    r"^\W*(?:(?:sadly|unfortunately|well)\W+)?(?:yes|yep|yeah|indeed|absolutely|it\s+is|it['’]s\s+(?:a\s+myth|false|untrue"
    r"|wrong|nonsense)|that['’]s\s+right|sadly\s+so|so\s+it\s+is)\b",
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
    r"|fears?|feared|promot(?:es|ed|ing)|market(?:s|ed|ing)|advert\w*|sold\s+as|saying|goes"
    # "many people think/assume", "parents often worry", "some influencers insist", "we've all heard"
    r"|thinks?|thought|assum(?:e|es|ed|ing)|expect(?:s|ed)?|worr(?:y|ies|ied)|insist(?:s|ed)?|swears?|swore"
    r"|heard|hear|read\s+(?:that|online|somewhere)|(?:been|be|are|were|get|got)\s+told|convinced|holds|held"
    r"|(?:common|popular|widespread|widely\s+held|old|folk|traditional|persistent|received|conventional)\s+"
    r"(?:belief|saying|adage|view|idea|notion|wisdom|advice|myth|misconception|story|tale|theory|perception)"
    r"|(?:widely|commonly|often|generally|frequently)\s+(?:assumed|thought|held|repeated|stated|believed|claimed|said)"
    r"|used\s+to\s+(?:say|think|believe|claim|tell)|legend\s+has\s+it|the\s+story\s+goes|or\s+so\b"
    r"|(?:sellers|influencers|marketers|manufacturers|makers|ads|adverts|brands|blogs?|bloggers|posts|videos"
    r"|practitioners|proponents|advocates|enthusiasts)\b)\b",
    _F,
)
# The sentence reports a doubt or a denial: rejecting it in the next sentence endorses the claim
# ("Some doctors dismiss the idea that zinc cures colds. They are wrong.").
_DOUBTED = _Lazy(
    r"\b(?:doubts?|doubted|doubting|dismiss\w*|den(?:y|ies|ied|ying)|reject\w*|scoff\w*|sceptic\w*|skeptic\w*"
    r"|disput\w*|pooh-pooh\w*|ridicul\w*|mock\w*|refuse\w*\s+to\s+believe|question(?:s|ed|ing)?\s+(?:the|whether|that))\b",
    _F,
)
_REJECTION_START = _Lazy(
    r"^\W*(?:(?:this|that|it|these|those|such\s+\w+|the\s+(?:claim|idea|notion|belief|advice|statement)|both|neither)"
    r"\s+(?:\w+\s+){0,2}?(?:is|are|was|were|has\s+been|have\s+been)\s+(?:(?!not\b|never\b|hardly\b|no\b)\w+\s+)?"
    r"(?:wrong|false|untrue|incorrect|a\s+myth|myths|misleading|mistaken|debunked|not\s+true|nonsense|unfounded"
    r"|baseless|unproven|dangerous|not\s+supported|refuted|disproven|disproved)"
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
# Words that open the next sentence without changing what it says ("Sadly, ...", "But ...").
_LEAD = _Lazy(r"^\W*(?:(?:but|however|sadly|unfortunately|alas|well|still|and|so|yet|of\s+course|in\s+short|simply\s+put"
              r"|put\s+simply|honestly|frankly)\b[\s,;:—–-]*)*", _F)
# The next sentence agrees ("They are right.", "It's true.", "Actually, it does.", "In fact, that is true.").
_AGREEMENT = _Lazy(
    r"^(?:(?:actually|in\s+(?:fact|reality|truth)|(?:the\s+)?(?:truth|reality|fact)\s+is(?:\s+that)?|indeed|and|yes|true|well)"
    r"\b[\s,;:—–-]*)*"
    r"(?:(?:yes|yep|yeah|indeed|exactly|true|right|correct|absolutely|definitely|precisely|quite\s+(?:right|so)|spot\s+on"
    r"|true\s+enough)\s*(?:[.,;:!—–-]|$)"
    r"|(?:they|it|this|that|these|those|he|she|you|we|the\s+(?:claim|idea|saying|belief|advice|story))"
    r"(?:\s+(?:really|indeed|certainly|definitely|actually|truly|absolutely|usually|often|still|in\s+fact))?"
    r"(?:\s+|(?=['’]))(?:(?:is|are|was|were|['’]s|['’]re)\s+(?:(?:absolutely|quite|perfectly|entirely|completely|largely|mostly"
    r"|all|so|definitely|certainly|dead|100\s*%)\s+)?(?:right|true|correct|accurate|spot\s+on)\b"
    r"|(?:is|are|was|were|does|do|did|can|will|works?|helps?|['’]s|['’]re)\s*(?:[.!;:,—–-]|$|\s+(?:too|indeed|really|work|help)\b)))",
    _F,
)
# Further ways the next sentence rejects or qualifies the reported claim; tried after ``_LEAD``.
_REJECTION_MORE = _Lazy(
    # a short verdict: "Not so.", "Not quite: ...", "Far from it.", "Think again.", "No."
    r"^(?:not\s+(?:so|true|quite|really|exactly|at\s+all|necessarily|always|any\s+more|anymore)|far\s+from\s+it|hardly|nope"
    r"|no|nonsense|rubbish|wrong|false|untrue|myth|think\s+again|quite\s+the\s+(?:opposite|reverse|contrary)"
    r"|on\s+the\s+contrary|if\s+only)\s*(?:[.,;:!—–-]|$)"
    # "That is only partly true", "This is an oversimplification", "That is rarely the case", "It's not that simple"
    r"|^(?:this|that|it|these|those|such\s+\w+|the\s+(?:claim|idea|notion|belief|saying|story|advice|theory|view))"
    r"(?:\s+(?:\w+\s+){0,2}?(?:is|are|was|were|has\s+been|have\s+been|remains?|seems?|sounds?|turns?\s+out\s+to\s+be|proved"
    r"|proves)|['’]s|['’]re)\s+(?:(?:simply|just|completely|totally|entirely|largely|mostly|all|really|actually|sadly"
    r"|now|long|widely|thoroughly|well|clearly|at\s+best|probably|itself)\s+)*"
    r"(?:only\s+(?:partly|partially|half|somewhat)\s+(?:true|right|correct|accurate)|(?:partly|partially|half)[\s-]+(?:true"
    r"|right|correct|accurate|truth)|a\s+half-truth|an?\s+(?:\w+\s+)?(?:over-?simplification|exaggeration|old\s+wives'?\s+tale"
    r"|urban\s+legend|misconception|misunderstanding|fallacy|fiction|fable|superstition|myth|falsehood)"
    r"|(?:rarely|seldom|hardly\s+ever|almost\s+never|not\s+usually|usually\s+not|not\s+always)\s+(?:the\s+case|so|true)"
    r"|not\s+(?:that|so|quite\s+that)\s+simple|more\s+complicated|more\s+complex|outdated|out\s+of\s+date|debunked"
    r"|disproved|disproven|refuted|unproven|unsupported|untrue)\b"
    r"|^(?:this|that|it|these|those)(?:\s+(?:is|are|was|were)\s+not|\s*(?:isn['’]t|aren['’]t|wasn['’]t|weren['’]t)|['’]s\s+not)"
    r"\s+(?:quite\s+|entirely\s+|really\s+|strictly\s+|actually\s+|necessarily\s+|exactly\s+|always\s+)?(?:true|so|the\s+case"
    r"|right|correct|accurate|how\s+(?:it|this|that|they|the\s+\w+)\s+works?)\b"
    r"|^(?:it|that|this|they)\s+(?:does\s+not|doesn['’]t|do\s+not|don['’]t)\s+work\s+(?:that\s+way|like\s+that)"
    # evidence: "Studies have not confirmed it.", "Research shows no link.", "Science says otherwise.", "Experts disagree."
    r"|^(?:\w+\s+){0,3}?(?:studies|study|research|trials?|evidence|science|scientists|experts|doctors|data|reviews?"
    r"|tests?|researchers)\s+(?:(?:has|have|do|does|did)(?:n['’]t|\s+not|\s+never)\s+(?:\w+\s+)?(?:confirm|support|back"
    r"|show|find|found|prove|borne|bear|bore)\w*|(?:has|have)\s+(?:\w+\s+)?found\s+no\b|(?:shows?|showed|found|finds?"
    r"|suggests?|points?\s+to|reveals?)\s+(?:\w+\s+)?(?:no|little|otherwise|the\s+opposite|nothing)\b|(?:says?|said|suggests?"
    r"|show|shows|tells?)\s+(?:\w+\s+)?otherwise|disagree\w*|(?:has|have)\s+(?:long\s+)?(?:since\s+)?(?:debunked|disproved"
    r"|refuted|rejected|dismissed))"
    r"|^there(?:\s+is|['’]s|\s+are)\s+(?:no|little|not\s+(?:a\s+shred\s+of|any|much))\s+(?:\w+\s+){0,2}?(?:evidence|proof|basis"
    r"|truth|support|data|research|link|connection|reason)\b"
    r"|^(?:the\s+)?evidence\s+(?:\w+\s+){0,3}?(?:is|remains|was)\s+(?:\w+\s+)?(?:weak|thin|poor|lacking|limited|scant|slim"
    r"|mixed|inconclusive|against|missing)\b"
    r"|^(?:neither|none)\s+(?:one\s+|of\s+them\s+|of\s+these\s+|option\s+)?(?:works?|does|do|helps?|is|are|will|can)\b"
    r"|^nor\s+(?:does|do|can|will|would|did)\s+(?:it|they|this|that|these|those)\b",
    _F,
)
# A correction that opens with "Actually,", "In reality", "The truth is": it rejects unless it intensifies.
_CORRECTION_START = _Lazy(
    r"^(?:actually|in\s+(?:fact|reality|truth|practice)|the\s+(?:truth|reality|fact)\s+is|truth\s+is|on\s+the\s+contrary"
    r"|the\s+(?:opposite|reverse)\s+is)\b",
    _F,
)
_INTENSIFIER = _Lazy(r"\b(?:even|also|too|as\s+well|what['’]s\s+more|that['’]s\s+why|which\s+is\s+why|confirm\w*)\b", _F)
# "It doesn't.", "They can't: ...", "It does not cure cancer": a pronoun, a negated auxiliary, then nothing more,
# or a verb the reported claim used.
_PRONOUN_DENIAL = _Lazy(
    r"^(?:it|they|this|that|these|those|he|she|you|we|none\s+of\s+them)\s+(?:really\s+|actually\s+|simply\s+)?"
    r"(?:(?:do|does|did|is|are|was|were|can|could|will|would|has|have|had|should|must|need)(?:n['’]t|\s+not|\s+never)"
    r"|(?:ca|wo)n['’]t|cannot)\b"
    r"(?:\s+(?:really|at\s+all|actually|necessarily|always|in\s+fact|quite|though|either))?(?P<rest>[^.!?]*)",
    _F,
)
# "Most cancers are not."
_MOST_ARE_NOT = _Lazy(
    r"^(?:most|the\s+(?:vast\s+)?majority\s+of|nearly\s+all|almost\s+all)\s+(?P<subject>(?:\w+\s+){0,2}?\w+)\s+"
    r"(?:are|do|is|does|can|will|have|has)(?:n['’]t|\s+not)\b",
    _F,
)
_WORD = _Lazy(r"[^\W\d_]{3,}")
_STOP = frozenset({
    "the", "and", "for", "that", "this", "with", "you", "your", "are", "was", "were", "does", "did", "not", "but",
    "have", "has", "had", "can", "will", "would", "could", "should", "its", "they", "them", "their", "there", "what",
    "which", "who", "whom", "from", "into", "than", "then", "only", "just", "also", "very", "more", "most", "many",
    "some", "any", "all", "one", "may", "might", "must", "about", "such", "these", "those", "been", "being",
    "don", "isn", "aren", "wasn", "weren", "won", "people", "get", "gets", "every", "always", "often",
    "really", "actually", "much", "lot", "lots",
})


def _stems(text: str) -> set[str]:
    return {w.lower()[:4] for w in _WORD.findall(text) if w.lower() not in _STOP}


def _first_clause(text: str) -> str:
    m = _CLAUSE.search(text)
    return text[:m.start()] if m else text


def _rejects(claim: str, reply: str) -> bool:
    """Whether ``reply`` (the next sentence) rejects or qualifies ``claim`` (the matched text before it)."""
    reply = reply.replace("’", "'")
    lead = _LEAD.match(reply)
    body = reply[lead.end():] if lead else reply
    if _AGREEMENT.search(body):
        return False
    if _REJECTION_START.search(reply) or _REJECTION_MORE.search(body):
        return True
    if _CORRECTION_START.search(body):
        return not _INTENSIFIER.search(body)
    m = _PRONOUN_DENIAL.search(body)
    if m:
        rest = m.group("rest").strip()
        return not rest or not rest[0].isalnum() or bool(_stems(_first_clause(rest)) & _stems(claim))
    m = _MOST_ARE_NOT.search(body)
    if m:
        return bool(_stems(m.group("subject")) & _stems(claim))
    # "Vitamin C does not prevent colds in most people.": a negated first clause that repeats the claim's words
    first = _first_clause(body)
    return bool(_NEGATION.search(first)) and len(_stems(first) & _stems(claim)) >= 2


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
    text = prose[sentence.start:sentence.end]
    question = text.rstrip().endswith("?")
    myth_question = question and _MYTH_QUESTION.search(text)
    if policy.debunk and not myth_question:
        start = sentence.start
        verdict = _VERDICT_PREFIX.match(text)
        if verdict and sentence.start + verdict.end() <= span.start:
            start = sentence.start + verdict.end()  # "Wrong: <the correction>"
        if _DEBUNK.search(prose, start, sentence.end):
            return "debunk"
        if _under_myth_heading(doc, span.start):
            return "debunk"
    if myth_question:
        # "Is it a myth that X? Yes." clears; "... Not at all." endorses X; no answer leaves the question open.
        nxt = _next_sentence(doc, sentence)
        if policy.debunk and nxt is not None and _AFFIRM.search(prose[nxt.start:nxt.end]):
            return "debunk"
        return None
    if policy.quote:
        quoted = _inside_quotes(prose, sentence, span)
        if quoted and _is_short_mention(prose, sentence, span):
            return "quote"
        block = doc.block_at(span.start)
        if (quoted or question or (block is not None and block.kind is BlockKind.QUOTE)
                or _ATTRIBUTION.search(prose, sentence.start, sentence.end)) and not _DOUBTED.search(text):
            nxt = _next_sentence(doc, sentence)
            if nxt is not None and _rejects(prose[span.start:span.end], prose[nxt.start:nxt.end]):
                return "quote"
    return None
