"""Comparing two revisions of a protocol clause by clause (pure: clauses in, changes out).

Clauses are aligned by text first and number second, so inserting one paragraph does not
make everything after it look changed:

1. clauses whose normalised words are equal, in order, are anchors;
2. equal clauses found out of order are moves;
3. the rest are paired by similarity of their words (rapidfuzz), with a bonus for the same
   printed number and for lying between the same anchors; a pair out of order needs a higher
   similarity than one in place.

Each pair is then *moved* (out of order, or now in a different section), *modified* (same
place, wording changed), *renumbered* (same words, new number) or unchanged; what is left
over is *added* or *removed*.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from rapidfuzz import fuzz

from generator.core.types import Clause, Kind
from generator.diff.align import (
    Side,
    align_clauses,
    kept_in_order,
    regroup,
)
from generator.diff.changes import (
    Change,
    ChangeKind,
    Comparison,
    Direction,
    EffectKind,
    ObligationEffect,
    ObligationSummary,
    Options,
    RenumberedRun,
    Span,
    StrengthChange,
    full_text,
    letters_of,
    words_of,
)
from generator.diff.effects import match_protocol, obligation_effects
from generator.diff.strength import (
    RANK,
    modal_phrases,
    redline,
    strength_change,
)
from generator.views.words_display import clause_names

__all__ = [
    "RANK",
    "Change",
    "ChangeKind",
    "Comparison",
    "Direction",
    "EffectKind",
    "ObligationEffect",
    "ObligationSummary",
    "Options",
    "RenumberedRun",
    "Span",
    "StrengthChange",
    "compare",
    "grouped",
    "match_protocol",
    "modal_phrases",
    "obligation_effects",
    "redline",
    "strength_change",
    "words_of",
]


def compare(
    old: Sequence[Clause],
    new: Sequence[Clause],
    options: Options | None = None,
    old_name: str = "old",
    new_name: str = "new",
) -> Comparison:
    """Every change from ``old`` to ``new``, in the order of the new revision."""
    options = options or Options()
    vocabulary: dict[str, str] = {}
    a, b = Side.of(old, vocabulary), Side.of(new, vocabulary)
    pairs = align_clauses(a, b, options)
    splits, merges = regroup(a, b, pairs, options)
    changes = _classify(a, b, pairs, options, splits, merges)
    old_names, new_names = clause_names(old), clause_names(new)
    return Comparison(
        old_name,
        new_name,
        tuple(
            replace(
                c,
                old_names=_named((c.old, *c.old_parts), old_names),
                new_names=_named((c.new, *c.new_parts), new_names),
            )
            for c in changes
        ),
    )


def _named(clauses: Iterable[Clause | None], names: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """(id, name) of each unnumbered clause of a change, once each, in order."""
    seen = {c.id: names[c.id] for c in clauses if c is not None and not c.number}
    return tuple(seen.items())


def _classify(
    a: Side,
    b: Side,
    pairs: dict[int, int],
    options: Options,
    splits: dict[int, list[int]] | None = None,
    merges: dict[int, list[int]] | None = None,
) -> list[Change]:
    in_order = kept_in_order(pairs, a, b, options)
    keyed: list[tuple[tuple[int, int, int], Change]] = []
    splits, merges = splits or {}, merges or {}
    for i, js in splits.items():
        keyed += _joined(a, b, [i], js, ChangeKind.SPLIT)
    for j, is_ in merges.items():
        keyed += _joined(a, b, is_, [j], ChangeKind.MERGED)
    back = {j: i for i, j in pairs.items()}
    grouped_old = set(splits) | {i for v in merges.values() for i in v}
    grouped_new = set(merges) | {j for v in splits.values() for j in v}
    for i, j in pairs.items():
        old, new = a.clauses[i], b.clauses[j]
        # A heading read as a paragraph, or a paragraph as a heading (a shape of the file,
        # not an edit), moves nothing: such headings are looked through.
        section_old = _real_section(a, b, pairs, i)
        section_new = _real_section(b, a, back, j)
        # A heading's own section is its level, which plain text can only guess: a heading
        # counts as moved only when out of order.
        moved_section = (
            not a.keys[i][0]
            and section_old is not None
            and section_old != -1
            and section_new != -1
            and section_old in pairs
            and pairs[section_old] != section_new
        )
        moved = i not in in_order or moved_section
        text_old, text_new = full_text(old), full_text(new)
        changed = text_old != text_new
        numbered = not options.ignore_numbers and old.number != new.number
        if not (moved or changed or numbered):
            continue
        if moved:
            kind = ChangeKind.MOVED
        elif changed:
            kind = ChangeKind.MODIFIED
        else:
            kind = ChangeKind.RENUMBERED
        change = Change(
            kind,
            old,
            new,
            old_section=a.section_label(i),
            new_section=b.section_label(j),
            text_changed=changed,
            cosmetic=changed and a.keys[i] == b.keys[j],
            strength=strength_change(text_old, text_new) if changed else None,
            redline=redline(text_old, text_new) if changed else (),
            similarity=round(fuzz.ratio(a.plain[i], b.plain[j]) / 100, 3),
        )
        keyed.append(((j, 1, i), change))
    # A removed clause is shown where it was: after the new place of the clause before it.
    place = -1
    for i in range(len(a.clauses)):
        if i in pairs and i in in_order:
            place = pairs[i]
        elif i in grouped_old:
            continue
        elif i not in pairs:
            removed = Change(ChangeKind.REMOVED, a.clauses[i], None, old_section=a.section_label(i))
            keyed.append(((place, 2, i), removed))
    taken = set(pairs.values())
    for j in range(len(b.clauses)):
        if j not in taken and j not in grouped_new:
            added = Change(ChangeKind.ADDED, None, b.clauses[j], new_section=b.section_label(j))
            keyed.append(((j, 1, -1), added))
    keyed.sort(key=lambda kc: kc[0])
    return [change for _, change in keyed]


def _real_section(x: Side, y: Side, pairs: dict[int, int], k: int) -> int | None:
    """The heading clause ``k`` of ``x`` is under; -1 when that heading's counterpart in
    ``y`` is not a heading (a shape of the file: where the clause is cannot be told)."""
    section = x.sections[k]
    if section is not None and section in pairs and not y.keys[pairs[section]][0]:
        return -1
    return section


def _joined(
    a: Side, b: Side, olds: list[int], news: list[int], kind: ChangeKind
) -> list[tuple[tuple[int, int, int], Change]]:
    """A split or merge; a table row whose cells are now lines (or the reverse), with every
    letter the same, is the file's shape and no change."""
    old_parts = tuple(a.clauses[i] for i in olds)
    new_parts = tuple(b.clauses[j] for j in news)
    text_old = " ".join(full_text(c) for c in old_parts)
    text_new = " ".join(full_text(c) for c in new_parts)
    same = letters_of(text_old) == letters_of(text_new)
    if same and any(c.kind is Kind.ROW for c in (*old_parts, *new_parts)):
        return []
    change = Change(
        kind,
        old_parts[0],
        new_parts[0],
        text_changed=text_old != text_new,
        # Every word kept: only the paragraph breaks moved.
        cosmetic=same,
        strength=strength_change(text_old, text_new),
        redline=redline(text_old, text_new),
        similarity=round(
            fuzz.ratio("".join(a.plain[i] for i in olds), "".join(b.plain[j] for j in news)) / 100,
            3,
        ),
        old_section=a.section_label(olds[0]),
        new_section=b.section_label(news[0]),
        old_parts=old_parts if kind is ChangeKind.MERGED else (),
        new_parts=new_parts if kind is ChangeKind.SPLIT else (),
    )
    return [((news[0], 1, olds[0]), change)]


def grouped(changes: Iterable[Change]) -> list[Change | RenumberedRun]:
    """Changes with each run of consecutive renumberings collapsed into one entry."""
    out: list[Change | RenumberedRun] = []
    run: list[Change] = []
    for change in changes:
        if change.kind is ChangeKind.RENUMBERED:
            run.append(change)
            continue
        if run:
            out.append(RenumberedRun(tuple(run)) if len(run) > 1 else run[0])
            run = []
        out.append(change)
    if run:
        out.append(RenumberedRun(tuple(run)) if len(run) > 1 else run[0])
    return out
