"""No page reads as if a program wrote it (the scan is in tests/machine_text.py)."""

from __future__ import annotations

from pathlib import Path

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


def test_no_machine_looking_text(built_site: Path) -> None:
    """No built page has doubled or nested brackets, an id shown as words, a label like 'i 4
    para 6', a phrase said twice in a row within one block, or a heading with nothing under it
    (the scan and what it reads are described in tests/machine_text.py)."""
    found = problems(built_site)
    assert not found, "\n".join(found[:50]) + f"\n({len(found)} in all)"


def test_scan_finds_what_it_looks_for(tmp_path: Path) -> None:
    """The scan itself: each kind of machine-looking text in a page is found, within a block,
    and a heading ending the article with nothing under it counts as empty; words repeated
    across two neighbouring blocks are not."""
    page = tmp_path / "p" / "index.html"
    page.parent.mkdir()
    page.write_text(
        "<html><body><article><h1>Title</h1>"
        "<p>bullet under “Roles”, bullet under “Roles”</p>"
        "<p>a note (under s.54 (Wales) of the Act)</p>"
        "<table><tr><td>In full · expected</td><td>In full · expected</td></tr></table>"
        "<h2>Endnotes</h2></article></body></html>",
        encoding="utf-8",
    )
    found = problems(tmp_path)
    assert any("a phrase repeated in a row" in f and "Roles" in f for f in found), found
    assert any("nested brackets" in f for f in found), found
    assert any(f.endswith("an empty heading: Endnotes") for f in found), found
    assert not any("expected" in f for f in found), found
