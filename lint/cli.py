"""The command: argparse → settings → engine → reporter → exit code. Nothing here knows about rules' insides."""
from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .errors import ClaimsError, HealthlintError, UsageError
from .result import ExitCode

FAIL_ON_CHOICES = ("error", "warning", "info", "never")


FORMAT_CHOICES = ("text", "json", "sarif", "github", "rdjsonl", "junit", "gitlab", "markdown", "html")


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="healthlint",
        description="Fact-check health articles (Markdown, plain text, HTML) against a curated claims database.",
    )
    parser.add_argument("--version", action="version", version=f"healthlint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="lint articles", description="Lint articles and report dubious statements.")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files, folders, or - for standard input (default: .)")
    check.add_argument("--format", choices=FORMAT_CHOICES, default="text", help="output format (default: text)")
    check.add_argument("--output", "-o", action="append", default=[], metavar="[FORMAT=]FILE",
                       help="write the report to FILE instead of standard output; FORMAT=FILE writes one more "
                            "report in FORMAT (repeatable, e.g. -o sarif=healthlint.sarif -o html=report.html)")
    check.add_argument("--config", metavar="FILE", help="use this configuration file instead of searching for one")
    check.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    check.add_argument("--select", action="append", metavar="CODES",
                       help="only these rules: codes, code prefixes, ids or categories, comma-separated")
    check.add_argument("--extend-select", action="append", metavar="CODES", help="add rules to the selection")
    check.add_argument("--ignore", action="append", metavar="CODES", help="skip these rules (same forms as --select)")
    check.add_argument("--min-severity", choices=("error", "warning", "info"), default=None,
                       help="report only findings at or above this severity (default: info)")
    check.add_argument("--fail-on", choices=FAIL_ON_CHOICES, default=None,
                       help="exit 1 when a finding is at or above this severity (default: warning)")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    check.add_argument("--no-color", action="store_true", help="never colour the output (NO_COLOR is honoured too)")
    check.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    check.add_argument("--include", action="append", default=[], metavar="GLOB",
                       help="only lint files in folders that match GLOB (default: by extension)")
    check.add_argument("--exclude", action="append", default=[], metavar="GLOB", help="skip paths that match GLOB")
    check.add_argument("--stdin-format", choices=("markdown", "text", "html"), default="markdown",
                       help="format of standard input (default: markdown)")
    check.add_argument("--claims", action="append", default=[], metavar="PATH",
                       help="an extra claims file or folder, validated like the built-in database")
    fixing = check.add_mutually_exclusive_group()
    fixing.add_argument("--fix", action="store_true", help="apply safe fixes in place (atomically), then re-check")
    fixing.add_argument("--diff", action="store_true",
                        help="print the fixes as a unified diff and write nothing (exit 1 if there is any)")
    check.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, include unsafe fixes")
    check.add_argument("--baseline", metavar="FILE", help="report only findings that FILE does not record")
    check.add_argument("--write-baseline", metavar="FILE", help="record the current findings in FILE and exit 0")
    check.add_argument("--show-suppressed", action="store_true",
                       help="also list the findings that inline directives suppressed, with their reasons")
    check.add_argument("--statistics", action="store_true", help="print counts per rule instead of the findings")

    init = sub.add_parser("init", help="write a commented starting configuration (.healthlint.yaml)")
    init.add_argument("folder", nargs="?", default=".", metavar="FOLDER")
    init.add_argument("--force", action="store_true", help="overwrite an existing .healthlint.yaml")

    claims = sub.add_parser("claims", help="work with the claims database")
    csub = claims.add_subparsers(dest="claims_command", metavar="ACTION")
    validate = csub.add_parser("validate", help="check claims files (default: the built-in database)")
    validate.add_argument("paths", nargs="*", metavar="PATH")
    validate.add_argument("--no-examples", action="store_true", help="check the schema only, not the examples")
    listing = csub.add_parser("list", help="list the rules")
    listing.add_argument("--format", choices=("text", "json"), default="text")
    listing.add_argument("--claims", action="append", default=[], metavar="PATH")
    stale = csub.add_parser("stale", help="list claims past their review date")
    stale.add_argument("--today", metavar="YYYY-MM-DD", help="the date to compare with (default: today)")
    stale.add_argument("--claims", action="append", default=[], metavar="PATH")

    evaluate = sub.add_parser("eval", help="precision and recall on a labelled evaluation set")
    evaluate.add_argument("folder", nargs="?", default="bench/eval", metavar="FOLDER",
                          help="folder of evaluation YAML files (default: bench/eval)")
    evaluate.add_argument("--verbose", "-v", action="store_true", help="list false alarms and misses")
    evaluate.add_argument("--claims", action="append", default=[], metavar="PATH")

    explain = sub.add_parser("explain", help="show one rule in full")
    explain.add_argument("rule", metavar="CODE|ID")
    explain.add_argument("--claims", action="append", default=[], metavar="PATH")
    return parser


def run_check(args: argparse.Namespace) -> int:
    from .check import run

    return run(args)


def run_init(args: argparse.Namespace) -> int:
    from .config import STARTER, YAML_NAMES

    folder = Path(args.folder)
    if not folder.is_dir():
        raise UsageError(f"{args.folder}: no such folder")
    target = folder / YAML_NAMES[0]
    if target.exists() and not args.force:
        raise UsageError(f"{target}: already exists (use --force to overwrite)")
    try:
        target.write_text(STARTER, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{target}: cannot write: {exc.strerror or exc}") from None
    print(f"wrote {target}")
    return ExitCode.CLEAN


def run_validate(args: argparse.Namespace) -> int:
    from . import claims
    from .examples import check_examples

    problems: list[str] = []
    rules = []
    try:
        files = claims.claim_files(args.paths or None)
    except ClaimsError as exc:
        problems.extend(exc.problems)
        files = []
    for f in files:
        rules.extend(claims.load_file(f, problems))
    claims.check_unique(rules, problems)
    if not args.no_examples:
        problems.extend(str(failure) for failure in check_examples(rules))
    for problem in problems:
        print(problem)
    sys.stdout.flush()
    if problems:
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {len(files)} claims file(s).",
              file=sys.stderr)
        return ExitCode.ERROR
    print(f"{len(rules)} claims in {len(files)} file(s): all valid.")
    return ExitCode.CLEAN


def run_list(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from . import load_rules

    rules = sorted(load_rules(args.claims), key=lambda r: r.info.code)
    if args.format == "json":
        print(json.dumps([{"code": r.info.code, "id": r.info.id, "category": r.info.category.value,
                           "severity": r.info.severity.value, "kind": r.info.kind,
                           "statement": r.info.statement} for r in rules], indent=2, ensure_ascii=False))
        return ExitCode.CLEAN
    table = Table(title=f"healthlint rules ({len(rules)})", title_justify="left")
    for col in ("code", "id", "category", "severity", "kind", "statement"):
        table.add_column(col, overflow="fold")
    for r in rules:
        i = r.info
        # Text cells, never markup strings: a statement may quote "[/caption]" or other bracketed text.
        table.add_row(*(Text(cell) for cell in (i.code, i.id, i.category.value, i.severity.value, i.kind,
                                                i.statement)))
    Console(no_color=bool(os.environ.get("NO_COLOR")), soft_wrap=False).print(table)
    return ExitCode.CLEAN


def run_stale(args: argparse.Namespace) -> int:
    from . import load_rules

    try:
        today = _dt.date.fromisoformat(args.today) if args.today else _dt.date.today()
    except ValueError:
        raise UsageError(f"--today: not a date (YYYY-MM-DD): {args.today!r}") from None
    stale = [r for r in load_rules(args.claims) if r.info.review_by and r.info.review_by < today]
    for r in sorted(stale, key=lambda r: r.info.review_by):  # type: ignore[arg-type,return-value]
        print(f"{r.info.origin}: {r.info.code} {r.info.id}: review was due {r.info.review_by} "
              f"(last reviewed {r.info.reviewed})")
    print(f"{len(stale)} claim(s) past their review date.", file=sys.stderr)
    return ExitCode.FINDINGS if stale else ExitCode.CLEAN


def run_explain(args: argparse.Namespace) -> int:
    from . import load_rules
    from .explain import render

    wanted = args.rule.strip()
    for rule in load_rules(args.claims):
        if wanted.upper() == rule.info.code or wanted == rule.info.id:
            sys.stdout.write(render(rule.info))
            return ExitCode.CLEAN
    raise UsageError(f"no rule with code or id {wanted!r} (see 'healthlint claims list')")


def run_eval(args: argparse.Namespace) -> int:
    from . import load_rules
    from .engine import Engine
    from .evaluate import evaluate, load_set, render

    entries = load_set(Path(args.folder))
    result = evaluate(entries, Engine(load_rules(args.claims)))
    sys.stdout.write(render(result, args.verbose))
    return ExitCode.CLEAN


def main(argv: Sequence[str] | None = None) -> int:
    parser = _build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            return int(run_check(args))
        if args.command == "claims":
            actions = {"validate": run_validate, "list": run_list, "stale": run_stale}
            if args.claims_command not in actions:
                print("healthlint: error: 'claims' needs an action: validate, list or stale", file=sys.stderr)
                return ExitCode.ERROR
            return int(actions[args.claims_command](args))
        if args.command == "init":
            return int(run_init(args))
        if args.command == "explain":
            return int(run_explain(args))
        if args.command == "eval":
            return int(run_eval(args))
        parser.print_help(sys.stderr)
        return ExitCode.ERROR
    except ClaimsError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print("healthlint: error: the claims database has problems (see above)", file=sys.stderr)
        return ExitCode.ERROR
    except HealthlintError as exc:
        print(f"healthlint: error: {exc}", file=sys.stderr)
        return ExitCode.ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return ExitCode.CLEAN
    except Exception as exc:  # a bug in healthlint: one clear line, never a traceback (HEALTHLINT_DEBUG shows it)
        if os.environ.get("HEALTHLINT_DEBUG"):
            raise
        print(f"healthlint: internal error: {type(exc).__name__}: {exc} (set HEALTHLINT_DEBUG=1 for details; "
              "please report it)", file=sys.stderr)
        return ExitCode.INTERNAL
