"""Every council wording shown on the built site is an exact quote of its clause.

Wherever a page shows a council's words it marks them as an element with
``data-quote="<clause id>"``; its text content must be exactly that clause's text in
``data/protocols.json`` (white space normalised) and nothing else.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.page_quotes import normalised, quotes_in

# Page kinds that show wording, by the folder their pages are built into.
KINDS = {
    "protocol": "protocols",
    "obligation": "obligations",
    "compare": "compare",
    "changes": "changes",
}


def _kind(site: Path, page: Path) -> str | None:
    parts = page.relative_to(site).parts
    if len(parts) == 3 and parts[2] == "index.html":  # <folder>/<page>/index.html
        for kind, folder in KINDS.items():
            if parts[0] == folder:
                return kind
    return None


def test_quotes_are_parsed_with_nested_markup() -> None:
    html = (
        '<p><span data-quote="a-1">The <abbr title="x">Clerk</abbr> <mark>must</mark> '
        '<a href="#a-2">reply</a>.</span> <span class="carries">Carries</span></p>'
    )
    assert quotes_in(html) == [("a-1", "The Clerk must reply.")]


@pytest.mark.slow
def test_every_quote_on_every_page_is_its_clause_exactly(built_site: Path) -> None:
    data = json.loads((built_site / "data" / "protocols.json").read_text(encoding="utf-8"))
    texts = {c["id"]: normalised(c["text"]) for p in data["protocols"] for c in p["clauses"]}
    wrong: list[str] = []
    seen: dict[str, int] = dict.fromkeys(KINDS, 0)
    total = 0
    for page in sorted(built_site.rglob("*.html")):
        for clause, text in quotes_in(page.read_text(encoding="utf-8")):
            total += 1
            kind = _kind(built_site, page)
            if kind:
                seen[kind] += 1
            if clause not in texts:
                wrong.append(f"{page.relative_to(built_site)}: unknown clause {clause!r}")
            elif normalised(text) != texts[clause]:
                wrong.append(
                    f"{page.relative_to(built_site)}: {clause} shows {normalised(text)[:80]!r}, "
                    f"the clause says {texts[clause][:80]!r}"
                )
    assert not wrong, f"{len(wrong)} of {total} quotes differ:\n" + "\n".join(wrong[:20])
    assert all(seen.values()), f"a page kind shows no quote: {seen}"
