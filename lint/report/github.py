"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` annotation per finding.

Every value is escaped as the Actions runner expects (data: ``%``, CR and LF; properties also ``:`` and ``,``),
so an annotation is always one line and article text inside it can never start a command of its own. The
readable log that quotes the articles' sentences is wrapped in ``::stop-commands::TOKEN`` … ``::TOKEN::`` with
a fresh random token, so text such as ``::add-mask::`` or ``::set-env`` in an article is printed, not run.
"""
from __future__ import annotations

import secrets
from itertools import groupby

from ..finding import Finding, Severity
from ..result import RunResult
from .base import Reporter

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
EXCERPT_CHARS = 200  # at most this many characters of the sentence are quoted in the log


def escape_data(value: str) -> str:
    """Escape the message part of a workflow command."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a property value (``file=``, ``title=``…) of a workflow command."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, object], message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items() if value is not None)
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def _annotation_message(f: Finding) -> str:
    lines = [f.message]
    if f.correction:
        lines.append(f"Correct: {f.correction}")
    if f.references:
        lines.append(f"Source: {f.references[0].title} <{f.references[0].url}>")
    return "\n".join(lines)


def annotation(f: Finding) -> str:
    """The workflow command for one finding."""
    properties = {
        "file": f.path,
        "line": f.start.line,
        "col": f.start.column,
        "endLine": f.end.line,
        "endColumn": f.end.column,
        "title": f"healthlint {f.code} ({f.id})",
    }
    return command(COMMAND[f.severity], properties, _annotation_message(f))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _excerpt(source: str | None, f: Finding) -> str:
    if source is None:
        return _one_line(f.text)
    start = min(f.sentence.start, f.span.start)
    end = max(f.sentence.end, f.span.end)
    sentence = _one_line(source[start:end])
    return sentence if len(sentence) <= EXCERPT_CHARS else sentence[:EXCERPT_CHARS - 1] + "…"


def new_token(text: str) -> str:
    """A random token for ``::stop-commands::`` that does not occur in ``text``."""
    while True:
        token = secrets.token_hex(16)
        if token not in text:
            return token


class GithubReporter(Reporter):
    def render(self, result: RunResult) -> str:
        log: list[str] = []
        for path, group in groupby(result.findings, key=lambda f: f.path):
            source = result.sources.get(path)
            for f in group:
                log.append(f"{f.path}:{f.start.line}:{f.start.column}: {f.severity.value} {f.code} {f.message} [{f.id}]")
                log.append(f"    > {_excerpt(source, f)}")
        for error in result.errors:
            log.append(f"error: {error}")
        n = len(result.findings)
        log.append(f"healthlint: {n} finding{'s' if n != 1 else ''} in {result.files} "
                   f"file{'s' if result.files != 1 else ''}")
        quoted = "\n".join(log)
        token = new_token(quoted)
        out = [f"::group::{escape_data(f'healthlint: {n} finding' + ('s' if n != 1 else ''))}",
               f"::stop-commands::{token}", quoted, f"::{token}::", "::endgroup::"]
        out += [annotation(f) for f in result.findings]
        for error in result.errors:
            out.append(command("error", {"file": error.path, "line": error.line, "title": "healthlint: file error"},
                               error.message))
        return "\n".join(out) + "\n"
