"""Read the force of a clause from its words, so a position's strength is read, not typed.

The rules (docs/methodology.md states them for readers):

- **must**: ``must``, ``shall``, ``will not``, ``cannot`` (not "cannot be resolved", a
  fact, and not in an "if" clause: "if the matter cannot be resolved" describes), ``no
  councillor may`` (or will, shall, can), ``is required to`` (not "who are required to", not
  "is not required to"), ``has a duty to`` (or ``is under a duty to``), ``the law requires``,
  ``is not permitted`` (allowed, authorised) ``to``;
- **should**: ``should`` (not "it should be noted"), ``ought``, ``(not) recommended``,
  ``is encouraged``, ``need to``, ``it is preferable``, ``it is important``;
- **may**: ``may`` (not "it may be necessary", "which may arise", "as the case may be":
  possibilities), ``can`` (not "it can",
  "which can": those say what is possible),
  ``is`` (or ``shall be``) ``entitled to``, ``prerogative``, ``has the (same) right to``;
- **expected**: what one side will do or can expect (``will``, ``can expect``, ``is
  expected to``), and a clause with no normative verb at all (a statement);
- a negation stays part of the verb (``must not``, ``should not``, ``may not``).

A bullet continues the sentence of its lead-in ("Officers must:" then "treat councillors
fairly"), so a bullet under a lead-in whose last sentence has a normative verb reads as
that lead-in, and only a bullet under a lead-in without one ("This Protocol covers:",
"The following principles apply here:") is read from its own words. A last sentence that
only says the list belongs to the sentence before ("... must not include criticisms of
Officers in correspondence. This includes:") passes that sentence on. Nested bullets look
up through every lead-in to the nearest one with a verb.

A position may cite several clauses; its recorded strength must be one the clauses read,
and no weaker than a clause whose verbs all read one strength (``must > should > expected
> may``). A clause cited alone by several obligations must have one strength there. Either
rule is waived for a position by a ``strength_reason:`` saying why the words mislead.

A position whose cited clauses read more than one strength (one sentence says "must",
another "may") needs a ``strength_reason:`` saying which sentence carries the obligation,
as the recorded strength may otherwise be that of a sentence about another idea.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator.core.problems import Problem, Severity
from generator.core.types import Clause, Kind, Protocol
from generator.map.obligations import ObligationMap, Strength

MAY = Strength.MAY
MUST = Strength.MUST

RANK = {Strength.MUST: 3, Strength.SHOULD: 2, Strength.EXPECTED: 1, Strength.MAY: 0}
"""Order used to say one reading is stronger than another."""

_NOT = r"\b(?:\s+not\b|n['’]t\b)?"
_FACT = r"(?!\s+be\s+(?:resolved|settled|agreed)\b)"
_MAYBE = (
    r"(?!\s+(?:well\s+)?(?:be|prove)\s+necessary\b"
    r"|\s+(?:arise|seem|break|affect|be\s+different|not\s+agree|need\s+to)\b)"
)
"""'it may be necessary', 'which may arise', 'may seem', 'may not agree', 'may need to' and 'as
the case may be' say what is possible, not what anyone is permitted to do."""
"""'cannot be resolved' states a fact (a condition: "if the matter cannot be resolved
informally"), not a prohibition."""
_PATTERNS: tuple[tuple[re.Pattern[str], Strength], ...] = tuple(
    (re.compile(p, re.IGNORECASE), s)
    for p, s in (
        (r"\bno\s+[A-Za-z]+\s+(?:[A-Za-z]+\s+)?(?:may|will|shall|can)\b", Strength.MUST),
        (r"\bmust" + _NOT, Strength.MUST),
        (r"\bshall" + _NOT, Strength.MUST),
        (r"\bwill\s+not\b|\bwon['’]t\b", Strength.MUST),
        (r"(?:\bcannot\b|\bcan['’]t\b|\bcan\s+not\b)" + _FACT, Strength.MUST),
        (r"(?<!who )\b(?:is|are|be)\s+(?:required|obliged)\s+to\b", Strength.MUST),
        (r"\b(?:(?:has|have)|(?:is|are)\s+under)\s+a\s+(?:statutory\s+)?duty\s+to\b", MUST),
        (r"\b(?:law|legislation|Act)\s+requires\b", Strength.MUST),
        (r"\b(?:is|are)\s+not\s+(?:permitted|allowed|authori[sz]ed)\s+to\b", Strength.MUST),
        (r"\bshould(?!\s+be\s+noted)" + _NOT, Strength.SHOULD),
        (r"\bought\s+(?:not\s+)?to\b", Strength.SHOULD),
        (r"\b(?:not\s+)?(?-i:recommended)\b", Strength.SHOULD),
        (r"\b(?:is|are)\s+encouraged\b|\bencouraged\s+to\b", Strength.SHOULD),
        (r"(?<!\bmay )\bneeds?\s+to\b(?!\s+know)", Strength.SHOULD),
        (r"\b(?:it\s+is|it's)\s+(?:always\s+)?(?:preferable|important)\b", Strength.SHOULD),
        (r"\bcan\s+(?:reasonably\s+)?expect\b", Strength.EXPECTED),
        (r"\b(?:is|are|be)\s+(?:not\s+)?expected\s+to\b", Strength.EXPECTED),
        (r"\bwill\b", Strength.EXPECTED),
        (r"\b(?:shall|will)\s+be\s+entitled\s+to\b", Strength.MAY),
        (r"\bprerogative\b", Strength.MAY),
        (r"(?<!\bcase )\bmay\b" + _MAYBE + _NOT, Strength.MAY),
        (r"(?<!\bit )(?<!\bthis )(?<!which )\bcan\b(?!\s+be\s+summari[sz]ed)", Strength.MAY),
        (r"\b(?:is|are)\s+(?:entitled|free)\s+to\b", Strength.MAY),
        (r"\b(?:has|have)\s+(?:(?:the|a)\s+)?(?:[\w-]+\s+){0,2}rights?(?:\s+not\s+to)?\b", MAY),
    )
)
_TRIGGERS: tuple[tuple[str, ...], ...] = (
    ("no",),
    ("must",),
    ("shall",),
    ("will", "won"),
    ("can",),
    ("required", "obliged"),
    ("duty",),
    ("requires",),
    ("permitted", "allowed", "authori"),
    ("should",),
    ("ought",),
    ("recommended",),
    ("encouraged",),
    ("need",),
    ("preferable", "important"),
    ("expect",),
    ("expected",),
    ("will",),
    ("entitled",),
    ("prerogative",),
    ("may",),
    ("can",),
    ("entitled", "free"),
    ("right",),
)
"""For each pattern, words one of which the text must contain (lowercased) for the pattern to
be tried: a cheap filter, as most clauses contain few of the words."""
assert len(_TRIGGERS) == len(_PATTERNS)


_CANNOT = 4
"""The index of the ``cannot`` pattern: not read in an "if" clause."""
assert "cannot" in _PATTERNS[_CANNOT][0].pattern
_IN_IF = re.compile(r"\bif\b[^.;:,]*$", re.IGNORECASE)
"""Text ending inside an "if" clause ("If the matter" before "cannot be resolved")."""


@dataclass(frozen=True)
class Verb:
    """One normative verb found in a clause or in the lead-in it continues."""

    strength: Strength
    words: str
    """The words as printed, e.g. 'must not'."""
    clause: str
    """Id of the clause the words are in: the clause itself or its lead-in."""

    @property
    def negated(self) -> bool:
        return bool(re.search(r"not\b|n['’]t\b", self.words, re.IGNORECASE))


@dataclass(frozen=True)
class Reading:
    """How one clause reads."""

    clause: str
    verbs: tuple[Verb, ...]
    """Empty when the clause has no normative verb: a statement, read as expected."""

    @property
    def strengths(self) -> frozenset[Strength]:
        return frozenset(v.strength for v in self.verbs) or frozenset({Strength.EXPECTED})

    @property
    def single(self) -> Strength | None:
        """The one strength the clause reads, if it reads exactly one."""
        return next(iter(self.strengths)) if len(self.strengths) == 1 else None

    @property
    def lead_in(self) -> str | None:
        """Id of the lead-in the reading comes from, if it does."""
        return self.verbs[0].clause if self.verbs and self.verbs[0].clause != self.clause else None

    @property
    def strongest(self) -> Strength:
        """The strongest strength it reads (``must > should > expected > may``): how a review
        reports the force of a council's clause."""
        return max(self.strengths, key=RANK.__getitem__)

    def describe(self) -> str:
        if not self.verbs:
            return "has no normative verb (a statement: expected)"
        words = ", ".join(dict.fromkeys(f"'{v.words}'" for v in self.verbs))
        where = f" in its lead-in {self.lead_in}" if self.lead_in else ""
        return f"reads {words}{where}"


@functools.lru_cache(maxsize=65536)
def verbs_in(text: str, clause_id: str) -> tuple[Verb, ...]:
    """Every normative verb in ``text``, in order; a longer match wins over a shorter one
    starting at the same place ('will not' over 'will', 'can expect' over 'can')."""
    low = text.lower()
    matches = sorted(
        (m.start(), -m.end(), i, m.group(0))
        for i, (pattern, _) in enumerate(_PATTERNS)
        if any(t in low for t in _TRIGGERS[i])
        for m in pattern.finditer(text)
    )
    out: list[Verb] = []
    last_end = -1
    for start, neg_end, i, words in matches:
        if i == _CANNOT and _IN_IF.search(text, 0, start):
            continue
        if start >= last_end:
            out.append(Verb(_PATTERNS[i][1], words, clause_id))
            last_end = -neg_end
    return tuple(out)


def _text(clause: Clause) -> str:
    return " ".join(clause.cells) if clause.cells else clause.text


def _is_lead_in(clause: Clause) -> bool:
    return clause.kind is not Kind.HEADING and _text(clause).rstrip().endswith((":", "–", "-"))


_INCLUDES = re.compile(r"\b(?:includes?|including)\s*[:–-]\s*$", re.IGNORECASE)


def _last_sentence(text: str, clause_id: str) -> str:
    """The sentence a list continues: the lead-in's last ("... The following principles
    apply here:" carries no verb, whatever the sentence before it says), unless that last
    sentence only says the list is part of what the one before said ("Councillors must not
    include criticisms of Officers in correspondence. This includes:"): then the one before.
    """
    sentences = re.split(r"(?<=[.;!?])\s+(?=[A-Z])", text.strip())
    last = sentences[-1]
    if len(sentences) > 1 and _INCLUDES.search(last) and not verbs_in(last, clause_id):
        return sentences[-2]
    return last


def read_clause(protocol: Protocol, clause_id: str) -> Reading:
    """The reading of one clause of ``protocol`` (see the module docstring)."""
    return read_among(protocol.by_id, clause_id)


def read_among(by_id: Mapping[str, Clause], clause_id: str, own_first: bool = False) -> Reading:
    """The reading of one clause among the clauses of a text (by id), as :func:`read_clause`
    reads a protocol's: a council's text under review is read by the same rule.

    ``own_first`` reads a bullet with a normative verb of its own by that verb, not its
    lead-in's: a review compares their wording's force with the model's, and a bullet worded
    'should not use their position' under 'Councillors must:' says 'should' where it differs.
    """
    clause = by_id[clause_id]
    own = verbs_in(_text(clause), clause_id)
    if own_first and own:
        return Reading(clause_id, own)
    if clause.kind is Kind.ITEM:
        parent = by_id.get(clause.parent or "")
        while parent is not None and parent.kind is not Kind.HEADING:
            if _is_lead_in(parent):
                lead = verbs_in(_last_sentence(_text(parent), parent.id), parent.id)
                if lead:
                    return Reading(clause_id, lead)
            if parent.kind is not Kind.ITEM:
                break
            parent = by_id.get(parent.parent or "")
    return Reading(clause_id, own)


def read_text(text: str, lead_in: str | None = None) -> Reading:
    """The reading of words outside any protocol (the model's wording; a bullet given with
    its lead-in line), by the same rule: a lead-in ending in a colon whose last sentence has
    a normative verb gives the reading."""
    if lead_in and lead_in.rstrip().endswith((":", "–", "-")):
        lead = verbs_in(_last_sentence(lead_in, "lead-in"), "lead-in")
        if lead:
            return Reading("text", lead)
    return Reading("text", verbs_in(text, "text"))


@dataclass(frozen=True)
class Difference:
    """A position whose recorded strength is not what its clauses read."""

    obligation: str
    protocol: str
    recorded: Strength
    readings: tuple[Reading, ...]
    line: int
    reason: str | None
    """The position's ``strength_reason``, if it gives one."""

    def message(self) -> str:
        said = "; ".join(f"{short(r.clause, self.protocol)} {r.describe()}" for r in self.readings)
        return (
            f"obligation '{self.obligation}', {self.protocol}: strength is "
            f"{self.recorded.value}, but {said}; correct the strength or give a "
            "'strength_reason:'"
        )


def short(clause_id: str, slug: str) -> str:
    """A clause id without its protocol prefix, for messages."""
    return clause_id.removeprefix(slug + "-")


def expected_strengths(readings: Sequence[Reading]) -> tuple[frozenset[Strength], int]:
    """(every strength the clauses read, the rank of the strongest single reading)."""
    union: set[Strength] = set()
    floor = -1
    for r in readings:
        union |= r.strengths
        if r.verbs and r.single is not None:
            floor = max(floor, RANK[r.single])
    return frozenset(union), floor


def differences(omap: ObligationMap, protocols: Sequence[Protocol]) -> list[Difference]:
    """Every position whose recorded strength differs from its clauses' reading."""
    by_slug = {p.slug: p for p in protocols}
    read: dict[str, Reading] = {}
    out: list[Difference] = []
    for o in omap.obligations:
        for slug, source in o.sources.items():
            if source.strength is None or not source.clauses or slug not in by_slug:
                continue
            protocol = by_slug[slug]
            readings = tuple(
                read.get(c) or read.setdefault(c, read_clause(protocol, c))
                for c in source.clauses
                if c in protocol.by_id
            )
            union, floor = expected_strengths(readings)
            wrong = source.strength not in union or RANK[source.strength] < floor
            if wrong:
                shown = tuple(
                    r
                    for r in readings
                    if source.strength not in r.strengths
                    or (r.verbs and r.single and RANK[r.single] > RANK[source.strength])
                )
                out.append(
                    Difference(
                        o.id,
                        slug,
                        source.strength,
                        shown or readings,
                        source.line,
                        source.strength_reason,
                    )
                )
    return out


@dataclass(frozen=True)
class Disagreement:
    """A clause cited alone by several obligations with different strengths."""

    clause: str
    protocol: str
    positions: tuple[tuple[str, Strength, int], ...]
    """(obligation id, recorded strength, line) of each position citing it alone."""


def disagreements(omap: ObligationMap) -> list[Disagreement]:
    """Clauses cited alone whose positions (those without a ``strength_reason``) disagree."""
    alone: dict[tuple[str, str], list[tuple[str, Strength, int]]] = {}
    for o in omap.obligations:
        for slug, source in o.sources.items():
            if len(source.clauses) == 1 and source.strength and not source.strength_reason:
                alone.setdefault((slug, source.clauses[0]), []).append(
                    (o.id, source.strength, source.line)
                )
    return [
        Disagreement(cid, slug, tuple(found))
        for (slug, cid), found in alone.items()
        if len({s for _, s, _ in found}) > 1
    ]


def mixed_readings(
    omap: ObligationMap,
    protocols: Sequence[Protocol],
    already: frozenset[tuple[str, str]] | set[tuple[str, str]] = frozenset(),
) -> list[Problem]:
    """Warnings for positions whose cited clauses use verbs of more than one strength (one
    sentence says 'must', another 'may') and whose ``strength_reason`` does not say which
    sentence carries the obligation: the recorded strength may belong to another idea.
    Positions in ``already`` (obligation id, protocol), warned of otherwise, are skipped."""
    by_slug = {p.slug: p for p in protocols}
    out: list[Problem] = []
    for o in omap.obligations:
        for slug, source in o.sources.items():
            protocol = by_slug.get(slug)
            if protocol is None or source.strength_reason or (o.id, slug) in already:
                continue
            found: dict[Strength, list[str]] = {}
            for c in source.clauses:
                if c in protocol.by_id:
                    for v in read_clause(protocol, c).verbs:
                        found.setdefault(v.strength, []).append(
                            f"'{v.words}' in {short(v.clause, slug)}"
                        )
            if len(found) > 1:
                said = "; ".join(
                    f"{s.value}: {', '.join(dict.fromkeys(w))}"
                    for s, w in sorted(found.items(), key=lambda kv: -RANK[kv[0]])
                )
                out.append(
                    Problem(
                        omap.path,
                        source.line,
                        f"obligation '{o.id}', {slug}: the clauses cited read more than one "
                        f"strength ({said}); say in a 'strength_reason:' which sentence "
                        "carries this obligation",
                        Severity.WARNING,
                    )
                )
    return out


def strength_problems(omap: ObligationMap, protocols: Sequence[Protocol]) -> list[Problem]:
    """Warnings for every strength the text does not bear out and no reason explains, and
    for every position whose clauses read several strengths with no reason saying which."""
    unexplained = [d for d in differences(omap, protocols) if not d.reason]
    out = [Problem(omap.path, d.line, d.message(), Severity.WARNING) for d in unexplained]
    out += mixed_readings(omap, protocols, {(d.obligation, d.protocol) for d in unexplained})
    for d in disagreements(omap):
        listing = ", ".join(f"'{oid}' ({s.value}, line {line})" for oid, s, line in d.positions)
        for oid, s, line in d.positions:
            out.append(
                Problem(
                    omap.path,
                    line,
                    f"obligation '{oid}', {d.protocol}: clause {short(d.clause, d.protocol)} "
                    f"is cited alone here as {s.value} but elsewhere differently: {listing}; "
                    "give it one strength or a 'strength_reason:'",
                    Severity.WARNING,
                )
            )
    return out
