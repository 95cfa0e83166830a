"""The fixed vocabulary shown to readers: statuses and strengths in words, with a symbol."""

from __future__ import annotations

from generator.core.types import Clause, Kind
from generator.map.obligations import Source, Status, Strength

STATUS_WORDS = {
    Status.FULL: "In full",
    Status.PARTIAL: "In part",
    Status.ABSENT: "Not covered",
}
STATUS_SYMBOL = {Status.FULL: "●", Status.PARTIAL: "◐", Status.ABSENT: "○"}
STATUS_MEANING = {
    Status.FULL: "states the whole idea, with the same force and scope",
    Status.PARTIAL: "narrower, weaker, conditional, or only part of the idea",
    Status.ABSENT: "checked, and the protocol does not say it",
}
STRENGTH_WORDS = {
    Strength.MUST: "must",
    Strength.SHOULD: "should",
    Strength.MAY: "may",
    Strength.EXPECTED: "expected",
}
STRENGTH_MEANING = {
    Strength.MUST: "a binding rule, worded must, shall or will not",
    Strength.SHOULD: "advice the protocol expects to be followed, worded should",
    Strength.MAY: "a permission or option, worded may or can",
    Strength.EXPECTED: "stated as what one side can expect of the other",
}


SUGGESTED_WORDS = "suggested, not yet reviewed"
"""Shown beside every position ``ingest`` suggested until a person confirms it."""


def status_of(source: Source | None) -> Status:
    return source.status if source else Status.ABSENT


def position_words(source: Source | None) -> str:
    """E.g. 'In full, must', 'Not covered', or 'In part, should (suggested, not yet
    reviewed)' for a position ``ingest`` suggested."""
    status = status_of(source)
    words = STATUS_WORDS[status]
    if source and source.strength and status is not Status.ABSENT:
        words += f", {STRENGTH_WORDS[source.strength]}"
    if source and source.suggested:
        words += f" ({SUGGESTED_WORDS})"
    return words


def clause_name(c: Clause) -> str:
    """How to refer to a clause in words: 'clause 3.5', or by kind and section when unnumbered."""
    if c.number:
        return f"clause {c.number}"
    kind = {
        Kind.ITEM: "bullet",
        Kind.QUOTE: "quoted paragraph",
        Kind.ROW: "table row",
        Kind.HEADING: "section",
    }.get(c.kind, "paragraph")
    return f"{kind} under “{c.heading[-1]}”" if c.heading else f"opening {kind}"
