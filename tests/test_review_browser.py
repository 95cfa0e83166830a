"""The standalone HTML review report in Chromium: axe finds nothing, at desktop and phone
widths, and nothing is wider than a phone's screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import AXE
from tests.helpers import SOURCES, run_cli

pytestmark = pytest.mark.slow


def test_html_report_passes_axe_and_fits_a_phone(browser: Any, tmp_path: Path) -> None:
    out = tmp_path / "a_protocol_file_with_a_long_name_2026.html"
    code, _, err = run_cli(
        "review", str(SOURCES / "crawley.md"), "--hold-out", "crawley", "-o", str(out)
    )
    assert code == 0, err
    for width in (1280, 390):
        page = browser.new_page(viewport={"width": width, "height": 844})
        page.goto(out.as_uri())
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "async () => await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', "
            "'wcag21aa', 'wcag22aa', 'best-practice'], resultTypes: ['violations']})"
        )
        assert result["violations"] == [], [v["id"] for v in result["violations"]]
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{overflow}px wider than a {width}px screen"
        page.close()
