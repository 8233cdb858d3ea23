"""Stable fingerprints of findings: the same problem keeps its fingerprint when lines are added above it.

A fingerprint hashes what identifies a problem, not where it is: the rule code, the file path, the sentence
holding the match (whitespace collapsed, casefolded), the matched text (normalised the same way) and an
occurrence index that tells apart the same sentence repeated in one file and the same match repeated in one
sentence. Line and column numbers are left out on purpose, so editing other parts of an article keeps the
fingerprint; changing the sentence itself makes it a new finding. Article-level findings (missing author, date,
sources...) are identified by code and path alone.

SARIF ``partialFingerprints``, the GitLab Code Quality ``fingerprint`` and the baseline all use this function.
"""
from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from functools import lru_cache
from pathlib import PurePath

from ..finding import Category, Finding

FINGERPRINT_VERSION = 1
FINGERPRINT_LENGTH = 32  # hexadecimal digits kept of the SHA-256 (128 bits)


def normalise(text: str) -> str:
    """Collapse every run of whitespace to one space, strip the ends and casefold."""
    return " ".join(text.split()).casefold()


_WORD = re.compile(r"\S+")  # the same whitespace as str.split()


@lru_cache(maxsize=8)
def _word_index(text: str) -> tuple[list[int], list[int], list[int], list[int], str]:
    """Word starts and ends in ``text``, the same in ``normalise(text)``, and ``normalise(text)`` itself."""
    starts: list[int] = []
    ends: list[int] = []
    n_starts: list[int] = []
    n_ends: list[int] = []
    words: list[str] = []
    pos = -1
    for m in _WORD.finditer(text):
        word = m.group().casefold()
        pos += 1
        starts.append(m.start())
        ends.append(m.end())
        n_starts.append(pos)
        pos += len(word)
        n_ends.append(pos)
        words.append(word)
    return starts, ends, n_starts, n_ends, " ".join(words)


def normalised_prefix(text: str, offset: int) -> str:
    """``normalise(text[:offset])``, without re-normalising the whole prefix for every finding of a file."""
    starts, ends, n_starts, n_ends, norm = _word_index(text)
    k = bisect_left(starts, offset)  # words 0..k-1 start before offset
    if k == 0:
        return ""
    last = k - 1
    if ends[last] <= offset:
        return norm[:n_ends[last]]
    return norm[:n_starts[last]] + text[starts[last]:offset].casefold()  # offset falls inside a word


def _path_key(path: str) -> str:
    """The path with forward slashes and without a leading ``./``, so the same file hashes alike on every OS."""
    if path.startswith("<") and path.endswith(">"):  # <stdin>
        return path
    posix = PurePath(path).as_posix()
    while posix.startswith("./"):
        posix = posix[2:]
    return posix


def _sentence_bounds(finding: Finding, source_text: str) -> tuple[int, int]:
    start = min(finding.sentence.start, finding.span.start)
    end = max(finding.sentence.end, finding.span.end)
    return max(0, start), min(len(source_text), end)


def _count(haystack: str, needle: str) -> int:
    return haystack.count(needle) if needle else 0


def fingerprint(finding: Finding, source_text: str | None) -> str:
    """A stable hexadecimal fingerprint of ``finding`` in the file whose full text is ``source_text``.

    The fingerprint survives lines inserted or removed anywhere else in the file, re-wrapping and changes of
    case in the sentence. When ``source_text`` is None (the text is not at hand) the matched text alone stands
    for the sentence.
    """
    text = source_text or ""
    if finding.category is Category.MISSING_ELEMENT:
        # Article-level findings (no author, no date...) sit on line 1 by convention; the text there says nothing
        # about the problem, so the code and the file alone identify it.
        sentence = match = ""
        sentence_index = match_index = 0
    elif source_text is not None and finding.span.end <= len(text):
        s_start, s_end = _sentence_bounds(finding, text)
        sentence = normalise(text[s_start:s_end])
        match = normalise(text[finding.span.start:finding.span.end])
        # Occurrence index: earlier copies of the same sentence in the file, then earlier copies of the same
        # match inside the sentence. Both only change when the same words are added or removed.
        sentence_index = _count(normalised_prefix(text, s_start), sentence)
        match_index = _count(normalise(text[s_start:finding.span.start]), match)
    else:
        sentence = match = normalise(finding.text)
        sentence_index = match_index = 0
    parts = (f"v{FINGERPRINT_VERSION}", finding.code, _path_key(finding.path), sentence, match,
             str(sentence_index), str(match_index))
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:FINGERPRINT_LENGTH]


__all__ = ["FINGERPRINT_VERSION", "fingerprint", "normalise", "normalised_prefix"]
