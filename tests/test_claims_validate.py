"""`healthlint claims validate` reports each problem as file:line: message and exits 2."""
from __future__ import annotations


import pytest

GOOD = """\
schema_version: 1
topic: sample
title: Sample
claims:
  - code: FAC001
    id: sample-potassium-vitamin
    category: factual-error
    severity: error
    statement: Potassium is a vitamin.
    verdict: false
    explanation: Potassium is a mineral.
    correction: Potassium is a mineral (an electrolyte), not a vitamin.
    evidence:
      references:
        - title: "NIH ODS: Potassium"
          url: https://ods.od.nih.gov/factsheets/Potassium-Consumer/
      reviewed: 2026-11-21
      review_by: 2027-11-21
    match:
      kind: phrase
      patterns:
        - '\\bpotassium (?:is|as) (?:a|an) (?:essential )?vitamin\\b'
    examples:
      flag:
        - Potassium is a vitamin.
        - potassium is an essential vitamin for muscles
        - They say potassium as a vitamin matters.
      allow:
        - Potassium is a mineral, not a vitamin.
        - Potassium is not a vitamin.
"""


def write(tmp_path, text, name="sample.yaml"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_good_file_validates(run_cli, tmp_path):
    p = write(tmp_path, GOOD)
    result = run_cli("claims", "validate", str(p))
    assert result.code == 0, result.out
    assert "1 claims in 1 file(s): all valid." in result.out


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ("    verdict: false\n", "    verdict: false\n    colour: red\n", 11, "unknown field 'colour'"),
        ("        - title: \"NIH ODS: Potassium\"\n          url: https://ods.od.nih.gov/factsheets/Potassium-Consumer/\n",
         "        - title: \"NIH ODS: Potassium\"\n          url: http://ods.od.nih.gov/factsheets/Potassium-Consumer/\n",
         16, "needs an https URL"),
        ("      references:\n        - title: \"NIH ODS: Potassium\"\n          url: https://ods.od.nih.gov/factsheets/Potassium-Consumer/\n",
         "", 13, "at least one reference is required"),
        ("        - '\\bpotassium (?:is|as) (?:a|an) (?:essential )?vitamin\\b'\n",
         "        - '\\bpotassium (?:is|as) (?:a|an'\n", 22, "does not compile"),
        ("    category: factual-error\n", "    category: dangerous-advice\n", 5, "code prefix must be DNG"),
        ("    severity: error\n", "    severity: fatal\n", 8, "'severity' must be"),
        ("        - Potassium is not a vitamin.\n", "", 28, "'examples.allow' needs at least 2"),
        ("    id: sample-potassium-vitamin\n", "    id: Sample_Potassium\n", 6, "'id' must be kebab-case"),
        ("    verdict: false\n", "    verdict: false\n    verdict: true\n", 11, "duplicate key 'verdict'"),
        ("title: Sample\n", "title: [unclosed\n", 4, "YAML does not parse"),
        ("        - Potassium is a vitamin.\n", "        - Potassium levels matter.\n", 25, "flag example 1 is not flagged"),
    ],
    ids=["unknown-field", "http-url", "missing-reference", "bad-pattern", "prefix", "severity", "few-examples",
         "bad-id", "duplicate-key", "yaml-syntax", "example-fails"],
)
def test_problems_are_reported_with_file_and_line(run_cli, tmp_path, old, new, line, message):
    assert old in GOOD
    p = write(tmp_path, GOOD.replace(old, new, 1))
    result = run_cli("claims", "validate", str(p))
    assert result.code == 2
    lines = result.out.splitlines()
    assert any(ln.startswith(f"{p}:{line}: ") and message in ln for ln in lines), result.out


def test_duplicate_code_and_id_across_files(run_cli, tmp_path):
    write(tmp_path, GOOD, "a.yaml")
    write(tmp_path, GOOD.replace("topic: sample", "topic: other"), "b.yaml")
    result = run_cli("claims", "validate", str(tmp_path), "--no-examples")
    assert result.code == 2
    assert f"{tmp_path / 'b.yaml'}:5: duplicate code FAC001" in result.out
    assert f"{tmp_path / 'b.yaml'}:5: duplicate id sample-potassium-vitamin" in result.out


def test_bad_claims_pack_stops_check_with_exit_2(run_cli, tmp_path):
    p = write(tmp_path, GOOD.replace("    severity: error\n", "    severity: loud\n"))
    article = tmp_path / "a.md"
    article.write_text("Fine text.\n", encoding="utf-8")
    result = run_cli("check", str(article), "--claims", str(p))
    assert result.code == 2
    assert f"{p}:8: claim FAC001: 'severity' must be" in result.err
    assert "Traceback" not in result.err


def test_missing_claims_path(run_cli, tmp_path):
    result = run_cli("claims", "validate", str(tmp_path / "nope.yaml"))
    assert result.code == 2
    assert "no such claims file or folder" in result.out


def test_builtin_database_validates(run_cli):
    result = run_cli("claims", "validate")
    assert result.code == 0, result.out[-3000:]


def test_explain_shows_the_rule(run_cli):
    result = run_cli("explain", "QLT004")
    assert result.code == 0
    for part in ("QLT004 leaked-css", "Why it is wrong or risky:", "Correct fact:", "References:",
                 "https://medlineplus.gov/webeval/webeval.html", "Flagged, for example:", "Not flagged"):
        assert part in result.out
    assert run_cli("explain", "leaked-css").out == result.out
    missing = run_cli("explain", "XYZ999")
    assert missing.code == 2 and "no rule with code or id" in missing.err


def test_claims_list(run_cli):
    result = run_cli("claims", "list", "--format", "json")
    assert result.code == 0
    import json

    rows = json.loads(result.out)
    assert any(r["code"] == "QLT030" and r["kind"] == "family" for r in rows)
    assert all(set(r) == {"code", "id", "category", "severity", "kind", "statement"} for r in rows)


def test_claims_list_as_a_table_shows_bracketed_text_literally(run_cli, monkeypatch):
    """Statements are text, not rich markup: one quotes the "[/caption]" shortcode, which markup would reject."""
    monkeypatch.setenv("COLUMNS", "400")
    result = run_cli("claims", "list")
    assert result.code == 0, result.err
    assert "internal error" not in result.err
    assert '"[caption id=...]", "[/caption]"' in result.out and "QLT030" in result.out
