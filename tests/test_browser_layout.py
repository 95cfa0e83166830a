"""Layouts that must hold at the widths people use: nothing that scrolls sideways where a
reader expects to see it all, and tables that become cards on a phone."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.conftest import DESKTOP, PHONE, fresh_page

pytestmark = pytest.mark.slow


def test_matrix_fits_five_councils_on_a_laptop_screen(browser: Any, site_url: str) -> None:
    with fresh_page(browser, DESKTOP) as page:
        page.goto(site_url + "matrix/")
        widths = page.evaluate(
            "() => { const w = document.querySelector('.matrix-wrap');"
            " return [w.clientWidth, w.scrollWidth]; }"
        )
        assert widths[1] <= widths[0], f"the matrix scrolls sideways at 1280 px: {widths}"


def test_protocols_index_is_a_card_per_council_on_a_phone(browser: Any, site_url: str) -> None:
    with fresh_page(browser, PHONE) as page:
        page.goto(site_url + "protocols/")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        rows = page.locator(".cards tbody tr")
        assert rows.count() == 5
        first = rows.first
        assert first.evaluate("r => getComputedStyle(r).display") == "block"
        # Each line names its column, so a card reads without the hidden heading row.
        label = first.locator("td").first.evaluate("td => getComputedStyle(td, '::before').content")
        assert "Tier" in label
        assert page.locator(".cards table").evaluate("t => t.scrollWidth <= t.clientWidth + 1")


def test_protocols_index_filter_still_narrows_the_cards(browser: Any, site_url: str) -> None:
    with fresh_page(browser, PHONE) as page:
        page.goto(site_url + "protocols/")
        page.fill("#p-name", "crawley")
        assert page.locator(".cards tbody tr:visible").count() == 1
        assert "1 of 5" in page.locator("#p-count").inner_text()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_corrections_read_as_a_list_that_fits(
    browser: Any, site_url: str, viewport: dict[str, int]
) -> None:
    with fresh_page(browser, viewport) as page:
        page.goto(site_url + "corrections/")
        article = page.locator("article")
        assert page.locator("article table").count() == 0
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        # Obligations are named by their titles, linked; an id shows only as code, for the
        # replaced ones listed at the end.
        text = article.evaluate(
            "a => { const c = a.cloneNode(true);"
            " c.querySelectorAll('code').forEach(e => e.remove()); return c.textContent; }"
        )
        ids = re.findall(r"\b[a-z]+(?:-[a-z]+){3,}\b", text)
        assert not ids, ids[:5]


def test_the_not_found_page_offers_ways_on(built_site: Any) -> None:
    import lxml.html

    doc = lxml.html.fromstring((built_site / "404.html").read_bytes())
    article = doc.xpath("//article")[0]
    assert article.xpath("string(.//h1)") == "Page not found"
    hrefs = article.xpath(".//a/@href")
    assert any(h.endswith("/protocols/") for h in hrefs), hrefs
    assert any(h.endswith("/obligations/") for h in hrefs), hrefs


def test_a_replaced_obligation_page_names_obligations_by_title(built_site: Any) -> None:
    import lxml.html

    path = built_site / "obligations" / "staffing-committee-handles-personnel" / "index.html"
    article = lxml.html.fromstring(path.read_bytes()).xpath("//article")[0]
    for code in article.xpath(".//code"):
        code.drop_tree()
    text = " ".join(article.text_content().split())
    assert "This obligation has moved" in text
    assert not re.search(r"\b[a-z]+(?:-[a-z]+){3,}\b", text), text
