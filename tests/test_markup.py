"""Masking: prose has the source's length, keeps every visible character, and hides what is not prose."""
from pathlib import Path

import pytest

from lint import lint_text
from lint.document import BlockKind, Format
from lint.markup import parse

ROOT = Path(__file__).resolve().parent.parent


def assert_masking_invariant(doc):
    assert len(doc.prose) == len(doc.source)
    for i, ch in enumerate(doc.prose):
        if ch in "\r\n":
            assert doc.source[i] == ch
        elif ch != " " and doc.source[i] != ch:
            # only decoded entities may differ, and then the source holds '&' there
            assert doc.source[i] == "&", (i, ch, doc.source[i])


@pytest.mark.parametrize("path", sorted(p for p in (ROOT / "articles").iterdir() if p.suffix in (".md", ".txt", ".html")),
                         ids=lambda p: p.name)
def test_masking_invariant_on_every_article(path):
    fmt = {".md": Format.MARKDOWN, ".txt": Format.TEXT, ".html": Format.HTML}[path.suffix]
    assert_masking_invariant(parse(path.read_text(encoding="utf-8"), fmt))


MD = """---
title: "Potassium is a vitamin"
---
# Cramps **at** night

Potassium is a *mineral*. See [the NHS page](https://www.nhs.uk/conditions/leg-cramps/ "NHS").
Inline `potassium is a vitamin` code.

```
potassium is a vitamin
```

    indented code: potassium is a vitamin

<!-- potassium is a vitamin -->
- first item
- second &amp; last

> a quote line

| drug | use |
|------|-----|
| quinine | cramps |
"""


def test_markdown_masks_front_matter_code_comments_and_link_destinations():
    doc = parse(MD, Format.MARKDOWN)
    assert_masking_invariant(doc)
    assert "vitamin" not in doc.prose
    assert "nhs.uk" not in doc.prose
    assert "the NHS page" in doc.prose
    assert doc.links[0].url == "https://www.nhs.uk/conditions/leg-cramps/"
    assert doc.text(doc.links[0].span) == "the NHS page"
    assert doc.front_matter is not None and doc.text(doc.front_matter).startswith("---")
    assert [c.text for c in doc.comments] == ["<!-- potassium is a vitamin -->"]
    assert "second &     last" in doc.prose  # entity decoded in place, padded to its length


def test_markdown_blocks_and_kinds():
    doc = parse(MD, Format.MARKDOWN)
    kinds = [(b.kind, doc.prose[b.span.start:b.span.end].strip()) for b in doc.blocks]
    assert (BlockKind.HEADING, "Cramps   at   night") in kinds
    assert (BlockKind.LIST_ITEM, "first item") in kinds
    assert (BlockKind.QUOTE, "a quote line") in kinds
    assert (BlockKind.TABLE, "quinine") in kinds


def test_markdown_code_and_comments_are_not_linted():
    findings = lint_text(MD)
    assert not [f for f in findings if f.code.startswith("FAC")], findings


def test_markdown_finding_points_to_original_line_and_column():
    text = "# Title\n\nSome intro.\n\nYour **boyfriend**? No: reasons why your boyfriend twitches.\n"
    findings = [f for f in lint_text(text) if f.code == "QLT011"]
    assert len(findings) == 1
    f = findings[0]
    assert (f.start.line, f.start.column) == (5, 25)
    assert text.splitlines()[4][f.start.column - 1:f.end.column - 1] == f.text == "reasons why your boyfriend"


HTML = """<!DOCTYPE html>
<html><head><title>Potassium is a vitamin</title>
<style>p { text-indent: 2em; }</style></head>
<body>
<h1>Night &amp; day</h1>
<p class="potassium is a vitamin">Stretch&nbsp;the calf. Reasons why your boyfriend twitches.</p>
<script>var s = "potassium is a vitamin";</script>
<ul><li>one</li><li>two</li></ul>
<p>See <a href="https://medlineplus.gov/ency/article/003193.htm">MedlinePlus</a>.</p>
</body></html>
"""


def test_html_masks_head_script_style_and_attributes_and_decodes_entities():
    doc = parse(HTML, Format.HTML)
    assert_masking_invariant(doc)
    assert "vitamin" not in doc.prose
    assert "text-indent" not in doc.prose
    assert "Night &     day" in doc.prose
    assert "Stretch      the calf." in doc.prose
    assert doc.links[0].url == "https://medlineplus.gov/ency/article/003193.htm"
    assert doc.text(doc.links[0].span) == "MedlinePlus"
    kinds = [b.kind for b in doc.blocks]
    assert kinds.count(BlockKind.LIST_ITEM) == 2 and BlockKind.HEADING in kinds


def test_html_finding_positions_map_to_source():
    findings = [f for f in lint_text(HTML, "html") if f.code == "QLT011"]
    assert len(findings) == 1
    f = findings[0]
    line = HTML.splitlines()[f.start.line - 1]
    assert line[f.start.column - 1:f.end.column - 1] == "Reasons why your boyfriend"


def test_text_format_one_line_per_paragraph_and_bullets():
    text = "Title line\nFirst paragraph ends here.\nSecond paragraph ends here.\n  • item one;\n  • item two.\n"
    doc = parse(text, Format.TEXT)
    kinds = [b.kind for b in doc.blocks]
    assert kinds == [BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.LIST_ITEM]
    assert "•" not in doc.prose


def test_text_format_wrapped_paragraph_is_one_block():
    text = "This paragraph is wrapped by hand at a fixed\nwidth so that its lines end without any\npunctuation at all.\n"
    doc = parse(text, Format.TEXT)
    assert len(doc.blocks) == 1 and len(doc.sentences) == 1


def test_bom_is_not_part_of_the_text(run_cli, tmp_path):
    p = tmp_path / "bom.md"
    p.write_bytes("\ufeffReasons why your boyfriend twitches.\n".encode("utf-8"))
    result = run_cli("check", str(p), "--format", "json", "--select", "QLT011")
    assert result.code == 1
    f = result.json["findings"][0]
    assert (f["line"], f["column"]) == (1, 1)
