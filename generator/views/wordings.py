"""What a protocol says for an obligation, as text: its cited clauses joined, or the model's."""

from __future__ import annotations

from collections.abc import Sequence

from generator.core.types import Protocol
from generator.map.obligations import Obligation, Status


def wording(o: Obligation, p: Protocol) -> str:
    """The text of the clauses ``p`` cites for ``o``, joined; '' when it is silent."""
    s = o.sources.get(p.slug)
    if s is None or s.status is Status.ABSENT:
        return ""
    return " ".join(p.by_id[c].text for c in s.clauses if c in p.by_id)


def model_wording(o: Obligation, p: Protocol) -> str:
    """The model wording filled in for ``p`` (its name, and titles for its tier)."""
    if not o.model:
        return ""
    local = p.meta.tier.is_local
    values = {
        "council_name": p.meta.council,
        "head_officer_title": "Clerk" if local else "Chief Executive",
        "chair_title": "Chair of the council" if local else "Chair",
        "complaints_to": "the Chair of the council" if local else "the Chief Executive",
        "monitoring_officer_council": "the principal council" if local else "the council",
        "staffing_committee": "the staffing committee",
    }
    text = o.model
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return text


def stating(o: Obligation, protocols: Sequence[Protocol]) -> list[Protocol]:
    """The protocols that state ``o`` in full or in part, in protocol order."""
    return [p for p in protocols if wording(o, p)]
