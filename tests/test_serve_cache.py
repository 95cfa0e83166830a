"""Under ``mkdocs serve`` the site is rebuilt from what earlier builds remembered
(generator/serve_cache.py, generator/markdown_pieces.py). Every such build must give exactly
the files a clean ``mkdocs build --strict`` of the same sources gives, and a page with a
problem must keep failing the strict build, not be served from memory.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.serve.markdown_pieces import cut
from tests.conftest import BUILD_ENV, ROOT, build, make_project, site_map

STAMPED = {"sitemap.xml.gz"}


def serve_builds(project: Path, rounds: list[list[tuple[str, str, str]]]) -> list[str]:
    """Build ``project`` as ``mkdocs serve`` does, then again after each round of edits."""
    spec = project / "rounds.json"
    spec.write_text(json.dumps(rounds), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "serve_builds.py"), str(project), str(spec)],
        env=BUILD_ENV,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    outcomes: list[str] = json.loads(result.stdout.strip().splitlines()[-1])
    return outcomes


def differences(a: Path, b: Path) -> list[str]:
    files_a = {p.relative_to(a) for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b) for p in b.rglob("*") if p.is_file()}
    missing = [f"only in one: {p}" for p in sorted(files_a ^ files_b)]
    return missing + [
        str(rel)
        for rel in sorted(files_a & files_b)
        if rel.name not in STAMPED and (a / rel).read_bytes() != (b / rel).read_bytes()
    ]


def first_obligation_title(clauses: str) -> str:
    start = clauses.index("\nobligations:")
    line = next(x for x in clauses[start:].split("\n") if x.lstrip().startswith("title:"))
    return line


@pytest.mark.slow
def test_serve_rebuilds_equal_clean_builds(built_site: Path, tmp_path: Path) -> None:
    """One ``mkdocs serve`` process, six builds: edits, their undoing, a broken link that must
    keep failing the strict build through an unrelated edit, and its fix.

    The first serve build, made in another process, equals ``built_site`` byte for byte: two
    builds of the same sources are identical (no clock time, no hash order in the output).
    """
    project = make_project(tmp_path / "serve", clauses=site_map())
    title = first_obligation_title((project / "clauses.yaml").read_text(encoding="utf-8"))
    wording = ("source_protocols/farnham.md", "Councillors", "Councillors and co-opted members")
    hide_toc = "---\nhide:\n  - toc\n---\n\n# Accessibility"
    front_matter = ("docs/accessibility.md", "# Accessibility", hide_toc)
    edit = [("clauses.yaml", title, title + " (edited)"), wording, front_matter]
    undo = [(path, new, old) for path, old, new in edit]
    broken = ("docs/methodology.md", "\n", "\n\n[gone](no-such-page.md)\n")
    other = ("docs/accessibility.md", "\n", "\n\nAn unrelated edit.\n")
    fix = [(path, new, old) for path, old, new in (broken, other)]

    outcomes = serve_builds(project, [edit, undo, [broken], [other], fix])
    assert outcomes[:3] == ["ok", "ok", "ok"], outcomes
    # a page with a problem is not served from memory: the strict build fails until it is fixed
    assert outcomes[3].startswith("Abort") and outcomes[4].startswith("Abort"), outcomes
    assert outcomes[5] == "ok", outcomes

    edited = make_project(tmp_path / "clean", clauses=site_map())
    for path, old, new in edit:
        text = (edited / path).read_text(encoding="utf-8")
        (edited / path).write_text(text.replace(old, new, 1), encoding="utf-8")
    result = build(edited)
    assert result.returncode == 0, result.stderr

    assert not differences(project / "site-serve-0", built_site)  # the first serve build
    assert not differences(project / "site-serve-1", edited / "site")  # after the edits
    assert not differences(project / "site-serve-2", built_site)  # after undoing them
    assert not differences(project / "site-serve-5", built_site)  # after the fix


@pytest.mark.parametrize(
    "markdown",
    [
        "[a]: https://example.org\n\n# A\n\n## B\n",  # a reference definition
        "# A\n\n```\n\n## not a heading\n```\n",  # fenced code
        "# A\n\n[TOC]\n\n## B\n",
    ],
)
def test_pages_that_must_convert_whole_are_not_cut(markdown: str) -> None:
    assert cut(markdown) is None


def test_cuts_fall_only_outside_html_blocks() -> None:
    markdown = '# A\n\n<div markdown="1">\n\n## inside\n\n</div>\n\n## B\n\nend\n'
    pieces = cut(markdown, group=1)
    assert pieces == ['# A\n\n<div markdown="1">\n\n## inside\n\n</div>', "## B\n\nend\n"]
    assert "\n\n".join(pieces) == markdown


def test_generated_pages_cut_back_to_themselves() -> None:
    from generator.project import load_project
    from generator.site.build import build_pages

    project, _ = load_project(ROOT)
    cut_pages = 0
    for path, page in build_pages(project).items():
        if isinstance(page, str) and path.endswith(".md"):
            pieces = cut(page)
            if pieces is not None:
                assert "\n\n".join(pieces) == page, path
                cut_pages += len(pieces) > 1
    assert cut_pages > 20
