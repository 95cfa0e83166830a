"""What a council's protocol is compared with: every obligation's wordings, and every clause of
the mapped protocols with the obligations the map says it states.

An obligation's wordings are its title, its neutral statement, its model wording, and the
clauses each mapped protocol cites for it. The last matter most: councils copy from each other
and from the same national models, so a new protocol's clause is usually closest to another
council's clause, not to the map's own phrasing.

``held_out`` leaves one mapped protocol out entirely (its clauses and its positions), so the
benchmark can review it as if it were new.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from generator.core.types import Kind, Protocol, Tier
from generator.drafting.model_protocol import build
from generator.drafting.printed import wording_text, wordings
from generator.map.model_fields import kind_of
from generator.map.obligations import Obligation, ObligationMap, Status, Strength
from generator.map.strength import read_text
from generator.review.text import Weights, key_words, terms


@dataclass(frozen=True)
class KnownClause:
    """A clause of a mapped protocol, and what the map says it states."""

    slug: str
    label: str
    """Its printed number, or its id when unnumbered."""
    states: tuple[tuple[str, Status], ...]
    """(obligation id, full or partial) for each obligation citing it."""


@dataclass(frozen=True)
class Wording:
    """One wording of an obligation, ready to compare."""

    obligation: int
    """Index of the obligation in the map."""
    key: str
    """Words without modal verbs (for rapidfuzz)."""
    bag: frozenset[str]
    """Content terms (for the weighted measures)."""
    origin: str
    """'statement', 'model', or the protocol slug whose clause it is."""


@dataclass(frozen=True)
class ModelWording:
    number: str | None
    text: str
    strength: Strength


@dataclass(frozen=True)
class Reference:
    """Everything a review compares against, built once."""

    omap: ObligationMap
    held_out: str | None
    wordings: tuple[Wording, ...]
    weights: Weights
    known: dict[str, tuple[KnownClause, ...]]
    """Wording key -> the mapped clauses with exactly that wording."""
    known_keys: tuple[str, ...]
    model: dict[str, ModelWording] = field(default_factory=dict)
    postings: dict[str, list[int]] = field(default_factory=dict)
    """Term -> indexes of the wordings holding it."""
    totals: tuple[float, ...] = ()
    """Each wording's total term weight."""
    support: tuple[float, ...] = ()
    """For each obligation, the share of the mapped protocols that state it (0 to 1)."""
    by_key: dict[str, list[int]] = field(default_factory=dict)
    """A mapped clause's wording key -> the indexes of the wordings with that key."""
    same_cache: dict[tuple[str, float], tuple[float, str] | None] = field(
        default_factory=dict, compare=False
    )
    """Clause wording key and least ratio -> the nearest mapped wording (filled as used)."""


def build_reference(
    omap: ObligationMap,
    protocols: Sequence[Protocol],
    held_out: str | None = None,
    group: str = "england-local",
) -> Reference:
    """The reference for reviewing against ``omap``, leaving out ``held_out``'s clauses and
    positions."""
    mapped = [p for p in protocols if p.slug != held_out]
    wordings: list[Wording] = []
    known: dict[str, list[KnownClause]] = {}
    states: dict[str, list[tuple[str, Status]]] = {}
    for i, o in enumerate(omap.obligations):
        for origin, text in _own_wordings(o):
            wordings.append(Wording(i, key_words(text), frozenset(terms(text)), origin))
        for p in mapped:
            source = o.sources.get(p.slug)
            if source is None or source.status is Status.ABSENT:
                continue
            cited = [
                p.by_id[cid]
                for cid in source.clauses
                if cid in p.by_id and p.by_id[cid].kind is not Kind.HEADING
            ]
            for clause in cited:
                states.setdefault(clause.id, []).append((o.id, source.status))
                wordings.append(
                    Wording(i, key_words(clause.text), frozenset(terms(clause.text)), p.slug)
                )
            if len(cited) > 1:  # a lead-in and its bullets, read together
                joined = " ".join(c.text for c in cited)
                wordings.append(Wording(i, key_words(joined), frozenset(terms(joined)), p.slug))
    for p in mapped:
        for c in p.body_clauses():
            key = key_words(c.text)
            if not key:
                continue
            label = c.number or c.id
            known.setdefault(key, []).append(
                KnownClause(p.slug, label, tuple(states.get(c.id, ())))
            )
    weights = Weights.of(w.bag for w in wordings)
    postings: dict[str, list[int]] = {}
    for j, w in enumerate(wordings):
        for t in sorted(w.bag):
            postings.setdefault(t, []).append(j)
    by_key: dict[str, list[int]] = {}
    for j, w in enumerate(wordings):
        if w.origin not in ("statement", "model"):
            by_key.setdefault(w.key, []).append(j)
    totals = tuple(sum(weights.weight(t) for t in w.bag) for w in wordings)
    return Reference(
        omap=omap,
        held_out=held_out,
        wordings=tuple(wordings),
        weights=weights,
        known={k: tuple(v) for k, v in known.items()},
        known_keys=tuple(sorted(known)),
        model=model_wordings(omap, protocols, group),
        postings=postings,
        totals=totals,
        by_key=by_key,
        support=tuple(
            sum(
                1
                for p in mapped
                if (s := o.sources.get(p.slug)) is not None and s.status is not Status.ABSENT
            )
            / (len(mapped) or 1)
            for o in omap.obligations
        ),
    )


def _own_wordings(o: Obligation) -> list[tuple[str, str]]:
    out = [("statement", f"{o.title}. {o.statement}")]
    if o.model:
        out.append(("model", o.model))
    return out


def model_wordings(
    omap: ObligationMap, protocols: Sequence[Protocol], group: str = "england-local"
) -> dict[str, ModelWording]:
    """Each obligation's model wording as printed for a kind of council (an id of
    :data:`~generator.drafting.model_protocol.GROUPS`), with its model number."""
    found = wordings(omap, {group: build(omap, protocols, None, group)[0]})
    out = {
        oid: ModelWording(None if w.in_appendix else w.number, wording_text(w), Strength.EXPECTED)
        for oid, (w,) in found.items()
    }
    by_id = omap.by_id
    return {
        oid: ModelWording(m.number, m.text, read_text(by_id[oid].model or m.text).strongest)
        for oid, m in out.items()
        if oid in by_id
    }


def model_kind(tier: Tier) -> str:
    """The kind of council whose printed model a review compares with: community councils are
    Welsh; other tiers are read as English (the map's model has no other way to tell), and
    principal councils as having executive arrangements, the common case."""
    nation = "wales" if tier is Tier.COMMUNITY else "england"
    return kind_of(nation, tier.is_local, None).id
