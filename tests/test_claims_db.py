"""The database tested as data: schema, uniqueness, references, ordering, and cross-rule conflicts."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from lint import claims, lint_text, load_rules
from lint.finding import CATEGORY_PREFIX

CLAIMS_DIR = Path(__file__).resolve().parent.parent / "claims"
FILES = sorted(CLAIMS_DIR.glob("*.yaml"))


def test_builtin_database_loads_without_problems():
    rules = claims.load()
    assert len(rules) >= 40


def test_codes_and_ids_are_unique_across_claims_and_families():
    rules = load_rules()
    codes = [r.info.code for r in rules]
    ids = [r.info.id for r in rules]
    assert len(codes) == len(set(codes))
    assert len(ids) == len(set(ids))


def test_code_prefix_matches_category_and_references_are_https():
    for rule in load_rules():
        info = rule.info
        assert info.code.startswith(CATEGORY_PREFIX[info.category]), info.code
        assert info.references, info.code
        for ref in info.references:
            assert ref.url.startswith("https://") and ref.title.strip(), (info.code, ref)
        assert info.explanation and info.correction and info.statement, info.code
        assert info.reviewed is not None and info.review_by is not None and info.review_by >= info.reviewed


def test_each_file_is_named_by_its_topic_and_sorted_by_code():
    for path in FILES:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["topic"] == path.stem, path.name
        codes = [c["code"] for c in data["claims"]]
        assert codes == sorted(codes), f"{path.name}: claims not sorted by code"


def test_files_are_consistently_formatted():
    for path in FILES:
        text = path.read_text(encoding="utf-8")
        assert "\t" not in text, f"{path.name}: tabs"
        assert text.endswith("\n") and not text.endswith("\n\n\n"), f"{path.name}: trailing blank lines"
        for n, line in enumerate(text.splitlines(), 1):
            assert line == line.rstrip(), f"{path.name}:{n}: trailing whitespace"
        assert text.startswith("schema_version: 1\n"), path.name


def test_no_two_rules_flag_the_same_example():
    """Each idea lives in one rule; article-level DOC findings are not about a sentence and are left out."""
    conflicts = []
    for rule in load_rules():
        for text in rule.info.examples.flag:
            others = {f.code for f in lint_text(text, "text")} - {rule.info.code}
            others = {c for c in others if not c.startswith("DOC")}
            if others:
                conflicts.append((rule.info.code, sorted(others), text))
    assert not conflicts, conflicts[:20]


def test_stale_check_lists_claims_past_review(run_cli):
    result = run_cli("claims", "stale", "--today", "2099-01-01")
    assert result.code == 1
    assert re.search(r"\bQLT001 breadcrumb-navigation-leftover: review was due", result.out)
    assert run_cli("claims", "stale", "--today", "2026-11-22").code == 0
