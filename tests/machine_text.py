"""Text that reads as if a program wrote it, found in a built site's pages.

A page's visible text (its article, without the councils' quoted words, code, or hidden
text) is scanned for: doubled brackets, nested brackets, clause and obligation ids shown as
words, an
explanation repeating the phrase it explains, a label such as "i 4 para 6", and a heading
with nothing under it before the next heading of the same or a higher level or the end of
the article.

Each block (a paragraph, list item, table cell, heading, caption, term or definition, or any
other element with no block inside it) is read as its own text, as a reader reads it: a
phrase is "repeated" only when it repeats within one block, not when two neighbouring cells
or cards happen to say the same.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import lxml.html

SKIP = (
    ".//*[@data-quote]",  # the councils' own words, shown exactly as written
    ".//code",
    ".//pre",
    ".//script",
    ".//style",
    ".//*[contains(concat(' ', normalize-space(@class), ' '), ' visually-hidden ')]",
    ".//*[@hidden]",
)
# The text of the protocols' own tables (policy-details tables, rows) is theirs too.
PROTOCOL_SKIP = (".//table",)

CHECKS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("doubled brackets", re.compile(r"\(\(|\)\)")),
    ("nested brackets", re.compile(r"\([^()]*\([^()]*\)[^()]*\)")),
    ("a clause id shown as text", re.compile(r"\b[a-z]+(?:-[a-z]+)*(?:-[a-z0-9]+)*-\d+-\d+\b")),
    ("a label like 'i 4 para 6'", re.compile(r"\b[ivx]+ \d+ para \d+\b|\bpara \d+\b")),
    ("a phrase repeated in a row", re.compile(r"\b(\w+(?:\W+\w+){2,})\W+\1\b", re.IGNORECASE)),
    (
        "a bracket repeating its sentence's opening words",
        re.compile(r"(?:^|[.:]\s+)(\w+)\W+(\w+)\b[^()]*\(\s*\1\W+\2\b", re.IGNORECASE),
    ),
)


# Elements whose own text is read as one block; any other element is read as part of the
# block around it.
BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "caption",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "legend",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
# What is never visible, not even to the empty-heading check.
INVISIBLE = (".//script", ".//style", ".//template", ".//*[@hidden]")


def _drop(article: lxml.html.HtmlElement, selectors: tuple[str, ...]) -> None:
    for selector in selectors:
        for el in article.xpath(selector):
            el.drop_tree()  # keeps the text after it


def _own_text(el: lxml.html.HtmlElement) -> str:
    """The element's text without that of the blocks inside it (they are read on their own)."""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child.tag not in BLOCKS:
            parts.append(_own_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _texts(article: lxml.html.HtmlElement, protocol_page: bool) -> Iterator[str]:
    """The text of each block of the article, whitespace collapsed; empty blocks left out."""
    _drop(article, SKIP + (PROTOCOL_SKIP if protocol_page else ()))
    for el in article.iter():
        if el is article or (isinstance(el.tag, str) and el.tag in BLOCKS):
            text = " ".join(_own_text(el).split())
            if text:
                yield text


def _empty_headings(article: lxml.html.HtmlElement) -> Iterator[str]:
    heads = re.compile(r"^h[1-6]$")
    blocks = [el for el in article.iter() if isinstance(el.tag, str)]
    for i, el in enumerate(blocks):
        if not heads.match(el.tag):
            continue
        level = int(el.tag[1])
        for nxt in blocks[i + 1 :]:
            if nxt in el.iterdescendants():
                continue
            if heads.match(nxt.tag):
                if int(nxt.tag[1]) <= level:
                    yield " ".join(el.text_content().split())
                break
            content = ("p", "li", "table", "blockquote", "div", "ul", "ol", "details")
            if nxt.tag in content and (nxt.tag == "table" or nxt.text_content().strip()):
                break
        else:  # the article ends with nothing under the heading
            yield " ".join(el.text_content().split())


def _obligation_ids(site: Path) -> re.Pattern[str] | None:
    """The site's obligation ids (from its open data), as words to look for in the text: an
    id belongs in an address or a code span, never in a sentence."""
    data = site / "data" / "obligations.json"
    if not data.exists():
        return None
    ids = sorted((o["id"] for o in json.loads(data.read_text("utf-8"))["obligations"]), key=len)
    if not ids:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, reversed(ids))) + r")(?![\w-])")


def problems(site: Path) -> list[str]:
    """Every machine-looking piece of text in the site's pages, as 'page: what: text'."""
    out: list[str] = []
    checks = CHECKS
    ids = _obligation_ids(site)
    if ids is not None:
        checks = (*CHECKS, ("an obligation id shown as text", ids))
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(("assets/", "search/")) or rel == "404.html":
            continue
        doc = lxml.html.fromstring(path.read_bytes())
        found = doc.xpath("//article")
        if not found:
            continue
        article = found[0]
        _drop(article, INVISIBLE)
        out += [f"{rel}: an empty heading: {h}" for h in _empty_headings(article)]
        for text in _texts(article, rel.startswith("protocols/")):
            for what, pattern in checks:
                for m in pattern.finditer(text):
                    start = max(0, m.start() - 40)
                    out.append(f"{rel}: {what}: …{text[start : m.end() + 40]}…")
    return out


if __name__ == "__main__":
    import sys

    found = problems(Path(sys.argv[1]))
    print("\n".join(found))
    print(len(found), "problems")
