"""The value of every model variable for a council: what it gave, else the default for its kind.

Titles are bare ('Clerk', 'Staffing Committee'): the model adds "the" where a sentence needs
it. The printed model shows each default as a bracketed placeholder.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.core.types import Tier
from generator.drafting.answer_values import head_officer_default
from generator.drafting.answers import Answers


@dataclass(frozen=True)
class Variable:
    """A value the model wording uses, and whether the council gave it."""

    name: str
    """The variable's name, as in ``{head_officer_title}``."""
    value: str
    """The value to print."""
    given: bool
    """True when the council gave it; False when it is the default for the kind."""
    placeholder: str
    """How to show it when the model is printed for no council in particular."""


def tier_group(tier: Tier) -> str:
    """'local' for parish, town and community councils; 'principal' for the others."""
    return "local" if tier.is_local else "principal"


_CIVIC_HEAD = {Tier.TOWN: "Town Mayor", Tier.BOROUGH: "Mayor"}
_PRINCIPAL_COUNCIL = {
    "england": "the district or unitary council for the area",
    "wales": "the county or county borough council for the area",
}


def defaults(answers: Answers) -> dict[str, str]:
    """The value of every model variable for this council: what it gave, else the default.

    >>> a = Answers("Little Snoring Parish Council", Tier.PARISH)
    >>> d = defaults(a)
    >>> d["head_officer_title"], d["civic_head_title"], d["head_officer_complaints_to"]
    ('Clerk', 'Chair', 'chair of the Staffing Committee')
    >>> defaults(Answers("Southend Borough Council", Tier.BOROUGH))["civic_head_title"]
    'Mayor'
    """
    local = answers.tier.is_local
    head = answers.head_officer_title or head_officer_default(answers.tier)
    staffing = answers.staffing_committee or (
        "Staffing Committee" if local else "committee responsible for staffing"
    )
    return {
        "council_name": answers.council_name,
        "head_officer_title": head,
        "civic_head_title": answers.civic_head_title or _CIVIC_HEAD.get(answers.tier, "Chair"),
        "leader_title": answers.leader_title or "Leader of the Council",
        "proper_officer_title": answers.proper_officer_title or head,
        "rfo_title": answers.rfo_title or head,
        "monitoring_officer_council": answers.monitoring_officer_council
        or (_PRINCIPAL_COUNCIL[answers.nation] if local else answers.council_name),
        "staffing_committee": staffing,
        "officer_complaints_to": answers.officer_complaints_to or head,
        "head_officer_complaints_to": answers.head_officer_complaints_to
        or (
            f"chair of the {staffing}"
            if local and staffing[:1].isupper()
            else "Chair of the Council"
            if local
            else "Monitoring Officer"
        ),
    }


PLACEHOLDERS = {"council_name": "name of council", "monitoring_officer_council": ""}
"""Placeholders that are not the default value: the council's name, the principal council."""


def variables(answers: Answers) -> dict[str, Variable]:
    """Every model variable with its value, whether given, and its printed placeholder."""
    values = defaults(answers)
    out: dict[str, Variable] = {}
    for name, value in values.items():
        given = name == "council_name" or getattr(answers, name) is not None
        placeholder = value
        if name == "council_name":
            placeholder = PLACEHOLDERS["council_name"]
        elif name == "monitoring_officer_council":
            placeholder = (
                "name of "
                + (
                    "district or unitary"
                    if answers.nation == "england"
                    else "county or county borough"
                )
                + " council"
                if answers.tier.is_local
                else PLACEHOLDERS["council_name"]
            )
        out[name] = Variable(name, value, given, placeholder)
    return out
