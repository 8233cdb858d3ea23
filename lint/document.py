"""The parsed article: source text, its masked prose view, blocks and sentences.

Positions are character offsets into ``source`` carried from parse time; the prose view has the same length as
the source (markup is masked with spaces, newlines kept), so a match at ``prose[i:j]`` is ``source[i:j]``.
"""
from __future__ import annotations

import enum
from bisect import bisect_right
from dataclasses import dataclass, field

from .fastpickle import by_fields


@by_fields
@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A 0-based, end-exclusive character range into ``Document.source``."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, offset: int) -> bool:
        return self.start <= offset < self.end


@by_fields
@dataclass(frozen=True, slots=True, order=True)
class Position:
    """A 1-based line and column; columns count Unicode code points."""

    line: int
    column: int


class LineIndex:
    """Maps offsets to positions by bisecting over line starts (\\r\\n counts as one break)."""

    __slots__ = ("starts",)

    def __init__(self, text: str) -> None:
        starts = [0]
        i, n = 0, len(text)
        find = text.find
        # Fast path for \n; handle lone \r separately.
        if "\r" not in text:
            while True:
                i = find("\n", i)
                if i < 0:
                    break
                i += 1
                starts.append(i)
        else:
            while i < n:
                ch = text[i]
                if ch == "\n" or (ch == "\r" and (i + 1 >= n or text[i + 1] != "\n")):
                    starts.append(i + 1)
                i += 1
        self.starts = starts

    def position(self, offset: int) -> Position:
        line = bisect_right(self.starts, offset) - 1
        return Position(line + 1, offset - self.starts[line] + 1)

    @property
    def line_count(self) -> int:
        return len(self.starts)


class BlockKind(str, enum.Enum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list-item"
    QUOTE = "quote"
    TABLE = "table"


@dataclass(frozen=True, slots=True)
class Block:
    """A unit of prose (paragraph, heading, list item...) that sentences never cross."""

    kind: BlockKind
    span: Span


@dataclass(frozen=True, slots=True)
class Link:
    """A hyperlink or bare URL found in the article; ``span`` covers the visible text (or the URL itself)."""

    url: str
    span: Span


@dataclass(frozen=True, slots=True)
class Comment:
    """An HTML/Markdown comment; directives (``<!-- healthlint: ... -->``) are read from these."""

    text: str
    span: Span


class Format(str, enum.Enum):
    MARKDOWN = "markdown"
    TEXT = "text"
    HTML = "html"


@dataclass(frozen=True, slots=True)
class Document:
    """An article ready for rules. Invariant: ``len(prose) == len(source)``."""

    path: str
    format: Format
    source: str
    prose: str
    blocks: tuple[Block, ...]
    sentences: tuple[Span, ...]
    links: tuple[Link, ...] = ()
    comments: tuple[Comment, ...] = ()
    front_matter: Span | None = None
    lines: LineIndex = field(default=None, compare=False, repr=False)  # type: ignore[assignment]
    _sentence_starts: list[int] = field(default=None, compare=False, repr=False)  # type: ignore[assignment]
    _block_starts: list[int] = field(default=None, compare=False, repr=False)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        if len(self.prose) != len(self.source):  # pragma: no cover - a masking bug, never user input
            raise ValueError("prose view must have the same length as the source")
        if self.lines is None:
            object.__setattr__(self, "lines", LineIndex(self.source))
        object.__setattr__(self, "_sentence_starts", [s.start for s in self.sentences])
        object.__setattr__(self, "_block_starts", [b.span.start for b in self.blocks])

    def sentence_index(self, offset: int) -> int | None:
        """Index of the sentence holding ``offset``, or None when the offset is outside every sentence."""
        i = bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < max(self.sentences[i].end, self.sentences[i].start + 1):
            return i
        return None

    def sentences_in(self, span: Span) -> range:
        """Indices of the sentences that overlap ``span`` (sentences are sorted and do not overlap)."""
        first = self.sentence_index(span.start)
        if first is None:
            first = bisect_right(self._sentence_starts, span.start)
        last = bisect_right(self._sentence_starts, span.end - 1) if span.end > span.start else first
        return range(first, max(first, last))

    def sentence_at(self, offset: int) -> Span:
        """The sentence holding ``offset``; falls back to the line when the offset is outside prose."""
        i = self.sentence_index(offset)
        if i is not None:
            return self.sentences[i]
        start = self.source.rfind("\n", 0, offset) + 1
        end = self.source.find("\n", offset)
        return Span(start, len(self.source) if end < 0 else end)

    def block_index(self, offset: int) -> int | None:
        i = bisect_right(self._block_starts, offset) - 1
        if i >= 0 and self.blocks[i].span.start <= offset < self.blocks[i].span.end:
            return i
        return None

    def block_at(self, offset: int) -> Block | None:
        i = self.block_index(offset)
        return None if i is None else self.blocks[i]

    def text(self, span: Span) -> str:
        return self.source[span.start:span.end]
