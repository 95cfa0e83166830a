"""The revision diff: a table of small cases, the strength of normative verbs, redlines."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import pytest

from generator.diff.compare import (
    ChangeKind,
    Comparison,
    Direction,
    Op,
    Options,
    compare,
    grouped,
    redline,
    strength_change,
)
from generator.sources.parse import parse_body


def diff(old: str, new: str, options: Options | None = None) -> Comparison:
    a, _ = parse_body("old", old)
    b, _ = parse_body("new", new)
    return compare(a, b, options or Options())


def brief(comparison: Comparison) -> list[tuple[str, str | None, str | None]]:
    return [(c.kind.value, c.old_number, c.new_number) for c in comparison.changes]


@dataclass(frozen=True)
class Case:
    name: str
    old: str
    new: str
    expected: list[tuple[str, str | None, str | None]]


BASE = """\
# Protocol

## 1. Introduction

1.1 This protocol guides councillors and officers in their relations with one another.

1.2 Councillors and officers should treat each other with respect and courtesy.

1.3 The Monitoring Officer may advise on any question about this protocol.

## 2. Correspondence

2.1 Letters on behalf of the council are sent in the name of an officer.

2.2 An officer should not copy correspondence with a councillor to other councillors.
"""

CASES = [
    Case("identical", BASE, BASE, []),
    Case(
        "a paragraph added at the end of a section",
        BASE,
        BASE.replace(
            "## 2. Correspondence",
            "1.4 Training on this protocol is offered to every new councillor each May.\n\n"
            "## 2. Correspondence",
        ),
        [("added", None, "1.4")],
    ),
    Case(
        "a paragraph inserted renumbers those after it, and only those",
        BASE,
        BASE.replace("1.3 The", "1.4 The").replace(
            "1.2 Councillors",
            "1.2 Training on this protocol is offered to every new councillor each May.\n\n"
            "1.3 Councillors",
        ),
        [("added", None, "1.2"), ("renumbered", "1.2", "1.3"), ("renumbered", "1.3", "1.4")],
    ),
    Case(
        "a paragraph removed renumbers those after it",
        BASE,
        BASE.replace(
            "1.1 This protocol guides councillors and officers in their relations with one "
            "another.\n\n",
            "",
        )
        .replace("1.2 Councillors", "1.1 Councillors")
        .replace("1.3 The", "1.2 The"),
        [("removed", "1.1", None), ("renumbered", "1.2", "1.1"), ("renumbered", "1.3", "1.2")],
    ),
    Case(
        "wording changed in place",
        BASE,
        BASE.replace("on any question about", "on any question at all about"),
        [("modified", "1.3", "1.3")],
    ),
    Case(
        "a clause rewritten beyond recognition is removed and added",
        BASE,
        BASE.replace(
            "Letters on behalf of the council are sent in the name of an officer.",
            "Press releases require the approval of the Town Clerk before issue.",
        ),
        [("removed", "2.1", None), ("added", None, "2.1")],
    ),
    Case(
        "a clause moved to another section, with its number",
        BASE,
        BASE.replace(
            "1.3 The Monitoring Officer may advise on any question about this protocol.\n\n", ""
        ).replace(
            "2.2 An officer",
            "2.2 The Monitoring Officer may advise on any question about this protocol.\n\n"
            "2.3 An officer",
        ),
        [("moved", "1.3", "2.2"), ("renumbered", "2.2", "2.3")],
    ),
    Case(
        "a section heading renamed",
        BASE,
        BASE.replace("## 2. Correspondence", "## 2. Letters and e-mails"),
        [("modified", "2", "2")],
    ),
    Case(
        "sections renumbered: headings and clauses",
        BASE,
        BASE.replace("## 2. Correspondence", "## 3. Correspondence")
        .replace("2.1 Letters", "3.1 Letters")
        .replace("2.2 An officer", "3.2 An officer"),
        [("renumbered", "2", "3"), ("renumbered", "2.1", "3.1"), ("renumbered", "2.2", "3.2")],
    ),
    Case(
        "a bullet added to a list",
        "# P\n\n## A\n\n1.1 Councillors can expect:\n\n- courtesy and respect;\n"
        "- timely replies.\n",
        "# P\n\n## A\n\n1.1 Councillors can expect:\n\n- courtesy and respect;\n"
        "- impartial advice;\n- timely replies.\n",
        [("added", None, None)],
    ),
    Case(
        "bullets reordered: one move",
        "# P\n\n## A\n\n- courtesy and respect\n- impartial professional advice\n"
        "- timely replies to enquiries\n- training and development\n",
        "# P\n\n## A\n\n- timely replies to enquiries\n- courtesy and respect\n"
        "- impartial professional advice\n- training and development\n",
        [("moved", None, None)],
    ),
    Case(
        "the same bullet in two lists, a clause inserted before both",
        "# P\n\n## A\n\n1.1 Officers can expect:\n\n- Courtesy and respect.\n\n"
        "1.2 Councillors can expect:\n\n- Courtesy and respect.\n",
        "# P\n\n## A\n\n1.1 Everyone is bound by this protocol at all times.\n\n"
        "1.2 Officers can expect:\n\n- Courtesy and respect.\n\n"
        "1.3 Councillors can expect:\n\n- Courtesy and respect.\n",
        [("added", None, "1.1"), ("renumbered", "1.1", "1.2"), ("renumbered", "1.2", "1.3")],
    ),
    Case(
        "numbering added to an unnumbered text",
        "# P\n\n## A\n\nCouncillors should treat officers with respect.\n",
        "# P\n\n## A\n\n1.1 Councillors should treat officers with respect.\n",
        [("renumbered", None, "1.1")],
    ),
    Case(
        "a table row edited",
        "# P\n\n## A\n\n| Role | Duty |\n|---|---|\n| Clerk | Proper officer |\n",
        "# P\n\n## A\n\n| Role | Duty |\n|---|---|\n| Clerk | Proper officer and RFO |\n",
        [("modified", None, None)],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_small_cases(case: Case) -> None:
    assert brief(diff(case.old, case.new)) == case.expected


def test_renumbered_clauses_are_reported_apart_from_real_changes_and_collapse() -> None:
    new = BASE.replace("1.3 The", "1.4 The").replace(
        "1.2 Councillors",
        "1.2 Training on this protocol is offered to every new councillor each May.\n\n"
        "1.3 Councillors",
    )
    comparison = diff(BASE, new)
    entries = grouped(comparison.changes)
    assert len(entries) == 2
    run = entries[1]
    assert not isinstance(run, type(comparison.changes[0]))
    assert [c.new_number for c in run.changes] == ["1.3", "1.4"]  # type: ignore[union-attr]


def test_cosmetic_changes_are_flagged() -> None:
    for before, after in [
        ("respect and courtesy.", "Respect and Courtesy."),
        ("respect and courtesy.", "respect and courtesy"),
        ("Councillors and officers", "Councillors  and officers;"),
    ]:
        comparison = diff(BASE, BASE.replace(before, after, 1))
        (change,) = comparison.changes
        assert change.kind is ChangeKind.MODIFIED
        assert change.cosmetic and change.text_changed, (before, after)


def test_real_wording_change_is_not_cosmetic() -> None:
    (change,) = diff(BASE, BASE.replace("respect and courtesy", "respect")).changes
    assert not change.cosmetic


def test_moved_and_edited_is_one_move_with_text_changed() -> None:
    new = BASE.replace(
        "1.3 The Monitoring Officer may advise on any question about this protocol.\n\n", ""
    ).replace(
        "2.2 An officer",
        "2.2 The Monitoring Officer may advise on any question arising from this protocol.\n\n"
        "2.3 An officer",
    )
    moved = [c for c in diff(BASE, new).changes if c.kind is ChangeKind.MOVED]
    assert len(moved) == 1
    assert moved[0].text_changed and not moved[0].cosmetic
    assert moved[0].old_section == "1. Introduction"
    assert moved[0].new_section == "2. Correspondence"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "Officers should reply promptly.",
            "Officers must reply promptly.",
            ("should", "must", Direction.STRENGTHENED),
        ),
        (
            "Councillors may attend.",
            "Councillors must attend.",
            ("may", "must", Direction.STRENGTHENED),
        ),
        (
            "Officers must reply promptly.",
            "Officers should reply promptly.",
            ("must", "should", Direction.WEAKENED),
        ),
        (
            "An officer should not copy letters.",
            "An officer must not copy letters.",
            ("should not", "must not", Direction.STRENGTHENED),
        ),
        ("Officers will reply.", "Officers may reply.", ("will", "may", Direction.WEAKENED)),
        (
            "Officers should reply promptly.",
            "Each officer must always reply within ten days.",
            ("should", "must", Direction.STRENGTHENED),
        ),
    ],
)
def test_strength_changes(old: str, new: str, expected: tuple[str, str, Direction]) -> None:
    change = strength_change(old, new)
    assert change is not None
    assert (change.old, change.new, change.direction) == expected


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Officers must reply.", "Officers shall reply."),  # same force
        ("Officers must reply promptly.", "Officers must reply within ten days."),
        # A sentence replaced by another is new content, not a change of force.
        (
            "Letters which create obligations should never be sent out in the name of a "
            "councillor. Officers may reply.",
            "Similarly Leader to Leader correspondence between Councils may be appropriate. "
            "Officers may reply.",
        ),
    ],
)
def test_no_strength_change(old: str, new: str) -> None:
    assert strength_change(old, new) is None


def test_strength_is_reported_on_the_change() -> None:
    (change,) = diff(BASE, BASE.replace("officers should treat", "officers must treat")).changes
    assert change.strength is not None
    assert (change.strength.old, change.strength.new) == ("should", "must")


def test_redline_marks_words_and_keeps_every_character() -> None:
    old = "Officers should reply within ten working days."
    new = "Officers must reply within five working days, in writing."
    spans = redline(old, new)
    assert "".join(s.text for s in spans if s.op is not Op.INSERTED) == old
    assert "".join(s.text for s in spans if s.op is not Op.DELETED) == new
    assert ("should", "must") in [
        (a.text, b.text)
        for a, b in itertools.pairwise(spans)
        if a.op is Op.DELETED and b.op is Op.INSERTED
    ]


def test_ignore_numbers_compares_wording_only() -> None:
    old = "# P\n\n## A\n\nCouncillors should treat officers with respect.\n"
    new = "# P\n\n## A\n\n1.1 Councillors should treat officers with respect.\n"
    assert diff(old, new, Options(ignore_numbers=True)).identical


def test_summary_has_every_kind_in_order() -> None:
    summary = diff(BASE, BASE).summary()
    assert [k.value for k in summary] == ["added", "removed", "modified", "moved", "renumbered"]
    assert set(summary.values()) == {0}
