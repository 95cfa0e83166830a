"""Adding a council's protocol: its source file, and suggested positions in clauses.yaml."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.map.obligations import Status
from generator.outputs.opendata import obligations_data
from generator.project import load_project
from generator.sources.fidelity import check_fidelity
from generator.views.words_display import position_words

from .helpers import ROOT, SEEDS, SOURCES, run_cli

CRAWLEY_SEED = SEEDS / "004_42e29fca7d98e6d8.txt"


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, str, str]:
    root = tmp_path_factory.mktemp("project")
    shutil.copytree(SOURCES, root / "source_protocols")
    shutil.copy2(ROOT / "clauses.yaml", root / "clauses.yaml")
    code, out, err = run_cli(
        "--root",
        str(root),
        "ingest",
        str(CRAWLEY_SEED),
        "--slug",
        "new-crawley",
        "--council",
        "New Crawley Borough Council",
        "--tier",
        "borough",
    )
    return root, code, out, err


def test_ingest_adds_a_faithful_source_and_its_seed(ingested: tuple[Path, int, str, str]) -> None:
    root, code, out, err = ingested
    assert code == 0, err
    assert "suggested positions for new-crawley" in out
    source = root / "source_protocols" / "new-crawley.md"
    assert source.read_text(encoding="utf-8").startswith(
        "---\ncouncil: New Crawley Borough Council\n"
    )
    project, problems = load_project(root)
    assert [p for p in problems if p.severity.value == "error"] == []
    new = next(p for p in project.protocols if p.slug == "new-crawley")
    assert all(c.id.startswith("new-crawley-") for c in new.clauses)
    seed = (root / "source_protocols" / "seeds" / new.meta.source).read_text(encoding="utf-8")
    assert seed == CRAWLEY_SEED.read_text(encoding="utf-8")
    assert check_fidelity(new, seed) is None


def test_the_rest_of_clauses_yaml_is_byte_identical(ingested: tuple[Path, int, str, str]) -> None:
    root, code, _, err = ingested
    assert code == 0, err
    before = (ROOT / "clauses.yaml").read_text(encoding="utf-8")
    after = (root / "clauses.yaml").read_text(encoding="utf-8")
    added = [line for line in after.split("\n") if "new-crawley" in line]
    kept = [line for line in after.split("\n") if "new-crawley" not in line]
    assert "\n".join(kept) == before
    assert all(
        line.startswith("      new-crawley: {") or line.startswith("  - {clause: new-crawley-")
        for line in added
    )


def test_suggested_positions_are_marked_and_listed(ingested: tuple[Path, int, str, str]) -> None:
    root, code, _, err = ingested
    assert code == 0, err
    project, _ = load_project(root)
    omap = project.obligations
    assert omap is not None
    for o in omap.obligations:
        s = o.sources["new-crawley"]
        assert s.suggested
        assert "(suggested, not yet reviewed)" in position_words(s)
        crawley = o.sources["crawley"]
        assert (s.status is Status.ABSENT) == (crawley.status is Status.ABSENT), o.id
        assert not crawley.suggested
    data = json.loads(json.dumps(obligations_data(omap, project.protocols, {})))
    assert all(o["sources"]["new-crawley"]["suggested"] is True for o in data["obligations"])
    assert all("suggested" not in o["sources"]["crawley"] for o in data["obligations"])
    from generator.site.build import build_pages

    page = build_pages(project)["obligations/protocol-sets-out-roles.md"]
    assert isinstance(page, str)
    assert "suggested, not yet reviewed" in page.split("### New Crawley Borough Council")[1]
    code, out, _ = run_cli("--root", str(root), "check")
    assert code == 0
    assert f"new-crawley: {len(omap.obligations)} suggested position(s) still to review:" in out
    assert "clauses.yaml:" in out.split("still to review:")[1]


def test_ingest_never_overwrites(ingested: tuple[Path, int, str, str]) -> None:
    root, *_ = ingested
    before = (root / "clauses.yaml").read_bytes()
    code, _, err = run_cli(
        "--root", str(root), "ingest", str(CRAWLEY_SEED), "--slug", "new-crawley",
        "--council", "X", "--tier", "borough",
    )  # fmt: skip
    assert code == 2
    assert "new-crawley.md: already exists" in err and "already mapped" in err
    assert (root / "clauses.yaml").read_bytes() == before


def test_a_bad_slug_is_refused(tmp_path: Path) -> None:
    code, _, err = run_cli(
        "--root", str(ROOT), "ingest", str(CRAWLEY_SEED), "--slug", "New Crawley",
        "--council", "X", "--tier", "borough",
    )  # fmt: skip
    assert code == 2
    assert "'New Crawley' is not a valid slug" in err
