"""SARIF 2.1.0 output, for GitHub code scanning and other SARIF viewers.

One run with ``tool.driver.rules`` for every rule that produced a result (reported or suppressed): the full set
that ran is several hundred rules, and a SARIF consumer needs only the rules its results point at (``ruleIndex``
indexes this list). Columns count Unicode code points (``run.columnKind``), the end column is exclusive as SARIF
wants, and URIs of relative paths are relative to ``%SRCROOT%``. Findings silenced by an inline directive are
results with an ``inSource`` suppression, so code scanning shows them as dismissed rather than fixed.
"""
from __future__ import annotations

import json
import os
from pathlib import Path, PurePath
from urllib.parse import quote

from .. import __version__
from ..document import LineIndex, Position, Span
from ..finding import Finding, Severity
from ..result import RunResult, Suppressed
from ..rules.base import RuleInfo
from .base import Reporter
from .fingerprint import fingerprint

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "healthlint/v1"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _information_uri() -> str | None:
    """The project's home page as declared in the installed package metadata, if it declares one."""
    try:
        from importlib.metadata import PackageNotFoundError, metadata
    except ImportError:  # pragma: no cover
        return None
    try:
        meta = metadata("healthlint")
    except PackageNotFoundError:
        return None
    home = meta.get("Home-page")
    if home and home.startswith("https://"):
        return home
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        url = url.strip()
        if label.strip().lower() in ("homepage", "home", "repository", "source", "documentation") and \
                url.startswith("https://"):
            return url
    return None


def artifact_location(path: str) -> dict:
    """A SARIF artifactLocation: relative paths under ``%SRCROOT%``, others as ``file:`` URIs."""
    if path.startswith("<") and path.endswith(">"):  # <stdin>: no file to point at
        return {"uri": quote(path.strip("<>")), "uriBaseId": SRCROOT}
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.relative_to(Path.cwd())
        except ValueError:
            return {"uri": p.as_uri()}
    posix = PurePath(os.path.normpath(p)).as_posix()
    return {"uri": quote(posix, safe="/"), "uriBaseId": SRCROOT}


def _markdown_escape(text: str) -> str:
    return "".join("\\" + ch if ch in "\\`*_[]<>|#" else ch for ch in text)


def _rule_help(info: RuleInfo) -> dict:
    refs = list(info.references)
    text = [f"Verdict: {info.verdict}.", "", f"Statement: {info.statement}", "",
            f"Why: {info.explanation}", "", f"Correct fact: {info.correction}"]
    md = [f"**Verdict:** {_markdown_escape(info.verdict)}", "",
          f"**Statement:** {_markdown_escape(info.statement)}", "",
          f"**Why:** {_markdown_escape(info.explanation)}", "",
          f"**Correct fact:** {_markdown_escape(info.correction)}"]
    if refs:
        text += ["", "References:"] + [f"- {r.title}: {r.url}" for r in refs]
        md += ["", "**References:**", ""] + [f"- [{_markdown_escape(r.title)}]({r.url})" for r in refs]
    return {"text": "\n".join(text), "markdown": "\n".join(md)}


def rule_descriptor(info: RuleInfo) -> dict:
    """A SARIF reportingDescriptor for one rule."""
    descriptor: dict = {
        "id": info.code,
        "name": info.id,
        "shortDescription": {"text": info.message or info.statement},
        "fullDescription": {"text": info.explanation or info.statement},
        "help": _rule_help(info),
        "defaultConfiguration": {"level": LEVEL[info.severity]},
        "properties": {
            "category": info.category.value,
            "verdict": info.verdict,
            "kind": info.kind,
            "tags": list(dict.fromkeys([info.category.value, info.verdict])),
        },
    }
    if info.references:
        descriptor["helpUri"] = info.references[0].url
    return descriptor


def _fallback_descriptor(f: Finding) -> dict:
    """A descriptor built from a finding whose rule is not in ``result.rules`` (e.g. a linter-level check)."""
    descriptor: dict = {
        "id": f.code,
        "name": f.id,
        "shortDescription": {"text": f.message},
        "defaultConfiguration": {"level": LEVEL[f.severity]},
        "properties": {"category": f.category.value, "tags": [f.category.value]},
    }
    if f.correction:
        descriptor["help"] = {"text": f"Correct fact: {f.correction}",
                              "markdown": f"**Correct fact:** {_markdown_escape(f.correction)}"}
    if f.references:
        descriptor["helpUri"] = f.references[0].url
    return descriptor


class _Positions:
    """Line/column positions of arbitrary spans in the run's files (one LineIndex per file, built on demand)."""

    def __init__(self, sources: dict[str, str]) -> None:
        self.sources = sources
        self._index: dict[str, LineIndex] = {}

    def text(self, path: str) -> str | None:
        return self.sources.get(path)

    def region(self, path: str, span: Span) -> dict | None:
        text = self.sources.get(path)
        if text is None or span.end > len(text):
            return None
        index = self._index.get(path)
        if index is None:
            index = self._index[path] = LineIndex(text)
        return _region(index.position(span.start), index.position(span.end))


def _region(start: Position, end: Position) -> dict:
    return {"startLine": start.line, "startColumn": start.column, "endLine": end.line, "endColumn": end.column}


def _result(f: Finding, rule_index: int, positions: _Positions, suppressed: Suppressed | None) -> dict:
    location = artifact_location(f.path)
    region = _region(f.start, f.end)
    region["snippet"] = {"text": f.text}
    physical: dict = {"artifactLocation": location, "region": region}
    source = positions.text(f.path)
    if source is not None:
        s_start = min(f.sentence.start, f.span.start)
        s_end = max(f.sentence.end, f.span.end)
        context = positions.region(f.path, Span(s_start, s_end))
        if context is not None:
            context["snippet"] = {"text": source[s_start:s_end]}
            physical["contextRegion"] = context
    result: dict = {
        "ruleId": f.code,
        "ruleIndex": rule_index,
        "level": LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": [{"physicalLocation": physical}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(f, source)},
        "properties": {
            "id": f.id,
            "category": f.category.value,
            "severity": f.severity.value,
            "correction": f.correction,
            "references": [{"title": r.title, "url": r.url} for r in f.references],
        },
    }
    if f.fix is not None:
        deleted = positions.region(f.path, f.fix.span)
        if deleted is None and f.fix.span == f.span:
            deleted = _region(f.start, f.end)
        if deleted is not None:
            result["fixes"] = [{
                "description": {"text": f"Replace with {f.fix.replacement!r} ({f.fix.applicability.value} fix)"},
                "artifactChanges": [{
                    "artifactLocation": location,
                    "replacements": [{"deletedRegion": deleted, "insertedContent": {"text": f.fix.replacement}}],
                }],
                "properties": {"applicability": f.fix.applicability.value},
            }]
    if suppressed is not None:
        justification = suppressed.reason or f"healthlint directive on line {suppressed.directive_line}"
        result["suppressions"] = [{
            "kind": "inSource",
            "justification": justification,
            "properties": {"directiveLine": suppressed.directive_line},
        }]
    return result


def _notification(error) -> dict:
    notification: dict = {"level": "error", "message": {"text": error.message}, "descriptor": {"id": "file-error"}}
    physical: dict = {"artifactLocation": artifact_location(error.path)}
    if error.line:
        physical["region"] = {"startLine": error.line}
    notification["locations"] = [{"physicalLocation": physical}]
    return notification


def sarif_log(result: RunResult) -> dict:
    """The whole SARIF log as a JSON-ready dict."""
    entries: list[tuple[Finding, Suppressed | None]] = [(f, None) for f in result.findings]
    entries += [(s.finding, s) for s in result.suppressed]
    rules: list[dict] = []
    rule_index: dict[str, int] = {}
    for f, _ in entries:
        if f.code not in rule_index:
            info = result.rules.get(f.code)
            rule_index[f.code] = len(rules)
            rules.append(rule_descriptor(info) if info is not None else _fallback_descriptor(f))
    positions = _Positions(result.sources)
    driver: dict = {"name": "healthlint", "version": __version__, "semanticVersion": __version__}
    uri = _information_uri()
    if uri:
        driver["informationUri"] = uri
    driver["rules"] = rules
    run: dict = {
        "tool": {"driver": driver},
        "invocations": [{
            "executionSuccessful": not result.errors,
            "toolExecutionNotifications": [_notification(e) for e in result.errors],
        }],
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, rule_index[f.code], positions, s) for f, s in entries],
        "properties": {"files": result.files},
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


class SarifReporter(Reporter):
    def render(self, result: RunResult) -> str:
        return json.dumps(sarif_log(result), ensure_ascii=False, indent=2) + "\n"
