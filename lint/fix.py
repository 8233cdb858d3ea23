"""Apply the edits rules offer: safe ones with --fix, unsafe ones only with --unsafe-fixes.

Edits are applied from the end of the file backwards so earlier offsets stay valid; overlapping edits keep
the first. Files are written atomically (a temporary file in the same folder, then a rename) with the original
BOM, line endings and permissions, because the text is edited as read (``\\r\\n`` is never translated).
"""
from __future__ import annotations

import difflib
import os
import stat
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .finding import Applicability, Finding, Fix

BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True, slots=True)
class FixedText:
    text: str
    applied: tuple[Fix, ...]


def usable(findings: Iterable[Finding], unsafe: bool) -> list[Fix]:
    allowed = {Applicability.SAFE, Applicability.UNSAFE} if unsafe else {Applicability.SAFE}
    return [f.fix for f in findings if f.fix is not None and f.fix.applicability in allowed]


def apply(text: str, fixes: Sequence[Fix]) -> FixedText:
    chosen: list[Fix] = []
    last_start = len(text) + 1
    # Sort by start; drop an edit that overlaps one already chosen (the earlier one wins).
    taken_end = -1
    for fix in sorted(set(fixes), key=lambda f: (f.span.start, f.span.end)):
        if fix.span.start < taken_end or text[fix.span.start:fix.span.end] == fix.replacement:
            continue
        chosen.append(fix)
        taken_end = fix.span.end
    out = text
    for fix in reversed(chosen):
        assert fix.span.start <= last_start
        out = out[:fix.span.start] + fix.replacement + out[fix.span.end:]
        last_start = fix.span.start
    return FixedText(out, tuple(chosen))


def unified_diff(path: str, before: str, after: str) -> str:
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 fromfile=f"a/{path}", tofile=f"b/{path}")
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8, keeping a BOM and the file mode) in one rename."""
    path = path.resolve()  # through a symlink, edit its target rather than replacing the link
    raw = path.read_bytes()
    data = (BOM if raw.startswith(BOM) else b"") + text.encode("utf-8")
    mode = stat.S_IMODE(path.stat().st_mode)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".healthlint-tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
