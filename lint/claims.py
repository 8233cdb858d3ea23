"""Load and validate the claims database (YAML) into compiled rules; every problem carries ``file:line``."""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import regex

from .errors import ClaimsError
from .finding import CATEGORY_PREFIX, Applicability, Category, Reference, Severity
from .rules.base import CONTEXT_DEFAULT, CONTEXT_NONE, ContextPolicy, Examples, Origin, Rule, RuleInfo
from .rules.cooccur import CooccurRule
from .rules.pattern import compile_pattern
from .rules.phrase import PhraseRule
from .rules.substitution import SubstitutionRule

if TYPE_CHECKING:  # yaml and yamlnodes are imported when a claims file is read: a cached run reads none
    from . import yamlnodes

SCHEMA_VERSION = 1
VERDICTS = ("false", "misleading", "unsupported", "dangerous", "outdated", "unsourced", "overstated", "low-quality",
            "incomplete")
KINDS = ("phrase", "cooccur", "substitution")
MIN_FLAG_EXAMPLES = 3
MIN_ALLOW_EXAMPLES = 2

_FILE_KEYS = {"schema_version", "topic", "title", "claims", "disable"}
_CLAIM_REQUIRED = ("code", "id", "category", "severity", "statement", "verdict", "explanation", "correction",
                   "evidence", "match", "examples")
_CLAIM_KEYS = set(_CLAIM_REQUIRED) | {"message", "context", "fix"}
_EVIDENCE_KEYS = {"references", "reviewed", "review_by"}
_MATCH_KEYS = {"phrase": {"kind", "patterns", "unless"}, "cooccur": {"kind", "all", "unless"},
               "substitution": {"kind", "swap"}}
_CODE_RE = re.compile(r"^[A-Z]{3}[0-9]{3}$")
_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_CATEGORIES = {c.value: c for c in Category if c is not Category.LINTER}


def builtin_dir() -> Path:
    """The bundled database: inside the installed package, or beside the package in a checkout."""
    here = Path(__file__).resolve().parent
    inside = here / "claims"
    return inside if inside.is_dir() else here.parent / "claims"


def claim_files(paths: list[str | Path] | None = None) -> list[Path]:
    """YAML files named by ``paths`` (files or folders); the built-in database when none are given."""
    roots = [Path(p) for p in paths] if paths else [builtin_dir()]
    files: list[Path] = []
    for root in roots:
        if root.is_dir():
            files.extend(sorted(p for p in root.rglob("*.y*ml") if p.suffix in (".yaml", ".yml")))
        elif root.is_file():
            files.append(root)
        else:
            raise ClaimsError([f"{root}: no such claims file or folder"])
    return files


@dataclass
class _Ctx:
    """Collects problems for one file."""

    path: str
    problems: list[str]
    compile: bool = True

    def error(self, line: int, message: str) -> None:
        self.problems.append(f"{self.path}:{line}: {message}")


def _text(ctx: _Ctx, claim: yamlnodes.LineDict, key: str, where: str) -> str:
    value = claim.get(key)
    if not isinstance(value, str) or not value.strip():
        ctx.error(claim.line_of(key), f"{where}: '{key}' must be a non-empty string")
        return ""
    return " ".join(value.split())


def _compile_list(ctx: _Ctx, value, line: int, where: str, key: str) -> list[str]:
    """The pattern strings of a field; each is compiled now when ``ctx.compile`` (validation), else on first use."""
    from . import yamlnodes

    if isinstance(value, str):
        value = yamlnodes.LineList([value])
        value.line, value.item_lines = line, [line]
    if not isinstance(value, list) or not value:
        ctx.error(line, f"{where}: '{key}' must be a pattern or a non-empty list of patterns")
        return []
    out = []
    for i, p in enumerate(value):
        pline = value.line_of(i) if isinstance(value, yamlnodes.LineList) else line
        if not isinstance(p, str) or not p:
            ctx.error(pline, f"{where}: '{key}' item {i + 1} must be a non-empty string")
            continue
        if ctx.compile:
            try:
                compile_pattern(p)
            except regex.error as exc:
                ctx.error(pline, f"{where}: pattern {p!r} does not compile: {exc}")
                continue
        out.append(p)
    return out


def _references(ctx: _Ctx, evidence, line: int, where: str) -> tuple[Reference, ...]:
    from . import yamlnodes

    refs = evidence.get("references") if isinstance(evidence, dict) else None
    if not isinstance(refs, list) or not refs:
        ctx.error(line, f"{where}: at least one reference is required under 'evidence.references'")
        return ()
    out = []
    for i, ref in enumerate(refs):
        rline = refs.line_of(i) if isinstance(refs, yamlnodes.LineList) else line
        if not isinstance(ref, dict):
            ctx.error(rline, f"{where}: reference {i + 1} must be a mapping with 'title' and 'url'")
            continue
        extra = set(ref) - {"title", "url"}
        if extra:
            ctx.error(rline, f"{where}: unknown field(s) in reference: {', '.join(sorted(map(str, extra)))}")
        title, url = ref.get("title"), ref.get("url")
        if not isinstance(title, str) or not title.strip():
            ctx.error(rline, f"{where}: reference {i + 1} needs a 'title'")
            continue
        if not isinstance(url, str) or not re.match(r"^https://[^\s/]+\.[^\s/]+(?:/\S*)?$", url):
            ctx.error(ref.line_of("url") if isinstance(ref, yamlnodes.LineDict) else rline,
                      f"{where}: reference {i + 1} needs an https URL (got {url!r})")
            continue
        out.append(Reference(" ".join(title.split()), url))
    return tuple(out)


def _date(ctx: _Ctx, evidence, key: str, line: int, where: str) -> _dt.date | None:
    value = evidence.get(key) if isinstance(evidence, dict) else None
    if value is None:
        ctx.error(line, f"{where}: 'evidence.{key}' is required (YYYY-MM-DD)")
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    ctx.error(evidence.line_of(key), f"{where}: 'evidence.{key}' must be a date YYYY-MM-DD (got {value!r})")
    return None


def _context(ctx: _Ctx, claim, where: str) -> ContextPolicy:
    value = claim.get("context", "default")
    if value in ("default", None):
        return CONTEXT_DEFAULT
    if value == "none":
        return CONTEXT_NONE
    if isinstance(value, dict):
        extra = set(value) - {"negation", "debunk", "quote"}
        if extra or not all(isinstance(v, bool) for v in value.values()):
            ctx.error(claim.line_of("context"),
                      f"{where}: 'context' takes negation, debunk and quote as true/false")
            return CONTEXT_DEFAULT
        return ContextPolicy(**value)
    ctx.error(claim.line_of("context"), f"{where}: 'context' must be default, none or a mapping")
    return CONTEXT_DEFAULT


def _examples(ctx: _Ctx, claim, where: str) -> Examples:
    from . import yamlnodes

    ex = claim.get("examples")
    line = claim.line_of("examples")
    if not isinstance(ex, dict):
        ctx.error(line, f"{where}: 'examples' must be a mapping with 'flag' and 'allow'")
        return Examples((), ())
    extra = set(ex) - {"flag", "allow"}
    if extra:
        ctx.error(line, f"{where}: unknown field(s) in examples: {', '.join(sorted(map(str, extra)))}")
    out = {}
    for key, minimum in (("flag", MIN_FLAG_EXAMPLES), ("allow", MIN_ALLOW_EXAMPLES)):
        items = ex.get(key)
        if not isinstance(items, list) or len(items) < minimum or not all(isinstance(s, str) and s.strip() for s in items):
            ctx.error(ex.line_of(key) if key in ex else line,
                      f"{where}: 'examples.{key}' needs at least {minimum} non-empty sentences")
            items = [s for s in items or [] if isinstance(s, str)] if isinstance(items, list) else []
        out[key] = tuple(items)
        lines = items.item_lines if isinstance(items, yamlnodes.LineList) else []
        out[key + "_lines"] = tuple(lines) if len(lines) == len(items) else tuple(line for _ in items)
    return Examples(out["flag"], out["allow"], out["flag_lines"], out["allow_lines"])


def _build_rule(ctx: _Ctx, claim: yamlnodes.LineDict) -> Rule | None:
    code = claim.get("code")
    where = f"claim {code}" if isinstance(code, str) else "claim"
    before = len(ctx.problems)
    for key in claim:
        if key not in _CLAIM_KEYS:
            ctx.error(claim.line_of(key), f"{where}: unknown field '{key}'")
    for key in _CLAIM_REQUIRED:
        if key not in claim:
            ctx.error(claim.line, f"{where}: missing required field '{key}'")
    if not isinstance(code, str) or not _CODE_RE.match(code):
        ctx.error(claim.line_of("code"), f"{where}: 'code' must be three capital letters and three digits")
    rule_id = claim.get("id")
    if not isinstance(rule_id, str) or not _ID_RE.match(rule_id):
        ctx.error(claim.line_of("id"), f"{where}: 'id' must be kebab-case (got {rule_id!r})")
    category = _CATEGORIES.get(claim.get("category"))  # type: ignore[arg-type]
    if category is None:
        ctx.error(claim.line_of("category"),
                  f"{where}: 'category' must be one of {', '.join(_CATEGORIES)} (got {claim.get('category')!r})")
    elif isinstance(code, str) and not code.startswith(CATEGORY_PREFIX[category]):
        ctx.error(claim.line_of("code"),
                  f"{where}: code prefix must be {CATEGORY_PREFIX[category]} for category {category.value}")
    try:
        severity = Severity(claim.get("severity"))
    except ValueError:
        severity = Severity.WARNING
        ctx.error(claim.line_of("severity"), f"{where}: 'severity' must be error, warning or info")
    verdict = claim.get("verdict")
    if isinstance(verdict, bool):  # YAML reads a bare `false` as a boolean
        verdict = str(verdict).lower()
    if verdict not in VERDICTS:
        ctx.error(claim.line_of("verdict"), f"{where}: 'verdict' must be one of {', '.join(VERDICTS)}")
    statement = _text(ctx, claim, "statement", where)
    explanation = _text(ctx, claim, "explanation", where)
    correction = _text(ctx, claim, "correction", where)
    message = claim.get("message")
    if message is not None and (not isinstance(message, str) or not message.strip()):
        ctx.error(claim.line_of("message"), f"{where}: 'message' must be a non-empty string")
        message = None
    evidence = claim.get("evidence")
    eline = claim.line_of("evidence")
    if evidence is not None and not isinstance(evidence, dict):
        ctx.error(eline, f"{where}: 'evidence' must be a mapping")
        evidence = {}
    evidence = evidence or {}
    for key in evidence:
        if key not in _EVIDENCE_KEYS:
            ctx.error(evidence.line_of(key), f"{where}: unknown field 'evidence.{key}'")
    references = _references(ctx, evidence, eline, where)
    reviewed = _date(ctx, evidence, "reviewed", eline, where)
    review_by = _date(ctx, evidence, "review_by", eline, where)
    if reviewed and review_by and review_by < reviewed:
        ctx.error(evidence.line_of("review_by"), f"{where}: 'evidence.review_by' is before 'evidence.reviewed'")
    context = _context(ctx, claim, where)
    examples = _examples(ctx, claim, where)

    match = claim.get("match")
    mline = claim.line_of("match")
    kind = match.get("kind") if isinstance(match, dict) else None
    if kind not in KINDS:
        ctx.error(mline, f"{where}: 'match.kind' must be one of {', '.join(KINDS)}")
        return None
    for key in match:
        if key not in _MATCH_KEYS[kind]:
            ctx.error(match.line_of(key), f"{where}: unknown field 'match.{key}' for kind {kind}")

    fix = claim.get("fix")
    replacement: str | None = None
    applicability: Applicability | None = None
    if fix is not None:
        if not isinstance(fix, dict) or set(fix) - {"replacement", "applicability"}:
            ctx.error(claim.line_of("fix"), f"{where}: 'fix' takes 'replacement' and 'applicability'")
        else:
            try:
                applicability = Applicability(fix.get("applicability", "unsafe"))
            except ValueError:
                ctx.error(fix.line_of("applicability"), f"{where}: 'fix.applicability' must be safe or unsafe")
            replacement = fix.get("replacement")
            if kind != "substitution" and not isinstance(replacement, str):
                ctx.error(fix.line_of("replacement"), f"{where}: 'fix.replacement' must be a string")
            if applicability is Applicability.SAFE and kind != "substitution":
                ctx.error(fix.line_of("applicability"),
                          f"{where}: only substitution (spelling) fixes may be safe; medical rewrites are unsafe")

    patterns: list[str] = []
    rule: Rule | None = None
    info_kwargs = dict(
        code=code if isinstance(code, str) else "",
        id=rule_id if isinstance(rule_id, str) else "",
        category=category or Category.UNSUPPORTED,
        severity=severity,
        statement=statement,
        verdict=verdict if isinstance(verdict, str) else "",
        message=" ".join((message or "").split()) or f"Dubious claim ({verdict}): {statement}",
        explanation=explanation,
        correction=correction,
        references=references,
        examples=examples,
        origin=Origin(ctx.path, claim.line),
        kind=kind,
        reviewed=reviewed,
        review_by=review_by,
        context=context,
        fix_applicability=applicability,
    )
    if kind == "phrase":
        patterns = _compile_list(ctx, match.get("patterns"), match.line_of("patterns"), where, "match.patterns")
        unless = _compile_list(ctx, match["unless"], match.line_of("unless"), where, "match.unless") if match.get("unless") else []
        info = RuleInfo(**info_kwargs, patterns=tuple(patterns))
        rule = PhraseRule(info, patterns, unless, replacement if fix else None)
    elif kind == "cooccur":
        groups_value = match.get("all")
        groups: list[list[str]] = []
        if not isinstance(groups_value, list) or len(groups_value) < 2:
            ctx.error(match.line_of("all"), f"{where}: 'match.all' needs at least two term groups")
        else:
            for gi, group in enumerate(groups_value):
                groups.append(_compile_list(ctx, group, groups_value.line_of(gi), where, f"match.all[{gi + 1}]"))
        unless = _compile_list(ctx, match["unless"], match.line_of("unless"), where, "match.unless") if match.get("unless") else []
        info = RuleInfo(**info_kwargs, patterns=tuple(p for g in groups for p in g))
        rule = CooccurRule(info, groups, unless)
    else:
        swap = match.get("swap")
        if not isinstance(swap, dict) or not swap or not all(
                isinstance(k, str) and isinstance(v, str) and k.strip() and v.strip() for k, v in swap.items()):
            ctx.error(match.line_of("swap"), f"{where}: 'match.swap' must map misspellings to correct spellings")
            return None
        for wrong, right in swap.items():
            if wrong.lower() == right.lower():
                ctx.error(match.line_of("swap"), f"{where}: swap {wrong!r} maps to itself")
        if applicability is None:
            info_kwargs["fix_applicability"] = Applicability.SAFE
        info = RuleInfo(**info_kwargs, patterns=tuple(swap))
        rule = SubstitutionRule(info, swap)
    return rule if len(ctx.problems) == before else None


def load_file(path: Path, problems: list[str], display: str | None = None, compile_now: bool = True) -> list[Rule]:
    """Rules from one claims file; problems are appended (the file's valid rules are still returned).

    ``compile_now=False`` defers compiling patterns to their first use; the built-in database is loaded this way
    by ``check`` (its patterns are compiled by ``claims validate`` and the test suite), extra packs never are.
    """
    import yaml

    from . import yamlnodes

    ctx = _Ctx(display or str(path), problems, compile_now)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        ctx.error(1, f"cannot read claims file: {exc}")
        return []
    try:
        data = yamlnodes.load(text)
    except yamlnodes.DuplicateKeyError as exc:
        ctx.error(exc.line, f"duplicate key {exc.key!r}")
        return []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        context_mark = getattr(exc, "context_mark", None)
        if context_mark is not None and context_mark.line + 1 != line:
            problem += f" ({getattr(exc, 'context', None) or 'context'} at line {context_mark.line + 1})"
        ctx.error(line, f"YAML does not parse: {problem}")
        return []
    if not isinstance(data, dict):
        ctx.error(1, "a claims file must be a mapping with schema_version, topic, title and claims")
        return []
    for key in data:
        if key not in _FILE_KEYS:
            ctx.error(data.line_of(key), f"unknown top-level field '{key}'")
    if data.get("schema_version") != SCHEMA_VERSION:
        ctx.error(data.line_of("schema_version"), f"'schema_version' must be {SCHEMA_VERSION}")
    for key in ("topic", "title"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            ctx.error(data.line_of(key), f"'{key}' must be a non-empty string")
    disable = data.get("disable", [])
    if not isinstance(disable, list) or not all(isinstance(d, str) and d.strip() for d in disable):
        ctx.error(data.line_of("disable"), "'disable' must be a list of rule codes or ids")
    claims = data.get("claims")
    if not isinstance(claims, list):
        ctx.error(data.line_of("claims"), "'claims' must be a list of claims")
        return []
    rules = []
    for i, claim in enumerate(claims):
        if not isinstance(claim, yamlnodes.LineDict):
            ctx.error(claims.line_of(i), f"claim {i + 1} must be a mapping")
            continue
        rule = _build_rule(ctx, claim)
        if rule is not None:
            rules.append(rule)
    return rules


def pack_disables(path: Path) -> list[tuple[str, int]]:
    """The built-in rules a claims pack switches off (``disable: [CODE or id, ...]``), with their lines.

    Only called on files that ``load_file`` validated, so errors here are impossible in practice.
    """
    import yaml

    from . import yamlnodes

    try:
        data = yamlnodes.load(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return []
    if not isinstance(data, dict) or not isinstance(data.get("disable"), list):
        return []
    line = data.line_of("disable")
    return [(str(name).strip(), line) for name in data["disable"]]


def check_unique(rules: list[Rule], problems: list[str]) -> None:
    """Codes and ids are unique across the database (the later definition is reported)."""
    codes: dict[str, Rule] = {}
    ids: dict[str, Rule] = {}
    for rule in rules:
        info = rule.info
        first = codes.setdefault(info.code, rule)
        if first is not rule:
            problems.append(f"{info.origin}: duplicate code {info.code} (first defined at {first.info.origin})")
        first = ids.setdefault(info.id, rule)
        if first is not rule:
            problems.append(f"{info.origin}: duplicate id {info.id} (first defined at {first.info.origin})")


def load(paths: list[str | Path] | None = None) -> list[Rule]:
    """Every claim rule in ``paths`` (default: the built-in database); raises ClaimsError listing all problems."""
    problems: list[str] = []
    rules: list[Rule] = []
    for f in claim_files(paths):
        rules.extend(load_file(f, problems))
    check_unique(rules, problems)
    if problems:
        raise ClaimsError(problems)
    return rules
