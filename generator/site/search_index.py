"""Search entries for protocol pages: one per clause, each linking to the clause's anchor.

The search plugin splits pages at headings only; protocols are cited by clause, so each clause
becomes its own entry (its number and council as the title, its text as the body).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from generator.core.links import protocol_page, url
from generator.core.types import Kind, Protocol

WHOLE_PAGE_ONLY = ("obligations/", "compare/", "changes/")
"""Folders whose pages are one search result each (their first section: title, statement,
facts): their sections repeat clause text that the protocol pages index clause by clause.
The folder's index page keeps its sections."""


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
    first: dict[tuple[bool, str], dict[str, Any]] = {}
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
            number = f"{c.label} " if c.label else ""
            if c.kind is Kind.HEADING:
                title, text = f"{number}{c.text}", ""
            else:
                where = c.heading[-1] if c.heading else p.meta.title
                title = f"{p.meta.council} {c.label or ''}".strip() + f" · {where}"
                text = f"<p>{html.escape(c.text, quote=False)}</p>"
            key = (c.kind is Kind.HEADING, title if c.kind is Kind.HEADING else c.text)
            if merge_identical and key in first:
                copies[id(first[key])] = copies.get(id(first[key]), 1) + 1
                continue
            entry = {
                "location": f"{base}#{c.id}",
                "title": html.escape(title, quote=False),
                "text": text,
            }
            first[key] = entry
            out.append(entry)
    for entry in out:
        n = copies.get(id(entry))
        if n and not entry["text"]:
            entry["title"] += f" (in {n} protocols)"
        elif n:
            entry["title"] += f" (and {n - 1} more protocol{'s' if n > 2 else ''})"
    return out
