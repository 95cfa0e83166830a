"""Golden files of the generated Markdown for the real corpus.

Any change to a generated page shows up as a diff of ``tests/golden/site/``. After a
deliberate change, update them with ``make golden`` (``UPDATE_GOLDEN=1 pytest -k golden``)
and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.project import load_project
from generator.site.build import build_pages
from tests.conftest import ROOT, site_map

GOLDEN = ROOT / "tests" / "golden" / "site"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
# Pages other modules generate have their own golden tests.
OWNED_ELSEWHERE = ("model/", "changes/", "check.md")


def _generated() -> dict[str, str]:
    clauses = site_map()
    if clauses == ROOT / "clauses.yaml":
        project, _ = load_project(ROOT)
    else:
        import tempfile

        tmp = Path(tempfile.mkdtemp())
        (tmp / "source_protocols").symlink_to(ROOT / "source_protocols")
        (tmp / "clauses.yaml").write_bytes(clauses.read_bytes())
        project, _ = load_project(tmp)
    return {
        path: text
        for path, text in build_pages(project).items()
        if path.endswith(".md") and isinstance(text, str) and not path.startswith(OWNED_ELSEWHERE)
    }


def test_golden_site_pages() -> None:
    pages = _generated()
    if UPDATE:
        for old in GOLDEN.rglob("*.md"):
            if old.relative_to(GOLDEN).as_posix() not in pages:
                old.unlink()
        for path, text in pages.items():
            target = GOLDEN / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        pytest.skip("golden files updated; review the diff")
    expected = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md")}
    assert expected == set(pages), "pages added or removed: run `make golden`"
    changed = [
        path
        for path, text in sorted(pages.items())
        if (GOLDEN / path).read_text(encoding="utf-8") != text
    ]
    assert not changed, f"differ from tests/golden/site (run `make golden`): {changed[:10]}"
