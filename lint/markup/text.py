"""Plain text → Document. Only bare URLs and list markers are masked.

Blocks are separated by blank lines. Scraped text usually holds one paragraph (or heading, or bullet) per
line; hand-wrapped text holds a paragraph over several lines. A chunk whose lines mostly end without terminal
punctuation is taken as wrapped (one block, split only at list markers); otherwise every line is a block.
"""
from __future__ import annotations

import re

from .. import sentences
from ..document import Block, BlockKind, Comment, Document, Format, Link, Span
from .mask import URL_RE, blank_ranges

_LIST = re.compile(r"^[ \t]*([-*•·–—]|\d{1,3}[.)])[ \t]+(?=\S)")
_TERMINAL = re.compile(r"[.!?:;…\"'”’»)]\s*$")
# A healthlint directive on a line of its own (plain text has no comments); it is masked and ends a block.
_DIRECTIVE_LINE = re.compile(r"^[ \t]*healthlint[ \t]*:[^\r\n]*", re.M)


def _chunks(source: str):
    """Yield lists of (start, end, line) for runs of non-blank lines; directive lines count as blank."""
    chunk: list[tuple[int, int, str]] = []
    pos = 0
    for raw in source.splitlines(keepends=True):
        line = raw.rstrip("\r\n")
        if line.strip() and not _DIRECTIVE_LINE.match(line):
            chunk.append((pos, pos + len(line), line))
        elif chunk:
            yield chunk
            chunk = []
        pos += len(raw)
    if chunk:
        yield chunk


def parse(source: str, path: str = "<string>") -> Document:
    masks: list[tuple[int, int]] = []
    blocks: list[Block] = []
    for chunk in _chunks(source):
        unterminated = sum(1 for _, _, line in chunk[:-1] if not _TERMINAL.search(line))
        wrapped = len(chunk) > 1 and unterminated >= 0.6 * (len(chunk) - 1) and max(len(c[2]) for c in chunk) <= 100
        current: list[int] | None = None
        for start, end, line in chunk:
            m = _LIST.match(line)
            lead = len(line) - len(line.lstrip())
            if m:
                masks.append((start + m.start(1), start + m.end(1)))
                lead = m.end()
            if current is not None and wrapped and not m:
                current[1] = end
                continue
            if current is not None:
                blocks.append(Block(BlockKind(current[2]), Span(current[0], current[1])))
            current = [start + lead, end, BlockKind.LIST_ITEM.value if m else BlockKind.PARAGRAPH.value]
        if current is not None:
            blocks.append(Block(BlockKind(current[2]), Span(current[0], current[1])))
    comments = tuple(Comment(m.group(0), Span(m.start(), m.end())) for m in _DIRECTIVE_LINE.finditer(source))
    masks.extend((c.span.start, c.span.end) for c in comments)
    links: list[Link] = []
    for m in URL_RE.finditer(source):
        links.append(Link(m.group(0), Span(m.start(), m.end())))
        masks.append((m.start(), m.end()))
    prose = blank_ranges(source, masks)
    # Short unpunctuated single-line blocks read as headings.
    typed = []
    for b in blocks:
        text = source[b.span.start:b.span.end]
        if b.kind == BlockKind.PARAGRAPH and "\n" not in text and len(text) <= 80 and not _TERMINAL.search(text):
            typed.append(Block(BlockKind.HEADING, b.span))
        else:
            typed.append(b)
    return Document(
        path=path,
        format=Format.TEXT,
        source=source,
        prose=prose,
        blocks=tuple(typed),
        sentences=sentences.split(prose, typed),
        links=tuple(links),
        comments=comments,
    )
