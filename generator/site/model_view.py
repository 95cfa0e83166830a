"""View models of the model protocol's pages: the landing page and one page per kind of council.

The printed model itself (:class:`~generator.drafting.model_protocol.ModelProtocol`) is
already decided; this adds only what the pages show around it: under each clause, which
protocols state it with links to their clauses, and the appendix of optional clauses.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass

from generator.core import links
from generator.drafting.model_protocol import GROUP_TITLE, ModelClause, ModelProtocol, SourceRef
from generator.drafting.printed import AppendixEntry, appendix
from generator.map.obligations import ModelScope, Status

SCOPE_WORDS = {
    ModelScope.LOCAL: "parish, town and community councils",
    ModelScope.PRINCIPAL: "principal councils (district, borough, county, county borough, unitary)",
    ModelScope.OPTIONAL: "no council unless switched on",
}


@dataclass(frozen=True)
class CitedClause:
    """A link to a protocol's clause that states a model clause."""

    name: str
    """As a list shows it: 'clause 3.1', 'clauses 3.1' then '3.2', 'bullet 2 under “Roles”'."""
    after: str
    """What follows it in the list: ', ', ' and ', ', and ' or nothing."""
    target: str
    """Relative to the model page, with the clause's anchor."""
    tooltip: str
    """'Farnham Town Council, clause 3.1 (in part: ...)'."""


@dataclass(frozen=True)
class Cited:
    council: str
    partial: bool
    clauses: tuple[CitedClause, ...]


@dataclass(frozen=True)
class Sources:
    """How many protocols state a model clause, and where."""

    stated: int
    protocols: int
    detail: str
    """'all in full', 'in full', 'in part' or '4 in full, 1 in part'."""
    cited: tuple[Cited, ...]


@dataclass(frozen=True)
class KindPage:
    model: ModelProtocol
    kind: str
    """The kind of council in words."""
    page: str
    sources: Mapping[str, Sources]
    """By clause id."""
    appendix: tuple[AppendixEntry, ...]


@dataclass(frozen=True)
class KindEntry:
    kind: str
    title: str
    clauses: int


@dataclass(frozen=True)
class Switchable:
    id: str
    title: str
    default: str
    """Who it is on by default for, in words."""


@dataclass(frozen=True)
class IndexPage:
    protocols: int
    kinds: tuple[KindEntry, ...]
    switchable: tuple[Switchable, ...]


def kind_page(model: ModelProtocol) -> KindPage:
    page = links.model_page(model.group)
    return KindPage(
        model=model,
        kind=GROUP_TITLE[model.group],
        page=page,
        sources={c.id: sources(page, c) for s in model.sections for c in s.clauses},
        appendix=appendix(model),
    )


def index_page(models: Mapping[str, ModelProtocol], protocols: int) -> IndexPage:
    seen: dict[str, Switchable] = {}
    for model in models.values():
        for d in model.decisions:
            seen.setdefault(d.id, Switchable(d.id, d.title, SCOPE_WORDS[d.scope]))
    return IndexPage(
        protocols,
        tuple(KindEntry(g, GROUP_TITLE[g], len(m.clauses)) for g, m in models.items()),
        tuple(seen.values()),
    )


def sources(page: str, clause: ModelClause) -> Sources:
    full = sum(1 for s in clause.sources if s.status is Status.FULL)
    part = len(clause.sources) - full
    n = len(clause.sources)
    detail = (
        "all in full"
        if part == 0 and n > 1
        else "in full"
        if part == 0
        else "in part"
        if full == 0 and n == 1
        else f"{full} in full, {part} in part"
    )
    return Sources(n, clause.protocols, detail, tuple(_cited(page, s) for s in clause.sources))


@functools.lru_cache(maxsize=65536)  # the models of every kind cite the same clauses
def _cited(page: str, s: SourceRef) -> Cited:
    note = f" (in part: {s.note})" if s.status is Status.PARTIAL and s.note else ""
    clauses = []
    for cid, name, listed in s.clauses:
        target = links.rel(page, links.protocol_page(s.slug), cid)
        tip = f"{s.council}, {name}{note}"
        clauses.append(CitedClause(listed.text, listed.after, target, tip))
    return Cited(s.council, s.status is Status.PARTIAL, tuple(clauses))
