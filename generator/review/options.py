"""How the review matches: the method and its thresholds (chosen by ``make bench-review``)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Method(StrEnum):
    """How a clause is scored against an obligation's wordings (each 0 to 1)."""

    TOKEN_SET = "token-set"
    """rapidfuzz token_set_ratio: shared words over the shorter text."""
    TOKEN_SORT = "token-sort"
    """rapidfuzz token_sort_ratio: the whole of both texts, word order ignored."""
    BM25 = "bm25"
    """BM25-weighted share of the clause's terms found in the wording."""
    DICE = "dice"
    """BM25-weighted agreement both ways: an F-measure of the share of the clause's terms in
    the wording and the share of the wording's terms in the clause (the latter counting
    double)."""
    DICE_SORT = "dice+sort"
    """The mean of ``dice`` and ``token-sort``."""


@dataclass(frozen=True)
class Options:
    """The matching method and its thresholds (scores are 0 to 1)."""

    method: Method = Method.DICE
    same: float = 0.85
    """Least rapidfuzz ratio (0-1) of wording keys for 'the same wording'; above 1 turns the
    same-wording pass off (for the benchmark's comparison)."""
    found: float = 0.4
    """Least best score for ``found``."""
    partial: float = 0.28
    """Least best score for ``partial``."""
    uncertain: float = 0.22
    """Least best score for ``uncertain``."""
    version_uncertain: float = 0.28
    """The same, for a text taken as a version of a mapped protocol."""
    exclusive: float = 1.0
    """When choosing which clause to cite, how much a clause's better score for another
    obligation counts against it."""
    close: float = 0.5
    """Least score against a mapped clause for a clause to be taken as its paraphrase (and
    to state only what it states); above 1, off."""
    version: float = 0.8
    """The least share of clauses with the same wording as one mapped protocol's for the text
    to be taken as a version of it."""
    cite: float = 0.6
    """Least score for a clause other than the best to be cited as well."""
    margin: float = 0.05
    """How far below an obligation's best clause another clause may be and still be cited."""
    prior: float = 0.2
    """How far the thresholds move with the share of mapped protocols stating an obligation:
    down by prior/2 when all state it, up by prior/2 when none does."""
    councils: float = 0.6
    """How much a score against a mapped council's clause counts beside one against the
    obligation's own title, statement and model wording (a council's clause carries words
    of its own context, so matching it is weaker evidence); 0 compares with the obligation's
    own wordings only."""
    context: bool = False
    """Score a bullet together with its lead-in line."""
    lead_in: float = 0.9
    """A bullet is scored alone and together with its lead-in line, the latter's scores
    weighed by this (0 turns it off): 'lobby officers' under 'Councillors must not:'."""
    resolve: bool = True
    """Decide the obligations left ``uncertain`` in a second pass (see :func:`_resolve`)."""


DEFAULT = Options()
"""The options ``review`` uses unless told otherwise."""
