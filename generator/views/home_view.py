"""View model of the home page: the figures, computed from the data."""

from __future__ import annotations

from dataclasses import dataclass

from generator.views.corpus import Corpus


@dataclass(frozen=True)
class HomePage:
    protocols: int
    local: int
    """Parish, town and community councils."""
    principal: int
    has_map: bool
    obligations: int
    shared_by_all: int
    """Obligations every protocol states."""
    only_one: int
    """Obligations exactly one protocol states."""


def home_page(corpus: Corpus) -> HomePage:
    n = len(corpus.protocols)
    counts = [len(corpus.stating(o)) for o in corpus.obligations]
    local = sum(1 for p in corpus.protocols if p.meta.tier.is_local)
    return HomePage(
        protocols=n,
        local=local,
        principal=n - local,
        has_map=corpus.omap is not None,
        obligations=len(corpus.obligations),
        shared_by_all=sum(1 for c in counts if c == n),
        only_one=sum(1 for c in counts if c == 1),
    )
