"""Scale regressions, caught early: a synthetic project of 30 protocols.

The full benchmark (N = 5, 50, 200, 1000) is ``make bench``; this keeps the normal suite honest
about what grows with N: the project still validates, the pages and their size grow linearly
(no pair pages, no N-squared comparisons), and MkDocs builds it under ``--strict``.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from generator.project import Project, load_project
from generator.site.build import build_pages
from tests.conftest import SCALE_N as N

# Synthesising and paging 30 protocols takes tens of seconds: left out of `make test-fast`.
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def project(scale_root: Path) -> Project:
    loaded, problems = load_project(scale_root)
    assert problems == [], problems[:5]
    assert len(loaded.protocols) == N
    return loaded


def _first(project: Project, n: int) -> Project:
    """The project with the five real protocols and the first ``n - 5`` synthetic ones."""
    real = [p for p in project.protocols if not p.slug.startswith("syn")]
    keep = {p.slug for p in real} | {
        p.slug for p in [p for p in project.protocols if p.slug.startswith("syn")][: n - len(real)]
    }
    return replace(project, protocols=tuple(p for p in project.protocols if p.slug in keep))


def _size(pages: dict[str, str | bytes]) -> int:
    return sum(len(v) for k, v in pages.items() if k.endswith(".md"))


def test_pages_and_their_size_grow_linearly(project: Project) -> None:
    # All three sizes are past the thresholds where pages switch to their at-scale form.
    built = {n: build_pages(_first(project, n)) for n in (12, 21, 30)}
    counts = {n: len(p) for n, p in built.items()}
    assert counts[30] - counts[21] == counts[21] - counts[12], counts
    # Markdown bytes: the last nine protocols cost about what the nine before them did.
    sizes = {n: _size(p) for n, p in built.items()}
    assert sizes[30] - sizes[21] < 1.3 * (sizes[21] - sizes[12]), sizes


def test_no_pair_pages_and_choosers_at_scale(project: Project) -> None:
    pages = build_pages(project)
    assert not [p for p in pages if p.startswith("compare/") and "--" in p]
    assert 'id="pair-chooser"' in str(pages["compare/index.md"])
    assert 'id="matrix-chooser"' in str(pages["matrix.md"])
    files = [p for p in pages if p.startswith("data/positions/")]
    assert len(files) == N
    one = json.loads(pages[files[0]])
    assert one["positions"] and all(len(v) == 4 for v in one["positions"].values())


def test_obligation_pages_quote_each_wording_once(project: Project) -> None:
    page = str(build_pages(project)["obligations/protocol-sets-out-roles.md"])
    assert "distinct wording" in page
    assert page.count("## What each protocol says") == 1
    assert page.count("### Wording ") < N


def test_synthetic_project_builds_strict(project: Project, scale_site: Path) -> None:
    site = scale_site
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    # Identical clauses are indexed once: far fewer entries than N copies of every clause.
    clauses = sum(len(p.clauses) for p in project.protocols)
    assert len(index["docs"]) < clauses / 2
    assert not list((site / "compare").glob("*--*"))
    for page in ("compare", "matrix"):  # the notes for readers without JavaScript have links
        html = (site / page / "index.html").read_text(encoding="utf-8")
        assert 'class="no-js-note"' in html
        assert "](" not in html
