"""Lint many files: read, parse and run the engine per file, on several processes when it pays off.

Workers are forked after the engine is built, so they share its compiled database instead of rebuilding it.
Results come back in input order, so output never depends on scheduling.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace

from . import discover, suppress
from .engine import Engine
from .errors import DocumentError
from .finding import Finding, Severity
from .markup import parse
from .result import Suppressed

PARALLEL_MIN_FILES = 24  # below this, starting workers costs more than it saves

_ENGINE: Engine | None = None  # set in the parent before forking; read by workers


@dataclass(frozen=True, slots=True)
class FileOutcome:
    display: str
    text: str | None = None
    findings: tuple[Finding, ...] = ()
    error: DocumentError | None = None
    rule_errors: tuple[str, ...] = ()
    suppressed: tuple[Suppressed, ...] = ()


@dataclass(frozen=True)
class Policy:
    """What the configuration does to a file's findings after the engine: per-file ignores, inline
    suppressions, severity overrides. The default policy still honours inline suppressions."""

    known: Mapping[str, str] = field(default_factory=dict)  # every rule code and id -> code
    active: frozenset[str] = frozenset()  # codes that ran
    linter_enabled: frozenset[str] = frozenset(suppress.LINTER_CODES)  # LNT codes the selection keeps
    ignored_for: Callable[[str], Callable[[Finding], bool]] | None = None  # path -> "is this finding ignored?"
    severity: Mapping[str, Severity] = field(default_factory=dict)
    require_reason: bool = False

    def apply(self, doc, findings: list[Finding]) -> tuple[list[Finding], list[Suppressed]]:
        ignored = self.ignored_for(doc.path) if self.ignored_for else None
        if ignored is not None:
            findings = [f for f in findings if not ignored(f)]
        split = suppress.apply(doc, findings, self.known, self.active, self.require_reason)
        kept = split.kept + [p for p in split.problems
                             if p.code in self.linter_enabled and (ignored is None or not ignored(p))]
        if self.severity:
            kept = [replace(f, severity=self.severity[f.code]) if f.code in self.severity else f for f in kept]
        kept.sort(key=lambda f: f.sort_key)
        return kept, split.suppressed


DEFAULT_POLICY = Policy()
_POLICY: Policy = DEFAULT_POLICY  # set with _ENGINE before forking


def lint_text_as(engine: Engine, text: str, source: discover.Source, policy: Policy = DEFAULT_POLICY) -> FileOutcome:
    doc = parse(text, source.format, source.display)
    outcome = engine.run(doc)
    findings, suppressed = policy.apply(doc, list(outcome.findings))
    return FileOutcome(source.display, text, tuple(findings),
                       rule_errors=tuple(f"rule {e.code}: {e.message}" for e in outcome.rule_errors),
                       suppressed=tuple(suppressed))


def lint_source(engine: Engine, source: discover.Source, stdin: bytes | None = None,
                policy: Policy = DEFAULT_POLICY) -> FileOutcome:
    try:
        text = discover.read(source, stdin)
    except DocumentError as exc:
        return FileOutcome(source.display, error=exc)
    return lint_text_as(engine, text, source, policy)


def _work(source: discover.Source) -> FileOutcome:
    assert _ENGINE is not None
    return lint_source(_ENGINE, source, policy=_POLICY)


def workers() -> int:
    """How many processes to use: HEALTHLINT_JOBS, else the number of cores (at most 8)."""
    value = os.environ.get("HEALTHLINT_JOBS")
    if value and value.isdigit() and int(value) > 0:
        return int(value)
    return max(1, min(os.cpu_count() or 1, 8))


def lint_sources(engine: Engine, sources: list[discover.Source], stdin: bytes | None = None,
                 policy: Policy = DEFAULT_POLICY) -> Iterator[FileOutcome]:
    """Outcomes in the order of ``sources``."""
    jobs = workers()
    if jobs <= 1 or len(sources) < PARALLEL_MIN_FILES:
        for source in sources:
            yield lint_source(engine, source, stdin, policy)
        return
    import multiprocessing

    fork = "fork" in multiprocessing.get_all_start_methods()
    if jobs > 1 and fork and len(sources) >= PARALLEL_MIN_FILES and all(s.path is not None for s in sources):
        global _ENGINE, _POLICY
        _ENGINE, _POLICY = engine, policy
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(jobs) as pool:
            yield from pool.imap(_work, sources, chunksize=max(1, len(sources) // (jobs * 8)))
        _ENGINE, _POLICY = None, DEFAULT_POLICY
        return
    for source in sources:
        yield lint_source(engine, source, stdin, policy)


def split_items(items: Iterable[discover.Source | DocumentError]) -> tuple[list[discover.Source], list[DocumentError]]:
    sources, missing = [], []
    for item in items:
        (missing if isinstance(item, DocumentError) else sources).append(item)
    return sources, missing
