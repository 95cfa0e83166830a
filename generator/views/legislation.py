"""Legislation and guidance the protocols cite, found by patterns over clause texts."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator.core.types import Clause, Kind, Protocol


@dataclass(frozen=True)
class Source:
    """An Act, code or piece of guidance, and how to recognise a citation of it."""

    id: str
    """Anchor on the Legislation page."""
    title: str
    """Its proper title."""
    pattern: str
    """Regular expression (case-insensitive) that finds a citation in clause text."""
    about: str
    """What it is, in a sentence."""


SOURCES: tuple[Source, ...] = (
    Source(
        "localism-act-2011",
        "Localism Act 2011",
        r"localism act|section 29\(1\)",
        "Sets the framework for councillors' codes of conduct, registers of interests and "
        "standards complaints (Part 1, Chapter 7).",
    ),
    Source(
        "foi-act-2000",
        "Freedom of Information Act 2000",
        r"freedom of information",
        "Gives anyone the right to ask a public authority for information it holds.",
    ),
    Source(
        "lga-1972",
        "Local Government Act 1972",
        r"local government act 1972|section 100|\bs\.? ?100[a-k]?\b|section 151",
        "Constitutes councils; section 100 and Schedule 12A govern public access to meetings "
        "and papers; section 151 requires an officer responsible for finance.",
    ),
    Source(
        "lga-1986",
        "Local Government Act 1986",
        r"local government act 1986",
        "Prohibits councils from publishing party-political material and gives the Publicity "
        "Code its legal force.",
    ),
    Source(
        "publicity-code",
        "Code of Recommended Practice on Local Authority Publicity",
        r"code of (?:recommended )?practice (?:on|for) local (?:authority|government) publicity"
        r"|publicity code",
        "Statutory guidance (2011) on what council publicity may say, especially before elections.",
    ),
    Source(
        "data-protection",
        "Data Protection Act (1998, 2018) and UK GDPR",
        r"data protection|gdpr|general data protection regulation",
        "Governs how councils and councillors handle personal data.",
    ),
    Source(
        "nolan",
        "The Seven Principles of Public Life (Nolan principles)",
        r"nolan|seven principles|principles of public life",
        "Selflessness, integrity, objectivity, accountability, openness, honesty and leadership, "
        "set out by the Committee on Standards in Public Life in 1995.",
    ),
    Source(
        "code-of-conduct",
        "The councillors' Code of Conduct",
        r"code of conduct for (?:councillors|members)|councillors[’'] code of conduct"
        r"|members[’'] code of conduct|(?:council[’']s )?(?:adopted )?code of conduct",
        "The code each council must adopt under the Localism Act 2011, setting the standards "
        "of behaviour expected of its councillors.",
    ),
    Source(
        "officers-code",
        "The officers' (employees') code of conduct",
        r"officers[’'] code of conduct|employees[’'] code"
        r"|code of conduct for (?:officers|employees)",
        "The standards the council sets for its staff, usually part of their terms of employment.",
    ),
    Source(
        "lgha-1989",
        "Local Government and Housing Act 1989",
        r"local government and housing act|politically restricted",
        "Creates the Head of Paid Service and Monitoring Officer roles and politically "
        "restricted posts.",
    ),
)

# Matched against lower-cased text: much faster than IGNORECASE over every clause.
_COMPILED = tuple(
    (s, re.compile(s.pattern, 0 if s.pattern == s.pattern.lower() else re.IGNORECASE))
    for s in SOURCES
)
_OFFICERS_CODE = next(rx for s, rx in _COMPILED if s.id == "officers-code")


@functools.lru_cache(maxsize=65536)  # councils that adopt one model repeat its clauses
def cited_sources(text: str) -> tuple[Source, ...]:
    """The sources a piece of text cites, in table order.

    The councillors' Code of Conduct is looked for with officers' codes removed first, so
    "the Officers' Code of Conduct" does not count as citing the councillors' code.
    """
    text = text.lower()
    without_officer_codes = _OFFICERS_CODE.sub("", text)
    return tuple(
        source
        for source, rx in _COMPILED
        if rx.search(without_officer_codes if source.id == "code-of-conduct" else text)
    )


def citations(protocols: Sequence[Protocol]) -> dict[str, list[tuple[Protocol, Clause]]]:
    """Source id -> every (protocol, clause) whose text cites it, in document order."""
    out: dict[str, list[tuple[Protocol, Clause]]] = {s.id: [] for s in SOURCES}
    for p in protocols:
        for c in p.clauses:
            if c.kind is Kind.HEADING:
                continue
            for s in cited_sources(c.text):
                out[s.id].append((p, c))
    return out
