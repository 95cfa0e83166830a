"""View models of the map's history: the page at a replaced obligation's old address, and the
corrections page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.core.types import Protocol
from generator.map.history import Correction, Replaced
from generator.map.obligations import Obligation, ObligationMap
from generator.views.words_display import Piece, prose


@dataclass(frozen=True)
class ReplacedPage:
    """Where a replaced obligation went, and why."""

    replaced: Replaced
    new: Obligation
    reason: tuple[Piece, ...]


@dataclass(frozen=True)
class CorrectionRow:
    correction: Correction
    change: tuple[Piece, ...]
    reason: tuple[Piece, ...]
    obligation: str
    """The obligation's id now (a replaced id is followed to its replacement)."""
    title: str
    council: str | None
    """The council whose position changed, or None when the obligation itself changed."""


@dataclass(frozen=True)
class ReplacedEntry:
    replaced: Replaced
    title: str
    """The title of the obligation that replaced it."""
    reason: tuple[Piece, ...]


@dataclass(frozen=True)
class CorrectionsPage:
    corrections: tuple[CorrectionRow, ...]
    """Newest first."""
    replaced: tuple[ReplacedEntry, ...]

    @property
    def by_date(self) -> tuple[tuple[str, tuple[CorrectionRow, ...]], ...]:
        """The corrections under their dates, newest first, each date written out."""
        days: dict[str, list[CorrectionRow]] = {}
        for row in self.corrections:
            days.setdefault(row.correction.date.human(), []).append(row)
        return tuple((day, tuple(rows)) for day, rows in days.items())


def replaced_page(r: Replaced, omap: ObligationMap) -> ReplacedPage:
    titles = {o.id: o.title for o in omap.obligations}
    moved = {x.id: x.replaced_by for x in omap.replaced}
    return ReplacedPage(r, omap.by_id[r.replaced_by], prose(r.reason, titles, moved))


def corrections_page(omap: ObligationMap, protocols: Sequence[Protocol]) -> CorrectionsPage:
    councils = {p.slug: p.meta.council for p in protocols}
    titles = {o.id: o.title for o in omap.obligations}
    moved = {r.id: r.replaced_by for r in omap.replaced}
    rows = []
    for c in sorted(omap.corrections, key=lambda c: c.date, reverse=True):
        oid = moved.get(c.obligation, c.obligation)
        council = councils.get(c.protocol, c.protocol) if c.protocol else None
        rows.append(
            CorrectionRow(
                c,
                prose(c.change, titles, moved),
                prose(c.reason, titles, moved),
                oid,
                titles.get(oid, oid),
                council,
            )
        )
    return CorrectionsPage(
        tuple(rows),
        tuple(
            ReplacedEntry(r, titles[r.replaced_by], prose(r.reason, titles, moved))
            for r in omap.replaced
        ),
    )
