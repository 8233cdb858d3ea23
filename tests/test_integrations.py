"""Where healthlint runs: the real pre-commit (try-repo), the composite GitHub Action's script, the progress bar."""
from __future__ import annotations

import json
import os
import pty
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

BAD = "# Cramps\n\nPotassium is a vitamin that relaxes the calf.\n"
CLEAN = "# Cramps\n\nGentle calf stretches before bed may help some people.\n"


def git(repo: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True)


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory):
    return tmp_path_factory.mktemp("pre-commit-home")


def try_repo(repo: Path, home: Path) -> subprocess.CompletedProcess:
    """pre-commit's own way to test a hook repository: it builds the hook's environment from this checkout."""
    exe = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which("pre-commit")
    assert exe, "pre-commit is a test dependency (pip install '.[test]')"
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    env.pop("HEALTHLINT_DEBUG", None)
    return subprocess.run([exe, "try-repo", str(ROOT), "healthlint", "--verbose"], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=1200)


def test_hook_manifest_is_what_pre_commit_expects():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "healthlint")
    assert hook["language"] == "python"
    assert hook["types_or"] == ["markdown", "html", "plain-text"]
    assert hook["entry"].split()[:2] == ["healthlint", "check"]


def test_pre_commit_blocks_a_bad_article_and_passes_a_clean_one(tmp_path, pre_commit_home):
    repo = tmp_path / "site"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / "bad.md").write_text(BAD, encoding="utf-8")
    (repo / "notes.py").write_text("print('not an article')\n", encoding="utf-8")
    git(repo, "add", "bad.md", "notes.py")
    blocked = try_repo(repo, pre_commit_home)
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode == 1, output
    assert "bad.md:3:1" in output and "FAC250" in output  # the findings are printed

    git(repo, "rm", "-q", "--cached", "bad.md")
    (repo / "bad.md").unlink()
    (repo / "good.md").write_text(CLEAN, encoding="utf-8")
    git(repo, "add", "good.md")
    passed = try_repo(repo, pre_commit_home)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout

    # The configuration's excludes hold for the files pre-commit passes in.
    (repo / "drafts").mkdir()
    (repo / "drafts" / "wip.md").write_text(BAD, encoding="utf-8")
    (repo / ".healthlint.yaml").write_text('exclude: ["drafts/**"]\n', encoding="utf-8")
    git(repo, "add", "drafts/wip.md", ".healthlint.yaml")
    excluded = try_repo(repo, pre_commit_home)
    assert excluded.returncode == 0, excluded.stdout + excluded.stderr


def _action_script(step_name: str) -> tuple[str, dict]:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    step = next(s for s in action["runs"]["steps"] if s.get("name") == step_name)
    assert step["shell"] == "bash"
    return step["run"], action


def test_action_inputs_reach_the_script_only_through_the_environment():
    """Expressions pasted into a script are an injection risk; every input goes through env:."""
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    for step in action["runs"]["steps"]:
        if "run" in step:
            assert "${{" not in step["run"], step.get("name")


def test_action_script_writes_annotations_and_sarif(tmp_path):
    script, action = _action_script("Run healthlint")
    step = next(s for s in action["runs"]["steps"] if s.get("name") == "Run healthlint")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text(BAD, encoding="utf-8")
    defaults = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    for key, expr in step.get("env", {}).items():
        name = expr.replace("${{", "").replace("}}", "").strip().removeprefix("inputs.")
        env[key] = defaults.get(name, "")
    env["HEALTHLINT_PATHS"] = "docs"
    env["GITHUB_OUTPUT"] = str(tmp_path / "github-output")
    run = subprocess.run(["bash", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 1, run.stderr
    assert "::error file=docs/a.md,line=3" in run.stdout
    sarif = json.loads((tmp_path / defaults["sarif-file"]).read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"][0]["ruleId"] == "FAC250"
    assert "exit-code=1" in (tmp_path / "github-output").read_text(encoding="utf-8")


def _run_on_tty(args: list[str], env: dict, cwd: Path) -> str:
    """Run the command with stderr on a pseudo-terminal; return what it wrote there."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "lint", *args], cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                            stderr=slave, stdin=subprocess.DEVNULL)
    os.close(slave)
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            break
        try:
            data = os.read(master, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=120)
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


def test_progress_bar_on_a_terminal_only(tmp_path):
    for i in range(12):
        (tmp_path / f"a{i:02d}.md").write_text(CLEAN, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "NO_COLOR")}
    env["HEALTHLINT_JOBS"] = "1"
    shown = _run_on_tty(["check", ".", "--isolated"], env, tmp_path)
    assert "checking" in shown
    assert "checking" not in _run_on_tty(["check", ".", "--isolated"], {**env, "CI": "true"}, tmp_path)
    assert "checking" not in _run_on_tty(["check", ".", "--isolated", "--format", "json"], env, tmp_path)
    assert "checking" not in _run_on_tty(["check", ".", "--isolated", "--no-progress"], env, tmp_path)
