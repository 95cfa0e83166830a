"""Roles and terms a reader meets in the protocols: what each means, and how to find it in text.

The table, ``generator/data/glossary.yaml``, is the single source for the Glossary page and for
the tooltips (``<abbr title>``) that explain a term wherever it appears in a clause.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from generator.core.datafile import check_id, check_pattern, read_entries
from generator.core.problems import InputError


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


def load_terms(text: str | None = None) -> tuple[Term, ...]:
    """The glossary from ``generator/data/glossary.yaml`` (or ``text``), checked.

    Raises ``InputError`` naming the file, line and cause of every bad entry.
    """
    entries = read_entries(
        "glossary.yaml", ("id", "term", "pattern", "meaning"), ("principal", "local"), text
    )
    problems = [p for e in entries for p in check_id(e) + check_pattern(e)]
    if problems:
        raise InputError(problems)
    return tuple(Term(**e.values) for e in entries)


TERMS = load_terms()
"""Every term, in the order the Glossary page lists them (read once, when first imported)."""

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
