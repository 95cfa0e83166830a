"""Rendering a comparison: the standalone HTML page is accessible and self-contained, every
format escapes source text, and the site's origin pages are valid MkDocs Markdown."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from generator.diff.blocks import md_text
from generator.diff.compare import Comparison, compare
from generator.diff.render import Format, render
from generator.project import Project, load_project
from generator.site.diff_pages import ORIGINS, origin_diff_pages, page_path
from generator.sources.load import parse_protocol
from generator.sources.parse import parse_body

from .helpers import ROOT, SOURCES

EVIL = "<script>alert(1)</script> {: onclick=x } [click](javascript:alert(1)) *x* &amp;"
ESCAPED = md_text(EVIL)  # in the source Markdown, so the clause's text is EVIL itself

OLD = f"""\
# Protocol

## 1. Principles

1.1 Councillors should treat officers with courtesy.

1.2 Officers advise the council as a whole.

1.3 {ESCAPED}
"""
NEW = f"""\
# Protocol

## 1. Principles

1.1 Councillors must treat officers with courtesy.

1.2 The Clerk is the Proper Officer of the council.

1.3 Officers advise the council as a whole.

1.4 {ESCAPED} changed
"""


def comparison() -> Comparison:
    a, _ = parse_body("old", OLD)
    b, _ = parse_body("new", NEW)
    return compare(a, b, old_name="old <v1>.md", new_name="new & improved.md")


class Page(HTMLParser):
    """What an accessibility review looks at: language, headings, ids, links, resources."""

    def __init__(self) -> None:
        super().__init__()
        self.lang: str | None = None
        self.headings: list[int] = []
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.tags: list[str] = []
        self.external: list[str] = []
        self.attributes: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.tags.append(tag)
        self.attributes.update(values)
        if tag == "html":
            self.lang = values.get("lang")
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if values.get("id"):
            self.ids.add(str(values["id"]))
        if tag == "a" and values.get("href"):
            self.links.append(str(values["href"]))
        for key in ("src", "href"):
            value = values.get(key) or ""
            if re.match(r"(?i)(https?:)?//|javascript:", value):
                self.external.append(value)
        if tag in ("link", "img", "iframe", "object", "embed") or (
            tag == "script" and "src" in values
        ):
            self.external.append(tag)


def parse_page(text: str) -> Page:
    page = Page()
    page.feed(text)
    return page


def test_html_page_is_accessible_and_self_contained() -> None:
    html = render(comparison(), Format.HTML)
    page = parse_page(html)
    assert page.lang == "en-GB"
    assert page.headings[0] == 1
    for before, after in zip(page.headings, page.headings[1:], strict=False):
        assert after <= before + 1, page.headings  # no skipped heading levels
    assert not page.external
    assert "script" not in page.tags
    for link in page.links:
        assert link.startswith("#") and link[1:] in page.ids, link
    assert "How to read the changes" in html  # the legend
    assert "[deleted: " in html and "[inserted: " in html  # not colour alone
    assert "Inline view" in html and "Side-by-side view" in html
    assert "<table>" in html and 'scope="col"' in html


def test_html_change_list_links_to_each_change() -> None:
    html = render(comparison(), Format.HTML)
    n = len(re.findall(r'<li><a href="#change-\d+">', html))
    assert n == len(re.findall(r'<article id="change-\d+"', html)) >= 3


@pytest.mark.parametrize("fmt", [Format.HTML, Format.MARKDOWN])
def test_source_text_is_escaped(fmt: Format) -> None:
    out = render(comparison(), fmt)
    assert "<script>" not in out
    assert "&lt;script&gt;" in out
    assert "old &lt;v1&gt;" in out and "new &amp; improved" in out
    if fmt is Format.MARKDOWN:
        assert "\\[click\\]\\(javascript:" in out  # a link never forms
    else:
        assert not parse_page(out).external


def test_markdown_output_renders_without_markup_from_the_source() -> None:
    html = markdown.markdown(render(comparison(), Format.MARKDOWN), extensions=["tables"])
    page = parse_page(html)
    assert "script" not in page.tags and not page.external
    assert "onclick" not in page.attributes
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "*x*" in html  # shown as typed, not emphasis


def test_json_keeps_text_as_data() -> None:
    data = json.loads(render(comparison(), Format.JSON))
    texts = [c.get("old_text", "") for c in data["changes"]]
    assert any(EVIL in t for t in texts)


# --- origin pages ------------------------------------------------------------------------

MKDOCS_EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition", "toc"]


def project() -> Project:
    loaded, problems = load_project(ROOT)
    assert not [p for p in problems if p.severity.value == "error"], problems
    return loaded


def test_origin_pages_for_each_pair() -> None:
    pages = origin_diff_pages(project())
    assert sorted(pages) == [
        "changes/farnham-from-west-mersea.md",
        "changes/index.md",
        "changes/vale-of-grwyney-from-west-mersea.md",
    ]
    farnham = pages["changes/farnham-from-west-mersea.md"]
    assert farnham.startswith('---\ntitle: "What Farnham Town Council changed from the model"\n')
    assert "\n# What Farnham Town Council changed from the model\n" in farnham
    assert "## Summary" in farnham and "## Changes" in farnham


@pytest.mark.parametrize("origin", ORIGINS, ids=[o.council for o in ORIGINS])
def test_origin_page_renders_with_the_site_extensions(origin: object) -> None:
    loaded = project()
    content = origin_diff_pages(loaded)[page_path(origin)]  # type: ignore[arg-type]
    assert isinstance(content, str)
    if content.startswith("---\n"):  # front matter is MkDocs's, not the page's Markdown
        content = content.split("\n---\n", 1)[1]
    html = markdown.markdown(content, extensions=MKDOCS_EXTENSIONS)
    page = parse_page(html)
    assert page.headings[0] == 1 and page.headings.count(1) == 1
    assert not page.external and "script" not in page.tags
    assert "diff-legend" in html
    clause_ids = {c.id for p in loaded.protocols for c in p.clauses}
    for link in page.links:
        target, _, anchor = link.partition("#")
        if target:
            assert re.fullmatch(r"\.\./protocols/[a-z-]+\.md", target), link
            assert not anchor or anchor in clause_ids, link
        else:
            assert anchor in page.ids, link


def test_origin_page_escapes_source_text(tmp_path: Path) -> None:
    protocols = []
    for slug in ("west-mersea", "farnham"):
        text = (SOURCES / f"{slug}.md").read_text(encoding="utf-8")
        if slug == "farnham":
            text = text.replace(
                "3.9 Officers have the right", f"3.9 {ESCAPED} Officers have the right"
            )
        protocol, problems = parse_protocol(f"{slug}.md", text.encode())
        assert protocol is not None, problems
        protocols.append(protocol)
    fake = Project(tmp_path, tuple(protocols), None)
    content = origin_diff_pages(fake)["changes/farnham-from-west-mersea.md"]
    html = markdown.markdown(content, extensions=MKDOCS_EXTENSIONS)
    page = parse_page(html)
    assert "script" not in page.tags and not page.external
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "onclick" not in page.attributes
    assert "{: onclick=x }" in html  # shown as typed, not read as attributes


def test_origin_pages_skip_missing_protocols(tmp_path: Path) -> None:
    assert origin_diff_pages(Project(tmp_path, (), None)) == {}


def test_text_output_cannot_drive_the_terminal() -> None:
    a, _ = parse_body("old", "# P\n\n## A\n\n1.1 Officers reply promptly.\n")
    b, _ = parse_body(
        "new", "# P\n\n## A\n\n1.1 Officers reply \x1b[2J\x1b]0;owned\x07 promptly.\n"
    )
    out = render(compare(a, b), Format.TEXT, color=True)
    assert "\x1b[2J" not in out and "\x07" not in out
    assert "\\x1b[2J" in out
