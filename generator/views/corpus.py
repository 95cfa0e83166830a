"""One model of the corpus, built once per build: what every page reads instead of the raw map.

Each obligation's position in each protocol with the clauses it cites (their exact text is the
wording), each clause's obligations and text segments (cross-references, glossary terms), the
themes, and the coverage counts. Page view models are made from this; no page re-derives a
position or a wording from ``clauses.yaml``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from generator.core.types import Clause, Protocol
from generator.map.obligations import Obligation, ObligationMap, Status, Strength, Theme
from generator.views.clause_text import Segment, segments
from generator.views.words_display import (
    STATUS_SYMBOL,
    STATUS_WORDS,
    STRENGTH_MEANING,
    STRENGTH_WORDS,
    SUGGESTED_WORDS,
    name_obligations,
)


@dataclass(frozen=True)
class Position:
    """What one protocol says on one obligation."""

    obligation: Obligation
    protocol: Protocol
    status: Status
    """In full, in part, or absent (also when the map lists no source for the protocol)."""
    strength: Strength | None
    """The force of its wording; None when absent."""
    clauses: tuple[Clause, ...]
    """The clauses cited, in the map's order; their texts are the wording."""
    note: str | None
    """How this protocol's version differs in substance, if the map says."""
    suggested: bool = False
    """Suggested by ``ingest`` and not yet reviewed by a person: never shown as reviewed fact."""

    @property
    def stated(self) -> bool:
        """Whether the protocol states the obligation (in full or in part) in cited words."""
        return self.status is not Status.ABSENT and bool(self.clauses)

    @property
    def wording(self) -> str:
        """The cited clauses' text joined; '' when the protocol is silent."""
        return " ".join(c.text for c in self.clauses) if self.stated else ""

    @property
    def words(self) -> str:
        """E.g. 'In full, must', 'Not covered', or 'In part, should (suggested, not yet
        reviewed)' for a position ``ingest`` suggested."""
        words = STATUS_WORDS[self.status]
        words = f"{words}, {self.strength_words}" if self.strength else words
        return f"{words} ({SUGGESTED_WORDS})" if self.suggested else words

    @property
    def symbol(self) -> str:
        """●, ◐ or ○: shown beside the words, hidden from screen readers."""
        return STATUS_SYMBOL[self.status]

    @property
    def status_words(self) -> str:
        """'In full', 'In part' or 'Not covered' (and 'suggested, not yet reviewed' when so)."""
        words = STATUS_WORDS[self.status]
        return f"{words} ({SUGGESTED_WORDS})" if self.suggested else words

    @property
    def strength_words(self) -> str:
        """'must', 'should', 'may' or 'expected'; '' when absent."""
        return STRENGTH_WORDS[self.strength] if self.strength else ""

    @property
    def strength_meaning(self) -> str:
        """What the strength means, e.g. 'a binding rule (must, shall, will not)'."""
        return STRENGTH_MEANING[self.strength] if self.strength else ""

    @property
    def texts(self) -> tuple[str, ...]:
        """The cited clauses' texts, one each; empty when the protocol is silent."""
        return tuple(c.text for c in self.clauses) if self.stated else ()


@dataclass(frozen=True)
class Coverage:
    """How many of the map's obligations a protocol states."""

    full: int
    part: int
    total: int

    @property
    def words(self) -> str:
        """E.g. '40 of 185 (31 in full, 9 in part)'."""
        return f"{self.full + self.part} of {self.total} ({self.full} in full, {self.part} in part)"


@dataclass(frozen=True)
class Corpus:
    """The protocols and the obligation map, cross-indexed once."""

    protocols: tuple[Protocol, ...]
    omap: ObligationMap | None
    positions: Mapping[tuple[str, str], Position]
    """(obligation id, protocol slug) -> position."""
    carried: Mapping[str, tuple[Obligation, ...]]
    """Clause id -> the obligations citing it, in map order."""
    themes: Mapping[str, Theme]
    """Theme id -> theme."""
    coverage: Mapping[str, Coverage]
    """Protocol slug -> its coverage (empty without a map)."""
    _segments: dict[str, tuple[Segment, ...]] = field(default_factory=dict, compare=False)

    @property
    def obligations(self) -> tuple[Obligation, ...]:
        return self.omap.obligations if self.omap else ()

    def position(self, o: Obligation, p: Protocol) -> Position:
        return self.positions[(o.id, p.slug)]

    def stating(self, o: Obligation) -> tuple[Protocol, ...]:
        """The protocols that state ``o``, in protocol order."""
        return tuple(p for p in self.protocols if self.positions[(o.id, p.slug)].stated)

    def segments(self, p: Protocol, c: Clause) -> tuple[Segment, ...]:
        """The clause's text with cross-references and glossary terms (computed once)."""
        found = self._segments.get(c.id)
        if found is None:
            found = self._segments[c.id] = segments(p, c)
        return found


def build_corpus(protocols: tuple[Protocol, ...], omap: ObligationMap | None) -> Corpus:
    """Index the protocols and the map once."""
    positions: dict[tuple[str, str], Position] = {}
    carried: dict[str, list[Obligation]] = {}
    coverage: dict[str, Coverage] = {}
    if omap:
        titles = {o.id: o.title for o in omap.obligations}
        for o in omap.obligations:
            for p in protocols:
                s = o.sources.get(p.slug)
                cited = tuple(p.by_id[c] for c in s.clauses if c in p.by_id) if s else ()
                positions[(o.id, p.slug)] = Position(
                    obligation=o,
                    protocol=p,
                    status=s.status if s else Status.ABSENT,
                    strength=s.strength if s and s.status is not Status.ABSENT else None,
                    clauses=cited if s and s.status is not Status.ABSENT else (),
                    note=name_obligations(s.note, titles) if s and s.note else None,
                    suggested=bool(s and s.suggested),
                )
            for s in o.sources.values():
                for cid in s.clauses:
                    carried.setdefault(cid, []).append(o)
        n = len(omap.obligations)
        for p in protocols:
            full = sum(
                1 for o in omap.obligations if positions[(o.id, p.slug)].status is Status.FULL
            )
            part = sum(
                1 for o in omap.obligations if positions[(o.id, p.slug)].status is Status.PARTIAL
            )
            coverage[p.slug] = Coverage(full, part, n)
    return Corpus(
        protocols=protocols,
        omap=omap,
        positions=positions,
        carried={k: tuple(v) for k, v in carried.items()},
        themes={t.id: t for t in omap.themes} if omap else {},
        coverage=coverage,
    )
