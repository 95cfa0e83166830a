"""Every kind of page the site builds passes axe in Debian's Chromium at 1280 and 390 px.

The kinds are read from the built site (``tests/site_kinds.py``), so a new kind of page is
checked as soon as it is built; the kinds the site must have are listed there too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DESKTOP, PHONE, axe_violations
from tests.site_kinds import EXPECTED, page_kinds, samples


def test_page_kinds_are_read_from_the_folders_so_a_new_kind_is_checked(tmp_path: Path) -> None:
    for path in (
        "index.html",
        "matrix/index.html",
        "protocols/index.html",
        "protocols/a/index.html",
        "protocols/b/index.html",
        "obligations/old/index.html",
        "obligations/new/index.html",
        "brand-new/deeper/still/index.html",
        "assets/x/index.html",
        "404.html",
        "data/obligations.json",
    ):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text('{"replaced": [{"id": "old"}]}')
    kinds = page_kinds(tmp_path)
    assert kinds == {
        "home": [""],
        "404": ["404.html"],
        "matrix": ["matrix/"],
        "protocols": ["protocols/"],
        "protocols/*": ["protocols/a/", "protocols/b/"],
        "obligations/*": ["obligations/new/"],
        "obligations/* (replaced)": ["obligations/old/"],
        "brand-new/*/*": ["brand-new/deeper/still/"],
    }
    checked = samples(kinds)
    assert {k for k, _ in checked} == set(kinds)  # every kind has a page checked
    assert [p for k, p in checked if k == "protocols/*"] == ["protocols/a/", "protocols/b/"]


def test_the_site_builds_every_kind_of_page_expected(built_site: Path) -> None:
    kinds = page_kinds(built_site)
    missing = EXPECTED - set(kinds)
    assert not missing, f"no page of these kinds was built: {sorted(missing)}"
    assert len(kinds["model/*"]) >= 5 and len(kinds["protocols/*"]) >= 5


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_axe_finds_no_violations_on_any_kind_of_page(
    browser: Any, site_url: str, built_site: Path, viewport: dict[str, int]
) -> None:
    checked = samples(page_kinds(built_site))
    assert len(checked) >= len(EXPECTED)
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    problems: list[str] = []
    for kind, path in checked:
        page.goto(site_url + path)  # its scripts have set up its controls by the load event
        problems += [f"{kind}: /{path}: {p}" for p in axe_violations(page)]
        if path == "protocols/southend/":  # with a glossary term's meaning open
            page.locator("abbr.term").first.focus()
            problems += [
                f"/{path} (term open): {p}"
                for p in axe_violations(page, ":has(> .term-pop:not([hidden]))")
            ]
    context.close()
    assert not problems, "\n".join(problems)
