"""Per-protocol position files for the pages that choose councils in the browser.

At scale the matrix cannot show hundreds of columns and the compare pages cannot be built for
every pair, so those pages load ``data/positions/<slug>.json`` for the councils a reader picks:
one small file per protocol (linear in N), each obligation's position and the exact text of
each clause it cites (the browser quotes each clause as the static pages do).
"""

from __future__ import annotations

import json
from typing import Any

from generator.core.links import clause_url, positions_file, protocol_url
from generator.core.types import Protocol
from generator.views.corpus import Corpus
from generator.views.words_display import clause_listing, clause_name


def positions_data(corpus: Corpus, p: Protocol) -> dict[str, Any]:
    """``{id, council, tier, url, positions: {obligation id: [status, strength, clauses,
    quotes]}}`` where clauses are ``[[name, url, as listed, what follows], ...]`` (url relative
    to the site root; 'clause 6.1', ..., 'clauses 6.1', ' and ': the list written by the one
    rule of ``clause_listing``) and quotes ``[[clause id, text], ...]``; obligations the
    protocol does not state are left out."""
    out: dict[str, list[Any]] = {}
    for o in corpus.obligations:
        pos = corpus.position(o, p)
        if not pos.stated:
            continue
        out[o.id] = [
            pos.status.value,
            pos.strength.value if pos.strength else None,
            [
                [clause_name(p, c), clause_url(p.slug, c.id), x.text, x.after]
                for c, x in zip(pos.clauses, clause_listing(p, pos.clauses), strict=True)
            ],
            [[c.id, c.text] for c in pos.clauses],
        ]
    return {
        "id": p.slug,
        "council": p.meta.council,
        "tier": p.meta.tier.value,
        "url": protocol_url(p.slug),
        "positions": out,
    }


def positions_files(corpus: Corpus) -> dict[str, str]:
    """Every protocol's position file, compact JSON, by path."""
    return {
        positions_file(p.slug): json.dumps(
            positions_data(corpus, p), ensure_ascii=False, separators=(",", ":")
        )
        + "\n"
        for p in corpus.protocols
    }
