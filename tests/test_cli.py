"""The command: JSON contract, exit codes, selection, discovery and bad input."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from conftest import write

BAD = "Home > Health > Sleep > Cramps\n\nStretch the the calf gently.\n"
CLEAN = "Stretch the calf gently when a cramp starts.\n"


def test_json_contract(run_cli, tmp_path):
    p = write(tmp_path, "a.md", BAD)
    result = run_cli("check", str(p), "--format", "json")
    assert result.code == 1
    doc = result.json
    assert set(doc) == {"version", "tool", "findings", "errors", "summary"}
    assert doc["version"] == 1 and doc["tool"]["name"] == "healthlint" and doc["tool"]["version"]
    assert doc["errors"] == []
    keys = {"path", "code", "id", "category", "severity", "message", "line", "column", "end_line", "end_column",
            "text", "correction", "references"}
    for f in doc["findings"]:
        assert set(f) == keys
        assert f["path"] == str(p)
        assert all(set(r) == {"title", "url"} for r in f["references"])
        line = BAD.splitlines()[f["line"] - 1]
        assert f["end_line"] == f["line"]
        assert line[f["column"] - 1:f["end_column"] - 1] == f["text"]  # 1-based, end exclusive
    codes = [f["code"] for f in doc["findings"]]
    assert codes == ["QLT001", "QLT013"]
    qlt013 = doc["findings"][1]
    assert (qlt013["line"], qlt013["column"], qlt013["end_column"], qlt013["text"]) == (3, 9, 16, "the the")
    summary = doc["summary"]
    assert summary == {"files": 1, "findings": 2, "by_severity": {"warning": 2},
                       "by_category": {"content-quality": 2}}


def test_exit_codes(run_cli, tmp_path):
    bad = write(tmp_path, "bad.md", BAD)
    clean = write(tmp_path, "clean.md", CLEAN)
    assert run_cli("check", str(clean)).code == 0
    assert run_cli("check", str(bad)).code == 1
    assert run_cli("check", str(bad), "--exit-zero").code == 0
    assert run_cli("check", str(bad), "--fail-on", "error").code == 0  # only warnings here
    assert run_cli("check", str(bad), "--fail-on", "never").code == 0
    assert run_cli("check", str(tmp_path / "missing.md")).code == 2
    assert run_cli("check", str(bad), "--select", "NOPE999").code == 2


def test_select_ignore_prefix_id_and_category(run_cli, tmp_path):
    p = write(tmp_path, "a.md", BAD)

    def codes(*args):
        return [f["code"] for f in run_cli("check", str(p), "--format", "json", *args).json["findings"]]

    assert codes("--select", "QLT013") == ["QLT013"]
    assert codes("--select", "QLT0") == ["QLT001", "QLT013"]
    assert codes("--ignore", "repeated-word") == ["QLT001"]
    assert codes("--select", "content-quality", "--ignore", "QLT001") == ["QLT013"]
    assert codes("--select", "QLT", "--ignore", "QLT0") == []
    assert codes("--ignore", "QLT", "--select", "QLT013") == ["QLT013"]  # the longer selector wins
    assert codes("--min-severity", "error") == []


def test_directory_recursion_skips_hidden_and_unknown_files(run_cli, tmp_path):
    write(tmp_path, "docs/a.md", BAD)
    write(tmp_path, "docs/sub/b.txt", BAD)
    write(tmp_path, "docs/c.html", "<p>Stretch the the calf.</p>")
    write(tmp_path, "docs/.hidden/d.md", BAD)
    write(tmp_path, "docs/.git/e.md", BAD)
    write(tmp_path, "docs/notes.rst", BAD)
    write(tmp_path, "docs/skip/f.md", BAD)
    result = run_cli("check", str(tmp_path / "docs"), "--format", "json", "--exclude", "skip")
    paths = sorted({f["path"] for f in result.json["findings"]})
    base = str(tmp_path / "docs")
    assert paths == [os.path.join(base, "a.md"), os.path.join(base, "c.html"), os.path.join(base, "sub/b.txt")]
    assert result.json["summary"]["files"] == 3
    only = run_cli("check", str(tmp_path / "docs"), "--format", "json", "--include", "*.txt")
    assert {f["path"] for f in only.json["findings"]} == {os.path.join(base, "sub/b.txt")}


def test_stdin(run_cli):
    result = run_cli("check", "-", "--format", "json", stdin=BAD.encode())
    assert result.code == 1
    assert {f["path"] for f in result.json["findings"]} == {"<stdin>"}
    html = run_cli("check", "-", "--format", "json", "--stdin-format", "html",
                   stdin=b"<p>Stretch the the calf.</p>")
    assert [f["code"] for f in html.json["findings"]] == ["QLT013"]


def test_bad_files_are_reported_and_the_run_goes_on(run_cli, tmp_path):
    write(tmp_path, "a_binary.md", b"PK\x03\x04\x00\x00binary")
    write(tmp_path, "b_latin1.txt", "caf\xe9\n".encode("latin-1"))
    write(tmp_path, "c_good.md", BAD)
    result = run_cli("check", str(tmp_path), "--format", "json")
    assert result.code == 2
    errors = result.json["errors"]
    assert [e["path"] for e in errors] == [str(tmp_path / "a_binary.md"), str(tmp_path / "b_latin1.txt")]
    assert "not a text file" in errors[0]["message"]
    assert "line 1: not valid UTF-8" in errors[1]["message"]
    assert result.json["summary"]["files"] == 1 and result.json["findings"]
    assert "Traceback" not in result.err


def test_text_report(run_cli, tmp_path):
    p = write(tmp_path, "a.md", BAD)
    result = run_cli("check", str(p), "--no-color")
    assert result.code == 1
    assert f"{p}:3:9 warning QLT013 Repeated word." in result.out
    assert "correct: Delete the repeated word." in result.out
    assert "source: NIH: Clear & Simple <https://www.nih.gov/" in result.out
    assert "Findings by category and severity" in result.out
    assert "\x1b[" not in result.out
    assert "2 findings in 1 file." in result.out


def test_output_file(run_cli, tmp_path):
    p = write(tmp_path, "a.md", BAD)
    out = tmp_path / "report.json"
    result = run_cli("check", str(p), "--format", "json", "--output", str(out))
    assert result.code == 1 and result.out == ""
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["findings"] == 2


def test_module_entry_point_and_no_color_env(tmp_path):
    p = write(tmp_path, "a.md", BAD)
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.run([sys.executable, "-m", "lint", "check", str(p)], capture_output=True, text=True, env=env,
                          cwd=Path(__file__).resolve().parent.parent)
    assert proc.returncode == 1
    assert "QLT013" in proc.stdout and "\x1b[" not in proc.stdout
    usage = subprocess.run([sys.executable, "-m", "lint", "check", "--fail-on", "loud"], capture_output=True,
                           text=True, cwd=Path(__file__).resolve().parent.parent)
    assert usage.returncode == 2 and "invalid choice" in usage.stderr and "Traceback" not in usage.stderr


def test_default_path_is_current_folder(run_cli, tmp_path, monkeypatch):
    write(tmp_path, "a.md", BAD)
    monkeypatch.chdir(tmp_path)
    result = run_cli("check", "--format", "json")
    assert {f["path"] for f in result.json["findings"]} == {"a.md"}


def test_parallel_run_gives_the_same_report_as_one_process(run_cli, tmp_path, monkeypatch):
    for i in range(30):
        write(tmp_path, f"docs/a{i:02d}.md", BAD if i % 3 else CLEAN)
    monkeypatch.setenv("HEALTHLINT_JOBS", "1")
    one = run_cli("check", str(tmp_path / "docs"), "--format", "json")
    monkeypatch.setenv("HEALTHLINT_JOBS", "2")
    two = run_cli("check", str(tmp_path / "docs"), "--format", "json")
    assert one.code == two.code == 1
    assert one.json == two.json
    assert one.json["summary"]["files"] == 30 and one.json["summary"]["findings"] == 40


def test_cache_never_changes_results(run_cli, tmp_path, monkeypatch):
    p = write(tmp_path, "a.md", BAD)
    monkeypatch.setenv("HEALTHLINT_CACHE_DIR", str(tmp_path / "cache"))
    first = run_cli("check", str(p), "--format", "json")
    assert list((tmp_path / "cache").glob("claims-builtin-*.pickle"))
    second = run_cli("check", str(p), "--format", "json")
    monkeypatch.setenv("HEALTHLINT_NO_CACHE", "1")
    third = run_cli("check", str(p), "--format", "json")
    assert first.json == second.json == third.json
