"""Per-protocol position files for the pages that choose councils in the browser.

At scale the matrix cannot show hundreds of columns and the compare pages cannot be built for
every pair, so those pages load ``data/positions/<slug>.json`` for the councils a reader picks:
one small file per protocol (linear in N), each obligation's position and wording.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from generator.core.links import clause_url, positions_file, protocol_url
from generator.core.types import Protocol
from generator.map.obligations import ObligationMap, Status
from generator.views.wordings import wording
from generator.views.words_display import clause_name, status_of


def positions_data(omap: ObligationMap, p: Protocol) -> dict[str, Any]:
    """``{council, tier, url, positions: {obligation id: [status, strength, clauses, wording]}}``
    where clauses are ``[[name, url], ...]`` relative to the site root; absent obligations are
    left out."""
    out: dict[str, list[Any]] = {}
    for o in omap.obligations:
        s = o.sources.get(p.slug)
        status = status_of(s)
        if s is None or status is Status.ABSENT:
            continue
        out[o.id] = [
            status.value,
            s.strength.value if s.strength else None,
            [[clause_name(p.by_id[c]), clause_url(p.slug, c)] for c in s.clauses if c in p.by_id],
            wording(o, p),
        ]
    return {
        "id": p.slug,
        "council": p.meta.council,
        "tier": p.meta.tier.value,
        "url": protocol_url(p.slug),
        "positions": out,
    }


def positions_files(omap: ObligationMap, protocols: Sequence[Protocol]) -> dict[str, str]:
    """Every protocol's position file, compact JSON, by path."""
    return {
        positions_file(p.slug): json.dumps(
            positions_data(omap, p), ensure_ascii=False, separators=(",", ":")
        )
        + "\n"
        for p in protocols
    }
