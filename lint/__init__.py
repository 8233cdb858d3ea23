"""healthlint: a fact-checking and content-quality linter for health articles.

Public API: ``lint_text`` for a string, ``lint_paths`` for files, ``load_rules`` for the database.
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from .document import Document, Format
from .finding import Finding

__version__ = "0.1.0"
__all__ = ["Document", "Finding", "Format", "__version__", "lint_document", "lint_text", "load_rules"]


def load_rules(claims_paths: Sequence[str | Path] | None = None, builtin: bool = True):
    """Claims (the built-in database and/or extra paths) plus the rule families written in code."""
    from . import claims
    from .rules import family_rules

    from .errors import ClaimsError

    rules = []
    problems: list[str] = []
    if builtin:
        from .cache import cached

        files = claims.claim_files(None)

        def parse_builtin() -> tuple[list, bool]:
            found: list = []
            for path in files:
                found.extend(claims.load_file(path, problems, compile_now=False))
            if not problems:
                _prepare(found)
            return found, not problems

        rules.extend(cached(files, parse_builtin))
    if claims_paths:
        from .cache import cached

        pack_files = claims.claim_files(list(claims_paths))

        def parse_packs() -> tuple[tuple[list, list], bool]:
            # Extra packs are validated in full (every pattern compiled); a pack that validated is cached, with
            # the rules it switches off (so a cached run parses no YAML).
            found: list = []
            for path in pack_files:
                found.extend(claims.load_file(path, problems))
            disables = [(path, name, line) for path in pack_files for name, line in claims.pack_disables(path)]
            if not problems:
                _prepare(found, precompile=False)  # pack patterns compile when a document first needs them
            return (found, disables), not problems

        pack_rules, pack_disables = cached(pack_files, parse_packs, "pack")
        rules.extend(pack_rules)
    if builtin:
        rules.extend(_with_cached_plans(family_rules()))
    if claims_paths:
        rules = _apply_disables(rules, pack_disables, problems)
    claims.check_unique(rules, problems)
    if problems:
        raise ClaimsError(problems)
    return rules


def _with_cached_plans(families: list) -> list:
    """The families' prefilter plans and compiled patterns come from the per-user cache too (their patterns live
    in the code, which the cache key covers), so a run does not re-derive or recompile them."""
    from . import prefilter
    from .cache import cached, enabled
    from .rules.lexicon import LazyPattern

    def build() -> tuple[tuple[dict, dict], bool]:
        from . import context  # noqa: F401 - its patterns are LazyPatterns too, kept compiled with the families'

        plans = {rule.info.code: prefilter.plan(rule) for rule in families}
        # The families' patterns, compiled once and kept with the plans (a small-file run then compiles none).
        return (plans, LazyPattern.precompile_all() if enabled() else {}), True

    value = cached([], build, "family-plans")
    if not (isinstance(value, tuple) and len(value) == 2):  # written by another version mid-upgrade: rebuild
        value = build()[0]
    plans, blobs = value
    LazyPattern.blobs = blobs
    for rule in families:
        if rule.info.code in plans:
            prefilter.keep_plan(rule, plans[rule.info.code])
    return families


def _prepare(rules: list, precompile: bool = True) -> None:
    """Work done once per database version and kept in the per-user cache with the rules: the relaxed patterns
    and prefilter plan of each rule, and each claim pattern compiled (as ``regex`` pickles it: the compiled
    program, which loads in microseconds), so a run compiles nothing it has already compiled once."""
    from . import prefilter
    from .cache import StoredBlobs, compiled_patterns, enabled, keep_compiled_patterns, store_blobs
    from .rules.pattern import precompiled

    plans = [(rule, prefilter.plan(rule)) for rule in rules]
    for rule in rules:
        # The relaxed patterns live on in the plans; kept on the rule too, they made the cached database about a
        # third slower to load.
        rule.__dict__.pop("_relaxed", None)
    if not precompile or not enabled():
        return  # nothing is kept: compiling every pattern now would only cost time
    known = compiled_patterns()
    blobs: dict[str, bytes] = {}
    owned: list[tuple[object, list[str]]] = []
    for rule in rules:
        sources = [*getattr(rule, "pattern_sources", ()), *getattr(rule, "unless_sources", ()),
                   *(p for group in getattr(rule, "group_sources", ()) for p in group)]
        if sources:
            mine = precompiled(sources, known)
            blobs.update(mine)
            owned.append((rule, list(mine)))
    keep_compiled_patterns(blobs)
    # Each rule keeps where its programs lie in one shared file, not the programs themselves, so loading the
    # cached database stays cheap however many patterns it has (see ``cache.StoredBlobs``). The prefilter keys'
    # compiled code goes there too: a run makes only the keys its documents need.
    keys = {f"\0key\0{i}": plan.code for i, (_, plan) in enumerate(plans) if plan is not None and plan.code}
    stored = store_blobs({**blobs, **keys})
    if stored is not None:
        path, spans = stored
        for rule, patterns in owned:
            rule.compiled_blobs = StoredBlobs(path, {p: spans[p] for p in patterns})
        for i, (_, plan) in enumerate(plans):
            if plan is not None and plan.code:
                plan.code = StoredBlobs(path, {"": spans[f"\0key\0{i}"]})


def _apply_disables(rules: list, disables: list, problems: list[str]) -> list:
    """Drop the rules that claim packs switch off (``disable:``, as (file, name, line)); naming an unknown rule is
    an error."""
    off: set[str] = set()
    for path, name, line in disables:
        hits = {r.info.code for r in rules if name in (r.info.code, r.info.id) or name.upper() == r.info.code}
        if not hits:
            problems.append(f"{path}:{line}: 'disable' names unknown rule {name!r}")
        off |= hits
    return [r for r in rules if r.info.code not in off]


@lru_cache(maxsize=1)
def _default_engine():
    from .engine import Engine

    return Engine(load_rules())


def lint_document(doc: Document, engine=None) -> list[Finding]:
    return (engine or _default_engine()).run(doc).findings


def lint_text(text: str, fmt: str | Format = "markdown", path: str = "<string>", engine=None) -> list[Finding]:
    """Findings for an article given as a string (the database is compiled once per process)."""
    from .markup import parse

    return lint_document(parse(text, Format(fmt), path), engine)
