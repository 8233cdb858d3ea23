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
from .finding import Severity
from .result import ExitCode, FileError, RunResult

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
    check.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of standard output")
    check.add_argument("--select", action="append", metavar="CODES",
                       help="only these rules: codes, code prefixes, ids or categories, comma-separated")
    check.add_argument("--ignore", action="append", metavar="CODES", help="skip these rules (same forms as --select)")
    check.add_argument("--min-severity", choices=("error", "warning", "info"), default="info",
                       help="report only findings at or above this severity (default: info)")
    check.add_argument("--fail-on", choices=FAIL_ON_CHOICES, default="warning",
                       help="exit 1 when a finding is at or above this severity (default: warning)")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    check.add_argument("--no-color", action="store_true", help="never colour the output (NO_COLOR is honoured too)")
    check.add_argument("--include", action="append", default=[], metavar="GLOB",
                       help="only lint files in folders that match GLOB (default: by extension)")
    check.add_argument("--exclude", action="append", default=[], metavar="GLOB", help="skip paths that match GLOB")
    check.add_argument("--stdin-format", choices=("markdown", "text", "html"), default="markdown",
                       help="format of standard input (default: markdown)")
    check.add_argument("--claims", action="append", default=[], metavar="PATH",
                       help="an extra claims file or folder, validated like the built-in database")

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


def _want_color(args: argparse.Namespace) -> bool:
    if getattr(args, "no_color", False) or os.environ.get("NO_COLOR") or getattr(args, "output", None):
        return False
    return sys.stdout.isatty()


def _write(text: str, output: str | None) -> None:
    if output:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"{output}: cannot write report: {exc.strerror or exc}") from None
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def run_check(args: argparse.Namespace) -> int:
    from . import discover, load_rules, runner
    from .document import Format
    from .engine import Engine
    from .report import OutputFormat
    from .selection import Selection, split_list

    rules = load_rules(args.claims)
    selection = Selection(split_list(args.select), split_list(args.ignore), Severity(args.min_severity))
    selection.validate(rules)
    active = selection.rules(rules)
    engine = Engine(active)
    result = RunResult(rules={rule.info.code: rule.info for rule in active})
    sources, missing = runner.split_items(
        discover.expand(args.paths or ["."], args.include, args.exclude, Format(args.stdin_format)))
    result.errors.extend(FileError(m.path, m.message, m.line) for m in missing)
    stdin_bytes = sys.stdin.buffer.read() if any(s.path is None for s in sources) else None
    for outcome in runner.lint_sources(engine, sources, stdin_bytes):
        if outcome.error is not None:
            result.errors.append(FileError(outcome.error.path, outcome.error.message, outcome.error.line))
            continue
        result.errors.extend(FileError(outcome.display, message) for message in outcome.rule_errors)
        result.findings.extend(f for f in outcome.findings if selection.keep(f))
        result.sources[outcome.display] = outcome.text or ""
        result.files += 1
    reporter = OutputFormat(args.format).reporter(color=_want_color(args))
    _write(reporter.render(result), args.output)
    if result.errors and args.format != "text":
        for error in result.errors:
            print(f"healthlint: {error}", file=sys.stderr)
    fail_on = None if args.fail_on == "never" else Severity(args.fail_on)
    return result.exit_code(fail_on, args.exit_zero)


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
        table.add_row(i.code, i.id, i.category.value, i.severity.value, i.kind, i.statement)
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


def entry() -> None:
    """Console-script entry point."""
    sys.exit(main())
