"""A council's answers for drafting its protocol: typed values, defaults by tier, validation.

An answers file is YAML::

    council_name: Little Snoring Parish Council   # required
    tier: parish                                  # required: parish, town, community,
                                                  #   district, borough, county or unitary
    head_officer_title: Clerk                     # optional from here on
    chair_title: Chair
    complaints_to: the Chair of the Council
    monitoring_officer_council: North Norfolk District Council
    staffing_committee: the Staffing Committee
    adopted: 2026-05-14
    minute_reference: "26/045"
    review_due: 2027-05
    include: [nolan-principles-underpin]          # optional clauses to switch on
    exclude: [scope-external-organisations]       # optional clauses to switch off

Reading keeps line numbers, so every problem prints as ``my-council.yaml:LINE: message``.
:func:`read_answers` and :func:`answers_from_mapping` are pure (text or values in, answers
and problems out); the command line reads the file and merges its own options in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.core import yamlload
from generator.core.dates import parse_date
from generator.core.problems import Problem, Severity
from generator.core.suggest import hint as _closest
from generator.core.types import Tier
from generator.map.obligations import MODEL_VARIABLES, parse_yaml

REQUIRED = ("council_name", "tier")
"""Keys every answers file must have."""

TEXT_KEYS = (*MODEL_VARIABLES, "adopted", "minute_reference", "review_due")
"""Keys whose value is a line of text."""

LIST_KEYS = ("include", "exclude")
"""Keys whose value is a list of obligation ids."""

KEYS = ("council_name", "tier", *TEXT_KEYS[1:], *LIST_KEYS)
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
    head_officer_title: str | None = None
    """The head officer's title without an article: 'Clerk', 'Town Clerk', 'Chief Executive'."""
    chair_title: str | None = None
    """The title of the chair of the council without an article: 'Chair', 'Mayor', 'Leader'."""
    complaints_to: str | None = None
    """Who receives a councillor's complaint about an officer, with an article: 'the Chair'."""
    monitoring_officer_council: str | None = None
    """The council whose monitoring officer deals with code of conduct complaints."""
    staffing_committee: str | None = None
    """The committee that deals with staffing matters, with an article."""
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


@dataclass(frozen=True)
class Variable:
    """A value the model wording uses, and whether the council gave it."""

    name: str
    """The variable's name, as in ``{head_officer_title}``."""
    value: str
    """The value to print."""
    given: bool
    """True when the council gave it; False when it is the default for the tier."""
    placeholder: str
    """How to show it when the model is printed for no council in particular."""


def tier_group(tier: Tier) -> str:
    """'local' for parish, town and community councils; 'principal' for the others."""
    return "local" if tier.is_local else "principal"


_HEAD_OFFICER = {
    Tier.PARISH: "Clerk",
    Tier.COMMUNITY: "Clerk",
    Tier.TOWN: "Town Clerk",
}
_CHAIR = {
    Tier.PARISH: "Chair",
    Tier.COMMUNITY: "Chair",
    Tier.TOWN: "Mayor",
}


def defaults(answers: Answers) -> dict[str, str]:
    """The value of every model variable for this council: what it gave, else the default.

    >>> a = Answers("Little Snoring Parish Council", Tier.PARISH)
    >>> d = defaults(a)
    >>> d["head_officer_title"], d["chair_title"], d["complaints_to"]
    ('Clerk', 'Chair', 'the Chair')
    >>> defaults(Answers("Southend Borough Council", Tier.BOROUGH))["complaints_to"]
    'the Chief Executive'
    """
    local = answers.tier.is_local
    head = answers.head_officer_title or _HEAD_OFFICER.get(answers.tier, "Chief Executive")
    chair = answers.chair_title or _CHAIR.get(answers.tier, "Leader")
    return {
        "council_name": answers.council_name,
        "head_officer_title": head,
        "chair_title": chair,
        "complaints_to": answers.complaints_to or (f"the {chair}" if local else f"the {head}"),
        "monitoring_officer_council": answers.monitoring_officer_council
        or ("the district or unitary council for the area" if local else answers.council_name),
        "staffing_committee": answers.staffing_committee
        or ("the Staffing Committee" if local else "the committee responsible for staffing"),
    }


PLACEHOLDERS = {
    "council_name": "Council name",
    "head_officer_title": "{head_officer_title}",
    "chair_title": "{chair_title}",
    "complaints_to": "{complaints_to}",
    "monitoring_officer_council": "Principal council name",
    "staffing_committee": "{staffing_committee}",
}
"""What a printed model shows in brackets for each variable; ``{...}`` means its default."""


def variables(answers: Answers) -> dict[str, Variable]:
    """Every model variable with its value, whether given, and its printed placeholder."""
    values = defaults(answers)
    out: dict[str, Variable] = {}
    for name, value in values.items():
        given = name == "council_name" or getattr(answers, name) is not None
        shown = PLACEHOLDERS[name]
        placeholder = value if shown.startswith("{") else shown
        if name == "monitoring_officer_council" and not answers.tier.is_local:
            placeholder = PLACEHOLDERS["council_name"]
        out[name] = Variable(name, value, given, placeholder)
    return out


def human_date(value: str) -> str:
    """'2026-05-14' -> '14 May 2026'; '2027-05' -> 'May 2027' (validated answers only)."""
    return parse_date(value).human()


_line = yamlload.line_of


def read_answers(
    path: str, text: str, overrides: Mapping[str, Any] | None = None
) -> tuple[Answers | None, list[Problem]]:
    """Parse an answers file's text, with command-line values laid over it; every problem
    at once, located by line (or by option, for values given on the command line)."""
    data, problems = parse_yaml(path, text)
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

    def where(key: str) -> tuple[str, int, str]:
        if key in given:
            return COMMAND_LINE, 0, f"--{key.replace('_', '-')}: "
        return path, _line(data, key) if key in data else 0, ""

    def bad(key: str, message: str) -> None:
        p, line, prefix = where(key)
        problems.append(Problem(p, line, prefix + message))

    for key in merged:
        if key not in KEYS:
            bad(
                key,
                f"unknown key '{key}'{_closest(key, KEYS)}; the keys are: {', '.join(KEYS)}",
            )
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
            bad(key, f"'{key}' must be a line of text, not {_kind(value)}")
            texts[key] = None
            continue
        text = " ".join(str(value).split())
        texts[key] = text or None
        if not text:
            continue
        if key in ("adopted", "review_due"):
            try:
                parse_date(text)
            except ValueError as exc:
                bad(key, f"'{key}': {exc} (e.g. 2026-05-14)")
        if key in ("head_officer_title", "chair_title") and text.lower().startswith("the "):
            bad(
                key,
                f"'{key}' is a title without 'the' (e.g. '{text[4:]}'); "
                "the model adds 'the' where the sentence needs it",
            )
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
            include=choices["include"],
            exclude=choices["exclude"],
            path=path,
            lines=key_lines,
            **texts,
        ),
        problems,
    )


def _kind(value: Any) -> str:
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (a yes/no value; put the text in quotes)"
    return repr(value)
