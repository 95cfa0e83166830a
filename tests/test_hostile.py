"""Hostile input in every field stays text: the whole site built from a fixture whose every
front-matter field, every string of clauses.yaml, every heading and body carries payloads.

Each built page is parsed; it may hold no script element, event-handler attribute or
``javascript:`` URL that the same page of a harmless twin build does not hold (those are the
theme's own), and the payload must be visible as text where its field is shown.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from tests.conftest import build, make_project
from tests.hostile_fixture import HARMLESS, PAYLOAD, write

# Pages that show a field carrying the payload, so the payload must be readable on them.
SHOWN_ON = (
    "protocols/farnham/index.html",
    "protocols/west-mersea/index.html",
    "protocols/index.html",
    "obligations/respect/index.html",
    "obligations/impartial/index.html",
    "obligations/index.html",
    "compare/farnham--west-mersea/index.html",
    "matrix/index.html",
    "themes/index.html",
    "changes/farnham-from-west-mersea/index.html",
)


URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "srcdoc"}


@dataclass
class Live(HTMLParser):
    """What in a page can run: scripts, event handlers, javascript: URLs; and its visible text."""

    running: set[tuple[str, ...]] = field(default_factory=set)
    text: list[str] = field(default_factory=list)
    _in: list[str] = field(default_factory=list)
    _script: list[str] = field(default_factory=list)
    _src: str = ""

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.running.add(("handler", tag, name, value))
            if name in URL_ATTRIBUTES and "javascript:" in "".join(value.split()).lower():
                self.running.add(("url", tag, name, value))
        if tag in ("title", "textarea"):  # text only, as a browser reads them
            self.set_cdata_mode(tag)
        if tag in ("script", "style", "title", "textarea"):
            self._in.append(tag)
            self._src = dict(attrs).get("src") or ""
            self._script = []

    def handle_endtag(self, tag: str) -> None:
        if self._in and self._in[-1] == tag:
            self._in.pop()
            if tag == "script":
                body = hashlib.sha256("".join(self._script).encode()).hexdigest()
                self.running.add(("script", self._src, body))

    def handle_data(self, data: str) -> None:
        if self._in:
            if self._in[-1] == "script":
                self._script.append(data)
            return
        self.text.append(data)


def read(path: Path) -> Live:
    page = Live()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def _site(root: Path, words: str) -> Path:
    sources, clauses = write(root / "input", words)
    project = make_project(root / "project", sources=sources, clauses=clauses)
    result = build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    return project / "site"


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(hostile site, harmless site)."""
    root = tmp_path_factory.mktemp("hostile")
    return _site(root / "hostile", PAYLOAD), _site(root / "harmless", HARMLESS)


def _pages(site: Path) -> Iterator[Path]:
    yield from sorted(site.rglob("*.html"))


@pytest.mark.slow
def test_no_payload_runs_on_any_page(sites: tuple[Path, Path]) -> None:
    hostile, harmless = sites
    found: list[str] = []
    for page in _pages(hostile):
        rel = page.relative_to(hostile)
        twin = harmless / rel
        own = read(twin).running if twin.exists() else set()
        for thing in sorted(read(page).running - own):
            found.append(f"{rel}: {thing}")
    assert not found, "live markup from input:\n" + "\n".join(found[:20])


@pytest.mark.slow
@pytest.mark.parametrize("path", SHOWN_ON)
def test_payload_is_visible_as_text(sites: tuple[Path, Path], path: str) -> None:
    hostile, _ = sites
    text = " ".join(" ".join(read(hostile / path).text).split())
    assert " ".join(PAYLOAD.split()) in text


@pytest.mark.slow
def test_model_download_has_no_live_link(sites: tuple[Path, Path]) -> None:
    hostile, _ = sites
    downloads = sorted((hostile / "model").glob("model-protocol-*.md"))
    assert downloads
    for path in downloads:
        html = markdown.markdown(path.read_text(encoding="utf-8"), extensions=["tables"])
        assert 'href="javascript:' not in html.replace(" ", ""), path.name
        assert "<script" not in html, path.name


@pytest.mark.slow
def test_search_index_is_inert(sites: tuple[Path, Path]) -> None:
    """The search shows each entry's title and text as HTML: nothing in them may run, and the
    clauses carrying the payload show it as text."""
    hostile, _ = sites
    index = json.loads((hostile / "search" / "search_index.json").read_text(encoding="utf-8"))
    found, shown = [], []
    for doc in index["docs"]:
        for part in ("title", "text"):
            entry = Live()
            entry.feed(doc.get(part, ""))
            entry.close()
            found += [f"{doc['location']} {part}: {thing}" for thing in sorted(entry.running)]
            if doc["location"].startswith("protocols/farnham/#"):
                shown.append(" ".join(" ".join(entry.text).split()))
    assert not found, "live markup in the search index:\n" + "\n".join(found[:20])
    assert any(" ".join(PAYLOAD.split()) in text for text in shown)
