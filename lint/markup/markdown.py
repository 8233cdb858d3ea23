"""Markdown → Document by masking: a line pass finds blocks and code, an inline pass masks syntax.

Not linted: front matter, fenced and indented code, inline code, link destinations, images, HTML tags and
comments, reference definitions. Entities are decoded in place (character plus padding spaces).
"""
from __future__ import annotations

import re

from .. import sentences
from ..document import Block, BlockKind, Comment, Document, Format, Link, Span
from .mask import URL_RE, blank, blank_ranges, pad, trim_blocks

_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})([^`]*)$")
_ATX = re.compile(r"^( {0,3}#{1,6})(?:[ \t]+|$)")
_ATX_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_THEMATIC = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_LIST = re.compile(r"^([ \t]*)([-*+•]|\d{1,9}[.)])(?:[ \t]+|$)")
_QUOTE = re.compile(r"^(?: {0,3}>[ \t]?)+")
_REFDEF = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*<?(\S+?)>?(?:[ \t]+.*)?$")
_TABLE_DELIM = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_COMMENT_START = re.compile(r"^ {0,3}<!--")
_FRONT = re.compile(r"\A(?:---|\+\+\+)[ \t]*\r?\n")

_INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`)((?:(?!\n[ \t]*\n).)+?)(?<!`)\1(?!`)", re.S)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_IMAGE = re.compile(r"!\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]\([^)\n]*\)")
_LINK = re.compile(
    r"\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]"
    r"\(\s*(<[^>\n]*>|[^)\s]*)(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?\s*\)"
)
_REFLINK = re.compile(r"\[((?:[^\[\]\n]|\[[^\[\]\n]*\])+)\]\[([^\]\n]*)\]")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s+[^<>]*?)?/?>")
_EMPHASIS = re.compile(r"\*+|~~|_+")  # an underscore run inside a word (snake_case) is kept: see _emphasis
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


class _Blocks:
    """Collects blocks as the line pass opens, extends and closes them."""

    def __init__(self) -> None:
        self.items: list[Block] = []
        self.kind: BlockKind | None = None
        self.start = 0
        self.end = 0
        self.lines = 0

    def open(self, kind: BlockKind, start: int, end: int) -> None:
        self.close()
        self.kind, self.start, self.end, self.lines = kind, start, end, 1

    def extend(self, end: int) -> None:
        self.end = end
        self.lines += 1

    def close(self) -> None:
        if self.kind is not None and self.end > self.start:
            self.items.append(Block(self.kind, Span(self.start, self.end)))
        self.kind = None

    def relabel(self, kind: BlockKind) -> None:
        self.kind = kind


def _line_pass(source: str) -> tuple[list[tuple[int, int]], list[Block], Span | None, list[Comment], list[Link]]:
    masks: list[tuple[int, int]] = []
    comments: list[Comment] = []
    links: list[Link] = []
    blocks = _Blocks()
    front: Span | None = None
    pos = 0
    lines = source.splitlines(keepends=True)
    i = 0
    n = len(lines)

    fm = _FRONT.match(source)
    if fm:
        closer = fm.group(0).strip()
        end_marks = {closer, "..."} if closer == "---" else {closer}
        off = len(lines[0])
        for j in range(1, n):
            if lines[j].strip() in end_marks:
                off += len(lines[j])
                front = Span(0, off)
                masks.append((0, off))
                i, pos = j + 1, off
                break
            off += len(lines[j])

    fence: str | None = None
    in_code = False  # inside an indented code block
    in_list = False
    prev_blank = True
    in_table = False
    while i < n:
        raw = lines[i]
        line = raw.rstrip("\r\n")
        start, end = pos, pos + len(line)
        pos += len(raw)
        i += 1
        stripped = line.strip()

        if fence is not None:
            masks.append((start, end))
            close = _FENCE.match(line)
            if close and close.group(2)[0] == fence[0] and len(close.group(2)) >= len(fence) and not close.group(3).strip():
                fence = None
            continue
        if not stripped:
            blocks.close()
            prev_blank = True
            in_table = False
            continue
        if in_code:
            if line.startswith(("    ", "\t")):
                masks.append((start, end))
                continue
            in_code = False
        m = _FENCE.match(line)
        if m and not (m.group(2)[0] == "`" and "`" in m.group(3)):
            blocks.close()
            fence = m.group(2)
            masks.append((start, end))
            prev_blank = False
            continue
        if prev_blank and not in_list and blocks.kind is None and line.startswith(("    ", "\t")):
            in_code = True
            masks.append((start, end))
            continue
        if _COMMENT_START.match(line):
            blocks.close()
            # The comment is recorded and masked by the inline pass; skip to its closing line.
            rest = line[line.find("<!--") + 4:]
            while "-->" not in rest and i < n:
                rest = lines[i]
                pos += len(rest)
                i += 1
            prev_blank = True  # a directive line does not join the next block
            continue
        m = _REFDEF.match(line)
        if m and blocks.kind is None:
            links.append(Link(m.group(1), Span(start, end)))
            masks.append((start, end))
            prev_blank = False
            continue
        if _THEMATIC.match(line) and not (blocks.kind == BlockKind.PARAGRAPH and _SETEXT.match(line)):
            blocks.close()
            masks.append((start, end))
            prev_blank = False
            continue
        if _SETEXT.match(line) and blocks.kind == BlockKind.PARAGRAPH:
            blocks.relabel(BlockKind.HEADING)
            blocks.close()
            masks.append((start, end))
            prev_blank = False
            continue
        m = _ATX.match(line)
        if m:
            masks.append((start, start + m.end()))
            content_end = end
            c = _ATX_CLOSE.search(line)
            if c:
                masks.append((start + c.start(), end))
                content_end = start + c.start()
            blocks.open(BlockKind.HEADING, start + m.end(), content_end)
            blocks.close()
            in_list = False
            prev_blank = False
            continue
        # Table rows: a line with pipes followed by a delimiter row, or a row inside a table.
        if "|" in line and (in_table or (i < n and _TABLE_DELIM.match(lines[i].rstrip("\r\n")) and not _TABLE_DELIM.match(line))):
            blocks.close()
            in_table = True
            cell_start = start
            for k, ch in enumerate(line):
                if ch == "|":
                    masks.append((start + k, start + k + 1))
                    blocks.open(BlockKind.TABLE, cell_start, start + k)
                    cell_start = start + k + 1
            blocks.open(BlockKind.TABLE, cell_start, end)
            blocks.close()
            if i < n and _TABLE_DELIM.match(lines[i].rstrip("\r\n")):
                raw = lines[i]
                masks.append((pos, pos + len(raw.rstrip("\r\n"))))
                pos += len(raw)
                i += 1
            prev_blank = False
            continue
        offset = 0
        kind = BlockKind.PARAGRAPH
        q = _QUOTE.match(line)
        if q:
            masks.append((start, start + q.end()))
            offset = q.end()
            kind = BlockKind.QUOTE
        li = _LIST.match(line, offset)
        if li:
            masks.append((start + li.start(2), start + li.end(2)))
            blocks.open(BlockKind.LIST_ITEM, start + li.end(), end)
            in_list = True
            prev_blank = False
            continue
        if blocks.kind is not None and not prev_blank:
            blocks.extend(end)
        else:
            if in_list and not line[:1].isspace() and prev_blank:
                in_list = False
            blocks.open(kind, start + offset + (len(line) - offset - len(line[offset:].lstrip())), end)
        prev_blank = False
    blocks.close()
    return masks, blocks.items, front, comments, links


def _inline_pass(text: str, comments: list[Comment], links: list[Link]) -> str:
    """Mask inline syntax on the line-pass prose (code already blank, so nothing matches inside it)."""

    def code(m: re.Match[str]) -> str:
        return blank(m.group(0))

    if "`" in text:  # each pass is skipped when the text lacks a character it needs
        text = _INLINE_CODE.sub(code, text)

    def comment(m: re.Match[str]) -> str:
        comments.append(Comment(m.group(0), Span(m.start(), m.end())))
        return blank(m.group(0))

    text = _COMMENT.sub(comment, text)
    text = _IMAGE.sub(code, text)

    def link(m: re.Match[str]) -> str:
        url = m.group(2).strip("<>")
        links.append(Link(url, Span(m.start(1), m.end(1))))
        return " " + m.group(1) + blank(m.group(0)[len(m.group(1)) + 1:])

    text = _LINK.sub(link, text)

    def reflink(m: re.Match[str]) -> str:
        links.append(Link("#" + (m.group(2) or m.group(1)), Span(m.start(1), m.end(1))))
        return " " + m.group(1) + blank(m.group(0)[len(m.group(1)) + 1:])

    text = _REFLINK.sub(reflink, text)

    def autolink(m: re.Match[str]) -> str:
        links.append(Link(m.group(1), Span(m.start(), m.end())))
        return blank(m.group(0))

    text = _AUTOLINK.sub(autolink, text)
    if "://" in text or "www." in text:
        text = URL_RE.sub(autolink_bare(links), text)
    text = _TAG.sub(code, text)

    def emphasis(m: re.Match[str]) -> str:
        run = m.group(0)
        if run[0] == "_":
            start, end = m.start(), m.end()
            before = text[start - 1] if start else " "
            after = text[end] if end < len(text) else " "
            if (before.isalnum() or before == "_") and (after.isalnum() or after == "_"):
                return run  # inside a word
        return blank(run)

    text = _EMPHASIS.sub(emphasis, text)
    text = _ESCAPE.sub(" ", text)

    def entity(m: re.Match[str]) -> str:
        from html import unescape  # imported on the first entity: most articles have none

        decoded = unescape(m.group(0))
        if decoded == m.group(0):
            return decoded
        return pad(decoded.replace("\xa0", " "), len(m.group(0)))

    return _ENTITY.sub(entity, text)


def autolink_bare(links: list[Link]):
    """A replacement function that records a bare URL as a link and masks it."""

    def _sub(m: re.Match[str]) -> str:
        links.append(Link(m.group(0), Span(m.start(), m.end())))
        return " " * len(m.group(0))

    return _sub


def parse(source: str, path: str = "<string>") -> Document:
    masks, blocks, front, comments, links = _line_pass(source)
    prose = blank_ranges(source, masks)
    prose = _inline_pass(prose, comments, links)
    blocks = trim_blocks(prose, blocks)
    links.sort(key=lambda link: link.span.start)
    comments.sort(key=lambda c: c.span.start)
    return Document(
        path=path,
        format=Format.MARKDOWN,
        source=source,
        prose=prose,
        blocks=tuple(blocks),
        sentences=sentences.split(prose, blocks),
        links=tuple(links),
        comments=tuple(comments),
        front_matter=front,
    )
