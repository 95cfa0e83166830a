"""Proof that no word of a seed text was lost or altered in its source protocol."""

from __future__ import annotations

from generator.core.types import Kind, Protocol
from generator.core.words import Mismatch, Word, first_mismatch, located_words, seed_words


def protocol_words(protocol: Protocol) -> list[Word]:
    """Every word of a parsed protocol in document order: numbers, headings, clause texts."""
    out: list[Word] = []
    for clause in protocol.clauses:
        if clause.label:
            out.extend(located_words(clause.label, clause.line))
        parts = clause.cells if clause.kind is Kind.ROW else (clause.text,)
        for part in parts:
            out.extend(located_words(part, clause.line))
    return out


def check_fidelity(protocol: Protocol, seed_text: str) -> Mismatch | None:
    """Where the protocol first departs from its seed (less listed debris), or None."""
    expected = seed_words(seed_text, protocol.meta.dropped)
    return first_mismatch(expected, protocol_words(protocol))


def unused_dropped(protocol: Protocol, seed_text: str) -> list[str]:
    """Dropped lines that do not occur in the seed (a typo there would hide nothing)."""
    lines = {line.strip() for line in seed_text.split("\n")}
    return [
        d.line for d in protocol.meta.dropped if d.line is not None and d.line.strip() not in lines
    ]
