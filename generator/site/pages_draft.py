"""The draft page: a form that drafts a council's protocol in the browser. Project in, files out.

Files (paths relative to ``docs/``):

- ``draft/index.md``: the form (from ``templates/draft/page.md.j2``), with what to do instead when
  JavaScript is off: the ready-made Word files of the model and the ``draft`` command.
- ``draft/kit.json``: the drafting kit (:func:`generator.drafting.kit.drafting_kit`): the
  rules, defaults, clauses and Word parts ``docs/javascripts/draft.js`` drafts from.

The form and the kit are written only when the obligation map exists. The words of the form
(labels and hints) are here and in the template; the rules they ask about are in the kit.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from generator.core.types import Tier
from generator.drafting.kit import KIT_VERSION, drafting_kit
from generator.map.model_fields import KINDS
from generator.project import Project
from generator.site.render import render

PAGE = "draft/index.md"
KIT = "draft/kit.json"
NO_MAP = (
    "# Draft your council's protocol\n\nThe model protocol is assembled from the obligation "
    "map (clauses.yaml), which is not published yet; drafting will follow it.\n"
)


@dataclass(frozen=True)
class Question:
    """One text question of the form: an answers key, its label and hint."""

    key: str
    """The answers key: 'head_officer_title'."""
    label: str
    """The question, as the field's label."""
    hint: str
    """What to write, with an example."""
    when: str = ""
    """Shown only for these councils: 'local', 'principal' or 'executive' ('' for all)."""
    short: bool = False
    """A short field (dates, references)."""


@dataclass(frozen=True)
class Step:
    """A page of the form: a few related questions."""

    id: str
    title: str
    intro: str
    questions: tuple[Question, ...]


STEPS = (
    Step(
        "names",
        "Your council and its officers",
        "Write titles as your council uses them, with or without 'the': the protocol adds "
        "'the' where a sentence needs it. Leave a title blank to use the usual one, shown "
        "under each question.",
        (
            Question(
                "council_name",
                "What is your council's full name?",
                "For example, Little Snoring Parish Council. This is the only one you must give.",
            ),
            Question(
                "head_officer_title",
                "What is the head officer's title?",
                "For example, Clerk, Town Clerk or Chief Executive.",
            ),
            Question(
                "civic_head_title",
                "What is the chair of the council called?",
                "The civic head: for example, Chair, Chairman, Town Mayor or Mayor.",
            ),
            Question(
                "leader_title",
                "What is the political leader called?",
                "For example, Leader of the Council.",
                when="executive",
            ),
            Question(
                "proper_officer_title",
                "Who is the Proper Officer?",
                "The officer who issues summonses and keeps the council's records.",
                when="local",
            ),
            Question(
                "rfo_title",
                "Who is the Responsible Financial Officer?",
                "The officer responsible for the council's financial administration.",
                when="local",
            ),
            Question(
                "monitoring_officer_council",
                "Which principal council's monitoring officer serves your area?",
                "For example, North Norfolk District Council.",
                when="local",
            ),
            Question(
                "staffing_committee",
                "Which committee deals with staffing?",
                "For example, Staffing Committee or Personnel Committee.",
            ),
        ),
    ),
    Step(
        "routes",
        "Concerns about officers",
        "Who should a councillor go to with a concern about an officer's conduct or work?",
        (
            Question(
                "officer_complaints_to",
                "Who hears a councillor's concern about an officer?",
                "About an officer other than the head officer: for example, Clerk.",
            ),
            Question(
                "head_officer_complaints_to",
                "Who hears a councillor's concern about the head officer?",
                "Never the head officer: for example, chair of the Staffing Committee.",
            ),
        ),
    ),
    Step(
        "adoption",
        "Adoption and review",
        "These go on the cover of the protocol. Leave them blank to fill in by hand later.",
        (
            Question(
                "adopted",
                "When was (or will) the protocol be adopted?",
                "As year-month-day, for example 2026-05-14; or year-month, 2026-05.",
                short=True,
            ),
            Question(
                "minute_reference",
                "What is the minute reference of the adoption?",
                "For example, 26/045.",
                short=True,
            ),
            Question(
                "review_due",
                "When is the protocol next to be reviewed?",
                "After the adoption date: for example 2027-05.",
                short=True,
            ),
        ),
    ),
)

TIER_LABELS = {
    Tier.PARISH: "Parish council (England only)",
    Tier.TOWN: "Town council",
    Tier.COMMUNITY: "Community council",
    Tier.DISTRICT: "District council (England only)",
    Tier.BOROUGH: "Borough or county borough council",
    Tier.COUNTY: "County council",
    Tier.UNITARY: "Unitary council",
}
NATION_LABELS = {"england": "England", "wales": "Wales"}
GOVERNANCE_LABELS = {
    "executive": "Executive arrangements (a leader and cabinet)",
    "committee": "A committee system",
}


def draft_pages(project: Project) -> dict[str, str | bytes]:
    """The draft page and its kit; without an obligation map, a page saying it will follow
    (the navigation names the page)."""
    omap = project.obligations
    if omap is None:
        return {PAGE: NO_MAP}
    kit = drafting_kit(omap, project.protocols)
    return {PAGE: draft_page(), KIT: kit_json(kit)}


def kit_json(kit: dict[str, Any]) -> bytes:
    """The kit as compact, deterministic JSON."""
    return json.dumps(kit, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


def draft_page() -> str:
    """The form page's Markdown (the form itself is HTML)."""
    return render(
        "pages/draft.md.j2",
        version=KIT_VERSION,
        kinds=[{"id": k.id, "title": k.title} for k in KINDS],
        nations=[{"id": n, "label": label} for n, label in NATION_LABELS.items()],
        tiers=[{"id": t.value, "label": TIER_LABELS[t]} for t in Tier],
        governance=[{"id": g, "label": label} for g, label in GOVERNANCE_LABELS.items()],
        steps=STEPS,
    )
