"""The words every report format shares: what each kind of change is called and means, how a
clause is named, one-line headlines and notes, the summary and the effect on obligations.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.core.types import Clause, Kind
from generator.diff.compare import (
    Change,
    ChangeKind,
    Comparison,
    RenumberedRun,
)
from generator.views.words_display import clause_names

# --- words shared by every format ---------------------------------------------------------

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Control characters: never passed through to a terminal or a page."""

TITLES = {
    ChangeKind.ADDED: "Added",
    ChangeKind.REMOVED: "Removed",
    ChangeKind.MODIFIED: "Modified",
    ChangeKind.MOVED: "Moved",
    ChangeKind.RENUMBERED: "Renumbered",
    ChangeKind.SPLIT: "Split",
    ChangeKind.MERGED: "Merged",
}
MEANINGS = {
    ChangeKind.ADDED: "only in the new revision",
    ChangeKind.REMOVED: "only in the old revision",
    ChangeKind.MODIFIED: "same place, wording changed",
    ChangeKind.MOVED: "now in a different section or order",
    ChangeKind.RENUMBERED: "same wording, new number only",
    ChangeKind.SPLIT: "one clause is now several",
    ChangeKind.MERGED: "several clauses are now one",
}


def describe(clause: Clause, section: str | None, name: str | None = None) -> str:
    """How a reader finds a clause: its number, the heading's words, or for an unnumbered
    clause its name by the one rule of ``clause_name`` ('bullet 2 under “Roles”'), given as
    ``name`` (a change carries the names of its clauses: ``Change.old_names``)."""
    if clause.kind is Kind.HEADING:
        if clause.level == 1 and not clause.number:
            return "title"
        label = f"{clause.label} " if clause.label else ""
        return f"heading “{_short(label + clause.text)}”"
    if clause.number:
        return clause.number
    return name or clause_names([clause])[clause.id]


def _parts(clauses: Sequence[Clause], section: str | None, names: dict[str, str]) -> str:
    """The clauses of a split or merge: '3.2 + 3.3', or 'paragraphs 1 and 2 under “Roles”'."""
    if all(c.number for c in clauses):
        return " + ".join(str(c.number) for c in clauses)
    return " + ".join(describe(c, section, names.get(c.id)) for c in clauses)


def _short(text: str, limit: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _text(clause: Clause) -> str:
    return " | ".join(clause.cells) if clause.cells else clause.text


def where(change: Change) -> str:
    """'1.6', '2.3 → 2.4', 'paragraph 2 under “Background”', or '3.2 → 3.2 + 3.3' for a
    split."""
    old_names, new_names = dict(change.old_names), dict(change.new_names)
    old = new = None
    if change.old:
        old = describe(change.old, change.old_section, old_names.get(change.old.id))
    if change.new:
        new = describe(change.new, change.new_section, new_names.get(change.new.id))
    if change.old_parts:
        old = _parts(change.old_parts, change.old_section, old_names)
    if change.new_parts:
        new = _parts(change.new_parts, change.new_section, new_names)
    if old and new and old != new:
        return f"{old} → {new}"
    return new or old or ""


def headline(change: Change) -> str:
    """One line naming a change: kind, where, and what is notable about it."""
    parts = [f"{TITLES[change.kind]} {where(change)}"]
    notes = notes_of(change)
    if notes:
        parts.append(f"({'; '.join(notes)})")
    return " ".join(parts)


def notes_of(change: Change, sections: bool = True) -> list[str]:
    """Short notes on a change: its strength, cosmetic, where a moved clause went."""
    notes: list[str] = []
    if change.strength:
        s = change.strength
        notes.append(f"{s.direction.value}: “{s.old}” → “{s.new}”")
    if change.cosmetic and change.kind in (ChangeKind.SPLIT, ChangeKind.MERGED):
        notes.append("wording unchanged")
    elif change.cosmetic:
        notes.append("cosmetic: case, punctuation or spacing only")
    if change.kind is ChangeKind.MOVED:
        if sections and change.old_section != change.new_section and change.new_section:
            notes.append(f"now in “{_short(change.new_section)}”")
        if not change.text_changed:
            notes.append("wording unchanged")
    return notes


def _span(first: str | None, last: str | None) -> str:
    """'1–4.2', '3' when both ends are one number, 'unnumbered' for clauses without one."""
    a, b = first or "unnumbered", last or "unnumbered"
    return a if a == b else f"{a}–{b}"


def run_headline(run: RenumberedRun) -> str:
    first, last = run.first, run.last
    old = _span(first.old_number, last.old_number)
    new = _span(first.new_number, last.new_number)
    return f"Renumbered {old} → {new} ({len(run.changes)} clauses, wording unchanged)"


def effect_lines(comparison: Comparison) -> list[str]:
    """The effect on the obligation map, one plain line per obligation touched."""
    summary = comparison.obligations
    if summary is None:
        return []
    if not summary.effects:
        return [f"No obligation the map cites {summary.protocol} for is affected."]
    return [
        f"{e.kind.value.capitalize()}: {e.title} ({e.obligation}; "
        f"{', '.join(e.clauses) or 'no clause'})"
        for e in summary.effects
    ]


def effect_heading(comparison: Comparison) -> str:
    protocol = comparison.obligations.protocol if comparison.obligations else ""
    return f"Effect on obligations (the map's entries for {protocol})"


def summary_line(comparison: Comparison) -> str:
    counts = comparison.summary()
    return ", ".join(f"{counts[k]} {k.value}" for k in ChangeKind)
