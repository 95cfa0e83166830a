"""The model protocol over the real clauses.yaml: every kind of council, read as a lawyer would."""

from __future__ import annotations

import io
import os

import pytest
from docx import Document

from generator.core.types import Tier
from generator.drafting.answers import Answers, Choice
from generator.drafting.docx_writer import model_docx
from generator.drafting.model_checks import COMBINATIONS, check_wording, draft_problems
from generator.drafting.model_protocol import GROUPS, ModelProtocol, build, candidates, plain
from generator.map.obligations import ObligationMap, Status
from generator.project import Project, load_project
from generator.site.model_pages import model_markdown
from tests.helpers import ROOT


@pytest.fixture(scope="module")
def project() -> Project:
    project, _ = load_project(ROOT)
    assert project.obligations is not None
    return project


def omap_of(project: Project) -> ObligationMap:
    assert project.obligations is not None
    return project.obligations


def draft(project: Project, tier: Tier, nation: str = "england", **kw: object) -> ModelProtocol:
    answers = Answers("Test Council", tier, nation, **kw)  # type: ignore[arg-type]
    model, problems = build(omap_of(project), project.protocols, answers)
    assert not problems, problems
    return model


def words(model: ModelProtocol) -> str:
    return "\n".join(plain(t) for c in model.clauses for t in (c.text, *c.items))


def test_every_obligation_has_model_wording_or_a_reason(project: Project) -> None:
    missing = [
        f"{omap_of(project).path}:{o.line}: '{o.id}'"
        for o in omap_of(project).obligations
        if not o.model and not o.not_for_model
    ]
    assert not missing, "no 'model' wording and no 'not_for_model' reason:\n" + "\n".join(missing)


def test_map_model_fields_and_every_draft_pass_the_checks(project: Project) -> None:
    assert [str(p) for p in check_wording(omap_of(project))] == []


@pytest.mark.parametrize(
    ("nation", "tier", "governance"),
    COMBINATIONS,
    ids=[f"{n}-{t.value}-{g or 'local'}" for n, t, g in COMBINATIONS],
)
def test_no_loop_no_misprint_for_every_kind(
    project: Project, nation: str, tier: Tier, governance: str | None
) -> None:
    model = draft(project, tier, nation, governance=governance)
    assert draft_problems(model) == []
    text = words(model)
    assert "{" not in text and "}" not in text
    # every paragraph (clause and sub-item) starts as a sentence does
    for c in model.clauses:
        for t in (c.text, *c.items):
            first = plain(t).lstrip("\"'“‘(")[:1]
            assert not first.islower(), (c.number, plain(t)[:60])


def test_every_model_clause_cites_a_source_or_is_new_drafting(project: Project) -> None:
    untraced = [
        o.id
        for o in candidates(omap_of(project))
        if all(s.status is Status.ABSENT for s in o.sources.values()) and not o.new_drafting
    ]
    assert not untraced


def test_what_all_five_agree_on_is_in_every_model(project: Project) -> None:
    omap = omap_of(project)
    agreed = [
        o.id
        for o in omap.obligations
        if o.model
        and not o.model_same_as
        and all(s.status is Status.FULL for s in o.sources.values())
    ]
    for tier in (Tier.PARISH, Tier.BOROUGH):
        ids = {c.id for c in draft(project, tier).clauses}
        assert set(agreed) <= ids, set(agreed) - ids


def test_parish_law(project: Project) -> None:
    text = words(draft(project, Tier.PARISH))
    assert "head of paid service" not in text
    assert "The Proper Officer is the officer" in text
    assert "The Responsible Financial Officer is the officer" in text
    assert "section 28 of the Localism Act 2011" in text
    assert "Data Protection Act 2018" in text and "whistleblowing" in text
    assert "designated enquiry service" not in text and "group leader" not in text


def test_wales_law(project: Project) -> None:
    community = words(draft(project, Tier.COMMUNITY, "wales"))
    assert "Public Services Ombudsman for Wales" in community
    assert "Localism Act" not in community and "district" not in community
    county = words(draft(project, Tier.COUNTY, "wales"))
    assert "Public Services Ombudsman for Wales" in county
    assert "(Wales) Regulations 2006" in county and "(England)" not in county


def test_principal_law_by_governance(project: Project) -> None:
    executive = draft(project, Tier.COUNTY, governance="executive")
    committee = draft(project, Tier.COUNTY, governance="committee")
    ex, co = words(executive), words(committee)
    assert "head of paid service under section 4" in ex
    assert "Local Authorities (Standing Orders) (England) Regulations 2001" in ex
    assert "section 100F of the Local Government Act 1972" in ex
    assert "may require officers to attend" in ex
    assert "Cabinet Member" in ex and "Cabinet" not in co
    laws = {c.id: c.law for c in executive.clauses}
    assert laws["officer-support-for-scrutiny"] == "Local Government Act 2000, s.9FA(8) and (9)"
    # grievances and line management below chief officer level are not for councillors
    staffing = next(c for c in executive.clauses if c.id == "staffing-committee-handles-personnel")
    assert "not for councillors" in plain(staffing.text)


def test_leaving_out_a_referenced_clause_rewrites_the_reference(project: Project) -> None:
    omap = omap_of(project)
    base = draft(project, Tier.BOROUGH)
    formal = next(c for c in base.clauses if c.id == "formal-complaint-in-writing")
    assert len(formal.items) == 3
    target = next(c for c in base.clauses if c.id == "disciplinary-procedure-if-unresolved")
    assert f"(paragraph {target.number})" in plain(formal.items[1])
    # the printed model, and a draft without the referenced clause, never point at a gap
    answers = Answers(
        "Test Council",
        Tier.BOROUGH,
        exclude=(Choice("formal-complaint-in-writing", 1),),
        include=(Choice("vexatious-complaints-referred", 2),),
    )
    model, problems = build(omap, project.protocols, answers)
    assert not problems
    numbers = {c.number for c in model.clauses}
    for c in model.clauses:
        for t in (c.text, *c.items):
            for s in t:
                if s.kind.value == "ref":
                    assert s.text.split(" ", 1)[1] in numbers


def test_draft_has_no_placeholders_in_word(project: Project) -> None:
    model = draft(project, Tier.TOWN)
    doc = Document(io.BytesIO(model_docx(model)))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "{" not in text


@pytest.mark.parametrize("group", GROUPS)
def test_golden_real_model(project: Project, group: str) -> None:
    """The Markdown model of the real map, for review in diffs (make golden refreshes it)."""
    model, _ = build(omap_of(project), project.protocols, group=group)
    actual = model_markdown(model)
    path = ROOT / "tests" / "golden" / "model" / f"real-{group}.md"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(actual, "utf-8")
    assert path.exists(), f"{path.name} not recorded yet: run UPDATE_GOLDEN=1 pytest -k golden"
    assert actual == path.read_text("utf-8"), (
        f"{path} differs; if the change is intended, run UPDATE_GOLDEN=1 pytest -k golden"
    )


def test_site_model_page_for_each_kind(project: Project) -> None:
    import re

    from generator.site.model_pages import model_pages

    pages = model_pages(project)
    for kind in GROUPS:
        page = pages[f"model/{kind}.md"]
        assert isinstance(page, str)
        body = re.sub(r"```.*?```", "", page, flags=re.S)
        assert "{council_name}" not in body and "{head_officer_title}" not in body
        assert '<mark class="placeholder"' in page
        assert "**Law:**" in page and "**New drafting:**" in page
        assert "In 5 of 5 protocols" in page
        appendix = page.split("## Appendix", 1)[1] if "## Appendix" in page else ""
        numbers = [int(n) for n in re.findall(r"\*\*A\.(\d+)\*\*", appendix)]
        assert numbers == list(range(1, len(numbers) + 1)), "appendix numbered in order"
        download = pages[f"model/model-protocol-{kind}.md"]
        assert isinstance(download, str) and "Id:" not in download
    assert "Public Services Ombudsman for Wales" in str(pages["model/wales-local.md"])
    assert "Localism Act 2011, ss\\.27 and 28" in str(pages["model/england-local.md"])
    assert "head of paid service" not in str(pages["model/model-protocol-england-local.md"])


def test_reference_to_an_optional_clause_follows_the_choice(project: Project) -> None:
    """A sentence that refers to a clause left out goes; switched on, it names the number."""
    off = draft(project, Tier.PARISH)
    clause = next(c for c in off.clauses if c.id == "criticism-well-founded-and-constructive")
    assert plain(clause.text).endswith("should not be made lightly.")
    on = draft(project, Tier.PARISH, include=(Choice("vexatious-complaints-referred", 1),))
    target = next(c for c in on.clauses if c.id == "vexatious-complaints-referred")
    clause = next(c for c in on.clauses if c.id == "criticism-well-founded-and-constructive")
    assert plain(clause.text).endswith(
        f"Paragraph {target.number} says what happens to a complaint that proves vexatious "
        "or malicious."
    )
