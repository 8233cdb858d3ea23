"""The annotated HTML report: one self-contained page an editor can read in a browser.

Each article is shown as a reader sees it (headings, paragraphs and list items from the parsed Document, markup
hidden), every flagged span is a ``<mark>`` in its severity's colour, and the note beside it gives the verdict,
the explanation, the correct fact and the references. A dashboard on top counts findings and filters them.

Safety: every piece of article or rule text goes through ``html.escape(..., quote=True)``; reference URLs become
links only when they start with ``https://`` or ``http://``; the page loads nothing (``default-src 'none'``) and
its Content-Security-Policy allows exactly the sha256 hashes of its own inline stylesheet and script.
"""
from __future__ import annotations

import base64
import hashlib
import html
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from .. import __version__
from ..document import Block, BlockKind, Document, Format
from ..finding import Category, Finding, Reference, Severity
from ..result import RunResult
from ..rules.base import RuleInfo
from .base import Reporter
from .html_assets import CSS, JS

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
SEVERITY_LABEL = {Severity.ERROR: "Error", Severity.WARNING: "Warning", Severity.INFO: "Info"}
SEVERITY_ICON = {Severity.ERROR: "\u2716", Severity.WARNING: "\u25b2", Severity.INFO: "i"}
# How much a finding weighs when ranking the worst articles.
SEVERITY_WEIGHT = {Severity.ERROR: 5, Severity.WARNING: 2, Severity.INFO: 1}
WORST_ARTICLES = 5
# Findings about the article as a whole (no author, no date...) are listed above the text, not highlighted.
ARTICLE_LEVEL = frozenset({Category.MISSING_ELEMENT})
_LINK_SCHEMES = ("https://", "http://")
_BLOCKISH_TAG = re.compile(r"<\s*/?\s*(?:br|p|div|li|ul|ol|tr|td|th|h[1-6]|section|article|blockquote|hr)\b", re.IGNORECASE)
_MD_CODE = re.compile(r"(`+)(.+?)\1", re.DOTALL)
_MD_LIST_MARKER = re.compile(r"^\s*(?:>\s*)*(\d{1,9}[.)]|[-*+\u2022])")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})")
_HTML_HEADING = re.compile(r"<h([1-6])\b", re.IGNORECASE)


def esc(value: object) -> str:
    """Escape text for an HTML text node or a double-quoted attribute."""
    return html.escape(str(value), quote=True)


def csp_hash(text: str) -> str:
    """The CSP source expression that allows an inline ``<style>`` or ``<script>`` whose content is ``text``."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def safe_url(url: str) -> str | None:
    """``url`` if it may be a link target (http or https only), else None."""
    url = url.strip()
    if url.lower().startswith(_LINK_SCHEMES) and not any(c in url for c in "\x00\r\n\t"):
        return url
    return None


def _width_classes() -> str:
    return "\n".join(f".w{p} {{ width: {p}%; }}" for p in range(101))


STYLE = CSS + _width_classes() + "\n"
SCRIPT = JS


def _label(category: str) -> str:
    return category.replace("-", " ").capitalize()


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


@dataclass
class _Mark:
    """One finding as placed in an article: its id, its clipped span, and how many parts it was split into."""

    fid: str
    finding: Finding
    start: int
    end: int
    parts: int = 0


@dataclass(frozen=True)
class _Unit:
    """A rendered piece of an article: one block (expanded to its whole lines) or raw source a finding covers."""

    start: int
    end: int
    block: Block | None


def _document(path: str, source: str) -> Document | None:
    from .. import markup

    if path == "<stdin>":
        fmt = Format.HTML if source.lstrip().startswith("<") else Format.MARKDOWN
    else:
        fmt = markup.format_for(path)
    try:
        return markup.parse(source, fmt, path)
    except Exception:  # noqa: BLE001 - a parser bug must not cost the reader the report: fall back to the raw text
        return None


def _line_start(text: str, i: int) -> int:
    return text.rfind("\n", 0, i) + 1


def _line_end(text: str, i: int) -> int:
    j = text.find("\n", i)
    return len(text) if j < 0 else j


def _units(source: str, blocks: Sequence[Block], marks: Sequence[_Mark]) -> list[_Unit]:
    """Blocks widened to their lines (so list markers and markup inside a highlight are kept), plus raw units
    for stretches outside every block that a finding covers."""
    blocks = sorted((b for b in blocks if b.span.end > b.span.start), key=lambda b: b.span.start)
    units: list[_Unit] = []
    prev_end = 0
    for k, b in enumerate(blocks):
        start = max(_line_start(source, b.span.start), prev_end, 0)
        end = _line_end(source, b.span.end - 1)
        if k + 1 < len(blocks):
            end = min(end, blocks[k + 1].span.start)
        end = max(end, b.span.end, start)
        if end > start:
            units.append(_Unit(start, end, b))
            prev_end = end
    # Gaps between units that a finding reaches into with more than whitespace become raw units.
    result: list[_Unit] = []
    cursor = 0
    for unit in units + [_Unit(len(source), len(source), None)]:
        gap_start, gap_end = cursor, unit.start
        if gap_end > gap_start:
            lo, hi = gap_end, gap_start
            for m in marks:
                a, b = max(m.start, gap_start), min(m.end, gap_end)
                if a < b and source[a:b].strip():
                    lo, hi = min(lo, a), max(hi, b)
            if lo < hi:
                lo = max(_line_start(source, lo), gap_start)
                hi = min(_line_end(source, hi - 1), gap_end)
                result.append(_Unit(lo, hi, None))
        if unit.end > unit.start:
            result.append(unit)
        cursor = max(cursor, unit.end)
    return result


class _ArticleRenderer:
    """Renders one article: its units, with findings as nested, never-crossing ``<mark>`` elements."""

    def __init__(self, path: str, source: str, art_id: str, marks: list[_Mark], rules: dict[str, RuleInfo],
                 doc: Document | None) -> None:
        self.path = path
        self.source = source
        self.art_id = art_id
        self.marks = marks
        self.rules = rules
        self.doc = doc
        self.prose = doc.prose if doc is not None else source
        self.fmt = doc.format if doc is not None else Format.TEXT

    # -- text ------------------------------------------------------------------------------------------------

    def _masked_bounds(self, start: int, end: int) -> list[int]:
        """Offsets in [start, end] where the text switches between prose and masked markup."""
        src, prose = self.source, self.prose
        bounds = []
        prev = None
        for i in range(start, end):
            masked = src[i] != prose[i]
            if masked != prev:
                bounds.append(i)
                prev = masked
        return bounds

    def _prose_view(self, a: int, b: int, marker: str | None) -> str:
        """What a reader sees for masked markup source[a:b] (hidden inside an active highlight)."""
        if marker is not None:
            return f'<span class="pv marker">{esc(marker)}</span>'
        raw = self.source[a:b]
        if self.fmt is Format.MARKDOWN and "`" in raw:
            codes = [m.group(2).strip() for m in _MD_CODE.finditer(raw)]
            if codes:
                return '<span class="pv">' + " ".join(f"<code>{esc(c)}</code>" for c in codes) + "</span>"
        view = self.prose[a:b]
        if view.strip():  # a decoded entity
            text = " ".join(view.split())
            lead = " " if view[:1].isspace() else ""
            tail = " " if view[-1:].isspace() else ""
            return f'<span class="pv">{esc(lead + text + tail)}</span>'
        if any(c.isspace() for c in raw) or _BLOCKISH_TAG.search(raw):
            return '<span class="pv"> </span>'
        return ""

    def _list_marker(self, unit: _Unit) -> str | None:
        if unit.block is None or unit.block.kind is not BlockKind.LIST_ITEM:
            return None
        prefix = self.source[unit.start:unit.block.span.start]
        m = _MD_LIST_MARKER.match(prefix)
        if m and m.group(1)[0].isdigit():
            return m.group(1)
        return "\u2022"

    def _heading_level(self, unit: _Unit) -> int:
        prefix = self.source[unit.start:unit.block.span.start] if unit.block else ""
        m = _MD_HEADING.match(prefix) if self.fmt is Format.MARKDOWN else None
        if m:
            return len(m.group(1))
        if self.fmt is Format.HTML:
            found = _HTML_HEADING.findall(self.source[max(0, unit.start - 200):unit.block.span.start])
            if found:
                return int(found[-1])
        return 2

    def _open_tag(self, mark: _Mark) -> str:
        f = mark.finding
        mark.parts += 1
        attrs = [
            ("class", f"hl sev-{f.severity.value} cat-{f.category.value}"),
            ("data-finding", mark.fid),
            ("data-article", self.art_id),
            ("data-code", f.code),
            ("data-line", f.start.line),
            ("data-col", f.start.column),
            ("data-end-line", f.end.line),
            ("data-end-col", f.end.column),
            ("data-severity", f.severity.value),
            ("data-category", f.category.value),
        ]
        if mark.parts == 1:
            label = f"{SEVERITY_LABEL[f.severity]} {f.code} ({_label(f.category.value)}): {f.message}"
            attrs += [("id", f"hl-{mark.fid}"), ("data-first", ""), ("tabindex", "0"), ("data-label", label),
                      ("aria-label", label), ("aria-describedby", f"note-{mark.fid}")]
        else:
            attrs += [("data-part", mark.parts)]
        return "<mark " + " ".join(f'{k}="{esc(v)}"' for k, v in attrs) + ">"

    def _unit_html(self, unit: _Unit) -> str:
        s, e = unit.start, unit.end
        active = [m for m in self.marks if m.start < e and m.end > s]
        bounds = {s, e}
        bounds.update(self._masked_bounds(s, e))
        for m in active:
            bounds.update(x for x in (m.start, m.end) if s < x < e)
        marker = self._list_marker(unit)
        if marker is not None and unit.block is not None:
            bounds.add(unit.block.span.start)
        points = sorted(bounds)
        out: list[str] = []
        stack: list[_Mark] = []
        order = {id(m): (m.start, -m.end, i) for i, m in enumerate(active)}
        marker_used = False
        for a, b in pairwise(points):
            needed = sorted((m for m in active if m.start <= a and m.end >= b), key=lambda m: order[id(m)])
            needed_ids = {id(m) for m in needed}
            # Close down to the deepest element that must end here (closing what it contains, to reopen it).
            cut = next((i for i, m in enumerate(stack) if id(m) not in needed_ids), len(stack))
            while len(stack) > cut:
                stack.pop()
                out.append("</mark>")
            open_ids = {id(m) for m in stack}
            for m in needed:
                if id(m) not in open_ids:
                    stack.append(m)
                    out.append(self._open_tag(m))
            chunk = self.source[a:b]
            if chunk and chunk[0] != self.prose[a]:
                use_marker = marker is not None and not marker_used and unit.block is not None \
                    and b <= unit.block.span.start
                marker_used = marker_used or use_marker
                out.append(f'<span class="mk">{esc(chunk)}</span>'
                           + self._prose_view(a, b, marker if use_marker else None))
            else:
                out.append(esc(chunk))
        out.extend("</mark>" for _ in stack)
        body = "".join(out)
        kind = unit.block.kind.value if unit.block else "raw"
        data = f'data-start="{s}" data-end="{e}"'
        if unit.block is not None and unit.block.kind is BlockKind.HEADING:
            level = min(6, self._heading_level(unit) + 2)
            return f'<h{level} class="unit u-heading" {data}>{body}</h{level}>'
        if unit.block is not None and unit.block.kind is BlockKind.QUOTE:
            return f'<blockquote class="unit u-quote" {data}>{body}</blockquote>'
        if unit.block is None:
            return (f'<div class="unit u-raw" {data} role="group" '
                    f'aria-label="Source outside the article text">{body}</div>')
        return f'<p class="unit u-{esc(kind)}" {data}>{body}</p>'

    # -- notes -----------------------------------------------------------------------------------------------

    def note(self, fid: str, f: Finding, linked: bool = True, folded: bool = False) -> str:
        info = self.rules.get(f.code)
        verdict = info.verdict if info else ""
        explanation = info.explanation if info else ""
        correction = f.correction or (info.correction if info else "")
        references: Iterable[Reference] = f.references or (info.references if info else ())
        sev = f.severity.value
        loc = f"line {f.start.line}, column {f.start.column}"
        loc_html = (f'<a class="loc" href="#hl-{fid}" aria-label="Go to the text at {loc}">{esc(loc)}</a>'
                    if linked else f'<span class="loc">{esc(loc)}</span>')
        parts = [
            (f'<li class="note sev-{sev} cat-{esc(f.category.value)}" id="note-{fid}" tabindex="-1" '
             f'data-finding="{fid}" data-article="{self.art_id}" data-code="{esc(f.code)}" '
             f'data-line="{f.start.line}" data-col="{f.start.column}" data-severity="{sev}" '
             f'data-category="{esc(f.category.value)}">'),
            '<p class="note-head">',
            (f'<span class="sev sev-{sev}"><span aria-hidden="true">{SEVERITY_ICON[f.severity]}</span> '
             f'{SEVERITY_LABEL[f.severity]}</span>'),
            f'<span class="code">{esc(f.code)}</span>',
        ]
        if verdict:
            parts.append(f'<span class="verdict">{esc(verdict)}</span>')
        parts.append(f'<span class="cat">{esc(_label(f.category.value))}</span>{loc_html}</p>')
        parts.append(f'<p class="msg">{esc(f.message)}</p>')
        if folded:
            parts.append("<details><summary>Why, the fix and sources</summary>")
        parts.append("<dl>")
        if explanation:
            parts.append(f"<dt>Why</dt><dd>{esc(explanation)}</dd>")
        if correction:
            parts.append(f"<dt>Correct fact</dt><dd>{esc(correction)}</dd>")
        if f.fix is not None:
            what = f'replace with <span class="fix">{esc(f.fix.replacement)}</span>' if f.fix.replacement \
                else "delete the text"
            parts.append(f"<dt>Suggested fix ({esc(f.fix.applicability.value)})</dt><dd>{what}</dd>")
        refs = list(references)
        if refs:
            parts.append("<dt>Sources</dt><dd><ul>")
            for r in refs:
                url = safe_url(r.url)
                title = esc(r.title or r.url)
                if url:
                    parts.append(f'<li><a href="{esc(url)}" rel="noopener noreferrer" target="_blank">{title}</a>'
                                 "</li>")
                else:
                    parts.append(f"<li>{title} <span>({esc(r.url)})</span></li>")
            parts.append("</ul></dd>")
        parts.append("</dl>")
        if folded:
            parts.append("</details>")
        parts.append("</li>")
        return "".join(parts)

    # -- the whole article -----------------------------------------------------------------------------------

    def render(self, article_level: list[tuple[str, Finding]]) -> str:
        out: list[str] = []
        if article_level:
            out.append(f'<section class="article-notes" aria-labelledby="{self.art_id}-whole">'
                       f'<h3 id="{self.art_id}-whole">About the whole article</h3><ul>')
            out.extend(self.note(fid, f, linked=False, folded=True) for fid, f in article_level)
            out.append("</ul></section>")
        if self.doc is not None:
            units = _units(self.source, self.doc.blocks, self.marks)
        else:  # the parser failed: show the whole source as it is
            units = [_Unit(0, len(self.source), None)] if self.source.strip() else []
        out.append('<div class="body">')
        by_unit: dict[int, list[_Mark]] = {}
        for m in self.marks:
            home = next((k for k, u in enumerate(units) if u.start <= m.start < u.end), None)
            if home is None:
                home = next((k for k, u in enumerate(units) if u.start < m.end and m.start < u.end), 0)
            by_unit.setdefault(home, []).append(m)
        for k, unit in enumerate(units):
            out.append('<div class="row"><div class="text">')
            out.append(self._unit_html(unit))
            out.append("</div>")
            notes = by_unit.get(k)
            if notes:
                out.append(f'<ul class="notes" aria-label="Notes on line {self.lines(unit.start)}">')
                out.extend(self.note(m.fid, m.finding) for m in notes)
                out.append("</ul>")
            out.append("</div>")
        if not units:
            out.append('<p class="clean-note">This file has no prose to show.</p>')
        out.append("</div>")
        return "".join(out)

    def lines(self, offset: int) -> int:
        return self.source.count("\n", 0, offset) + 1


class HtmlReporter(Reporter):
    """``--format html``: the annotated, self-contained report."""

    def render(self, result: RunResult) -> str:
        findings = sorted(result.findings, key=lambda f: f.sort_key)
        paths: list[str] = list(result.sources)
        for f in findings:
            if f.path not in result.sources and f.path not in paths:
                paths.append(f.path)
        per_path: dict[str, list[Finding]] = {p: [] for p in paths}
        for f in findings:
            per_path[f.path].append(f)
        art_ids = {p: f"a{i + 1}" for i, p in enumerate(paths)}

        articles_html: list[str] = []
        counter = 0
        for path in paths:
            fs = per_path[path]
            if not fs:
                continue
            source = result.sources.get(path, "")
            doc = _document(path, source)
            article_level: list[tuple[str, Finding]] = []
            marks: list[_Mark] = []
            for f in fs:
                counter += 1
                fid = f"f{counter}"
                start, end = max(0, min(f.span.start, len(source))), max(0, min(f.span.end, len(source)))
                if f.category in ARTICLE_LEVEL or end <= start or not source[start:end].strip():
                    article_level.append((fid, f))
                else:
                    marks.append(_Mark(fid, f, start, end))
            renderer = _ArticleRenderer(path, source, art_ids[path], marks, result.rules, doc)
            articles_html.append(self._article(path, art_ids[path], fs, renderer.render(article_level),
                                               doc.format if doc else Format.TEXT))

        title = (f"healthlint report: {_plural(len(findings), 'finding')} in "
                 f"{_plural(result.files, 'file')}")
        csp = ("default-src 'none'; "
               f"style-src {csp_hash(STYLE)}; script-src {csp_hash(SCRIPT)}; img-src data:; "
               "base-uri 'none'; form-action 'none'")
        body = [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            # The policy holds no double quote, so its single quotes can stay readable in the attribute.
            f'<meta http-equiv="Content-Security-Policy" content="{html.escape(csp, quote=False)}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="referrer" content="no-referrer">',
            f'<meta name="generator" content="healthlint {esc(__version__)}">',
            f"<title>{esc(title)}</title>",
            f"<style>{STYLE}</style>",
            "</head>",
            "<body>",
            '<a class="skip" href="#articles">Skip to the articles</a>',
            '<header class="page-head">',
            "<h1>healthlint report</h1>",
            (f"<p>{esc(_plural(len(findings), 'finding'))} in {esc(_plural(result.files, 'file'))} checked"
             f" \u00b7 healthlint {esc(__version__)}</p>"),
            "</header>",
            '<main id="main">',
            self._dashboard(result, findings, paths, per_path, art_ids),
            '<section id="articles" aria-label="Articles" tabindex="-1">',
        ]
        body.extend(articles_html)
        if not articles_html:
            body.append('<p class="panel clean-note">No findings: every checked article is clean.</p>')
        body.append("</section>")
        body.append(self._problems(result))
        body.append("</main>")
        body.append(f'<footer><p>Generated by healthlint {esc(__version__)}. Findings are suggestions for a '
                    "human editor; check every correction against its sources.</p></footer>")
        body.append(f"<script>{SCRIPT}</script>")
        body.append("</body>")
        body.append("</html>")
        return "\n".join(body) + "\n"

    # -- pieces ----------------------------------------------------------------------------------------------

    @staticmethod
    def _counts_text(fs: Sequence[Finding]) -> str:
        c = Counter(f.severity for f in fs)
        return ", ".join(f"{c[s]} {SEVERITY_LABEL[s].lower()}{'s' if c[s] != 1 and s is not Severity.INFO else ''}"
                         for s in SEVERITIES if c[s])

    def _article(self, path: str, art_id: str, fs: list[Finding], inner: str, fmt: Format) -> str:
        return (f'<article class="article fmt-{fmt.value}" id="{art_id}" aria-labelledby="{art_id}-title">'
                f'<div class="article-head"><h2 id="{art_id}-title">{esc(path)}</h2>'
                f'<span class="counts"><span data-visible-in="{art_id}">{len(fs)}</span> of '
                f"{esc(_plural(len(fs), 'finding'))} shown \u00b7 {esc(self._counts_text(fs))}</span></div>"
                f"{inner}</article>")

    @staticmethod
    def _bar(n: int, total: int, cls: str = "") -> str:
        pct = round(100 * n / total) if total else 0
        return f'<span class="bar" aria-hidden="true"><span class="w{pct} {cls}"></span></span>'

    def _dashboard(self, result: RunResult, findings: list[Finding], paths: list[str],
                   per_path: dict[str, list[Finding]], art_ids: dict[str, str]) -> str:
        total = len(findings)
        by_sev = Counter(f.severity for f in findings)
        by_cat = Counter(f.category.value for f in findings)
        flagged = [p for p in paths if per_path[p]]
        out = ['<section class="panel" id="summary" aria-labelledby="summary-title">',
               '<h2 id="summary-title">Summary</h2>', '<ul class="cards">']
        cards = [(result.files, "files checked"), (total, "findings"), (len(flagged), "articles with findings"),
                 (by_sev[Severity.ERROR], "errors"), (len(result.errors), "files not checked"),
                 (len(result.suppressed), "suppressed")]
        for n, label in cards:
            out.append(f'<li><span class="num">{n}</span><span class="lbl">{esc(label)}</span></li>')
        out.append("</ul>")
        out.append('<div class="dash-grid">')
        out.append('<section aria-labelledby="by-sev"><h3 id="by-sev">By severity</h3><ul class="bars">')
        for s in SEVERITIES:
            out.append(f'<li><span><span aria-hidden="true">{SEVERITY_ICON[s]}</span> {SEVERITY_LABEL[s]}</span>'
                       f'<span class="count">{by_sev[s]}</span>{self._bar(by_sev[s], total, "sev-" + s.value)}</li>')
        out.append("</ul></section>")
        out.append('<section aria-labelledby="by-cat"><h3 id="by-cat">By category</h3><ul class="bars">')
        for cat, n in sorted(by_cat.items(), key=lambda kv: (-kv[1], kv[0])):
            out.append(f"<li><span>{esc(_label(cat))}</span><span class=\"count\">{n}</span>"
                       f"{self._bar(n, total)}</li>")
        if not by_cat:
            out.append("<li><span>none</span></li>")
        out.append("</ul></section>")
        ranked = sorted(flagged, key=lambda p: (-sum(SEVERITY_WEIGHT[f.severity] for f in per_path[p]),
                                                -len(per_path[p]), p))[:WORST_ARTICLES]
        out.append('<section aria-labelledby="worst"><h3 id="worst">Articles needing most work</h3>')
        if ranked:
            out.append('<ol class="worst">')
            for p in ranked:
                score = sum(SEVERITY_WEIGHT[f.severity] for f in per_path[p])
                out.append(f'<li><a href="#{art_ids[p]}">{esc(p)}</a> <span class="score">'
                           f"{esc(self._counts_text(per_path[p]))} (score {score})</span></li>")
            out.append("</ol>")
        else:
            out.append('<p class="clean-note">None.</p>')
        w = SEVERITY_WEIGHT
        out.append(f'<p class="hint">Score: {w[Severity.ERROR]} per error, {w[Severity.WARNING]} per warning, '
                   f"{w[Severity.INFO]} per info.</p></section>")
        out.append("</div>")
        out.append(self._filters(total, by_sev, by_cat))
        if paths:
            out.append('<nav aria-labelledby="toc-title"><h3 id="toc-title">Articles</h3><ul class="toc">')
            for p in paths:
                n = len(per_path[p])
                if n:
                    out.append(f'<li><a href="#{art_ids[p]}">{esc(p)}</a> ({n})</li>')
                else:
                    out.append(f'<li class="clean">{esc(p)}: clean</li>')
            out.append("</ul></nav>")
        out.append("</section>")
        return "".join(out)

    @staticmethod
    def _filters(total: int, by_sev: Counter, by_cat: Counter) -> str:
        out = ['<form class="filters" id="filters" aria-labelledby="filter-title">',
               '<h3 id="filter-title" class="visually-hidden">Filter findings</h3>',
               "<fieldset><legend>Severity</legend>"]
        for s in SEVERITIES:
            out.append(f'<label><input type="checkbox" data-filter="severity" name="severity" value="{s.value}" '
                       f'checked> <span aria-hidden="true">{SEVERITY_ICON[s]}</span> {SEVERITY_LABEL[s]} '
                       f'<span class="n">({by_sev[s]})</span></label>')
        out.append("</fieldset><fieldset><legend>Category</legend>")
        for cat in Category:
            if by_cat[cat.value]:
                out.append(f'<label><input type="checkbox" data-filter="category" name="category" '
                           f'value="{esc(cat.value)}" checked> {esc(_label(cat.value))} '
                           f'<span class="n">({by_cat[cat.value]})</span></label>')
        out.append("</fieldset>")
        out.append('<div class="filter-actions">'
                   f'<p class="status" id="visible-count" role="status" aria-live="polite" '
                   f'data-total="{total}" data-visible="{total}">Showing {total} of '
                   f"{_plural(total, 'finding')}.</p>"
                   '<button type="button" id="show-all">Show all findings</button>'
                   '<p class="hint">Tab moves through highlights; <kbd>n</kbd> / <kbd>p</kbd> jump to the next or '
                   "previous one, <kbd>Enter</kbd> opens its note.</p></div>")
        out.append("</form>")
        return "".join(out)

    @staticmethod
    def _problems(result: RunResult) -> str:
        out = ['<section class="panel" id="problems" aria-labelledby="problems-title">',
               '<h2 id="problems-title">Files not checked and suppressed findings</h2>']
        out.append('<h3 id="errors-title">Files not checked</h3>')
        if result.errors:
            out.append('<table aria-labelledby="errors-title"><thead><tr><th scope="col">File</th>'
                       '<th scope="col">Line</th><th scope="col">Problem</th></tr></thead><tbody>')
            for e in result.errors:
                out.append(f'<tr><td class="path">{esc(e.path)}</td><td>{esc(e.line or "")}</td>'
                           f"<td>{esc(e.message)}</td></tr>")
            out.append("</tbody></table>")
        else:
            out.append('<p class="clean-note">None: every file was read.</p>')
        out.append('<h3 id="suppressed-title">Suppressed findings</h3>')
        if result.suppressed:
            out.append('<table aria-labelledby="suppressed-title"><thead><tr><th scope="col">Where</th>'
                       '<th scope="col">Rule</th><th scope="col">Finding</th><th scope="col">Reason</th>'
                       '<th scope="col">Directive</th></tr></thead><tbody>')
            for s in result.suppressed:
                f = s.finding
                out.append(f'<tr class="suppressed" data-code="{esc(f.code)}" data-line="{f.start.line}">'
                           f'<td class="path">{esc(f.path)}:{f.start.line}:{f.start.column}</td>'
                           f"<td>{esc(f.code)} <span class=\"sev sev-{f.severity.value}\">"
                           f"{SEVERITY_LABEL[f.severity]}</span></td>"
                           f"<td>{esc(f.message)}<br><q>{esc(' '.join(f.text.split()))}</q></td>"
                           f"<td>{esc(s.reason) if s.reason else '<em>no reason given</em>'}</td>"
                           f"<td>line {s.directive_line}</td></tr>")
            out.append("</tbody></table>")
        else:
            out.append('<p class="clean-note">None.</p>')
        out.append("</section>")
        return "".join(out)
