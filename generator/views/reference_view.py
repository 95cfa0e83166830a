"""View models of the reference pages: themes, the glossary, legislation cited."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Generic, TypeVar

from generator.core.types import Clause, Protocol
from generator.map.obligations import Status, Theme
from generator.views import glossary, legislation
from generator.views.corpus import Corpus
from generator.views.words_display import clause_name

Entry = TypeVar("Entry")
Use = TypeVar("Use")


@dataclass(frozen=True)
class ThemeCount:
    protocol: Protocol
    full: int
    part: int
    absent: int


@dataclass(frozen=True)
class ThemeView:
    theme: Theme
    obligations: int
    counts: tuple[ThemeCount, ...]


@dataclass(frozen=True)
class ThemesPage:
    obligations: int
    themes: tuple[ThemeView, ...]


@dataclass(frozen=True)
class TermUse:
    protocol: Protocol
    first: str
    """Id of the first clause using the term."""
    clauses: int


@dataclass(frozen=True)
class Citation:
    protocol: Protocol
    clause: Clause
    name: str
    excerpt: str
    """The start of the clause's text, cut at a word, with '…' when cut."""


@dataclass(frozen=True)
class Uses(Generic[Entry, Use]):
    """A reference entry (a glossary term, an Act or guidance) and where protocols use it."""

    entry: Entry
    uses: tuple[Use, ...]


@dataclass(frozen=True)
class GlossaryPage:
    terms: tuple[Uses[glossary.Term, TermUse], ...]


@dataclass(frozen=True)
class LegislationPage:
    sources: tuple[Uses[legislation.Source, Citation], ...]


def themes_page(corpus: Corpus) -> ThemesPage:
    views = []
    for t in corpus.omap.themes if corpus.omap else ():
        members = [o for o in corpus.obligations if o.theme == t.id]
        counts = []
        for p in corpus.protocols:
            c = Counter(corpus.position(o, p).status for o in members)
            counts.append(ThemeCount(p, c[Status.FULL], c[Status.PARTIAL], c[Status.ABSENT]))
        views.append(ThemeView(t, len(members), tuple(counts)))
    return ThemesPage(len(corpus.obligations), tuple(views))


def glossary_page(corpus: Corpus) -> GlossaryPage:
    uses: dict[str, list[TermUse]] = {t.id: [] for t in glossary.TERMS}
    for p in corpus.protocols:
        found: dict[str, list[str]] = {}
        for c in p.clauses:
            for m in glossary.find_terms(c.text):
                found.setdefault(m.term.id, []).append(c.id)
        for tid, ids in found.items():
            uses[tid].append(TermUse(p, ids[0], len(ids)))
    return GlossaryPage(tuple(Uses(t, tuple(uses[t.id])) for t in glossary.TERMS))


def legislation_page(corpus: Corpus) -> LegislationPage:
    found = legislation.citations(corpus.protocols)
    return LegislationPage(
        tuple(
            Uses(
                s,
                tuple(Citation(p, c, clause_name(p, c), excerpt(c.text)) for p, c in found[s.id]),
            )
            for s in legislation.SOURCES
        )
    )


def excerpt(text: str, limit: int = 160) -> str:
    out = ""
    for w in text.split():
        if len(out) + len(w) + 1 > limit:
            return out + " …"
        out = f"{out} {w}" if out else w
    return out
