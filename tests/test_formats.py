"""The machine-readable output formats: SARIF, GitHub annotations, rdjsonl, JUnit, GitLab, Markdown, statistics.

Every format is produced by the real command on the sample articles and on hostile articles, then parsed back
(JSON schema, XML parser, a GitHub-runner-like command parser) and compared with the JSON contract.
"""
from __future__ import annotations

import dataclasses
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import pytest

from lint.report import OutputFormat
from lint.report import json as json_report
from lint.report.fingerprint import fingerprint, normalise, normalised_prefix
from lint.report.github import escape_data, escape_property
from lint.report.junit import xml_safe
from lint.report.markdown import MarkdownReporter, md_escape
from lint.report.sarif import SarifReporter
from lint.report.statistics import render_statistics
from lint.result import Suppressed
from conftest import write

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

# Article text that tries to break each format: workflow commands, CDATA end, HTML, table pipes, a mention,
# percent escapes, non-ASCII before a match, and control characters.
HOSTILE = (
    "# Cramps\n\n"
    "::set-env name=PATH::/evil\n"
    "::add-mask::x Potassium is a vitamin that calms the muscles, says ]]> <script>alert(1)</script> "
    "| a | @octocat %0A %25 &amp; [x](javascript:alert(1)).\n\n"
    "Café — 🍵 ünïcödé: Potassium is a vitamin\x01\x1b too.\n\n"
    "Take Volproate for twitching.\n"
)
HOSTILE_NAME = "we,ird:name%.md"  # a file name with the characters GitHub properties must escape


@pytest.fixture
def check(run_cli):
    """Run ``healthlint check`` with a format; return (exit code, output, JSON findings of the same run)."""

    def _check(*paths: str, fmt: str, extra: tuple[str, ...] = ()):
        out = run_cli("check", *paths, "--format", fmt, *extra)
        expected = run_cli("check", *paths, "--format", "json", *extra).json
        return out, expected

    return _check


@pytest.fixture
def captured_result(run_cli, monkeypatch):
    """The RunResult the command hands to its reporter, captured from a real run."""

    def _capture(*args: str):
        seen = []
        original = json_report.JsonReporter.render

        def spy(self, result):
            seen.append(result)
            return original(self, result)

        monkeypatch.setattr(json_report.JsonReporter, "render", spy)
        run_cli("check", *args, "--format", "json")
        monkeypatch.setattr(json_report.JsonReporter, "render", original)
        assert len(seen) == 1
        return seen[0]

    return _capture


def validate_sarif(doc: dict) -> None:
    validator = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


def located(findings: list[dict]) -> list[tuple]:
    return [(f["path"], f["code"], f["line"], f["column"], f["end_line"], f["end_column"]) for f in findings]


# --- registry -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["sarif", "github", "rdjsonl", "junit", "gitlab", "markdown"])
def test_every_format_has_a_reporter(fmt, run_cli, tmp_path):
    from lint.report.base import Reporter

    assert isinstance(OutputFormat(fmt).reporter(), Reporter)
    p = write(tmp_path, "a.md", "Potassium is a vitamin.\n")
    result = run_cli("check", str(p), "--format", fmt)
    assert result.code == 1 and result.out.strip()


# --- SARIF ----------------------------------------------------------------------------------------------------

def test_sarif_articles_valid_and_complete(check, all_rules):
    out, expected = check("articles", fmt="sarif")
    assert out.code == 1
    doc = json.loads(out.out)
    validate_sarif(doc)
    assert doc["version"] == "2.1.0"
    (run,) = doc["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "healthlint"
    from lint import __version__

    assert driver["version"] == __version__
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["invocations"][0]["executionSuccessful"] is True

    results = run["results"]
    assert len(results) == len(expected["findings"]) > 20
    got = []
    for r, f in zip(results, expected["findings"]):
        loc = r["locations"][0]["physicalLocation"]
        region = loc["region"]
        got.append((loc["artifactLocation"]["uri"], r["ruleId"], region["startLine"], region["startColumn"],
                    region["endLine"], region["endColumn"]))
        assert loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert region["snippet"]["text"] == f["text"]
        assert r["level"] == {"error": "error", "warning": "warning", "info": "note"}[f["severity"]]
        assert r["message"]["text"] == f["message"]
        rule = driver["rules"][r["ruleIndex"]]
        assert rule["id"] == r["ruleId"] and rule["name"] == f["id"]
        assert len(r["partialFingerprints"]["healthlint/v1"]) == 32
    assert got == located(expected["findings"])

    # Rules: exactly those with results, each with its help, level and first reference as helpUri.
    by_code = {rule.info.code: rule.info for rule in all_rules}
    assert {rule["id"] for rule in driver["rules"]} == {f["code"] for f in expected["findings"]}
    for rule in driver["rules"]:
        info = by_code[rule["id"]]
        assert rule["name"] == info.id
        assert rule["helpUri"] == info.references[0].url and rule["helpUri"].startswith("https://")
        assert rule["defaultConfiguration"]["level"] == {"error": "error", "warning": "warning",
                                                         "info": "note"}[info.severity.value]
        assert rule["properties"]["category"] == info.category.value
        for part in (info.verdict, info.correction, info.references[0].url):
            assert part in rule["help"]["text"] and part in rule["help"]["markdown"]
        assert rule["fullDescription"]["text"] == info.explanation

    fingerprints = [r["partialFingerprints"]["healthlint/v1"] for r in results]
    assert len(set(fingerprints)) == len(fingerprints)


def test_sarif_fix_and_non_ascii_columns(check, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, HOSTILE_NAME, HOSTILE)
    out, expected = check(HOSTILE_NAME, fmt="sarif")
    doc = json.loads(out.out)
    validate_sarif(doc)
    results = doc["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == [f["code"] for f in expected["findings"]]
    uri = results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    # A relative URI reference: percent-encoded, so the ':' cannot read as a scheme.
    assert uri == "we%2Cird%3Aname%25.md" and unquote(uri) == HOSTILE_NAME
    lines = HOSTILE.splitlines()
    for r in results:
        region = r["locations"][0]["physicalLocation"]["region"]
        line = lines[region["startLine"] - 1]
        assert line[region["startColumn"] - 1:region["endColumn"] - 1] == region["snippet"]["text"]
    (fixed,) = [r for r in results if "fixes" in r]
    assert fixed["ruleId"] == "DRG359"
    change = fixed["fixes"][0]["artifactChanges"][0]
    replacement = change["replacements"][0]
    deleted = replacement["deletedRegion"]
    line = lines[deleted["startLine"] - 1]
    assert line[deleted["startColumn"] - 1:deleted["endColumn"] - 1] == "Volproate"
    assert replacement["insertedContent"]["text"] == "Valproate"


def test_sarif_errors_are_notifications(run_cli, tmp_path):
    write(tmp_path, "good.md", "Potassium is a vitamin.\n")
    write(tmp_path, "bad.md", b"Potassium\x00 is a vitamin.\n")
    out = run_cli("check", str(tmp_path), "--format", "sarif")
    assert out.code == 2
    doc = json.loads(out.out)
    validate_sarif(doc)
    invocation = doc["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and "NUL" in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("bad.md")
    assert [r["ruleId"] for r in doc["runs"][0]["results"]] == ["FAC250"]


def test_sarif_suppressed_findings_are_marked(captured_result, tmp_path):
    p = write(tmp_path, "a.md", "Potassium is a vitamin.\n\nTake Volproate at night.\n")
    result = captured_result(str(p))
    assert len(result.findings) >= 2
    silenced = result.findings[0]
    result = dataclasses.replace(result, findings=result.findings[1:],
                                 suppressed=[Suppressed(silenced, "quoted on purpose", 1)])
    doc = json.loads(SarifReporter().render(result))
    validate_sarif(doc)
    results = doc["runs"][0]["results"]
    marked = [r for r in results if r.get("suppressions")]
    assert len(results) == len(result.findings) + 1 and len(marked) == 1
    assert marked[0]["ruleId"] == silenced.code
    assert marked[0]["suppressions"][0] == {"kind": "inSource", "justification": "quoted on purpose",
                                            "properties": {"directiveLine": 1}}
    assert doc["runs"][0]["tool"]["driver"]["rules"][marked[0]["ruleIndex"]]["id"] == silenced.code


# --- fingerprints ---------------------------------------------------------------------------------------------

ARTICLE = "# Night cramps\n\nPotassium is a vitamin that calms the legs.\n\nStretch the calf gently.\n"


def _prints(captured_result, path: Path) -> list[tuple[str, int, str]]:
    result = captured_result(str(path))
    source = result.sources[str(path)]
    return [(f.code, f.start.line, fingerprint(f, source)) for f in result.findings]


def test_fingerprint_survives_lines_inserted_above(captured_result, tmp_path):
    p = write(tmp_path, "a.md", ARTICLE)
    before = _prints(captured_result, p)
    assert [c for c, _, _ in before] == ["FAC250"]
    write(tmp_path, "a.md", "---\ntitle: x\n---\n\nA new first paragraph.\n\n" + ARTICLE.replace("calms the legs",
                                                                                            "calms  the\nLEGS"))
    after = _prints(captured_result, p)
    assert [c for c, _, _ in after] == ["FAC250"]
    assert after[0][1] != before[0][1]  # the line moved ...
    assert after[0][2] == before[0][2]  # ... the fingerprint did not (whitespace and case are normalised)

    write(tmp_path, "a.md", ARTICLE.replace("calms the legs", "strengthens the bones"))
    assert _prints(captured_result, p)[0][2] != before[0][2]  # another sentence: another finding
    q = write(tmp_path, "b.md", ARTICLE)
    assert _prints(captured_result, q)[0][2] != before[0][2]  # another file


def test_fingerprint_of_article_level_findings_ignores_the_first_line(captured_result, tmp_path):
    body = " ".join(["Stretch the calf gently and rest it."] * 30)
    p = write(tmp_path, "a.md", f"# Cramps\n\n{body}\n")
    before = {c: fp for c, _, fp in _prints(captured_result, p) if c.startswith("DOC")}
    assert before  # no author, no date... reported on line 1
    write(tmp_path, "a.md", f"# Night cramps: what helps\n\n{body}\n")
    after = {c: fp for c, _, fp in _prints(captured_result, p) if c.startswith("DOC")}
    assert after == before


def test_fingerprint_tells_repeated_sentences_apart(captured_result, tmp_path):
    p = write(tmp_path, "a.md", "Potassium is a vitamin.\n\nStretch.\n\nPotassium is a vitamin.\n")
    prints = _prints(captured_result, p)
    assert [c for c, _, _ in prints if c == "FAC250"] == ["FAC250", "FAC250"]
    fac = [fp for c, _, fp in prints if c == "FAC250"]
    assert fac[0] != fac[1]
    # Lines added above both keep both fingerprints.
    write(tmp_path, "a.md", "Intro.\n\n\nPotassium is a vitamin.\n\nStretch.\n\nPotassium is a vitamin.\n")
    assert [fp for c, _, fp in _prints(captured_result, p) if c == "FAC250"] == fac


def test_normalised_prefix_matches_normalise():
    text = "  Straße\u00a0ﬁne  İstanbul\tΣΊΣΥΦΟΣ x\u2003y\n\n z \x1f end"
    for i in range(len(text) + 1):
        assert normalised_prefix(text, i) == normalise(text[:i]), i
    assert normalise(" A\n  b\tC ") == "a b c"


# --- GitHub annotations ---------------------------------------------------------------------------------------

def _unescape(value: str, prop: bool) -> str:
    if prop:
        value = value.replace("%3A", ":").replace("%2C", ",")
    return value.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def runner_commands(output: str) -> list[tuple[str, dict, str]]:
    """Workflow commands as the Actions runner would see them (honouring ::stop-commands::)."""
    commands = []
    resume = None
    for line in output.split("\n"):
        if resume is not None:
            if line == f"::{resume}::":
                resume = None
            continue
        if not line.startswith("::"):
            continue
        end = line.index("::", 2)
        head, data = line[2:end], line[end + 2:]
        name, _, props = head.partition(" ")
        properties = {}
        for item in filter(None, props.split(",")):
            key, _, value = item.partition("=")
            properties[key] = _unescape(value, prop=True)
        if name == "stop-commands":
            resume = data
            continue
        commands.append((name, properties, _unescape(data, prop=False)))
    assert resume is None, "stop-commands never resumed"
    return commands


def test_github_escaping_functions():
    assert escape_data("100%\r\nnext::x") == "100%25%0D%0Anext::x"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"


def test_github_annotations_from_hostile_article(check, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, HOSTILE_NAME, HOSTILE)
    # A file whose name is itself a workflow command: the readable log names it at the start of a line.
    write(tmp_path, "::add-mask::secret.md", "Potassium is a vitamin.\n")
    out, expected = check(HOSTILE_NAME, "::add-mask::secret.md", fmt="github")
    assert out.code == 1
    raw_lines = out.out.split("\n")
    assert any(line.startswith("::add-mask::secret.md") for line in raw_lines)  # printed, but ...
    commands = runner_commands(out.out)
    names = [name for name, _, _ in commands]
    assert set(names) <= {"group", "endgroup", "error", "warning", "notice"}  # ... never run
    annotations = [(n, p, d) for n, p, d in commands if n in ("error", "warning", "notice")]
    assert len(annotations) == len(expected["findings"])
    for (name, props, data), f in zip(annotations, expected["findings"]):
        assert name == {"error": "error", "warning": "warning", "info": "notice"}[f["severity"]]
        assert props["file"] == f["path"]
        assert (int(props["line"]), int(props["col"]), int(props["endLine"]), int(props["endColumn"])) == \
            (f["line"], f["column"], f["end_line"], f["end_column"])
        assert f["code"] in props["title"]
        assert data.splitlines()[0] == f["message"]
    assert {p["file"] for _, p, _ in annotations} == {HOSTILE_NAME, "::add-mask::secret.md"}

    tokens = re.findall(r"^::stop-commands::(.+)$", out.out, re.MULTILINE)
    assert len(tokens) == 1 and re.fullmatch(r"[0-9a-f]{32}", tokens[0])
    again = check(HOSTILE_NAME, fmt="github")[0].out
    assert re.findall(r"^::stop-commands::(.+)$", again, re.MULTILINE) != tokens  # a fresh token every run
    # Every raw line outside the stop-commands block is one of ours.
    inside = False
    for line in raw_lines:
        if line.startswith("::stop-commands::"):
            inside = True
        elif line == f"::{tokens[0]}::":
            inside = False
        elif not inside and line:
            assert re.match(r"::(group|endgroup|error|warning|notice)[ :]", line), line


def test_github_info_is_notice(run_cli, tmp_path):
    words = " ".join(["Stretch the calf gently and rest it."] * 30)
    p = write(tmp_path, "long.md", f"# Cramps\n\n{words}\n")
    out = run_cli("check", str(p), "--format", "github")
    commands = runner_commands(out.out)
    assert any(name == "notice" and props["title"].startswith("healthlint DOC") for name, props, _ in commands)


# --- rdjsonl --------------------------------------------------------------------------------------------------

def test_rdjsonl_byte_columns(check, tmp_path):
    p = write(tmp_path, "hostile.md", HOSTILE)
    out, expected = check(str(p), fmt="rdjsonl")
    diagnostics = [json.loads(line) for line in out.out.splitlines()]
    assert len(diagnostics) == len(expected["findings"]) >= 3
    data = p.read_bytes().split(b"\n")
    differs = False
    for d, f in zip(diagnostics, expected["findings"]):
        assert d["location"]["path"] == f["path"]
        assert d["severity"] == f["severity"].upper()
        assert d["code"]["value"] == f["code"] and d["code"]["url"] == f["references"][0]["url"]
        assert d["source"]["name"] == "healthlint"
        assert d["message"].startswith(f["message"])
        start, end = d["location"]["range"]["start"], d["location"]["range"]["end"]
        assert start["line"] == f["line"] and end["line"] == f["end_line"] == f["line"]
        line = data[start["line"] - 1]
        assert line[start["column"] - 1:end["column"] - 1].decode("utf-8") == f["text"]
        differs |= start["column"] != f["column"]
    assert differs  # the line with "Café — 🍵" really needed the conversion
    (suggesting,) = [d for d in diagnostics if "suggestions" in d]
    (suggestion,) = suggesting["suggestions"]
    line = data[suggestion["range"]["start"]["line"] - 1]
    assert line[suggestion["range"]["start"]["column"] - 1:suggestion["range"]["end"]["column"] - 1] == b"Volproate"
    assert suggestion["text"] == "Valproate"


# --- JUnit ----------------------------------------------------------------------------------------------------

def test_junit_articles(check):
    out, expected = check("articles", fmt="junit")
    root = ET.fromstring(out.out)
    assert root.tag == "testsuites"
    assert int(root.get("failures")) == len(expected["findings"])
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert len(suites) == expected["summary"]["files"]
    per_file = Counter(f["path"] for f in expected["findings"])
    for name, suite in suites.items():
        failures = suite.findall("testcase/failure")
        assert int(suite.get("failures")) == len(failures) == per_file.get(name, 0)
        assert int(suite.get("tests")) == len(suite.findall("testcase"))
        if not failures:
            assert [c.get("name") for c in suite.findall("testcase")] == ["no findings"]
    first = expected["findings"][0]
    case = suites[first["path"]].find("testcase")
    assert case.get("name") == f"{first['code']} {first['id']} ({first['line']}:{first['column']})"
    assert case.find("failure").get("message") == first["message"]
    assert first["correction"] in case.find("failure").text


def test_junit_hostile_text_stays_well_formed(check, tmp_path):
    p = write(tmp_path, "hostile.md", HOSTILE)
    write(tmp_path, "binary.md", b"\x00\x01")
    out, expected = check(str(tmp_path), fmt="junit")
    root = ET.fromstring(out.out.encode("utf-8"))  # raises on ill-formed XML
    failures = root.findall(".//failure")
    assert len(failures) == len(expected["findings"])
    text = "\n".join(f.text for f in failures)
    assert "]]>" in text and "<script>alert(1)</script>" in text  # round-trips through escaping
    assert "\\x01\\x1b" in text and "\x01" not in text
    (error,) = root.findall(".//error")
    assert "NUL" in error.get("message")
    assert root.get("errors") == "1"
    assert str(p) in {s.get("name") for s in root.findall("testsuite")}


def test_xml_safe():
    assert xml_safe("a\x00b\x08\tc\n\ud800\uffff") == "a\\x00b\\x08\tc\n\\ud800\\uffff"
    ET.fromstring(f"<a>{xml_safe(chr(7))}</a>")


def test_junit_suppressed_is_skipped(captured_result, tmp_path):
    from lint.report.junit import JunitReporter

    p = write(tmp_path, "a.md", "Potassium is a vitamin.\n")
    result = captured_result(str(p))
    (finding,) = result.findings
    result = dataclasses.replace(result, findings=[], suppressed=[Suppressed(finding, "", 3)])
    root = ET.fromstring(JunitReporter().render(result))
    (skipped,) = root.findall(".//skipped")
    assert "line 3" in skipped.get("message")
    assert root.get("skipped") == "1" and root.get("failures") == "0"


# --- GitLab ---------------------------------------------------------------------------------------------------

def test_gitlab_code_quality(check, tmp_path):
    out, expected = check("articles", fmt="gitlab")
    issues = json.loads(out.out)
    assert isinstance(issues, list) and len(issues) == len(expected["findings"])
    for issue, f in zip(issues, expected["findings"]):
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(issue)
        assert issue["check_name"] == f["code"] and f["message"] in issue["description"]
        assert issue["location"] == {"path": f["path"], "lines": {"begin": f["line"], "end": f["end_line"]}}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        expected_severity = {"warning": "major", "info": "info"}.get(f["severity"])
        if expected_severity:
            assert issue["severity"] == expected_severity
        else:
            harmful = f["category"] in ("dangerous-advice", "drug-safety")
            assert issue["severity"] == ("blocker" if harmful else "critical")
    fingerprints = [i["fingerprint"] for i in issues]
    assert len(set(fingerprints)) == len(fingerprints)
    assert {i["severity"] for i in issues} >= {"blocker", "critical", "major", "info"}


# --- Markdown -------------------------------------------------------------------------------------------------

def test_markdown_summary(check):
    out, expected = check("articles", fmt="markdown")
    text = out.out
    n = len(expected["findings"])
    assert text.startswith(f"## healthlint: {n} findings in {expected['summary']['files']} files")
    for category, count in expected["summary"]["by_category"].items():
        row = re.search(rf"^\| {category} \| (\d+) \| (\d+) \| (\d+) \| (\d+) \|$", text, re.MULTILINE)
        assert row and int(row.group(4)) == count
    first = expected["findings"][0]
    assert f"| {first['line']} | {first['severity']} | {first['code']} |" in text
    assert f"]({first['references'][0]['url']})" in text
    assert len(text) < 65_536


def test_markdown_truncates(captured_result):
    result = captured_result("articles")
    text = MarkdownReporter(max_findings=5).render(result)
    rows = [line for line in text.splitlines() if re.match(r"^\| \d+ \| (error|warning|info) \|", line)]
    assert len(rows) == 5
    assert f"{len(result.findings) - 5} more findings not shown" in text


LEAKY = ('Stretch the calf gently. {color: red; content: "a|b @octocat <script>x</script>"; font-size: 12px}\n\n'
         '<div class="nav" title="a|b">\n')


def test_markdown_escapes_hostile_text(check, tmp_path):
    p = write(tmp_path, "x|<b>.txt", LEAKY)  # plain text: leaked CSS and HTML are reported with their text
    out, expected = check(str(p), fmt="markdown")
    assert {f["code"] for f in expected["findings"]} >= {"QLT004", "QLT005"}
    assert any("<script>" in f["text"] for f in expected["findings"])
    text = out.out
    assert "<script>" not in text and "&lt;script&gt;x&lt;/script&gt;" in text
    assert "&lt;div class=" in text and "<div" not in text
    assert "<b>" not in text and "x\\|&lt;b&gt;.txt" in text
    assert "@octocat" not in text and "@\u200boctocat" in text
    rows = [line for line in text.splitlines() if re.match(r"^\| \d+ \|", line)]
    assert len(rows) == len(expected["findings"])
    for line in rows:
        assert len(re.findall(r"(?<!\\)\|", line)) == 7, line  # six cells, whatever the article says


def test_md_escape():
    assert md_escape("a|b <i>x</i> *y* [l](u) @me\nnext") == \
        "a\\|b &lt;i&gt;x&lt;/i&gt; \\*y\\* \\[l\\](u) @\u200bme next"
    assert md_escape("x" * 50, 10) == "x" * 9 + "…"


# --- statistics -----------------------------------------------------------------------------------------------

def test_statistics(captured_result):
    result = captured_result("articles")
    text = render_statistics(result)
    lines = text.splitlines()
    counts = Counter(f.code for f in result.findings)
    assert len(lines) == len(counts)
    parsed = []
    for line in lines:
        count, code, rest, message = line.split("\t")
        parsed.append((code.strip(), int(count)))
        rule_id = rest.replace("[*]", "").strip()
        assert rule_id == result.rules[code.strip()].id
        assert message == " ".join(result.rules[code.strip()].message.split())
    assert dict(parsed) == dict(counts)
    assert [c for _, c in parsed] == sorted((c for _, c in parsed), reverse=True)
    fixable = [line for line in lines if "[*]" in line]
    assert any("DRG359" in line for line in fixable)
    assert render_statistics(dataclasses.replace(result, findings=[])) == ""
