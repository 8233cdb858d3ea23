"""The per-user cache's store of compiled patterns: read on demand, and never needed for a correct result."""
from __future__ import annotations

import pickle

import regex

from lint import cache
from lint.rules.pattern import compile_pattern, precompiled


def test_stored_programs_are_read_back_and_a_missing_file_means_compiling(tmp_path, monkeypatch):
    monkeypatch.setenv("HEALTHLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("HEALTHLINT_NO_CACHE", raising=False)
    patterns = [r"\bpotassium is a vitamin\b", r"\bprick\w* (?:the )?muscle"]
    blobs = precompiled(patterns)
    path, spans = cache.store_blobs(blobs)
    stored = cache.StoredBlobs(path, spans)
    assert all(stored.get(p) == blobs[p] for p in patterns) and stored.get("absent") is None
    compiled = compile_pattern(patterns[1], stored)
    assert isinstance(compiled, regex.Pattern) and compiled.search("Prick the muscle")
    assert pickle.loads(pickle.dumps(stored)).spans == spans  # the rules' cache keeps only where programs lie

    gone = cache.StoredBlobs(str(tmp_path / "cache" / "blobs-gone.bin"), spans)
    assert gone.get(patterns[0]) is None
    assert compile_pattern(patterns[0], gone).search("Potassium is a vitamin")  # compiled from source instead


def test_nothing_is_stored_when_the_cache_is_off(monkeypatch):
    monkeypatch.setenv("HEALTHLINT_NO_CACHE", "1")
    assert cache.store_blobs({"x": b"y"}) is None
