"""Configuration files: discovery, precedence (flags > nearest file > defaults), every key, and bad values."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from lint import config

ARTICLE = "Potassium is a vitamin that keeps muscles relaxed.\n\nStretch the the calf gently.\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def codes(run) -> list[str]:
    return sorted(f["code"] for f in run.json["findings"])


@pytest.fixture
def project(tmp_path, monkeypatch):
    write(tmp_path / "docs" / "a.md", ARTICLE)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_without_configuration_everything_runs(project, run_cli):
    run = run_cli("check", "docs", "--format", "json")
    assert codes(run) == ["FAC250", "QLT013"]
    assert run.code == 1


def test_yaml_configuration_ignores_a_rule(project, run_cli):
    write(project / ".healthlint.yaml", "ignore: [FAC250]\n")
    assert codes(run_cli("check", "docs", "--format", "json")) == ["QLT013"]


def test_pyproject_tool_section(project, run_cli):
    write(project / "pyproject.toml", """\
        [project]
        name = "site"

        [tool.healthlint]
        select = ["QLT"]
    """)
    assert codes(run_cli("check", "docs", "--format", "json")) == ["QLT013"]


def test_pyproject_without_the_section_is_not_a_configuration(project, run_cli):
    write(project / "pyproject.toml", "[tool.ruff]\nline-length = 100\n")
    assert codes(run_cli("check", "docs", "--format", "json")) == ["FAC250", "QLT013"]


def test_nearest_configuration_wins(project, run_cli):
    write(project / ".healthlint.yaml", "ignore: [FAC250]\n")
    write(project / "docs" / ".healthlint.yaml", "ignore: [QLT013]\n")
    assert codes(run_cli("check", "docs", "--format", "json")) == ["FAC250"]
    assert codes(run_cli("check", "docs/a.md", "--format", "json")) == ["FAC250"]


def test_yaml_beats_pyproject_in_the_same_folder(project, run_cli):
    write(project / "pyproject.toml", '[tool.healthlint]\nignore = ["QLT013"]\n')
    write(project / ".healthlint.yaml", "ignore: [FAC250]\n")
    assert codes(run_cli("check", "docs", "--format", "json")) == ["QLT013"]


def test_config_flag_overrides_the_search_and_isolated_ignores_it(project, run_cli):
    write(project / ".healthlint.yaml", "ignore: [FAC250]\n")
    other = write(project / "ci" / "strict.yaml", "select: [FAC]\n")
    assert codes(run_cli("check", "docs", "--format", "json", "--config", str(other))) == ["FAC250"]
    assert codes(run_cli("check", "docs", "--format", "json", "--isolated")) == ["FAC250", "QLT013"]


def test_command_line_flags_beat_the_file(project, run_cli):
    write(project / ".healthlint.yaml", "select: [QLT]\nfail-on: never\n")
    run = run_cli("check", "docs", "--format", "json", "--select", "FAC")
    assert codes(run) == ["FAC250"]
    assert run_cli("check", "docs", "--format", "json").code == 0  # fail-on: never from the file
    assert run_cli("check", "docs", "--format", "json", "--fail-on", "warning").code == 1


def test_extend_select_adds_to_the_selection(project, run_cli):
    write(project / ".healthlint.yaml", "select: [QLT]\nextend-select: [mineral-called-vitamin]\n")
    assert codes(run_cli("check", "docs", "--format", "json")) == ["FAC250", "QLT013"]


def test_per_file_ignores_by_glob(project, run_cli):
    write(project / "news" / "b.md", ARTICLE)
    write(project / ".healthlint.yaml", """\
        per-file-ignores:
          "docs/**": [FAC250]
          "*.txt": [QLT]
    """)
    run = run_cli("check", ".", "--format", "json")
    by_path = {(f["path"], f["code"]) for f in run.json["findings"]}
    assert by_path == {("docs/a.md", "QLT013"), ("news/b.md", "FAC250"), ("news/b.md", "QLT013")}


def test_severity_override_changes_report_and_exit_code(project, run_cli):
    write(project / ".healthlint.yaml", "severity:\n  FAC250: info\n  QLT013: info\n")
    run = run_cli("check", "docs", "--format", "json")
    assert {f["severity"] for f in run.json["findings"]} == {"info"}
    assert run.code == 0  # default fail-on is warning


def test_exclude_applies_to_files_named_explicitly(project, run_cli):
    write(project / "drafts" / "x.md", ARTICLE)
    write(project / ".healthlint.yaml", 'exclude: ["drafts/**"]\n')
    run = run_cli("check", "drafts/x.md", "docs/a.md", "--format", "json")
    assert {f["path"] for f in run.json["findings"]} == {"docs/a.md"}
    assert run.json["summary"]["files"] == 1


def test_include_limits_walked_files(project, run_cli):
    write(project / "notes" / "n.md", ARTICLE)
    write(project / ".healthlint.yaml", 'include: ["docs/**"]\n')
    run = run_cli("check", ".", "--format", "json")
    assert {f["path"] for f in run.json["findings"]} == {"docs/a.md"}


def test_extra_claims_folder_adds_rules_and_switches_builtins_off(project, run_cli):
    write(project / "team-claims" / "house.yaml", """\
        schema_version: 1
        topic: house-style
        title: House rules
        disable: [mineral-called-vitamin]
        claims:
          - code: FAC990
            id: calf-always-cramps
            category: factual-error
            severity: warning
            statement: Stretching the calf is harmful.
            verdict: "false"
            message: Says stretching the calf is harmful.
            explanation: Gentle stretching is the usual first step for a cramp.
            correction: Gentle calf stretches are safe for most people.
            evidence:
              references:
                - title: "NHS: Leg cramps"
                  url: https://www.nhs.uk/conditions/leg-cramps/
              reviewed: 2026-11-21
              review_by: 2027-11-21
            match:
              kind: phrase
              patterns: ['\\bstretching (?:the )?calf is harmful\\b']
            examples:
              flag:
                - Stretching the calf is harmful.
                - Remember that stretching the calf is harmful!
                - Stretching calf is harmful to the tendon.
              allow:
                - Stretching the calf is not harmful.
                - Some say stretching the calf is harmful, but that is a myth.
    """)
    write(project / "docs" / "b.md", "Stretching the calf is harmful.\n")
    write(project / ".healthlint.yaml", "claims: [team-claims]\n")
    run = run_cli("check", "docs", "--format", "json")
    assert codes(run) == ["FAC990", "QLT013"]


def test_catastrophic_pattern_in_a_pack_is_a_rule_error_and_the_run_goes_on(project, run_cli):
    write(project / "pack" / "slow.yaml", """\
        schema_version: 1
        topic: slow
        title: A pattern that backtracks
        claims:
          - code: QLT990
            id: backtracking-pattern
            category: content-quality
            severity: info
            statement: Runs of a.
            verdict: misleading
            message: Runs of a.
            explanation: A test pattern with catastrophic backtracking.
            correction: None.
            context: none
            evidence:
              references:
                - title: "NHS: Leg cramps"
                  url: https://www.nhs.uk/conditions/leg-cramps/
              reviewed: 2026-11-21
              review_by: 2027-11-21
            match:
              kind: phrase
              patterns: ['(?:a|aa)+b']
            examples:
              flag: [aab, ab, aaab]
              allow: [b c, ccc]
    """)
    write(project / "docs" / "slow.md", "a" * 40 + "! ab\n")  # the prefilter sees "ab"; the exact pattern backtracks
    write(project / ".healthlint.yaml", "claims: [pack]\n")
    run = run_cli("check", "docs", "--format", "json")
    assert run.code == 2
    assert "QLT990" in run.err and "timed out" in run.err
    assert "FAC250" in codes(run)  # the other file and the other rules were still checked


@pytest.mark.parametrize("text, message", [
    ("bogus: 1\n", "unknown configuration key 'bogus'"),
    ("selct: [FAC]\n", "did you mean 'select'"),
    ("fail-on: sometimes\n", "'fail-on' must be one of"),
    ("severity:\n  FAC250: loud\n", "must be error, warning or info"),
    ("severity:\n  NOPE999: info\n", "unknown rule 'NOPE999'"),
    ("ignore: 3\n", "'ignore' must be a list of strings"),
    ("readability-grade: 99\n", "'readability-grade' must be a number from 1 to 20"),
    ("claims: [missing-folder]\n", "claims path 'missing-folder' does not exist"),
    ("select: [NOSUCHRULE]\n", "unknown rule selector"),
    ("ignore: [FAC\n", "YAML does not parse"),
    ("select: [FAC]\nselect: [QLT]\n", "duplicate key 'select'"),
    ("require-suppression-reason: maybe\n", "must be true or false"),
])
def test_bad_configuration_is_one_clear_line_with_exit_code_2(project, run_cli, text, message):
    write(project / ".healthlint.yaml", text)
    run = run_cli("check", "docs")
    assert run.code == 2
    assert message in run.err
    assert "Traceback" not in run.err
    assert len(run.err.strip().splitlines()) == 1


def test_bad_value_names_file_and_line(project, run_cli):
    write(project / ".healthlint.yaml", "ignore: []\nfail-on: loud\n")
    run = run_cli("check", "docs")
    assert ".healthlint.yaml:2:" in run.err


def test_bad_toml_names_the_file(project, run_cli):
    write(project / "pyproject.toml", '[tool.healthlint]\nfail-on = "loud"\n')
    run = run_cli("check", "docs")
    assert run.code == 2 and "pyproject.toml:2:" in run.err


def test_init_writes_a_starting_configuration_that_loads(project, run_cli):
    run = run_cli("init")
    assert run.code == 0
    written = project / ".healthlint.yaml"
    assert written.read_text(encoding="utf-8").startswith("# healthlint configuration")
    loaded = config.load(written)
    assert loaded.fail_on == "warning" and loaded.readability_grade == 10.0
    assert run_cli("init").code == 2  # never overwrites without --force
    assert run_cli("init", "--force").code == 0
    assert codes(run_cli("check", "docs", "--format", "json")) == ["FAC250", "QLT013"]


@pytest.mark.parametrize("rel, pattern, expected", [
    ("docs/a.md", "docs/**", True),
    ("docs/sub/a.md", "docs/**", True),
    ("docs/sub/a.md", "docs/*.md", False),
    ("news/a.md", "*.md", True),
    ("news/deep/a.md", "**/deep/*.md", True),
    ("a.md", "**/*.md", True),
    ("drafts/x.md", "drafts", True),
    ("notes/drafts.md", "drafts", False),
])
def test_glob_match(rel, pattern, expected):
    assert config.glob_match(rel, pattern) is expected


def test_readability_grade_is_configurable(tmp_path, monkeypatch, run_cli):
    from conftest import ARTICLES

    article = tmp_path / "clean.md"
    article.write_text((ARTICLES / "clean-night-cramps.md").read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert "DOC005" not in codes(run_cli("check", "clean.md", "--format", "json"))  # about grade 8 by default
    write(tmp_path / ".healthlint.yaml", "readability-grade: 5\n")
    run = run_cli("check", "clean.md", "--format", "json")
    doc005 = [f for f in run.json["findings"] if f["code"] == "DOC005"]
    assert len(doc005) == 1 and doc005[0]["line"] == 1 and "5" in doc005[0]["message"]
