"""Compile claim patterns with ``regex`` and derive relaxed RE2 copies for the prefilter.

A literal space in a pattern matches any whitespace run (masked markup becomes spaces). The relaxed copy
drops what RE2 lacks or treats as ASCII-only (word boundaries, lookarounds) and widens ``\\w``, ``\\d`` and ``\\s``
to Unicode, so it matches at least wherever the exact pattern does.
"""
from __future__ import annotations

import pickle
import re

import regex

FLAGS = regex.IGNORECASE | regex.MULTILINE | regex.V0


def expand_spaces(pattern: str) -> str:
    """Turn every literal space outside a character class into ``\\s+`` (runs of spaces count once)."""
    out: list[str] = []
    i, n = 0, len(pattern)
    in_class = False
    while i < n:
        ch = pattern[i]
        if ch == "\\" and i + 1 < n:
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
            out.append(ch)
        elif ch == "[":
            in_class = True
            out.append(ch)
            if i + 1 < n and pattern[i + 1] == "]":
                out.append("]")
                i += 1
        elif ch == " ":
            while i + 1 < n and pattern[i + 1] == " ":
                i += 1
            if i + 1 < n and pattern[i + 1] in "?*+":
                # ' ?' and ' *' mean optional whitespace, ' +' one or more: the quantifier applies to the run
                out.append(r"\s+" if pattern[i + 1] == "+" else r"\s*")
                i += 1
            else:
                out.append(r"\s+")
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def compile_pattern(pattern: str, blobs: dict[str, bytes] | None = None) -> regex.Pattern[str]:
    """Compile a claim pattern; raises regex.error on a bad pattern.

    ``blobs`` maps a pattern to its compiled form as pickled by ``regex`` (which pickles the compiled program,
    not the source): loading one costs a few microseconds of C where compiling costs about a millisecond of
    Python, so the per-user cache keeps them (see ``precompiled``).
    """
    if blobs:
        blob = blobs.get(pattern)
        if blob is not None:
            try:
                compiled = pickle.loads(blob)
            except Exception:  # a blob from another regex version: compile instead
                pass
            else:
                if isinstance(compiled, regex.Pattern):
                    return compiled
    return regex.compile(expand_spaces(pattern), FLAGS)


def precompiled(patterns, known: dict[str, bytes] | None = None) -> dict[str, bytes]:
    """The pickled compiled form of each pattern (reusing ``known`` ones); patterns that do not compile are left
    out (validation reports them)."""
    out: dict[str, bytes] = {}
    for pattern in patterns:
        if pattern in out:
            continue
        blob = known.get(pattern) if known else None
        if blob is None:
            try:
                blob = pickle.dumps(compile_pattern(pattern), protocol=pickle.HIGHEST_PROTOCOL)
            except (regex.error, pickle.PicklingError, TypeError, ValueError):
                continue
        out[pattern] = blob
    return out


# Supersets of the Unicode classes that stay small in RE2 (a full \pL table makes a Set slow to compile):
# every non-ASCII character counts as a possible letter, digit or space.
_NON_ASCII = r"\x{80}-\x{10FFFF}"
_WIDE_OUT = {"w": rf"[0-9A-Za-z_{_NON_ASCII}]", "W": r"[^0-9A-Za-z_]", "d": rf"[0-9{_NON_ASCII}]", "D": r"[^0-9]",
             "s": rf"[\t-\r {_NON_ASCII}]", "S": r"[^\t-\r ]"}
_WIDE_IN = {"w": rf"0-9A-Za-z_{_NON_ASCII}", "d": rf"0-9{_NON_ASCII}", "s": rf"\t-\r {_NON_ASCII}"}
_NARROW_IN = {"w": "0-9A-Za-z_", "d": "0-9", "s": r"\t-\r "}
_ANY_CHAR = r"[\x{0}-\x{10FFFF}]"


_CAPTURING = re.compile(r"(?<!\\)\((?!\?)|(?<!\\)\(\?P?<(?![=!])")  # roughly: "(" or "(?<name>"
_QUANTIFIER = re.compile(r"\{(\d*),?(\d*)\}")
_FUZZY = re.compile(r"\{[\s\d<=+,-]*[eisd][\s\deisd<=+,-]*\}")


def _skip_group(pattern: str, i: int) -> int:
    """Index just past the group that opens at ``pattern[i] == '('``."""
    depth, n, in_class = 0, len(pattern), False
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return n


def relax_for_re2(pattern: str) -> str | None:
    """A superset pattern RE2 can run, or None when the pattern needs features with no safe relaxation.

    A back-reference (``\\1``) becomes a copy of its group's relaxed text: "(\\w+) and \\1" relaxes to
    "(\\w+) and (?:\\w+)", which matches wherever the exact pattern does and keeps the group's literals."""
    if "\\L<" in pattern or "(?P=" in pattern or "(?|" in pattern or "(?(" in pattern or "\\g<" in pattern:
        return None
    out: list[str] = []
    i, n = 0, len(pattern)
    in_class = negated = False
    open_groups: list[tuple[int | None, int]] = []  # (capture number or None, index in ``out`` of its "(")
    captured: dict[int, str] = {}  # capture number -> its relaxed text, once the group is closed
    captures = 0
    while i < n:
        ch = pattern[i]
        if ch == "\\" and i + 1 < n:
            nxt = pattern[i + 1]
            if nxt.isdigit() and nxt != "0" and not in_class:
                j = i + 2 if not (i + 2 < n and pattern[i + 2].isdigit() and int(pattern[i + 1:i + 3]) in captured) \
                    else i + 3
                number = int(pattern[i + 1:j])
                if number not in captured:
                    return None  # a reference to a group not closed yet (or an octal escape)
                out.append("(?:" + captured[number] + ")")
                i = j
                continue
            if not in_class and nxt in "bB":
                i += 2
                continue
            if in_class and nxt in _WIDE_IN:
                # In a negated class the member must shrink (ASCII only) for the class to grow.
                out.append(_NARROW_IN[nxt] if negated else _WIDE_IN[nxt])
            elif not in_class and nxt in _WIDE_OUT:
                out.append(_WIDE_OUT[nxt])
            elif nxt in "AZz" and not in_class:
                pass  # anchors only narrow a match
            elif nxt in "pP":
                # a Unicode property: widen to "any character" (outside a class) or drop the class member
                end = pattern.find("}", i) + 1 if pattern.startswith("{", i + 2) else i + 3
                if in_class:
                    out.append(r"\x{0}" if negated else _NON_ASCII + "A-Za-z0-9")  # [^\x{0}]: all but NUL
                else:
                    out.append(_ANY_CHAR)
                i = end
                continue
            else:
                out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
            out.append(ch)
            i += 1
            continue
        if ch == "[":
            in_class = True
            negated = pattern.startswith("[^", i)
            out.append(ch)
            if pattern.startswith("[^]", i) or pattern.startswith("[]", i):
                j = i + (3 if pattern[i + 1] == "^" else 2)
                out.append(pattern[i + 1:j])
                i = j
            else:
                i += 1
            continue
        if pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), i):
            end = _skip_group(pattern, i)
            # Groups captured inside a removed lookaround still take their numbers (and cannot be copied).
            captures += len(_CAPTURING.findall(pattern, i + 3, end))
            i = end
            # A quantifier on a removed lookaround would dangle.
            while i < n and pattern[i] in "?*+":
                i += 1
            continue
        if pattern.startswith("(?>", i):
            open_groups.append((None, len(out)))
            out.append("(?:")
            i += 3
            continue
        if ch == "{":
            q = _QUANTIFIER.match(pattern, i)
            if q is None and _FUZZY.match(pattern, i):
                return None  # a fuzzy-match constraint ({e<=1}): RE2 would read it as literal text
            if q:
                # Counted repetition blows up RE2's program size; the unbounded form is a superset.
                out.append("*" if q.group(1) in ("", "0") else "+")
                i = q.end()
                if i < n and pattern[i] in "?+":
                    i += 1  # lazy/possessive marker: irrelevant for a yes/no prefilter
                continue
        if ch in "*+?}" and i + 1 < n and pattern[i + 1] == "+":
            out.append(ch)
            i += 2  # possessive quantifier → greedy
            continue
        if ch == "(":
            capturing = not pattern.startswith("(?", i) or (
                pattern.startswith(("(?P<", "(?<"), i) and not pattern.startswith(("(?<=", "(?<!"), i))
            if capturing:
                captures += 1
            open_groups.append((captures if capturing else None, len(out)))
        elif ch == ")" and open_groups:
            number, start = open_groups.pop()
            if number is not None:
                body = "".join(out[start + 1:])
                if body.startswith(("?P<", "?<")):
                    body = body[body.index(">") + 1:]
                captured[number] = body
        out.append(ch)
        i += 1
    return "".join(out)



# ---------------------------------------------------------------------------------------------------------------
# Required literals: what every match of a relaxed (RE2-syntax) pattern must contain, as an AND/OR formula over
# literal strings ("atoms"), the way RE2's FilteredRE2 reduces a pattern. The prefilter writes each rule's formula
# back as a tiny literal-only pattern for a FilteredRE2, which is much cheaper to build than the full patterns.
#
# A formula is None (no requirement), an atom (a lower-case string), or ("and"|"or", (formula, ...)).

MIN_ATOM = 3  # shorter strings are no use as atoms (FilteredRE2 ignores them too)
_MAX_EXACT = 4  # the most exact strings a concatenation may stand for before it counts only as a formula
# Words so frequent in health prose that a formula satisfied by one of them alone selects almost nothing.
_COMMON = frozenset("""
    the and for are was were not but you your its it's his her our their they them then than that this these those
    there what when which who why how all any can may might must will would could should have has had does did
    done from into with without about after before over under more most less some such very also only just like
    one two each few many much other out off own same both being been get got make made take help use used day
    days night time people body health doctor doctors can't don't won't
    """.split())


_RARE = frozenset("%&<>|#@{}\\^~=*_/+$[]")  # characters seldom seen in prose: one of them is a usable atom


_COMMON_MARKS = frozenset("\u2019\u2018\u201c\u201d\u2013\u2014\u2026\u2022\u00b7")  # quotes, dashes, ellipsis


def _rare(s: str) -> bool:
    return bool(s) and all(c in _RARE or (not c.isascii() and not c.isalnum() and c not in _COMMON_MARKS) for c in s)


def _and(children) -> object:
    parts: list = []
    for c in children:
        if c is None:
            continue
        if isinstance(c, tuple) and c[0] == "and":
            parts.extend(c[1])
        elif c not in parts:
            parts.append(c)
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else ("and", tuple(parts))


def _or(children) -> object:
    parts: list = []
    for c in children:
        if c is None:
            return None  # one branch needs nothing: neither does the alternation
        if isinstance(c, tuple) and c[0] == "or":
            parts.extend(x for x in c[1] if x not in parts)
        elif c not in parts:
            parts.append(c)
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else ("or", tuple(parts))


def _exact_formula(exact: frozenset[str]) -> object:
    exact = frozenset(s.strip(" ") for s in exact)  # a space at an atom's edge adds little and costs matches
    if any(len(s) < MIN_ATOM and not _rare(s) for s in exact):
        return None
    # A string that contains another member adds nothing: finding the shorter one already satisfies the OR.
    kept: list[str] = []
    for s in sorted(exact, key=len):
        if not any(k in s for k in kept):
            kept.append(s)
    return _or(sorted(kept))


class _Lit:
    """What a regex node needs: ``exact`` (it matches exactly one of these strings) or ``match`` (a formula every
    match satisfies)."""

    __slots__ = ("exact", "match")

    def __init__(self, exact: frozenset[str] | None = None, match: object = None) -> None:
        self.exact, self.match = exact, match

    def formula(self) -> object:
        return self.match if self.exact is None else _exact_formula(self.exact)


_EMPTY = frozenset({""})
_SPACE = frozenset({" "})
_BLANKS = frozenset("\t\n\v\f\r ")


def _join(a: str, b: str) -> str:
    """Concatenate two exact strings; whitespace runs count as one space (the scanned text is normalised so)."""
    return a + b[1:] if a.endswith(" ") and b.startswith(" ") else a + b


def _concat(items: list[_Lit]) -> _Lit:
    exact: frozenset[str] | None = _EMPTY
    found: list = []
    flushed = False
    for item in items:
        if exact is not None and item.exact is not None and len(exact) * len(item.exact) <= _MAX_EXACT:
            exact = frozenset(_join(a, b) for a in exact for b in item.exact)
            continue
        flushed = True
        if exact is not None:
            found.append(_exact_formula(exact))
        if item.exact is None:
            found.append(item.match)
        exact = item.exact  # a fresh run of exact strings starts here (None when the item is not exact)
    if not flushed:
        return _Lit(exact)
    if exact is not None:
        found.append(_exact_formula(exact))
    return _Lit(match=_and(found))


def _alternate(branches: list[_Lit]) -> _Lit:
    if all(b.exact is not None for b in branches):
        union = frozenset().union(*(b.exact for b in branches))  # type: ignore[misc]
        if len(union) <= _MAX_EXACT * 8:
            return _Lit(union)
    return _Lit(match=_or([b.formula() for b in branches]))


_LITERAL_RUN = re.compile(r"[^\\\[\](){}|.^$*+?]+")


class _LiteralParser:
    """A small reader of the RE2 syntax that ``relax_for_re2`` produces (and that rule families may supply)."""

    def __init__(self, pattern: str) -> None:
        self.p, self.i, self.n = pattern, 0, len(pattern)

    def parse(self) -> _Lit:
        lit = self._alternation()
        if self.i != self.n:
            raise ValueError("unbalanced parenthesis")
        return lit

    def _alternation(self) -> _Lit:
        branches = [self._sequence()]
        while self.i < self.n and self.p[self.i] == "|":
            self.i += 1
            branches.append(self._sequence())
        return branches[0] if len(branches) == 1 else _alternate(branches)

    def _sequence(self) -> _Lit:
        items: list[_Lit] = []
        p, n = self.p, self.n
        while self.i < n and p[self.i] not in "|)":
            m = _LITERAL_RUN.match(p, self.i)
            if m is not None and m.end() - m.start() > 1:
                # A run of plain characters, less its last one (which a quantifier may follow): one node.
                run = m.group(0)[:-1]
                self.i = m.end() - 1
                low = run.lower()
                items.append(_Lit(frozenset({low})) if low.isascii() and low.isprintable()
                             else _concat([_char(c) for c in run]))
                continue
            atom = self._atom()
            items.append(self._quantified(atom))
        return _concat(items)

    def _quantified(self, atom: _Lit) -> _Lit:
        p = self.p
        while self.i < self.n:
            ch = p[self.i]
            if ch in "*+?":
                lo = 0 if ch in "*?" else 1
                hi = 1 if ch == "?" else None
                self.i += 1
            elif ch == "{":
                m = _QUANTIFIER.match(p, self.i)
                if m is None or (not m.group(1) and not m.group(2)):
                    return atom  # a literal "{" (RE2 reads it so): the next atom handles it
                lo = int(m.group(1) or 0)
                hi = lo if "," not in m.group(0) else (int(m.group(2)) if m.group(2) else None)
                self.i = m.end()
            else:
                return atom
            if self.i < self.n and p[self.i] in "?+":
                self.i += 1  # lazy or possessive: the same strings
            if atom.exact is not None and atom.exact <= _SPACE | _EMPTY:
                # Whitespace repeated is still one space in the normalised text.
                atom = _Lit(atom.exact | (_EMPTY if lo == 0 else frozenset()))
            elif hi == 1 and lo == 0:
                atom = _Lit(atom.exact | _EMPTY) if atom.exact is not None else _Lit()
            elif lo == 0:
                atom = _Lit()
            elif lo == 1 and hi == 1:
                pass
            else:
                atom = _Lit(match=atom.formula())
        return atom

    def _atom(self) -> _Lit:
        p, i = self.p, self.i
        ch = p[i]
        if ch == "(":
            return self._group()
        if ch == "[":
            return self._class()
        if ch == "\\":
            return self._escape()
        self.i += 1
        if ch in "^$":
            return _Lit(_EMPTY)
        if ch == ".":
            return _Lit()
        return _char(ch)

    def _group(self) -> _Lit:
        p = self.p
        self.i += 1
        if p.startswith("?", self.i):
            m = re.match(r"\?(?:P?<\w+>|[a-zA-Z-]*:|([a-zA-Z-]*)\))", p[self.i:])
            if m is None:
                raise ValueError("unsupported group")
            self.i += m.end()
            if m.group(0).endswith(")") and not m.group(0).endswith(">)"):
                return _Lit(_EMPTY)  # flags only, such as (?i): they change no literal we keep
        inner = self._alternation()
        if self.i >= self.n or p[self.i] != ")":
            raise ValueError("missing )")
        self.i += 1
        return inner

    def _escape(self) -> _Lit:
        p = self.p
        nxt = p[self.i + 1] if self.i + 1 < self.n else ""
        self.i += 2
        if nxt in ("p", "P"):
            if p.startswith("{", self.i):
                self.i = p.index("}", self.i) + 1
            else:
                self.i += 1
            return _Lit()
        if nxt in "dDwWsSC":
            return _Lit()
        if nxt in "bBAz":
            return _Lit(_EMPTY)
        if nxt == "x":
            if p.startswith("{", self.i):
                end = p.index("}", self.i)
                code = int(p[self.i + 1:end], 16)
                self.i = end + 1
            else:
                code = int(p[self.i:self.i + 2], 16)
                self.i += 2
            return _char(chr(code))
        if nxt == "Q":
            end = p.find("\\E", self.i)
            end = self.n if end < 0 else end
            text, self.i = p[self.i:end], min(self.n, end + 2)
            return _concat([_char(c) for c in text])
        if nxt.isdigit():
            if nxt == "0":
                return _Lit()
            raise ValueError("back-reference")
        if nxt in "ntrfva":
            return _char({"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}[nxt])
        if nxt.isalnum():
            raise ValueError(f"unknown escape \\{nxt}")
        return _char(nxt)

    def _class(self) -> _Lit:
        """A small class of ASCII characters becomes its members; anything wider counts as any character; the
        widened ``\\s`` of ``relax_for_re2`` is a space (see ``normalise_spaces``)."""
        p = self.p
        if p.startswith(_WIDE_OUT["s"], self.i):
            self.i += len(_WIDE_OUT["s"])
            return _Lit(_SPACE)
        i = self.i + 1
        negated = p.startswith("^", i)
        if negated:
            i += 1
        members: set[str] = set()
        wide = negated
        first = True
        while i < self.n and (p[i] != "]" or first):
            first = False
            if p.startswith("[:", i):
                end = p.index(":]", i) + 2
                wide, i = True, end
                continue
            if p[i] == "\\":
                nxt = p[i + 1]
                if nxt == "x":
                    if p.startswith("{", i + 2):
                        end = p.index("}", i + 2)
                        ch, i = chr(int(p[i + 3:end], 16)), end + 1
                    else:
                        ch, i = chr(int(p[i + 2:i + 4], 16)), i + 4
                elif nxt in "pP":
                    i = p.index("}", i) + 1 if p.startswith("{", i + 2) else i + 3
                    wide = True
                    continue
                elif nxt.isalnum() and nxt not in "ntrfva":
                    wide, i = True, i + 2
                    continue
                else:
                    ch = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}.get(nxt, nxt)
                    i += 2
            else:
                ch = p[i]
                i += 1
            if i + 1 < self.n and p[i] == "-" and p[i + 1] != "]":
                # a range: its end may itself be an escape
                j = i + 1
                if p[j] == "\\":
                    if p[j + 1] == "x":
                        if p.startswith("{", j + 2):
                            end = p.index("}", j + 2)
                            hi, i = chr(int(p[j + 3:end], 16)), end + 1
                        else:
                            hi, i = chr(int(p[j + 2:j + 4], 16)), j + 4
                    else:
                        hi, i = p[j + 1], j + 2
                else:
                    hi, i = p[j], j + 1
                if ord(hi) - ord(ch) > 8:
                    wide = True
                else:
                    members.update(chr(c) for c in range(ord(ch), ord(hi) + 1))
                continue
            members.add(ch)
        if i >= self.n:
            raise ValueError("missing ]")
        self.i = i + 1
        folded = {" " if c in _BLANKS else c.lower() for c in members}
        if wide or not folded or len(folded) > 8 or any(not _plain(c) for c in folded):
            return _Lit()
        return _Lit(frozenset(folded))


def _plain(ch: str) -> bool:
    """A character safe in a case-insensitive literal: ASCII (``regex`` (V0) and RE2 fold ASCII letters alike,
    except for the few non-ASCII letters ``normalise_spaces`` maps to ASCII first), or a character without case
    (a guillemet, a dash), which both engines match only as itself."""
    if ch.isascii():
        return ch.isprintable()
    return ch.isprintable() and not ch.isspace() and ch.lower() == ch == ch.upper()


# Characters ``regex`` matches case-insensitively with an ASCII letter where RE2 does not: the prefilter scans text
# and relaxed patterns with these replaced (one character for one, so offsets stay put).
RE2_FOLD = {0x130: "i"}
# Every non-ASCII character ``regex`` (V0, IGNORECASE) matches with an ASCII letter: "İ", the Kelvin sign, the long s.
ASCII_FOLD = {0x130: "i", 0x212A: "k", 0x17F: "s"}
_WHITESPACE_RUN = re.compile(r"[^\S ]\s*| \s+")  # a single space is already what it would become


def normalise_spaces(text: str) -> str:
    """The text that literal atoms are looked for in: every whitespace run (what ``\\s+`` can match) is one space,
    and the non-ASCII letters that fold to ASCII ones are replaced by them."""
    if not text.isascii():
        text = text.translate(ASCII_FOLD)
    return _WHITESPACE_RUN.sub(" ", text)


def _char(ch: str) -> _Lit:
    if ch in _BLANKS or ch.isspace():
        return _Lit(_SPACE)
    low = ch.lower()
    return _Lit(frozenset({low})) if _plain(low) else _Lit()


def required_literals(relaxed: str) -> object:
    """The formula every match of the RE2 pattern ``relaxed`` satisfies (matching atoms case-insensitively), or
    None when nothing is required. A superset guarantee only: more text may satisfy it than matches."""
    try:
        return _LiteralParser(relaxed).parse().formula()
    except (ValueError, IndexError):
        return None


def all_of(formulas) -> object:
    """The conjunction of formulas (each group of a rule must match)."""
    return _and(formulas)


def literal_score(formula: object) -> float:
    """How selective a formula is, roughly the length of the weakest way to satisfy it: an OR is as weak as its
    weakest branch, an AND as strong as its strongest part; common words count for little."""
    if formula is None:
        return 0.0
    if isinstance(formula, str):
        if _rare(formula):
            return 3.0
        return 0.5 + len(formula) / 100 if formula in _COMMON else float(len(formula.replace(" ", "")) + 1
                                                                             if " " in formula else len(formula))
    op, parts = formula  # type: ignore[misc]
    scores = [literal_score(p) for p in parts]
    return min(scores) if op == "or" else max(scores)


def trigger_atoms(formula: object) -> frozenset[str]:
    """Atoms one of which is present whenever ``formula`` holds, chosen to be rare: an AND contributes only its
    most selective part. An index from these atoms tells which formulas are worth evaluating."""
    if isinstance(formula, str):
        return frozenset({formula})
    op, parts = formula  # type: ignore[misc]
    if op == "or":
        return frozenset().union(*(trigger_atoms(p) for p in parts))
    return trigger_atoms(max(parts, key=literal_score))
