"""Words a note or strength reason puts in quotation marks must be the protocol's own.

A note that says 5.2 requires reports 'to be in writing' tells a reader those are the
council's words. This module finds every phrase a ``note:`` or ``strength_reason:`` puts in
quotation marks (``'…'``, ``"…"``, ``‘…’``, ``“…”``) and checks that it appears word for word
in the clauses the position cites, or at least somewhere in that protocol. Case, whitespace,
curly and straight quotes and dashes are normalised before comparing; an ellipsis (``...``
or ``…``) inside a quotation marks an omission, and each part must then appear, in order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator.core.problems import Problem, Severity
from generator.core.types import Clause, Protocol
from generator.map.obligations import ObligationMap

_QUOTED = re.compile(
    r"“(?P<curly2>[^”]+)”"
    r"|‘(?P<curly1>[^’]+?)’(?![A-Za-z])"
    r"|(?<![A-Za-z0-9])\"(?P<straight2>[^\"]+)\""
    r"|(?<![A-Za-z0-9])'(?P<straight1>[^']*?(?:[A-Za-z]'[A-Za-z][^']*?)*)'(?![A-Za-z])"
)
"""A quotation: an apostrophe inside a word ("Council's", "officer’s") does not open or close
one, nor does a closing quote followed by a letter."""

_ELLIPSIS = re.compile(r"\.\.\.|…|\[\.\.\.\]|\[…\]")

_FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


def normalise(text: str) -> str:
    """Text compared case- and whitespace-blind, curly quotes and dashes as straight ones."""
    return re.sub(r"\s+", " ", text.translate(_FOLD)).strip().lower()


def quoted_phrases(text: str) -> list[str]:
    """Every phrase ``text`` puts in quotation marks, in order."""
    return [
        next(g for g in m.groups() if g is not None)
        for m in _QUOTED.finditer(text)
        if any(g and g.strip() for g in m.groups())
    ]


def _found(phrase: str, haystack: str) -> bool:
    """The phrase (its parts, in order, when it marks omissions) appears in ``haystack``."""
    at = 0
    for part in _ELLIPSIS.split(phrase):
        piece = normalise(part).strip(" ,;:.")
        if not piece:
            continue
        at = haystack.find(piece, at)
        if at < 0:
            return False
        at += len(piece)
    return True


def _clause_text(clause: Clause) -> str:
    return " | ".join(clause.cells) if clause.cells else clause.text


@dataclass(frozen=True)
class Misquote:
    """A quoted phrase not found as the protocol words it."""

    obligation: str
    protocol: str
    field: str
    """'note' or 'strength_reason'."""
    phrase: str
    line: int


def misquotes(omap: ObligationMap, protocols: Sequence[Protocol]) -> list[Misquote]:
    """Every quoted phrase in a note or strength reason that is not the protocol's words.

    The cited clauses are part of the protocol, so a phrase found there passes; a note may
    also quote another clause of the same protocol (to say how it differs)."""
    whole = {p.slug: normalise(" \n ".join(_clause_text(c) for c in p.clauses)) for p in protocols}
    out: list[Misquote] = []
    for o in omap.obligations:
        for slug, source in o.sources.items():
            if slug not in whole:
                continue
            for field, text in (("note", source.note), ("strength_reason", source.strength_reason)):
                for phrase in quoted_phrases(text or ""):
                    if not _found(phrase, whole[slug]):
                        out.append(Misquote(o.id, slug, field, phrase, source.line))
    return out


def quote_problems(omap: ObligationMap, protocols: Sequence[Protocol]) -> list[Problem]:
    """Warnings for every quoted phrase that is not the cited clauses' own words."""
    out: list[Problem] = []
    for m in misquotes(omap, protocols):
        out.append(
            Problem(
                omap.path,
                m.line,
                f"obligation '{m.obligation}', {m.protocol}: the {m.field} quotes "
                f"'{m.phrase}', which is not in the clauses cited nor elsewhere in the "
                "protocol; quote the text exactly or drop the quotation marks",
                Severity.WARNING,
            )
        )
    return out
