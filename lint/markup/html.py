"""HTML → Document by masking tags with a position-exact tokenizer.

Not linted: <head>, <script>, <style>, <template>, <svg>, <pre>, <code>, comments and every tag with its
attributes. Entities are decoded in place (character plus padding spaces). Block-level tags end blocks.
"""
from __future__ import annotations

import html as _html
import re

from .. import sentences
from ..document import Block, BlockKind, Comment, Document, Format, Link, Span
from .mask import URL_RE, blank, pad, trim_blocks

_TOKEN = re.compile(
    r"(?P<comment><!--.*?(?:-->|\Z))"
    r"|(?P<raw><(?P<rawtag>script|style|head|template|svg|pre|code|noscript|textarea)\b[^>]*>.*?(?:</(?P=rawtag)\s*>|\Z))"
    r"|(?P<decl><![^>]*>|<\?.*?\?>)"
    r"|(?P<tag></?(?P<name>[A-Za-z][A-Za-z0-9-]*)(?P<attrs>(?:\s+[^\s\"'>/=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*)\s*/?>)"
    r"|(?P<entity>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)",
    re.S | re.I,
)
_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)

_BLOCK_KIND = {
    **{f"h{i}": BlockKind.HEADING for i in range(1, 7)},
    "li": BlockKind.LIST_ITEM,
    "dt": BlockKind.LIST_ITEM,
    "dd": BlockKind.LIST_ITEM,
    "blockquote": BlockKind.QUOTE,
    "td": BlockKind.TABLE,
    "th": BlockKind.TABLE,
    "caption": BlockKind.TABLE,
}
_BLOCK_TAGS = frozenset(
    """address article aside blockquote body br caption dd details div dl dt fieldset figcaption figure footer form
    h1 h2 h3 h4 h5 h6 header hr html li main nav ol p section summary table tbody td tfoot th thead title tr ul
    option select button label""".split()
)


def parse(source: str, path: str = "<string>") -> Document:
    out: list[str] = []
    blocks: list[Block] = []
    links: list[Link] = []
    comments: list[Comment] = []
    kind_stack: list[BlockKind] = []
    block_start: int | None = None
    open_link: tuple[str, int] | None = None
    pos = 0

    def close_block(at: int) -> None:
        nonlocal block_start
        if block_start is not None and at > block_start:
            kind = kind_stack[-1] if kind_stack else BlockKind.PARAGRAPH
            blocks.append(Block(kind, Span(block_start, at)))
        block_start = None

    def text_run(a: int, b: int) -> None:
        nonlocal block_start
        chunk = source[a:b]
        out.append(chunk)
        if block_start is None and chunk.strip():
            block_start = a + (len(chunk) - len(chunk.lstrip()))

    for m in _TOKEN.finditer(source):
        if m.start() > pos:
            text_run(pos, m.start())
        token = m.group(0)
        pos = m.end()
        if m.group("entity"):
            decoded = _html.unescape(token).replace("\xa0", " ")
            if block_start is None and decoded.strip():
                block_start = m.start()
            out.append(pad(decoded, len(token)) if decoded != token else token)
            continue
        out.append(blank(token))
        if m.group("comment"):
            comments.append(Comment(token, Span(m.start(), m.end())))
            continue
        if m.group("raw") or m.group("decl"):
            close_block(m.start())
            continue
        name = m.group("name").lower()
        closing = token.startswith("</")
        if name == "a":
            if closing and open_link:
                links.append(Link(open_link[0], Span(open_link[1], m.start())))
                open_link = None
            elif not closing:
                href = _HREF.search(m.group("attrs") or "")
                if href:
                    open_link = (next(g for g in href.groups() if g is not None), m.end())
        if name in _BLOCK_TAGS:
            close_block(m.start())
            kind = _BLOCK_KIND.get(name)
            if kind is not None:
                if closing:
                    if kind in kind_stack:
                        while kind_stack and kind_stack.pop() != kind:
                            pass
                elif not token.endswith("/>"):
                    kind_stack.append(kind)
    if pos < len(source):
        text_run(pos, len(source))
    close_block(len(source))
    prose = "".join(out)

    def bare(m: re.Match[str]) -> str:
        links.append(Link(m.group(0), Span(m.start(), m.end())))
        return " " * len(m.group(0))

    prose = URL_RE.sub(bare, prose)
    trimmed = trim_blocks(prose, blocks)
    links.sort(key=lambda link: link.span.start)
    return Document(
        path=path,
        format=Format.HTML,
        source=source,
        prose=prose,
        blocks=tuple(trimmed),
        sentences=sentences.split(prose, trimmed),
        links=tuple(links),
        comments=tuple(comments),
    )
