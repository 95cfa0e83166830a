"""The search index as the site serves it: a result per clause, written through the templates,
and ranked (generator/site/search_index.py). The browser tests (test_browser_site.py) check
what a person typing a query sees; these check the index itself, without a build."""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Sequence
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from generator.core.types import Kind, Protocol
from generator.site import search_index as si
from generator.sources.load import read_protocols
from tests.conftest import ROOT

PROTOCOLS = read_protocols(ROOT / "source_protocols")[0]
HOSTILE = '<script>alert(1)</script> <img src=x onerror=alert(1)> & "quoted" {braces}'
MKDOCS_SEPARATOR = re.search(r"separator: '(.*)'\n", (ROOT / "mkdocs.yml").read_text())


def _plugin_index() -> dict[str, Any]:
    """What the search plugin writes before the hooks: a page entry per protocol, with a
    heading section, and a few other pages."""
    assert MKDOCS_SEPARATOR
    docs: list[dict[str, Any]] = [{"location": "", "title": "Home", "text": "<p>Welcome</p>"}]
    for p in PROTOCOLS:
        docs += [
            {"location": f"protocols/{p.slug}/", "title": p.meta.title, "text": ""},
            {"location": f"protocols/{p.slug}/#intro", "title": "Intro", "text": "<p>x</p>"},
        ]
    docs += [
        {"location": "obligations/respect/", "title": "Respect", "text": "", "boost": 2},
        {"location": "obligations/respect/#what", "title": "What", "text": ""},
        {"location": "matrix/", "title": "Comparison matrix", "text": ""},
        {"location": "glossary/", "title": "Glossary", "text": ""},
        {"location": "glossary/#clerk", "title": "Clerk", "text": "<p>The clerk.</p>"},
        {"location": "methodology/", "title": "Methodology", "text": "", "boost": 1.5},
    ]
    separator = MKDOCS_SEPARATOR.group(1).replace("''", "'")
    return {"config": {"separator": separator, "fields": {"title": {"boost": 1000}}}, "docs": docs}


def _index(
    protocols: Sequence[Protocol] = PROTOCOLS,
) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    data = si.search_index(_plugin_index(), protocols, directory_urls=True)
    return data, {d["location"]: d for d in data["docs"]}


def test_every_clause_is_a_result_linking_to_its_anchor() -> None:
    _, by_location = _index()
    southend = next(p for p in PROTOCOLS if p.slug == "southend")
    clause = next(c for c in southend.clauses if c.id == "southend-9-1-15")
    entry = by_location["protocols/southend/#southend-9-1-15"]
    assert entry["title"].startswith("Southend-on-Sea Borough Council 9.1.15 · ")
    assert entry["text"] == f"<p>{clause.text}</p>"  # no "&", "<" or ">" in it to escape
    assert "protocols/southend/#intro" not in by_location  # replaced by the clauses
    assert "obligations/respect/#what" not in by_location  # one result per obligation


def test_results_are_weighted() -> None:
    data, by_location = _index()
    assert data["config"]["fields"]["title"]["boost"] == si.TITLE_BOOST
    assert by_location["protocols/southend/#southend-9-1-15"]["boost"] == si.SOURCE_BOOST
    assert by_location["glossary/#clerk"]["boost"] == si.SOURCE_BOOST
    assert by_location["protocols/southend/"]["boost"] == si.SOURCE_BOOST
    assert "boost" not in by_location["matrix/"]
    assert by_location["obligations/respect/"]["boost"] == 2  # a page's own front matter
    assert by_location["methodology/"]["boost"] == 1.5


def test_hostile_clause_text_is_inert_in_the_index() -> None:
    p = PROTOCOLS[0]
    body = next(c for c in p.clauses if c.kind is not Kind.HEADING)
    heading = next(c for c in p.clauses if c.kind is Kind.HEADING)
    clauses = tuple(replace(c, text=HOSTILE) if c in (body, heading) else c for c in p.clauses)
    _, by_location = _index([replace(p, clauses=clauses), *PROTOCOLS[1:]])
    for clause in (body, heading):
        entry = by_location[f"protocols/{p.slug}/#{clause.id}"]
        for html in (entry["title"], entry["text"]):
            parser = _Tags()
            parser.feed(html)
            assert parser.tags <= {"p"}, html  # the search shows both as HTML
        shown = _Tags()
        shown.feed(entry["title"] + entry["text"])
        assert HOSTILE in "".join(shown.text)  # the words as written, as text


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _words(text: str) -> list[str]:
    """``text`` split as the search splits it (the separator is a JavaScript regular expression
    that Python's ``re`` reads the same way)."""
    separator = si.separator(str(_plugin_index()["config"]["separator"]))
    return [w for w in re.split(separator, text) if w]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "A Councillor may copy correspondence from an Officer to other Councillors",
            ["Councillor", "copy", "correspondence", "Officer", "Councillors"],
        ),
        ("THE ROLE OF THE Monitoring Officer", ["ROLE", "Monitoring", "Officer"]),
        ("the council’s “Nolan Principles” (Purdah)", ["council", "Nolan", "Principles", "Purdah"]),
        (
            "Part B of clause 9.1.15, Councillor/Officer",
            ["Part", "clause", "9.1.15", "Councillor", "Officer"],
        ),
        # words that start or end like a stop word stay whole
        (
            "another theme: atheist, inform, aŵr, a1",
            ["another", "theme", "atheist", "inform", "aŵr", "a1"],
        ),
    ],
)
def test_stop_words_and_single_letters_split_like_spaces(text: str, words: list[str]) -> None:
    assert _words(text) == words


def test_stop_words_are_the_search_workers_own() -> None:
    """The worker drops these words from the index (lunr.stopWordFilter); the separator drops
    the same words from what is typed."""
    spec = importlib.util.find_spec("material")
    assert spec and spec.origin
    workers = Path(spec.origin).parent / "templates" / "assets" / "javascripts" / "workers"
    (worker,) = workers.glob("search.*.min.js")
    found = re.search(
        r"stopWordFilter=\w+\.generateStopWordFilter\(\[([^\]]*)\]\)", worker.read_text()
    )
    assert found, "lunr's stop word list not found in the search worker"
    assert re.findall(r'"([a-z]+)"', found.group(1)) == si.STOP_WORDS


def test_a_clause_many_protocols_share_is_one_result_saying_so() -> None:
    p = PROTOCOLS[0]
    twins = [p, replace(p, slug="twin", meta=replace(p.meta, council="Twin Council"))]
    plugin = _plugin_index()
    plugin["docs"].append({"location": "protocols/twin/", "title": "Twin", "text": ""})
    data = si.search_index(plugin, twins, directory_urls=True, merge_identical=True)
    by_location = {d["location"]: d for d in data["docs"]}
    body = next(c for c in p.clauses if c.kind is not Kind.HEADING)
    heading = next(c for c in p.clauses if c.kind is Kind.HEADING)
    assert by_location[f"protocols/{p.slug}/#{body.id}"]["title"].endswith(" (and 1 more protocol)")
    assert by_location[f"protocols/{p.slug}/#{heading.id}"]["title"].endswith(" (in 2 protocols)")
    assert not [loc for loc in by_location if loc.startswith("protocols/twin/#")]
