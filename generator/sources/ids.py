"""Stable clause ids.

Every id is lowercase ``[a-z][a-z0-9-]*`` and starts with the protocol's slug.

1. A **numbered** heading or paragraph takes its printed number: dots become hyphens, a
   trailing dot is dropped, letters are lowercased.
   ``farnham`` + ``3.5`` -> ``farnham-3-5``; ``I.1.`` -> ``farnham-i-1``;
   ``9.1.14`` -> ``southend-9-1-14``.
2. An **unnumbered heading** takes up to four significant words of its text (ASCII-folded,
   lowercased, small words such as "the", "of", "and" left out):
   ``Roles of Councillors and Employees`` -> ``vale-of-grwyney-roles-councillors-employees``.
   The document title (the one ``#`` heading) is ``<slug>-title``.
3. Anything else is numbered **within its parent**, by kind, counting only unnumbered
   siblings of the same kind: ``-p1``, ``-p2`` for paragraphs and quoted paragraphs,
   ``-b1`` for bullets, ``-r1`` for table rows.
   ``farnham-3-5-b2`` is the second bullet under 3.5; ``southend-9-3-2-p1`` the first
   unnumbered paragraph after 9.3.2; ``west-mersea-background-p2`` the second paragraph
   under the heading "BACKGROUND". Text before any heading has the parent ``<slug>-preamble``.
4. If an unnumbered heading's id is already taken, ``-2``, ``-3``... is added in document
   order (a second heading "Officers" becomes ``...-officers-2``).

Consequences, each tested: editing a clause's text never changes an id (only heading text
feeds ids, rule 2); inserting a paragraph changes only the ordinals of its later siblings
under the same parent, never ids in another section.
"""

from __future__ import annotations

import re
import unicodedata

SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "by",
        "for",
        "from",
        "if",
        "in",
        "into",
        "is",
        "it",
        "of",
        "on",
        "or",
        "the",
        "their",
        "to",
        "with",
    ]
)
ID_PATTERN = re.compile(r"^[a-z][a-z0-9-]*$")
SLUG_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


def number_key(number: str) -> str:
    """The id fragment of a printed clause number.

    >>> number_key("9.1.14"), number_key("I.1."), number_key("12.")
    ('9-1-14', 'i-1', '12')
    """
    parts = [p for p in number.lower().split(".") if p]
    return "-".join(parts)


def heading_key(text: str, max_words: int = 4) -> str:
    """The id fragment of an unnumbered heading.

    >>> heading_key("COUNCILLORS' ACCESS TO INFORMATION AND TO COUNCIL DOCUMENTS")
    'councillors-access-information-council'
    >>> heading_key("Some General Principles:")
    'some-general-principles'
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    folded = re.sub(r"['’]", "", folded.lower())
    words = [w for w in re.findall(r"[a-z0-9]+", folded) if w not in SMALL_WORDS]
    return "-".join(words[:max_words]) or "section"


def join(*parts: str) -> str:
    """Join id fragments with hyphens."""
    return "-".join(p for p in parts if p)
