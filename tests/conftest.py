from __future__ import annotations

import json
from pathlib import Path

import pytest

from lint import cli, load_rules
from lint.engine import Engine

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "articles"
SEEDS = ROOT.parent / "shared" / "seeds"


def write(directory: Path, name: str, text: str | bytes) -> Path:
    """Create ``directory/name`` (and its folders) with ``text``; bytes are written as they are."""
    p = directory / name
    p.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        p.write_bytes(text)
    else:
        p.write_text(text, encoding="utf-8")
    return p


@pytest.fixture(scope="session")
def all_rules():
    return load_rules()


@pytest.fixture(scope="session")
def engine(all_rules):
    return Engine(all_rules)


class CliRun:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    @property
    def json(self):
        return json.loads(self.out)


@pytest.fixture
def run_cli(capsys, monkeypatch):
    """Call the command in-process (flake8 style) and capture its exit code and output."""

    def _run(*args: str, stdin: bytes | None = None, env: dict | None = None) -> CliRun:
        for key, value in (env or {}).items():
            monkeypatch.setenv(key, value)
        if stdin is not None:
            import io
            import sys

            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
        code = cli.main(list(args))
        captured = capsys.readouterr()
        return CliRun(code, captured.out, captured.err)

    return _run
