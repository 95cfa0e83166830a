"""Word-level differences between two wordings, as runs of words (same, inserted, deleted).

Words are compared normalised (case, punctuation and curly quotes ignored) and kept as
originally written. Pages show them through ``generator.views.marks`` and the templates.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz import fuzz


class Op(StrEnum):
    """What happened to a run of words."""

    SAME = "same"
    INSERTED = "inserted"
    DELETED = "deleted"


@dataclass(frozen=True)
class Run:
    """A run of words with one fate."""

    op: Op
    words: tuple[str, ...]


def _norm(word: str) -> str:
    word = word.replace("’", "'").replace("‘", "'").lower()
    return re.sub(r"[^\w']+", "", word) or word


@functools.lru_cache(maxsize=8192)
def diff_words(old: str, new: str) -> list[Run]:
    """Runs that turn ``old`` into ``new``: same, deleted (only in old), inserted (only in new).

    Remembered (do not modify the list): pages diff the same wordings again, and ``mkdocs
    serve`` rebuilds every page on each edit."""
    return diff_tokens(old.split(), new.split(), _norm)


def diff_tokens(
    a: Sequence[str], b: Sequence[str], key: Callable[[str], str] | None = None
) -> list[Run]:
    """The one word-diff engine: runs that turn tokens ``a`` into ``b``, compared by ``key``
    (as they are when None) and kept as written. Pages compare words (``diff_words``); the
    revision diff compares words, punctuation and spaces, so a reviewer sees a comma change."""
    matcher = difflib.SequenceMatcher(
        None,
        list(a) if key is None else [key(w) for w in a],
        list(b) if key is None else [key(w) for w in b],
        autojunk=False,
    )
    runs: list[Run] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append(Run(Op.SAME, tuple(b[j1:j2])))
            continue
        if i2 > i1:
            runs.append(Run(Op.DELETED, tuple(a[i1:i2])))
        if j2 > j1:
            runs.append(Run(Op.INSERTED, tuple(b[j1:j2])))
    return runs


def similarity(a: str, b: str) -> float:
    """0-100: how alike two wordings are, word order mostly respected."""
    return float(fuzz.token_sort_ratio(a.lower(), b.lower()))


def closest(text: str, others: Sequence[tuple[str, str]]) -> tuple[str, str] | None:
    """The (label, wording) in ``others`` most like ``text``; ties go to the first given."""
    best: tuple[str, str] | None = None
    best_score = -1.0
    for label, wording in others:
        score = similarity(text, wording)
        if score > best_score:
            best, best_score = (label, wording), score
    return best
