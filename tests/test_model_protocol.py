"""The model protocol's selection, numbering, wording and provenance, on a fixture map."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import pytest

from generator.core.problems import Severity
from generator.core.types import Tier
from generator.drafting.answers import Answers, Choice
from generator.drafting.model_checks import check_wording
from generator.drafting.model_protocol import (
    ModelProtocol,
    SpanKind,
    build,
    plain,
)
from generator.map.load import load_map
from generator.map.obligations import ObligationMap
from generator.project import Project, load_project
from generator.site.model_pages import model_markdown, model_pages

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "model" / "clauses.yaml"
GOLDEN = ROOT / "tests" / "golden" / "model"
UNMAPPED = "is neither cited by an obligation nor listed under 'unmapped'"


@cache
def fixture_project() -> Project:
    """The five real protocols with the small fixture map (coverage problems ignored)."""
    real, _ = load_project(ROOT)
    omap, problems = load_map("clauses.yaml", FIXTURE.read_text("utf-8"), real.protocols)
    bad = [p for p in problems if UNMAPPED not in p.message]
    assert not bad, "\n".join(map(str, bad))
    assert omap is not None
    return Project(ROOT, real.protocols, omap)


def fixture_map() -> ObligationMap:
    omap = fixture_project().obligations
    assert omap is not None
    return omap


def draft(tier: Tier, **kw: object) -> ModelProtocol:
    answers = Answers("Little Snoring Parish Council", tier, path="a.yaml", **kw)  # type: ignore[arg-type]
    model, problems = build(fixture_map(), fixture_project().protocols, answers)
    assert not [p for p in problems if p.severity is Severity.ERROR], problems
    return model


def numbers(model: ModelProtocol) -> dict[str, str]:
    return {c.id: c.number for c in model.clauses}


def test_core_always_and_defaults_by_tier() -> None:
    parish = numbers(draft(Tier.PARISH))
    borough = numbers(draft(Tier.BOROUGH))
    for core in ("protocol-purpose-guide-relations", "criticism-in-private", "timely-response"):
        assert core in parish and core in borough
    assert "head-officer-line-management" in parish  # local
    assert "head-officer-line-management" not in borough
    assert "confidential-advice-not-disclosed" in borough  # principal
    assert "confidential-advice-not-disclosed" not in parish
    assert "nolan-principles-underpin" not in parish | borough  # optional: off
    assert "address-as-councillor" not in parish | borough  # not_for_model


def test_numbering_has_no_gaps_after_selection() -> None:
    model = draft(Tier.PARISH, exclude=(Choice("head-officer-line-management", 3),))
    for s_i, section in enumerate(model.sections, 1):
        assert section.number == str(s_i)
        assert [c.number for c in section.clauses] == [
            f"{s_i}.{i}" for i in range(1, len(section.clauses) + 1)
        ]
    roles = next(s for s in model.sections if s.id == "roles")
    assert [c.id for c in roles.clauses] == [
        "distinct-but-interdependent-roles",
        "councillor-responsibilities",
        "definition-head-officer",
        "officers-politically-impartial",
    ]
    assert roles.clauses[3].number == "2.4"


def test_items_are_numbered_under_their_clause() -> None:
    model = draft(Tier.PARISH)
    clause = next(c for c in model.clauses if c.id == "councillor-responsibilities")
    assert len(clause.items) == 4
    assert plain(clause.items[2]) == "to represent Little Snoring Parish Council externally; and"


def test_cross_reference_is_numbered_after_selection() -> None:
    model = draft(Tier.BOROUGH, include=(Choice("nolan-principles-underpin", 2),))
    target = numbers(model)["councillor-concern-about-officer"]
    clause = next(c for c in model.clauses if c.id == "criticism-in-private")
    refs = [s for s in clause.text if s.kind is SpanKind.REF]
    assert [r.text for r in refs] == [f"paragraph {target}"]
    assert refs[0].name == "councillor-concern-about-officer"


def test_switching_an_empty_theme_off_leaves_no_gap() -> None:
    omap = fixture_map()
    # Remove the whole last theme's clauses by giving a map without them: sections renumber.
    kept = tuple(o for o in omap.obligations if o.theme != "access-to-information")
    smaller = ObligationMap(omap.path, omap.themes, kept, by_id={o.id: o for o in kept})
    model, _ = build(smaller, fixture_project().protocols, Answers("X Parish Council", Tier.PARISH))
    assert [s.number for s in model.sections] == ["1", "2", "3", "4"]
    assert model.sections[-1].id == "resolving-concerns"
    clause = next(c for c in model.clauses if c.id == "criticism-in-private")
    assert "paragraph 4.1" in plain(clause.text)


def test_sentence_with_reference_to_missing_clause_is_dropped() -> None:
    omap = fixture_map()
    kept = tuple(o for o in omap.obligations if o.id != "councillor-concern-about-officer")
    smaller = ObligationMap(omap.path, omap.themes, kept, by_id={o.id: o for o in kept})
    model, _ = build(smaller, fixture_project().protocols, Answers("X Parish Council", Tier.PARISH))
    # The clause's only sentence refers to the missing clause: the clause is dropped too.
    assert "criticism-in-private" not in numbers(model)
    assert "paragraph" not in "".join(plain(c.text) for c in model.clauses)


def test_variables_filled_with_article_and_capital() -> None:
    model = draft(Tier.PARISH)
    text = {c.id: plain(c.text) for c in model.clauses}
    assert text["head-officer-line-management"] == (
        "The Clerk line-manages all other staff. "
        "Councillors do not instruct staff except through the Clerk."
    )
    assert text["councillor-concern-about-officer"].endswith("raise the matter with the Clerk.")
    town = draft(Tier.TOWN, head_officer_title="Proper Officer")
    assert "The Proper Officer line-manages" in plain(
        next(c for c in town.clauses if c.id == "head-officer-line-management").text
    )
    assert not any(s.kind is SpanKind.PLACEHOLDER for c in model.clauses for s in c.text), (
        "a council's draft has no placeholders"
    )


def test_defaults_by_tier_are_reported() -> None:
    model = draft(Tier.BOROUGH)
    defaulted = {v.name: v.value for v in model.defaulted}
    assert defaulted["head_officer_title"] == "Chief Executive"
    assert defaulted["officer_complaints_to"] == "Chief Executive"
    assert "council_name" not in defaulted


def test_printed_model_marks_placeholders() -> None:
    model, _ = build(fixture_map(), fixture_project().protocols, group="england-local")
    spans = [s for c in model.clauses for s in c.text if s.kind is SpanKind.PLACEHOLDER]
    assert {s.name for s in spans} >= {
        "council_name",
        "head_officer_title",
        "officer_complaints_to",
    }
    assert "[Clerk]" in model_markdown(model)


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        (
            "nolan-principle",
            "unknown clause id 'nolan-principle'; closest: nolan-principles-underpin",
        ),
        ("address-as-councillor", "is not in the model (A matter of local etiquette"),
        ("timely-response", "is a core clause and is in every council's protocol"),
    ],
)
def test_bad_exclude_ids_are_refused_with_location(choice: str, expected: str) -> None:
    answers = Answers("X", Tier.PARISH, exclude=(Choice(choice, 14),), path="my-council.yaml")
    _, problems = build(fixture_map(), fixture_project().protocols, answers)
    messages = [str(p) for p in problems if p.severity is Severity.ERROR]
    assert len(messages) == 1
    assert messages[0].startswith("my-council.yaml:14: exclude: ")
    assert expected in messages[0]


def test_every_model_clause_traces_to_a_source_or_is_new_drafting() -> None:
    for group in ("england-local", "england-executive", "wales-local"):
        model, _ = build(fixture_map(), fixture_project().protocols, group=group)
        for clause in model.clauses:
            assert clause.sources or clause.new_drafting, clause.id
    review = build(
        fixture_map(),
        fixture_project().protocols,
        Answers("X", Tier.PARISH, include=(Choice("review-every-year", 1),)),
    )[0]
    clause = next(c for c in review.clauses if c.id == "review-every-year")
    assert not clause.sources and clause.new_drafting and "review date" in clause.new_drafting


def test_provenance_links_the_cited_clauses() -> None:
    model = draft(Tier.PARISH)
    clause = next(c for c in model.clauses if c.id == "officers-politically-impartial")
    assert clause.protocols == 5
    assert [s.slug for s in clause.sources] == [
        "west-mersea",
        "vale-of-grwyney",
        "southend",
        "farnham",
        "crawley",
    ]
    farnham = next(s for s in clause.sources if s.slug == "farnham")
    assert farnham.clauses == (("farnham-3-5-b14", "¶"),) or farnham.clauses[0][0] == (
        "farnham-3-5-b14"
    )


def test_check_wording_finds_bad_references() -> None:
    assert check_wording(fixture_map()) == []
    omap = fixture_map()
    o = omap.by_id["timely-response"]
    from dataclasses import replace

    text = "See {ref:councilor-concern-about-officer}."
    bad = replace(o, model=text, model_variants=((frozenset(), text),))
    obligations = tuple(bad if x.id == o.id else x for x in omap.obligations)
    broken = ObligationMap(
        omap.path, omap.themes, obligations, by_id={x.id: x for x in obligations}
    )
    messages = [p.message for p in check_wording(broken)]
    assert len(messages) == 1
    assert "closest: councillor-concern-about-officer" in messages[0]


def test_site_pages_and_downloads() -> None:
    pages = model_pages(fixture_project())
    kinds = ("england-local", "england-executive", "england-committee")
    kinds += ("wales-local", "wales-principal")
    assert set(pages) == {"model/index.md"} | {
        f"model/{name}"
        for k in kinds
        for name in (f"{k}.md", f"model-protocol-{k}.md", f"model-protocol-{k}.docx")
    }
    assert isinstance(pages["model/model-protocol-england-local.docx"], bytes)
    for k in kinds:
        download = pages[f"model/model-protocol-{k}.md"]
        assert isinstance(download, str)
        assert "Id:" not in download and "(id:" not in download, "no machine ids in downloads"
        assert "{" not in download, "no raw {variable} in a download"
    local = pages["model/england-local.md"]
    assert isinstance(local, str)
    assert "../protocols/farnham.md#farnham-3-5-b14" in local
    assert "In 5 of 5 protocols (4 in full, 1 in part)" in local
    assert '<mark class="placeholder"' in local and "[Clerk]</mark>" in local
    assert pages == model_pages(fixture_project()), "two builds are identical"


@pytest.mark.parametrize("group", ["england-local", "england-executive"])
def test_golden_markdown(group: str) -> None:
    pages = model_pages(fixture_project())
    for name, key in (
        (f"{group}.md", f"model/model-protocol-{group}.md"),
        (f"page-{group}.md", f"model/{group}.md"),
    ):
        actual = pages[key]
        assert isinstance(actual, str)
        path = GOLDEN / name
        if os.environ.get("UPDATE_GOLDEN"):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, "utf-8")
        assert path.exists(), f"{path} missing: run UPDATE_GOLDEN=1 pytest -k golden"
        assert actual == path.read_text("utf-8"), (
            f"{path} differs; if the change is intended, run UPDATE_GOLDEN=1 pytest -k golden"
        )


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "A complaint about {head_officer_title} goes in writing to {head_officer_title}.",
            "a concern about the Clerk is sent to the Clerk",
        ),
        (
            "Write to {head_officer_title} (or, for a complaint about {head_officer_title}, to "
            "{head_officer_title}).",
            "a concern about the Clerk is sent to the Clerk",
        ),
        ("Officers respond promptly. officers keep records.", "starts in lower case"),
        ("Officers respond to to councillors.", "a doubled word: 'to to'"),
        ("Officers respond to the a councillor.", "a doubled article: 'the a'"),
        ("Ask the Monitoring Officer.", "'Monitoring Officer' is used but never defined"),
        ("Ask {head_officer_title} or the Proper Officer.", "'Proper Officer' is used but never"),
        ("Officers brief the cabinet.", "'cabinet' belongs to principal councils"),
        (
            "Complaints go to the Monitoring Officer under the Localism Act 2011.",
            "'Localism Act 2011' is not the law of Wales",
        ),
        ("Complaints go to the Public Services Ombudsman for Wales.", "is not the law of England"),
        (
            "Staff follow the Local Authorities (Standing Orders) (England) Regulations 2001.",
            "'(England)' is not the law of Wales",
        ),
        ("Officers brief the Cabinet.", "'Cabinet' belongs to executive arrangements"),
        ("Officers report to the executive.", "'the executive' belongs to executive arrangements"),
        ("Officers reply within {days} days.", "a placeholder was left in the text"),
    ],
)
def test_check_finds_loops_and_misprints(text: str, found: str) -> None:
    from dataclasses import replace

    omap = fixture_map()
    o = omap.by_id["timely-response"]
    bad = replace(o, model=text, model_variants=((frozenset(), text),))
    obligations = tuple(bad if x.id == o.id else x for x in omap.obligations)
    broken = ObligationMap(
        omap.path, omap.themes, obligations, by_id={x.id: x for x in obligations}
    )
    messages = [p.message for p in check_wording(broken)]
    if "{days}" in text:
        assert any("unknown variable '{days}'" in m for m in messages), messages
    else:
        assert any(found in m for m in messages), messages


def test_alternatives_cannot_both_be_included() -> None:
    from dataclasses import replace

    omap = fixture_map()
    a = replace(omap.by_id["nolan-principles-underpin"], model_alternative_to="review-every-year")
    obligations = tuple(a if x.id == a.id else x for x in omap.obligations)
    alt = ObligationMap(omap.path, omap.themes, obligations, by_id={x.id: x for x in obligations})
    answers = Answers(
        "X",
        Tier.PARISH,
        include=(Choice("nolan-principles-underpin", 4), Choice("review-every-year", 5)),
        path="a.yaml",
    )
    _, problems = build(alt, fixture_project().protocols, answers)
    assert any("are alternatives" in str(p) for p in problems), problems


def test_other_nation_and_executive_checks_leave_council_values_alone() -> None:
    """The checks read the model's phrases, not a council's own names: an English parish
    council styled a community council, or a committee-system council's executive director,
    is not refused."""
    from generator.drafting.model_checks import EXECUTIVE_WORDS, OTHER_NATION

    assert not OTHER_NATION["england"].search("Foo Community Council")
    assert OTHER_NATION["england"].search("members of community or town councils")
    assert OTHER_NATION["wales"].search("section 28 of the Localism Act 2011")
    assert not EXECUTIVE_WORDS.search("raised with the executive director of resources")
    assert EXECUTIVE_WORDS.search("decisions of the council, the executive and committees")
