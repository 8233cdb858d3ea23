"""The stylesheet and script of the HTML report, kept as strings so they ship inside the package.

Both are inlined into the report and allowed by the page's Content-Security-Policy through their sha256 hashes,
so neither may be edited after hashing (``lint.report.html`` hashes exactly what it writes).
"""
from __future__ import annotations

# Colour-blind-safe palette (Okabe-Ito vermillion, orange and blue); every severity also has its own icon,
# label and underline style, so colour is never the only cue.
CSS = """
:root {
  --ink: #1d1f23; --muted: #5a6069; --rule: #d9dce1; --paper: #ffffff; --canvas: #f6f5f2; --accent: #004f8a;
  --error: #b3361b; --error-bg: #fbe2d6; --error-line: #d55e00;
  --warning: #8a5a00; --warning-bg: #fdf0c8; --warning-line: #e69f00;
  --info: #005a8c; --info-bg: #dcecf7; --info-line: #0072b2;
  --ui: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
  --serif: Charter, "Bitstream Charter", "Iowan Old Style", "Palatino Linotype", Palatino, Georgia,
           "Noto Serif", "DejaVu Serif", "Times New Roman", serif;
  --mono: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace;
}
* { box-sizing: border-box; }
html { background: var(--canvas); color: var(--ink); }
body { margin: 0; font: 16px/1.5 var(--ui); }
a { color: var(--accent); }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; border-radius: 2px; }
.skip { position: absolute; left: 1rem; top: -3rem; background: var(--ink); color: #fff; padding: .5rem .9rem;
        border-radius: 0 0 6px 6px; z-index: 10; }
.skip:focus { top: 0; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden;
                   clip: rect(0 0 0 0); white-space: nowrap; }
.page-head { background: var(--ink); color: #fff; padding: 1.1rem 2rem; }
.page-head h1 { margin: 0; font-size: 1.35rem; font-weight: 650; letter-spacing: .01em; }
.page-head p { margin: .2rem 0 0; color: #c9ccd2; font-size: .92rem; }
main { max-width: 76rem; margin: 0 auto; padding: 1.5rem 2rem 3rem; }
h2 { font-size: 1.2rem; margin: 0 0 .8rem; }
.panel { background: var(--paper); border: 1px solid var(--rule); border-radius: 10px; padding: 1.2rem 1.4rem;
         margin-bottom: 1.5rem; }
.cards { display: flex; flex-wrap: wrap; gap: .8rem; margin: 0 0 1.2rem; padding: 0; list-style: none; }
.cards li { flex: 1 1 9rem; border: 1px solid var(--rule); border-radius: 8px; padding: .6rem .9rem; }
.cards .num { display: block; font-size: 1.7rem; font-weight: 700; line-height: 1.2; }
.cards .lbl { color: var(--muted); font-size: .85rem; }
.dash-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(17rem, 1fr)); gap: 1.2rem 2rem; }
.dash-grid h3 { font-size: .95rem; margin: 0 0 .5rem; color: var(--muted); text-transform: uppercase;
                letter-spacing: .06em; }
.bars { list-style: none; margin: 0; padding: 0; }
.bars li { display: grid; grid-template-columns: 9.5rem 2.5rem 1fr; align-items: center; gap: .5rem;
           font-size: .92rem; padding: .12rem 0; }
.bars .count { text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; }
.bar { display: block; height: .7rem; border-radius: 3px; background: #e7e9ec; overflow: hidden; }
.bar > span { display: block; height: 100%; background: #6b7280; }
.bar > span.sev-error { background: var(--error-line); }
.bar > span.sev-warning { background: var(--warning-line); }
.bar > span.sev-info { background: var(--info-line); }
.worst { margin: 0; padding-left: 1.3rem; font-size: .92rem; }
.worst li { padding: .15rem 0; }
.worst .score { color: var(--muted); font-variant-numeric: tabular-nums; }
.filters { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: flex-start; margin-top: 1.2rem;
           padding-top: 1rem; border-top: 1px solid var(--rule); }
.filters fieldset { border: 0; margin: 0; padding: 0; }
.filters legend { font-weight: 650; font-size: .9rem; margin-bottom: .3rem; padding: 0; }
.filters label { display: inline-flex; align-items: center; gap: .3rem; margin: .15rem .9rem .15rem 0;
                 font-size: .92rem; cursor: pointer; }
.filters input { width: 1.05rem; height: 1.05rem; margin: 0; accent-color: var(--accent); }
.filters .n { color: var(--muted); font-variant-numeric: tabular-nums; }
.filter-actions { display: flex; flex-direction: column; align-items: flex-start; gap: .4rem; }
button { font: inherit; font-size: .9rem; padding: .3rem .8rem; border: 1px solid #9aa1ab; border-radius: 6px;
         background: #fff; color: var(--ink); cursor: pointer; }
button:hover { background: #eef0f3; }
.status { font-weight: 650; margin: 0; }
.hint { color: var(--muted); font-size: .85rem; margin: .2rem 0 0; }
kbd { font: .8rem var(--mono); border: 1px solid #b8bec6; border-bottom-width: 2px; border-radius: 4px;
      padding: 0 .3rem; background: #fafafa; }
.toc { columns: 2 18rem; margin: 0; padding-left: 1.2rem; font-size: .92rem; }
.toc .clean { color: var(--muted); }
.sev { display: inline-flex; align-items: center; gap: .25rem; font: 700 .75rem/1.6 var(--ui);
       text-transform: uppercase; letter-spacing: .04em; padding: 0 .45rem; border-radius: 999px; }
.sev.sev-error { color: #fff; background: var(--error); }
.sev.sev-warning { color: #3b2700; background: var(--warning-line); }
.sev.sev-info { color: #fff; background: var(--info); }
.article { background: var(--paper); border: 1px solid var(--rule); border-radius: 10px; margin-bottom: 2rem;
           padding: 1.4rem 1.6rem 1.6rem; }
.article-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: .4rem 1rem;
                border-bottom: 1px solid var(--rule); padding-bottom: .7rem; margin-bottom: 1.2rem; }
.article-head h2 { margin: 0; font: 650 1.1rem/1.3 var(--mono); word-break: break-all; }
.article-head .counts { color: var(--muted); font-size: .9rem; }
.article-notes { margin: 0 0 1.4rem; }
.article-notes h3 { font-size: .95rem; margin: 0 0 .5rem; }
.article-notes > ul { list-style: none; margin: 0; padding: 0; display: grid; gap: .6rem;
                      grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); }
.row { display: grid; grid-template-columns: minmax(0, 40rem) minmax(15rem, 1fr); gap: 0 2.2rem;
       align-items: start; }
.row > .text { grid-column: 1; }
.body { position: relative; }
.body.js-float .row { display: block; max-width: 62%; }
.body.js-float .row > .notes { position: absolute; left: calc(62% + 2rem); right: 0; }
.article-notes details { margin-top: .3rem; }
.article-notes summary { cursor: pointer; color: var(--accent); font-size: .85rem; }
.row > .notes { grid-column: 2; }
.text { font: 1.08rem/1.68 var(--serif); }
.unit { margin: 0 0 .95em; overflow-wrap: anywhere; }
.fmt-text .unit { white-space: pre-line; }
.unit.u-heading { font-family: var(--ui); font-weight: 700; line-height: 1.3; margin: 1.1em 0 .5em; }
h3.unit.u-heading { font-size: 1.5rem; }
h4.unit.u-heading { font-size: 1.25rem; }
h5.unit.u-heading, h6.unit.u-heading { font-size: 1.08rem; }
.unit.u-list-item { padding-left: 1.7em; text-indent: -1.7em; margin-bottom: .35em; }
.unit.u-list-item .marker { display: inline-block; width: 1.7em; text-indent: 0; color: var(--muted); }
.unit.u-quote { border-left: 3px solid var(--rule); padding-left: 1em; color: #3b3f46; font-style: italic; }
.unit.u-table { font-family: var(--mono); font-size: .9rem; white-space: pre-wrap; }
.unit.u-raw { font: .88rem/1.5 var(--mono); white-space: pre-wrap; color: var(--muted);
              border-left: 3px dotted var(--rule); padding-left: .8em; }
.unit code { font: .9em var(--mono); background: #f1f2f4; padding: 0 .2em; border-radius: 3px; }
.mk { display: none; }
.hl:not(.is-off) .mk { display: inline; font-family: var(--mono); font-size: .85em; color: var(--muted); }
.hl:not(.is-off) .pv { display: none; }
mark.hl { color: inherit; background: transparent; border-radius: 2px; padding: 0 1px;
          text-decoration-skip-ink: none; text-underline-offset: .22em; cursor: pointer;
          -webkit-box-decoration-break: clone; box-decoration-break: clone; }
mark.hl.sev-error:not(.is-off) { background: var(--error-bg); text-decoration: underline solid var(--error-line) 3px; }
mark.hl.sev-warning:not(.is-off) { background: var(--warning-bg);
                                    text-decoration: underline dashed var(--warning-line) 2px; }
mark.hl.sev-info:not(.is-off) { background: var(--info-bg); text-decoration: underline dotted var(--info-line) 2px; }
mark.hl mark.hl:not(.is-off) { text-underline-offset: .42em; }
mark.hl[data-first]:not(.is-off)::before { font: 700 .68em/1 var(--ui); vertical-align: .35em; margin-right: .15em;
                                            text-decoration: none; display: inline-block; text-indent: 0; }
mark.hl.sev-error[data-first]:not(.is-off)::before { content: "\\2716"; color: var(--error); }
mark.hl.sev-warning[data-first]:not(.is-off)::before { content: "\\25B2"; color: var(--warning); }
mark.hl.sev-info[data-first]:not(.is-off)::before { content: "i"; color: var(--info); font-style: italic; }
mark.hl.is-off { cursor: text; }
mark.hl.active:not(.is-off), mark.hl.hover:not(.is-off) { outline: 2px solid var(--ink); }
.notes { list-style: none; margin: 0; padding: 0; }
.notes > li + li { margin-top: .6rem; }
.note { border: 1px solid var(--rule); border-left: 5px solid var(--muted); border-radius: 6px; background: #fcfcfb;
        padding: .55rem .75rem .6rem; font-size: .88rem; line-height: 1.45; }
.note.sev-error { border-left-color: var(--error-line); }
.note.sev-warning { border-left-color: var(--warning-line); }
.note.sev-info { border-left-color: var(--info-line); }
.note.is-off { display: none; }
.note.active { box-shadow: 0 0 0 3px #1d1f2333; }
.note-head { display: flex; flex-wrap: wrap; align-items: center; gap: .3rem .5rem; margin: 0 0 .3rem; }
.note-head .code { font: 700 .82rem var(--mono); }
.note-head .verdict { font-weight: 650; text-transform: capitalize; }
.note-head .cat, .note-head .loc { color: var(--muted); font-size: .8rem; }
.note .msg { margin: 0 0 .35rem; font-weight: 600; }
.note dl { margin: 0; }
.note dt { font-weight: 650; font-size: .74rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted);
           margin-top: .35rem; }
.note dd { margin: .05rem 0 0; }
.note dd ul { margin: 0; padding-left: 1.1rem; }
.note .fix { font-family: var(--mono); font-size: .85rem; background: #eef6ee; padding: 0 .25rem; }
.clean-note { color: var(--muted); font-style: italic; margin: 0; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; vertical-align: top; padding: .4rem .6rem; border-bottom: 1px solid var(--rule); }
th { font-size: .8rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
td.path { font-family: var(--mono); word-break: break-all; }
footer { color: var(--muted); font-size: .85rem; text-align: center; padding: 0 1rem 2rem; }
@media (max-width: 60rem) {
  main { padding: 1rem; }
  .row { grid-template-columns: minmax(0, 1fr); }
  .row > .notes { grid-column: 1; margin: -.3rem 0 1.1rem; }
  .article { padding: 1rem; }
  .bars li { grid-template-columns: 8rem 2.2rem 1fr; }
}
@media (prefers-reduced-motion: no-preference) { html { scroll-behavior: smooth; } }
@media print {
  .filters, .skip, .hint { display: none; }
  .article, .panel { break-inside: auto; border: 0; }
  html { background: #fff; }
}
"""

# The report's only script: the filter, the live count, and moving between a highlight and its note. It reads
# everything from data attributes; no article text is ever placed inside it.
JS = """
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var status = document.getElementById("visible-count");
  if (!form || !status) { return; }
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox][data-filter]"));
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-finding]"));
  var total = parseInt(status.getAttribute("data-total"), 10) || 0;

  function allowed() {
    var on = { severity: {}, category: {} };
    boxes.forEach(function (b) { on[b.getAttribute("data-filter")][b.value] = b.checked; });
    return on;
  }

  function apply() {
    var on = allowed();
    var shown = {};
    var perArticle = {};
    items.forEach(function (el) {
      var show = on.severity[el.getAttribute("data-severity")] !== false &&
                 on.category[el.getAttribute("data-category")] !== false;
      el.classList.toggle("is-off", !show);
      if (el.tagName === "MARK" && el.hasAttribute("data-first")) {
        if (show) {
          el.setAttribute("tabindex", "0");
          el.setAttribute("aria-label", el.getAttribute("data-label"));
          el.setAttribute("aria-describedby", "note-" + el.getAttribute("data-finding"));
        } else {
          el.setAttribute("tabindex", "-1");
          el.removeAttribute("aria-label");
          el.removeAttribute("aria-describedby");
        }
      }
      if (show) {
        var id = el.getAttribute("data-finding");
        if (!shown[id]) {
          shown[id] = true;
          var art = el.getAttribute("data-article");
          perArticle[art] = (perArticle[art] || 0) + 1;
        }
      }
    });
    var n = Object.keys(shown).length;
    status.textContent = "Showing " + n + " of " + total + " finding" + (total === 1 ? "" : "s") + ".";
    status.setAttribute("data-visible", String(n));
    Array.prototype.forEach.call(document.querySelectorAll("[data-visible-in]"), function (el) {
      var c = perArticle[el.getAttribute("data-visible-in")] || 0;
      el.textContent = String(c);
    });
  }

  form.addEventListener("change", apply);
  var reset = document.getElementById("show-all");
  if (reset) {
    reset.addEventListener("click", function () {
      boxes.forEach(function (b) { b.checked = true; });
      apply();
    });
  }

  function clearActive() {
    Array.prototype.forEach.call(document.querySelectorAll(".active"), function (el) {
      el.classList.remove("active");
    });
  }

  function toNote(mark) {
    var id = mark.getAttribute("data-finding");
    var note = document.getElementById("note-" + id);
    if (!note || note.classList.contains("is-off")) { return; }
    clearActive();
    Array.prototype.forEach.call(document.querySelectorAll("mark[data-finding='" + id + "']"), function (m) {
      m.classList.add("active");
    });
    note.classList.add("active");
    note.focus();
  }

  document.addEventListener("click", function (e) {
    var t = e.target;
    var mark = t && t.closest ? t.closest("mark.hl") : null;
    if (mark && !mark.classList.contains("is-off")) {
      var first = document.getElementById("hl-" + mark.getAttribute("data-finding"));
      toNote(first || mark);
      return;
    }
    var back = t && t.closest ? t.closest("a.loc") : null;
    if (back) {
      var target = document.getElementById(back.getAttribute("href").slice(1));
      if (target) {
        e.preventDefault();
        clearActive();
        target.classList.add("active");
        target.focus();
      }
    }
  });

  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (e.altKey || e.ctrlKey || e.metaKey) { return; }
    if (t && t.tagName === "MARK" && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      toNote(t);
      return;
    }
    if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable)) {
      return;
    }
    if (e.key !== "n" && e.key !== "p") { return; }
    var marks = Array.prototype.slice.call(document.querySelectorAll("mark.hl[data-first]:not(.is-off)"));
    if (!marks.length) { return; }
    var current = document.activeElement;
    var i = marks.indexOf(current);
    if (i < 0 && current && current.classList && current.classList.contains("note")) {
      i = marks.indexOf(document.getElementById("hl-" + current.getAttribute("data-finding")));
    }
    var next = e.key === "n" ? (i + 1) % marks.length : (i <= 0 ? marks.length - 1 : i - 1);
    e.preventDefault();
    clearActive();
    marks[next].classList.add("active");
    marks[next].focus();
  });

  // Wide screens: each note list floats beside the paragraph it belongs to, pushed down only as far as needed
  // so lists never overlap (the article text stays compact). Narrow screens keep notes below each paragraph.
  var wide = window.matchMedia ? window.matchMedia("(min-width: 60rem)") : null;
  function layout() {
    Array.prototype.forEach.call(document.querySelectorAll(".body"), function (body) {
      var lists = body.querySelectorAll(".row > .notes");
      var float = !!(wide && wide.matches);
      body.classList.toggle("js-float", float);
      var bottom = 0;
      Array.prototype.forEach.call(lists, function (ul) {
        if (!float) { ul.style.top = ""; return; }
        var row = ul.parentNode;
        var top = Math.max(row.offsetTop, bottom);
        ul.style.top = top + "px";
        if (ul.offsetHeight > 0) { bottom = top + ul.offsetHeight + 10; }
      });
      body.style.minHeight = float && bottom ? bottom + "px" : "";
    });
  }
  var pending = null;
  function relayout() {
    if (pending) { return; }
    pending = window.requestAnimationFrame(function () { pending = null; layout(); });
  }
  window.addEventListener("resize", relayout);
  form.addEventListener("change", relayout);
  if (reset) { reset.addEventListener("click", relayout); }
  document.addEventListener("toggle", relayout, true);

  document.addEventListener("mouseover", function (e) {
    var note = e.target && e.target.closest ? e.target.closest("li.note") : null;
    if (!note) { return; }
    var id = note.getAttribute("data-finding");
    Array.prototype.forEach.call(document.querySelectorAll("mark.hover"), function (m) { m.classList.remove("hover"); });
    Array.prototype.forEach.call(document.querySelectorAll("mark[data-finding='" + id + "']"), function (m) {
      m.classList.add("hover");
    });
  });

  apply();
  layout();
}());
"""
