"""``healthlint check``: settings (flags over configuration) → lint → fixes → baseline → reports → exit code."""
from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

from . import config as configuration
from .errors import UsageError
from .finding import Finding, Severity
from .result import ExitCode, FileError, RunResult

FEW_FILES = 5  # a progress bar appears above this many files


@dataclass(frozen=True)
class Settings:
    """One run's effective settings, after command-line flags have overridden the configuration."""

    config: configuration.Config
    select: tuple[str, ...]
    ignore: tuple[str, ...]
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    claims: tuple[str, ...]
    fail_on: str
    min_severity: Severity


def settings(args: argparse.Namespace) -> Settings:
    from .selection import split_list

    cfg = configuration.resolve(args.config, args.paths or ["."], args.isolated)
    select = split_list(args.select) if args.select else (cfg.select or ())
    extend = (*cfg.extend_select, *split_list(args.extend_select))
    if extend:
        # extend-select adds to the selection; with no explicit select, everything stays selected.
        select = (*select, *extend) if select else ()
    ignore = split_list(args.ignore) if args.ignore else cfg.ignore
    exclude = tuple(args.exclude)
    include = tuple(args.include)
    claims = (*(str(p) for p in cfg.claims), *args.claims)
    return Settings(cfg, tuple(select), tuple(ignore), include, exclude, claims,
                    args.fail_on or cfg.fail_on or "warning", Severity(args.min_severity or cfg.min_severity or "info"))


def _policy(s: Settings, rules, active, selection):
    from . import suppress
    from .runner import Policy
    from .selection import Selection, _matches

    known: dict[str, str] = {}
    for rule in rules:
        known[rule.info.code] = rule.info.code
        known[rule.info.id] = rule.info.code
    for info in suppress.LINTER_RULES:
        known[info.code] = info.code
        known[info.id] = info.code
    infos = {r.info.code: r.info for r in rules}
    infos.update({i.code: i for i in suppress.LINTER_RULES})
    linter = frozenset(i.code for i in suppress.LINTER_RULES
                       if selection.is_enabled(SimpleNamespace(info=i)))
    cfg = s.config

    def ignored_for(path: str):
        selectors = cfg.ignored_codes(path)
        if not selectors:
            return None
        cache: dict[str, bool] = {}

        def ignored(f: Finding) -> bool:
            if f.code not in cache:
                info = infos.get(f.code)
                cache[f.code] = info is not None and any(_matches(sel, SimpleNamespace(info=info)) for sel in selectors)
            return cache[f.code]
        return ignored

    for pattern, selectors in cfg.per_file_ignores:
        Selection(ignore=selectors).validate([*rules, *(SimpleNamespace(info=i) for i in suppress.LINTER_RULES)])
    for code in cfg.severity:
        if code not in infos and code not in known:
            raise UsageError(f"{cfg.path}: 'severity' names unknown rule {code!r}")
    severity = {known.get(code, code): level for code, level in cfg.severity.items()}
    return Policy(known=known, active=frozenset(r.info.code for r in active), linter_enabled=linter,
                  ignored_for=ignored_for if cfg.per_file_ignores else None, severity=severity,
                  require_reason=cfg.require_suppression_reason)


def _configured_rules(rules: list, cfg: configuration.Config) -> list:
    """Give configurable families their settings (the readability threshold)."""
    if cfg.readability_grade == configuration.DEFAULT_READABILITY_GRADE:
        return rules
    try:
        from .rules.readability import ReadabilityRule
    except ImportError:  # pragma: no cover - the family ships with the package
        return rules
    return [ReadabilityRule(max_grade=cfg.readability_grade) if isinstance(r, ReadabilityRule) else r for r in rules]


def _outputs(args: argparse.Namespace) -> tuple[str | None, list[tuple[str, str]]]:
    """(file for the --format report or None for stdout, [(format, file), ...] for extra reports)."""
    from .cli import FORMAT_CHOICES

    primary: str | None = None
    extra: list[tuple[str, str]] = []
    for value in args.output:
        fmt, sep, target = value.partition("=")
        if sep and fmt in FORMAT_CHOICES:
            if not target:
                raise UsageError(f"--output {value}: no file after '='")
            extra.append((fmt, target))
        elif primary is None:
            primary = value
        else:
            raise UsageError(f"--output {value}: the {args.format} report already goes to {primary} "
                             "(use FORMAT=FILE for more reports)")
    return primary, extra


def _want_color(args: argparse.Namespace, primary: str | None) -> bool:
    if args.no_color or os.environ.get("NO_COLOR") or primary:
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def _want_progress(args: argparse.Namespace, files: int, primary: str | None) -> bool:
    from .report import OutputFormat

    if args.no_progress or files <= FEW_FILES or os.environ.get("CI") or OutputFormat(args.format).machine:
        return False
    return sys.stderr.isatty()


def _write(text: str, output: str | None) -> None:
    if output:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"{output}: cannot write report: {exc.strerror or exc}") from None
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def _progress(outcomes, total: int):
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, transient=True, console=_stderr_console()) as progress:
        task = progress.add_task("check", total=total)
        for outcome in outcomes:
            progress.advance(task)
            yield outcome


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def resume_collection() -> None:
    """Turn the garbage collector back on if the console entry point turned it off for start-up. What start-up
    made is frozen first: it lives as long as the run, so collections never scan it again, and worker processes
    forked later do not copy its pages by touching them."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def run(args: argparse.Namespace) -> int:
    from . import discover, load_rules, runner
    from .document import Format

    # Only a run that uses them pays for importing the baseline and fix machinery.
    baseline = importlib.import_module(".baseline", __package__) if args.baseline or args.write_baseline else None
    fix = importlib.import_module(".fix", __package__) if args.fix or args.diff else None
    from .engine import Engine
    from .report import OutputFormat
    from .selection import Selection

    s = settings(args)
    primary, extra = _outputs(args)
    if args.unsafe_fixes and not (args.fix or args.diff):
        raise UsageError("--unsafe-fixes needs --fix or --diff")
    known_baseline = baseline.read(args.baseline) if args.baseline else None
    rules = _configured_rules(load_rules(list(s.claims)), s.config)
    selection = Selection(s.select, s.ignore, s.min_severity)
    from . import suppress

    selection.validate([*rules, *(SimpleNamespace(info=i) for i in suppress.LINTER_RULES)])
    active = selection.rules(rules)
    engine = Engine(active)
    resume_collection()
    policy = _policy(s, rules, active, selection)
    result = RunResult(rules={rule.info.code: rule.info for rule in active})
    result.rules.update({i.code: i for i in suppress.LINTER_RULES})
    sources, missing = runner.split_items(
        discover.expand(args.paths or ["."], s.include, s.exclude, Format(args.stdin_format),
                        rooted=discover.Rooted(s.config.root, s.config.include, s.config.exclude)))
    result.errors.extend(FileError(m.path, m.message, m.line) for m in missing)
    stdin_bytes = sys.stdin.buffer.read() if any(src.path is None for src in sources) else None
    outcomes = runner.lint_sources(engine, sources, stdin_bytes, policy)
    if _want_progress(args, len(sources), primary):
        outcomes = _progress(outcomes, len(sources))
    by_display = {src.display: src for src in sources}
    diffs: list[str] = []
    fixed_files = fixed_edits = 0
    for outcome in outcomes:
        if outcome.error is not None:
            result.errors.append(FileError(outcome.error.path, outcome.error.message, outcome.error.line))
            continue
        if args.fix or args.diff:
            source = by_display[outcome.display]
            edits = fix.usable(outcome.findings, args.unsafe_fixes)
            if edits and outcome.text is not None:
                changed = fix.apply(outcome.text, edits)
                if changed.applied and args.diff:
                    diffs.append(fix.unified_diff(outcome.display, outcome.text, changed.text))
                elif changed.applied and source.path is not None:
                    try:
                        fix.write_atomic(source.path, changed.text)
                    except OSError as exc:
                        result.errors.append(FileError(outcome.display, f"cannot write fixes: {exc.strerror or exc}"))
                    else:
                        fixed_files += 1
                        fixed_edits += len(changed.applied)
                        outcome = runner.lint_text_as(engine, changed.text, source, policy)  # what is left
        result.errors.extend(FileError(outcome.display, message) for message in outcome.rule_errors)
        result.findings.extend(f for f in outcome.findings if selection.keep(f))
        result.suppressed.extend(x for x in outcome.suppressed if selection.keep(x.finding))
        result.sources[outcome.display] = outcome.text or ""
        result.files += 1
    if args.diff:
        sys.stdout.write("".join(diffs))
        for error in result.errors:
            print(f"healthlint: {error}", file=sys.stderr)
        if result.errors:
            return ExitCode.ERROR
        return ExitCode.FINDINGS if diffs else ExitCode.CLEAN
    if args.fix:
        print(f"healthlint: fixed {fixed_edits} problem{'s' if fixed_edits != 1 else ''} in {fixed_files} "
              f"file{'s' if fixed_files != 1 else ''}.", file=sys.stderr)
    if args.write_baseline:
        count = baseline.write(args.write_baseline, result.findings, result.sources)
        for error in result.errors:
            print(f"healthlint: {error}", file=sys.stderr)
        print(f"healthlint: wrote {count} finding{'s' if count != 1 else ''} to {args.write_baseline}.",
              file=sys.stderr)
        return ExitCode.ERROR if result.errors else ExitCode.CLEAN
    if known_baseline is not None:
        before = len(result.findings)
        result.findings = baseline.new_findings(result.findings, result.sources, known_baseline)
        print(f"healthlint: {before - len(result.findings)} finding(s) already in the baseline {args.baseline}.",
              file=sys.stderr)
    fmt = OutputFormat(args.format)
    if args.statistics:
        from .report.statistics import render_statistics

        _write(render_statistics(result), primary)
    else:
        _write(fmt.reporter(color=_want_color(args, primary)).render(result), primary)
    for extra_format, target in extra:
        _write(OutputFormat(extra_format).reporter().render(result), target)
    if args.show_suppressed:  # on stdout unless a machine-readable report is there
        _print_suppressed(result, sys.stdout if fmt is OutputFormat.TEXT or primary else sys.stderr)
    if result.errors and (fmt is not OutputFormat.TEXT or args.statistics or primary):
        for error in result.errors:
            print(f"healthlint: {error}", file=sys.stderr)
    return result.exit_code(None if s.fail_on == "never" else Severity(s.fail_on), args.exit_zero)


def _print_suppressed(result: RunResult, stream) -> None:
    if not result.suppressed:
        print("No findings were suppressed.", file=stream)
        return
    print(f"Suppressed ({len(result.suppressed)}):", file=stream)
    for item in sorted(result.suppressed, key=lambda x: x.finding.sort_key):
        f = item.finding
        reason = item.reason or "no reason given"
        print(f"  {f.path}:{f.start.line}:{f.start.column}: {f.code} {f.message} "
              f"[suppressed by the directive on line {item.directive_line}: {reason}]", file=stream)
