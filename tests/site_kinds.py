"""The kinds of page a built site holds, read from the site itself, with the pages to check.

A page's kind is its place in the folder tree: ``home`` (the site's root), a top-level folder
(``matrix``, ``protocols``), a page one level under one (``protocols/*``), and so on; an
obligation's old address that now says where it went is its own kind (``obligations/*
(replaced)``, read from ``data/obligations.json``); a top-level HTML file other than the home
page (``404.html``) is a kind named after it. A new kind of page cannot be missed: it is found
here as soon as the site builds it, and so checked.
"""

from __future__ import annotations

import json
from pathlib import Path

EVERY_PAGE_OF = frozenset({"protocols/*", "model/*"})
"""Kinds where each page differs in shape (each protocol's own structure, each kind of
council's model): every page is checked, not one."""

EXPECTED = frozenset(
    {
        "home",
        "404",
        "protocols",
        "protocols/*",
        "obligations",
        "obligations/*",
        "obligations/* (replaced)",
        "compare",
        "compare/*",
        "matrix",
        "themes",
        "glossary",
        "legislation",
        "model",
        "model/*",
        "changes",
        "changes/*",
        "corrections",
        "check",
        "draft",
        "open-data",
        "methodology",
        "accessibility",
    }
)
"""Kinds the real site must build: one missing is a page gone (or renamed unnoticed)."""


def page_kinds(site: Path) -> dict[str, list[str]]:
    """Every kind of page in ``site`` (a built ``site/`` folder), with all its pages' paths
    relative to the site's root, as a browser asks for them ('' for the home page,
    'protocols/southend/', '404.html'); sorted."""
    replaced: set[str] = set()
    data = site / "data" / "obligations.json"
    if data.exists():
        replaced = {r["id"] for r in json.loads(data.read_text(encoding="utf-8"))["replaced"]}
    kinds: dict[str, list[str]] = {}
    for index in sorted(site.rglob("index.html")):
        parts = index.parent.relative_to(site).parts
        if parts and parts[0] in ("assets", "javascripts", "stylesheets", "search", "data"):
            continue
        if not parts:
            kind = "home"
        else:
            kind = parts[0] + "/*" * (len(parts) - 1)
            if parts[0] == "obligations" and len(parts) == 2 and parts[1] in replaced:
                kind += " (replaced)"
        kinds.setdefault(kind, []).append("".join(p + "/" for p in parts))
    for html in sorted(site.glob("*.html")):
        if html.name != "index.html":
            kinds.setdefault(html.stem, []).append(html.name)
    return kinds


def samples(kinds: dict[str, list[str]]) -> list[tuple[str, str]]:
    """(kind, path) to check: the first page of each kind, or every page of the kinds in
    ``EVERY_PAGE_OF``."""
    return [
        (kind, path)
        for kind, paths in sorted(kinds.items())
        for path in (paths if kind in EVERY_PAGE_OF else paths[:1])
    ]
