"""Project configuration: ``.healthlint.yaml`` or ``[tool.healthlint]`` in ``pyproject.toml``.

The nearest file found by walking up from the checked paths wins (``--config`` overrides the search), and
command-line flags beat it. Keys are kebab-case, as in ruff. An unknown key or a bad value is a one-line error
naming the file and line (exit code 2).
"""
from __future__ import annotations

import os
import fnmatch
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .errors import UsageError
from .finding import Severity

YAML_NAMES = (".healthlint.yaml", ".healthlint.yml")
PYPROJECT = "pyproject.toml"
FAIL_ON = ("error", "warning", "info", "never")
DEFAULT_READABILITY_GRADE = 10.0


@dataclass(frozen=True)
class Config:
    """Settings from one configuration file; every path inside is resolved against ``root``."""

    path: Path | None = None  # the file it came from (None: defaults)
    root: Path = field(default_factory=Path.cwd)
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    fail_on: str | None = None
    min_severity: str | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    claims: tuple[Path, ...] = ()
    readability_grade: float = DEFAULT_READABILITY_GRADE
    require_suppression_reason: bool = False

    def ignored_codes(self, path: str) -> tuple[str, ...]:
        """Selectors that per-file-ignores switch off for ``path`` (a display path, relative to the cwd)."""
        rel = _relative(path, self.root)
        out: list[str] = []
        for pattern, codes in self.per_file_ignores:
            if glob_match(rel, pattern):
                out.extend(codes)
        return tuple(out)


def _relative(path: str, root: Path) -> str:
    p = Path(path)
    try:
        return p.resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        return PurePosixPath(p.as_posix()).as_posix()


def glob_match(rel: str, pattern: str) -> bool:
    """Gitignore-like globs: ``**`` spans folders, a pattern without a slash matches the file name anywhere."""
    pattern = pattern.strip().lstrip("./") if pattern.startswith("./") else pattern.strip()
    if "/" not in pattern.rstrip("/"):
        name = PurePosixPath(rel).name
        return fnmatch.fnmatchcase(name, pattern) or any(
            fnmatch.fnmatchcase(part, pattern.rstrip("/")) for part in PurePosixPath(rel).parts[:-1])
    return bool(_glob_regex(pattern.rstrip("/")).fullmatch(rel)) or rel.startswith(pattern.rstrip("/") + "/")


def _glob_regex(pattern: str) -> re.Pattern[str]:
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out))


# -- finding and reading -------------------------------------------------------------------------------------


def find(start: Path) -> Path | None:
    """The nearest configuration at or above ``start``: ``.healthlint.yaml`` beats pyproject in one folder."""
    folder = start if start.is_dir() else start.parent
    folder = folder.resolve()
    for candidate in (folder, *folder.parents):
        for name in YAML_NAMES:
            if (candidate / name).is_file():
                return _short(candidate / name)
        pyproject = candidate / PYPROJECT
        if pyproject.is_file() and _has_tool_section(pyproject):
            return _short(pyproject)
    return None


def _short(path: Path) -> Path:
    """The path relative to the working folder when that is shorter, for error messages."""
    try:
        rel = Path(os.path.relpath(path))
    except ValueError:  # another drive on Windows
        return path
    return rel if len(str(rel)) < len(str(path)) else path


def _has_tool_section(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return re.search(r"^\s*\[\s*tool\s*\.\s*healthlint\s*[\].]", text, re.MULTILINE) is not None


def common_start(paths: Sequence[str]) -> Path:
    """Where to start looking: the deepest folder that holds every checked path (the cwd for stdin)."""
    real = [Path(p).resolve() for p in paths if p != "-"]
    if not real:
        return Path.cwd()
    folders = [p if p.is_dir() else p.parent for p in real]
    common = Path(*_common_parts([f.parts for f in folders]))
    return common if str(common) else Path.cwd()


def _common_parts(parts: list[tuple[str, ...]]) -> tuple[str, ...]:
    first = parts[0]
    n = len(first)
    for other in parts[1:]:
        n = min(n, len(other))
        for i in range(n):
            if first[i] != other[i]:
                n = i
                break
    return first[:n]


def load(path: Path) -> Config:
    """Read and validate one configuration file."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read configuration: {exc}") from None
    if path.name == PYPROJECT:
        if sys.version_info >= (3, 11):  # imported here: most runs read no pyproject.toml
            import tomllib
        else:  # pragma: no cover - Python 3.10
            import tomli as tomllib
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise UsageError(f"{path}: TOML does not parse: {exc}") from None
        table = data.get("tool", {}).get("healthlint")
        if table is None:
            return Config(path=path, root=path.parent)
        lines = _toml_lines(text)
    else:
        import yaml

        from . import yamlnodes

        try:
            table = yamlnodes.load(text) if text.strip() else {}
        except yamlnodes.DuplicateKeyError as exc:
            raise UsageError(f"{path}:{exc.line}: duplicate key {exc.key!r}") from None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark else 1
            raise UsageError(f"{path}:{line}: YAML does not parse: {getattr(exc, 'problem', None) or exc}") from None
        if table is None:
            table = {}
        lines = {k: table.line_of(k) for k in table} if hasattr(table, "line_of") else {}
    if not isinstance(table, dict):
        raise UsageError(f"{path}:1: the configuration must be a mapping of keys to values")
    return _build(path, table, lines)


def _toml_lines(text: str) -> dict[str, int]:
    """Line of each key inside [tool.healthlint] (tomllib keeps no positions)."""
    lines: dict[str, int] = {}
    inside = False
    for number, line in enumerate(text.splitlines(), 1):
        header = re.match(r"\s*\[\s*([^\]]+?)\s*\]", line)
        if header:
            inside = header.group(1).replace(" ", "").startswith("tool.healthlint")
            continue
        key = re.match(r"\s*([A-Za-z0-9_-]+|\"[^\"]+\")\s*=", line)
        if inside and key:
            lines.setdefault(key.group(1).strip('"'), number)
    return lines


class _Reader:
    def __init__(self, path: Path, table: Mapping, lines: Mapping[str, int]) -> None:
        self.path, self.table, self.lines = path, table, lines

    def error(self, key: str, message: str) -> UsageError:
        line = self.lines.get(key)
        where = f"{self.path}:{line}" if line else str(self.path)
        return UsageError(f"{where}: {message}")

    def strings(self, key: str) -> tuple[str, ...] | None:
        if key not in self.table:
            return None
        value = self.table[key]
        if isinstance(value, str):
            value = [v for v in re.split(r"[,\s]+", value) if v]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.error(key, f"'{key}' must be a list of strings")
        return tuple(v.strip() for v in value)

    def choice(self, key: str, choices: Sequence[str]) -> str | None:
        if key not in self.table:
            return None
        value = self.table[key]
        if value not in choices:
            raise self.error(key, f"'{key}' must be one of {', '.join(choices)} (got {value!r})")
        return value


KEYS = ("select", "ignore", "extend-select", "per-file-ignores", "severity", "fail-on", "min-severity", "include",
        "exclude", "claims", "readability-grade", "require-suppression-reason")


def _build(path: Path, table: Mapping, lines: Mapping[str, int]) -> Config:
    table = {k: v for k, v in table.items() if v is not None}  # a key with only comments under it is unset
    r = _Reader(path, table, lines)
    for key in table:
        if key not in KEYS:
            import difflib  # only for a bad key: importing it costs a small run about 10 ms

            close = difflib.get_close_matches(str(key), KEYS, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f" (known keys: {', '.join(KEYS)})"
            raise r.error(key, f"unknown configuration key '{key}'{hint}")
    per_file: list[tuple[str, tuple[str, ...]]] = []
    if "per-file-ignores" in table:
        value = table["per-file-ignores"]
        if not isinstance(value, dict):
            raise r.error("per-file-ignores", "'per-file-ignores' must map globs to lists of rule codes")
        for glob, codes in value.items():
            if isinstance(codes, str):
                codes = [c for c in re.split(r"[,\s]+", codes) if c]
            if not isinstance(codes, list) or not codes or not all(isinstance(c, str) for c in codes):
                raise r.error("per-file-ignores", f"'per-file-ignores' entry {glob!r} must be a list of rule codes")
            per_file.append((str(glob), tuple(codes)))
    severity: dict[str, Severity] = {}
    if "severity" in table:
        value = table["severity"]
        if not isinstance(value, dict):
            raise r.error("severity", "'severity' must map rule codes to error, warning or info")
        for code, level in value.items():
            if level not in ("error", "warning", "info"):
                raise r.error("severity", f"'severity' for {code} must be error, warning or info (got {level!r})")
            severity[str(code)] = Severity(level)
    grade = DEFAULT_READABILITY_GRADE
    if "readability-grade" in table:
        value = table["readability-grade"]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 1 <= value <= 20:
            raise r.error("readability-grade", f"'readability-grade' must be a number from 1 to 20 (got {value!r})")
        grade = float(value)
    reason = table.get("require-suppression-reason", False)
    if not isinstance(reason, bool):
        raise r.error("require-suppression-reason", "'require-suppression-reason' must be true or false")
    claims = tuple(path.parent / c for c in (r.strings("claims") or ()))
    for key, folder in zip(r.strings("claims") or (), claims):
        if not folder.exists():
            raise r.error("claims", f"claims path '{key}' does not exist (relative to {path.parent.name or '.'}/)")
    return Config(
        path=path,
        root=path.parent,
        select=r.strings("select"),
        ignore=r.strings("ignore") or (),
        extend_select=r.strings("extend-select") or (),
        per_file_ignores=tuple(per_file),
        severity=severity,
        fail_on=r.choice("fail-on", FAIL_ON),
        min_severity=r.choice("min-severity", ("error", "warning", "info")),
        include=r.strings("include") or (),
        exclude=r.strings("exclude") or (),
        claims=claims,
        readability_grade=grade,
        require_suppression_reason=reason,
    )


def resolve(explicit: str | None, paths: Sequence[str], isolated: bool = False) -> Config:
    """The configuration for this run: ``--config``, else the nearest file, else defaults."""
    if isolated:
        return Config()
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise UsageError(f"{explicit}: no such configuration file")
        return load(path)
    found = find(common_start(paths or ["."]))
    return load(found) if found else Config()


STARTER = """\
# healthlint configuration (see "Configuration" in the README).
# Command-line flags beat these settings. Rule selectors are codes (FAC250), code prefixes (FAC, DRG0),
# rule ids (potassium-is-a-vitamin) or categories (dangerous-advice).

# Only run these rules (default: all).
# select: [FAC, DNG, DRG, EVD, STA, OVR, QLT, DOC]

# Never run these rules.
ignore: []

# Add rules to the default or selected set.
# extend-select: []

# Rules to skip for some files (gitignore-like globs, relative to this file).
per-file-ignores:
  # "archive/**": [DOC]          # old articles have no author line
  # "**/quotes/*.md": [OVR001]

# Change the severity of a rule: error, warning or info.
severity:
  # DOC005: warning

# Exit with code 1 when a finding is at or above this severity (error, warning, info, never).
fail-on: warning

# Which files to lint (globs); excludes apply to files passed by pre-commit too.
# include: ["**/*.md"]
exclude: []

# Extra claims folders or files (a team's own claim packs), validated like the built-in database.
# A pack may switch built-in rules off with a top-level `disable: [CODE, ...]`.
claims: []

# Flesch-Kincaid grade above which an article is reported as hard to read (info).
readability-grade: 10

# Require reason="..." on every inline suppression.
require-suppression-reason: false
"""
