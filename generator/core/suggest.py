"""'Did you mean' for every message that names something unknown: one rule, one wording.

>>> closest("pariah", ["parish", "town", "borough"])
['parish']
>>> hint("review", ["review_due", "adopted"])
' (closest: review_due)'
>>> hint("zzz", ["parish"])
''
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

CUTOFF = 0.5
"""How alike (difflib's ratio, 0 to 1) a name must be to be offered."""


def closest(word: str, options: Iterable[str], n: int = 3, cutoff: float = CUTOFF) -> list[str]:
    """Up to ``n`` of ``options`` most like ``word``, best first (none when nothing is alike)."""
    return difflib.get_close_matches(word, list(options), n=n, cutoff=cutoff)


def hint(word: str, options: Iterable[str], n: int = 3, cutoff: float = CUTOFF) -> str:
    """`` (closest: a, b)`` to append to a message, or ``""`` when nothing is alike."""
    found = closest(word, options, n, cutoff)
    return f" (closest: {', '.join(found)})" if found else ""
