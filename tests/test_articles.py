"""The sample articles: each one's findings (line and code) equal the set recorded beside it.

``articles/NAME.EXT.expected`` holds one ``LINE CODE`` per line (``#`` starts a comment). The clean article's
file is empty: it must produce no finding at all.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from lint import lint_text
from lint.markup import format_for

ARTICLES = Path(__file__).resolve().parent.parent / "articles"
SAMPLES = sorted(p for p in ARTICLES.iterdir() if p.suffix in (".md", ".txt", ".html"))


def expected_for(path: Path) -> set[tuple[int, str]]:
    out = set()
    for raw in (path.parent / (path.name + ".expected")).read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            number, code = line.split()
            out.add((int(number), code))
    return out


def test_there_are_enough_samples_in_every_format():
    assert len(SAMPLES) >= 7
    assert {p.suffix for p in SAMPLES} == {".md", ".txt", ".html"}
    for p in SAMPLES:
        assert (p.parent / (p.name + ".expected")).exists(), f"{p.name} has no .expected file"


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_article_findings_match_expected(path):
    findings = lint_text(path.read_text(encoding="utf-8"), format_for(path.name), path.name)
    actual = {(f.start.line, f.code) for f in findings}
    expected = expected_for(path)
    assert actual == expected, f"unexpected: {sorted(actual - expected)}; missing: {sorted(expected - actual)}"


def test_clean_article_has_no_findings():
    path = ARTICLES / "clean-night-cramps.md"
    assert lint_text(path.read_text(encoding="utf-8"), "markdown", path.name) == []
    assert expected_for(path) == set()


def test_every_category_is_shown_by_the_samples():
    seen = set()
    for path in SAMPLES:
        seen |= {f.category.value for f in lint_text(path.read_text(encoding="utf-8"), format_for(path.name))}
    for category in ("factual-error", "dangerous-advice", "drug-safety", "unsupported", "unsourced-statistic",
                     "content-quality"):
        assert category in seen, category
