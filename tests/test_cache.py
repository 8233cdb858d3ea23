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


def test_two_installations_sharing_the_cache_keep_their_own_entries(tmp_path, monkeypatch):
    """A pre-commit environment and a virtual environment share ~/.cache/healthlint: alternating runs of the two
    must each find their entry instead of rebuilding it (each used to evict the other's)."""
    monkeypatch.setenv("HEALTHLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("HEALTHLINT_NO_CACHE", raising=False)
    builds: list[str] = []

    def run_as(install: str, stamp: str) -> list:
        monkeypatch.setattr(cache, "_INSTALL", install)
        monkeypatch.setattr(cache, "_code_stamp", [stamp])  # the two copies' code differs
        return cache.cached([], lambda: (builds.append(install) or [install], True), "builtin")

    for _ in range(3):
        assert run_as("aaaa1111", "version one") == ["aaaa1111"]
        assert run_as("bbbb2222", "version two") == ["bbbb2222"]
    assert builds == ["aaaa1111", "bbbb2222"]  # built once each, then read back
    # A new version of one installation replaces that installation's entry only.
    assert run_as("aaaa1111", "version three") == ["aaaa1111"] and len(builds) == 3
    assert len(list((tmp_path / "cache").glob("claims-builtin-aaaa1111-*.pickle"))) == 1
    assert len(list((tmp_path / "cache").glob("claims-builtin-bbbb2222-*.pickle"))) == 1


def test_entries_unused_for_a_month_are_removed(tmp_path, monkeypatch):
    import os
    import time

    folder = tmp_path / "cache"
    monkeypatch.setenv("HEALTHLINT_CACHE_DIR", str(folder))
    monkeypatch.delenv("HEALTHLINT_NO_CACHE", raising=False)
    folder.mkdir()
    stale, fresh = folder / "claims-builtin-gone0000-x.pickle", folder / "blobs-other000-y.bin"
    for path in (stale, fresh):
        path.write_bytes(b"old")
    old = time.time() - cache.STALE_SECONDS - 60
    os.utime(stale, (old, old))
    cache.cached([], lambda: ([1], True), "builtin")  # a write cleans up
    assert not stale.exists() and fresh.exists()
