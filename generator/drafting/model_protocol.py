"""The model protocol: which clauses, in what order, numbered how, with what words. Pure.

Input: the obligation map and a council's :class:`~generator.drafting.answers.Answers` (or a tier
group, for the printed model). Output: a :class:`ModelProtocol`, a view-model that the
Markdown, site and Word writers render without deciding anything.

Selection
    Every obligation with ``model`` wording is a candidate clause; one with
    ``not_for_model`` never is. ``model_scope`` decides the default: ``core`` always,
    ``local`` on for parish, town and community councils, ``principal`` on for district,
    borough, county and unitary councils, ``optional`` off. ``include`` / ``exclude`` in the
    answers switch optional clauses (local, principal, optional) on or off; an unknown id is
    refused with the closest valid ids, and a core clause cannot be excluded.

Order and numbering
    Sections follow the themes in the map's order, clauses the obligations' order in the map.
    Numbers are computed **after** selection: sections 1, 2, 3...; clauses 1.1, 1.2...;
    items of a clause 1.1.1... A theme left with no clause is left out, so there is never a
    gap.

Wording
    ``{variable}`` is one of :data:`~generator.map.obligations.MODEL_VARIABLES`, filled from the
    answers (or shown as a bracketed placeholder in the printed model).
    ``{ref:obligation-id}`` is a cross-reference, printed as "paragraph 4.3" with the number
    that clause has after selection. A sentence whose reference points at a clause that is
    not in this council's protocol is dropped (so no dangling "see 4.3"); if that empties the
    clause, the clause is dropped too and the numbers are computed again.
    Lines starting with ``- `` are items of the clause, numbered 1.1.1, 1.1.2...
    Titles (``{head_officer_title}``, ``{chair_title}``) are bare nouns: "the" is added where
    the sentence needs it ("seek advice from {head_officer_title}" -> "from the Clerk"), and a
    value that starts a sentence is capitalised.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from generator.core import suggest
from generator.core.problems import Problem, Severity
from generator.core.types import Protocol, Tier
from generator.drafting.answers import (
    PLACEHOLDERS,
    Answers,
    Choice,
    Variable,
    human_date,
    tier_group,
    variables,
)
from generator.map.obligations import MODEL_VARIABLES, ModelScope, Obligation, ObligationMap, Status

TOKEN = re.compile(r"\{(ref:)?([A-Za-z_][A-Za-z0-9_-]*)\}")
"""A ``{variable}`` or a ``{ref:obligation-id}`` in model wording."""
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'‘“(A-Z0-9])")
TITLE_VARIABLES = ("head_officer_title", "chair_title")
"""Variables whose values are bare titles ('Clerk'), needing 'the' in most sentences."""
NO_ARTICLE_AFTER = frozenset(
    ["the", "a", "an", "as", "any", "this", "that", "each", "every", "our", "your", "its"]
)

GROUPS = ("local", "principal")
"""The tier groups the printed model is made for."""
GROUP_TIER = {"local": Tier.PARISH, "principal": Tier.BOROUGH}
GROUP_TITLE = {
    "local": "parish, town and community councils",
    "principal": "district, borough, county and unitary councils",
}
DEFAULT_SHORT = {
    ModelScope.CORE: "always in",
    ModelScope.LOCAL: "on for parish, town and community councils only",
    ModelScope.PRINCIPAL: "on for district, borough, county and unitary councils only",
    ModelScope.OPTIONAL: "off",
}
SCOPE_REASON = {
    ModelScope.CORE: "core: in every council's protocol",
    ModelScope.LOCAL: "on by default for parish, town and community councils",
    ModelScope.PRINCIPAL: "on by default for district, borough, county and unitary councils",
    ModelScope.OPTIONAL: "optional: off unless a council switches it on",
}


class SpanKind(StrEnum):
    """What a piece of clause text is."""

    TEXT = "text"
    """Words of the model."""
    VALUE = "value"
    """A council's own value for a variable ('Little Snoring Parish Council')."""
    PLACEHOLDER = "placeholder"
    """A placeholder to be replaced, printed in brackets ('[name of council]')."""
    REF = "ref"
    """A cross-reference to another clause ('paragraph 4.3')."""


@dataclass(frozen=True)
class Span:
    """A run of clause text."""

    text: str
    """The text as printed (without brackets for a placeholder)."""
    kind: SpanKind = SpanKind.TEXT
    """Words, a value, a placeholder or a cross-reference."""
    name: str | None = None
    """The variable's name, or the referenced obligation's id."""


Text = tuple[Span, ...]


@dataclass(frozen=True)
class SourceRef:
    """Where one of the five protocols says what a model clause says."""

    slug: str
    """The protocol's slug: 'farnham'."""
    council: str
    """The council's name: 'Farnham Town Council'."""
    status: Status
    """Full or partial (absent protocols are not listed)."""
    clauses: tuple[tuple[str, str], ...]
    """(clause id, printed label or '¶') of each cited clause."""
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
    """Why the clause is new drafting, when no protocol states it."""


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
    """'local' or 'principal'."""
    tier: Tier | None
    """The council's tier; None for the printed model of a tier group."""
    cover: tuple[CoverLine, ...]
    """Adoption date, minute reference, review date."""
    sections: tuple[ModelSection, ...]
    """The numbered sections."""
    decisions: tuple[Decision, ...]
    """Every candidate clause that is not core, in map order, with why it is in or out."""
    defaulted: tuple[Variable, ...]
    """Variables the wording uses that the council did not give (their defaults were used)."""

    @property
    def clauses(self) -> tuple[ModelClause, ...]:
        """Every clause, in order."""
        return tuple(c for s in self.sections for c in s.clauses)


TITLE = "Councillor–officer protocol"


def candidates(omap: ObligationMap) -> list[Obligation]:
    """Obligations that have model wording, in map order."""
    return [o for o in omap.obligations if o.model and not o.not_for_model]


def decide(
    omap: ObligationMap,
    tier: Tier,
    include: Sequence[Choice] = (),
    exclude: Sequence[Choice] = (),
    path: str = "<answers>",
) -> tuple[list[Decision], list[Problem]]:
    """Which candidate clauses are in, and why; unknown or invalid ids as located problems."""
    problems: list[Problem] = []
    pool = candidates(omap)
    by_id = {o.id: o for o in pool}
    switchable = [o.id for o in pool if o.model_scope is not ModelScope.CORE]
    switched: dict[str, tuple[bool, Choice]] = {}
    for on, choices in ((True, include), (False, exclude)):
        word = "include" if on else "exclude"
        for c in choices:
            at = path if c.line else "command line"
            word = (
                ("include" if on else "exclude") if c.line else ("--include" if on else "--exclude")
            )
            o = by_id.get(c.id)
            if o is None:
                other = omap.by_id.get(c.id)
                if other is not None:
                    problems.append(
                        Problem(
                            at,
                            c.line,
                            f"{word}: '{c.id}' is not in the model "
                            f"({other.not_for_model or 'it has no model wording'})",
                        )
                    )
                    continue
                found = suggest.closest(c.id, switchable, cutoff=0.4)
                hint = (
                    f"; closest: {', '.join(found)}"
                    if found
                    else ("; run 'python -m generator draft --list' to see the optional clauses")
                )
                problems.append(Problem(at, c.line, f"{word}: unknown clause id '{c.id}'{hint}"))
                continue
            if o.model_scope is ModelScope.CORE:
                if on:
                    problems.append(
                        Problem(
                            at,
                            c.line,
                            f"{word}: '{c.id}' is a core clause, always included; remove it "
                            "from the list",
                            Severity.WARNING,
                        )
                    )
                else:
                    problems.append(
                        Problem(
                            at,
                            c.line,
                            f"{word}: '{c.id}' is a core clause and is in every council's "
                            "protocol; it cannot be excluded (you can still edit the Word file)",
                        )
                    )
                continue
            switched[c.id] = (on, c)
    decisions: list[Decision] = []
    for o in pool:
        default = _default_on(o.model_scope, tier)
        if o.id in switched:
            on, c = switched[o.id]
            where = f"{path} line {c.line}" if c.line else ("--include" if on else "--exclude")
            verb = "switched on" if on else "switched off"
            reason = f"{verb} by {where} (default: {DEFAULT_SHORT[o.model_scope]})"
        else:
            on = default
            reason = SCOPE_REASON[o.model_scope]
            if o.model_scope is ModelScope.LOCAL and not on:
                reason = "off by default for principal councils (on for parish, town and community)"
            elif o.model_scope is ModelScope.PRINCIPAL and not on:
                reason = "off by default for parish, town and community councils (on for principal)"
        decisions.append(Decision(o.id, o.title, o.model_scope, on, reason))
    return decisions, problems


def _default_on(scope: ModelScope, tier: Tier) -> bool:
    if scope is ModelScope.CORE:
        return True
    if scope is ModelScope.LOCAL:
        return tier.is_local
    if scope is ModelScope.PRINCIPAL:
        return not tier.is_local
    return False


def build(
    omap: ObligationMap,
    protocols: Sequence[Protocol],
    answers: Answers | None = None,
    group: str = "local",
) -> tuple[ModelProtocol, list[Problem]]:
    """The council's protocol from its answers, or with ``answers=None`` the printed model for
    a tier group ('local' or 'principal'), with placeholders and every clause on by default."""
    if answers is None:
        tier = GROUP_TIER[group]
        sample = Answers(PLACEHOLDERS["council_name"], tier)
        values = {
            name: Variable(v.name, v.placeholder, False, v.placeholder)
            for name, v in variables(sample).items()
        }
        decisions, problems = decide(omap, tier)
        placeholders = True
    else:
        tier = answers.tier
        group = tier_group(tier)
        values = variables(answers)
        decisions, problems = decide(omap, tier, answers.include, answers.exclude, answers.path)
        placeholders = False
    chosen = [d.id for d in decisions if d.included]
    by_id = {o.id: o for o in omap.obligations}
    used: set[str] = set()
    # Number, render references, drop emptied clauses, and repeat until nothing changes.
    while True:
        numbers = _numbers(omap, chosen)
        rendered: dict[str, tuple[Text, tuple[Text, ...]]] = {}
        emptied: list[str] = []
        for oid in chosen:
            text, items, names = _render(by_id[oid].model or "", values, numbers, placeholders)
            used |= names
            if not text and not items:
                emptied.append(oid)
            rendered[oid] = (text, items)
        if not emptied:
            break
        chosen = [c for c in chosen if c not in emptied]
        for oid in emptied:
            decisions = [
                Decision(
                    d.id,
                    d.title,
                    d.scope,
                    False,
                    "left out: every sentence refers to a clause not in this protocol",
                )
                if d.id == oid
                else d
                for d in decisions
            ]
    sections = _sections(omap, protocols, chosen, numbers, rendered, decisions)
    titles = {t.id: t.title for t in omap.themes}

    def section_of(oid: str) -> str:
        theme = by_id[oid].theme
        number = numbers.get(f"theme:{theme}")
        return f"{number}. {titles.get(theme, theme)}" if number else titles.get(theme, theme)

    decisions = [
        replace(d, section=section_of(d.id))
        if d.included
        else replace(
            d,
            text=_render(by_id[d.id].model or "", values, numbers, placeholders)[0],
            section=section_of(d.id),
        )
        for d in decisions
    ]
    cover = _cover(answers)
    council: Text = (
        (Span(values["council_name"].value, SpanKind.PLACEHOLDER, "council_name"),)
        if placeholders
        else (Span(values["council_name"].value, SpanKind.VALUE, "council_name"),)
    )
    defaulted = (
        tuple(
            values[n] for n in MODEL_VARIABLES if n in used and n in values and not values[n].given
        )
        if not placeholders
        else ()
    )
    return (
        ModelProtocol(
            title=TITLE,
            council=council,
            group=group,
            tier=None if answers is None else answers.tier,
            cover=cover,
            sections=sections,
            decisions=tuple(d for d in decisions if d.scope is not ModelScope.CORE),
            defaulted=defaulted,
        ),
        problems,
    )


def _numbers(omap: ObligationMap, chosen: Sequence[str]) -> dict[str, str]:
    """Obligation id -> clause number, and theme id -> section number, for the chosen clauses."""
    keep = set(chosen)
    out: dict[str, str] = {}
    section = 0
    for theme in omap.themes:
        members = [o.id for o in omap.obligations if o.theme == theme.id and o.id in keep]
        if not members:
            continue
        section += 1
        out[f"theme:{theme.id}"] = str(section)
        for i, oid in enumerate(members, 1):
            out[oid] = f"{section}.{i}"
    return out


def _sections(
    omap: ObligationMap,
    protocols: Sequence[Protocol],
    chosen: Sequence[str],
    numbers: Mapping[str, str],
    rendered: Mapping[str, tuple[Text, tuple[Text, ...]]],
    decisions: Sequence[Decision],
) -> tuple[ModelSection, ...]:
    keep = set(chosen)
    reasons = {d.id: d.reason for d in decisions}
    out: list[ModelSection] = []
    for theme in omap.themes:
        members = [o for o in omap.obligations if o.theme == theme.id and o.id in keep]
        if not members:
            continue
        clauses = tuple(
            ModelClause(
                id=o.id,
                number=numbers[o.id],
                title=o.title,
                text=rendered[o.id][0],
                items=rendered[o.id][1],
                scope=o.model_scope,
                reason=reasons[o.id],
                sources=provenance(o, protocols),
                protocols=len(protocols),
                new_drafting=new_drafting(o),
            )
            for o in members
        )
        out.append(ModelSection(theme.id, numbers[f"theme:{theme.id}"], theme.title, clauses))
    return tuple(out)


def provenance(o: Obligation, protocols: Sequence[Protocol]) -> tuple[SourceRef, ...]:
    """The protocols that state an obligation in full or in part, in protocol order."""
    out: list[SourceRef] = []
    for p in protocols:
        s = o.sources.get(p.slug)
        if s is None or s.status is Status.ABSENT:
            continue
        cited = tuple(
            (cid, p.by_id[cid].label or p.by_id[cid].number or "¶")
            if cid in p.by_id
            else (cid, "¶")
            for cid in s.clauses
        )
        out.append(SourceRef(p.slug, p.meta.council, s.status, cited, s.note))
    return tuple(out)


def new_drafting(o: Obligation) -> str | None:
    """Why a clause no protocol states is in the model: the notes on its absent sources.

    None when at least one protocol states it (in full or in part).
    """
    if any(s.status is not Status.ABSENT for s in o.sources.values()):
        return None
    notes = [s.note for s in o.sources.values() if s.note]
    return "; ".join(notes) if notes else "new drafting (no protocol states this)"


def _render(
    model: str,
    values: Mapping[str, Variable],
    numbers: Mapping[str, str],
    placeholders: bool,
) -> tuple[Text, tuple[Text, ...], set[str]]:
    """Model wording -> (clause text, items, variables used)."""
    lead: list[str] = []
    items: list[str] = []
    for line in model.splitlines():
        stripped = line.strip()
        if stripped.startswith(("- ", "* ")):
            items.append(stripped[2:].strip())
        elif items and stripped:
            items[-1] += " " + stripped
        elif stripped:
            lead.append(stripped)
    used: set[str] = set()
    text = _paragraph(" ".join(lead), values, numbers, placeholders, used)
    rendered_items = tuple(
        t for t in (_paragraph(i, values, numbers, placeholders, used) for i in items) if t
    )
    return text, rendered_items, used


def _paragraph(
    text: str,
    values: Mapping[str, Variable],
    numbers: Mapping[str, str],
    placeholders: bool,
    used: set[str],
) -> Text:
    spans: list[Span] = []
    for sentence in SENTENCE_END.split(text):
        refs = [m.group(2) for m in TOKEN.finditer(sentence) if m.group(1)]
        if any(r not in numbers for r in refs):
            continue
        spans.extend(_sentence(sentence, values, numbers, placeholders, used, bool(spans)))
    return _merge(spans)


def _sentence(
    sentence: str,
    values: Mapping[str, Variable],
    numbers: Mapping[str, str],
    placeholders: bool,
    used: set[str],
    after: bool,
) -> list[Span]:
    out: list[Span] = [Span(" ")] if after else []
    pos = 0
    for m in TOKEN.finditer(sentence):
        before = sentence[pos : m.start()]
        name = m.group(2)
        if m.group(1):
            out.append(Span(before))
            out.append(Span(f"paragraph {numbers[name]}", SpanKind.REF, name))
        elif name in values:
            used.add(name)
            value = values[name].value
            starts = not before.strip() and pos == 0
            if name in TITLE_VARIABLES:
                words = before.split()
                prev = words[-1].lower() if words else ""
                if starts:
                    before = before + "The "
                elif prev not in NO_ARTICLE_AFTER and not prev.endswith(("'s", "’s")):
                    before = before + "the "
            elif starts and value[:1].islower():
                value = value[0].upper() + value[1:]
            out.append(Span(before))
            kind = SpanKind.PLACEHOLDER if placeholders else SpanKind.VALUE
            out.append(Span(value, kind, name))
        else:
            out.append(Span(before + m.group(0)))
        pos = m.end()
    out.append(Span(sentence[pos:]))
    return out


def _merge(spans: Sequence[Span]) -> Text:
    out: list[Span] = []
    for s in spans:
        if not s.text:
            continue
        if out and s.kind is SpanKind.TEXT and out[-1].kind is SpanKind.TEXT:
            out[-1] = Span(out[-1].text + s.text)
        else:
            out.append(s)
    if out and out[-1].kind is SpanKind.TEXT:
        out[-1] = Span(out[-1].text.rstrip())
    return tuple(out)


def _cover(answers: Answers | None) -> tuple[CoverLine, ...]:
    rows = (
        ("Adopted", "adopted", "date of adoption", True),
        ("Minute reference", "minute_reference", "minute reference", False),
        ("Next review due", "review_due", "review date", True),
    )
    out: list[CoverLine] = []
    for label, key, placeholder, is_date in rows:
        value = getattr(answers, key) if answers is not None else None
        if value:
            out.append(
                CoverLine(
                    label, (Span(human_date(value) if is_date else value, SpanKind.VALUE, key),)
                )
            )
        else:
            out.append(CoverLine(label, (Span(placeholder, SpanKind.PLACEHOLDER, key),)))
    return tuple(out)


def section_key(section: str) -> tuple[int, str]:
    """Sort key for section titles: '3. Roles' before '10. Media'; unnumbered ones last.

    >>> sorted(["10. Media", "Ward councillors", "3. Roles"], key=section_key)
    ['3. Roles', '10. Media', 'Ward councillors']
    """
    head = section.split(".", 1)[0]
    return (int(head), section) if head.isdigit() else (10**6, section)


def plain(text: Text, brackets: bool = True) -> str:
    """A clause's text as plain words; placeholders in [brackets]."""
    return "".join(
        f"[{s.text}]" if s.kind is SpanKind.PLACEHOLDER and brackets else s.text for s in text
    )


def check_wording(omap: ObligationMap) -> list[Problem]:
    """Problems with model wording that the map validator does not see: references.

    A ``{ref:id}`` must name an obligation that has model wording, and not itself; a
    ``{variable}`` must be one of MODEL_VARIABLES (the map validator checks this too).
    """
    out: list[Problem] = []
    pool = {o.id for o in candidates(omap)}
    for o in omap.obligations:
        if not o.model:
            continue
        for m in TOKEN.finditer(o.model):
            name = m.group(2)
            if m.group(1):
                if name == o.id:
                    out.append(
                        Problem(
                            omap.path,
                            o.line,
                            f"obligation '{o.id}': model wording refers to itself",
                        )
                    )
                elif name not in pool:
                    hint = suggest.hint(name, sorted(pool))
                    out.append(
                        Problem(
                            omap.path,
                            o.line,
                            f"obligation '{o.id}': model wording refers to '{{ref:{name}}}', "
                            f"which is not a clause of the model{hint}",
                        )
                    )
            elif name not in MODEL_VARIABLES:
                out.append(
                    Problem(
                        omap.path, o.line, f"obligation '{o.id}': unknown variable '{{{name}}}'"
                    )
                )
    return out
