"""View models of the map's history: the page at a replaced obligation's old address, and the
corrections page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.core.types import Protocol
from generator.map.history import Correction, Replaced
from generator.map.obligations import Obligation, ObligationMap
from generator.views.words_display import name_obligations


@dataclass(frozen=True)
class ReplacedPage:
    """Where a replaced obligation went, and why."""

    replaced: Replaced
    new: Obligation
    reason: str = ""
    """Why, obligation ids named by their titles."""


@dataclass(frozen=True)
class CorrectionRow:
    correction: Correction
    obligation: str
    """The obligation's id now (a replaced id is followed to its replacement)."""
    title: str
    council: str | None
    """The council whose position changed, or None when the obligation itself changed."""
    change: str = ""
    """What changed, in words, obligation ids named by their titles."""
    reason: str = ""
    """Why, likewise."""


@dataclass(frozen=True)
class ReplacedEntry:
    replaced: Replaced
    title: str
    """The title of the obligation that replaced it."""
    reason: str = ""
    """Why, obligation ids named by their titles."""


@dataclass(frozen=True)
class CorrectionsPage:
    corrections: tuple[CorrectionRow, ...]
    """Newest first."""
    replaced: tuple[ReplacedEntry, ...]


def replaced_page(r: Replaced, omap: ObligationMap) -> ReplacedPage:
    titles = {o.id: o.title for o in omap.obligations}
    return ReplacedPage(r, omap.by_id[r.replaced_by], name_obligations(r.reason, titles))


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
                oid,
                titles.get(oid, oid),
                council,
                name_obligations(c.change, titles),
                name_obligations(c.reason, titles),
            )
        )
    return CorrectionsPage(
        tuple(rows),
        tuple(
            ReplacedEntry(r, titles[r.replaced_by], name_obligations(r.reason, titles))
            for r in omap.replaced
        ),
    )
