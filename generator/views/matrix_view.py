"""View model of the comparison matrix: obligations (rows, by theme) x protocols (columns)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from generator.core.types import Clause, Protocol
from generator.map.obligations import Obligation, Status, Theme, Who
from generator.views.corpus import Corpus, Position
from generator.views.words_display import (
    STATUS_MEANING,
    STATUS_SYMBOL,
    STATUS_WORDS,
    STRENGTH_MEANING,
    STRENGTH_WORDS,
    clause_listing,
)

SORT_VALUE = {Status.FULL: 2, Status.PARTIAL: 1, Status.ABSENT: 0}
MAX_COLUMNS = 8
"""With more protocols than this, the table shows the first ``SHOWN`` and a reader chooses
which councils to compare (their columns load from the position files)."""
SHOWN = 5


@dataclass(frozen=True)
class Also:
    """A further clause cited, linked by its short name."""

    clause: Clause
    short: str
    """As the list shows it: its own number ('4.1'), or how it is found ('bullet 2 under
    “Roles”', 'bullets 2' then '3 under “Roles”')."""
    rest: str
    """The rest of what a screen reader hears: ': Farnham Town Council' (after the short
    name; hidden on screen)."""
    after: str = ""
    """What follows it in the list: ', ', ' and ', ', and ' or nothing."""


@dataclass(frozen=True)
class Cell:
    position: Position
    sort: int
    first: Clause | None
    """The first clause cited; None when the protocol does not state it."""
    also: tuple[Also, ...]


@dataclass(frozen=True)
class Row:
    obligation: Obligation
    theme: Theme | None
    sort: str
    """Sort key of the row heading: the map's order."""
    theme_sort: str
    """Sort key of the theme cell: the theme's order."""
    who: str
    differs: bool
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Key:
    symbol: str
    words: str
    meaning: str


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class MatrixPage:
    page: str
    statuses: tuple[Key, ...]
    strengths: tuple[Key, ...]
    themes: tuple[Theme, ...]
    whos: tuple[Option, ...]
    protocols: tuple[Protocol, ...]
    """The columns shown."""
    everyone: tuple[Protocol, ...]
    chooser: bool
    """Whether the reader chooses the columns (more protocols than ``MAX_COLUMNS``)."""
    chooser_words: str
    """JSON the chooser script uses to write positions in words."""
    rows: tuple[Row, ...]
    coverage: tuple[str, ...]
    """For each column shown: 'n of N (f in full, p in part)'."""
    obligations: int
    max_columns: int


def who_words(who: Who) -> str:
    return who.value.replace("-", " ").capitalize()


def differs(corpus: Corpus, o: Obligation, protocols: Sequence[Protocol]) -> bool:
    """Whether the protocols take different positions (status or strength) on ``o``."""
    return (
        len({(pos.status, pos.strength) for p in protocols for pos in [corpus.position(o, p)]}) > 1
    )


def matrix_page(corpus: Corpus, page: str) -> MatrixPage:
    everyone = corpus.protocols
    chooser = len(everyone) > MAX_COLUMNS
    shown = everyone[:SHOWN] if chooser else everyone
    omap = corpus.omap
    themes = omap.themes if omap else ()
    order = {t.id: i for i, t in enumerate(themes)}
    rows = tuple(
        Row(
            obligation=o,
            theme=corpus.themes.get(o.theme),
            sort=f"{i:04d}",
            theme_sort=f"{order.get(o.theme, 0):03d}",
            who=who_words(o.who),
            differs=differs(corpus, o, everyone),
            cells=tuple(_cell(corpus.position(o, p)) for p in shown),
        )
        for i, o in enumerate(sorted(corpus.obligations, key=lambda o: order.get(o.theme, 0)))
    )
    whos = sorted({o.who for o in corpus.obligations}, key=lambda w: list(Who).index(w))
    words = {
        "status": {s.value: [STATUS_SYMBOL[s], STATUS_WORDS[s]] for s in Status},
        "strength": {s.value: STRENGTH_WORDS[s] for s in STRENGTH_WORDS},
    }
    return MatrixPage(
        page=page,
        statuses=tuple(Key(STATUS_SYMBOL[s], STATUS_WORDS[s], STATUS_MEANING[s]) for s in Status),
        strengths=tuple(Key("", STRENGTH_WORDS[s], STRENGTH_MEANING[s]) for s in STRENGTH_WORDS),
        themes=themes,
        whos=tuple(Option(w.value, who_words(w)) for w in whos),
        protocols=shown,
        everyone=everyone,
        chooser=chooser,
        chooser_words=json.dumps(words, ensure_ascii=False),
        rows=rows,
        coverage=tuple(corpus.coverage[p.slug].words for p in shown),
        obligations=len(corpus.obligations),
        max_columns=MAX_COLUMNS,
    )


def _cell(pos: Position) -> Cell:
    if not pos.stated:
        return Cell(pos, SORT_VALUE[Status.ABSENT], None, ())
    rest = f": {pos.protocol.meta.council}"
    more = pos.clauses[1:]
    listed = clause_listing(pos.protocol, more, bare_numbers=True)
    also = tuple(Also(c, x.text, rest, x.after) for c, x in zip(more, listed, strict=True))
    return Cell(pos, SORT_VALUE[pos.status], pos.clauses[0], also)
