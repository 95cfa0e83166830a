"""What the site's search shows, query by query, in Chromium: the first results and where the
expected one ranks.

    python -m bench.search_ranking               # the built site in site/ (make site)
    python -m bench.search_ranking --site DIR    # another build, e.g. to compare two commits
    python -m bench.search_ranking --json OUT    # also write the results as JSON

Each query is typed into the search box as a person would, after the search has loaded its
index; the result list is read as it is shown (a result per page, its matching clauses or
sections under it; the first 10 pages are shown until the list is scrolled). For each query
it prints the rank of the first result holding the expected address (1 = first; "-" = not
shown) and the first results: the page, and the best section under it when there is one.
Debian's Chromium is used (as by the browser tests); nothing is fetched from outside.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from tests.conftest import ARGS, CHROMIUM, DESKTOP, serving

from .synth import ROOT

QUERIES: list[tuple[str, str]] = [
    # (what is typed, the address expected among the results: a regular expression)
    ("copy correspondence from an Officer to other", r"protocols/southend/#southend-9-1-15$"),
    ("Nolan", r"protocols/southend/#southend-1-1-1$"),
    ("Monitoring Officer", r"glossary/#monitoring-officer$"),
    ("need to know", r"obligations/need-to-know-principle/$"),
    ("Nolan Principles", r"obligations/nolan-principles-underpin/$|legislation/#nolan$"),
    ("pre-election publicity", r"obligations/pre-election-publicity/$"),
    ("close personal familiarity", r"obligations/avoid-close-personal-familiarity/$"),
    ("press releases", r"obligations/[a-z-]*press-releases/$"),
    ("head of paid service", r"obligations/head-of-paid-service-line-management/$"),
    ("ward councillors", r"obligations/keep-ward-councillors-informed/$"),
    (
        "disclosure of confidential information",
        r"obligations/councillors-keep-information-confidential/$",
    ),
    ("officer impartiality", r"obligations/(chairs|councillors)-respect-officer-impartiality/$"),
    ("purdah", r"protocols/crawley/#crawley-9-1$"),
    ("Officer Relations", r"protocols/(crawley|southend)/"),
    ("political group", r"glossary/#political-group$"),
    ("Chair", r"glossary/#chair$"),
    ("matrix", r"^matrix/$"),
    ("accessibility", r"^accessibility/$"),
    ("Vale of Grwyney", r"^protocols/vale-of-grwyney/$"),
]


@dataclass(frozen=True)
class Ranked:
    query: str
    expected: str
    rank: int | None
    """1 for the first result shown; None when no result shown holds the expected address."""
    shown: int
    first: list[str]
    """The first 10 results: the page, then its best section (``page -> section``)."""
    seconds: float
    """From the last key to the results settling."""
    ready_s: float
    """From loading the page to the search being ready (its worker loads and indexes the
    index in the background as the page loads)."""


def _wait_ready(page: Any) -> None:
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta');"
        " return m && m.textContent && !/Initializing/i.test(m.textContent); }",
        timeout=120000,
    )


def search(page: Any, base: str, query: str, expected: str) -> Ranked:
    """Type ``query`` into a fresh page's search box; what the result list shows."""
    page.goto(base)
    box = page.locator("input.md-search__input")
    box.click()
    _wait_ready(page)
    ready_s = page.evaluate("performance.now()") / 1000  # since the page started loading
    box.press_sequentially(query, delay=20)
    started = page.evaluate("performance.now()")
    page.locator(".md-search-result__item a").first.wait_for(timeout=60000)
    page.wait_for_timeout(300)  # the list settles after the last key
    seconds = (page.evaluate("performance.now()") - started) / 1000 - 0.3
    groups: list[list[str]] = page.eval_on_selector_all(
        ".md-search-result__list > li",
        "lis => lis.map(li => [...li.querySelectorAll('a')]"
        ".map(a => new URL(a.href).pathname.slice(1) + new URL(a.href).hash))",
    )
    base_path = re.sub(r"^https?://[^/]+/", "", base)
    groups = [[h.removeprefix(base_path) for h in g] for g in groups]
    want = re.compile(expected)
    rank = next((i + 1 for i, g in enumerate(groups) if any(want.search(h) for h in g)), None)
    first = [g[0] + (f" -> {g[1].split('#', 1)[1]}" if len(g) > 1 else "") for g in groups[:10]]
    return Ranked(
        query, expected, rank, len(groups), first, round(max(seconds, 0), 2), round(ready_s, 2)
    )


def run(site: Path, queries: list[tuple[str, str]]) -> list[Ranked]:
    from playwright.sync_api import sync_playwright

    with serving(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context(viewport=DESKTOP)  # type: ignore[arg-type]
        page = context.new_page()
        try:
            return [search(page, base, q, e) for q, e in queries]
        finally:
            browser.close()


def report(results: list[Ranked]) -> str:
    lines = []
    for r in results:
        rank = "-" if r.rank is None else str(r.rank)
        lines.append(f"{r.query!r}: expected {r.expected} at {rank} of {r.shown} shown")
        lines += [f"  {i}. {h}" for i, h in enumerate(r.first, 1)]
    ready = sorted(r.ready_s for r in results)
    lines.append(f"search ready after loading the page: median {ready[len(ready) // 2]:.2f} s")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.search_ranking",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="a built site")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    if not (args.site / "search" / "search_index.json").exists():
        print(f"{args.site}: no search/search_index.json; build the site first (make site)")
        return 2
    if not CHROMIUM.exists():
        print(f"{CHROMIUM} is needed (make system-deps)")
        return 2
    results = run(args.site, QUERIES)
    print(report(results))
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
