"""Checks on single answer values: dates, text lines, titles. Pure.

Dates go through :func:`parse_date`, the one place that turns ``2026-05-14``, ``2027-05`` or
``2027`` into a date with a precision, so it can be swapped for the project's shared date type
without touching anything else.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass

MAX_LENGTH = 150
"""The longest value accepted for any line of text (a council's name is well under 100)."""

MONTHS = [calendar.month_name[i] for i in range(1, 13)]
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


@dataclass(frozen=True, order=True)
class AnswerDate:
    """A date to a year, a month or a day."""

    year: int
    month: int | None = None
    day: int | None = None

    def human(self) -> str:
        """'14 May 2026', 'May 2027' or '2027'."""
        if self.month is None:
            return str(self.year)
        if self.day is None:
            return f"{MONTHS[self.month - 1]} {self.year}"
        return f"{self.day} {MONTHS[self.month - 1]} {self.year}"

    def key(self, precision: int) -> tuple[int, ...]:
        """The first ``precision`` parts (1 year, 2 month, 3 day), for comparing."""
        return (self.year, self.month or 0, self.day or 0)[:precision]

    @property
    def precision(self) -> int:
        """1 for a year, 2 for a month, 3 for a day."""
        return 1 if self.month is None else 2 if self.day is None else 3


def parse_date(text: str) -> AnswerDate:
    """A date written YYYY-MM-DD, YYYY-MM or YYYY; ValueError saying why for anything else.

    >>> parse_date("2026-05-14").human(), parse_date("2027-05").human()
    ('14 May 2026', 'May 2027')
    >>> parse_date("2026-02-30")
    Traceback (most recent call last):
    ValueError: February 2026 has no day 30
    """
    m = _DATE.match(text.strip())
    if not m:
        raise ValueError("write a date as YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2026-05-14)")
    year = int(m.group(1))
    if not 1900 <= year <= 2200:
        raise ValueError(f"{year} is not a plausible year")
    if m.group(2) is None:
        return AnswerDate(year)
    month = int(m.group(2))
    if not 1 <= month <= 12:
        raise ValueError(f"there is no month {m.group(2)} (months are 01 to 12)")
    if m.group(3) is None:
        return AnswerDate(year, month)
    day = int(m.group(3))
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise ValueError(f"{MONTHS[month - 1]} {year} has no day {m.group(3)}")
    return AnswerDate(year, month, day)


def human_date(value: str) -> str:
    """'2026-05-14' -> '14 May 2026'; a value that is not a valid date is returned unchanged."""
    try:
        return parse_date(value).human()
    except ValueError:
        return value


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
