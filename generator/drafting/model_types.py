"""The model protocol's view-model: what the Markdown, site and Word writers render."""

from __future__ import annotations

from dataclasses import dataclass

from generator.core.types import Tier
from generator.drafting.answer_defaults import Variable
from generator.drafting.model_render import Text
from generator.map.model_fields import KIND_BY_ID, CouncilKind
from generator.map.obligations import ModelScope, Status
from generator.views.words_display import Listed


@dataclass(frozen=True)
class SourceRef:
    """Where one of the five protocols says what a model clause says."""

    slug: str
    """The protocol's slug: 'farnham'."""
    council: str
    """The council's name: 'Farnham Town Council'."""
    status: Status
    """Full or partial (absent protocols are not listed)."""
    clauses: tuple[tuple[str, str, Listed], ...]
    """(clause id, its name in words: 'clause 3.5', 'bullet 2 under “Roles”', and how the list
    of the cited clauses shows it: 'clauses 3.5' followed by ' and ') of each cited clause."""
    note: str | None
    """How its version differs, if it does."""


@dataclass(frozen=True)
class ModelClause:
    """One numbered clause of the model: one obligation's model wording."""

    id: str
    """The obligation's id (the id used in include/exclude and in ``{ref:...}``)."""
    number: str
    """'3.2'."""
    title: str
    """The obligation's title (for the site and notes, not printed in the Word clause)."""
    text: Text
    """The clause's words."""
    items: tuple[Text, ...]
    """Sub-items, numbered 3.2.1, 3.2.2..."""
    scope: ModelScope
    """Core, local, principal or optional."""
    reason: str
    """Why the clause is in this council's protocol."""
    sources: tuple[SourceRef, ...]
    """The protocols that state this obligation in full or in part."""
    protocols: int
    """How many protocols there are in all (the denominator of 'in 3 of 5')."""
    new_drafting: str | None
    """Why the clause says what no protocol says (in whole or in part), when it does."""
    law: str | None = None
    """The law the clause states, cited: 'Localism Act 2011, s.28'."""


@dataclass(frozen=True)
class ModelSection:
    """A numbered section: one theme."""

    id: str
    """The theme's id."""
    number: str
    """'3'."""
    title: str
    """The theme's title."""
    clauses: tuple[ModelClause, ...]
    """Its clauses, numbered."""


@dataclass(frozen=True)
class Decision:
    """Whether one candidate clause is in this council's protocol, and why."""

    id: str
    """The obligation's id."""
    title: str
    """The obligation's title."""
    scope: ModelScope
    """Its model scope."""
    included: bool
    """In the protocol or not."""
    reason: str
    """Why, in words: 'on by default for parish, town and community councils'."""
    text: Text = ()
    """For a clause left out: its wording as it would read (for an appendix of options)."""
    section: str = ""
    """The title of the section (theme) the clause belongs in, with its number when that
    section is in the protocol: '3. Roles'."""
    order: int = 0
    """Its place in the model: by section (theme) order, then by the map's order."""

    @property
    def heading(self) -> str:
        """Its heading in an appendix of options: 'For section 3. Roles', or 'For a new
        section: Use of resources' when that section is not in the protocol."""
        if not self.section:
            return "For any section"
        if self.section[:1].isdigit():
            return f"For section {self.section}"
        return f"For a new section: {self.section}"


@dataclass(frozen=True)
class CoverLine:
    """A line of the cover block: 'Adopted: 14 May 2026'."""

    label: str
    """'Adopted'."""
    text: Text
    """The value, or a placeholder."""


@dataclass(frozen=True)
class ModelProtocol:
    """A council's protocol (or the printed model for a tier group), ready to render."""

    title: str
    """'Councillor–officer protocol'."""
    council: Text
    """The council's name, or a placeholder."""
    group: str
    """The kind of council's id: 'england-local', 'wales-principal'..."""
    tier: Tier | None
    """The council's tier; None for the printed model of a kind of council."""
    cover: tuple[CoverLine, ...]
    """Adoption date, minute reference, review date."""
    sections: tuple[ModelSection, ...]
    """The numbered sections."""
    decisions: tuple[Decision, ...]
    """Every candidate clause that is not core, in map order, with why it is in or out."""
    defaulted: tuple[Variable, ...]
    """Variables the wording uses that the council did not give (their defaults were used)."""
    values: tuple[tuple[str, str], ...] = ()
    """(variable, value) of every role and name the wording can use, for the text checks."""

    @property
    def kind(self) -> CouncilKind:
        """The kind of council this protocol is for."""
        return KIND_BY_ID[self.group]

    @property
    def clauses(self) -> tuple[ModelClause, ...]:
        """Every clause, in order."""
        return tuple(c for s in self.sections for c in s.clauses)
