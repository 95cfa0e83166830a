"""No word of the source protocols is lost or altered between the seed text and the parse."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from generator.core.types import Protocol
from generator.core.words import Dropped, seed_words, words
from generator.sources.fidelity import check_fidelity, protocol_words, unused_dropped
from generator.sources.load import read_protocols

from .helpers import SEEDS, SOURCES

PROTOCOLS, PROBLEMS = read_protocols(SOURCES)
BY_SLUG = {p.slug: p for p in PROTOCOLS}


def test_five_protocols_read_without_problems() -> None:
    assert PROBLEMS == []
    assert sorted(BY_SLUG) == ["crawley", "farnham", "southend", "vale-of-grwyney", "west-mersea"]


@pytest.mark.parametrize("slug", sorted(BY_SLUG))
def test_every_seed_word_is_in_the_protocol_in_order(slug: str) -> None:
    protocol = BY_SLUG[slug]
    seed = (SEEDS / protocol.meta.source).read_text(encoding="utf-8")
    mismatch = check_fidelity(protocol, seed)
    assert mismatch is None, mismatch.explain(protocol.meta.source, protocol.path)
    assert len(protocol_words(protocol)) > 500 or slug == "vale-of-grwyney"


@pytest.mark.parametrize("slug", sorted(BY_SLUG))
def test_dropped_debris_is_short_and_really_in_the_seed(slug: str) -> None:
    protocol = BY_SLUG[slug]
    seed = (SEEDS / protocol.meta.source).read_text(encoding="utf-8")
    assert unused_dropped(protocol, seed) == []
    dropped_words = len(seed_words(seed, ())) - len(seed_words(seed, protocol.meta.dropped))
    assert dropped_words < 0.03 * len(words(seed)), "more than 3% of the seed dropped as debris"
    assert all(d.reason for d in protocol.meta.dropped)


def _edited(protocol: Protocol, index: int, text: str) -> Protocol:
    clauses = list(protocol.clauses)
    clauses[index] = replace(clauses[index], text=text)
    return replace(protocol, clauses=tuple(clauses))


def test_a_changed_word_fails_and_names_where() -> None:
    p = BY_SLUG["southend"]
    seed = (SEEDS / p.meta.source).read_text(encoding="utf-8")
    i = next(i for i, c in enumerate(p.clauses) if c.id == "southend-9-1-5")
    altered = _edited(p, i, p.clauses[i].text.replace("10 working days", "15 working days"))
    mismatch = check_fidelity(altered, seed)
    assert mismatch is not None
    message = mismatch.explain(p.meta.source, p.path)
    assert "'10 working days" in message and "'15 working days" in message
    seed_line = next(n for n, line in enumerate(seed.split("\n"), 1) if "within 10 working" in line)
    assert f"{p.meta.source}:{seed_line}" in message
    assert f"{p.path}:{p.clauses[i].line}" in message


def test_a_missing_word_fails() -> None:
    p = BY_SLUG["vale-of-grwyney"]
    seed = (SEEDS / p.meta.source).read_text(encoding="utf-8")
    i = next(i for i, c in enumerate(p.clauses) if "Close personal familiarity" in c.text)
    altered = _edited(p, i, p.clauses[i].text.replace("personal ", "", 1))
    assert check_fidelity(altered, seed) is not None


def test_a_dropped_clause_fails() -> None:
    p = BY_SLUG["crawley"]
    seed = (SEEDS / p.meta.source).read_text(encoding="utf-8")
    altered = replace(p, clauses=tuple(c for c in p.clauses if c.id != "crawley-2-6"))
    mismatch = check_fidelity(altered, seed)
    assert mismatch is not None
    assert "Councillors must respect" in " ".join(w.text for w in mismatch.expected)


def test_debris_list_only_removes_what_it_names() -> None:
    seed = "Title\nINTRODUCTION.....\t2\no to clarify\nBody text\n"
    kept = seed_words(seed, (Dropped(line="INTRODUCTION.....\t2"), Dropped(bullet="o")))
    assert [w.text for w in kept] == ["Title", "to", "clarify", "Body", "text"]
    assert [w.line for w in kept] == [1, 3, 3, 4, 4]


def test_seed_copies_match_the_shared_seeds_when_present() -> None:
    shared = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("no shared/seeds beside the checkout")
    seeds = sorted(shared.glob("*.txt"))
    assert seeds, f"no seeds in {shared}"
    for seed in seeds:
        assert (SEEDS / seed.name).read_bytes() == seed.read_bytes(), seed.name
