"""The typed result of a review: what a council's protocol says for each obligation."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from generator.map.obligations import ModelScope, Strength
from generator.map.strength import RANK
from generator.views.words_display import Name


class Finding(StrEnum):
    """What the review found for one obligation. Values are the JSON words."""

    FOUND = "found"
    """Their protocol states it: a clause with the same wording as a mapped protocol's, or
    close enough to the obligation's wordings to be confident."""
    PARTIAL = "partial"
    """Their protocol states part of it (or states it as a mapped protocol did only in part)."""
    UNCERTAIN = "uncertain"
    """A clause resembles it, but not closely enough to say: a person should look."""
    NOT_FOUND = "not_found"
    """No clause of theirs resembles any wording of it."""


FINDING_WORDS = {
    Finding.FOUND: "Found",
    Finding.PARTIAL: "Found in part",
    Finding.UNCERTAIN: "Uncertain: please check",
    Finding.NOT_FOUND: "Not found",
}


@dataclass(frozen=True)
class TheirClause:
    """One clause of the reviewed protocol, as it was read."""

    id: str
    """Its id in the reviewed text (from its numbering where it has one)."""
    number: str
    """How to cite it: its printed number ('3.5') or, unnumbered, its id."""
    name: str
    """How to refer to it in words: 'clause 3.5', 'bullet under “Roles”'."""
    text: str
    """Its words, exactly as read."""
    line: int
    """The line (for Word, the paragraph) of the reviewed file where it starts."""
    parts: Name | None = None
    """Its name in parts, so that a list of clauses groups them ('bullets 1 and 5 under
    “Councillors”')."""


@dataclass(frozen=True)
class Evidence:
    """One of their clauses matched to an obligation."""

    clause: TheirClause
    score: float
    """0 to 1: 1 is the same wording as a mapped protocol's clause."""
    via: str
    """Why: 'same wording as farnham 4.2' or 'similar to the obligation's wordings'."""


@dataclass(frozen=True)
class ObligationReview:
    """The review's finding for one obligation."""

    id: str
    title: str
    theme: str
    scope: ModelScope
    """Core, local, principal or optional in the model."""
    status: Finding
    evidence: tuple[Evidence, ...]
    """Their matching clauses, best first; empty when not found."""
    score: float
    """The best evidence's score; 0 when there is none."""
    theirs: Strength | None
    """The strength of their wording (the strongest of the matching clauses)."""
    model: Strength | None
    """The strength of the model's wording; None when the obligation has no model wording."""
    model_number: str | None
    """The clause's number in the printed model, when it is there."""
    model_text: str | None
    """The model wording, as printed (with [placeholders]), when it has any."""

    def clause_ids(self) -> tuple[str, ...]:
        """Ids of their clauses cited, best first."""
        return tuple(e.clause.id for e in self.evidence)

    @property
    def weaker(self) -> bool:
        """Their verb is weaker than the model's: should or may where the model says must, may
        where it says should. Wording with no such verb ('expected') is not compared."""
        if self.theirs in (None, Strength.EXPECTED) or self.model in (None, Strength.EXPECTED):
            return False
        assert self.theirs is not None and self.model is not None
        return RANK[self.theirs] < RANK[self.model]

    @property
    def to_add(self) -> bool:
        """A core obligation of the model that their protocol does not state."""
        return (
            self.status is Finding.NOT_FOUND
            and self.scope is ModelScope.CORE
            and bool(self.model_text)
        )

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "theme": self.theme,
            "status": self.status.value,
            "clauses": [e.clause.number for e in self.evidence],
            "clause_ids": [e.clause.id for e in self.evidence],
            "score": round(self.score, 2),
            "strength": {
                "theirs": self.theirs.value if self.theirs else None,
                "model": self.model.value if self.model else None,
            },
            "weaker_than_model": self.weaker,
            "model_scope": self.scope.value,
            "evidence": [
                {"clause": e.clause.number, "score": round(e.score, 2), "via": e.via}
                for e in self.evidence
            ],
        }
        if self.to_add:
            out["model_wording"] = self.model_text
            out["model_clause"] = self.model_number
        return out


@dataclass(frozen=True)
class Report:
    """A whole review."""

    protocol: str
    """The reviewed file's name, as given."""
    kind: str
    """What it was read as: markdown, text or word."""
    clauses: int
    """How many clauses (headings aside) were read."""
    method: str
    """The matching method used."""
    held_out: str | None
    """A mapped protocol whose positions were left out of the reference (benchmarks)."""
    obligations: tuple[ObligationReview, ...]
    """Every obligation of the map, in map order."""
    unmatched: tuple[TheirClause, ...]
    """Their clauses that match no obligation: their own content."""

    def summary(self) -> dict[str, int]:
        counts = {f.value: 0 for f in (Finding.FOUND, Finding.PARTIAL, Finding.NOT_FOUND)}
        counts[Finding.UNCERTAIN.value] = 0
        for o in self.obligations:
            counts[o.status.value] += 1
        return counts

    @property
    def weaker(self) -> tuple[ObligationReview, ...]:
        return tuple(o for o in self.obligations if o.weaker and o.status is not Finding.NOT_FOUND)

    @property
    def to_add(self) -> tuple[ObligationReview, ...]:
        return tuple(o for o in self.obligations if o.to_add)

    def as_dict(self) -> dict[str, Any]:
        return {
            "protocol": self.protocol,
            "read_as": self.kind,
            "clauses_read": self.clauses,
            "method": self.method,
            "summary": self.summary(),
            "obligations": [o.as_dict() for o in self.obligations],
            "unmatched_clauses": [c.number for c in self.unmatched],
        }
