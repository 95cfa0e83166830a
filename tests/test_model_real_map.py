"""The model protocol over the real clauses.yaml."""

from __future__ import annotations

import io

import pytest
from docx import Document

from generator.core.types import Tier
from generator.drafting.answers import Answers
from generator.drafting.docx_writer import model_docx
from generator.drafting.model_protocol import build, candidates, check_wording, plain
from generator.map.obligations import ObligationMap, Status
from generator.project import Project, load_project
from tests.helpers import ROOT


@pytest.fixture(scope="module")
def project() -> Project:
    project, _ = load_project(ROOT)
    assert project.obligations is not None
    return project


def omap_of(project: Project) -> ObligationMap:
    assert project.obligations is not None
    return project.obligations


def test_every_obligation_has_model_wording_or_a_reason(project: Project) -> None:
    missing = [
        f"{omap_of(project).path}:{o.line}: '{o.id}'"
        for o in omap_of(project).obligations
        if not o.model and not o.not_for_model
    ]
    assert not missing, "no 'model' wording and no 'not_for_model' reason:\n" + "\n".join(missing)


def test_model_wording_references_are_valid(project: Project) -> None:
    assert [str(p) for p in check_wording(omap_of(project))] == []


def test_every_model_clause_traces_to_a_source_or_says_why_not(project: Project) -> None:
    untraced = [
        f"{o.id}"
        for o in candidates(omap_of(project))
        if all(s.status is Status.ABSENT for s in o.sources.values())
        and not any(s.note for s in o.sources.values())
    ]
    assert not untraced, "model clauses no protocol states, with no note saying why: " + str(
        untraced
    )


def test_what_all_five_agree_on_is_in_every_model(project: Project) -> None:
    omap = omap_of(project)
    agreed = [
        o.id
        for o in omap.obligations
        if o.model and all(s.status is Status.FULL for s in o.sources.values())
    ]
    assert agreed, "no obligation that all five state in full: nothing to check"
    for tier in (Tier.PARISH, Tier.BOROUGH):
        model, _ = build(omap, project.protocols, Answers("X Council", tier))
        ids = {c.id for c in model.clauses}
        assert set(agreed) <= ids, set(agreed) - ids


@pytest.mark.parametrize("tier", [Tier.PARISH, Tier.TOWN, Tier.BOROUGH, Tier.COUNTY])
def test_draft_has_no_placeholders(project: Project, tier: Tier) -> None:
    model, problems = build(omap_of(project), project.protocols, Answers("X Council", tier))
    assert not problems
    doc = Document(io.BytesIO(model_docx(model)))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "{" not in text, [plain(c.text) for c in model.clauses if "{" in plain(c.text)]


@pytest.mark.parametrize("group", ["local", "principal"])
def test_golden_real_model(project: Project, group: str) -> None:
    """The Markdown model of the real map, for review in diffs (make golden refreshes it)."""
    import os

    from generator.site.model_pages import model_markdown

    model, _ = build(omap_of(project), project.protocols, group=group)
    actual = model_markdown(model)
    path = ROOT / "tests" / "golden" / "model" / f"real-{group}.md"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(actual, "utf-8")
    assert path.exists(), f"{path} is missing: run `make golden` and review the new file"
    assert actual == path.read_text("utf-8"), (
        f"{path} differs; if the change is intended, run `make golden`"
    )
