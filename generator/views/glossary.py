"""Roles and terms a reader meets in the protocols: what each means, and how to find it in text.

The table is the single source for the Glossary page and for the tooltips (``<abbr title>``)
that explain a term wherever it appears in a clause.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """One glossary entry."""

    id: str
    """Anchor on the Glossary page."""
    term: str
    """The term as the heading shows it."""
    pattern: str
    """Regular expression (case-insensitive, whole words) that finds the term in clause text."""
    meaning: str
    """Plain-English explanation, one or two sentences; also the tooltip."""
    principal: str = ""
    """What the role is called, or how it works, at a principal council (district, borough...)."""
    local: str = ""
    """The same at a parish, town or community council."""


TERMS: tuple[Term, ...] = (
    Term(
        "clerk",
        "Clerk",
        r"(?:town |parish |community )?clerk",
        "The senior paid officer of a parish, town or community council, usually also its "
        "Proper Officer and Responsible Financial Officer.",
        principal="No Clerk as such; the Chief Executive and chief officers share the role.",
        local="The Clerk (Town Clerk at a town council) runs the council's business.",
    ),
    Term(
        "proper-officer",
        "Proper Officer",
        r"proper officer",
        "The officer the law names to do particular statutory tasks, such as issuing the "
        "summons to meetings; at a local council, the Clerk.",
        principal="Different officers are Proper Officer for different functions.",
        local="The Clerk.",
    ),
    Term(
        "head-of-paid-service",
        "Head of Paid Service",
        r"head of (?:the )?paid services?",
        "The officer legally responsible for the council's staff as a whole (Local Government "
        "and Housing Act 1989, s.4); at a principal council usually the Chief Executive.",
        principal="The Chief Executive.",
        local="The Clerk, where the council designates one.",
    ),
    Term(
        "monitoring-officer",
        "Monitoring Officer",
        r"monitoring officer",
        "The officer who makes sure the council acts lawfully and deals with complaints under "
        "the councillors' Code of Conduct. Town and parish councils rely on the principal "
        "council's Monitoring Officer.",
        principal="A senior lawyer employed by the council.",
        local="The district, borough or unitary council's Monitoring Officer.",
    ),
    Term(
        "section-151-officer",
        "Section 151 officer",
        r"section 151 officer|chief financial officer|designated finance officer",
        "The officer responsible for the council's financial affairs under section 151 of the "
        "Local Government Act 1972; also called the Chief Financial Officer.",
        principal="A qualified accountant, often an Executive Director.",
        local="The Responsible Financial Officer, often the Clerk.",
    ),
    Term(
        "chief-executive",
        "Chief Executive",
        r"chief executive",
        "The most senior officer of a principal council, usually its Head of Paid Service.",
        principal="The Chief Executive.",
        local="No Chief Executive; the Clerk leads the staff.",
    ),
    Term(
        "chair",
        "Chair",
        r"chair(?:man|men|s)?|vice[- ]chair(?:man|men|s)?",
        "The councillor who presides over the council or a committee and keeps order in "
        "meetings; a Chair has no authority to instruct officers alone.",
        principal="Chairs of committees; the council's own Chair is often the Mayor.",
        local="The Chair of the council (the Town Mayor at many town councils).",
    ),
    Term(
        "mayor",
        "Mayor",
        r"(?:town )?mayor",
        "A ceremonial title for the Chair of a borough or town council; a few principal "
        "councils have a directly elected Mayor who leads the executive.",
        principal="Ceremonial civic head, or a directly elected executive Mayor.",
        local="A town council's Chair may take the title Town Mayor.",
    ),
    Term(
        "leader",
        "Leader",
        r"leader of (?:the )?council|council leader|leader",
        "At a principal council with a cabinet, the councillor elected to lead the executive "
        "and appoint Cabinet Members.",
        principal="The Leader of the Council, head of the executive.",
        local="No Leader; decisions are made by the full council and its committees.",
    ),
    Term(
        "cabinet-member",
        "Cabinet Member",
        r"cabinet members?",
        "A councillor on the executive (the cabinet) of a principal council, responsible for a "
        "portfolio of services.",
        principal="Members of the Cabinet, appointed by the Leader.",
        local="No cabinet.",
    ),
    Term(
        "co-opted-member",
        "Co-opted member",
        r"co-opted (?:members?|councillors?)",
        "A person appointed, not elected, to a council or committee; bound by the Code of "
        "Conduct like an elected councillor.",
    ),
    Term(
        "ward-councillor",
        "Ward councillor",
        r"ward (?:councillors?|members?)",
        "A councillor in their role representing the people of the ward that elected them.",
    ),
    Term(
        "political-group",
        "Political group",
        r"political groups?",
        "Councillors of the same party (or independents) who formally group together; at "
        "principal councils groups have legal standing for committee places.",
        principal="Groups are formally recognised and may receive officer briefings.",
        local="Many local councils have no formal groups.",
    ),
    Term(
        "need-to-know",
        "Need to know",
        r"need to know",
        "The test for a councillor's right to see council information beyond what the public "
        "can: they must reasonably need it to do their job as a councillor.",
    ),
    Term(
        "purdah",
        "Purdah (pre-election period)",
        r"purdah|pre-election period",
        "The weeks before an election when the Publicity Code restricts council publicity that "
        "could affect support for a party or candidate.",
    ),
)

_TERM_RE = re.compile(
    r"\b(?:" + "|".join(f"(?P<{t.id.replace('-', '_')}>{t.pattern})" for t in TERMS) + r")\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Match:
    """A glossary term found in text: its span and its entry."""

    start: int
    end: int
    term: Term


_BY_GROUP = {t.id.replace("-", "_"): t for t in TERMS}


@functools.lru_cache(maxsize=65536)
def find_terms(text: str) -> tuple[Match, ...]:
    """The first occurrence of each term in ``text``, in order of position.

    Cached: councils that adopt the same model repeat the same clause texts, and the
    pattern is costly to run.
    """
    by_group = _BY_GROUP
    seen: set[str] = set()
    out: list[Match] = []
    for m in _TERM_RE.finditer(text):
        group = m.lastgroup
        if group is None or group in seen:
            continue
        seen.add(group)
        out.append(Match(m.start(), m.end(), by_group[group]))
    return tuple(out)
