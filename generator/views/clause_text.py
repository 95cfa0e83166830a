"""A clause's text as Markdown: escaped, with cross-references linked and glossary terms explained.

Cross-references are found by patterns over the text ("see Section 9.1.14", "Sections 5.7 and
9.3.5", "Appendix 1", "considered below", "set out below", "set out above") and resolved to a
clause of the same protocol; one that cannot be resolved stays plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.core.markdown_text import attr_escape, md_escape, md_escape_keep_space
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


def with_terms(text: str) -> str:
    """Escaped Markdown for plain text, the first use of each glossary term in an ``<abbr>``."""
    out: list[str] = []
    pos = 0
    for m in find_terms(text):
        out.append(md_escape_keep_space(text[pos : m.start]))
        title = attr_escape(m.term.meaning)
        term = attr_escape(m.term.id)  # the glossary entry's anchor, for glossary.js's link
        out.append(
            f'<abbr title="{title}" data-term="{term}">{md_escape(text[m.start : m.end])}</abbr>'
        )
        pos = m.end
    out.append(md_escape_keep_space(text[pos:]))
    return "".join(out)


def render(protocol: Protocol, clause: Clause, link_to: str = "", terms: bool = True) -> str:
    """The clause text as Markdown; cross-references link to ``link_to#target``.

    ``link_to`` is the relative path of the protocol page from the page being written ('' when
    it is that page).
    """
    text = clause.text
    esc = with_terms if terms else md_escape_keep_space
    out: list[str] = []
    pos = 0
    for r in find_refs(protocol, clause):
        out.append(esc(text[pos : r.start]))
        out.append(f"[{md_escape(text[r.start : r.end])}]({link_to}#{r.target})")
        pos = r.end
    out.append(esc(text[pos:]))
    return "".join(out).strip()
