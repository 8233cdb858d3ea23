"""Expand command-line paths into the articles to lint, and read them as text."""
from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .document import Format
from .errors import DocumentError
from .markup import EXTENSIONS, format_for

SKIP_DIRS = frozenset({"node_modules", "__pycache__", "site-packages", "venv", "CVS", "_darcs"})
STDIN = "-"


@dataclass(frozen=True, slots=True)
class Source:
    """One article to lint: the path as the user gave it (``display``), where to read it, and its format."""

    display: str
    path: Path | None  # None for standard input
    format: Format


def _glob_match(rel: str, patterns: Sequence[str]) -> bool:
    name = PurePosixPath(rel).name
    for pattern in patterns:
        p = pattern.rstrip("/")
        if fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p) or fnmatch.fnmatch(rel, p + "/*") \
                or rel.startswith(p + "/"):
            return True
    return False


@dataclass(frozen=True, slots=True)
class Rooted:
    """Globs from a configuration file, relative to its folder; excludes apply to files named explicitly too
    (so pre-commit, which passes every staged file, honours them)."""

    root: Path
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    def _rel(self, path: Path) -> str | None:
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except (ValueError, OSError):
            return None

    def excluded(self, path: Path) -> bool:
        from .config import glob_match

        rel = self._rel(path) if self.exclude else None
        return rel is not None and any(glob_match(rel, g) for g in self.exclude)

    def included(self, path: Path) -> bool:
        from .config import glob_match

        if not self.include:
            return True
        rel = self._rel(path)
        return rel is None or any(glob_match(rel, g) for g in self.include)


def expand(paths: Sequence[str], include: Sequence[str] = (), exclude: Sequence[str] = (),
           stdin_format: Format = Format.MARKDOWN, rooted: Rooted | None = None) -> Iterator[Source | DocumentError]:
    """Yield sources in a stable order; a missing path yields a DocumentError (the caller decides the exit code)."""
    for given in paths:
        if given == STDIN:
            yield Source("<stdin>", None, stdin_format)
            continue
        root = Path(given)
        if root.is_file():
            rel = PurePosixPath(root.as_posix()).as_posix()
            if not _glob_match(rel, exclude) and not (rooted and rooted.excluded(root)):
                yield Source(given, root, format_for(given))
            continue
        if not root.is_dir():
            yield DocumentError(given, "no such file or directory", missing=True)
            continue
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(
                d for d in dirnames
                if not d.startswith(".") and d not in SKIP_DIRS
                and not _glob_match(Path(dirpath, d).relative_to(root).as_posix(), exclude)
                and not (rooted and rooted.excluded(Path(dirpath, d)))
            )
            for name in sorted(filenames):
                if name.startswith("."):
                    continue
                rel = Path(dirpath, name).relative_to(root).as_posix()
                suffix = Path(name).suffix.lower()
                if include:
                    if not _glob_match(rel, include):
                        continue
                elif suffix not in EXTENSIONS or rooted and not rooted.included(Path(dirpath, name)):
                    continue
                if _glob_match(rel, exclude) or (rooted and rooted.excluded(Path(dirpath, name))):
                    continue
                display = rel if given in (".", "./") else os.path.join(given, rel)
                yield Source(display, Path(dirpath, name), format_for(name))


def decode(data: bytes, display: str) -> str:
    """UTF-8 text with or without BOM; anything else is a per-file error."""
    if b"\x00" in data:
        raise DocumentError(display, "not a text file (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise DocumentError(display, f"not valid UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})", line) from None


def read(source: Source, stdin: bytes | None = None) -> str:
    if source.path is None:
        return decode(stdin or b"", source.display)
    try:
        data = source.path.read_bytes()
    except OSError as exc:
        raise DocumentError(source.display, f"cannot read file: {exc.strerror or exc}") from None
    return decode(data, source.display)
