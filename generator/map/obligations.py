"""The obligation map (``clauses.yaml``): its typed model, and coverage of the protocols.

Reading and validating the file is in :mod:`generator.map.load`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from ruamel.yaml import YAML

from generator.core.problems import Problem, Severity
from generator.core.types import Protocol
from generator.map.history import Correction, Replaced
from generator.map.model_fields import Variants

ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
VARIABLE = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
MODEL_VARIABLES = (
    "council_name",
    "head_officer_title",
    "civic_head_title",
    "leader_title",
    "proper_officer_title",
    "rfo_title",
    "monitoring_officer_council",
    "staffing_committee",
    "officer_complaints_to",
    "head_officer_complaints_to",
)


class Status(StrEnum):
    """How fully a protocol states an obligation."""

    FULL = "full"
    """States the whole idea, with the same force and scope."""
    PARTIAL = "partial"
    """Narrower, weaker, conditional, or only part of the idea (the note says how)."""
    ABSENT = "absent"
    """Checked, and not there."""


class Strength(StrEnum):
    """The force of the wording in a protocol."""

    MUST = "must"
    SHOULD = "should"
    MAY = "may"
    EXPECTED = "expected"


class Who(StrEnum):
    """Whom an obligation binds or benefits."""

    COUNCILLORS = "councillors"
    OFFICERS = "officers"
    SENIOR_OFFICERS = "senior-officers"
    CHAIRS = "chairs"
    COUNCIL = "council"
    BOTH = "both"


class ObligationKind(StrEnum):
    """What sort of normative idea an obligation is."""

    DUTY = "duty"
    PROHIBITION = "prohibition"
    PERMISSION = "permission"
    RIGHT = "right"
    EXPECTATION = "expectation"
    PRINCIPLE = "principle"
    PROCEDURE = "procedure"
    DEFINITION = "definition"


class ModelScope(StrEnum):
    """Whether a model clause is always in the model, or optional with a default by tier."""

    CORE = "core"
    """Always included."""
    LOCAL = "local"
    """On by default for parish, town and community councils."""
    PRINCIPAL = "principal"
    """On by default for district, borough, county and unitary councils."""
    OPTIONAL = "optional"
    """Off by default; a council may switch it on."""


@dataclass(frozen=True)
class Theme:
    """A group of related obligations."""

    id: str
    title: str
    description: str
    line: int


@dataclass(frozen=True)
class Source:
    """One protocol's position on one obligation."""

    status: Status
    strength: Strength | None
    """None when absent."""
    clauses: tuple[str, ...]
    """Clause ids cited, in the order given; empty when absent."""
    note: str | None
    """How this protocol's version differs in substance, if it does."""
    line: int
    strength_reason: str | None = None
    """Why the recorded strength is not what the cited words read (see ``strength``)."""
    suggested: bool = False
    """Suggested by ``ingest`` and not yet reviewed by a person (``suggested: true``)."""


@dataclass(frozen=True)
class Obligation:
    """One normative idea, and where each protocol states it."""

    id: str
    title: str
    theme: str
    who: Who
    kind: ObligationKind
    statement: str
    """A neutral one-sentence statement in plain English."""
    sources: Mapping[str, Source]
    """By protocol slug, in the order of the protocols."""
    line: int
    model: str | None = None
    """Model wording, with ``{variable}`` placeholders."""
    model_scope: ModelScope = ModelScope.CORE
    not_for_model: str | None = None
    """Why the obligation is left out of the model, if it is."""
    model_variants: Variants = ()
    """The model wording per kind of council (see :mod:`generator.model_fields`); ``model``
    is the first of them, for views that show one wording."""
    law: Variants = ()
    """The law a model clause states, cited, per kind of council."""
    new_drafting: str | None = None
    """Why the model clause says something no protocol says, if it does."""
    model_same_as: str | None = None
    """Another obligation whose model clause says the same; this one is left out."""
    model_alternative_to: str | None = None
    """Another obligation whose model clause is an alternative to this one's."""


@dataclass(frozen=True)
class Unmapped:
    """A clause that carries no obligation, and why."""

    clause: str
    reason: str
    line: int


@dataclass(frozen=True)
class ObligationMap:
    """The whole of ``clauses.yaml``."""

    path: str
    themes: tuple[Theme, ...]
    obligations: tuple[Obligation, ...]
    unmapped: tuple[Unmapped, ...] = ()
    by_id: Mapping[str, Obligation] = field(default_factory=dict, compare=False)
    replaced: tuple[Replaced, ...] = ()
    """Old obligation ids and where they went (see ``history``)."""
    corrections: tuple[Correction, ...] = ()
    """Corrections to the map, in the order listed."""

    @cached_property
    def cited(self) -> dict[str, list[str]]:
        """Clause id -> ids of the obligations citing it, in map order. Computed once: every
        protocol page and coverage count asks, and recomputing grew the build as N squared."""
        out: dict[str, list[str]] = {}
        for o in self.obligations:
            for source in o.sources.values():
                for cid in source.clauses:
                    out.setdefault(cid, []).append(o.id)
        return out


def cited_clauses(omap: ObligationMap) -> dict[str, list[str]]:
    """Clause id -> ids of the obligations citing it, in map order (do not modify it)."""
    return omap.cited


def coverage(omap: ObligationMap, protocol: Protocol) -> tuple[int, int, int]:
    """(clauses cited, clauses unmapped, clauses in all) for one protocol, headings aside."""
    cited = cited_clauses(omap)
    unmapped = {u.clause for u in omap.unmapped}
    body = [c.id for c in protocol.body_clauses()]
    n_cited = sum(1 for c in body if c in cited)
    n_unmapped = sum(1 for c in body if c not in cited and c in unmapped)
    return n_cited, n_unmapped, len(body)


def coverage_problems(omap: ObligationMap, protocols: Sequence[Protocol]) -> list[Problem]:
    """Every clause must be cited by an obligation or listed under unmapped with a reason."""
    cited = cited_clauses(omap)
    unmapped = {u.clause: u for u in omap.unmapped}
    out: list[Problem] = []
    for p in protocols:
        for c in p.body_clauses():
            if c.id not in cited and c.id not in unmapped:
                out.append(
                    Problem(
                        p.path,
                        c.line,
                        f"clause '{c.id}' is neither cited by an obligation nor listed under "
                        f"'unmapped' in {omap.path}",
                    )
                )
    for cid, u in unmapped.items():
        if cid in cited:
            out.append(
                Problem(
                    omap.path,
                    u.line,
                    f"clause '{cid}' is listed as unmapped but obligation "
                    f"'{cited[cid][0]}' cites it",
                    Severity.WARNING,
                )
            )
    return out


def yaml_for_editing() -> YAML:
    """The round-trip YAML settings clauses.yaml is written with: rewriting keeps comments,
    key order and flow style, so a tool that edits the map leaves the rest as it was."""
    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml
