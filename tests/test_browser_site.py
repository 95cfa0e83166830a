"""The site as a keyboard user, a searcher and a phone user meet it (Debian's Chromium).

Search finds words beside brackets and quote marks; every control shows where the focus is;
the matrix keeps its filters in the address; pages pass axe at 1280 and 390 px. The site is
built and served once per session (``built_site`` and ``site_url`` in conftest.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

playwright = pytest.importorskip("playwright.sync_api")
CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium"),
]
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=DESKTOP)
    p = context.new_page()
    yield p
    context.close()


# ------------------------------------------------------------------------------ search


def _search(page: Any, site_url: str, query: str) -> list[str]:
    """Type ``query`` into the site's search box as a person would; the results, best first.

    Each result is a page with its matching sections under it: the links of one result are
    joined by spaces.
    """
    page.goto(site_url)
    box = page.locator("input.md-search__input")
    box.click()
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta');"
        " return m && m.textContent && !/Initializing/i.test(m.textContent); }",
        timeout=60000,
    )
    box.press_sequentially(query, delay=20)
    page.locator(".md-search-result__item a").first.wait_for(timeout=60000)
    page.wait_for_timeout(300)  # the list settles after the last key
    groups: list[list[str]] = page.eval_on_selector_all(
        ".md-search-result__list > li",
        "lis => lis.map(li => [...li.querySelectorAll('a')].map(a => a.getAttribute('href')))",
    )
    return [" ".join(re.sub(r"\?h=[^#]*", "", h) for h in g) for g in groups]


@pytest.mark.parametrize(
    ("query", "first"),
    [
        # a word right after a bracket: Crawley 9.1 "Elections (Purdah)"
        ("purdah", r"protocols/crawley/#crawley-9-1\b|glossary/#purdah\b"),
        # a word right after a curly quote mark: Southend 1.1.1 “Nolan Principles”
        ("Nolan", r"legislation/#nolan\b|#southend-1-1-1\b|obligations/nolan-principles-underpin/"),
        (
            "Nolan Principles",
            r"legislation/#nolan\b|#southend-1-1-1\b|obligations/nolan-principles-underpin/",
        ),
        # a word right after a slash: "Councillor/Officer"
        ("Officer Relations", r"protocols/(crawley|southend)/"),
        ("Monitoring Officer", r"glossary/#monitoring-officer\b"),
    ],
)
def test_search_puts_the_expected_result_first(
    page: Any, site_url: str, query: str, first: str
) -> None:
    hrefs = _search(page, site_url, query)
    assert hrefs, query
    assert re.search(first, hrefs[0]), (query, hrefs[:5])


def test_search_finds_purdah_in_brackets_among_the_results(page: Any, site_url: str) -> None:
    hrefs = _search(page, site_url, "purdah")
    assert any(re.search(r"protocols/crawley/#crawley-9-1\b", h) for h in hrefs), hrefs


def test_search_finds_nolan_after_a_curly_quote(page: Any, site_url: str) -> None:
    hrefs = _search(page, site_url, "Nolan")
    assert any(re.search(r"protocols/southend/#southend-1-1-1\b", h) for h in hrefs), hrefs


@pytest.mark.xfail(
    reason="obligation pages are left out of search until the page templates index them",
    strict=False,
)
def test_search_need_to_know_puts_the_obligation_first(page: Any, site_url: str) -> None:
    hrefs = _search(page, site_url, "need to know")
    assert hrefs and "obligations/need-to-know-principle/" in hrefs[0], hrefs[:5]
