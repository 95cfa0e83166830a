"""No page reads as if a program wrote it (the scan is in tests/machine_text.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.machine_text import problems

# Phrases fixed at their source: a test each, so they cannot come back.
FIXED = (
    "(checked, and the protocol does not say it)",
    "(may, can))",
    "(must, shall, will not))",
)


def test_fixed_machine_phrases_stay_gone(built_site: Path) -> None:
    found = [
        f"{path.relative_to(built_site)}: {phrase}"
        for path in built_site.rglob("*.html")
        for phrase in FIXED
        if phrase in path.read_text(encoding="utf-8")
    ]
    assert not found, found


@pytest.mark.xfail(
    reason="still to fix: repeated unnumbered clause names ('bullet under “Expectations”, "
    "bullet under “Expectations”') on compare, obligation and matrix pages; the model pages' "
    "'introduction para 12 bullet 2' labels (generator/site/model_pages.py, being ported); "
    "Act names with brackets in a bracket (glossary); the scan reads adjacent matrix cells "
    "as one text",
    strict=False,
)
def test_no_machine_looking_text(built_site: Path) -> None:
    found = problems(built_site)
    assert not found, "\n".join(found[:50]) + f"\n({len(found)} in all)"
