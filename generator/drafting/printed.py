"""The printed model, once per kind of council, and what it writes for each obligation. Pure.

The site's model pages, the Markdown and Word downloads, the obligation pages and
``obligations.json`` all read these, so each shows exactly the words ``draft`` writes for the
printed model (placeholders as placeholders, never as ``{council_name}``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator.core.types import Protocol
from generator.drafting.model_protocol import (
    GROUP_TITLE,
    GROUPS,
    Decision,
    ModelClause,
    ModelProtocol,
    Text,
    build,
    law,
    plain,
)
from generator.map.model_fields import KIND_BY_ID
from generator.map.obligations import ObligationMap


def printed_models(omap: ObligationMap, protocols: Sequence[Protocol]) -> dict[str, ModelProtocol]:
    """The printed model (placeholders, every clause on by default) for each kind of council,
    by kind id in :data:`GROUPS` order."""
    return {group: build(omap, protocols, group=group)[0] for group in GROUPS}


@dataclass(frozen=True)
class AppendixEntry:
    """A clause off by default, as the printed model's appendix lists it."""

    number: str
    """'A.3'."""
    decision: Decision
    starts_section: bool
    """True for the first entry under its heading (``decision.heading``)."""


def appendix(model: ModelProtocol) -> tuple[AppendixEntry, ...]:
    """The clauses off by default, in the model's order, numbered A.1, A.2..."""
    off = sorted((d for d in model.decisions if not d.included), key=lambda d: d.order)
    out: list[AppendixEntry] = []
    current: str | None = None
    for n, d in enumerate(off, 1):
        out.append(AppendixEntry(f"A.{n}", d, d.section != current))
        current = d.section
    return tuple(out)


@dataclass(frozen=True)
class KindWording:
    """What the printed model for one kind of council writes for one obligation."""

    kind: str
    """The kind's id ('england-local')."""
    title: str
    """The kind in words ('parish and town councils in England')."""
    number: str
    """Its clause number ('4.3'), or its number in the appendix ('A.2') when off by default."""
    text: Text
    items: tuple[Text, ...]
    """Numbered items under the clause ({number}.1, {number}.2...)."""
    in_appendix: bool
    """Off by default: printed in the appendix of optional clauses."""
    law: str | None
    """The law the clause states for this kind of council."""


def _clauses(model: ModelProtocol) -> dict[str, ModelClause]:
    return {c.id: c for section in model.sections for c in section.clauses}


def wordings(
    omap: ObligationMap, models: Mapping[str, ModelProtocol]
) -> dict[str, tuple[KindWording, ...]]:
    """Obligation id -> what each kind's printed model writes for it (kinds without it left
    out), in kind order."""
    by_id = {o.id: o for o in omap.obligations}
    out: dict[str, list[KindWording]] = {}
    for kind, model in models.items():
        title = GROUP_TITLE[kind]
        for c in _clauses(model).values():
            out.setdefault(c.id, []).append(
                KindWording(kind, title, c.number, c.text, c.items, False, c.law)
            )
        for e in appendix(model):
            d = e.decision
            cited = law(by_id[d.id], KIND_BY_ID[kind])
            out.setdefault(d.id, []).append(
                KindWording(kind, title, e.number, d.text, (), True, cited)
            )
    return {oid: tuple(ws) for oid, ws in out.items()}


def wording_text(w: KindWording) -> str:
    """The words as plain text: placeholders in [brackets], each item on a line of its own
    starting ``- ``."""
    return "\n".join([plain(w.text), *(f"- {plain(item)}" for item in w.items)])


def words_by_kind(
    found: Mapping[str, tuple[KindWording, ...]],
) -> dict[str, dict[str, str]]:
    """Obligation id -> kind id -> the printed model's words as plain text (for open data)."""
    return {oid: {w.kind: wording_text(w) for w in ws} for oid, ws in found.items()}


@dataclass(frozen=True)
class SharedWording:
    """Words the printed models of one or more kinds of council write alike for an
    obligation, with the clause number each gives it."""

    kinds: tuple[KindWording, ...]
    text: Text
    items: tuple[Text, ...]
    in_appendix: bool
    law: str | None


def shared(ws: Sequence[KindWording]) -> tuple[SharedWording, ...]:
    """The kinds' wordings grouped where words, optional status and law are the same, in the
    order of each group's first kind."""
    groups: dict[tuple[object, ...], list[KindWording]] = {}
    for w in ws:
        groups.setdefault((w.text, w.items, w.in_appendix, w.law), []).append(w)
    return tuple(
        SharedWording(tuple(g), g[0].text, g[0].items, g[0].in_appendix, g[0].law)
        for g in groups.values()
    )


def model_words(omap: ObligationMap, protocols: Sequence[Protocol]) -> dict[str, dict[str, str]]:
    """:func:`words_by_kind` of freshly built printed models (for ``export``, which makes no
    pages)."""
    return words_by_kind(wordings(omap, printed_models(omap, protocols)))
