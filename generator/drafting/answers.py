"""A council's answers for drafting its protocol: typed values, defaults by kind, validation.

An answers file is YAML (``examples/`` has one for each kind of council)::

    council_name: Little Snoring Parish Council   # required
    tier: parish                                  # required: parish, town, community,
                                                  #   district, borough, county or unitary
    nation: england                               # england (default) or wales
    governance: executive                         # principal councils: executive or committee
    civic_head_title: Chair                       # optional from here on
    head_officer_title: Clerk
    proper_officer_title: Clerk                   # parish, town and community councils
    rfo_title: Clerk
    monitoring_officer_council: North Norfolk District Council
    staffing_committee: Staffing Committee
    officer_complaints_to: Clerk
    head_officer_complaints_to: Chair of the Staffing Committee
    adopted: 2026-05-14
    minute_reference: "26/045"
    review_due: 2027-05
    include: [nolan-principles-underpin]          # optional clauses to switch on
    exclude: [scope-external-organisations]       # optional clauses to switch off

Titles, committees and routes are written with or without "the": the model adds it where a
sentence needs it, so both give the same text. The old keys ``chair_title`` and
``complaints_to`` are still read, with a message naming the new ones.

Reading keeps line numbers, so every problem prints as ``my-council.yaml:LINE: message``.
:func:`read_answers` and :func:`answers_from_mapping` are pure (text or values in, answers
and problems out); the command line reads the file and merges its own options in.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.core import yamlload
from generator.core.problems import Problem, Severity
from generator.core.types import Tier
from generator.drafting.answer_checks import (
    LOCAL_ONLY,
    check_dates,
    check_kind,
    check_routes,
    closest,
    word,
)
from generator.drafting.answer_values import (
    bare,
    head_officer_default,
    human_date,
    parse_date,
    same_role,
    text_problem,
)
from generator.map.load import parse_yaml
from generator.map.model_fields import CouncilKind, kind_of
from generator.map.obligations import MODEL_VARIABLES

__all__ = ["LOCAL_ONLY", "human_date"]

REQUIRED = ("council_name", "tier")
"""Keys every answers file must have."""

NATIONS = ("england", "wales")
GOVERNANCE = ("executive", "committee")

TITLE_KEYS = tuple(
    k for k in MODEL_VARIABLES if k not in ("council_name", "monitoring_officer_council")
)
"""Keys naming a person, office or committee: written bare, 'the' added by the model."""

TEXT_KEYS = (*MODEL_VARIABLES, "adopted", "minute_reference", "review_due")
"""Keys whose value is a line of text."""

DATE_KEYS = ("adopted", "review_due")

LIST_KEYS = ("include", "exclude")
"""Keys whose value is a list of obligation ids."""

OLD_KEYS = {"chair_title": "civic_head_title", "complaints_to": "officer_complaints_to"}
"""Keys of earlier versions, still read, and the key each became."""

MIXED_UP = {
    "chair_title": (
        "Leader",
        "the Leader is the political leader, not the civic head: put it under "
        "'leader_title' and give the chair of the council as 'civic_head_title'",
    )
}
"""Old keys whose old name invited a wrong answer: the answer, and the warning it gets."""


def renamed(old: str) -> str:
    """The warning for an old key read under its new name."""
    new = OLD_KEYS[old]
    return f"'{old}' is now '{new}'; read as '{new}' (rename it in your answers file)"


def given_twice(old: str) -> str:
    """The error for an old key given beside the key it became."""
    new = OLD_KEYS[old]
    return f"'{old}' is the old name of '{new}'; give only '{new}'"


def not_text(key: str, value: Any) -> str:
    """The error for a text key whose value YAML read as something else."""
    return f"'{key}' must be a line of text, not {_kind(value)}"


def unknown_key(key: str) -> str:
    """The error for a key an answers file may not have."""
    return f"unknown key '{key}'{_closest(key, KEYS)}; the keys are: {', '.join(KEYS)}"


KEYS = (
    "council_name",
    "tier",
    "nation",
    "governance",
    *TEXT_KEYS[1:],
    *LIST_KEYS,
)
"""Every key an answers file may have, in the order they are documented."""


@dataclass(frozen=True)
class Choice:
    """One id listed under ``include`` or ``exclude``, and where."""

    id: str
    """The obligation id as written."""
    line: int
    """1-based line in the answers file; 0 when given on the command line."""


@dataclass(frozen=True)
class Answers:
    """What a council says about itself; None means 'not given' (a default applies)."""

    council_name: str
    """The council's full name: 'Little Snoring Parish Council'."""
    tier: Tier
    """The kind of council; chooses defaults and which optional clauses are on."""
    nation: str = "england"
    """'england' or 'wales': the law that applies."""
    governance: str | None = None
    """'executive' or 'committee' for principal councils in England; None otherwise."""
    head_officer_title: str | None = None
    """The head officer's title, bare: 'Clerk', 'Town Clerk', 'Chief Executive'."""
    civic_head_title: str | None = None
    """The chair of the council (civic head), bare: 'Chair', 'Town Mayor', 'Mayor'."""
    leader_title: str | None = None
    """The political leader of an executive council, bare: 'Leader of the Council'."""
    proper_officer_title: str | None = None
    """Parish, town, community: who is the Proper Officer, bare: 'Clerk'."""
    rfo_title: str | None = None
    """Parish, town, community: who is the Responsible Financial Officer, bare."""
    monitoring_officer_council: str | None = None
    """Parish, town, community: the principal council whose monitoring officer deals with
    code of conduct matters in the area."""
    staffing_committee: str | None = None
    """The committee that deals for the council with staffing, bare: 'Staffing Committee'."""
    officer_complaints_to: str | None = None
    """Who receives a councillor's concern about an officer other than the head officer."""
    head_officer_complaints_to: str | None = None
    """Who receives a councillor's concern about the head officer (never the head officer)."""
    adopted: str | None = None
    """Date of adoption: YYYY-MM-DD, YYYY-MM or YYYY."""
    minute_reference: str | None = None
    """The minute that records the adoption: '26/045'."""
    review_due: str | None = None
    """When the protocol is next to be reviewed, as a date."""
    include: tuple[Choice, ...] = ()
    """Optional clauses to switch on."""
    exclude: tuple[Choice, ...] = ()
    """Optional clauses to switch off."""
    path: str = "<answers>"
    """Where the answers came from, for messages."""
    lines: Mapping[str, int] = field(default_factory=dict, compare=False)
    """1-based line of each key in the answers file."""

    @property
    def kind(self) -> CouncilKind:
        """The kind of council the model is drafted for."""
        return kind_of(self.nation, self.tier.is_local, self.governance)


_closest = closest


_line = yamlload.line_of


def read_answers(
    path: str, text: str, overrides: Mapping[str, Any] | None = None
) -> tuple[Answers | None, list[Problem]]:
    """Parse an answers file's text, with command-line values laid over it; every problem
    at once, located by line (or by option, for values given on the command line)."""
    hidden = control_characters(path, text)
    if hidden:
        return None, hidden
    data, problems = parse_yaml(path, text, numbers_as_written=True)
    if problems:
        return None, problems
    if data is None:
        data = {}
    if not isinstance(data, Mapping):
        return None, [
            Problem(path, 1, "expected 'key: value' lines, starting with council_name and tier")
        ]
    return answers_from_mapping(path, data, overrides)


COMMAND_LINE = "command line"
"""The path named in messages about values given as options."""


def answers_from_mapping(
    path: str, data: Mapping[str, Any], overrides: Mapping[str, Any] | None = None
) -> tuple[Answers | None, list[Problem]]:
    """Typed answers from loaded YAML (whose nodes keep their lines) and option values.

    ``overrides`` maps keys to values given on the command line; None values are ignored.
    Messages about them name the option (``--tier``) instead of a line.
    """
    problems: list[Problem] = []
    given = {k: v for k, v in (overrides or {}).items() if v is not None}
    merged: dict[str, Any] = {str(k): v for k, v in data.items()}
    merged.update(given)
    lines_override: dict[str, int] = {}

    def where(key: str) -> tuple[str, int, str]:
        if key in given:
            return COMMAND_LINE, 0, f"--{key.replace('_', '-')}: "
        if key in lines_override:
            return path, lines_override[key], ""
        return path, _line(data, key) if key in data else 0, ""

    def bad(key: str, message: str) -> None:
        p, line, prefix = where(key)
        problems.append(Problem(p, line, prefix + message))

    def warn(key: str, message: str) -> None:
        p, line, prefix = where(key)
        problems.append(Problem(p, line, prefix + message, Severity.WARNING))

    for old, new in OLD_KEYS.items():
        if old not in merged:
            continue
        if new in merged:
            bad(old, given_twice(old))
            continue
        warn(old, renamed(old))
        if old in MIXED_UP and same_role(str(merged[old]), MIXED_UP[old][0]):
            warn(old, MIXED_UP[old][1])
        merged[new] = merged.pop(old)
        lines_override[new] = _line(data, old) if old in data else 0
    for key in merged:
        if key not in KEYS and key not in OLD_KEYS:
            bad(key, unknown_key(key))
    for key in REQUIRED:
        value = merged.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            hint = (
                "e.g. 'council_name: Little Snoring Parish Council', or --council-name"
                if key == "council_name"
                else f"one of: {', '.join(t.value for t in Tier)}; or --tier"
            )
            bad(key, f"'{key}' is required ({hint})")
    tier: Tier | None = None
    raw_tier = merged.get("tier")
    if raw_tier is not None and str(raw_tier).strip():
        try:
            tier = Tier(str(raw_tier).strip().lower())
        except ValueError:
            names = [t.value for t in Tier]
            bad(
                "tier",
                f"unknown tier '{raw_tier}'{_closest(str(raw_tier).lower(), names, 1)}; "
                f"use one of: {', '.join(names)}",
            )
    nation = word(merged, "nation", NATIONS, bad) or "england"
    governance = word(merged, "governance", GOVERNANCE, bad)
    if tier is not None:
        check_kind(tier, nation, governance, merged, bad, warn)
        if tier.is_local:
            governance = None
        elif governance is None:
            governance = "executive"
    texts: dict[str, str | None] = {}
    for key in TEXT_KEYS:
        value = merged.get(key)
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            value = value.isoformat()
        if value is None:
            texts[key] = None
            continue
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            bad(key, not_text(key, value))
            texts[key] = None
            continue
        text = " ".join(str(value).split())
        texts[key] = text or None
        if not text:
            continue
        trouble = text_problem(key, text)
        if trouble:
            bad(key, trouble)
            texts[key] = None
            continue
        if key in TITLE_KEYS:
            texts[key] = bare(text) or None
        if key in DATE_KEYS:
            try:
                parse_date(text)
            except ValueError as exc:
                bad(key, f"'{key}': {exc}")
                texts[key] = None
    check_dates(texts, bad)
    if tier is not None:
        head = texts.get("head_officer_title") or head_officer_default(tier)
        check_routes(texts, head, bad)
    choices: dict[str, tuple[Choice, ...]] = {}
    for key in LIST_KEYS:
        value = merged.get(key)
        if value is None:
            choices[key] = ()
            continue
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list | tuple):
            bad(key, f"'{key}' must be a list of clause ids, like '{key}: [id-one, id-two]'")
            choices[key] = ()
            continue
        found: list[Choice] = []
        p, key_line, prefix = where(key)
        for i, item in enumerate(value):
            line = key_line if key in given else (_line(value, index=i) or key_line)
            if not isinstance(item, str) or not item.strip():
                problems.append(Problem(p, line, f"{prefix}'{key}': {item!r} is not a clause id"))
                continue
            found.append(Choice(item.strip(), line))
        choices[key] = tuple(found)
    both = {c.id for c in choices["include"]} & {c.id for c in choices["exclude"]}
    for c in choices["exclude"]:
        if c.id in both:
            p = COMMAND_LINE if "exclude" in given else path
            problems.append(
                Problem(p, c.line, f"'{c.id}' is listed under both include and exclude")
            )
    if any(p.severity is Severity.ERROR for p in problems) or tier is None:
        return None, problems
    council = texts.pop("council_name")
    assert council is not None
    key_lines = {k: where(k)[1] for k in merged}
    return (
        Answers(
            council_name=council,
            tier=tier,
            nation=nation,
            governance=governance,
            include=choices["include"],
            exclude=choices["exclude"],
            path=path,
            lines=key_lines,
            **texts,
        ),
        problems,
    )


def control_characters(path: str, text: str) -> list[Problem]:
    """Invisible control characters in the file, each located by line and column."""
    out: list[Problem] = []
    for n, line in enumerate(text.split("\n"), 1):
        for col, ch in enumerate(line, 1):
            if ch not in "\t\r" and unicodedata.category(ch) == "Cc":
                out.append(
                    Problem(
                        path,
                        n,
                        f"an invisible control character (U+{ord(ch):04X}); delete it and "
                        "retype the text around it",
                        column=col,
                    )
                )
    return out


def _kind(value: Any) -> str:
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (a yes/no value; put the text in quotes)"
    return repr(value)
