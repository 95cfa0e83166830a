"""Checks on single answer values: dates, text lines, titles. Pure.

Dates go through :func:`parse_date`, the project's one date type
(:class:`~generator.core.dates.PartialDate`), so ``draft`` accepts and rejects exactly what
``check`` and the site do.
"""

from __future__ import annotations

import unicodedata

from generator.core.dates import PartialDate
from generator.core.dates import parse_date as core_parse_date
from generator.core.types import Tier

MAX_LENGTH = 150
"""The longest value accepted for any line of text (a council's name is well under 100)."""


def parse_date(text: str) -> PartialDate:
    """A date written YYYY-MM-DD, YYYY-MM or YYYY; ValueError saying why for anything else.

    >>> parse_date("2026-05-14").human(), parse_date("2027-05").human()
    ('14 May 2026', 'May 2027')
    """
    return core_parse_date(text)


def human_date(value: str) -> str:
    """'2026-05-14' -> '14 May 2026'; a value that is not a valid date is returned unchanged."""
    try:
        return parse_date(value).human()
    except ValueError:
        return value


def review_before_adoption(adopted: str, review: str) -> str | None:
    """Why a review date cannot follow this adoption date, or None when it can."""
    a, r = parse_date(adopted), parse_date(review)
    if r.latest() <= a.earliest():
        return f"'review_due' ({r.human()}) is not after 'adopted' ({a.human()})"
    return None


def text_problem(key: str, text: str) -> str | None:
    """Why a line of text cannot be used, or None: control characters, excessive length."""
    for i, ch in enumerate(text):
        if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co") and ch not in "\u200d":
            return (
                f"'{key}' contains an invisible control character (U+{ord(ch):04X}) at "
                f"character {i + 1}; retype the value"
            )
    if len(text) > MAX_LENGTH:
        return f"'{key}' is {len(text)} characters long; at most {MAX_LENGTH} are accepted"
    return None


def bare(value: str) -> str:
    """A title or name without a leading 'the', which the model adds where a sentence needs it.

    >>> bare("the Staffing Committee"), bare("The Chair of the Council"), bare("Clerk")
    ('Staffing Committee', 'Chair of the Council', 'Clerk')
    """
    return value[4:].lstrip() if value[:4].lower() == "the " else value


def same_role(a: str, b: str) -> bool:
    """True when two titles name the same person, ignoring 'the', case and spacing."""
    return " ".join(bare(a).lower().split()) == " ".join(bare(b).lower().split())


_HEAD_OFFICER = {Tier.PARISH: "Clerk", Tier.COMMUNITY: "Clerk", Tier.TOWN: "Town Clerk"}


def head_officer_default(tier: Tier) -> str:
    """The head officer's usual title: Clerk, Town Clerk or Chief Executive."""
    return _HEAD_OFFICER.get(tier, "Chief Executive")
