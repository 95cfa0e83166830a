"""Checks across answers: a kind of council that exists, dates in order, routes that do not
loop back to the person complained about. Each reports through the caller's ``bad`` or
``warn`` (key, message), which locates the message by line or option."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from typing import Any

from generator.core.types import Tier
from generator.drafting.answer_values import review_before_adoption, same_role

Report = Callable[[str, str], None]
LOCAL_ONLY = ("proper_officer_title", "rfo_title", "monitoring_officer_council")
"""Keys that describe parish, town and community councils only."""


def closest(word: str, options: tuple[str, ...] | list[str], n: int = 3) -> str:
    """' (closest: a, b)' or ''."""
    found = difflib.get_close_matches(word, list(options), n=n, cutoff=0.5)
    return f" (closest: {', '.join(found)})" if found else ""


def word(merged: Mapping[str, Any], key: str, options: tuple[str, ...], bad: Report) -> str | None:
    value = merged.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    word = str(value).strip().lower()
    if word not in options:
        bad(
            key,
            f"unknown {key} '{value}'{closest(word, options, 1)}; use one of: "
            + ", ".join(options),
        )
        return None
    return word


def check_kind(
    tier: Tier,
    nation: str,
    governance: str | None,
    merged: Mapping[str, Any],
    bad: Report,
    warn: Report,
) -> None:
    """Tiers that do not exist in a nation, governance for a council that has none."""
    if nation == "wales" and tier is Tier.PARISH:
        bad(
            "tier",
            "Wales has no parish councils: the local tier is community (or town) "
            "councils; use tier: community or tier: town",
        )
    if nation == "wales" and tier is Tier.DISTRICT:
        bad(
            "tier",
            "Wales has no district councils: its principal councils are county and "
            "county borough councils; use tier: county or tier: borough",
        )
    if tier.is_local and governance is not None:
        warn(
            "governance",
            f"'governance' applies to principal councils only; ignored for a {tier.value} council",
        )
    if nation == "wales" and governance == "committee":
        bad(
            "governance",
            "Welsh principal councils operate executive arrangements (Local "
            "Government Act 2000, Part 2); the model has no committee-system version for Wales",
        )
    if not tier.is_local:
        for key in LOCAL_ONLY:
            if merged.get(key) is not None:
                warn(
                    key,
                    f"'{key}' applies to parish, town and community councils only; "
                    "ignored for a principal council",
                )
    if (tier.is_local or governance == "committee") and merged.get("leader_title") is not None:
        warn(
            "leader_title",
            "'leader_title' applies to councils with executive arrangements only; ignored",
        )


def check_dates(texts: Mapping[str, str | None], bad: Report) -> None:
    """A review must fall after adoption."""
    adopted, review = texts.get("adopted"), texts.get("review_due")
    if adopted and review:
        trouble = review_before_adoption(adopted, review)
        if trouble:
            bad("review_due", f"{trouble}; a review falls after adoption")


def check_routes(texts: Mapping[str, str | None], head: str, bad: Report) -> None:
    """A concern about the head officer must not be sent to the head officer."""
    to = texts.get("head_officer_complaints_to")
    if to and same_role(to, head):
        bad(
            "head_officer_complaints_to",
            f"'head_officer_complaints_to' is the {head}: a "
            f"concern about the {head} must go to someone else, e.g. the chair of the "
            "staffing committee or the Chair of the Council",
        )
