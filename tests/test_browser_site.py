"""The site as a keyboard user, a searcher and a phone user meet it (Debian's Chromium).

Search finds words beside brackets and quote marks; every control shows where the focus is;
the matrix keeps its filters in the address (axe on every kind of page: test_browser_pages.py).
The site is built and served once per session (``built_site`` and ``site_url`` in conftest.py).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.conftest import DESKTOP, PHONE, fresh_page, matrix_rows, site_search

pytestmark = pytest.mark.slow


# ------------------------------------------------------------------------------ search


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
    ],
)
def test_search_puts_the_expected_result_first(
    page: Any, site_url: str, query: str, first: str
) -> None:
    hrefs = site_search(page, site_url, query)
    assert hrefs, query
    assert re.search(first, hrefs[0]), (query, hrefs[:5])


def test_search_finds_purdah_in_brackets_among_the_results(page: Any, site_url: str) -> None:
    hrefs = site_search(page, site_url, "purdah")
    assert any(re.search(r"protocols/crawley/#crawley-9-1\b", h) for h in hrefs), hrefs


def test_search_finds_nolan_after_a_curly_quote(page: Any, site_url: str) -> None:
    hrefs = site_search(page, site_url, "Nolan")
    assert any(re.search(r"protocols/southend/#southend-1-1-1\b", h) for h in hrefs), hrefs


# Ten questions a clerk or a resident asks, and the page that answers each: an obligation's
# page ranks first for the words of its own title (generator/site/search_index.py ranks them).
TEN_QUERIES = [
    ("need to know", r"obligations/need-to-know-principle/"),
    ("Nolan", r"obligations/nolan-principles-underpin/|legislation/#nolan\b|#southend-1-1-1\b"),
    ("pre-election publicity", r"obligations/pre-election-publicity/"),
    ("close personal familiarity", r"obligations/avoid-close-personal-familiarity/"),
    ("press releases", r"obligations/[a-z-]*press-releases/"),
    ("head of paid service", r"obligations/head-of-paid-service-line-management/"),
    ("ward councillors", r"obligations/keep-ward-councillors-informed/"),
    (
        "disclosure of confidential information",
        r"obligations/councillors-keep-information-confidential/",
    ),
    ("officer impartiality", r"obligations/(chairs|councillors)-respect-officer-impartiality/"),
    ("purdah", r"protocols/crawley/#crawley-9-1\b|glossary/#purdah\b"),
]


def test_search_need_to_know_puts_the_obligation_first(page: Any, site_url: str) -> None:
    hrefs = site_search(page, site_url, "need to know")
    assert hrefs and "obligations/need-to-know-principle/" in hrefs[0], hrefs[:5]


@pytest.mark.parametrize(("query", "first"), TEN_QUERIES)
def test_search_ten_queries_first_result(page: Any, site_url: str, query: str, first: str) -> None:
    hrefs = site_search(page, site_url, query)
    assert hrefs and re.search(first, hrefs[0]), (query, hrefs[:5])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # a word right after a slash: "Councillor/Officer"
        ("Officer Relations", r"protocols/(crawley|southend)/"),
        # a glossary entry, among the obligations whose titles name the role
        ("Monitoring Officer", r"glossary/#monitoring-officer\b"),
    ],
)
def test_search_finds_among_the_first_results(
    page: Any, site_url: str, query: str, expected: str
) -> None:
    hrefs = site_search(page, site_url, query)
    assert any(re.search(expected, h) for h in hrefs[:5]), (query, hrefs[:5])


# ---------------------------------------------------------------------- keyboard and focus

DESCRIBE = """(e) => {
  // inside a box clipped to almost nothing (a visually hidden heading row, say)
  const clipped = (el) => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const b = a.getBoundingClientRect();
      const st = getComputedStyle(a);
      if ((b.width < 4 || b.height < 4) && (st.overflow !== 'visible' || st.clip !== 'auto'))
        return true;
    }
    return false;
  };
  const s = getComputedStyle(e);
  const r = e.getBoundingClientRect();
  return {
    what: e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' ' +
      String(e.className).slice(0, 40) + ' "' + (e.textContent || '').trim().slice(0, 30) + '"',
    outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth),
    outlineColor: s.outlineColor, shadow: s.boxShadow,
    width: r.width, height: r.height,
    visible: e.checkVisibility({checkOpacity: true, checkVisibilityCSS: true}) &&
      r.width >= 4 && r.height >= 4 && !clipped(e),
  };
}"""
"""How an element looks while it has the focus: its outline, its ring, whether it is seen."""

FOCUS = f"""() => {{
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  return ({DESCRIBE})(e);
}}"""
"""How the element with the focus looks (None when nothing has it)."""

EVERY_STOP = f"""async () => {{
  const describe = {DESCRIBE};
  const PER_PLACE = 5;
  const can = 'a[href], area[href], button, input:not([type=hidden]), select, textarea, ' +
    'summary, iframe, [tabindex], [contenteditable]';
  // where a control sits: its own and its ancestors' tags and classes (no ids)
  const place = (e) => {{
    const path = [];
    for (let a = e; a && a !== document.body; a = a.parentElement)
      path.push(a.tagName + '.' + [...a.classList].sort().join('.') +
        (a.hidden ? '[hidden]' : '') + (a.tagName === 'DETAILS' && !a.open ? '[closed]' : ''));
    return path.join('<');
  }};
  const seenAt = new Map();
  const out = [];
  for (const e of [...document.querySelectorAll(can)]) {{
    if (e.tabIndex < 0 || e.disabled || e.closest('[inert]')) continue;
    const at = place(e);
    const n = seenAt.get(at) || 0;
    if (n >= PER_PLACE) continue;  // the same control in the same place, styled alike
    seenAt.set(at, n + 1);
    e.focus();
    if (document.activeElement !== e) continue;  // not focusable as the page is now
    let seen = describe(e);
    if (!seen.visible) {{  // some controls fade in: wait for them
      await new Promise((done) => setTimeout(done, 400));
      seen = describe(e);
    }}
    out.push(seen);
  }}
  return out;
}}"""
"""The page's tab stops, each given the focus in page order (after a Tab from the keyboard,
so each shows what a keyboard user sees), and how it looks with it: every stop, but no more
than five in the same place (the matrix's thousand cell links, a list's hundred links), where
the same rules style them alike."""


def _walk(page: Any, stops: int = 30) -> list[dict[str, Any]]:
    seen: list[dict[str, Any]] = []
    for _ in range(stops):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUS)
        if focused and not focused["visible"]:  # some controls fade in: wait for them
            page.wait_for_timeout(400)
            focused = page.evaluate(FOCUS)
        if focused:
            seen.append(focused)
    return seen


def _unseen(stops: list[dict[str, Any]]) -> list[str]:
    """The stops whose focus cannot be seen: hidden, or without the site's ring (a dark
    outline inside a white ring, for dark backgrounds)."""
    return [
        s["what"]
        for s in stops
        if not s["visible"]
        or s["outlineStyle"] in ("none", "hidden")
        or s["outlineWidth"] < 2
        or s["outlineColor"] != "rgb(26, 26, 26)"
        or "255, 255, 255" not in s["shadow"]
    ]


WALKED = [
    "",
    "protocols/",
    "protocols/southend/",
    "obligations/",
    "obligations/councillors-cannot-instruct-officers/",
    "compare/southend--farnham/",
    "matrix/",
    "model/england-local/",
    "changes/",
]


@pytest.mark.parametrize("path", WALKED)
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_every_tab_stop_shows_a_visible_focus_ring(
    browser: Any, site_url: str, path: str, viewport: dict[str, int]
) -> None:
    """The first stops walked with the Tab key, then the page's stops given the focus in turn
    (walking a thousand links key by key would take a minute a page)."""
    with fresh_page(browser, viewport) as page:
        page.goto(site_url + path)
        page.wait_for_timeout(300)  # the page's scripts set up their controls
        walked = _walk(page)
        every = page.evaluate(EVERY_STOP)
    assert len(walked) >= 10 and len(every) >= 10
    bad = _unseen(walked) + [f"(given the focus) {w}" for w in _unseen(every)]
    assert not bad, bad


def test_on_a_phone_the_menu_opens_by_keyboard_and_hidden_links_take_no_focus(
    phone_page: Any, site_url: str
) -> None:
    page = phone_page
    page.goto(site_url + "protocols/")
    page.wait_for_timeout(300)
    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Tab")
    menu = page.locator("label[for='__drawer'] button")
    assert page.evaluate("() => document.activeElement.parentElement.htmlFor") == "__drawer"
    assert menu.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    assert page.is_checked("#__drawer")
    assert menu.get_attribute("aria-expanded") == "true"
    for _ in range(4):
        page.keyboard.press("Tab")
    page.wait_for_timeout(400)
    focused = page.evaluate(FOCUS)
    assert focused and focused["visible"] and "md-nav__link" in focused["what"], focused
    page.keyboard.press("Escape")
    assert not page.is_checked("#__drawer")
    assert page.evaluate("() => document.activeElement.parentElement.htmlFor") == "__drawer"


def test_the_protocol_filter_box_and_the_matrix_checkbox_show_focus(
    page: Any, site_url: str
) -> None:
    page.goto(site_url + "protocols/")
    box = page.locator("#p-name")
    style = box.evaluate(
        "e => getComputedStyle(e).borderTopWidth + ' ' + getComputedStyle(e).borderTopStyle"
    )
    assert style == "2px solid"  # a visible edge before it has the focus
    box.focus()
    assert page.evaluate(FOCUS)["outlineWidth"] >= 2
    page.goto(site_url + "matrix/")
    page.locator("#f-differs").focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # reached by keyboard, so :focus-visible applies
    focused = page.evaluate(FOCUS)
    assert "f-differs" in focused["what"] and focused["outlineWidth"] >= 2


def test_a_glossary_term_opens_by_keyboard_links_to_its_entry_and_closes_on_escape(
    page: Any, site_url: str
) -> None:
    page.goto(site_url + "protocols/southend/")
    term = page.locator("abbr.term").first
    name = term.inner_text()
    term.focus()
    assert term.get_attribute("aria-expanded") == "true"
    pop = page.locator("#" + str(term.get_attribute("aria-controls")))
    assert pop.is_visible()
    page.keyboard.press("Tab")  # into the pop-up: its link to the glossary
    link = page.evaluate("() => document.activeElement.getAttribute('href')")
    assert link and re.search(r"glossary/#[a-z0-9-]+$", link)
    page.keyboard.press("Escape")
    assert not pop.is_visible()
    assert page.evaluate("() => document.activeElement.textContent") == name
    page.keyboard.press("Enter")
    assert pop.is_visible()
    page.keyboard.press("Enter")
    assert not pop.is_visible()
    anchor = link.split("#")[1]
    page.goto(site_url + "glossary/")
    assert page.locator(f"[id='{anchor}']").count() == 1


def test_code_blocks_that_scroll_take_the_focus(page: Any, site_url: str) -> None:
    page.goto(site_url + "model/")
    page.wait_for_timeout(300)
    scrolling = page.eval_on_selector_all(
        ".md-typeset pre > code",
        "cs => cs.filter(c => c.scrollWidth > c.clientWidth + 1).map(c => c.tabIndex)",
    )
    assert all(t == 0 for t in scrolling), scrolling


def test_table_text_is_body_size(page: Any, site_url: str) -> None:
    page.goto(site_url + "protocols/")
    body = page.evaluate("() => getComputedStyle(document.querySelector('.md-typeset p')).fontSize")
    cell = page.evaluate(
        "() => getComputedStyle(document.querySelector('.md-typeset td')).fontSize"
    )
    assert cell == body


# --------------------------------------------------------------------------------- matrix


def test_matrix_filters_and_sort_are_kept_in_the_address(page: Any, site_url: str) -> None:
    page.goto(site_url + "matrix/")
    theme = page.eval_on_selector("#f-theme option:nth-child(3)", "o => o.value")
    page.select_option("#f-theme", theme)
    page.check("#f-differs")
    page.locator("#matrix thead th[data-slug='southend'] button.sort").click()
    query = parse_qs(urlsplit(page.url).query)
    assert query == {
        "theme": [theme],
        "differs": ["yes"],
        "sort": ["southend"],
        "order": ["desc"],
    }
    before = [r["id"] for r in matrix_rows(page)]
    assert before
    page.reload()  # or a link shared with someone else
    assert page.eval_on_selector("#f-theme", "s => s.value") == theme
    assert page.is_checked("#f-differs")
    assert page.locator("#matrix thead th[data-slug='southend']").get_attribute("aria-sort") == (
        "descending"
    )
    assert [r["id"] for r in matrix_rows(page)] == before
    page.goto(site_url + "matrix/?who=officers")
    assert page.eval_on_selector("#f-who", "s => s.value") == "officers"
    assert {r["who"] for r in matrix_rows(page)} == {"officers", "both"}


def test_who_councillors_includes_the_obligations_that_bind_both(page: Any, site_url: str) -> None:
    page.goto(site_url + "matrix/")
    every = page.eval_on_selector_all("#matrix tbody tr", "rs => rs.map(r => r.dataset.who)")
    page.select_option("#f-who", "councillors")
    shown = [r["who"] for r in matrix_rows(page)]
    assert sorted(shown) == sorted(w for w in every if w in ("councillors", "both"))
    both = shown.count("both")
    assert both > 0
    assert page.locator("#f-count").inner_text() == (
        f"Showing {len(shown)} of {len(every)} obligations "
        f"({both} of them bind both councillors and officers)"
    )


def test_matrix_heading_sorts_by_its_button_and_its_link_opens_the_protocol(
    page: Any, site_url: str
) -> None:
    page.goto(site_url + "matrix/")
    head = page.locator("#matrix thead th[data-slug='crawley']")
    head.locator("button.sort").click()
    assert page.url.endswith("matrix/?sort=crawley&order=desc")
    index = head.evaluate("th => th.cellIndex")
    values = page.eval_on_selector_all(
        "#matrix tbody tr", f"rs => rs.map(r => Number(r.cells[{index}].dataset.sort))"
    )
    assert values == sorted(values, reverse=True)
    head.locator("button.sort").press("Enter")  # by keyboard too: now the other way
    assert head.get_attribute("aria-sort") == "ascending"
    head.locator("a").click()
    assert page.url.endswith("/protocols/crawley/")


def test_matrix_on_a_phone_is_a_card_per_obligation(phone_page: Any, site_url: str) -> None:
    page = phone_page
    page.goto(site_url + "matrix/")
    page.wait_for_timeout(300)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    wrap = page.locator(".matrix-wrap")
    assert wrap.evaluate("w => w.scrollWidth <= w.clientWidth + 1")  # no sideways scrolling
    first = page.locator("#matrix tbody tr").first
    box = first.bounding_box()
    assert box and box["width"] <= PHONE["width"]
    labels = first.locator("td").evaluate_all(
        "tds => tds.map(td => getComputedStyle(td, '::before').content)"
    )
    assert all(lab not in ("none", "normal", '""') for lab in labels), labels
    assert any("Southend" in lab for lab in labels)


def test_matrix_without_javascript_is_a_readable_table(browser: Any, site_url: str) -> None:
    with fresh_page(browser, PHONE, java_script_enabled=False) as page:
        page.goto(site_url + "matrix/")
        assert not page.locator("#matrix-filters").is_visible()
        assert page.locator("#matrix tbody tr").count() > 100
        assert page.locator("#matrix tbody tr").first.locator("th a").is_visible()


def test_matrix_councils_chosen_are_kept_in_the_address(page: Any, scale_url: str) -> None:
    page.goto(scale_url + "matrix/")
    options = page.eval_on_selector_all("#m-councils option", "os => os.map(o => o.value)")
    chosen = [options[1], options[17]]
    page.select_option("#m-councils", chosen)
    page.click("#matrix-chooser button")
    expect(page.locator("#m-status")).to_have_text("Showing 2 councils.")
    assert parse_qs(urlsplit(page.url).query)["councils"] == [",".join(chosen)]
    page.reload()
    expect(page.locator("#m-status")).to_have_text("Showing 2 councils.")
    selected = page.eval_on_selector_all("#m-councils option:checked", "os => os.map(o => o.value)")
    assert selected == chosen
    heads = page.eval_on_selector_all(
        "#matrix thead th:not([hidden]) a", "as => as.map(a => a.textContent.trim())"
    )
    assert len(heads) == 2


# ----------------------------------------------------------------------------- long pages


def test_a_long_page_has_contents_on_a_phone_and_a_way_back_to_the_top(
    phone_page: Any, site_url: str
) -> None:
    page = phone_page
    page.goto(site_url + "protocols/southend/")
    contents = page.locator("details.page-toc")
    assert contents.is_visible()
    assert not contents.locator("nav").is_visible()  # collapsed until opened
    contents.locator("summary").click()
    link = contents.locator("a", has_text="Access to Information").first
    href = str(link.get_attribute("href"))
    link.click()
    assert page.url.endswith(href)
    assert page.evaluate("scrollY") > 1000
    page.mouse.move(200, 400)
    page.mouse.wheel(0, -300)  # scrolling back up shows the button
    top = page.locator(".md-top")
    top.wait_for(state="visible")
    top.click()
    page.wait_for_function("() => scrollY === 0")


def test_the_side_contents_replace_the_page_contents_on_a_wide_screen(
    page: Any, site_url: str
) -> None:
    page.goto(site_url + "protocols/southend/")
    assert not page.locator("details.page-toc").is_visible()
    assert page.locator(".md-sidebar--secondary").is_visible()


# ---------------------------------------------------------------------------------- trust


def test_every_page_footer_names_the_publisher_a_contact_and_how_to_report_a_mistake(
    page: Any, site_url: str
) -> None:
    for path in ("", "protocols/southend/", "matrix/"):
        page.goto(site_url + path)
        footer = page.locator(".md-footer")
        text = footer.inner_text()
        assert "Made with" not in text
        assert "Published by " in text
        assert footer.locator("a[href^='mailto:']").count() >= 2
        report = footer.locator("a", has_text="report it").get_attribute("href")
        assert report and "title=Error%20on%20" in report and "{" not in report
        assert footer.locator("a", has_text="Accessibility statement").is_visible()


def test_the_accessibility_statement_gives_contact_status_and_date_tested(
    page: Any, site_url: str
) -> None:
    page.goto(site_url + "accessibility/")
    article = page.locator("article")
    text = article.inner_text()
    assert "partially compliant" in text
    assert re.search(r"last tested on \d{1,2} \w+ 20\d\d", text)
    assert article.locator("a[href^='mailto:']").count() >= 2
    assert "<!--" not in article.inner_html().replace("<!-- -->", "")
