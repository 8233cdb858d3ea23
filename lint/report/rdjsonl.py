"""reviewdog's rdjsonl: one ``Diagnostic`` (Reviewdog Diagnostic Format) as JSON per line.

reviewdog counts columns in UTF-8 bytes, starting at 1, with an exclusive end (``reviewdog.proto``: "Column
number, starting at 1 (byte count in UTF-8)"). healthlint's columns count code points, so every column is
converted with the file's text; a finding on a line with accents, dashes or emoji gets the byte column that
reviewdog expects. Fixes become ``suggestions``.
"""
from __future__ import annotations

import json

from ..document import LineIndex, Position, Span
from ..finding import Finding, Severity
from ..result import RunResult
from .base import Reporter

SEVERITY = {Severity.ERROR: "ERROR", Severity.WARNING: "WARNING", Severity.INFO: "INFO"}


class ByteColumns:
    """Converts character offsets of one file into reviewdog positions (1-based line, 1-based UTF-8 byte column)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = LineIndex(text)

    def position(self, offset: int) -> dict:
        pos = self.lines.position(offset)
        line_start = offset - (pos.column - 1)
        return {"line": pos.line, "column": len(self.text[line_start:offset].encode("utf-8")) + 1}

    def range(self, span: Span) -> dict:
        return {"start": self.position(span.start), "end": self.position(span.end)}


def _position(p: Position) -> dict:
    return {"line": p.line, "column": p.column}


class RdjsonlReporter(Reporter):
    def render(self, result: RunResult) -> str:
        converters: dict[str, ByteColumns | None] = {}

        def converter(path: str) -> ByteColumns | None:
            if path not in converters:
                text = result.sources.get(path)
                converters[path] = ByteColumns(text) if text is not None else None
            return converters[path]

        lines = [json.dumps(self.diagnostic(f, converter(f.path)), ensure_ascii=False) for f in result.findings]
        return "".join(line + "\n" for line in lines)

    @staticmethod
    def diagnostic(f: Finding, columns: ByteColumns | None) -> dict:
        usable = columns is not None and f.span.end <= len(columns.text)
        if usable:
            rng = columns.range(f.span)
        else:  # no text at hand: code-point columns are the best we have (exact for ASCII lines)
            rng = {"start": _position(f.start), "end": _position(f.end)}
        message = f.message
        if f.correction:
            message += f"\nCorrect: {f.correction}"
        diagnostic: dict = {
            "message": message,
            "location": {"path": f.path, "range": rng},
            "severity": SEVERITY[f.severity],
            "source": {"name": "healthlint"},
            "code": {"value": f.code},
        }
        if f.references:
            diagnostic["code"]["url"] = f.references[0].url
        if f.fix is not None and usable and f.fix.span.end <= len(columns.text):
            diagnostic["suggestions"] = [{"range": columns.range(f.fix.span), "text": f.fix.replacement}]
        elif f.fix is not None and f.fix.span == f.span:
            diagnostic["suggestions"] = [{"range": rng, "text": f.fix.replacement}]
        return diagnostic
