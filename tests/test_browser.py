"""The site in a real browser (Debian's Chromium driven by Playwright), as a reader uses it.

The site is built and served once per session (``site_url`` in conftest.py).
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.conftest import DESKTOP, PHONE, axe_violations, fresh_page, matrix_rows, site_search

pytestmark = pytest.mark.slow


def _first(built_site: Path, folder: str) -> str:
    return sorted(
        d.name
        for d in (built_site / folder).iterdir()
        if d.is_dir() and (d / "index.html").exists()
    )[0]


def _sample_pages(built_site: Path) -> list[str]:
    compare = next(d.name for d in sorted((built_site / "compare").iterdir()) if "--" in d.name)
    return [
        "",
        "protocols/southend/",
        f"obligations/{_first(built_site, 'obligations')}/",
        "matrix/",
        f"compare/{compare}/",
        *(f"changes/{d.name}/" for d in sorted((built_site / "changes").iterdir()) if d.is_dir()),
    ]


def test_headings_are_in_order(page: Any, site_url: str, built_site: Path) -> None:
    for path in _sample_pages(built_site):
        page.goto(site_url + path)
        levels = page.eval_on_selector_all(
            "article h1, article h2, article h3, article h4, article h5, article h6",
            "els => els.map(e => Number(e.tagName[1]))",
        )
        assert levels[0] == 1, path
        assert levels.count(1) == 1, path
        for before, after in itertools.pairwise(levels):
            assert after <= before + 1, f"/{path}: h{before} then h{after}"


def test_clause_link_from_an_obligation_lands_on_the_highlighted_clause(
    page: Any, site_url: str, built_site: Path
) -> None:
    page.goto(site_url + f"obligations/{_first(built_site, 'obligations')}/")
    link = page.locator("article .quote .source a").first
    href = link.get_attribute("href")
    assert href and "#" in href
    clause_id = href.split("#", 1)[1]
    link.click()
    page.wait_for_url(re.compile(f"#{re.escape(clause_id)}$"))
    target = page.locator(f"[id='{clause_id}']")
    assert target.evaluate("e => e.matches(':target')")
    assert target.is_visible()
    style = target.evaluate(
        "e => [getComputedStyle(e).outlineStyle, getComputedStyle(e, '::before').content]"
    )
    assert style[0] != "none"
    assert "You are here" in style[1]
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < DESKTOP["height"]


def test_every_clause_link_is_reachable_by_keyboard(page: Any, site_url: str) -> None:
    page.goto(site_url + "protocols/farnham/")
    link = page.locator("a.clause-link").first
    link.focus()
    assert page.evaluate("document.activeElement.classList.contains('clause-link')")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == link.get_attribute("href")


def test_matrix_filters_by_theme_who_and_difference(page: Any, site_url: str) -> None:
    page.goto(site_url + "matrix/")
    total = len(matrix_rows(page))
    assert total > 1
    assert page.locator("#matrix-filters").is_visible()
    theme = page.eval_on_selector("#f-theme option:nth-child(2)", "o => o.value")
    page.select_option("#f-theme", theme)
    rows = matrix_rows(page)
    assert 0 < len(rows) < total
    assert {r["theme"] for r in rows} == {theme}
    assert page.locator("#f-count").inner_text() == f"Showing {len(rows)} of {total} obligations"
    page.select_option("#f-theme", "")
    who = page.eval_on_selector("#f-who option:nth-child(2)", "o => o.value")
    page.select_option("#f-who", who)
    assert {r["who"] for r in matrix_rows(page)} <= {who, "both"}  # "both" binds them too
    page.select_option("#f-who", "")
    page.check("#f-differs")
    rows = matrix_rows(page)
    assert rows and {r["differs"] for r in rows} == {"yes"}


def test_matrix_sorts_by_a_protocol_column(page: Any, site_url: str) -> None:
    page.goto(site_url + "matrix/")
    header = page.locator("#matrix thead th").nth(3)
    header.locator("button.sort").click()  # the council's name beside it stays a link
    assert header.get_attribute("aria-sort") in ("ascending", "descending")
    values = page.eval_on_selector_all(
        "#matrix tbody tr", "rs => rs.map(r => Number(r.cells[3].dataset.sort))"
    )
    assert values == sorted(values) or values == sorted(values, reverse=True)


def test_matrix_reads_without_javascript(browser: Any, site_url: str) -> None:
    with fresh_page(browser, PHONE, java_script_enabled=False) as page:
        page.goto(site_url + "matrix/")
        assert not page.locator("#matrix-filters").is_visible()
        assert page.locator("#matrix caption").is_visible()
        assert page.locator("#matrix tbody tr").count() > 1
        first_cell = page.locator("#matrix tbody tr").first.locator("th")
        assert first_cell.is_visible()


def test_matrix_on_a_phone_keeps_the_obligation_column_in_view(browser: Any, site_url: str) -> None:
    with fresh_page(browser, PHONE) as page:
        page.goto(site_url + "matrix/")
        wrap = page.locator(".matrix-wrap")
        wrap.evaluate("w => w.scrollLeft = 400")
        th = page.locator("#matrix tbody tr").first.locator("th")
        box, outer = th.bounding_box(), wrap.bounding_box()
        assert box and outer and abs(box["x"] - outer["x"]) < 3
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_search_finds_a_clause_by_a_phrase_and_links_to_its_anchor(
    page: Any, site_url: str, built_site: Path
) -> None:
    data = json.loads((built_site / "data" / "protocols.json").read_text())
    southend = next(p for p in data["protocols"] if p["id"] == "southend")
    clause = next(c for c in southend["clauses"] if c["id"] == "southend-9-1-15")
    phrase = " ".join(clause["text"].split()[3:10])  # "copy correspondence from an Officer..."
    results = site_search(page, site_url, phrase)
    wanted = re.compile(r"/protocols/southend/#southend-9-1-15$")
    assert any(wanted.search(h) for r in results for h in r.split()), results


def test_protocol_prints_without_navigation(page: Any, site_url: str) -> None:
    page.goto(site_url + "protocols/crawley/")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", "a.clause-link"):
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator("article").is_visible()


# ---------------------------------------------------------------- at scale (30 protocols)


def test_protocol_index_filters_by_council_name_and_tier(page: Any, scale_url: str) -> None:
    page.goto(scale_url + "protocols/")
    total = page.locator(".md-typeset table tbody tr").count()
    assert total >= 30
    page.fill("#p-name", "southend")
    shown = page.locator(".md-typeset table tbody tr:not([hidden])")
    names = shown.evaluate_all("rs => rs.map(r => r.cells[0].textContent)")
    assert names and all("southend" in n.lower() for n in names)
    assert page.locator("#p-count").inner_text() == f"Showing {len(names)} of {total} protocols"
    page.fill("#p-name", "")
    page.select_option("#p-tier", "town")
    tiers = shown.evaluate_all("rs => rs.map(r => r.cells[1].textContent.trim().toLowerCase())")
    assert 0 < len(tiers) < total and set(tiers) == {"town"}


def test_matrix_shows_the_councils_chosen(page: Any, scale_url: str) -> None:
    page.goto(scale_url + "matrix/")
    assert page.locator("#matrix-chooser").is_visible()
    options = page.eval_on_selector_all("#m-councils option", "os => os.map(o => o.value)")
    assert len(options) >= 30
    chosen = [options[0], options[12], options[29]]  # one shown at first, two loaded
    page.select_option("#m-councils", chosen)
    page.click("#matrix-chooser button")
    expect(page.locator("#m-status")).to_have_text("Showing 3 councils.")
    caption = page.locator("#matrix caption").inner_text()
    assert re.match(r"Obligations by protocol: \d+ obligations, 3 of 30 protocols\.", caption)
    heads = page.eval_on_selector_all(
        "#matrix thead th:not([hidden])", "hs => hs.map(h => h.textContent.trim())"
    )
    assert len(heads) == 3 + 3  # obligation, theme, who, and the three councils
    rows = page.locator("#matrix tbody tr")
    cells = rows.first.locator("td:not([hidden])").count()
    assert cells == 2 + 3  # theme, who, three councils
    assert not axe_violations(page)
    url = page.locator("#matrix tbody td[data-added] a").first.evaluate("a => a.href")
    page.goto(url)  # a loaded column's link lands on the clause
    anchor = url.split("#")[1]
    assert page.locator(f"[id='{anchor}']").count() == 1


def test_compare_chooser_loads_the_pair_in_the_page(page: Any, scale_url: str) -> None:
    page.goto(scale_url + "compare/")
    assert not page.locator(".no-js-note").first.is_visible()
    options = page.eval_on_selector_all("#pair-a option", "os => os.map(o => o.value)")
    assert len(options) >= 30
    page.select_option("#pair-a", options[3])
    page.select_option("#pair-b", options[20])
    page.click("#pair-chooser button")
    heading = page.locator("#pair-result h2")
    expect(heading).to_contain_text(" compared")
    assert page.url.endswith(f"#{options[3]}--{options[20]}")
    assert page.locator("#pair-result .pair").count() > 10
    assert page.locator("#pair-result .wordiff [data-quote] mark").count() > 0
    assert page.locator("#pair-result del, #pair-result ins").count() == 0
    # Each side's clauses are listed as the static pages list them ('clauses 6.1 and 6.2').
    refs = page.eval_on_selector_all(
        "#pair-result .side > p:last-child", "es => es.map(e => e.textContent)"
    )
    assert refs and not [r for r in refs if ", " in r and " and " not in r], refs[:5]
    assert not [r for r in refs if re.match(r"clause [\w.]+, clause [\w.]+$", r)], refs[:5]
    quotes = page.eval_on_selector_all(
        "#pair-result [data-quote]", "es => es.map(e => [e.dataset.quote, e.textContent])"
    )
    data = page.evaluate(f"async () => (await fetch('{scale_url}data/protocols.json')).json()")
    texts = {c["id"]: " ".join(c["text"].split()) for p in data["protocols"] for c in p["clauses"]}
    assert quotes and all(texts[cid] == " ".join(text.split()) for cid, text in quotes)
    assert not axe_violations(page)
