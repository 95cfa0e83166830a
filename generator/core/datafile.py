"""Fixed content shipped with the package (``generator/data/*.yaml``): read once, each entry
checked, every bad entry reported at once as ``file:line: cause``.

A data file is a YAML list of mappings whose values are text. ``read_entries`` checks each
entry's keys against the fields the caller names (required and optional), that every value is
non-empty text, and that ids (where there is an ``id`` field) are unique; the caller checks
what only it knows (that a pattern compiles, that a slug names a protocol) and reports it the
same way through ``DataEntry.problem``.
"""

from __future__ import annotations

import importlib.resources
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from generator.core import yamlload
from generator.core.problems import InputError, Problem
from generator.core.suggest import hint

DATA_DIR = "generator/data"
"""Where the files are, as messages name them."""


@dataclass(frozen=True)
class DataEntry:
    """One checked entry: its values and where it stands."""

    path: str
    """The data file, as messages name it."""
    line: int
    """1-based line of the entry."""
    values: dict[str, str]
    """Field name to text; optional fields left out are absent."""

    def problem(self, message: str, line: int = 0) -> Problem:
        """A problem with this entry (at ``line`` within it), naming it by its id if it has one."""
        name = f"entry '{self.values['id']}'" if "id" in self.values else "entry"
        return Problem(self.path, line or self.line, f"{name}: {message}")


def read_data(name: str) -> str:
    """The text of a shipped data file (``glossary.yaml``)."""
    return (importlib.resources.files("generator") / "data" / name).read_text(encoding="utf-8")


def read_entries(
    name: str, required: Sequence[str], optional: Sequence[str] = (), text: str | None = None
) -> list[DataEntry]:
    """The entries of data file ``name`` (or of ``text``, for tests), checked.

    Raises ``InputError`` carrying every problem when any entry is bad.
    """
    path = f"{DATA_DIR}/{name}"
    try:
        data: Any = yamlload.load(read_data(name) if text is None else text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 if mark else 0
        raise InputError([Problem(path, line, f"not valid YAML: {exc.problem}")]) from None
    if not isinstance(data, list) or not data:
        raise InputError([Problem(path, 1, "expected a list of entries ('- id: ...')")])
    entries: list[DataEntry] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    fields = (*required, *optional)
    for index, item in enumerate(data):
        line = yamlload.line_of(data, index=index)
        if not isinstance(item, dict):
            problems.append(Problem(path, line, "an entry must be a mapping of field: text"))
            continue
        ident = item.get("id")
        entry = DataEntry(path, line, {"id": ident} if isinstance(ident, str) else {})
        for key, value in item.items():
            at = yamlload.line_of(item, key=key)
            if key not in fields:
                problems.append(entry.problem(f"unknown field '{key}'{hint(str(key), fields)}", at))
            elif not isinstance(value, str) or not value.strip():
                problems.append(entry.problem(f"'{key}' must be non-empty text", at))
            else:
                entry.values[key] = value
        missing = [f for f in required if f not in item]
        if missing:
            problems.append(entry.problem(f"missing {', '.join(missing)}"))
        ident = entry.values.get("id")
        if ident is not None and ident in seen:
            problems.append(entry.problem(f"id repeats the entry at line {seen[ident]}"))
        elif ident is not None:
            seen[ident] = line
        entries.append(entry)
    if problems:
        raise InputError(problems)
    return entries


_ID = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*\Z")


def check_id(entry: DataEntry) -> list[Problem]:
    """The entry's id is usable as a page anchor: ``[a-z][a-z0-9]*`` words joined by hyphens."""
    if _ID.match(entry.values.get("id", "")):
        return []
    return [
        entry.problem("id must be lowercase letters and digits in words joined by single hyphens")
    ]


def check_pattern(entry: DataEntry, field: str = "pattern") -> list[Problem]:
    """The entry's regular expression compiles, captures nothing and cannot match nothing."""
    pattern = entry.values.get(field, "")
    try:
        rx = re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        return [entry.problem(f"{field} is not a regular expression: {exc}")]
    if rx.groups:
        return [entry.problem(f"{field} has a capturing group: write (?:...) instead of (...)")]
    if rx.fullmatch(""):
        return [entry.problem(f"{field} matches empty text, so it would match everywhere")]
    return []
