"""Same-length masking helpers shared by the format parsers."""
from __future__ import annotations

import re
from collections.abc import Callable

from ..document import Block, Span

_NOT_NEWLINE = re.compile(r"[^\r\n]")


def blank(segment: str) -> str:
    """Replace every character except line breaks with a space."""
    if "\n" not in segment and "\r" not in segment:
        return " " * len(segment)
    return _NOT_NEWLINE.sub(" ", segment)


def blank_ranges(text: str, ranges: list[tuple[int, int]]) -> str:
    """Blank the given (start, end) ranges of ``text``; ranges may overlap and come in any order."""
    if not ranges:
        return text
    ranges.sort()
    out: list[str] = []
    pos = 0
    for start, end in ranges:
        if end <= pos:
            continue
        start = max(start, pos)
        out.append(text[pos:start])
        out.append(blank(text[start:end]))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def sub_same_length(pattern: re.Pattern[str], text: str, repl: Callable[[re.Match[str]], str]) -> str:
    """``pattern.sub`` whose replacement must keep the matched length (checked)."""

    def _checked(m: re.Match[str]) -> str:
        r = repl(m)
        if len(r) != len(m.group(0)):  # pragma: no cover - programming error
            raise AssertionError("masking changed a length")
        return r

    return pattern.sub(_checked, text)


def pad(replacement: str, length: int) -> str:
    """A decoded character padded with spaces to the original length."""
    if len(replacement) > length:
        return " " * length
    return replacement + " " * (length - len(replacement))


URL_RE = re.compile(r"\b(?:https?://|www\.)[^\s<>()\[\]\"'`]+[^\s<>()\[\]\"'`.,;:!?]")


def trim_blocks(prose: str, blocks: list[Block]) -> list[Block]:
    """Shrink each block to its visible (non-masked) text and drop blocks left empty."""
    out = []
    for b in blocks:
        a, e = b.span.start, b.span.end
        while a < e and prose[a].isspace():
            a += 1
        while e > a and prose[e - 1].isspace():
            e -= 1
        if a < e:
            out.append(Block(b.kind, Span(a, e)))
    return out
