"""--fix, --unsafe-fixes, --diff (atomic writes that keep BOM, line endings, permissions) and baselines."""
from __future__ import annotations

import json
import os
import stat

from lint import fix
from lint.document import Span
from lint.finding import Applicability, Fix

MISSPELT = "Ibuprophen eases pain and swelling.\r\nPotassium is a vitamin.\r\nTake iboprofen with food.\r\n"


def test_fix_corrects_misspelled_drug_names_and_nothing_else(run_cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbf" + MISSPELT.encode())
    os.chmod(path, 0o640)
    run = run_cli("check", str(path), "--isolated", "--fix", "--format", "json")
    data = path.read_bytes()
    assert data == b"\xef\xbb\xbf" + MISSPELT.replace("Ibuprophen", "Ibuprofen").replace("iboprofen", "ibuprofen").encode()
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    # The file was checked again: only the (unfixable) medical error is left, on its original line.
    assert [(f["code"], f["line"]) for f in run.json["findings"]] == [("FAC250", 2)]
    assert "fixed 2 problems in 1 file" in run.err
    assert run.code == 1
    assert not [p for p in tmp_path.iterdir() if p.name != "a.txt"]  # no temporary file left behind


def test_diff_prints_and_writes_nothing(run_cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Ibuprophen eases pain.\n", encoding="utf-8")
    run = run_cli("check", str(path), "--isolated", "--diff")
    assert run.code == 1
    assert "-Ibuprophen eases pain." in run.out and "+Ibuprofen eases pain." in run.out
    assert path.read_text(encoding="utf-8") == "Ibuprophen eases pain.\n"
    clean = tmp_path / "b.txt"
    clean.write_text("Ibuprofen eases pain.\n", encoding="utf-8")
    assert run_cli("check", str(clean), "--isolated", "--diff").code == 0


def test_fix_through_a_symlink_edits_the_target(run_cli, tmp_path):
    target = tmp_path / "real.txt"
    target.write_text("Ibuprophen eases pain.\n", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    run_cli("check", str(link), "--isolated", "--fix")
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "Ibuprofen eases pain.\n"


def test_unsafe_fixes_need_an_explicit_option():
    text = "abc def"
    safe = Fix(Span(0, 3), "ABC", Applicability.SAFE)
    unsafe = Fix(Span(4, 7), "DEF", Applicability.UNSAFE)

    class F:
        def __init__(self, f):
            self.fix = f

    assert fix.usable([F(safe), F(unsafe), F(None)], unsafe=False) == [safe]
    assert fix.usable([F(safe), F(unsafe)], unsafe=True) == [safe, unsafe]
    assert fix.apply(text, [safe, unsafe]).text == "ABC DEF"


def test_overlapping_edits_keep_the_first():
    text = "0123456789"
    a = Fix(Span(2, 5), "x", Applicability.SAFE)
    b = Fix(Span(4, 8), "y", Applicability.SAFE)
    c = Fix(Span(8, 9), "z", Applicability.SAFE)
    out = fix.apply(text, [b, c, a])
    assert out.text == "01x567z9" and out.applied == (a, c)


def test_unsafe_fixes_without_fix_is_a_usage_error(run_cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Ibuprophen eases pain.\n", encoding="utf-8")
    run = run_cli("check", str(path), "--isolated", "--unsafe-fixes")
    assert run.code == 2 and "--unsafe-fixes needs --fix" in run.err


def test_baseline_reports_only_new_findings_and_survives_inserted_lines(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    article = tmp_path / "a.md"
    article.write_text("# Cramps\n\nPotassium is a vitamin.\n\nStretch the the calf.\n", encoding="utf-8")
    run = run_cli("check", "a.md", "--isolated", "--write-baseline", "base.json")
    assert run.code == 0 and "wrote 2 findings" in run.err
    recorded = json.loads((tmp_path / "base.json").read_text(encoding="utf-8"))
    assert sorted(r["code"] for r in recorded["findings"]) == ["FAC250", "QLT013"]
    assert run_cli("check", "a.md", "--isolated", "--baseline", "base.json", "--format", "json").json["findings"] == []
    # Lines inserted above the old findings, and one new finding.
    article.write_text("# Cramps\n\nAn intro.\n\nMore intro.\n\nPotassium is a vitamin.\n\nStretch the the calf.\n\n"
                       "Magnesium is a vitamin too.\n", encoding="utf-8")
    run = run_cli("check", "a.md", "--isolated", "--baseline", "base.json", "--format", "json")
    assert [(f["code"], f["line"]) for f in run.json["findings"]] == [("FAC250", 11)]
    assert run.code == 1
    # Without the baseline everything is reported again.
    assert len(run_cli("check", "a.md", "--isolated", "--format", "json").json["findings"]) == 3


def test_baseline_counts_repeated_findings(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    article = tmp_path / "a.md"
    article.write_text("Potassium is a vitamin.\n", encoding="utf-8")
    run_cli("check", "a.md", "--isolated", "--write-baseline", "base.json")
    article.write_text("Potassium is a vitamin.\n\nPotassium is a vitamin.\n", encoding="utf-8")
    run = run_cli("check", "a.md", "--isolated", "--baseline", "base.json", "--format", "json")
    assert len(run.json["findings"]) == 1


def test_bad_baseline_is_a_clear_error(run_cli, tmp_path):
    (tmp_path / "a.md").write_text("Potassium is a vitamin.\n", encoding="utf-8")
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "other.json").write_text('{"version": 2}', encoding="utf-8")
    for name, message in (("bad.json", "not valid JSON"), ("other.json", "not a healthlint baseline"),
                          ("missing.json", "cannot read baseline")):
        run = run_cli("check", str(tmp_path / "a.md"), "--isolated", "--baseline", str(tmp_path / name))
        assert run.code == 2 and message in run.err and "Traceback" not in run.err


def test_several_reports_in_one_run(run_cli, tmp_path):
    (tmp_path / "a.md").write_text("Potassium is a vitamin.\n", encoding="utf-8")
    out = tmp_path / "report.json"
    run = run_cli("check", str(tmp_path / "a.md"), "--isolated", "--no-color", "-o", f"json={out}")
    assert "FAC250" in run.out  # the text report still goes to standard output
    assert json.loads(out.read_text(encoding="utf-8"))["findings"][0]["code"] == "FAC250"
    bad = run_cli("check", str(tmp_path / "a.md"), "--isolated", "-o", "x.txt", "-o", "y.txt")
    assert bad.code == 2


def test_statistics_replace_the_findings_and_keep_the_exit_code(run_cli, tmp_path):
    (tmp_path / "a.md").write_text("Potassium is a vitamin.\n\nMagnesium is a vitamin.\n\nStretch the the calf.\n",
                                   encoding="utf-8")
    run = run_cli("check", str(tmp_path / "a.md"), "--isolated", "--statistics")
    rows = [line.split() for line in run.out.strip().splitlines()]
    assert [(r[0], r[1]) for r in rows] == [("2", "FAC250"), ("1", "QLT013")]
    assert run.code == 1


def test_html_and_sarif_reports_beside_the_terminal_report(run_cli, tmp_path):
    (tmp_path / "a.md").write_text("Potassium is a vitamin.\n", encoding="utf-8")
    html, sarif = tmp_path / "report.html", tmp_path / "out.sarif"
    run = run_cli("check", str(tmp_path / "a.md"), "--isolated", "--no-color", "-o", f"html={html}",
                  "-o", f"sarif={sarif}")
    assert run.code == 1 and "FAC250" in run.out
    assert 'data-code="FAC250"' in html.read_text(encoding="utf-8")
    assert json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]["results"][0]["ruleId"] == "FAC250"
