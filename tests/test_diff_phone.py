"""The HTML diff report on a phone (390 px wide) in Chromium: nothing scrolls sideways.

The report compares Crawley with a revision that has every kind of entry, a long web address
and a long clause in the side-by-side table, the things that used to push the page to 593 px.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.helpers import SOURCES, run_cli

playwright = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.slow

URL = "https://www.example.gov.uk/council/democracy/protocols/councillor-officer-relations-2026"


def revision(tmp_path: Path) -> Path:
    text = (SOURCES / "crawley.md").read_text(encoding="utf-8")
    text = text.replace("should abide by this protocol.", f"must abide by this protocol ({URL}).")
    text = text.replace("2.9. At all public meetings", "2.10. At all public meetings")
    out = tmp_path / "crawley-2026.md"
    out.write_text(text, encoding="utf-8")
    return out


@pytest.mark.parametrize("width", [390, 320])
def test_report_reads_on_a_phone_without_sideways_scrolling(
    browser: Any, tmp_path: Path, width: int
) -> None:
    report = tmp_path / "report.html"
    old, new = str(SOURCES / "crawley.md"), str(revision(tmp_path))
    code, _, err = run_cli("diff", old, new, "-f", "html", "-o", str(report))
    assert code == 1, err
    page = browser.new_page(viewport={"width": width, "height": 844})
    page.goto(report.as_uri())
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    wide = page.evaluate(
        f"""Array.from(document.querySelectorAll('body *'))
          .filter(e => e.getBoundingClientRect().right > {width} + 1)
          .map(e => e.tagName)"""
    )
    # The side-by-side view still labels each side once its columns are stacked.
    label = page.evaluate(
        "getComputedStyle(document.querySelector('.sides td[data-label]'), '::before').content"
    )
    page.screenshot(path=str(tmp_path / f"phone-{width}.png"), full_page=True)
    page.close()
    assert scroll_width <= width, wide
    assert wide == []
    assert "Old: crawley.md" in label
