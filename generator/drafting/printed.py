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
    """The words as plain text: placeholders in [brackets], each item on a line of its own."""
    return "\n".join(plain(t) for t in (w.text, *w.items))
