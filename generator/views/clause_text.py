"""A clause's text in segments: plain words, cross-references and glossary terms, for templates.

Cross-references are found by patterns over the text ("see Section 9.1.14", "Sections 5.7 and
9.3.5", "Appendix 1", "considered below", "set out below", "set out above") and resolved to a
clause of the same protocol; one that cannot be resolved stays plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from generator.core.types import Clause, Kind, Protocol
from generator.views.glossary import find_terms

_NUMBERED = re.compile(
    r"\b(?:[Ss]ections?|[Pp]aragraphs?)\s+"
    r"(?P<nums>\d+(?:\.\d+)*(?:(?:,\s*|\s+and\s+|\s+or\s+)\d+(?:\.\d+)*)*)"
)
_NUMBER = re.compile(r"\d+(?:\.\d+)*")
_APPENDIX = re.compile(r"\bAppendix\s+(?P<n>\d+|[A-Z])\b")
_BELOW_SECTION = re.compile(r"\bconsidered below\b")
_BELOW_NEXT = re.compile(r"\bset out below\b")
_ABOVE = re.compile(r"\bset out above\b")
# "Potential breaches ... are considered below": the section on breaches, complaints, disputes.
_BREACH_TOPIC = re.compile(r"breach|wrong|complain|disput", re.IGNORECASE)
_REFERRING_WORDS = ("section", "paragraph", "appendix", "below", "above")


@dataclass(frozen=True)
class Ref:
    """A span of a clause's text that refers to another clause of the same protocol."""

    start: int
    end: int
    target: str
    """Clause id."""


def find_refs(protocol: Protocol, clause: Clause) -> list[Ref]:
    """Cross-references in ``clause`` resolved within ``protocol``, in order, not overlapping."""
    text = clause.text
    refs: list[Ref] = []
    # Most clauses refer to nothing: substring tests are far cheaper than the patterns' scans.
    lower = text.lower()
    if not any(word in lower for word in _REFERRING_WORDS):
        return refs
    for m in _NUMBERED.finditer(text):
        for n in _NUMBER.finditer(m.group("nums")):
            target = protocol.by_number.get(n.group())
            if target and target != clause.id:
                start = m.start("nums") + n.start()
                refs.append(Ref(start, start + len(n.group()), target))
    for m in _APPENDIX.finditer(text):
        target = _heading_starting(protocol, f"appendix {m.group('n')}".lower())
        if target:
            refs.append(Ref(m.start(), m.end(), target))
    at = protocol.position[clause.id] if "below" in text else 0
    for m in _BELOW_SECTION.finditer(text):
        later = [c for c in protocol.clauses[at + 1 :] if c.kind is Kind.HEADING]
        topic = [c for c in later if _BREACH_TOPIC.search(c.text)] if "breach" in text else []
        if topic or later:
            refs.append(Ref(m.start(), m.end(), (topic or later)[0].id))
    for m in _BELOW_NEXT.finditer(text):
        if at + 1 < len(protocol.clauses):
            refs.append(Ref(m.start(), m.end(), protocol.clauses[at + 1].id))
    for m in _ABOVE.finditer(text):
        if clause.parent and clause.parent in protocol.by_id:
            refs.append(Ref(m.start(), m.end(), clause.parent))
    refs = [r for r in refs if r.target != clause.id]
    refs.sort(key=lambda r: r.start)
    out: list[Ref] = []
    for r in refs:
        if not out or r.start >= out[-1].end:
            out.append(r)
    return out


def _heading_starting(protocol: Protocol, prefix: str) -> str | None:
    for c in protocol.clauses:
        if c.kind is Kind.HEADING and c.text.lower().startswith(prefix):
            return c.id
    return None


class Piece(StrEnum):
    """What a segment of a clause's text is, for the template that writes it."""

    TEXT = "text"
    """Plain words."""
    TERM = "term"
    """A glossary term, explained in a tooltip."""
    REF = "ref"
    """A cross-reference to another clause of the same protocol."""
    MARK = "mark"
    """Words that differ from the wording this one is compared with."""


@dataclass(frozen=True)
class Segment:
    """A run of a clause's own text; the segments of a clause joined are exactly its text."""

    text: str
    kind: Piece = Piece.TEXT
    meaning: str = ""
    """For a term: what it means."""
    term: str = ""
    """For a term: its glossary entry's id (the anchor the pop-up links to)."""
    target: str = ""
    """For a cross-reference: the id of the clause it refers to."""


def _with_terms(text: str) -> list[Segment]:
    out: list[Segment] = []
    pos = 0
    for m in find_terms(text):
        if m.start > pos:
            out.append(Segment(text[pos : m.start]))
        out.append(
            Segment(text[m.start : m.end], Piece.TERM, meaning=m.term.meaning, term=m.term.id)
        )
        pos = m.end
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out


def segments(protocol: Protocol, clause: Clause, terms: bool = True) -> tuple[Segment, ...]:
    """The clause's text cut into plain words, glossary terms and cross-references.

    Joined, the segments' texts are exactly ``clause.text``: nothing is added or lost.
    """
    text = clause.text
    plain = _with_terms if terms else (lambda t: [Segment(t)] if t else [])
    out: list[Segment] = []
    pos = 0
    for r in find_refs(protocol, clause):
        out += plain(text[pos : r.start])
        out.append(Segment(text[r.start : r.end], Piece.REF, target=r.target))
        pos = r.end
    out += plain(text[pos:])
    return tuple(out)
