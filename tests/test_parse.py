"""The parser: structure of the real protocols, and round trips through unparse."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.core.types import Kind
from generator.sources.load import read_protocols
from generator.sources.parse import parse_body, split_number
from generator.sources.unparse import unparse

from .helpers import SOURCES
from .test_ids import documents

PROTOCOLS, _ = read_protocols(SOURCES)
BY_SLUG = {p.slug: p for p in PROTOCOLS}


def _key(clauses):  # type: ignore[no-untyped-def]
    return [(c.id, c.kind, c.label, c.text, c.parent, c.cells, c.level) for c in clauses]


def test_clause_knows_id_number_heading_parent_text_and_line() -> None:
    p = BY_SLUG["farnham"]
    c = p.by_id["farnham-3-5"]
    assert (c.number, c.parent, c.heading) == (
        "3.5",
        "farnham-3-2",
        ("Roles of Councillors and Officers", "Councillors"),
    )
    assert c.text == "Officers can expect councillors:"
    source_line = (SOURCES / "farnham.md").read_text().split("\n")[c.line - 1]
    assert source_line.startswith("3.5 Officers can expect councillors:")


def test_bullets_inside_numbered_paragraphs_are_sub_clauses() -> None:
    p = BY_SLUG["southend"]
    kids = p.children["southend-9-1-14"]
    assert [k.kind for k in kids] == [Kind.ITEM] * 4 + [Kind.PARAGRAPH]
    assert p.by_id["southend-3-5-b2-b1"].parent == "southend-3-5-b2"


def test_the_real_protocols_are_read() -> None:
    """The loops below check every protocol: they must have some to check."""
    assert len(PROTOCOLS) >= 5
    assert all(p.clauses for p in PROTOCOLS)


def test_every_line_points_at_the_clause_text() -> None:
    for p in PROTOCOLS:
        lines = (SOURCES / f"{p.slug}.md").read_text(encoding="utf-8").split("\n")
        for c in p.clauses:
            first_word = (c.label or c.text or "|").split()[0].strip("*")[:4]
            assert first_word in lines[c.line - 1], (c.id, c.line)


def test_numbers_need_a_dot_so_years_are_not_numbers() -> None:
    assert split_number("2020 Model code") == (None, "2020 Model code")
    assert split_number("1.2.3 Text") == ("1.2.3", "Text")
    assert split_number("I.4. The extract") == ("I.4.", "The extract")
    assert split_number("12. Twelve") == ("12.", "Twelve")


def test_html_and_template_syntax_are_text() -> None:
    body = "## 1. A\n\n1.1 <script>alert(1)</script> {{ x }} {% y %} [l](javascript:z)\n"
    clauses, problems = parse_body("x", body)
    assert problems == []
    assert clauses[-1].text == "<script>alert(1)</script> {{ x }} {% y %} [l](javascript:z)"


def test_indented_code_block_is_reported_with_its_line() -> None:
    _, problems = parse_body("x", "## A\n\nPara.\n\n    indented text\n", 5, "x.md")
    assert [(p.line, "indented" in p.message) for p in problems] == [(9, True)]


def test_real_protocols_round_trip_through_unparse() -> None:
    for p in PROTOCOLS:
        again, problems = parse_body(p.slug, unparse(p.clauses))
        assert problems == []
        assert _key(again) == _key(p.clauses)


@settings(max_examples=200, deadline=None)
@given(documents())
def test_parse_unparse_parse_is_stable(doc: str) -> None:
    first, problems = parse_body("x", doc)
    assert problems == []
    second, problems = parse_body("x", unparse(first))
    assert problems == []
    assert _key(second) == _key(first)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=40),
        min_size=1,
        max_size=8,
    )
)
def test_any_text_in_paragraphs_survives_a_round_trip(texts: list[str]) -> None:
    body = "## A\n\n" + "\n\n".join(t.replace("\n", " ") for t in texts)
    first, _ = parse_body("x", body)
    second, _problems = parse_body("x", unparse(first))
    assert _key(second) == _key(first)
