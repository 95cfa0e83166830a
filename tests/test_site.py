"""The built site as a reader meets it: every link and anchor works, nothing loads from
elsewhere, hostile source text stays inert, and other engines build it.

Builds are reproducible: tests/test_serve_cache.py compares a build made in another process
with the session's ``built_site`` byte for byte.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.project import load_project
from generator.site.build import build_pages
from generator.site.search_index import SOURCE_BOOST, TITLE_BOOST
from tests.conftest import FIXTURE_MAP, ROOT, build, make_project, site_map
from tests.site_html import is_external, read_page, resolve


def _html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@pytest.mark.slow
def test_every_internal_link_and_anchor_resolves(built_site: Path) -> None:
    pages = {p: read_page(p) for p in _html_pages(built_site)}
    broken: list[str] = []
    checked = 0
    for page, found in pages.items():
        for href in found.hrefs:
            if is_external(href) or href.startswith(("mailto:", "javascript:")):
                continue
            target, anchor = resolve(built_site, page, href)
            checked += 1
            where = f"{page.relative_to(built_site)} -> {href}"
            if not target.exists():
                broken.append(f"{where}: no such file")
            elif anchor and target.suffix == ".html":
                ids = pages[target].ids if target in pages else read_page(target).ids
                if anchor not in ids:
                    broken.append(f"{where}: no anchor #{anchor}")
    assert checked > 1000
    assert not broken, "\n".join(broken[:30])


@pytest.mark.slow
def test_no_request_leaves_the_site(built_site: Path) -> None:
    external: list[str] = []
    for page in _html_pages(built_site):
        for url in read_page(page).assets:
            if is_external(url):
                external.append(f"{page.relative_to(built_site)}: {url}")
    for css in sorted(built_site.rglob("*.css")):
        for url in re.findall(r"(?:url\(\s*['\"]?|@import\s+['\"])(https?:|//)", css.read_text()):
            external.append(f"{css.relative_to(built_site)}: {url}")
    assert not external, "\n".join(external)
    assert (built_site / "javascripts" / "tablesort.min.js").exists()


@pytest.mark.slow
def test_clause_anchors_and_self_links(built_site: Path) -> None:
    page = built_site / "protocols" / "southend" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert 'id="southend-9-1-14"' in html
    assert 'href="#southend-9-1-14"' in html
    # "see Section 9.1.14" in 10.2.6 is a link to the clause it means
    assert re.search(r'<a href="#southend-9-1-14">9\.1\.14</a>', html)
    assert re.search(r'<a href="#southend-appendix-1">Appendix 1</a>', html)
    farnham = (built_site / "protocols" / "farnham" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="#farnham-10">considered below</a>', farnham)


@pytest.mark.slow
def test_every_clause_is_an_anchor_on_its_protocol_page(built_site: Path) -> None:
    import json

    data = json.loads((built_site / "data" / "protocols.json").read_text())
    assert len(data["protocols"]) >= 5
    for p in data["protocols"]:
        ids = read_page(built_site / "protocols" / p["id"] / "index.html").ids
        missing = [c["id"] for c in p["clauses"] if c["id"] not in ids]
        assert not missing, f"{p['id']}: {missing[:5]}"


@pytest.mark.slow
def test_obligation_pages_quote_and_link_each_protocol(built_site: Path) -> None:
    project, _ = load_project_with(site_map())
    assert project.obligations is not None
    o = project.obligations.obligations[0]
    html = (built_site / "obligations" / o.id / "index.html").read_text(encoding="utf-8")
    for p in project.protocols:
        s = o.sources.get(p.slug)
        if s and s.clauses:
            assert f'href="../../protocols/{p.slug}/#{s.clauses[0]}"' in html
    assert "<mark data-differs=" in html  # differences marked in the council's own words
    assert "<ins>" not in html and "<del>" not in html  # never the other wording's words
    assert "How to read the differences" in html


@pytest.mark.slow
def test_matrix_is_a_real_table(built_site: Path) -> None:
    html = (built_site / "matrix" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<table class="matrix"[^>]*>\s*<caption', html)
    assert html.count('scope="col"') >= 8
    assert 'scope="row"' in html
    for words in ("In full", "Not covered"):
        assert words in html


@pytest.mark.slow
def test_search_index_has_one_entry_per_clause(built_site: Path) -> None:
    import json

    index = json.loads((built_site / "search" / "search_index.json").read_text())
    locations = {d["location"] for d in index["docs"]}
    assert "protocols/southend/#southend-9-1-14" in locations
    # obligation, comparison and changes pages: one result each (their sections repeat
    # clause text the protocol pages index clause by clause)
    assert "obligations/need-to-know-principle/" in locations
    assert "matrix/" in locations
    assert any(loc.startswith("changes/farnham-from-west-mersea/") for loc in locations)
    assert not any(re.match(r"(obligations|compare|changes)/[^#]+/#", loc) for loc in locations)
    # the model's clauses, without the lists of protocols stating each (data-search-exclude)
    model = " ".join(d["text"] for d in index["docs"] if d["location"].startswith("model/"))
    assert "Councillors and officers are both servants of the public" in model
    assert "of 5 protocols" not in model
    # ranked: see tests/test_search_index.py and the browser tests
    clause = next(
        d for d in index["docs"] if d["location"] == "protocols/southend/#southend-9-1-14"
    )
    assert clause["boost"] == SOURCE_BOOST
    assert index["config"]["fields"]["title"]["boost"] == TITLE_BOOST


def load_project_with(clauses: Path):  # type: ignore[no-untyped-def]
    project_root = ROOT
    if clauses != ROOT / "clauses.yaml":
        import tempfile

        tmp = Path(tempfile.mkdtemp())
        (tmp / "source_protocols").symlink_to(ROOT / "source_protocols")
        (tmp / "clauses.yaml").write_bytes(clauses.read_bytes())
        project_root = tmp
    return load_project(project_root)


def test_pairs_can_be_limited() -> None:
    project, _ = load_project_with(FIXTURE_MAP)
    every = [p for p in build_pages(project) if p.startswith("compare/") and "--" in p]
    two = [p for p in build_pages(project, pair_limit=2) if p.startswith("compare/") and "--" in p]
    assert len(every) == 10
    assert len(two) == 2


def test_pages_without_an_obligation_map(tmp_path: Path) -> None:
    (tmp_path / "source_protocols").symlink_to(ROOT / "source_protocols")
    project, _ = load_project(tmp_path)
    assert project.obligations is None
    pages = build_pages(project)
    assert "protocols/farnham.md" in pages
    assert not any(p.startswith("obligations/") and p != "obligations/index.md" for p in pages)


HOSTILE = """---
council: Hostile Parish Council
title: </title><script>alert('title')</script> Protocol
tier: parish
source: hostile.txt
---

# Protocol <b>bold</b> {{ config.site_name }}

## 1. Rules <script>alert('h')</script>

1.1 Councillors <script>alert('x')</script> must not {% include 'x' %} or {{ page.title }}.

1.2 See [click me](javascript:alert('y')) and <img src=x onerror="alert('z')"> and *stars*.

- A bullet with <iframe src="https://evil.example/"></iframe> and `code` and #hash.
"""


@pytest.mark.slow
def test_hostile_source_text_renders_inert(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "hostile.md").write_text(HOSTILE, encoding="utf-8")
    project = make_project(tmp_path / "root", sources=sources)
    result = build(project)
    assert result.returncode == 0, result.stderr
    html = (project / "site" / "protocols" / "hostile" / "index.html").read_text("utf-8")
    assert "<script>alert" not in html  # not in the body, the <title> or the search index
    index = (project / "site" / "search" / "search_index.json").read_text("utf-8")
    assert "<script>alert" not in index
    body = html.split("<article", 1)[1].split("</article>", 1)[0]
    assert "<script" not in body
    assert "<iframe" not in body and "<img" not in body
    assert "javascript:" not in re.sub(r">[^<]*<", "><", body)  # not in any tag or attribute
    assert (
        "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in body
        or "&lt;script&gt;alert('x')&lt;/script&gt;" in body
    )
    assert "{{ page.title }}" in body and "{% include 'x' %}" in body
    assert "[click me](javascript:alert(" in body


@pytest.mark.slow
def test_properdocs_builds_the_site_strictly(tmp_path: Path) -> None:
    project = make_project(tmp_path / "proper", clauses=site_map())
    result = build(project, engine="properdocs")
    assert result.returncode == 0, result.stderr
    assert (project / "site" / "protocols" / "farnham" / "index.html").exists()


DATA = ["data/protocols.json", "data/obligations.json", "data/matrix.csv"]


@pytest.mark.slow
@pytest.mark.parametrize("path", DATA)
def test_open_data_is_published(built_site: Path, path: str) -> None:
    assert (built_site / path).stat().st_size > 100
    page = (built_site / "open-data" / "index.html").read_text(encoding="utf-8")
    assert f'href="../{path}"' in page
