"""The site's search index: what each result is, and how results rank.

The search plugin (Material's, on lunr) splits pages at headings. Protocols are cited by clause,
so each clause of a protocol page becomes its own entry (its number and council as the title,
its text as the body), linking to the clause's anchor; obligation, comparison and changes pages
are one result each. Entries are written through the site's one Jinja environment
(``templates/search/``), so a clause's text reaches the index escaped like on its page.

How results rank (measured with ``python -m bench.search_ranking``, which types queries into the
built site in Chromium; each weight below says what it fixes):

- :data:`TITLE_BOOST`: a word in a result's title counts 5 times a word of its text, not
  Material's 1000 times, under which one title word outweighed all the words of a clause;
- :data:`SOURCE_BOOST`: protocol pages (the page and each clause), glossary terms and
  legislation entries rank like the pages that discuss them;
- :func:`separator`: stop words and single letters split words like spaces do. The search
  completes every word typed as a prefix (``the`` as ``the*``, matching "their", "theme",
  "then"...); stop words are not in the index, so as prefixes they matched only noise, and
  the "s" of "council's" matched every word starting with s.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from generator.core import links
from generator.core.links import protocol_page, url
from generator.core.types import Kind, Protocol
from generator.site.render import environment

WHOLE_PAGE_ONLY = ("obligations/", "compare/", "changes/")
"""Folders whose pages are one search result each (their first section: title, statement,
facts): their sections repeat clause text that the protocol pages index clause by clause.
The folder's index page keeps its sections."""

TITLE_BOOST = 5.0
"""How much more a word counts in a result's title than in its text (lunr's field boost;
Material's default is 1000). Measured with ``python -m bench.search_quality`` over every
obligation's title and 120 seven-word phrases from clauses: at 5, every obligation ranks first
for its own title and 115 phrases find their clause among the first 10 results; at 3, 8
obligations lose first place; at 8, 106 phrases find their clause, at 15, 95."""

SOURCE_BOOST = 3.0
"""The boost of every entry of a protocol page (the page and each clause), of the glossary and
of the legislation page: the words the site quotes and the terms it explains. Each clause
and term is a result in its own right, indexed as a section only so results group by page,
and Material ranks a section that matches all of a query's words up to 2.5 times below a page
that does (meant for a page's intro before its sections); the boost undoes that, and puts a
council's own protocol page before the comparisons and changes pages naming it."""

SOURCE_PAGES = (links.GLOSSARY, links.LEGISLATION)
"""With every protocol page."""

STOP_WORDS = """a able about across after all almost also am among an and any are as at be
    because been but by can cannot could dear did do does either else ever every for from get
    got had has have he her hers him his how however i if in into is it its just least let like
    likely may me might most must my neither no nor not of off often on only or other our own
    rather said say says she should since so some than that the their them then there these
    they this tis to too twas us wants was we were what when where which while who whom why
    will with would yet you your""".split()  # noqa: SIM905
"""lunr's English stop words (``lunr.stopWordFilter``, which the index already applies):
tests/test_search_index.py checks this list against the search worker's."""

_LETTER = "A-Za-z0-9\\u00c0-\\u024f\\u1e00-\\u1eff"
"""Letters and digits (Latin, with accents and Welsh's ŵ and ŷ) that a stop word must not
touch: "a" is a stop word, "aŵr" or "a1" is not."""


def _either_case(word: str) -> str:
    """``word`` as a JavaScript regular expression matching it in either case per letter
    (the separator is used without the ``i`` flag)."""
    return "".join(f"[{c.upper()}{c}]" for c in word)


def _trie(words: Sequence[str]) -> str:
    """One alternation matching exactly ``words``, sharing prefixes (``an``, ``and``,
    ``any``: ``[Aa][Nn](?:[Dd]|[Yy])?``), so the browser tries few branches per word."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for c in word:
            node = node.setdefault(c, {})
        node[""] = {}

    def alternation(node: dict[str, Any]) -> str:
        branches = [_either_case(c) + alternation(node[c]) for c in sorted(node) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" not in node:
            return body
        return (body if len(branches) > 1 else f"(?:{body})") + "?"

    return alternation(tree)


@functools.cache
def separator(base: str) -> str:
    """The search's word separator: ``base`` (mkdocs.yml's), and a stop word or a single
    letter standing as a word of its own, so neither reaches the search as a prefix."""
    alone = "(?:" + _trie(STOP_WORDS) + "|[A-Za-z])"
    not_letter = "[" + _LETTER + "])"
    return base + "|(?<!" + not_letter + alone + "(?!" + not_letter


def whole_pages_only(docs: Sequence[dict[str, Any]], directory_urls: bool) -> list[dict[str, Any]]:
    """``docs`` without the heading sections of pages in ``WHOLE_PAGE_ONLY``: one result per
    obligation, per comparison, per list of changes."""
    indexes = {
        url(f"{folder}index.md", directory_urls=directory_urls) for folder in WHOLE_PAGE_ONLY
    }
    out = []
    for doc in docs:
        base, _, anchor = str(doc.get("location", "")).partition("#")
        if anchor and base.startswith(WHOLE_PAGE_ONLY) and base not in indexes:
            continue
        out.append(doc)
    return out


def page_location(slug: str, directory_urls: bool) -> str:
    return url(protocol_page(slug), directory_urls=directory_urls)


@functools.cache
def _entry() -> Any:
    """The template of a search entry's title and body (``templates/search/entry.html.j2``)."""
    return environment().get_template("search/entry.html.j2").module


def clause_index(
    docs: Sequence[dict[str, Any]],
    protocols: Sequence[Protocol],
    directory_urls: bool,
    merge_identical: bool = False,
) -> list[dict[str, Any]]:
    """``docs`` with each protocol page's entries replaced by its page entry and its clauses.

    With ``merge_identical`` (many protocols), a clause whose text another protocol already
    has is not indexed again: the first entry's title says how many more protocols have it, so
    the index grows with the distinct wordings, not with every copy of a model clause.
    """
    pages = {page_location(p.slug, directory_urls): p for p in protocols}
    out: list[dict[str, Any]] = []
    clauses: list[tuple[dict[str, Any], str, str]] = []  # the entry, its title and text
    first: dict[tuple[bool, str], int] = {}
    copies: dict[int, int] = {}
    for doc in docs:
        location = str(doc.get("location", ""))
        base, _, anchor = location.partition("#")
        p = pages.get(base)
        if p is None:
            out.append(doc)
            continue
        if anchor:
            continue  # a heading section: replaced by the clause entries below
        out.append(doc)
        for c in p.clauses:
            heading = c.kind is Kind.HEADING
            if heading:
                title = f"{c.label} {c.text}" if c.label else c.text
            else:
                where = c.heading[-1] if c.heading else p.meta.title
                title = f"{p.meta.council} {c.label or ''}".strip() + f" · {where}"
            key = (heading, title if heading else c.text)
            if merge_identical and key in first:
                n = first[key]
                copies[n] = copies.get(n, 1) + 1
                continue
            entry = {"location": f"{base}#{c.id}", "title": "", "text": ""}
            first[key] = len(clauses)
            clauses.append((entry, title, "" if heading else c.text))
            out.append(entry)
    for n, (entry, title, text) in enumerate(clauses):  # now the copies are counted
        more = copies.get(n)
        if more and not text:
            title += f" (in {more} protocols)"
        elif more:
            title += f" (and {more - 1} more protocol{'s' if more > 2 else ''})"
        entry["title"] = str(_entry().title(title))
        entry["text"] = str(_entry().body(text)) if text else ""
    return out


def search_index(
    data: dict[str, Any],
    protocols: Sequence[Protocol],
    directory_urls: bool,
    merge_identical: bool = False,
) -> dict[str, Any]:
    """The search plugin's index ``data`` (``config`` and ``docs``) as the site serves it: a
    result per clause, per obligation, per comparison (:func:`clause_index`,
    :func:`whole_pages_only`), ranked as this module's docstring says. Where this module sets
    an entry's boost it replaces a ``search.boost`` from the page's front matter."""
    config = dict(data["config"])
    config["separator"] = separator(str(config["separator"]))
    fields = {name: dict(spec) for name, spec in config.get("fields", {}).items()}
    fields["title"] = {**fields.get("title", {}), "boost": TITLE_BOOST}
    config["fields"] = fields
    docs = clause_index(
        whole_pages_only(data["docs"], directory_urls), protocols, directory_urls, merge_identical
    )
    pages = [protocol_page(p.slug) for p in protocols] + list(SOURCE_PAGES)
    sources = {url(page, directory_urls=directory_urls) for page in pages}
    ranked = [
        {**doc, "boost": SOURCE_BOOST}
        if str(doc.get("location", "")).partition("#")[0] in sources
        else doc
        for doc in docs
    ]
    return {**data, "config": config, "docs": ranked}
