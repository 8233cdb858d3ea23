"""The RE2 prefilter never hides a match: relaxed patterns are supersets, and results equal a full run."""
from __future__ import annotations

from pathlib import Path

import pytest
import regex

from lint.document import Span
from lint.engine import Engine
from lint.markup import format_for, parse
from lint import prefilter
from lint.prefilter import Prefilter
from lint.rules.base import Rule
from lint.rules.pattern import compile_pattern, expand_spaces, relax_for_re2

re2 = pytest.importorskip("re2")
ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(("pattern", "text"), [
    (r"\bcafé\b", "un café noir"),
    (r"\bnaïve\w+", "naïveté"),
    (r"(?<!not )\bneedle", "a needle"),
    (r"\bprick\w* (?:the )?muscle", "pricking  the\u00a0muscle"),
    (r"\d+ ?mg", "٣٠٠ mg"),
    (r"(?i)ÉTAT", "état"),
])
def test_relaxed_pattern_matches_wherever_the_exact_one_does(pattern, text):
    exact = compile_pattern(pattern)
    assert exact.search(text)
    relaxed = relax_for_re2(expand_spaces(pattern))
    options = re2.Options()
    options.case_sensitive = False
    assert re2.compile(relaxed, options).search(text), relaxed


def test_unsupported_constructs_make_the_rule_always_run():
    assert relax_for_re2(r"\L<words>") is None
    assert relax_for_re2(r"\1(a)") is None  # a reference to a group not yet closed
    assert relax_for_re2(r"(?<=(a))b\1") is None  # a group inside a removed lookaround


@pytest.mark.parametrize(("pattern", "text", "other"), [
    (r"\b(\w+) \1\b", "it is is done", "nothing repeats here"),
    (r"\b(\w{4,}?)s?\s+(?:from|of)\s+the\s+\1s?\s+group\b", "statins from the statin group", "a group of people"),
    (r"\b(\p{L}{3,}[ \t]+\p{L}{3,})[ \t]+and[ \t]+\1\b", "slowly walk and slowly walk", "walk and run"),
    (r"(?P<w>ab)c\1", "xabcabx", "xabcx"),
    (r"(?<!x)(a)(b)\2", "abb", "ab"),
    (r"(?<=(q))(a)\2", "qaa", "qa"),
])
def test_back_references_relax_to_a_copy_of_their_group(pattern, text, other):
    """The copy keeps the group's literals for the prefilter, and the relaxed pattern stays a superset."""
    relaxed = relax_for_re2(expand_spaces(pattern))
    assert relaxed is not None
    options = re2.Options()
    options.case_sensitive = False
    assert compile_pattern(pattern).search(text) and re2.compile(relaxed, options).search(text), relaxed
    assert not compile_pattern(pattern).search(other)


class _Never(Rule):
    """A rule whose prefilter cannot match: it must never be a candidate."""

    def __init__(self, info):
        self.info = info

    def prefilter(self):
        return [["zzzqqq-never"]]

    def check(self, doc):  # pragma: no cover - must not be called
        raise AssertionError("prefilter let a rule through that cannot match")
        yield


def test_prefilter_skips_rules_that_cannot_match(all_rules):
    rule = _Never(all_rules[0].info)
    engine = Engine([rule])
    assert engine.prefilter.active
    assert engine.run(parse("Potassium is a mineral.", "markdown")).findings == []


def test_cooccur_needs_every_group(all_rules):
    cooccur = [r for r in all_rules if r.info.kind == "cooccur"]
    if not cooccur:
        pytest.skip("no cooccur rule in the database yet")
    pf = Prefilter(cooccur)
    assert pf.candidates("") == [cooccur[i] for i in pf.always]


ARTICLES = sorted([p for p in (ROOT / "articles").glob("*") if p.suffix in (".md", ".txt", ".html")]
                  + [p for p in (ROOT.parent / "shared" / "seeds").glob("*.txt")])


@pytest.mark.parametrize("warm", [False, True], ids=["first-files", "warm"])
@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_prefiltered_run_equals_running_every_rule(all_rules, path, warm, monkeypatch):
    """In a run's first few kilobytes the keyed rules run their exact patterns on the whole document; later RE2
    confirms them block by block first. Either way the findings are those of running every rule."""
    monkeypatch.setattr(prefilter, "_scanned", 10**9 if warm else 0)
    doc = parse(path.read_text(encoding="utf-8"), format_for(path.name), path.name)
    fast = Engine(all_rules).run(doc).findings
    slow_engine = Engine(all_rules)
    slow_engine.prefilter.candidate_regions = lambda doc: [(r, None) for r in all_rules]  # type: ignore[method-assign]
    assert fast == slow_engine.run(doc).findings


def test_compile_pattern_expands_spaces_outside_classes():
    p = compile_pattern(r"potassium is [ a]+vitamin")
    assert isinstance(p, regex.Pattern)
    assert p.search("Potassium   is a vitamin")
    assert expand_spaces("a  b[ ]c") == r"a\s+b[ ]c"


@pytest.mark.parametrize(("pattern", "text"), [
    (r"diabetes[^\w\n]{1,5}only", "diabetes – only"),
    (r"a[^\d]b", "a٣b".replace("٣", "é")),
    (r"x[^\s]y", "x\u00e9y"),
    (r"x[^\p{L}]y", "x-y"),
])
def test_relaxed_negated_classes_stay_supersets(pattern, text):
    assert compile_pattern(pattern).search(text)
    options = re2.Options()
    options.case_sensitive = False
    assert re2.compile(relax_for_re2(expand_spaces(pattern)), options).search(text)


def test_python_and_re2_atom_scans_agree(all_rules, monkeypatch):
    """Short runs look for atoms with Python's substring search (the trigger atoms first, then the other atoms of
    the rules they trigger), long ones with one RE2 set of every atom: the same rules' keys hold."""
    from lint.rules.pattern import normalise_spaces

    texts = [p.read_text(encoding="utf-8") for p in ARTICLES]
    python_scan, re2_scan = Prefilter(all_rules), Prefilter(all_rules)
    for text in texts:
        text = normalise_spaces(text)[:7000]
        monkeypatch.setattr(prefilter, "_scanned", 0)
        in_python = python_scan._keyed_in(text)
        monkeypatch.setattr(prefilter, "_scanned", 10**9)  # force the RE2 set
        in_re2 = re2_scan._keyed_in(text)
        assert in_python and sorted(in_python) == sorted(in_re2)
    assert python_scan._atoms is None and re2_scan._atoms is not None


def test_first_small_files_compile_no_re2_program(all_rules, monkeypatch):
    """The pre-commit case: a run's first small files are checked without compiling RE2 programs (about a
    millisecond each), and give the same findings as a warm run that confirms candidates with RE2."""
    from lint.rules.cooccur import CooccurRule

    path = ROOT / "articles" / "sleeping-pills-roundup.md"
    doc = parse(path.read_text(encoding="utf-8"), "markdown", path.name)
    monkeypatch.setattr(prefilter, "_COMPILED", {})
    monkeypatch.setattr(prefilter, "_scanned", 0)
    monkeypatch.setattr(CooccurRule, "_programs", property(lambda self: pytest.fail("compiled RE2 programs")))
    cold = Engine(all_rules).run(doc).findings
    assert prefilter._COMPILED == {}
    assert 0 < prefilter._scanned <= prefilter.SET_AFTER
    monkeypatch.undo()
    monkeypatch.setattr(prefilter, "_scanned", 10**9)
    assert cold and cold == Engine(all_rules).run(doc).findings


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_cooccur_sentence_filter_changes_no_finding(all_rules, path, monkeypatch):
    """A co-occurrence rule runs its exact terms only in sentences where RE2 finds every relaxed group after
    the topic (and the sentences before them); without that filter it searches whole blocks: same findings."""
    from lint.rules.cooccur import CooccurRule

    monkeypatch.setattr(prefilter, "_scanned", 10**9)  # the filter runs once RE2 programs are worth compiling
    doc = parse(path.read_text(encoding="utf-8"), format_for(path.name), path.name)
    filtered = Engine(all_rules).run(doc).findings
    monkeypatch.setattr(CooccurRule, "_where", lambda self, doc, regions: None)
    assert filtered == Engine(all_rules).run(doc).findings


def test_cooccur_sentence_filter_keeps_a_topic_named_in_an_earlier_sentence(all_rules, monkeypatch):
    from lint import lint_text

    monkeypatch.setattr(prefilter, "_scanned", 10**9)
    rule = next(r for r in all_rules if r.info.code == "FAC050")
    text = "Hypnic jerks are common at sleep onset. They happen because the brain thinks the body is dying."
    doc = parse(text, "text")
    assert rule._where(doc, None) == [Span(0, len(text))]
    assert "FAC050" in {f.code for f in lint_text(text, "text")}
