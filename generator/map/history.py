"""The map's history in ``clauses.yaml``: obligations replaced by others, and corrections.

Two optional top-level lists::

    replaced:
      - {id: old-id, replaced_by: new-id, reason: Why the old obligation went.}
    corrections:
      - {date: 2026-11-30, obligation: some-id, protocol: southend,
         change: What changed in the map., reason: Why.}

A replaced id is kept so that links to it keep working (the site makes a page at its old
address pointing to the new one, and ``obligations.json`` lists it with ``replaced_by``).
A correction tells a reader who quoted the old position what changed and why.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from generator.core import yamlload
from generator.core.dates import PartialDate, parse_date
from generator.core.problems import Problem

REPLACED_KEYS = ("id", "replaced_by", "reason")
CORRECTION_KEYS = ("date", "obligation", "protocol", "change", "reason")


@dataclass(frozen=True)
class Replaced:
    """An obligation id that no longer exists, and the obligation that took its place."""

    id: str
    replaced_by: str
    reason: str
    line: int


@dataclass(frozen=True)
class Correction:
    """One correction to the map: what changed, and why."""

    date: PartialDate
    obligation: str
    """The obligation corrected (its id now, or a replaced id)."""
    protocol: str | None
    """The protocol whose position changed, or None when the obligation itself changed."""
    change: str
    reason: str
    line: int


def _text(item: Mapping[str, Any], key: str) -> str:
    value = item.get(key)
    return value.strip() if isinstance(value, str) else ""


def read_history(
    path: str,
    data: Mapping[str, Any],
    obligation_ids: Collection[str],
    slugs: Collection[str],
) -> tuple[tuple[Replaced, ...], tuple[Correction, ...], list[Problem]]:
    """Read ``replaced`` and ``corrections``; every problem at once."""
    problems: list[Problem] = []
    replaced: list[Replaced] = []
    node = data.get("replaced") or []
    if not isinstance(node, list):
        problems.append(Problem(path, yamlload.line_of(data, "replaced"), _SHAPE_R))
        node = []
    seen: dict[str, int] = {}
    for i, item in enumerate(node):
        at = yamlload.line_of(node, index=i)
        if not isinstance(item, Mapping):
            problems.append(Problem(path, at, _SHAPE_R))
            continue
        old, new, reason = _text(item, "id"), _text(item, "replaced_by"), _text(item, "reason")
        problems += _unknown_keys(path, at, item, REPLACED_KEYS, f"replaced '{old}'")
        if not old or not new or not reason:
            problems.append(Problem(path, at, f"replaced '{old}': {_SHAPE_R}"))
            continue
        if old in obligation_ids:
            problems.append(
                Problem(path, at, f"replaced '{old}' is still an obligation; remove one of them")
            )
        if new not in obligation_ids:
            problems.append(
                Problem(
                    path,
                    at,
                    f"replaced '{old}' redirects to '{new}', which is not an obligation",
                )
            )
        if old in seen:
            problems.append(
                Problem(path, at, f"replaced '{old}' is listed twice (first at line {seen[old]})")
            )
        seen[old] = at
        replaced.append(Replaced(old, new, reason, at))
    corrections: list[Correction] = []
    known = set(obligation_ids) | set(seen)
    node = data.get("corrections") or []
    if not isinstance(node, list):
        problems.append(Problem(path, yamlload.line_of(data, "corrections"), _SHAPE_C))
        node = []
    for i, item in enumerate(node):
        at = yamlload.line_of(node, index=i)
        if not isinstance(item, Mapping):
            problems.append(Problem(path, at, _SHAPE_C))
            continue
        oid = _text(item, "obligation")
        what = f"correction to '{oid}'"
        problems += _unknown_keys(path, at, item, CORRECTION_KEYS, what)
        change, reason = _text(item, "change"), _text(item, "reason")
        if not oid or not change or not reason:
            problems.append(Problem(path, at, f"{what}: {_SHAPE_C}"))
            continue
        if oid not in known:
            problems.append(Problem(path, at, f"{what}: no obligation or replaced id '{oid}'"))
        protocol = item.get("protocol")
        if protocol is not None and str(protocol) not in slugs:
            problems.append(Problem(path, at, f"{what}: unknown protocol '{protocol}'"))
        try:
            date = parse_date(item.get("date"))
        except ValueError as exc:
            problems.append(Problem(path, at, f"{what}: date: {exc}"))
            continue
        corrections.append(
            Correction(date, oid, str(protocol) if protocol else None, change, reason, at)
        )
    return tuple(replaced), tuple(corrections), problems


_SHAPE_R = "each 'replaced' entry needs id, replaced_by and reason"
_SHAPE_C = "each correction needs date, obligation, change and reason (protocol is optional)"


def _unknown_keys(
    path: str, line: int, item: Mapping[str, Any], keys: tuple[str, ...], what: str
) -> list[Problem]:
    return [
        Problem(path, line, f"{what}: unknown key '{key}' (known: {', '.join(keys)})")
        for key in item
        if key not in keys
    ]
