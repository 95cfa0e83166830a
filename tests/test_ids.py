"""Stable clause ids: the documented algorithm, as a table, and its stability guarantees."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.sources.ids import heading_key, number_key
from generator.sources.load import read_protocols
from generator.sources.parse import parse_body

from .helpers import SOURCES

PROTOCOLS, _ = read_protocols(SOURCES)
ALL_IDS = [c.id for p in PROTOCOLS for c in p.clauses]


@pytest.mark.parametrize(
    ("number", "key"),
    [
        ("3.5", "3-5"),
        ("9.1.14", "9-1-14"),
        ("I.1.", "i-1"),
        ("1.1.", "1-1"),
        ("12.", "12"),
        ("I.", "i"),
    ],
)
def test_number_key(number: str, key: str) -> None:
    assert number_key(number) == key


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("Background", "background"),
        ("ROLES OF COUNCILLORS AND OFFICERS", "roles-councillors-officers"),
        (
            "COUNCILLORS' ACCESS TO INFORMATION AND TO COUNCIL DOCUMENTS",
            "councillors-access-information-council",
        ),
        ("Chairmen and Vice-Chairmen of Committees", "chairmen-vice-chairmen-committees"),
        ("Some General Principles:", "some-general-principles"),
        ("IF THINGS GO WRONG", "things-go-wrong"),
        ("Procédure for officers", "procedure-officers"),
        ("The", "section"),
    ],
)
def test_heading_key(heading: str, key: str) -> None:
    assert heading_key(heading) == key


@pytest.mark.parametrize(
    ("clause_id", "text_start"),
    [
        ("farnham-3-5", "Officers can expect councillors"),
        ("farnham-i-1", "The Protocol's intention"),
        ("southend-9-1-14", "An Officer must not copy"),
        ("southend-9-1-14-b1", "That Councillor agrees"),
        ("southend-9-1-14-p1", "The above does not prevent"),
        ("southend-3-5-b2-b1", "to clarify responsibilities"),
        ("crawley-2-6", "Councillors must respect the political impartiality"),
        ("west-mersea-councillors-p1-b1", "To determine council policy"),
        ("vale-of-grwyney-background-p1", "This protocol is intended"),
        ("southend-6-r2", "Democratically elected"),
    ],
)
def test_worked_examples_on_the_real_protocols(clause_id: str, text_start: str) -> None:
    clause = next(c for p in PROTOCOLS for c in p.clauses if c.id == clause_id)
    assert clause.text.startswith(text_start)


def test_ids_are_unique_well_formed_and_prefixed() -> None:
    assert len(ALL_IDS) == len(set(ALL_IDS))
    for p in PROTOCOLS:
        for c in p.clauses:
            assert re.fullmatch(r"[a-z][a-z0-9-]*", c.id), c.id
            assert c.id.startswith(p.slug + "-")


def test_ids_are_the_same_on_a_second_read() -> None:
    again, _ = read_protocols(SOURCES)
    assert [c.id for p in again for c in p.clauses] == ALL_IDS


DOC = """# Title

## 1. First

1.1 Alpha text.

- bullet one
- bullet two

1.2 Beta text.

A continuation paragraph.

## Unnumbered section

Para one.

Para two.

## 2. Second

2.1 Gamma text.
"""


def _ids(body: str) -> dict[str, str]:
    clauses, problems = parse_body("x", body)
    assert problems == []
    return {c.id: c.text for c in clauses}


def test_editing_a_clause_text_changes_no_id() -> None:
    before = _ids(DOC)
    after = _ids(DOC.replace("Alpha text.", "Alpha text, much reworded and longer."))
    assert list(before) == list(after)


def test_inserting_a_clause_changes_no_id_in_another_section() -> None:
    before = _ids(DOC)
    after = _ids(DOC.replace("Para one.", "Inserted para.\n\nPara one."))
    other = [i for i in before if not i.startswith("x-unnumbered-section")]
    assert all(i in after and after[i] == before[i] for i in other)
    assert after["x-unnumbered-section-p1"] == "Inserted para."


words = st.text(alphabet="abcdefghij *_[]<>&#|!", min_size=1, max_size=30).map(
    lambda s: "w" + " ".join(s.split()) + "z"
)


@st.composite
def documents(draw: st.DrawFn) -> str:
    parts = ["# Title"]
    for s in range(1, draw(st.integers(1, 4)) + 1):
        numbered = draw(st.booleans())
        parts.append(f"## {s}. Section {s}" if numbered else f"## Section {draw(words)}")
        for n in range(1, draw(st.integers(0, 4)) + 1):
            parts.append(f"{s}.{n} {draw(words)}" if numbered else draw(words))
            bullets = draw(st.lists(words, max_size=3))
            if bullets:
                parts.append("\n".join(f"- {b}" for b in bullets))
    return "\n\n".join(parts) + "\n"


@settings(max_examples=150, deadline=None)
@given(documents(), st.integers(0, 50), words)
def test_inserting_a_paragraph_changes_ids_only_in_its_own_section(
    doc: str, where: int, new: str
) -> None:
    blocks = doc.split("\n\n")
    at = 1 + where % len(blocks)
    heading_index = sum(1 for b in blocks[:at] if b.startswith("#")) - 1
    inserted = "\n\n".join([*blocks[:at], new, *blocks[at:]])
    before, problems_b = parse_body("x", doc)
    after, problems_a = parse_body("x", inserted)
    assert problems_b == problems_a == []
    assert len({c.id for c in after}) == len(after)
    by_id = {c.id: c for c in before}

    section_id = [c.id for c in before if c.kind.value == "heading"][heading_index]

    def section_of(clause_id: str) -> str:
        c = by_id[clause_id]
        while c.kind.value != "heading":
            assert c.parent is not None
            c = by_id[c.parent]
        return c.id

    after_text = {c.id: c.text for c in after}
    for c in before:
        if after_text.get(c.id) != c.text:
            assert section_of(c.id) == section_id, (c.id, section_id)
