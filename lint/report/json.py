"""JSON output: a versioned contract other tools read. Change it only with a new ``version``."""
from __future__ import annotations

import json

from .. import __version__
from ..finding import Finding
from ..result import RunResult
from .base import Reporter

JSON_VERSION = 1


def finding_dict(f: Finding) -> dict:
    return {
        "path": f.path,
        "code": f.code,
        "id": f.id,
        "category": f.category.value,
        "severity": f.severity.value,
        "message": f.message,
        "line": f.start.line,
        "column": f.start.column,
        "end_line": f.end.line,
        "end_column": f.end.column,
        "text": f.text,
        "correction": f.correction,
        "references": [{"title": r.title, "url": r.url} for r in f.references],
    }


class JsonReporter(Reporter):
    def render(self, result: RunResult) -> str:
        doc = {
            "version": JSON_VERSION,
            "tool": {"name": "healthlint", "version": __version__},
            "findings": [finding_dict(f) for f in result.findings],
            "errors": [{"path": e.path, "message": (f"line {e.line}: " if e.line else "") + e.message}
                       for e in result.errors],
            "summary": {
                "files": result.files,
                "findings": len(result.findings),
                "by_severity": result.by_severity(),
                "by_category": result.by_category(),
            },
        }
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
