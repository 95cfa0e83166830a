"""The one date type: check, draft and the site accept and reject the same values."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.core.dates import PartialDate, parse_date
from generator.drafting.answers import read_answers
from generator.sources.load import parse_protocol

GOOD = [
    ("2023", PartialDate(2023), "2023"),
    ("2027-05", PartialDate(2027, 5), "May 2027"),
    ("2026-05-14", PartialDate(2026, 5, 14), "14 May 2026"),
    ("2024-02-29", PartialDate(2024, 2, 29), "29 February 2024"),
]
BAD = [
    "2023-13",
    "2026-13-45",
    "2026-02-30",
    "2027-00",
    "2025-02-29",
    "0999",
    "May 2026",
    "26-05-14",
    "",
]


@pytest.mark.parametrize(("text", "date", "words"), GOOD)
def test_good_dates_read_and_print(text: str, date: PartialDate, words: str) -> None:
    assert parse_date(text) == date
    assert date.human() == words
    assert date.iso() == text


@pytest.mark.parametrize("text", BAD)
def test_bad_dates_say_why(text: str) -> None:
    with pytest.raises(ValueError, match=r"\S"):
        parse_date(text)


def test_yaml_dates_are_dates() -> None:
    assert parse_date(dt.date(2026, 5, 14)) == PartialDate(2026, 5, 14)


def test_month_bounds() -> None:
    assert PartialDate(2027, 2).latest() == dt.date(2027, 2, 28)
    assert PartialDate(2027).earliest() == dt.date(2027, 1, 1)


@pytest.mark.parametrize("text", [t for t in BAD if t])
def test_check_and_draft_agree(text: str) -> None:
    """A date one command rejects, the other rejects too, each with a located message."""
    protocol = (
        "---\ncouncil: X Council\ntitle: T\ntier: parish\nsource: s.txt\n"
        f'adopted: "{text}"\n---\n\n1. A clause.\n'
    )
    _, problems = parse_protocol("x.md", protocol.encode())
    assert any("adopted" in p.message for p in problems)
    answers = f'council_name: X Council\ntier: parish\nadopted: "{text}"\n'
    _, answer_problems = read_answers("a.yaml", answers)
    assert any("adopted" in p.message for p in answer_problems)
