"""Clauses are named as a person would name them: each name tells its clause apart from every
other clause of its protocol, and lists of clauses read 'clauses 2.1, 6.1 and 6.2'."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from generator.core.types import Clause, Kind, Metadata, Protocol, Tier
from generator.sources.load import read_protocols
from generator.views.words_display import (
    clause_list,
    clause_listing,
    clause_name,
    clause_names,
    name_obligations,
    title_then_statement,
)

ROOT = Path(__file__).resolve().parent.parent
PROTOCOLS, _ = read_protocols(ROOT / "source_protocols")


@pytest.mark.parametrize("p", PROTOCOLS, ids=lambda p: p.slug)
def test_every_clause_name_is_unique_within_its_protocol(p: Protocol) -> None:
    names = Counter(clause_name(p, c) for c in p.clauses)
    assert not [n for n, k in names.items() if k > 1]
    assert clause_names(p.clauses) == {c.id: clause_name(p, c) for c in p.clauses}


def test_the_five_protocols_are_all_named() -> None:
    assert {p.slug for p in PROTOCOLS} >= {
        "west-mersea",
        "vale-of-grwyney",
        "southend",
        "farnham",
        "crawley",
    }


def _c(cid: str, kind: Kind, parent: str | None, number: str | None = None, text: str = "x"):
    return Clause(cid, kind, number, number, text, (), parent, 1)


H, P, B = Kind.HEADING, Kind.PARAGRAPH, Kind.ITEM
CLAUSES = (
    _c("t-intro", P, None),
    _c("t-roles", H, None, text="Roles"),
    _c("t-roles-p1", P, "t-roles"),
    _c("t-roles-b1", B, "t-roles-p1"),
    _c("t-roles-b2", B, "t-roles-p1"),
    _c("t-roles-b2-1", B, "t-roles-b2"),
    _c("t-roles-b2-2", B, "t-roles-b2"),
    _c("t-roles-p2", P, "t-roles"),
    _c("t-roles-b3", B, "t-roles-p2"),
    _c("t-3", H, None, "3", "Aims"),
    _c("t-3-p", P, "t-3"),
    _c("t-3-1", P, "t-3", "3.1"),
    _c("t-3-1-a", B, "t-3-1"),
    _c("t-3-2", P, "t-3", "3.2"),
    _c("t-3-3", P, "t-3", "3.3"),
)
META = Metadata(council="Test Town Council", title="Protocol", tier=Tier.TOWN, source="t.txt")
TEST = Protocol("t", "t.md", META, CLAUSES)


@pytest.mark.parametrize(
    ("cid", "name"),
    [
        ("t-intro", "the paragraph before the first heading"),
        ("t-roles", "heading “Roles”"),
        ("t-roles-p1", "paragraph 1 under “Roles”"),
        # A paragraph leading into a list is passed over: bullets count under the heading.
        ("t-roles-b1", "bullet 1 under “Roles”"),
        ("t-roles-b3", "bullet 3 under “Roles”"),
        ("t-roles-b2-2", "sub-bullet 2 under bullet 2 under “Roles”"),
        ("t-3-1", "clause 3.1"),
        ("t-3-1-a", "the bullet of clause 3.1"),
        ("t-3", "section 3"),
        ("t-3-p", "the paragraph under section 3"),
    ],
)
def test_names(cid: str, name: str) -> None:
    assert clause_name(TEST, TEST.by_id[cid]) == name


@pytest.mark.parametrize(
    ("ids", "words"),
    [
        (["t-3-1"], "clause 3.1"),
        (["t-3-1", "t-3-2"], "clauses 3.1 and 3.2"),
        (["t-3-1", "t-3-2", "t-3-3"], "clauses 3.1, 3.2 and 3.3"),
        (["t-roles-b1", "t-roles-b3"], "bullets 1 and 3 under “Roles”"),
        (["t-3-1", "t-roles-p2"], "clause 3.1 and paragraph 2 under “Roles”"),
        (
            ["t-3-1", "t-3-2", "t-roles-b1", "t-roles-b3"],
            "clauses 3.1 and 3.2, and bullets 1 and 3 under “Roles”",
        ),
        (
            ["t-3-1", "t-intro", "t-3-2"],
            "clause 3.1, the paragraph before the first heading and clause 3.2",
        ),
    ],
)
def test_lists_read_as_a_person_writes_them(ids: list[str], words: str) -> None:
    clauses = [TEST.by_id[i] for i in ids]
    assert clause_list(TEST, clauses) == words
    # Each part is one link on a page; joined, the parts are the same words.
    assert "".join(x.text + x.after for x in clause_listing(TEST, clauses)) == words


def test_a_matrix_cell_lists_bare_numbers() -> None:
    clauses = [TEST.by_id["t-3-2"], TEST.by_id["t-3-3"]]
    listed = clause_listing(TEST, clauses, bare_numbers=True)
    assert "".join(x.text + x.after for x in listed) == "3.2 and 3.3"


@pytest.mark.parametrize(
    ("title", "statement", "shown"),
    [
        (
            "Officers respect the mandate",
            "Officers respect the mandate as the people accountable.",
            ("Officers respect the mandate", " as the people accountable."),
        ),
        ("Respect", "Councillors and officers respect each other.", None),
        # A title that is only the start of a word is not a repeated title.
        ("Officers respect", "Officers respectfully decline.", None),
    ],
)
def test_a_title_is_not_said_twice(
    title: str, statement: str, shown: tuple[str, str] | None
) -> None:
    assert title_then_statement(title, statement) == (shown or (title, f": {statement}"))


# --- our own prose in the data files: no bracket inside a bracket -----------------------

NESTED = re.compile(r"\([^()]*\([^()]*\)[^()]*\)|\(\(|\)\)")
DATA = [ROOT / "clauses.yaml", *sorted((ROOT / "generator" / "data").glob("*.yaml"))]


def _strings(node: object, where: str) -> list[tuple[str, str]]:
    if isinstance(node, str):
        return [(where, node)]
    if isinstance(node, dict):
        return [s for k, v in node.items() for s in _strings(v, f"{where}.{k}")]
    if isinstance(node, list):
        return [s for i, v in enumerate(node) for s in _strings(v, f"{where}[{i}]")]
    return []


@pytest.mark.parametrize("path", DATA, ids=lambda p: p.name)
def test_no_nested_brackets_in_our_data(path: Path) -> None:
    """Notes, law lines, statements and glossary entries never hold a bracket inside a bracket
    ('(… Elections (Wales) Act 2021, s.54)' reads as a program's output): an Act whose name
    has brackets is cited outside them ('under s.54 of the … (Wales) Act 2021')."""
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    found = [f"{w}: {s}" for w, s in _strings(data, path.name) if NESTED.search(s)]
    assert not found, "\n".join(found)


def test_no_nested_brackets_in_provenance_notes() -> None:
    for p in PROTOCOLS:
        for text in (p.meta.source_url_note, p.meta.document_title, p.meta.transcription):
            assert not NESTED.search(text or ""), (p.slug, text)


def test_no_statement_repeats_its_title() -> None:
    """An obligation's page shows its title, then its statement: a statement opening with the
    title word for word reads as the title said twice."""
    data = yaml.load((ROOT / "clauses.yaml").read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    found = [
        o["id"]
        for o in data["obligations"]
        if o["statement"].casefold().startswith(o["title"].rstrip(". ").casefold())
    ]
    assert not found, found


def test_obligation_ids_in_our_prose_are_shown_as_titles() -> None:
    """Hyphenated ids only: an id that is one word ('read') could be a word of the sentence."""
    titles = {"read-with-codes": "Read with the codes", "read": "Read"}
    assert (
        name_obligations("Only says so (see read-with-codes); read it.", titles)
        == "Only says so (see “Read with the codes”); read it."
    )
