"""Text as the matcher sees it: normalised words, content terms, and term weights.

Matching compares normalised words (NFKC, case-folded) and never alters what is shown: the
report always quotes a council's clauses as they were read.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from generator.diff.compare import RANK, words_of

# Modal verbs are left out of the wording key, so 'must' weakened to 'should' still
# recognises the clause (the strength reader reports the change).
_MODALS = frozenset(RANK) | {"cannot", "not", "never"}

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be been before being
    below between both but by did do does doing down during each few for from further had has
    have having he her here hers him his how i if in into is it its itself just me more most my
    no nor of off on once only or other our out over own same she so some such than that the
    their theirs them then there these they this those through to too under until up very was
    we were what when where which while who whom why with would you your
    council councils councillor councillors officer officers member members protocol""".split()  # noqa: SIM905
)


def key_words(text: str) -> str:
    """The wording key of a clause: its words without modal verbs, space-joined.

    >>> key_words("Officers MUST reply, promptly.")
    'officers reply promptly'
    """
    return " ".join(w for w in words_of(text) if w not in _MODALS)


def stem(word: str) -> str:
    """A light English stem, enough to equate 'decisions'/'decision', 'advised'/'advise'."""
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: len(word) - len(suffix)] + keep
    return word


def terms(text: str) -> list[str]:
    """Content terms: stemmed words, stop words and numbers left out."""
    return [stem(w) for w in words_of(text) if w not in STOPWORDS and not w.isdigit()]


@dataclass(frozen=True)
class Weights:
    """Inverse document frequencies of terms over a collection of texts."""

    idf: Mapping[str, float]
    default: float

    @staticmethod
    def of(documents: Iterable[Iterable[str]]) -> Weights:
        docs = [set(d) for d in documents]
        n = len(docs) or 1
        df: Counter[str] = Counter()
        for d in docs:
            df.update(d)
        idf = {t: math.log(1 + (n - k + 0.5) / (k + 0.5)) for t, k in df.items()}
        return Weights(idf, math.log(1 + (n + 0.5) / 0.5))

    def weight(self, term: str) -> float:
        return self.idf.get(term, self.default)
