"""Site pages showing what a council changed from the model text it follows (pure).

``origin_diff_pages(project)`` returns ``{path under docs/: Markdown}`` for each pair of
protocols that share an origin. The Markdown is for MkDocs with Material and the
``attr_list``, ``md_in_html``, ``tables`` and ``admonition`` extensions; every piece of
protocol text goes through ``md_escape``, so source text never becomes markup.
"""

from __future__ import annotations

from generator.core.links import changes_page
from generator.core.markdown_text import md_escape
from generator.core.types import Clause, Kind, Protocol
from generator.diff.compare import Change, ChangeKind, Comparison, Direction, Options, compare
from generator.diff.render import TITLES, describe, markdown_body, notes_of
from generator.project import Project
from generator.views.origins import ORIGINS, Origin

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
    return pages


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


def origin_page(origin: Origin, model: Protocol, council: Protocol) -> str:
    """One page: summary, changes in force, then every change with a redline."""
    comparison = compare(
        body(model),
        body(council),
        Options(ignore_numbers=True),
        old_name=model.slug,
        new_name=council.slug,
    )
    name = council.meta.council
    counts = comparison.summary()
    out = [
        f"# What {md_escape(name)} changed from the model",
        "",
        f"[{md_escape(name)}'s {md_escape(council.meta.title)}](../protocols/{council.slug}.md) "
        f"compared, clause by clause, with {md_escape(origin.model_name)} as adopted word for "
        f"word by [{md_escape(model.meta.council)}](../protocols/{model.slug}.md).",
        "",
        '!!! note "How to read this page"',
        "",
        f"    <del>Struck-through text</del> is in the model only; <ins>underlined text</ins> "
        f"is {md_escape(name)}'s own. Numbering is ignored, because the model is not "
        "numbered, and title-page text (council name, adoption date) is left out.",
        "",
        "## Summary",
        "",
        "| Change | Clauses | Meaning |",
        "|---|---:|---|",
    ]
    for kind, meaning in _MEANINGS.items():
        out.append(f"| {TITLES[kind]} | {counts[kind]} | {meaning} |")
    out += ["", *_force_section(comparison), "## Changes", ""]
    if comparison.identical:
        out += [f"{md_escape(name)}'s text is the model's, word for word.", ""]
    for n, change in enumerate(comparison.changes, start=1):
        out += _change(n, change, model, council)
    return "\n".join(out).rstrip("\n") + "\n"


def _force_section(comparison: Comparison) -> list[str]:
    """A list of the changes in normative force, linked to each change."""
    lines: list[str] = []
    for n, change in enumerate(comparison.changes, start=1):
        s = change.strength
        if s is None:
            continue
        word = "Stronger" if s.direction is Direction.STRENGTHENED else "Weaker"
        where = md_escape(describe(change.clause, change.new_section or change.old_section))
        lines.append(
            f"- {word}: “{md_escape(s.old)}” became “{md_escape(s.new)}” in [{where}](#change-{n})"
        )
    if not lines:
        return []
    return ["## Changes in force", "", *lines, ""]


def _link(protocol: Protocol, clause: Clause, section: str | None) -> str:
    label = md_escape(f"{protocol.meta.council}: {describe(clause, section)}")
    return f"[{label}](../protocols/{protocol.slug}.md#{clause.id})"


def _change(n: int, change: Change, model: Protocol, council: Protocol) -> list[str]:
    section = change.new_section or change.old_section
    title = f"{TITLES[change.kind]}: {describe(change.clause, section)}"
    notes = notes_of(change)
    if notes:
        title += f" ({'; '.join(notes)})"
    out = [f"### {n}\\. {md_escape(title)} {{#change-{n}}}", ""]
    if section:
        out += [f"Section: {md_escape(section)}", ""]
    out += [markdown_body(change), ""]
    links = []
    if change.old is not None:
        links.append(_link(model, change.old, change.old_section))
    if change.new is not None:
        links.append(_link(council, change.new, change.new_section))
    out += [" · ".join(links), ""]
    return out
