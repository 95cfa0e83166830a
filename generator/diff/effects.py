"""The effect of a revision on the obligation map: which obligations a protocol's revised
clauses touch, and how (no longer covered, newly covered, stronger, weaker, reworded).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from generator.core.types import Clause, Kind, Protocol
from generator.diff.align import (
    LEAST_CONTAINED,
    Side,
    align_clauses,
    encode_words,
)
from generator.diff.changes import (
    Change,
    ChangeKind,
    Comparison,
    Direction,
    EffectKind,
    ObligationEffect,
    ObligationSummary,
    Options,
    full_text,
    letters_of,
    words_of,
)
from generator.map.obligations import Obligation, ObligationMap, Status


def match_protocol(
    clauses: Sequence[Clause], protocols: Sequence[Protocol], least: float = 0.6
) -> Protocol | None:
    """The protocol whose clauses a revision shares most of (at least ``least`` of them)."""
    keys = {letters_of(full_text(c)) for c in clauses if c.kind is not Kind.HEADING}
    best: tuple[float, Protocol] | None = None
    for protocol in protocols:
        theirs = [letters_of(full_text(c)) for c in protocol.body_clauses()]
        if not theirs:
            continue
        share = sum(1 for k in theirs if k in keys) / len(theirs)
        if share >= least and (best is None or share > best[0]):
            best = (share, protocol)
    return best[1] if best else None


def obligation_effects(
    comparison: Comparison,
    old: Sequence[Clause],
    protocol: Protocol,
    omap: ObligationMap,
    protocols: Sequence[Protocol] = (),
    new: Sequence[Clause] = (),
) -> ObligationSummary:
    """How the changes from ``old`` touch the obligations the map cites ``protocol`` for.

    ``old`` need not be the protocol's own source file: its clauses are paired with the
    protocol's by the same alignment as the diff, so a published text of it works too.
    """
    vocabulary: dict[str, str] = {}
    mine, theirs = Side.of(protocol.clauses, vocabulary), Side.of(old, vocabulary)
    pairs = align_clauses(mine, theirs, Options())
    old_of = {protocol.clauses[i].id: old[j].id for i, j in pairs.items()}
    by_old: dict[str, Change] = {}
    for c in comparison.changes:
        for part in c.old_parts or ((c.old,) if c.old is not None else ()):
            by_old[part.id] = c
    # Words still in the new revision are still covered, wherever they went.
    new_words = [
        encode_words(words_of(c.new_text), vocabulary)
        for c in comparison.changes
        if c.new is not None
    ] + [encode_words(words_of(full_text(c)), vocabulary) for c in new]
    added = [c for c in comparison.changes if c.kind is ChangeKind.ADDED]
    texts = {c.id: full_text(c) for p in protocols for c in p.clauses}
    effects: list[ObligationEffect] = []
    for ob in omap.obligations:
        source = ob.sources.get(protocol.slug)
        if source is None or source.status is Status.ABSENT:
            found = _covering(
                ob.model,
                [
                    texts[i]
                    for p in protocols
                    if p.slug != protocol.slug
                    for i in _cited(ob, p.slug)
                    if i in texts
                ],
                added,
            )
            if found:
                effects.append(ObligationEffect(EffectKind.NEWLY_COVERED, ob.id, ob.title, found))
            continue
        changes = [by_old.get(old_of.get(cid, "")) for cid in source.clauses]
        where = tuple(_where(cid, c) for cid, c in zip(source.clauses, changes, strict=True))
        if changes and all(c is not None and c.kind is ChangeKind.REMOVED for c in changes):
            still = all(
                c is not None and _still_there(c.old_text, new_words, vocabulary) for c in changes
            )
            kind = EffectKind.REWORDED if still else EffectKind.NO_LONGER_COVERED
            effects.append(ObligationEffect(kind, ob.id, ob.title, where))
            continue
        strengths = [c.strength for c in changes if c is not None and c.strength]
        if strengths:
            directions = {s.direction for s in strengths}
            if Direction.REVERSED in directions:
                kind = EffectKind.REVERSED
            elif Direction.STRENGTHENED in directions:
                kind = EffectKind.STRENGTHENED
            else:
                kind = EffectKind.WEAKENED
            effects.append(ObligationEffect(kind, ob.id, ob.title, where))
        elif any(c is not None and c.text_changed and not c.cosmetic for c in changes):
            effects.append(ObligationEffect(EffectKind.REWORDED, ob.id, ob.title, where))
    order = list(EffectKind)
    effects.sort(key=lambda e: order.index(e.kind))
    return ObligationSummary(protocol.slug, tuple(effects))


def _still_there(text: str, new_words: Sequence[str], vocabulary: dict[str, str]) -> bool:
    """Whether a removed clause's words are all found, in order, inside some new clause."""
    mine = encode_words(words_of(text), vocabulary)
    if len(mine) < 4:
        return False
    return any(
        len(w) >= len(mine) and fuzz.partial_ratio(mine, w) >= LEAST_CONTAINED for w in new_words
    )


def _cited(ob: Obligation, slug: str) -> tuple[str, ...]:
    source = ob.sources.get(slug)
    return source.clauses if source is not None else ()


def _where(clause_id: str, change: Change | None) -> str:
    if change is None:
        return clause_id
    clause = change.new or change.old
    assert clause is not None
    return clause.number or clause.id


def _covering(
    model: str | None, wordings: Sequence[str], added: Sequence[Change]
) -> tuple[str, ...]:
    """Added clauses that read like another protocol's (or the model's) wording of an idea."""
    candidates = [
        w for w in [*wordings, re.sub(r"\{\w+\}", "", model or "")] if len(words_of(w)) >= 8
    ]
    found: list[str] = []
    for change in added:
        text = " ".join(words_of(full_text(change.clause)))
        if len(text.split()) < 6:
            continue
        for wording in candidates:
            if fuzz.token_sort_ratio(text, " ".join(words_of(wording))) >= 70:
                found.append(change.clause.number or change.clause.id)
                break
    return tuple(found)
