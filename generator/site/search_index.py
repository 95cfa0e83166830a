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
- :data:`OWN_RESULT_BOOST`: clauses, glossary terms and legislation entries are results in their
  own right, indexed as sections of their page only so results group by page;
- :data:`LISTING_BOOST`: pages that list other pages' titles (the matrix, the obligations
  index) rank below the pages they list;
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
from generator.site.pages_history import CORRECTIONS
from generator.site.pages_review import CHECK
from generator.site.render import environment

WHOLE_PAGE_ONLY = ("obligations/", "compare/", "changes/")
"""Folders whose pages are one search result each (their first section: title, statement,
facts): their sections repeat clause text that the protocol pages index clause by clause.
The folder's index page keeps its sections."""

TITLE_BOOST = 5.0
"""How much more a word counts in a result's title than in its text (lunr's field boost;
Material's default is 1000). At 1000 a phrase copied from a clause found the obligations
sharing one of its words in their titles and not the clause; much below 5, an obligation no
longer ranks first for the words of its own title."""

OWN_RESULT_BOOST = 3.0
"""Clauses, glossary terms and legislation entries. Material ranks a page that matches all of
a query's words up to 2.5 times above a section of a page that does (a page's intro is
meant to come before its sections); these sections are results in their own right, so the
boost gives them a page's weight."""

LISTING_BOOST = 0.3
"""Pages (and their sections) that list other pages' titles and statements: found by their
own words, but ranked below the obligation pages they list, which otherwise they outrank
(long pages that hold every word of a query)."""

LISTING_PAGES = (
    links.MATRIX,
    links.THEMES,
    links.OBLIGATIONS_INDEX,
    CORRECTIONS,
    CHECK,
)

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
    clauses: list[tuple[dict[str, Any], str, bool]] = []  # entry, plain title, a heading
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
            entry = {"location": f"{base}#{c.id}", "title": "", "text": "" if heading else c.text}
            first[key] = len(clauses)
            clauses.append((entry, title, heading))
            out.append(entry)
    for n, (entry, title, heading) in enumerate(clauses):
        more = copies.get(n)
        if more and heading:
            title += f" (in {more} protocols)"
        elif more:
            title += f" (and {more - 1} more protocol{'s' if more > 2 else ''})"
        entry["title"] = str(_entry().title(title))
        entry["text"] = str(_entry().body(entry["text"])) if entry["text"] else ""
    return out


def _boost(location: str, own: set[str], listings: set[str]) -> float | None:
    """The boost of the entry at ``location``: None for the usual weight."""
    page, _, anchor = location.partition("#")
    if anchor and page in own:
        return OWN_RESULT_BOOST
    if page in listings:
        return LISTING_BOOST
    return None


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
    at = functools.partial(url, directory_urls=directory_urls)
    own = {at(protocol_page(p.slug)) for p in protocols} | {
        at(links.GLOSSARY),
        at(links.LEGISLATION),
    }
    listings = {at(page) for page in LISTING_PAGES}
    ranked = []
    for doc in docs:
        boost = _boost(str(doc.get("location", "")), own, listings)
        ranked.append(doc if boost is None else {**doc, "boost": boost})
    return {**data, "config": config, "docs": ranked}
