"""A per-user cache of the parsed built-in database, so a one-file run (the pre-commit case) skips YAML parsing.

The cache holds rules as pickled objects before any pattern is compiled, keyed by healthlint's version, the
Python version and each claims file's path, size and modification time. Any problem reading or writing it is
ignored: the cache can only make a run faster, never change its result. ``HEALTHLINT_CACHE_DIR`` moves it;
``HEALTHLINT_NO_CACHE=1`` turns it off.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import time
from collections.abc import Callable
from pathlib import Path

from . import __version__


def _cache_dir() -> Path | None:
    if os.environ.get("HEALTHLINT_NO_CACHE"):
        return None
    if os.environ.get("HEALTHLINT_CACHE_DIR"):
        return Path(os.environ["HEALTHLINT_CACHE_DIR"])
    if os.environ.get("XDG_CACHE_HOME"):
        return Path(os.environ["XDG_CACHE_HOME"]) / "healthlint"
    return Path.home() / ".cache" / "healthlint"


def enabled() -> bool:
    """Whether this run reads and writes the cache."""
    return _cache_dir() is not None


_CODE = Path(__file__).resolve().parent
# Entries are kept per installation: a pre-commit environment and a virtual environment with different versions of
# healthlint share the user's cache folder, and if each replaced the other's entries every run would rebuild them.
_INSTALL = hashlib.sha256(str(_CODE).encode()).hexdigest()[:8]
STALE_SECONDS = 30 * 24 * 3600  # entries no run has used for this long (an uninstalled copy's) are removed


_code_stamp: list[str] = []  # healthlint's own code, stamped once per process


def _stamp(path: Path) -> str:
    st = path.stat()
    return f"{path}|{st.st_size}|{st.st_mtime_ns}\n"


def _key(files: list[Path]) -> str:
    """Changes when a claims file, healthlint's own code (how rules are parsed and relaxed) or Python changes."""
    if not _code_stamp:
        _code_stamp.append("".join(_stamp(f) for f in sorted(_CODE.rglob("*.py"))))
    h = hashlib.sha256(f"{__version__}|{sys.version}".encode())
    h.update(_code_stamp[0].encode())
    for f in files:
        h.update(_stamp(f.resolve()).encode())
    return h.hexdigest()[:32]


def cached(files: list[Path], build: Callable[[], tuple[list, bool]], kind: str = "builtin") -> list:
    """``build()``'s value for these files, from the cache when it is fresh; ``build`` says if it may be kept.

    ``kind`` names the slot ("builtin", "pack"): each keeps only its newest entry.
    """
    folder = _cache_dir()
    if folder is None:
        return build()[0]
    try:
        path = folder / f"claims-{kind}-{_INSTALL}-{_key(files)}.pickle"
        if path.exists():
            with path.open("rb") as fh:
                value = pickle.load(fh)
            _used(path)
            return value
    except Exception:  # a corrupt or unreadable cache is rebuilt
        pass
    value, keep = build()
    if not keep:
        return value
    try:
        folder.mkdir(parents=True, exist_ok=True)
        import tempfile  # imported here: most runs write nothing

        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in folder.glob(f"claims-{kind}-{_INSTALL}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)  # this installation's previous entry
        _remove_stale(folder)
    except Exception:  # a read-only home or a full disk: run without the cache
        pass
    return value


def _used(path: Path) -> None:
    """Mark an entry as used now (its modification time), so ``_remove_stale`` keeps it."""
    try:
        if path.stat().st_mtime < time.time() - 24 * 3600:  # at most once a day: a hit costs no write
            os.utime(path)
    except OSError:
        pass


def _remove_stale(folder: Path) -> None:
    """Remove the entries no run has used for STALE_SECONDS (those of an installation since removed)."""
    limit = time.time() - STALE_SECONDS
    for entry in [*folder.glob("claims-*.pickle"), *folder.glob("blobs-*.bin")]:
        try:
            if entry.stat().st_mtime < limit:
                entry.unlink(missing_ok=True)
        except OSError:
            pass


def _patterns_path(folder: Path) -> Path:
    import regex

    h = hashlib.sha256(f"{getattr(regex, '__version__', '?')}|{sys.version}".encode())
    return folder / f"patterns-{h.hexdigest()[:16]}.pickle"


def compiled_patterns() -> dict[str, bytes]:
    """Claim patterns compiled by earlier runs (pickled ``regex`` programs, keyed by pattern), for reuse when the
    database changes; empty when there are none or the cache is off."""
    folder = _cache_dir()
    if folder is None:
        return {}
    try:
        with _patterns_path(folder).open("rb") as fh:
            value = pickle.load(fh)
        return value if isinstance(value, dict) else {}
    except Exception:
        return {}


def keep_compiled_patterns(blobs: dict[str, bytes]) -> None:
    """Store the compiled patterns of the current database (replacing the previous set)."""
    folder = _cache_dir()
    if folder is None or not blobs:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = _patterns_path(folder)
        merged = dict(blobs)
        if path.exists():  # keep the other database's patterns too (built-in and packs share the file)
            try:
                with path.open("rb") as fh:
                    old = pickle.load(fh)
                if isinstance(old, dict) and len(old) + len(merged) <= _MAX_PATTERNS:
                    merged = {**old, **merged}
            except Exception:
                pass
        import tempfile  # imported here: most runs write nothing

        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(merged, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except Exception:  # a read-only home or a full disk: run without it
        pass


_MAX_PATTERNS = 50_000


class StoredBlobs:
    """A rule's compiled patterns, read on demand from one file of the per-user cache.

    The rules' cache holds only where each compiled program lies in that file; a run maps the file into memory
    and reads the few programs its documents need, instead of unpickling every program of the database at start.
    ``get`` returns None when the file is gone or unreadable (the pattern is then compiled from source).
    """

    __slots__ = ("path", "spans")

    def __init__(self, path: str, spans: dict[str, tuple[int, int]]) -> None:
        self.path = path
        self.spans = spans

    def __getstate__(self):
        return self.path, self.spans

    def __setstate__(self, state) -> None:
        self.path, self.spans = state

    def __bool__(self) -> bool:
        return bool(self.spans)

    def get(self, pattern: str) -> bytes | None:
        span = self.spans.get(pattern)
        if span is None:
            return None
        data = _mapped(self.path)
        if data is None or span[0] + span[1] > len(data):
            return None
        return data[span[0]:span[0] + span[1]]


_MAPS: dict[str, object] = {}  # blob file -> its memory map (False: unreadable)


def _mapped(path: str):
    data = _MAPS.get(path)
    if data is None:
        import mmap

        try:
            with open(path, "rb") as fh:
                data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
            _used(Path(path))
        except (OSError, ValueError):
            data = False
        _MAPS[path] = data
    return data or None


def store_blobs(blobs: dict[str, bytes]) -> tuple[str, dict[str, tuple[int, int]]] | None:
    """Write compiled programs to one file of the per-user cache (named by its content, so equal databases share
    it); returns its path and where each program lies, or None when nothing could be written."""
    folder = _cache_dir()
    if folder is None or not blobs:
        return None
    spans: dict[str, tuple[int, int]] = {}
    parts: list[bytes] = []
    offset = 0
    for pattern in sorted(blobs):
        blob = blobs[pattern]
        spans[pattern] = (offset, len(blob))
        parts.append(blob)
        offset += len(blob)
    data = b"".join(parts)
    path = folder / f"blobs-{_INSTALL}-{hashlib.sha256(data).hexdigest()[:24]}.bin"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            import tempfile  # imported here: most runs write nothing

            fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        for old in folder.glob(f"blobs-{_INSTALL}-*.bin"):
            if old != path and old.stat().st_mtime < path.stat().st_mtime - 3600:
                old.unlink(missing_ok=True)  # a database replaced over an hour ago
    except Exception:
        return None
    return str(path), spans
