"""The obligations index's filter in Debian's Chromium, as a clerk uses it.

Words typed narrow the list to the obligations whose title or statement holds every word (the
expected list worked out here from ``data/obligations.json``); "Who it binds" narrows it by
whom they bind; themes left empty are hidden; the count is announced; the address keeps the
query; a keyboard alone can do all of it; without JavaScript the whole list shows.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from generator.map.obligations import Who
from generator.views.obligation_view import who_choices
from tests.conftest import DESKTOP, PHONE, axe_violations
from tests.test_browser_site import FOCUS

QUOTES = str.maketrans("\u2018\u2019\u201c\u201d\u2013\u2014", "''\"\"--")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.translate(QUOTES).lower().split())


def _data(built_site: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((built_site / "data" / "obligations.json").read_text())
    return data


def _expected(
    built_site: Path, query: str, whom: tuple[str, ...] = ()
) -> tuple[list[str], set[str]]:
    """The obligations (ids, in the index's order) and themes the filter should show."""
    data = _data(built_site)
    words = _fold(query).split()
    order = {t["id"]: i for i, t in enumerate(data["themes"])}
    kept = [
        o
        for o in sorted(data["obligations"], key=lambda o: order[o["theme"]])
        if (not whom or o["who"] in whom)
        and all(w in _fold(o["title"] + " " + o["statement"]) for w in words)
    ]
    return [o["id"] for o in kept], {o["theme"] for o in kept}


def _shown(page: Any) -> tuple[list[str], set[str]]:
    """The obligations (ids) and themes (ids) the page shows now."""
    ids: list[str] = page.eval_on_selector_all(
        ".obligation-theme li[data-who]",
        "lis => lis.filter(li => li.checkVisibility())"
        ".map(li => li.querySelector('a').getAttribute('href').split('/')[0])",
    )
    themes: list[str] = page.eval_on_selector_all(
        ".obligation-theme h2",
        "hs => hs.filter(h => h.checkVisibility()).map(h => h.id)",
    )
    return ids, set(themes)


def test_who_choices_widen_councillors_and_officers_to_those_binding_both() -> None:
    def binding(*whos: Who) -> list[Any]:
        return [SimpleNamespace(who=w) for w in whos]

    choices = who_choices(binding(Who.BOTH, Who.OFFICERS, Who.COUNCILLORS, Who.CHAIRS))
    assert [(c.value, c.label, c.includes) for c in choices] == [
        ("councillors", "Councillors (and both)", (Who.COUNCILLORS, Who.BOTH)),
        ("officers", "Officers (and both)", (Who.OFFICERS, Who.BOTH)),
        ("chairs", "Chairs", (Who.CHAIRS,)),
        ("both", "Both councillors and officers", (Who.BOTH,)),
    ]
    # with nothing binding both, there is nothing to widen to
    alone = who_choices(binding(Who.COUNCILLORS))
    assert [(c.label, c.includes) for c in alone] == [("Councillors", (Who.COUNCILLORS,))]


def _query(page: Any) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


@pytest.mark.parametrize(
    ("query", "whom"),
    [
        ("media", ""),
        ("Officer  ADVICE", ""),  # every word, in any order and case
        ("council’s", ""),  # a curly apostrophe finds the straight one
        ("officers", "councillors"),  # councillors, and those binding both
    ],
)
def test_typing_narrows_the_list_and_the_count_is_right(
    page: Any, site_url: str, built_site: Path, query: str, whom: str
) -> None:
    total = len(_data(built_site)["obligations"])
    page.goto(site_url + "obligations/")
    count = page.locator("#o-count")
    assert count.inner_text() == f"{total} of {total} obligations shown"
    if whom:
        page.select_option("#o-who", whom)
    page.locator("#o-words").press_sequentially(query, delay=10)
    includes = page.eval_on_selector("#o-who", "s => s.selectedOptions[0].dataset.includes || ''")
    ids, themes = _expected(built_site, query, tuple(includes.split()))
    assert 0 < len(ids) < total
    assert _shown(page) == (ids, themes)
    assert count.inner_text() == f"{len(ids)} of {total} obligations shown"
    assert count.get_attribute("aria-live") == "polite"
    assert _query(page)["words"] == [query.strip()]
    if whom:
        assert _query(page)["who"] == [whom]
        assert "both" in includes.split()
        assert {o["who"] for o in _data(built_site)["obligations"] if o["id"] in set(ids)} == set(
            includes.split()
        )


def test_who_it_binds_alone_narrows_the_list(page: Any, site_url: str, built_site: Path) -> None:
    page.goto(site_url + "obligations/")
    page.select_option("#o-who", "both")
    ids, themes = _expected(built_site, "", ("both",))
    assert _shown(page) == (ids, themes)
    assert _query(page) == {"who": ["both"]}


def test_a_query_in_the_address_is_applied_on_load_and_clearing_shows_all(
    page: Any, site_url: str, built_site: Path
) -> None:
    total = len(_data(built_site)["obligations"])
    page.goto(site_url + "obligations/?words=political+group&who=officers")
    assert page.input_value("#o-words") == "political group"
    assert page.input_value("#o-who") == "officers"
    ids, themes = _expected(built_site, "political group", ("officers", "both"))
    assert 0 < len(ids) < total
    assert _shown(page) == (ids, themes)
    assert page.locator("#o-count").inner_text() == f"{len(ids)} of {total} obligations shown"
    # the theme's entry in the page's contents goes with it
    hidden_theme = next(t["id"] for t in _data(built_site)["themes"] if t["id"] not in themes)
    assert not page.locator(f".md-sidebar--secondary a[href='#{hidden_theme}']").is_visible()
    page.reload()  # a reload keeps it
    assert _shown(page) == (ids, themes)
    page.click("#o-clear")
    every, all_themes = _expected(built_site, "")
    assert _shown(page) == (every, all_themes)
    assert page.locator("#o-count").inner_text() == f"{total} of {total} obligations shown"
    assert _query(page) == {}
    assert page.evaluate("document.activeElement.id") == "o-words"
    assert not page.locator("#o-clear").is_visible()


def test_no_match_says_so(page: Any, site_url: str, built_site: Path) -> None:
    total = len(_data(built_site)["obligations"])
    page.goto(site_url + "obligations/?words=zebra+crossing")
    assert _shown(page) == ([], set())
    assert page.locator("#o-count").inner_text().startswith(f"0 of {total} obligations shown. ")
    assert page.locator("#o-clear").is_visible()


def test_the_filter_works_by_keyboard_alone(page: Any, site_url: str, built_site: Path) -> None:
    total = len(_data(built_site)["obligations"])
    page.goto(site_url + "obligations/")
    for _ in range(40):  # from the top of the page, Tab to the box
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "o-words":
            break
    focused = page.evaluate(FOCUS)
    assert focused and "o-words" in focused["what"] and focused["outlineWidth"] >= 2
    page.keyboard.type("complaint")
    ids, _ = _expected(built_site, "complaint")
    assert page.locator("#o-count").inner_text() == f"{len(ids)} of {total} obligations shown"
    page.keyboard.press("Tab")  # to "Who it binds"
    assert page.evaluate("document.activeElement.id") == "o-who"
    assert page.evaluate(FOCUS)["outlineWidth"] >= 2
    page.keyboard.press("Tab")  # to "Show all"
    assert page.evaluate("document.activeElement.id") == "o-clear"
    assert page.evaluate(FOCUS)["visible"]
    page.keyboard.press("Enter")
    assert page.locator("#o-count").inner_text() == f"{total} of {total} obligations shown"
    assert page.evaluate("document.activeElement.id") == "o-words"
    page.keyboard.type("complaint")
    page.keyboard.press("Escape")  # clears a search box
    assert page.input_value("#o-words") == ""
    assert page.locator("#o-count").inner_text() == f"{total} of {total} obligations shown"


def test_the_box_has_a_visible_edge_and_a_label(page: Any, site_url: str) -> None:
    page.goto(site_url + "obligations/")
    box = page.locator("#o-words")
    style = box.evaluate(
        "e => getComputedStyle(e).borderTopWidth + ' ' + getComputedStyle(e).borderTopStyle"
    )
    assert style == "2px solid"
    assert page.locator("label[for='o-words']").inner_text() == "Words in the title or statement"
    assert page.locator("label[for='o-who']").inner_text() == "Who it binds"


def test_without_javascript_the_whole_list_shows_and_no_box(
    browser: Any, site_url: str, built_site: Path
) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "obligations/?words=media")
    assert not page.locator("#obligation-filter").is_visible()
    every, themes = _expected(built_site, "")
    assert _shown(page) == (every, themes)
    context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_axe_finds_no_violations_with_the_filter_in_use(
    browser: Any, site_url: str, viewport: dict[str, int]
) -> None:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    problems: list[str] = []
    for query in ("?words=media", "?words=zebra+crossing"):
        page.goto(site_url + "obligations/" + query)
        problems += [f"{query}: {p}" for p in axe_violations(page)]
    context.close()
    assert not problems, "\n".join(problems)
