"""Legislation and guidance the protocols cite, found by patterns over clause texts.

The table is ``generator/data/legislation.yaml``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator.core.datafile import check_id, check_pattern, read_entries
from generator.core.problems import InputError, Problem
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
    url: str = ""
    """Where to read it (legislation.gov.uk for an Act, GOV.UK for guidance); '' when there
    is no one text (each council's own code of conduct)."""


def load_sources(text: str | None = None) -> tuple[Source, ...]:
    """The sources from ``generator/data/legislation.yaml`` (or ``text``), checked.

    Raises ``InputError`` naming the file, line and cause of every bad entry.
    """
    entries = read_entries("legislation.yaml", ("id", "title", "pattern", "about"), ("url",), text)
    problems = [p for e in entries for p in check_id(e) + check_pattern(e)]
    problems += [
        Problem(e.path, e.line, f"'{e.values['id']}': url must be an https address on {_HOSTS}")
        for e in entries
        if "url" in e.values and not _URL.match(str(e.values["url"]))
    ]
    ids = {e.values["id"] for e in entries}
    problems += [
        Problem(entries[0].path, 0, f"no entry with id '{needed}': the page needs it ({why})")
        for needed, why in NEEDED.items()
        if needed not in ids
    ]
    if problems:
        raise InputError(problems)
    return tuple(Source(**e.values) for e in entries)


_URL = re.compile(r"^https://www\.(?:legislation\.gov\.uk|gov\.uk)/[\w./-]+$")
_HOSTS = "legislation.gov.uk or gov.uk"

NEEDED = {
    "code-of-conduct": "the councillors' code is told apart from the officers' code",
    "officers-code": "its citations are taken out before looking for the councillors' code",
}
"""Entries the code below relies on, and why."""


SOURCES = load_sources()
"""Every source, in the order the Legislation page lists them (read once, when imported)."""

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
