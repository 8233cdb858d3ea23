"""JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure Pipelines, CircleCI…).

One ``testsuite`` per linted file; each finding is a failing ``testcase`` (named after the rule and the
position), a file without findings gets one passing test case, a finding silenced by an inline directive is a
skipped one, and a file that could not be read is a test case with an ``error``. Text is escaped by the XML
writer; characters that XML 1.0 cannot carry at all (control characters, U+FFFE/U+FFFF) are written as
``\\xNN``/``\\uNNNN`` so the report stays well-formed whatever an article contains.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from ..finding import Finding
from ..result import FileError, RunResult, Suppressed
from .base import Reporter

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` with the characters XML 1.0 forbids replaced by a visible escape."""

    def repl(m: re.Match[str]) -> str:
        code = ord(m.group())
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _INVALID_XML.sub(repl, text)


def _details(f: Finding, source: str | None) -> str:
    lines = [f"{f.path}:{f.start.line}:{f.start.column}: {f.severity.value} {f.code} {f.message} [{f.id}]",
             f"category: {f.category.value}",
             f"text: {f.text}"]
    if source is not None and f.span.end <= len(source):
        start, end = min(f.sentence.start, f.span.start), max(f.sentence.end, f.span.end)
        lines.append(f"sentence: {' '.join(source[start:end].split())}")
    if f.correction:
        lines.append(f"correct: {f.correction}")
    lines += [f"source: {r.title} <{r.url}>" for r in f.references]
    return "\n".join(lines)


def _case(suite: ET.Element, name: str, classname: str) -> ET.Element:
    return ET.SubElement(suite, "testcase", {"name": xml_safe(name), "classname": xml_safe(classname), "time": "0"})


class JunitReporter(Reporter):
    def render(self, result: RunResult) -> str:
        findings: dict[str, list[Finding]] = defaultdict(list)
        for f in result.findings:
            findings[f.path].append(f)
        suppressed: dict[str, list[Suppressed]] = defaultdict(list)
        for s in result.suppressed:
            suppressed[s.finding.path].append(s)
        errors: dict[str, list[FileError]] = defaultdict(list)
        for e in result.errors:
            errors[e.path].append(e)
        paths = list(dict.fromkeys([*result.sources, *findings, *suppressed, *errors]))

        root = ET.Element("testsuites", {"name": "healthlint"})
        totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        for path in paths:
            suite = ET.SubElement(root, "testsuite", {"name": xml_safe(path)})
            counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
            classname = "healthlint." + path
            for f in findings.get(path, []):
                case = _case(suite, f"{f.code} {f.id} ({f.start.line}:{f.start.column})", classname)
                failure = ET.SubElement(case, "failure", {"message": xml_safe(f.message),
                                                          "type": f"{f.code} {f.severity.value}"})
                failure.text = xml_safe(_details(f, result.sources.get(path)))
                counts["tests"] += 1
                counts["failures"] += 1
            for s in suppressed.get(path, []):
                f = s.finding
                case = _case(suite, f"{f.code} {f.id} ({f.start.line}:{f.start.column})", classname)
                reason = s.reason or "no reason given"
                ET.SubElement(case, "skipped", {"message": xml_safe(
                    f"suppressed by the directive on line {s.directive_line}: {reason}")})
                counts["tests"] += 1
                counts["skipped"] += 1
            for e in errors.get(path, []):
                case = _case(suite, "read and lint the file", classname)
                error = ET.SubElement(case, "error", {"message": xml_safe(e.message), "type": "file-error"})
                error.text = xml_safe(str(e))
                counts["tests"] += 1
                counts["errors"] += 1
            if path in result.sources and not findings.get(path) and not errors.get(path):
                _case(suite, "no findings", classname)
                counts["tests"] += 1
            for key, value in counts.items():
                suite.set(key, str(value))
                totals[key] += value
            suite.set("time", "0")
        for key, value in totals.items():
            root.set(key, str(value))
        root.set("time", "0")
        ET.indent(root)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
