"""Answers: defaults by kind of council, dates, old keys, routes, and located messages."""

from __future__ import annotations

import pytest

from generator.core.types import Tier
from generator.drafting.answer_defaults import defaults
from generator.drafting.answer_values import human_date
from generator.drafting.answers import Answers, read_answers


@pytest.mark.parametrize(
    ("tier", "nation", "head", "civic", "about_head", "mo_council"),
    [
        (
            Tier.PARISH,
            "england",
            "Clerk",
            "Chair",
            "chair of the Staffing Committee",
            "the district or unitary council for the area",
        ),
        (
            Tier.TOWN,
            "england",
            "Town Clerk",
            "Town Mayor",
            "chair of the Staffing Committee",
            "the district or unitary council for the area",
        ),
        (
            Tier.COMMUNITY,
            "wales",
            "Clerk",
            "Chair",
            "chair of the Staffing Committee",
            "the county or county borough council for the area",
        ),
        (Tier.BOROUGH, "england", "Chief Executive", "Mayor", "Monitoring Officer", "X"),
        (Tier.COUNTY, "wales", "Chief Executive", "Chair", "Monitoring Officer", "X"),
    ],
)
def test_defaults_by_kind(
    tier: Tier, nation: str, head: str, civic: str, about_head: str, mo_council: str
) -> None:
    d = defaults(Answers("X", tier, nation))
    assert (d["head_officer_title"], d["civic_head_title"]) == (head, civic)
    assert d["head_officer_complaints_to"] == about_head
    assert d["officer_complaints_to"] == head
    assert d["monitoring_officer_council"] == mo_council
    assert d["head_officer_complaints_to"] != d["head_officer_title"]


def test_given_values_win_over_defaults() -> None:
    d = defaults(Answers("X", Tier.TOWN, head_officer_title="Clerk", civic_head_title="Chair"))
    assert d["head_officer_title"] == "Clerk"
    assert d["proper_officer_title"] == d["rfo_title"] == "Clerk"


def test_yaml_dates_and_text() -> None:
    answers, problems = read_answers(
        "a.yaml",
        "council_name: X Parish Council\ntier: Parish\nadopted: 2026-05-14\n"
        "review_due: 2027-05\nminute_reference: 26/045\ninclude: nolan-principles-underpin\n",
    )
    assert problems == []
    assert answers is not None
    assert answers.tier is Tier.PARISH
    assert answers.kind.id == "england-local"
    assert answers.adopted == "2026-05-14"
    assert answers.review_due == "2027-05"
    assert [c.id for c in answers.include] == ["nolan-principles-underpin"]
    assert human_date("2026-05-14") == "14 May 2026"
    assert human_date("2027-05") == "May 2027"


@pytest.mark.parametrize("written", ["045", "12.30", "1_000", "0x1A", "1e3", "007"])
def test_a_number_is_kept_as_written(written: str) -> None:
    # YAML would read these as 37 (octal), 12.3, 1000, 26 and 1000.0.
    answers, problems = read_answers(
        "a.yaml", f"council_name: X Parish Council\ntier: parish\nminute_reference: {written}\n"
    )
    assert problems == []
    assert answers is not None
    assert answers.minute_reference == written


def test_with_or_without_the_gives_the_same_answers() -> None:
    a, _ = read_answers(
        "a.yaml",
        "council_name: X\ntier: parish\nstaffing_committee: the Personnel Committee\n"
        "civic_head_title: The Chair\nhead_officer_complaints_to: the Chair\n",
    )
    b, _ = read_answers(
        "b.yaml",
        "council_name: X\ntier: parish\nstaffing_committee: Personnel Committee\n"
        "civic_head_title: Chair\nhead_officer_complaints_to: Chair\n",
    )
    assert a is not None and b is not None
    assert defaults(a) == defaults(b)
    assert defaults(a)["staffing_committee"] == "Personnel Committee"


def test_old_keys_are_read_with_a_message_naming_the_new_ones() -> None:
    answers, problems = read_answers(
        "a.yaml",
        "council_name: X\ntier: parish\nchair_title: Mayor\ncomplaints_to: the Chair\n",
    )
    assert answers is not None
    assert answers.civic_head_title == "Mayor"
    assert answers.officer_complaints_to == "Chair"
    messages = [str(p) for p in problems]
    assert any("a.yaml:3: 'chair_title' is now 'civic_head_title'" in m for m in messages)
    assert any("a.yaml:4: 'complaints_to' is now 'officer_complaints_to'" in m for m in messages)


@pytest.mark.parametrize(
    ("nation", "tier", "governance", "kind"),
    [
        ("england", "parish", None, "england-local"),
        ("england", "borough", None, "england-executive"),
        ("england", "county", "committee", "england-committee"),
        ("wales", "town", None, "wales-local"),
        ("wales", "borough", None, "wales-principal"),
    ],
)
def test_kind_of_council(nation: str, tier: str, governance: str | None, kind: str) -> None:
    text = f"council_name: X\ntier: {tier}\nnation: {nation}\n"
    if governance:
        text += f"governance: {governance}\n"
    answers, problems = read_answers("a.yaml", text)
    assert answers is not None, problems
    assert answers.kind.id == kind


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("tier: parish\n", "a.yaml: 'council_name' is required"),
        (
            "council_name: X\ntier: parish\nadopted: true\n",
            "a.yaml:3: 'adopted' must be a line of text, not 'true' (a yes/no value",
        ),
        ("council_name: X\ntier: parish\nadopted: 2026-13-45\n", "a.yaml:3: 'adopted':"),
        ("council_name: X\ntier: parish\nadopted: 2026-02-30\n", "has no day 30"),
        ("council_name: X\ntier: parish\nreview_due: 2027-00\n", "has no month 00"),
        (
            "council_name: X\ntier: parish\nadopted: 2026-05-14\nreview_due: 2026-04\n",
            "a.yaml:4: 'review_due' (April 2026) is not after 'adopted' (14 May 2026)",
        ),
        (
            "council_name: X\ntier: parish\nadopted: 2026-05-14\nreview_due: 2026-05-14\n",
            "is not after 'adopted'",
        ),
        ('council_name: "X\\x07Y"\ntier: parish\n', "a.yaml:1: 'council_name' contains"),
        ("council_name: X\x07Y\ntier: parish\n", "a.yaml:1:16: an invisible control character"),
        (f"council_name: {'A' * 400}\ntier: parish\n", "is 400 characters long"),
        (
            "council_name: X\ntier: parish\nhead_officer_complaints_to: the clerk\n",
            "a.yaml:3: 'head_officer_complaints_to' is the Clerk",
        ),
        ("council_name: X\ntier: parish\nnation: wales\n", "Wales has no parish councils"),
        ("council_name: X\ntier: district\nnation: wales\n", "Wales has no district councils"),
        ("council_name: X\ntier: county\nnation: scotland\n", "unknown nation 'scotland'"),
        (
            "council_name: X\ntier: county\ngovernance: cabinet\n",
            "unknown governance 'cabinet'",
        ),
        (
            "council_name: X\ntier: parish\nchair_title: A\ncivic_head_title: B\n",
            "'chair_title' is the old name of 'civic_head_title'",
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
