"""Answers: defaults by tier, dates, and located messages for bad values."""

from __future__ import annotations

import pytest

from generator.core.types import Tier
from generator.drafting.answers import Answers, defaults, human_date, read_answers


@pytest.mark.parametrize(
    ("tier", "head", "chair", "complaints", "mo_council"),
    [
        (
            Tier.PARISH,
            "Clerk",
            "Chair",
            "the Chair",
            "the district or unitary council for the area",
        ),
        (
            Tier.COMMUNITY,
            "Clerk",
            "Chair",
            "the Chair",
            "the district or unitary council for the area",
        ),
        (
            Tier.TOWN,
            "Town Clerk",
            "Mayor",
            "the Mayor",
            "the district or unitary council for the area",
        ),
        (Tier.DISTRICT, "Chief Executive", "Leader", "the Chief Executive", "X"),
        (Tier.BOROUGH, "Chief Executive", "Leader", "the Chief Executive", "X"),
        (Tier.COUNTY, "Chief Executive", "Leader", "the Chief Executive", "X"),
        (Tier.UNITARY, "Chief Executive", "Leader", "the Chief Executive", "X"),
    ],
)
def test_defaults_by_tier(
    tier: Tier, head: str, chair: str, complaints: str, mo_council: str
) -> None:
    d = defaults(Answers("X", tier))
    assert (d["head_officer_title"], d["chair_title"], d["complaints_to"]) == (
        head,
        chair,
        complaints,
    )
    assert d["monitoring_officer_council"] == mo_council


def test_given_values_win_over_defaults() -> None:
    d = defaults(Answers("X", Tier.TOWN, head_officer_title="Proper Officer", chair_title="Chair"))
    assert d["head_officer_title"] == "Proper Officer"
    assert d["complaints_to"] == "the Chair"


def test_yaml_dates_and_text() -> None:
    answers, problems = read_answers(
        "a.yaml",
        "council_name: X Parish Council\ntier: Parish\nadopted: 2026-05-14\n"
        "review_due: 2027-05\nminute_reference: 26/045\ninclude: nolan-principles-underpin\n",
    )
    assert problems == []
    assert answers is not None
    assert answers.tier is Tier.PARISH
    assert answers.adopted == "2026-05-14"
    assert answers.review_due == "2027-05"
    assert [c.id for c in answers.include] == ["nolan-principles-underpin"]
    assert human_date("2026-05-14") == "14 May 2026"
    assert human_date("2027-05") == "May 2027"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("tier: parish\n", "a.yaml: 'council_name' is required"),
        (
            "council_name: X\ntier: parish\nchair_title: the Chair\n",
            "a.yaml:3: 'chair_title' is a title without 'the' (e.g. 'Chair')",
        ),
        (
            "council_name: X\ntier: parish\nadopted: true\n",
            "a.yaml:3: 'adopted' must be a line of text, not 'true' (a yes/no value",
        ),
        (
            "council_name: X\ntier: parish\ninclude: {a: 1}\n",
            "a.yaml:3: 'include' must be a list of clause ids",
        ),
        (
            "council_name: X\ntier: parish\ninclude: [a]\nexclude: [a]\n",
            "'a' is listed under both include and exclude",
        ),
        ("council_name: [X\n", "a.yaml:2:1: YAML syntax error"),
        ("- a\n", "a.yaml:1: expected 'key: value' lines"),
    ],
)
def test_bad_answers_are_located(text: str, message: str) -> None:
    answers, problems = read_answers("a.yaml", text)
    assert answers is None
    assert any(str(p).startswith(message) or message in str(p) for p in problems), [
        str(p) for p in problems
    ]
