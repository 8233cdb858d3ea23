"""Lint many files: read, parse and run the engine per file, on several processes when it pays off.

Workers are forked after the engine is built, so they share its compiled database instead of rebuilding it.
Results come back in input order, so output never depends on scheduling.
"""
from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from . import discover
from .engine import Engine
from .errors import DocumentError
from .finding import Finding
from .markup import parse

PARALLEL_MIN_FILES = 24  # below this, starting workers costs more than it saves

_ENGINE: Engine | None = None  # set in the parent before forking; read by workers


@dataclass(frozen=True, slots=True)
class FileOutcome:
    display: str
    text: str | None = None
    findings: tuple[Finding, ...] = ()
    error: DocumentError | None = None
    rule_errors: tuple[str, ...] = ()


def lint_source(engine: Engine, source: discover.Source, stdin: bytes | None = None) -> FileOutcome:
    try:
        text = discover.read(source, stdin)
    except DocumentError as exc:
        return FileOutcome(source.display, error=exc)
    outcome = engine.run(parse(text, source.format, source.display))
    return FileOutcome(source.display, text, tuple(outcome.findings),
                       rule_errors=tuple(f"rule {e.code}: {e.message}" for e in outcome.rule_errors))


def _work(source: discover.Source) -> FileOutcome:
    assert _ENGINE is not None
    return lint_source(_ENGINE, source)


def workers() -> int:
    """How many processes to use: HEALTHLINT_JOBS, else the number of cores (at most 8)."""
    value = os.environ.get("HEALTHLINT_JOBS")
    if value and value.isdigit() and int(value) > 0:
        return int(value)
    return max(1, min(os.cpu_count() or 1, 8))


def lint_sources(engine: Engine, sources: list[discover.Source], stdin: bytes | None = None) -> Iterator[FileOutcome]:
    """Outcomes in the order of ``sources``."""
    jobs = workers()
    fork = "fork" in multiprocessing.get_all_start_methods()
    if jobs > 1 and fork and len(sources) >= PARALLEL_MIN_FILES and all(s.path is not None for s in sources):
        global _ENGINE
        _ENGINE = engine
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(jobs) as pool:
            yield from pool.imap(_work, sources, chunksize=max(1, len(sources) // (jobs * 8)))
        _ENGINE = None
        return
    for source in sources:
        yield lint_source(engine, source, stdin)


def split_items(items: Iterable[discover.Source | DocumentError]) -> tuple[list[discover.Source], list[DocumentError]]:
    sources, missing = [], []
    for item in items:
        (missing if isinstance(item, DocumentError) else sources).append(item)
    return sources, missing
