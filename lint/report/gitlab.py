"""GitLab Code Quality report: a JSON array of issues (a subset of the Code Climate format).

GitLab needs ``description``, ``check_name``, ``fingerprint``, ``severity`` and ``location.path`` with
``location.lines.begin``; it tells issues apart and follows them between pipelines by ``fingerprint``, so that is
the stable fingerprint shared with SARIF (it survives lines inserted above). Severities: an ``error`` that can
harm a reader (dangerous advice, drug safety) is ``blocker``, any other ``error`` is ``critical``, ``warning`` is
``major`` and ``info`` is ``info``.
"""
from __future__ import annotations

import json
import os
from pathlib import Path, PurePath

from ..finding import Category, Finding, Severity
from ..result import RunResult
from .base import Reporter
from .fingerprint import fingerprint

HARMFUL = frozenset({Category.DANGEROUS_ADVICE, Category.DRUG_SAFETY})


def gitlab_severity(f: Finding) -> str:
    if f.severity is Severity.ERROR:
        return "blocker" if f.category in HARMFUL else "critical"
    return "major" if f.severity is Severity.WARNING else "info"


def repo_path(path: str) -> str:
    """The path as GitLab wants it: relative to the project root (the working directory), forward slashes."""
    if path.startswith("<") and path.endswith(">"):
        return path
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.relative_to(Path.cwd())
        except ValueError:
            return p.as_posix()
    return PurePath(os.path.normpath(p)).as_posix()


def _body(f: Finding) -> str:
    lines = [f"**{f.code} {f.id}** ({f.category.value}): {f.message}"]
    if f.correction:
        lines += ["", f"**Correct:** {f.correction}"]
    if f.references:
        lines += ["", "**Sources:**"] + [f"- [{r.title}]({r.url})" for r in f.references]
    return "\n".join(lines)


def issue(f: Finding, source_text: str | None) -> dict:
    """One Code Quality issue."""
    return {
        "type": "issue",
        "description": f"{f.code} {f.message}",
        "check_name": f.code,
        "fingerprint": fingerprint(f, source_text),
        "severity": gitlab_severity(f),
        "location": {"path": repo_path(f.path), "lines": {"begin": f.start.line, "end": f.end.line}},
        "content": {"body": _body(f)},
    }


class GitlabReporter(Reporter):
    def render(self, result: RunResult) -> str:
        issues = [issue(f, result.sources.get(f.path)) for f in result.findings]
        return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
