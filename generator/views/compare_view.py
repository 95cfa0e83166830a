"""View models of the compare-two-councils pages: both wordings side by side, each council's
own words quoted exactly, with the words the other council's wording lacks marked."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from generator.core.types import Clause, Protocol
from generator.map.obligations import Obligation
from generator.views.clause_text import Segment
from generator.views.corpus import Corpus, Position
from generator.views.marks import marked
from generator.views.words_display import clause_listing

Pair = tuple[Protocol, Protocol]


@dataclass(frozen=True)
class Quoted:
    """One cited clause, its words marked where they differ."""

    clause: Clause
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class ClauseRef:
    """A link to a cited clause, named in words."""

    protocol: Protocol
    clause: Clause
    name: str
    """As a list shows it: 'clause 3.5', 'clauses 3.5' then '3.6', 'bullet 2 under “Roles”'."""
    after: str = ""
    """What follows it in the list: ', ', ' and ', ', and ' or nothing."""


@dataclass(frozen=True)
class Side:
    """One council's half of a comparison."""

    position: Position
    quotes: tuple[Quoted, ...]
    refs: tuple[ClauseRef, ...]
    other: str
    """The other council's name (what the marked words differ from)."""


@dataclass(frozen=True)
class Both:
    """An obligation both councils state."""

    obligation: Obligation
    a: Side
    b: Side


@dataclass(frozen=True)
class Only:
    """An obligation only one council states."""

    obligation: Obligation
    position: Position
    refs: tuple[ClauseRef, ...]


@dataclass(frozen=True)
class ComparePage:
    page: str
    a: Protocol
    b: Protocol
    obligations: int
    both: tuple[Both, ...]
    only_a: tuple[Only, ...]
    only_b: tuple[Only, ...]


@dataclass(frozen=True)
class IndexRow:
    a: Protocol
    b: Protocol
    both: int
    only_a: int
    only_b: int


@dataclass(frozen=True)
class CompareIndex:
    page: str
    rows: tuple[IndexRow, ...]


@dataclass(frozen=True)
class CompareChooser:
    page: str
    protocols: tuple[Protocol, ...]
    obligations: int
    second: str
    """The slug chosen second by default."""


def pairs(protocols: Sequence[Protocol], limit: int | None = None) -> list[Pair]:
    """Pairs in protocol order (a before b), at most ``limit`` of them (None: all)."""
    out = list(combinations(protocols, 2))
    return out if limit is None else out[:limit]


def split(
    corpus: Corpus, a: Protocol, b: Protocol
) -> tuple[list[Obligation], list[Obligation], list[Obligation]]:
    """(stated by both, only by a, only by b), in map order."""
    both, only_a, only_b = [], [], []
    for o in corpus.obligations:
        sa, sb = corpus.position(o, a).stated, corpus.position(o, b).stated
        if sa and sb:
            both.append(o)
        elif sa:
            only_a.append(o)
        elif sb:
            only_b.append(o)
    return both, only_a, only_b


def refs(position: Position) -> tuple[ClauseRef, ...]:
    """Links to ``position``'s clauses, named as a list reads: 'clauses 2.1', '6.1', '6.2'."""
    p = position.protocol
    listed = clause_listing(p, position.clauses)
    return tuple(
        ClauseRef(p, c, x.text, x.after) for c, x in zip(position.clauses, listed, strict=True)
    )


def side(own: Position, other: Position) -> Side:
    """``own``'s cited clauses, each quoted in full, marked where ``other``'s wording differs."""
    marks = marked(own.texts, other.wording)
    return Side(
        position=own,
        quotes=tuple(Quoted(c, m) for c, m in zip(own.clauses, marks, strict=True)),
        refs=refs(own),
        other=other.protocol.meta.council,
    )


def compare_page(corpus: Corpus, a: Protocol, b: Protocol, page: str) -> ComparePage:
    both, only_a, only_b = split(corpus, a, b)
    return ComparePage(
        page=page,
        a=a,
        b=b,
        obligations=len(corpus.obligations),
        both=tuple(
            Both(
                o,
                side(corpus.position(o, a), corpus.position(o, b)),
                side(corpus.position(o, b), corpus.position(o, a)),
            )
            for o in both
        ),
        only_a=tuple(Only(o, corpus.position(o, a), refs(corpus.position(o, a))) for o in only_a),
        only_b=tuple(Only(o, corpus.position(o, b), refs(corpus.position(o, b))) for o in only_b),
    )


def compare_index(corpus: Corpus, chosen: Sequence[Pair], page: str) -> CompareIndex:
    rows = []
    for a, b in chosen:
        both, only_a, only_b = split(corpus, a, b)
        rows.append(IndexRow(a, b, len(both), len(only_a), len(only_b)))
    return CompareIndex(page, tuple(rows))


def compare_chooser(corpus: Corpus, page: str) -> CompareChooser:
    ps = corpus.protocols
    return CompareChooser(
        page=page,
        protocols=ps,
        obligations=len(corpus.obligations),
        second=ps[1].slug if len(ps) > 1 else "",
    )
