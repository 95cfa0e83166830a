"""The pure pieces behind the site pages: word diff, cross-references, glossary, legislation."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.core.links import rel
from generator.core.wordiff import Op, diff_words
from generator.site.front_matter import front_matter, safe_title
from generator.sources.load import read_protocols
from generator.views.clause_text import Piece, Segment, find_refs, segments
from generator.views.glossary import find_terms
from generator.views.legislation import citations, cited_sources
from generator.views.marks import marked
from tests.conftest import ROOT

PROTOCOLS = {p.slug: p for p in read_protocols(ROOT / "source_protocols")[0]}
VOCABULARY = ["the", "council", "officers", "must", "should", "not", "may", "clerk", "."]
words = st.lists(st.sampled_from(VOCABULARY), max_size=30).map(" ".join)


@given(words)
def test_identical_wordings_have_no_differences(text: str) -> None:
    assert all(run.op is Op.SAME for run in diff_words(text, text))


@given(words, words)
def test_a_diff_keeps_both_wordings_word_for_word(old: str, new: str) -> None:
    runs = diff_words(old, new)
    assert [w for r in runs if r.op is not Op.INSERTED for w in r.words] == old.split()
    assert [w for r in runs if r.op is not Op.DELETED for w in r.words] == new.split()


@pytest.mark.parametrize(
    ("clause", "phrase", "target"),
    [
        ("southend-10-2-6", "9.1.14", "southend-9-1-14"),
        ("southend-9-1-15", "5.7", "southend-5-7"),
        ("southend-9-1-15", "9.3.5", "southend-9-3-5"),
        ("southend-1-1-1", "Appendix 1", "southend-appendix-1"),
        ("farnham-4-6", "considered below", "farnham-10"),
        ("west-mersea-relationship-general-p7", "considered below", "west-mersea-things-go-wrong"),
        ("crawley-2-3", "set out below", "crawley-2-4"),
    ],
)
def test_cross_references_link_to_the_clause_they_mean(
    clause: str, phrase: str, target: str
) -> None:
    p = next(p for slug, p in PROTOCOLS.items() if clause.startswith(slug + "-"))
    c = p.by_id[clause]
    refs = {c.text[r.start : r.end]: r.target for r in find_refs(p, c)}
    assert refs[phrase] == target
    refs_in_text = [s for s in segments(p, c) if s.kind is Piece.REF]
    assert Segment(phrase, Piece.REF, target=target) in refs_in_text
    assert "".join(s.text for s in segments(p, c)) == c.text  # nothing added or lost


def test_section_numbers_that_are_not_clauses_stay_plain() -> None:
    p = PROTOCOLS["southend"]
    c = p.by_id["southend-1-1-1"]  # "Section 29(1) Localism Act 2011"
    assert [c.text[r.start : r.end] for r in find_refs(p, c)] == ["Appendix 1"]


def test_glossary_terms_are_explained_once_per_clause() -> None:
    text = "The Monitoring Officer and the Clerk; the monitoring officer again."
    assert [m.term.id for m in find_terms(text)] == ["monitoring-officer", "clerk"]
    p = PROTOCOLS["southend"]
    c = replace(p.by_id["southend-1-1-1"], text=text)
    terms = [s for s in segments(p, c) if s.kind is Piece.TERM]
    assert [t.text for t in terms] == ["Monitoring Officer", "Clerk"]
    assert terms[0].meaning.startswith("The officer who makes sure")


def test_legislation_is_found_in_the_clause_texts() -> None:
    assert [s.id for s in cited_sources("under the Freedom of Information Act 2000")] == [
        "foi-act-2000"
    ]
    assert "code-of-conduct" not in [s.id for s in cited_sources("the Officers' Code of Conduct")]
    found = citations(list(PROTOCOLS.values()))
    assert ("southend", "southend-1-1-1") in {(p.slug, c.id) for p, c in found["localism-act-2011"]}
    assert all(
        found[k]
        for k in (
            "localism-act-2011",
            "foi-act-2000",
            "lga-1972",
            "lga-1986",
            "publicity-code",
            "data-protection",
            "nolan",
            "code-of-conduct",
        )
    )


def test_relative_links_between_pages() -> None:
    assert rel("obligations/x.md", "protocols/farnham.md", "farnham-3-5") == (
        "../protocols/farnham.md#farnham-3-5"
    )
    assert rel("index.md", "matrix.md") == "matrix.md"
    assert rel("protocols/a.md", "protocols/a.md", "c") == "#c"


def test_titles_from_data_cannot_become_markup() -> None:
    assert safe_title("</title><script>x</script> & co") == "‹/title›‹script›x‹/script› ＆ co"
    assert front_matter("A: b", exclude_from_search=True) == (
        '---\ntitle: "A: b"\nsearch:\n  exclude: true\n---\n\n'
    )
    assert front_matter() == ""


def test_every_protocol_has_a_page_even_without_obligations(tmp_path: Path) -> None:
    from generator.project import load_project
    from generator.site.build import build_pages

    (tmp_path / "source_protocols").symlink_to(ROOT / "source_protocols")
    project, _ = load_project(tmp_path)
    pages = build_pages(project)
    assert {f"protocols/{slug}.md" for slug in PROTOCOLS} <= set(pages)
    assert "obligations mapped" not in str(pages["index.md"])


@given(st.lists(words, min_size=1, max_size=3), words)
def test_marked_wording_is_the_councils_own_words_exactly(own: list[str], other: str) -> None:
    for text, segs in zip(own, marked(own, other), strict=True):
        assert "".join(s.text for s in segs) == " ".join(text.split())


def test_marks_wrap_only_this_councils_differing_words() -> None:
    (segs,) = marked(
        ["A strong, constructive relationship, is essential."], "a strong relationship"
    )
    assert [(s.kind, s.text) for s in segs if s.text != " "] == [
        (Piece.TEXT, "A strong,"),
        (Piece.MARK, "constructive"),
        (Piece.TEXT, "relationship,"),
        (Piece.MARK, "is essential."),
    ]
