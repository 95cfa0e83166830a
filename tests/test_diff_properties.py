"""Properties of the revision diff, over clauses drawn from a real protocol."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from generator.diff.compare import ChangeKind, Comparison, compare, words_of
from generator.diff.importers import md_text
from generator.sources.load import parse_protocol
from generator.sources.parse import parse_body

from .helpers import SOURCES


@cache
def pool() -> tuple[str, ...]:
    """Numbered paragraphs of two real protocols, keeping only ones unlike each other."""
    kept: list[str] = []
    kept_words: list[list[str]] = []
    for slug in ("crawley", "southend"):
        path = SOURCES / f"{slug}.md"
        protocol, problems = parse_protocol(str(path), path.read_bytes())
        assert protocol is not None, problems
        for c in protocol.body_clauses():
            found = words_of(c.text)
            if c.number and len(found) >= 8 and all(fuzz.ratio(found, k) < 40 for k in kept_words):
                kept.append(c.text)
                kept_words.append(found)
    assert len(kept) >= 40
    return tuple(kept)


def document(texts: Sequence[str], numbered: bool = True) -> str:
    lines = ["# Protocol", "", "## 1. Principles", ""]
    for n, text in enumerate(texts, start=1):
        lines += [f"1.{n} {md_text(text)}" if numbered else f"- {md_text(text)}", ""]
    return "\n".join(lines)


def diff(old: Sequence[str], new: Sequence[str], numbered: bool = True) -> Comparison:
    a, _ = parse_body("old", document(old, numbered))
    b, _ = parse_body("new", document(new, numbered))
    return compare(a, b)


def texts(min_size: int = 1, max_size: int = 20) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(pool()), min_size=min_size, max_size=max_size, unique=True)


def longest_increasing(values: Sequence[int]) -> int:
    tails: list[int] = []
    for v in values:
        i = bisect.bisect_left(tails, v)
        tails[i : i + 1] = [v]
    return len(tails)


@given(texts(0))
def test_identical_inputs_give_no_changes(old: list[str]) -> None:
    assert diff(old, old).identical


@st.composite
def edited(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    """A text and a revision of it: deletions, insertions, rewordings, swaps."""
    old = draw(texts(1, 15))
    unused = [t for t in pool() if t not in old]
    new = list(old)
    for _ in range(draw(st.integers(0, 6))):
        action = draw(st.sampled_from(["delete", "insert", "reword", "strengthen", "swap"]))
        if action == "delete" and new:
            new.pop(draw(st.integers(0, len(new) - 1)))
        elif action == "insert" and unused:
            text = unused.pop(draw(st.integers(0, len(unused) - 1)))
            new.insert(draw(st.integers(0, len(new))), text)
        elif action == "reword" and new:
            i = draw(st.integers(0, len(new) - 1))
            words = new[i].split()
            words[draw(st.integers(0, len(words) - 1))] = "notwithstanding"
            new[i] = " ".join(words)
        elif action == "strengthen" and new:
            i = draw(st.integers(0, len(new) - 1))
            new[i] = new[i].replace(" should ", " must ", 1)
        elif action == "swap" and len(new) > 1:
            i = draw(st.integers(0, len(new) - 2))
            new[i], new[i + 1] = new[i + 1], new[i]
    return old, new


@given(edited())
def test_swapping_old_and_new_swaps_added_and_removed(pair: tuple[list[str], list[str]]) -> None:
    old, new = pair
    forward, backward = diff(old, new).summary(), diff(new, old).summary()
    assert forward[ChangeKind.ADDED] == backward[ChangeKind.REMOVED]
    assert forward[ChangeKind.REMOVED] == backward[ChangeKind.ADDED]
    for kind in (ChangeKind.MODIFIED, ChangeKind.MOVED, ChangeKind.RENUMBERED):
        assert forward[kind] == backward[kind], kind


@given(st.data())
def test_a_pure_reordering_gives_only_moves(data: st.DataObject) -> None:
    old = data.draw(texts(1, 20))
    new = data.draw(st.permutations(old))
    comparison = diff(old, new, numbered=False)
    assert {c.kind for c in comparison.changes} <= {ChangeKind.MOVED}
    order = [old.index(t) for t in new]
    assert len(comparison.changes) == len(old) - longest_increasing(order)
    assert all(not c.text_changed for c in comparison.changes)


@settings(max_examples=150)
@given(st.data())
def test_renumbering_after_an_insertion_is_one_added_and_renumbered(data: st.DataObject) -> None:
    old = data.draw(texts(1, 20))
    inserted = data.draw(st.sampled_from([t for t in pool() if t not in old]))
    at = data.draw(st.integers(0, len(old)))
    new = [*old[:at], inserted, *old[at:]]
    comparison = diff(old, new)
    kinds = [c.kind for c in comparison.changes]
    assert kinds.count(ChangeKind.ADDED) == 1
    assert kinds.count(ChangeKind.RENUMBERED) == len(old) - at
    assert len(kinds) == 1 + len(old) - at
    (added,) = [c for c in comparison.changes if c.kind is ChangeKind.ADDED]
    assert added.new_number == f"1.{at + 1}"
    for change in comparison.changes:
        if change.kind is ChangeKind.RENUMBERED:
            old_n = int(str(change.old_number).split(".")[1])
            assert change.new_number == f"1.{old_n + 1}"
