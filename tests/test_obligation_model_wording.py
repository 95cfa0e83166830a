"""Obligation pages and obligations.json show exactly the words the printed model writes."""

from __future__ import annotations

import json
import re
from functools import cache
from html.parser import HTMLParser

import markdown
import pytest

from generator.drafting.model_protocol import GROUPS, plain
from generator.drafting.printed import printed_models
from generator.project import Project, load_project
from generator.site.build import build_pages
from tests.conftest import ROOT

pytestmark = pytest.mark.slow  # builds every page of the real site


@cache
def _project() -> Project:
    project, _ = load_project(ROOT)
    return project


@cache
def _pages() -> dict[str, str | bytes]:
    return build_pages(_project())


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _model_section_text(page: str) -> str:
    """The words of an obligation page's 'Model wording' section, as a reader sees them."""
    html = markdown.markdown(page, extensions=["attr_list", "md_in_html", "tables", "toc"])
    section = html.split('id="model-wording"', 1)[1].split("<h2", 1)[0]
    parser = _Text()
    parser.feed(section)
    return " ".join("".join(parser.parts).split())


def test_obligation_pages_show_the_printed_model_words() -> None:
    omap = _project().obligations
    assert omap is not None
    models = printed_models(omap, _project().protocols)
    pages = _pages()
    checked = 0
    for kind in GROUPS:
        for clause in models[kind].clauses:
            page = pages[f"obligations/{clause.id}.md"]
            assert isinstance(page, str)
            assert not re.search(r"\{[a-z_]+\}|\\\{", page), f"{clause.id}: a raw {{variable}}"
            shown = _model_section_text(page)
            for text in (clause.text, *clause.items):
                words = " ".join(plain(text).split())
                assert words in shown, f"{clause.id} ({kind}): {words[:60]!r} not on its page"
            assert f"clause {clause.number}" in shown, f"{clause.id}: no clause number"
            if clause.law:
                assert " ".join(clause.law.split()) in shown
            checked += 1
    assert checked > 400


def test_obligations_json_carries_model_words_law_and_new_drafting() -> None:
    omap = _project().obligations
    assert omap is not None
    models = printed_models(omap, _project().protocols)
    data = json.loads(_pages()["data/obligations.json"])
    by_id = {o["id"]: o for o in data["obligations"]}
    for kind in GROUPS:
        for clause in models[kind].clauses:
            entry = by_id[clause.id]
            expected = "\n".join([plain(clause.text), *(f"- {plain(i)}" for i in clause.items)])
            assert entry["model"][kind] == expected
            assert entry["law"].get(kind) == clause.law
            assert entry["new_drafting"] == clause.new_drafting
    assert not any("{" in text for o in by_id.values() for text in o["model"].values())
