"""The annotated HTML report (``--format html``): markup, escaping and CSP without a browser, then behaviour in
headless Chromium (highlights where the findings say, the filter, hostile articles that must not run)."""
from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import re
import shutil
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from lint.document import Position, Span
from lint.finding import Category, Finding, Reference, Severity
from lint.report.html import HtmlReporter, esc, safe_url
from lint.result import FileError, RunResult, Suppressed

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "articles"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

HOSTILE_MD = """# Cramps <script>document.title = "pwned-heading"</script>

Potassium is a <span onmouseover="window.__pwned = 5">vitamin</span> that calms the muscles. \
<script>document.title = "pwned"; window.__pwned = 1;</script>

<img src=x onerror="document.title = 'pwned-img'; window.__pwned = 2">

[Magnesium is the vitamin](javascript:window.__pwned=3) for cramps, </textarea><textarea> and \
" onmouseover="window.__pwned=4" x=" ' end.
"""
HOSTILE_HTML = """<html><head><title>x</title><script>window.__pwned = 6</script></head><body>
<p>Potassium is a vitamin. <img src="x" onerror="window.__pwned = 7"></p>
<p>Magnesium is the vitamin, see <a href="javascript:window.__pwned=8">this</a>
&lt;script&gt;window.__pwned=9&lt;/script&gt; "quoted" </textarea></p>
</body></html>
"""
HOSTILE_TXT = """Potassium is a vitamin. <script>document.title = "pwned-txt"; window.__pwned = 10;</script>
<img src=x onerror="window.__pwned = 11"> " onfocus="window.__pwned=12" autofocus x=" </textarea> javascript:alert(1)
"""


# -- helpers ---------------------------------------------------------------------------------------------------


class _Page(HTMLParser):
    """Collects tags, attributes, the inline style/script text and checks that elements nest properly."""

    VOID = frozenset({"meta", "input", "br", "link", "img", "hr", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.styles: list[str] = []
        self.scripts: list[str] = []
        self._capture: str | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)
        if tag in ("style", "script"):
            self._capture = tag
            (self.styles if tag == "style" else self.scripts).append("")

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            return
        self.stack.pop()
        self._capture = None

    def handle_data(self, data):
        if self._capture == "style":
            self.styles[-1] += data
        elif self._capture == "script":
            self.scripts[-1] += data


def parse_page(text: str) -> _Page:
    page = _Page()
    page.feed(text)
    page.close()
    return page


def sha256_source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def csp_of(page: _Page) -> dict[str, list[str]]:
    metas = [a for t, a in page.tags if t == "meta" and (a.get("http-equiv") or "").lower() ==
             "content-security-policy"]
    assert len(metas) == 1, "exactly one CSP meta tag"
    policy: dict[str, list[str]] = {}
    for part in (metas[0]["content"] or "").split(";"):
        words = part.split()
        if words:
            policy[words[0]] = words[1:]
    return policy


def make_finding(path: str, source: str, start: int, end: int, code: str = "FAC250",
                 severity: Severity = Severity.ERROR, category: Category = Category.FACTUAL_ERROR,
                 references: tuple[Reference, ...] = (), message: str = "a message") -> Finding:
    def pos(offset: int) -> Position:
        line = source.count("\n", 0, offset) + 1
        return Position(line, offset - (source.rfind("\n", 0, offset) + 1) + 1)

    return Finding(path=path, code=code, id=code.lower(), category=category, severity=severity, message=message,
                   span=Span(start, end), start=pos(start), end=pos(end), text=source[start:end],
                   sentence=Span(start, end), correction="the correct fact", references=references)


@pytest.fixture
def report_of(run_cli, tmp_path):
    """Run ``healthlint check --format FORMAT --output FILE`` in-process and return the file's text."""

    def _run(*paths: str, fmt: str = "html") -> str:
        out = tmp_path / f"report.{fmt}"
        result = run_cli("check", *paths, "--format", fmt, "--output", str(out))
        assert result.code in (0, 1), result.err
        return out.read_text(encoding="utf-8")

    return _run


@pytest.fixture
def hostile_dir(tmp_path):
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "hostile.md").write_text(HOSTILE_MD, encoding="utf-8")
    (folder / "hostile.html").write_text(HOSTILE_HTML, encoding="utf-8")
    (folder / "hostile.txt").write_text(HOSTILE_TXT, encoding="utf-8")
    return folder


# -- without a browser -----------------------------------------------------------------------------------------


def test_esc_and_safe_url():
    assert esc('<a href="x">\'&') == "&lt;a href=&quot;x&quot;&gt;&#x27;&amp;"
    assert safe_url("https://www.nhs.uk/conditions/leg-cramps/") == "https://www.nhs.uk/conditions/leg-cramps/"
    assert safe_url("http://example.org/a") == "http://example.org/a"
    for bad in ("javascript:alert(1)", " javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<b>x</b>",
                "//evil.example/x", "vbscript:x", "file:///etc/passwd", "https://ok\n.example"):
        assert safe_url(bad) is None, bad


def test_csp_allows_exactly_the_inline_style_and_script(report_of):
    page = parse_page(report_of(str(ARTICLES)))
    policy = csp_of(page)
    assert policy["default-src"] == ["'none'"]
    assert len(page.scripts) == 1 and len(page.styles) == 1
    assert policy["script-src"] == [sha256_source(page.scripts[0])]
    assert policy["style-src"] == [sha256_source(page.styles[0])]
    assert set(policy.get("img-src", [])) <= {"data:"}
    assert not any("unsafe" in word for words in policy.values() for word in words)
    # No inline event handlers or style attributes, which the policy would block anyway.
    for tag, attrs in page.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert "style" not in attrs, (tag, attrs)


def test_report_is_well_formed_and_loads_nothing(report_of):
    text = report_of(str(ARTICLES))
    page = parse_page(text)
    assert page.errors == []
    assert page.stack == [], "every element is closed"
    rule_urls = set()
    data = json.loads(report_of(str(ARTICLES), fmt="json"))
    for f in data["findings"]:
        rule_urls.update(r["url"] for r in f["references"])
    hrefs = []
    for tag, attrs in page.tags:
        assert tag not in ("img", "iframe", "object", "embed", "link", "base", "svg"), tag
        assert "src" not in attrs, (tag, attrs)
        if "href" in attrs:
            hrefs.append(attrs["href"])
            if tag == "a" and not attrs["href"].startswith("#"):
                assert attrs.get("rel") == "noopener noreferrer"
    external = [h for h in hrefs if not h.startswith("#")]
    assert external, "reference links are present"
    for h in external:
        assert h.startswith(("https://", "http://")) and h in rule_urls, h
    # Fragment links point at elements that exist.
    ids = {attrs["id"] for _, attrs in page.tags if "id" in attrs}
    for h in hrefs:
        if h.startswith("#"):
            assert h[1:] in ids, h
    assert "@import" not in page.styles[0] and "url(" not in page.styles[0]


def test_every_finding_has_a_highlight_or_a_note(report_of):
    data = json.loads(report_of(str(ARTICLES), fmt="json"))
    page = parse_page(report_of(str(ARTICLES)))
    marks = {(a["data-code"], a["data-line"], a["data-col"]) for t, a in page.tags
             if t == "mark" and "data-first" in a}
    notes = [(a["data-code"], a["data-line"], a["data-col"], a["data-severity"], a["data-category"])
             for t, a in page.tags if t == "li" and "note" in (a.get("class") or "").split()]
    assert len(notes) == len(data["findings"])
    for f in data["findings"]:
        key = (f["code"], str(f["line"]), str(f["column"]))
        assert key + (f["severity"], f["category"]) in notes
        if f["category"] != "missing-element":
            assert key in marks, f


def test_hostile_article_is_escaped(report_of, hostile_dir):
    text = report_of(str(hostile_dir))
    page = parse_page(text)
    assert page.errors == [] and page.stack == []
    assert len(page.scripts) == 1 and "pwned" not in page.scripts[0]
    for tag, attrs in page.tags:
        assert tag not in ("img", "svg", "textarea", "iframe"), tag
        assert not any(name.startswith("on") or name in ("autofocus", "x") for name in attrs), (tag, attrs)
        for value in attrs.values():
            assert "javascript:" not in (value or "").lower() or tag != "a", (tag, attrs)
        if tag == "a":
            assert attrs["href"].startswith(("#", "https://", "http://")), attrs
    # The hostile text is shown, escaped, in the page.
    assert html.escape('<script>document.title = "pwned-txt"', quote=True) in text
    assert "&lt;/textarea&gt;" in text
    assert "&lt;img src=x onerror=&quot;window.__pwned = 11&quot;&gt;" in text


def test_overlapping_and_crossing_spans_nest_without_broken_markup():
    source = "Alpha beta gamma delta epsilon.\n\nZeta eta theta.\n"
    path = "x.txt"
    i = source.index
    findings = [
        make_finding(path, source, i("beta"), i("delta") + 5, code="FAC001"),  # beta .. delta
        make_finding(path, source, i("gamma"), i("epsilon") + 7, code="DNG001", severity=Severity.WARNING,
                     category=Category.DANGEROUS_ADVICE),  # crosses the first one
        make_finding(path, source, i("gamma"), i("gamma") + 5, code="OVR001", severity=Severity.INFO,
                     category=Category.OVERCLAIM),  # inside both
        make_finding(path, source, i("delta"), i("theta") + 5, code="QLT001", severity=Severity.INFO,
                     category=Category.CONTENT_QUALITY),  # crosses into the next paragraph
    ]
    result = RunResult(findings=findings, files=1, sources={path: source})
    page_text = HtmlReporter().render(result)
    page = parse_page(page_text)
    assert page.errors == [] and page.stack == []
    # Re-assemble each finding's text from its parts in document order.

    class Texts(HTMLParser):
        """Text of each finding's parts as a browser shows it: hidden prose-view spans skipped, a space
        between parts in different paragraphs."""

        def __init__(self):
            super().__init__()
            self.open: list[dict] = []
            self.parts: dict[str, list[list]] = {}  # code -> [unit, text] per part

        def handle_starttag(self, tag, attrs):
            a = dict(attrs, _tag=tag)
            self.open.append(a)
            if tag == "mark":
                unit = next(x["data-start"] for x in reversed(self.open) if "data-start" in x)
                self.parts.setdefault(a["data-code"], []).append([unit, ""])

        def handle_endtag(self, tag):
            self.open.pop()

        def handle_data(self, data):
            if any("pv" in (a.get("class") or "").split() for a in self.open):
                return
            for code in {a["data-code"] for a in self.open if a["_tag"] == "mark"}:
                self.parts[code][-1][1] += data

    t = Texts()
    t.feed(page_text[page_text.index("<main"):])
    for f in findings:
        parts = t.parts[f.code]
        joined = "".join(("" if k == 0 or parts[k - 1][0] == unit else " ") + text
                         for k, (unit, text) in enumerate(parts))
        assert " ".join(joined.split()) == " ".join(f.text.split()), (f.code, parts)
    assert len(t.parts["DNG001"]) >= 2, "a crossing span is split into parts"


def test_unsafe_reference_urls_are_not_links_and_sections_list_problems():
    source = "Potassium is a vitamin.\n"
    refs = (Reference("Good", "https://ods.od.nih.gov/factsheets/Potassium-Consumer/"),
            Reference("Evil", "javascript:alert(document.domain)"),
            Reference("Data", "data:text/html,<script>alert(1)</script>"))
    f = make_finding("a.md", source, 0, 22, references=refs)
    silenced = make_finding("a.md", source, 0, 9, code="FAC999", message="silenced <b>message</b>")
    doc_level = make_finding("a.md", source, 0, 22, code="DOC001", severity=Severity.INFO,
                             category=Category.MISSING_ELEMENT, message="No author.")
    result = RunResult(findings=[doc_level, f], files=2, sources={"a.md": source},
                       errors=[FileError("bad<1>.md", "not UTF-8 <b>", 3)],
                       suppressed=[Suppressed(silenced, 'reviewed by "Dr <X>"', 7)])
    text = HtmlReporter().render(result)
    page = parse_page(text)
    hrefs = [a["href"] for t, a in page.tags if t == "a"]
    assert "https://ods.od.nih.gov/factsheets/Potassium-Consumer/" in hrefs
    assert not any(h.lower().startswith(("javascript:", "data:")) for h in hrefs)
    assert "javascript:alert(document.domain)" in text  # shown as text, not as a link
    assert "bad&lt;1&gt;.md" in text and "not UTF-8 &lt;b&gt;" in text
    assert "reviewed by &quot;Dr &lt;X&gt;&quot;" in text and "silenced &lt;b&gt;message&lt;/b&gt;" in text
    suppressed_rows = [a for t, a in page.tags if t == "tr" and a.get("data-code") == "FAC999"]
    assert suppressed_rows and suppressed_rows[0]["data-line"] == "1"
    # The article-level finding is a note, not a highlight.
    assert [a["data-code"] for t, a in page.tags if t == "mark" and "data-first" in a] == ["FAC250"]
    assert any(t == "li" and a.get("data-code") == "DOC001" for t, a in page.tags)


def test_empty_run_renders():
    page_text = HtmlReporter().render(RunResult(files=0))
    page = parse_page(page_text)
    assert page.errors == [] and page.stack == []
    assert "No findings" in page_text


# -- in headless Chromium --------------------------------------------------------------------------------------


def _need_browser() -> None:
    missing = None
    if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
        missing = f"{CHROMIUM} and {CHROMEDRIVER} are needed (apt-get install chromium chromium-driver)"
    else:
        try:
            import selenium  # noqa: F401
        except ImportError:
            missing = "selenium is needed (pip install '.[test]')"
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests cannot run under CI: {missing}")
        pytest.skip(missing)


@pytest.fixture(scope="module")
def browser():
    _need_browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="healthlint-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1400,1000",
                 "--force-prefers-reduced-motion",  # no smooth scrolling under WebDriver's clicks
                 f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _open(browser, text: str, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(text, encoding="utf-8")
    browser.get(page.resolve().as_uri())


_MARKS_JS = """
return Array.prototype.map.call(document.querySelectorAll('mark.hl'), function (m) {
  var unit = m.closest('.unit');
  return {fid: m.getAttribute('data-finding'), code: m.getAttribute('data-code'),
          line: m.getAttribute('data-line'), col: m.getAttribute('data-col'),
          severity: m.getAttribute('data-severity'), category: m.getAttribute('data-category'),
          path: m.closest('article').querySelector('h2').textContent,
          unit: unit ? unit.getAttribute('data-start') : null, text: m.innerText,
          background: getComputedStyle(m).backgroundColor};
});
"""
_NOTES_JS = """
return Array.prototype.map.call(document.querySelectorAll('li.note'), function (n) {
  return {fid: n.getAttribute('data-finding'), code: n.getAttribute('data-code'), line: n.getAttribute('data-line'),
          col: n.getAttribute('data-col'), severity: n.getAttribute('data-severity'),
          category: n.getAttribute('data-category'), path: n.closest('article').querySelector('h2').textContent,
          display: getComputedStyle(n).display, whole: !!n.closest('.article-notes')};
});
"""


def _flat(s: str) -> str:
    return " ".join(s.split())


def test_highlights_are_where_the_findings_say(browser, report_of, tmp_path):
    data = json.loads(report_of(str(ARTICLES), fmt="json"))
    _open(browser, report_of(str(ARTICLES)), tmp_path)
    marks = browser.execute_script(_MARKS_JS)
    notes = browser.execute_script(_NOTES_JS)
    groups: dict[str, dict] = {}
    for m in marks:
        g = groups.setdefault(m["fid"], {**m, "text": "", "unit_of_last": None})
        if g["unit_of_last"] is not None and g["unit_of_last"] != m["unit"]:
            g["text"] += " "  # a finding split over two paragraphs or list items
        g["text"] += m["text"]
        g["unit_of_last"] = m["unit"]
    inline = [f for f in data["findings"] if f["category"] != "missing-element"]
    assert len(groups) == len(inline) > 30
    by_place: dict[tuple, list[dict]] = {}
    for g in groups.values():
        by_place.setdefault((g["path"], g["code"], g["line"], g["col"]), []).append(g)
    for f in inline:
        found = by_place.get((f["path"], f["code"], str(f["line"]), str(f["column"])))
        assert found and len(found) == 1, f
        g = found[0]
        assert _flat(g["text"]) == _flat(f["text"]), (f, g["text"])
        assert (g["severity"], g["category"]) == (f["severity"], f["category"])
    whole = {(n["path"], n["code"], n["line"]) for n in notes if n["whole"]}
    for f in data["findings"]:
        if f["category"] == "missing-element":
            assert (f["path"], f["code"], str(f["line"])) in whole, f
    assert len(notes) == len(data["findings"])


def _filter_state(browser):
    return browser.execute_script(_MARKS_JS), browser.execute_script(_NOTES_JS), browser.execute_script(
        "var s = document.getElementById('visible-count'); return [s.textContent, s.getAttribute('aria-live')];")


def _assert_visibility(browser, data, hidden):
    marks, notes, (status, live) = _filter_state(browser)
    transparent = "rgba(0, 0, 0, 0)"
    for m in marks:
        off = hidden(m)
        assert (m["background"] == transparent) == off, m
    for n in notes:
        assert (n["display"] == "none") == hidden(n), n
    visible = sum(1 for f in data["findings"] if not hidden(f))
    assert live == "polite"
    assert status.startswith(f"Showing {visible} of {len(data['findings'])} "), status
    return visible


def _click(browser, element):
    """Click as a user would, after scrolling the control to the middle of the window.

    The report scrolls smoothly for readers who allow motion, so a scroll that WebDriver
    starts may still be moving when it clicks, and the click lands on a neighbour (this
    made the test flaky on CI). The scroll here is instant and centred.
    """
    browser.execute_script(
        "arguments[0].scrollIntoView({behavior: 'instant', block: 'center', inline: 'center'});", element)
    element.click()


def test_filter_hides_exactly_the_unticked_findings(browser, report_of, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    data = json.loads(report_of(str(ARTICLES), fmt="json"))
    _open(browser, report_of(str(ARTICLES)), tmp_path)
    _assert_visibility(browser, data, lambda x: False)

    warning = browser.find_element(By.CSS_SELECTOR, "input[data-filter=severity][value=warning]")
    _click(browser, warning)
    shown = _assert_visibility(browser, data, lambda x: x["severity"] == "warning")
    assert 0 < shown < len(data["findings"])

    warning.send_keys(Keys.SPACE)  # the keyboard ticks it again
    _assert_visibility(browser, data, lambda x: False)

    factual = browser.find_element(By.CSS_SELECTOR, "input[data-filter=category][value=factual-error]")
    _click(browser, factual)
    info = browser.find_element(By.CSS_SELECTOR, "input[data-filter=severity][value=info]")
    _click(browser, info)
    _assert_visibility(browser, data, lambda x: x["category"] == "factual-error" or x["severity"] == "info")
    hidden_mark = browser.find_element(By.CSS_SELECTOR, "mark[data-first][data-category=factual-error]")
    assert hidden_mark.get_attribute("tabindex") == "-1" and hidden_mark.get_attribute("aria-label") is None

    _click(browser, browser.find_element(By.ID, "show-all"))
    _assert_visibility(browser, data, lambda x: False)


def test_keyboard_moves_from_a_highlight_to_its_note(browser, report_of, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    _open(browser, report_of(str(ARTICLES)), tmp_path)
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys("n")
    first = browser.switch_to.active_element
    assert first.tag_name == "mark" and first.get_attribute("aria-label")
    fid = first.get_attribute("data-finding")
    first.send_keys(Keys.ENTER)
    note = browser.switch_to.active_element
    assert note.get_attribute("id") == f"note-{fid}"
    skip = browser.find_element(By.CSS_SELECTOR, "a.skip")
    assert skip.get_attribute("href").endswith("#articles")


def test_hostile_articles_do_not_run(browser, report_of, hostile_dir, tmp_path):
    from selenium.webdriver.common.by import By

    text = report_of(str(hostile_dir))
    _open(browser, text, tmp_path)
    state = browser.execute_script("return [document.title, typeof window.__pwned, "
                                   "document.querySelectorAll('img, textarea, svg, iframe').length, "
                                   "document.scripts.length];")
    assert state[0].startswith("healthlint report"), state
    assert state[1] == "undefined" and state[2] == 0 and state[3] == 1, state
    # Hovering and focusing the flagged text runs nothing either.
    for mark in browser.find_elements(By.CSS_SELECTOR, "mark.hl"):
        browser.execute_script("var m = arguments[0]; m.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));"
                               " m.focus(); m.click();", mark)
    assert browser.execute_script("return typeof window.__pwned") == "undefined"
    # The report's own script did run (the CSP hash matches), and the hostile text is shown as text.
    assert browser.execute_script("return document.getElementById('visible-count').getAttribute('data-visible')")
    units = browser.execute_script("return Array.prototype.map.call(document.querySelectorAll('.unit'), "
                                   "function (u) { return u.innerText; }).join('\\n');")
    assert '<script>document.title = "pwned-txt"; window.__pwned = 10;</script>' in units
    assert "</textarea>" in units
    md_mark = browser.execute_script(
        "var m = Array.prototype.filter.call(document.querySelectorAll('mark[data-first]'), function (m) {"
        " return m.closest('article').querySelector('h2').textContent.slice(-11) === '/hostile.md' }); "
        "return m.map(function (x) { return x.innerText; });")
    assert 'Potassium is a <span onmouseover="window.__pwned = 5">vitamin' in md_mark
    errors = [e for e in browser.get_log("browser") if e.get("level") == "SEVERE"
              and "Content Security Policy" in e.get("message", "") and "script" in e.get("message", "")]
    assert errors == [], errors
    assert re.search(r"script-src 'sha256-[A-Za-z0-9+/=]+'", text)


def test_a_parser_failure_still_shows_the_whole_text(monkeypatch):
    from lint import markup

    def broken(*args, **kwargs):
        raise RuntimeError("parser bug")

    monkeypatch.setattr(markup, "parse", broken)
    source = "# Title\n\nPotassium is a vitamin.\n"
    start = source.index("Potassium")
    result = RunResult(findings=[make_finding("a.md", source, start, start + 22)], files=1, sources={"a.md": source})
    page_text = HtmlReporter().render(result)
    page = parse_page(page_text)
    assert page.errors == [] and page.stack == []
    assert "# Title" in page_text and ">Potassium is a vitamin</mark>" in page_text
