"""Site pages showing what a council changed from the model text it follows (pure).

``origin_diff_pages(project)`` returns ``{path under docs/: Markdown}`` for each pair of
protocols that share an origin, rendered by ``templates/pages/changes.md.j2`` from the view
model below. Each side of a change is quoted exactly (a ``data-quote`` element), its own words
that the other side lacks marked; nothing is inserted into a quote or struck through.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from generator.core.links import CHANGES, changes_page
from generator.core.types import Clause, Kind, Protocol
from generator.diff.compare import Change, ChangeKind, Direction, Options, compare
from generator.diff.report_words import TITLES, describe, notes_of
from generator.project import Project
from generator.site.render import render
from generator.views.clause_text import Piece, Segment
from generator.views.marks import marked
from generator.views.origins import ORIGINS, Origin
from generator.views.words_display import clause_name

# What the change is, seen from the council's side.
_MEANINGS = {
    ChangeKind.ADDED: "in the council's text only",
    ChangeKind.REMOVED: "in the model only",
    ChangeKind.MODIFIED: "same place, wording changed",
    ChangeKind.MOVED: "in a different section or order",
}


def page_path(origin: Origin) -> str:
    return changes_page(origin.council, origin.model)


def origin_diff_pages(project: Project) -> dict[str, str]:
    """A 'what this council changed from the model' page for each pair present."""
    by_slug = {p.slug: p for p in project.protocols}
    pages: dict[str, str] = {}
    for origin in ORIGINS:
        model, council = by_slug.get(origin.model), by_slug.get(origin.council)
        if model is None or council is None:
            continue
        pages[page_path(origin)] = origin_page(origin, model, council)
    if pages:
        pages[CHANGES] = changes_index(project)
    return pages


def changes_index(project: Project) -> str:
    """The list of 'what changed from the model' pages (the navigation's entry to them)."""
    by_slug = {p.slug: p for p in project.protocols}
    entries = [
        (by_slug[o.council], by_slug[o.model], o.model_name, page_path(o))
        for o in ORIGINS
        if o.council in by_slug and o.model in by_slug
    ]
    return render("pages/changes_index.md.j2", entries=entries, page=CHANGES)


def body(protocol: Protocol) -> list[Clause]:
    """The protocol's own text: the title and title-page lines (council name, dates, a
    policy-details table) left out; an introduction before the first heading is kept."""
    out: list[Clause] = []
    for c in protocol.clauses:
        if c.kind is Kind.HEADING:
            if c.level > 1:
                out.append(c)
        elif (
            c.heading
            or c.kind is Kind.ITEM
            or (c.kind is not Kind.ROW and len(c.text.split()) >= 12)
        ):
            out.append(c)
    return out


@dataclass(frozen=True)
class QuotedSide:
    """One side of a change: whose words, the clause, and its words marked where they differ."""

    protocol: Protocol
    clause: Clause
    label: str
    """Where the clause is: 'Farnham Town Council: 3.9'."""
    segments: tuple[Segment, ...]
    differs: str
    """What the marked words are missing from: the council's name, or 'the model'."""


@dataclass(frozen=True)
class ChangeView:
    n: int
    title: str
    section: str | None
    sides: tuple[QuotedSide, ...]
    """The model's clause (unless added), then the council's (unless removed)."""


@dataclass(frozen=True)
class ForceLine:
    n: int
    word: str
    """'Stronger', 'Weaker', or 'Reversed' (a negation added or removed)."""
    old: str
    new: str
    where: str


_FORCE = {
    Direction.STRENGTHENED: "Stronger",
    Direction.WEAKENED: "Weaker",
    Direction.REVERSED: "Reversed",
}


@dataclass(frozen=True)
class OriginPage:
    origin: Origin
    model: Protocol
    council: Protocol
    summary: tuple[tuple[str, int, str], ...]
    """(kind of change, how many, what it means)."""
    force: tuple[ForceLine, ...]
    identical: bool
    changes: tuple[ChangeView, ...]


def _marked(clause: Clause, other: Clause | None) -> tuple[Segment, ...]:
    """The clause's own words; those ``other`` lacks (all, when there is no other) marked."""
    if other is None:
        return (Segment(" ".join(clause.text.split()), Piece.MARK),)
    return marked([clause.text], other.text)[0]


def _name(protocol: Protocol, clause: Clause, section: str | None) -> str:
    """A heading by its words ('heading “2. Background”'), any other clause by the one
    naming rule (``clause_name``: 'clause 3.9', 'paragraph 2 under “BACKGROUND”')."""
    if clause.kind is Kind.HEADING:
        return describe(clause, section)
    return clause_name(protocol, clause)


def _side(protocol: Protocol, clause: Clause, other: Clause | None, differs: str) -> QuotedSide:
    label = f"{protocol.meta.council}: {_name(protocol, clause, None)}"
    return QuotedSide(protocol, clause, label, _marked(clause, other), differs)


def _where(change: Change, model: Protocol, council: Protocol) -> str:
    """Where a change is, named in the council's text (or the model's, if removed)."""
    section = change.new_section or change.old_section
    protocol = council if change.new is not None else model
    return _name(protocol, change.clause, section)


def _change_view(n: int, change: Change, model: Protocol, council: Protocol) -> ChangeView:
    section = change.new_section or change.old_section
    title = f"{TITLES[change.kind]}: {_where(change, model, council)}"
    notes = notes_of(change)
    if notes:
        title += f" ({'; '.join(notes)})"
    # A split or merge quotes every part; each is marked against the other side whole.
    olds = change.old_parts or ((change.old,) if change.old is not None else ())
    news = change.new_parts or ((change.new,) if change.new is not None else ())
    old_whole = replace(olds[0], text=change.old_text) if olds else None
    new_whole = replace(news[0], text=change.new_text) if news else None
    sides: list[QuotedSide] = []
    for clause in olds:
        sides.append(_side(model, clause, new_whole, council.meta.council))
    for clause in news:
        sides.append(_side(council, clause, old_whole, "the model"))
    if change.kind is ChangeKind.MOVED and not change.text_changed and change.new is not None:
        sides = sides[-1:]  # the same words: quoted once, where they are now
    return ChangeView(n, title, section, tuple(sides))


def origin_view(origin: Origin, model: Protocol, council: Protocol) -> OriginPage:
    comparison = compare(
        body(model),
        body(council),
        Options(ignore_numbers=True),
        old_name=model.slug,
        new_name=council.slug,
    )
    counts = comparison.summary()
    force = []
    for n, change in enumerate(comparison.changes, start=1):
        s = change.strength
        if s is not None:
            where = _where(change, model, council)
            force.append(ForceLine(n, _FORCE[s.direction], s.old, s.new, where))
    return OriginPage(
        origin=origin,
        model=model,
        council=council,
        summary=tuple((TITLES[k], counts[k], meaning) for k, meaning in _MEANINGS.items()),
        force=tuple(force),
        identical=comparison.identical,
        changes=tuple(
            _change_view(n, c, model, council) for n, c in enumerate(comparison.changes, start=1)
        ),
    )


def origin_page(origin: Origin, model: Protocol, council: Protocol) -> str:
    """One page: summary, changes in force, then every change, each side quoted exactly."""
    view = origin_view(origin, model, council)
    return render("pages/changes.md.j2", view=view, page=page_path(origin))
