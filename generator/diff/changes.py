"""What a comparison reports: kinds of change, the changes themselves, how to compare, and
the effect on the obligation map; the normalised words both sides are compared by.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum

from generator.core.types import Clause
from generator.core.wordiff import Op


class ChangeKind(StrEnum):
    """What happened to a clause between two revisions."""

    ADDED = "added"
    """Only in the new revision."""
    REMOVED = "removed"
    """Only in the old revision."""
    MODIFIED = "modified"
    """In the same place, with its wording changed."""
    MOVED = "moved"
    """Now in a different section, or in a different order."""
    RENUMBERED = "renumbered"
    """Same words, in the same place, with a new number."""
    SPLIT = "split"
    """One old clause is now several consecutive clauses (``new_parts``)."""
    MERGED = "merged"
    """Several consecutive old clauses (``old_parts``) are now one."""


class Direction(StrEnum):
    """Which way the force of a clause's normative verb changed."""

    STRENGTHENED = "strengthened"
    WEAKENED = "weakened"
    REVERSED = "reversed"
    """A negation added or removed: 'must not' became 'must'."""


@dataclass(frozen=True)
class Span:
    """A run of text in a redline: kept, inserted or deleted."""

    op: Op
    text: str


@dataclass(frozen=True)
class StrengthChange:
    """A change in the normative verb: 'should' became 'must'."""

    old: str
    new: str
    direction: Direction


@dataclass(frozen=True)
class Change:
    """One reported difference between two revisions."""

    kind: ChangeKind
    old: Clause | None
    """The clause in the old revision; None when added."""
    new: Clause | None
    """The clause in the new revision; None when removed."""
    text_changed: bool = False
    """Whether the words (or their case, punctuation or spacing) changed."""
    cosmetic: bool = False
    """Whether only case, punctuation or white space changed."""
    strength: StrengthChange | None = None
    """A change in the normative verb, if any."""
    redline: tuple[Span, ...] = ()
    """Word-level changes, when the text changed."""
    similarity: float = 1.0
    """How alike the old and new wording are, 0 to 1 (1 for added and removed)."""
    old_section: str | None = None
    """The heading the old clause sat under, number and text ('8. PUBLICITY AND THE MEDIA')."""
    new_section: str | None = None
    """The heading the new clause sits under."""
    old_parts: tuple[Clause, ...] = ()
    """For a merge, the old clauses now joined (``old`` is the first)."""
    new_parts: tuple[Clause, ...] = ()
    """For a split, the new clauses it became (``new`` is the first)."""
    old_names: tuple[tuple[str, str], ...] = ()
    """(clause id, its name in the old revision) of the old clause and parts that have no
    number ('bullet 2 under “Roles”'): how the reports name them (``clause_name``)."""
    new_names: tuple[tuple[str, str], ...] = ()
    """The same for the new clause and parts."""

    @property
    def old_text(self) -> str:
        """The old wording (of every part, for a merge)."""
        if self.old_parts:
            return " ".join(full_text(c) for c in self.old_parts)
        return full_text(self.old) if self.old else ""

    @property
    def new_text(self) -> str:
        """The new wording (of every part, for a split)."""
        if self.new_parts:
            return " ".join(full_text(c) for c in self.new_parts)
        return full_text(self.new) if self.new else ""

    @property
    def old_number(self) -> str | None:
        return self.old.number if self.old else None

    @property
    def new_number(self) -> str | None:
        return self.new.number if self.new else None

    @property
    def clause(self) -> Clause:
        """The clause as it is now (or was, if removed)."""
        clause = self.new or self.old
        assert clause is not None
        return clause


@dataclass(frozen=True)
class Options:
    """How to compare."""

    ignore_numbers: bool = False
    """Compare words only: no 'renumbered', and numbers do not help pairing (for texts
    numbered differently, like a council's text against an unnumbered model)."""
    min_similarity: float = 60.0
    """Least similarity (0-100) for two clauses in the same place to be one clause edited."""
    min_similarity_moved: float = 75.0
    """Least similarity for a clause found elsewhere to be the same clause, moved and edited."""


@dataclass(frozen=True)
class Comparison:
    """Every change between two revisions, in the order of the new revision."""

    old_name: str
    new_name: str
    changes: tuple[Change, ...]
    obligations: ObligationSummary | None = None
    """The effect on the obligation map, when the old revision is one of its protocols."""

    def summary(self) -> dict[ChangeKind, int]:
        """How many changes of each kind, every kind present (zero when none)."""
        counts = Counter(c.kind for c in self.changes)
        return {kind: counts.get(kind, 0) for kind in ChangeKind}

    @property
    def identical(self) -> bool:
        return not self.changes


@dataclass(frozen=True)
class RenumberedRun:
    """Consecutive clauses renumbered and otherwise unchanged: shown as one line."""

    changes: tuple[Change, ...]

    @property
    def first(self) -> Change:
        return self.changes[0]

    @property
    def last(self) -> Change:
        return self.changes[-1]


# --- normalising text ---------------------------------------------------------------------

_WORDS = re.compile(r"\w+")
TOKENS = re.compile(r"\w+|[^\w\s]|\s+")


def words_of(text: str) -> list[str]:
    """Lowercased words of ``text`` (NFKC), for comparing wording."""
    return _WORDS.findall(unicodedata.normalize("NFKC", text).casefold())


def letters_of(text: str) -> str:
    """Letters and digits only: equal for texts differing in case, punctuation or spacing."""
    return "".join(words_of(text))


def full_text(c: Clause) -> str:
    return " | ".join(c.cells) if c.cells else c.text


# --- effect on the obligation map ---------------------------------------------------------


class EffectKind(StrEnum):
    """What a revision does to an obligation the map tracks."""

    NO_LONGER_COVERED = "no longer covered"
    """Every clause the map cites for it was removed."""
    NEWLY_COVERED = "newly covered"
    """The map has it absent, and an added clause reads like other protocols' wording of it."""
    STRENGTHENED = "strengthened"
    """A cited clause's normative verb got stronger."""
    WEAKENED = "weakened"
    """A cited clause's normative verb got weaker."""
    REVERSED = "reversed"
    """A cited clause's normative verb was negated, or lost its negation."""
    REWORDED = "reworded"
    """A cited clause's wording changed otherwise: the map's entry needs a look."""


@dataclass(frozen=True)
class ObligationEffect:
    """One obligation touched by a revision."""

    kind: EffectKind
    obligation: str
    """The obligation's id in clauses.yaml."""
    title: str
    clauses: tuple[str, ...]
    """Where it is in the revision: printed numbers, or clause ids when unnumbered."""


@dataclass(frozen=True)
class ObligationSummary:
    """The effect of a revision on one protocol's entries in the obligation map."""

    protocol: str
    """Slug of the protocol the old revision was matched to."""
    effects: tuple[ObligationEffect, ...]
