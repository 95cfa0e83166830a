"""Which protocol follows which model text (``generator/data/origins.yaml``): each pair gives a
"what this council changed from the model" page."""

from __future__ import annotations

from dataclasses import dataclass

from generator.core.datafile import read_entries
from generator.core.problems import InputError
from generator.sources.ids import SLUG_PATTERN


@dataclass(frozen=True)
class Origin:
    """A council's protocol and the model text it follows."""

    model: str
    """Slug of the protocol holding the model text."""
    council: str
    """Slug of the council's own protocol."""
    model_name: str
    """How the model is named on the page."""


def load_origins(text: str | None = None) -> tuple[Origin, ...]:
    """The pairs from ``generator/data/origins.yaml`` (or ``text``), checked.

    A pair whose protocols are not in the project is left out where pages are made, not here.
    Raises ``InputError`` naming the file, line and cause of every bad entry.
    """
    entries = read_entries("origins.yaml", ("council", "model", "model_name"), (), text)
    problems = [
        e.problem(f"{key} '{e.values[key]}' is not a protocol slug (e.g. 'west-mersea')")
        for e in entries
        for key in ("council", "model")
        if not SLUG_PATTERN.match(e.values[key])
    ]
    problems += [
        e.problem("a protocol cannot be its own model")
        for e in entries
        if e.values["council"] == e.values["model"]
    ]
    if problems:
        raise InputError(problems)
    return tuple(Origin(**e.values) for e in entries)


ORIGINS = load_origins()
"""Every pair, in the order their pages are made (read once, when first imported)."""
