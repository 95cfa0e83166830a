"""The one date type: a date as precise as a document gives it (a year, a month or a day).

Protocols are dated "2023", "May 2027" or "14 May 2026". ``check``, ``draft`` and the site all
read dates through :func:`parse_date`, so they accept and reject exactly the same values.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

MONTHS = tuple(calendar.month_name[1:])
_SHAPE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date known to the year, the month or the day."""

    year: int
    """Four-digit year."""
    month: int | None = None
    """1 to 12, or None when only the year is known."""
    day: int | None = None
    """A real day of that month, or None when only the month is known."""

    def iso(self) -> str:
        """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, as written in the source files."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def human(self) -> str:
        """'14 May 2026', 'May 2027' or '2023'."""
        if self.month is None:
            return str(self.year)
        month = MONTHS[self.month - 1]
        return f"{month} {self.year}" if self.day is None else f"{self.day} {month} {self.year}"

    def earliest(self) -> dt.date:
        """The first day this date can mean (for ordering checks such as review after adoption)."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> dt.date:
        """The last day this date can mean."""
        month = self.month or 12
        return dt.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def __str__(self) -> str:
        return self.iso()


def parse_date(value: object) -> PartialDate:
    """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; ValueError says what is wrong, in words."""
    if isinstance(value, dt.date):  # YAML reads an unquoted 2026-05-14 as a date
        return PartialDate(value.year, value.month, value.day)
    text = str(value).strip() if isinstance(value, str | int) else None
    match = _SHAPE.match(text) if text is not None else None
    if text is None or match is None:
        raise ValueError(f"{value!r} is not a date written YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    if year < 1000:
        raise ValueError(f"'{text}' has no four-digit year")
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"'{text}' has no month {month:02d} (months are 01 to 12)")
    if month is not None and day is not None:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise ValueError(
                f"'{text}': {MONTHS[month - 1]} {year} has no day {day} (it has {last})"
            )
    return PartialDate(year, month, day)


def human_date(value: PartialDate | None, missing: str = "Not stated") -> str:
    """A date in words, or ``missing`` when there is none."""
    return value.human() if value is not None else missing
