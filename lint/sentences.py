"""Split prose into sentence spans inside blocks; sentences never cross a block boundary."""
from __future__ import annotations

import re

from .document import Block, Span

# A candidate end: terminal punctuation, optional closing quotes/brackets, then whitespace.
_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)|[;:](?=[ \t]*\r?\n)")
_NEXT_START = re.compile(r"\s+([\"'“‘«(\[]?)(\S)")
_ABBREVIATIONS = frozenset(
    """
    dr mr mrs ms prof sr jr st vs etc e.g eg i.e ie approx ca cf fig figs no nos vol al et seq
    jan feb mar apr jun jul aug sep sept oct nov dec mt ft inc ltd co corp dept est min max mg mcg
    op ed eds ref refs resp p pp
    """.split()
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


def _is_boundary(text: str, end: int, limit: int, punct: str) -> bool:
    nxt = _NEXT_START.match(text, end, limit)
    if nxt is None:
        return False
    ch = nxt.group(2)
    if punct[-1] in ";:":
        return True  # a ';' or ':' that ends a line ends a list-like sentence
    if punct.endswith(".") and not punct.endswith(".."):
        m = _WORD_BEFORE.search(text, max(0, end - 12), end)
        if m:
            word = m.group(1).lower()
            if word.rstrip(".") in _ABBREVIATIONS or word in _ABBREVIATIONS:
                return False
            if len(word) == 1 and word.isalpha() and m.group(1).isupper():
                return False  # an initial, "J. Smith"
    return ch.isupper() or ch.isdigit() or bool(nxt.group(1)) or not ch.isalpha()


def split_block(prose: str, start: int, end: int) -> list[Span]:
    """Sentence spans between ``start`` and ``end``, trimmed of surrounding whitespace."""
    spans: list[Span] = []
    cursor = start
    for m in _END.finditer(prose, start, end):
        stop = m.end()
        if _is_boundary(prose, stop, end, m.group(0)):
            spans.append(Span(cursor, stop))
            cursor = stop
    spans.append(Span(cursor, end))
    out = []
    for s in spans:
        a, b = s.start, s.end
        while a < b and prose[a].isspace():
            a += 1
        while b > a and prose[b - 1].isspace():
            b -= 1
        if a < b:
            out.append(Span(a, b))
    return out


def split(prose: str, blocks: list[Block] | tuple[Block, ...]) -> tuple[Span, ...]:
    """All sentences of all blocks, in order."""
    sentences: list[Span] = []
    for block in blocks:
        sentences.extend(split_block(prose, block.span.start, block.span.end))
    return tuple(sentences)
