"""View models of the obligations index and of one obligation's page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from generator.core import links
from generator.core.types import Clause, Protocol
from generator.core.wordiff import closest
from generator.map.obligations import Obligation, Status, Theme, Who
from generator.views.clause_text import Segment
from generator.views.compare_view import ClauseRef, refs
from generator.views.corpus import Corpus, Position
from generator.views.marks import marked
from generator.views.wordings import model_wording
from generator.views.words_display import STATUS_MEANING, clause_name, name_obligations

GROUP_ABOVE = 10
"""With more protocols than this, an obligation page quotes each distinct wording once and
lists the councils that use it, instead of one section per council (which grows as N, and its
word diffs against every other council as N squared)."""


@dataclass(frozen=True)
class Quote:
    """A cited clause quoted in full, linked to its place in the protocol."""

    protocol: Protocol
    clause: Clause
    segments: tuple[Segment, ...]
    link_to: str
    """The protocol page, relative to this page (cross-references inside the quote use it)."""
    name: str
    """'clause 3.5', 'bullet under “Roles”'."""
    differs: str = ""
    """When words are highlighted: what they are missing from ('Farnham Town Council',
    'wording 2', 'the model wording'); '' when nothing is compared."""


@dataclass(frozen=True)
class Wording:
    """A section quoting one protocol's wording (or one distinct wording and who uses it)."""

    heading: str
    anchor: str
    position: Position
    quotes: tuple[Quote, ...]
    note: str | None
    also: tuple[tuple[Protocol, tuple[ClauseRef, ...]], ...] = ()
    """When grouped: the other protocols using the same words, with their clauses."""


@dataclass(frozen=True)
class Compared:
    """A wording with the words the closest other wording lacks marked."""

    heading: str
    anchor: str
    other: str
    """What it is compared with: a council, 'wording 2' or 'the model wording'."""
    quotes: tuple[tuple[Clause, tuple[Segment, ...]], ...]


@dataclass(frozen=True)
class ObligationPage:
    obligation: Obligation
    page: str
    theme: Theme | None
    who: str
    kind: str
    stated: int
    total: int
    grouped: bool
    wordings: tuple[Wording, ...]
    silent: tuple[tuple[Protocol, str], ...]
    """Protocols that do not state it, with the map's note on each ('' when none)."""
    absent_meaning: str
    compared: tuple[Compared, ...]
    related: tuple[Obligation, ...]
    not_for_model: str = ""
    """Why the model leaves it out, obligation ids named by their titles ('' when it does not)."""


@dataclass(frozen=True)
class IndexEntry:
    obligation: Obligation
    stated: int


@dataclass(frozen=True)
class ThemeGroup:
    theme: Theme
    entries: tuple[IndexEntry, ...]


@dataclass(frozen=True)
class WhoChoice:
    """One choice of the index filter's "Who it binds"."""

    value: str
    """The choice's name in the address (``?who=councillors``): a :class:`Who` value."""
    label: str
    includes: tuple[Who, ...]
    """The obligations it keeps, by whom they bind."""


WIDER: dict[Who, tuple[Who, ...]] = {
    Who.COUNCILLORS: (Who.COUNCILLORS, Who.BOTH),
    Who.OFFICERS: (Who.OFFICERS, Who.BOTH),
}
"""Choosing councillors (or officers) keeps the obligations that bind both as well, as the
matrix's "Who" filter does."""

WHO_CHOICE_WORDS: dict[Who, str] = {
    Who.COUNCILLORS: "Councillors",
    Who.OFFICERS: "Officers",
    Who.SENIOR_OFFICERS: "Senior officers",
    Who.CHAIRS: "Chairs",
    Who.COUNCIL: "The council as a body",
    Who.BOTH: "Both councillors and officers",
}


@dataclass(frozen=True)
class ObligationsIndex:
    page: str
    obligations: int
    protocols: int
    themes: tuple[ThemeGroup, ...]
    whos: tuple[WhoChoice, ...]
    """The filter's choices of whom an obligation binds, in the order of :class:`Who`."""


def who_choices(obligations: Sequence[Obligation]) -> tuple[WhoChoice, ...]:
    """A choice for each kind of person some obligation binds; councillors and officers
    include the obligations that bind both."""
    present = {o.who for o in obligations}
    out = []
    for w in Who:
        if w not in present:
            continue
        wider = WIDER.get(w, (w,)) if Who.BOTH in present else (w,)
        words = WHO_CHOICE_WORDS[w] + (" (and both)" if len(wider) > 1 else "")
        out.append(WhoChoice(w.value, words, wider))
    return tuple(out)


def obligations_index(corpus: Corpus, page: str) -> ObligationsIndex:
    groups = []
    for t in corpus.omap.themes if corpus.omap else ():
        members = [o for o in corpus.obligations if o.theme == t.id]
        if members:
            groups.append(
                ThemeGroup(t, tuple(IndexEntry(o, len(corpus.stating(o))) for o in members))
            )
    return ObligationsIndex(
        page,
        len(corpus.obligations),
        len(corpus.protocols),
        tuple(groups),
        who_choices(corpus.obligations),
    )


def obligation_page(corpus: Corpus, o: Obligation, page: str) -> ObligationPage:
    have = corpus.stating(o)
    stated = {p.slug for p in have}
    grouped = len(corpus.protocols) > GROUP_ABOVE
    silent = tuple(
        (p, (corpus.position(o, p).note or "") if not grouped else "")
        for p in corpus.protocols
        if p.slug not in stated
    )
    wordings = _grouped(corpus, o, have, page) if grouped else _each(corpus, o, have, page)
    compared = _compared(o, wordings, grouped)
    wordings = _highlighted(wordings, compared)
    return ObligationPage(
        obligation=o,
        page=page,
        theme=corpus.themes.get(o.theme),
        who=o.who.value.replace("-", " ").capitalize(),
        kind=o.kind.value.capitalize(),
        stated=len(have),
        total=len(corpus.protocols),
        grouped=grouped,
        wordings=wordings,
        silent=silent,
        absent_meaning=STATUS_MEANING[Status.ABSENT],
        compared=compared,
        related=tuple(related(corpus, o)[:12]),
        not_for_model=name_obligations(
            o.not_for_model or "", {x.id: x.title for x in corpus.obligations}
        ),
    )


def _quotes(corpus: Corpus, pos: Position, page: str) -> tuple[Quote, ...]:
    p = pos.protocol
    target = links.rel(page, links.protocol_page(p.slug))
    return tuple(Quote(p, c, corpus.segments(p, c), target, clause_name(p, c)) for c in pos.clauses)


def _each(
    corpus: Corpus, o: Obligation, have: Sequence[Protocol], page: str
) -> tuple[Wording, ...]:
    out = []
    for p in have:
        pos = corpus.position(o, p)
        out.append(Wording(p.meta.council, p.slug, pos, _quotes(corpus, pos, page), pos.note))
    return tuple(out)


def wording_groups(corpus: Corpus, o: Obligation, have: Sequence[Protocol]) -> list[list[Protocol]]:
    """The protocols stating ``o``, grouped by identical position and wording (status,
    strength, text, note); largest group first, then in protocol order."""
    groups: dict[tuple[object, ...], list[Protocol]] = {}
    for p in have:
        pos = corpus.position(o, p)
        groups.setdefault((pos.status, pos.strength, pos.wording, pos.note), []).append(p)
    return sorted(groups.values(), key=lambda g: -len(g))


def _grouped(
    corpus: Corpus, o: Obligation, have: Sequence[Protocol], page: str
) -> tuple[Wording, ...]:
    out = []
    for i, group in enumerate(wording_groups(corpus, o, have), start=1):
        pos = corpus.position(o, group[0])
        heading = f"Wording {i}: {len(group)} protocol{'s' if len(group) != 1 else ''}"
        also = tuple((p, refs(corpus.position(o, p))) for p in group[1:])
        out.append(
            Wording(heading, f"wording-{i}", pos, _quotes(corpus, pos, page), pos.note, also)
        )
    return tuple(out)


def _compared(o: Obligation, wordings: Sequence[Wording], grouped: bool) -> tuple[Compared, ...]:
    """Each wording against the closest other one (or the model's), this one's words marked."""
    labels = [f"wording {i}" if grouped else w.heading for i, w in enumerate(wordings, start=1)]
    texts = [(label, w.position.wording) for label, w in zip(labels, wordings, strict=True)]
    out = []
    for i, w in enumerate(wordings):
        others = [t for j, t in enumerate(texts) if j != i]
        against = closest(w.position.wording, others)
        if against is None and o.model:
            against = ("the model wording", model_wording(o, w.position.protocol))
        if against is None:
            continue
        other, text = against
        marks = marked(w.position.texts, text)
        out.append(
            Compared(
                heading=f"{labels[i][0].upper()}{labels[i][1:]} compared with {other}",
                anchor=f"compare-wording-{i + 1}" if grouped else f"compare-{w.anchor}",
                other=other,
                quotes=tuple(zip(w.position.clauses, marks, strict=True)),
            )
        )
    return tuple(out)


def _highlighted(wordings: Sequence[Wording], compared: Sequence[Compared]) -> tuple[Wording, ...]:
    """Each wording quoted once, with the words its closest other wording lacks highlighted
    (the comparison is shown in the quote itself, not in a second copy of it)."""
    by_anchor = {c.anchor.removeprefix("compare-"): c for c in compared}
    out = []
    for w in wordings:
        c = by_anchor.get(w.anchor)
        if c is None:
            out.append(w)
            continue
        marks = dict((id(clause), segs) for clause, segs in c.quotes)
        quotes = tuple(
            replace(q, segments=marks.get(id(q.clause), q.segments), differs=c.other)
            for q in w.quotes
        )
        out.append(replace(w, quotes=quotes))
    return tuple(out)


def related(corpus: Corpus, o: Obligation) -> list[Obligation]:
    """Obligations sharing a cited clause with ``o``, then the rest of its theme, in map order."""
    near = {x.id for s in o.sources.values() for c in s.clauses for x in corpus.carried.get(c, ())}
    sharing = [x for x in corpus.obligations if x.id != o.id and x.id in near]
    theme = [
        x for x in corpus.obligations if x.id != o.id and x.theme == o.theme and x not in sharing
    ]
    return sharing + theme
