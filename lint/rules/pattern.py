"""Compile claim patterns with ``regex`` and derive relaxed RE2 copies for the prefilter.

A literal space in a pattern matches any whitespace run (masked markup becomes spaces). The relaxed copy
drops what RE2 lacks or treats as ASCII-only (word boundaries, lookarounds) and widens ``\\w``, ``\\d`` and ``\\s``
to Unicode, so it matches at least wherever the exact pattern does.
"""
from __future__ import annotations

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


def compile_pattern(pattern: str) -> regex.Pattern[str]:
    """Compile a claim pattern; raises regex.error on a bad pattern."""
    return regex.compile(expand_spaces(pattern), FLAGS)


# Supersets of the Unicode classes that stay small in RE2 (a full \pL table makes a Set slow to compile):
# every non-ASCII character counts as a possible letter, digit or space.
_NON_ASCII = r"\x{80}-\x{10FFFF}"
_WIDE_OUT = {"w": rf"[0-9A-Za-z_{_NON_ASCII}]", "W": r"[^0-9A-Za-z_]", "d": rf"[0-9{_NON_ASCII}]", "D": r"[^0-9]",
             "s": rf"[\t-\r {_NON_ASCII}]", "S": r"[^\t-\r ]"}
_WIDE_IN = {"w": rf"0-9A-Za-z_{_NON_ASCII}", "d": rf"0-9{_NON_ASCII}", "s": rf"\t-\r {_NON_ASCII}"}
_NARROW_IN = {"w": "0-9A-Za-z_", "d": "0-9", "s": r"\t-\r "}
_ANY_CHAR = r"[\x{0}-\x{10FFFF}]"


_QUANTIFIER = regex.compile(r"\{(\d*),?(\d*)\}")


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
    """A superset pattern RE2 can run, or None when the pattern needs features with no safe relaxation."""
    if "\\L<" in pattern or "(?P=" in pattern or "(?|" in pattern or "(?(" in pattern:
        return None
    out: list[str] = []
    i, n = 0, len(pattern)
    in_class = negated = False
    while i < n:
        ch = pattern[i]
        if ch == "\\" and i + 1 < n:
            nxt = pattern[i + 1]
            if nxt.isdigit() and nxt != "0" and not in_class:
                return None  # a back-reference
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
            i = _skip_group(pattern, i)
            # A quantifier on a removed lookaround would dangle.
            while i < n and pattern[i] in "?*+":
                i += 1
            continue
        if pattern.startswith("(?>", i):
            out.append("(?:")
            i += 3
            continue
        if ch == "{":
            q = _QUANTIFIER.match(pattern, i)
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
        out.append(ch)
        i += 1
    return "".join(out)

