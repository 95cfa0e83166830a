"""The model wording of an obligation filled in for a protocol (its name, titles for its tier)."""

from __future__ import annotations

from generator.core.types import Protocol
from generator.map.obligations import Obligation


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
