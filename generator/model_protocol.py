"""The model protocol: which clauses, in what order, numbered how, with what words. Pure.

Input: the obligation map and a council's :class:`~generator.answers.Answers` (or a kind of
council, :data:`~generator.model_fields.KINDS`, for the printed model). Output: a
:class:`ModelProtocol`, a view-model that the Markdown, site and Word writers render without
deciding anything.

Selection
    Every obligation with ``model`` wording for the council's kind (nation, tier group,
    governance) is a candidate clause; one with ``not_for_model`` or ``model_same_as``
    never is. ``model_scope`` decides the default: ``core`` always,
    ``local`` on for parish, town and community councils, ``principal`` on for district,
    borough, county and unitary councils, ``optional`` off. ``include`` / ``exclude`` in the
    answers switch optional clauses (local, principal, optional) on or off; an unknown id is
    refused with the closest valid ids, and a core clause cannot be excluded. Two clauses
    marked ``model_alternative_to`` each other cannot both be in.

Order and numbering
    Sections follow the themes in the map's order, clauses the obligations' order in the map.
    Numbers are computed **after** selection: sections 1, 2, 3...; clauses 1.1, 1.2...;
    items of a clause 1.1.1... A theme left with no clause is left out, so there is never a
    gap.

Wording
    ``{variable}`` is one of :data:`~generator.obligations.MODEL_VARIABLES`, filled from the
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

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from .answer_values import human_date
from .answers import Answers, Choice, Variable, variables
from .model import Protocol, Tier
from .model_fields import KIND_BY_ID, KINDS, CouncilKind, pick
from .model_render import Span, SpanKind, Text, plain, render, section_key
from .obligations import MODEL_VARIABLES, ModelScope, Obligation, ObligationMap, Status
from .problems import Problem, Severity

__all__ = ["Span", "SpanKind", "Text", "plain", "section_key"]

GROUPS = tuple(k.id for k in KINDS)
"""The kinds of council the printed model is made for, by id."""
GROUP_TITLE = {k.id: k.title for k in KINDS}
KIND_TIER = {
    "england-local": Tier.PARISH,
    "england-executive": Tier.COUNTY,
    "england-committee": Tier.COUNTY,
    "wales-local": Tier.COMMUNITY,
    "wales-principal": Tier.COUNTY,
}
"""The tier whose defaults the printed model of each kind shows as placeholders."""
DEFAULT_SHORT = {
    ModelScope.CORE: "always in",
    ModelScope.LOCAL: "on for parish, town and community councils only",
    ModelScope.PRINCIPAL: "on for principal councils only",
    ModelScope.OPTIONAL: "off",
}
SCOPE_REASON = {
    ModelScope.CORE: "core: in every council's protocol",
    ModelScope.LOCAL: "on by default for parish, town and community councils",
    ModelScope.PRINCIPAL: "on by default for principal councils",
    ModelScope.OPTIONAL: "optional: off unless a council switches it on",
}


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


TITLE = "Councillor–officer protocol"


def wording(o: Obligation, kind: CouncilKind) -> str | None:
    """An obligation's model wording for a kind of council, or None if it has none there."""
    if o.not_for_model or o.model_same_as:
        return None
    return pick(o.model_variants, kind)


def law(o: Obligation, kind: CouncilKind) -> str | None:
    """The law an obligation's model clause states for a kind of council, cited."""
    return pick(o.law, kind)


def candidates(omap: ObligationMap, kind: CouncilKind | None = None) -> list[Obligation]:
    """Obligations with model wording (for the kind, if given), in map order."""
    kinds = (kind,) if kind else KINDS
    return [o for o in omap.obligations if any(wording(o, k) for k in kinds)]


def decide(
    omap: ObligationMap,
    kind: CouncilKind,
    include: Sequence[Choice] = (),
    exclude: Sequence[Choice] = (),
    path: str = "<answers>",
) -> tuple[list[Decision], list[Problem]]:
    """Which candidate clauses are in, and why; unknown or invalid ids as located problems."""
    problems: list[Problem] = []
    pool = candidates(omap, kind)
    by_id = {o.id: o for o in pool}
    switchable = [o.id for o in pool if o.model_scope is not ModelScope.CORE]
    switched: dict[str, tuple[bool, Choice]] = {}
    for on, choices in ((True, include), (False, exclude)):
        for c in choices:
            at = path if c.line else "command line"
            word = (
                ("include" if on else "exclude") if c.line else ("--include" if on else "--exclude")
            )
            problem = _refusal(omap, by_id, switchable, kind, c, on, word)
            if problem:
                problems.append(Problem(at, c.line, problem[0], problem[1]))
                continue
            switched[c.id] = (on, c)
    decisions: list[Decision] = []
    for o in pool:
        default = _default_on(o.model_scope, kind)
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
    on_ids = {d.id for d in decisions if d.included}
    for o in pool:
        other = o.model_alternative_to
        if o.id in on_ids and other in on_ids:
            c = switched.get(o.id, switched.get(other or "", (True, Choice(o.id, 0))))[1]
            problems.append(
                Problem(
                    path if c.line else "command line",
                    c.line,
                    f"'{o.id}' and '{other}' are alternatives (two ways of doing the same "
                    "thing): include one of them, not both",
                )
            )
    return decisions, problems


def _refusal(
    omap: ObligationMap,
    by_id: Mapping[str, Obligation],
    switchable: list[str],
    kind: CouncilKind,
    c: Choice,
    on: bool,
    word: str,
) -> tuple[str, Severity] | None:
    """Why an include/exclude id cannot be switched, or None."""
    o = by_id.get(c.id)
    if o is None:
        other = omap.by_id.get(c.id)
        if other is not None:
            why = (
                other.not_for_model
                or (other.model_same_as and f"the model says this in '{other.model_same_as}'")
                or (f"it has no wording for {kind.title}" if other.model else "no model wording")
            )
            return f"{word}: '{c.id}' is not in the model ({why})", Severity.ERROR
        found = difflib.get_close_matches(c.id, switchable, n=3, cutoff=0.4)
        hint = (
            f"; closest: {', '.join(found)}"
            if found
            else "; run 'python -m generator draft --list' to see the optional clauses"
        )
        return f"{word}: unknown clause id '{c.id}'{hint}", Severity.ERROR
    if o.model_scope is ModelScope.CORE:
        if on:
            return (
                f"{word}: '{c.id}' is a core clause, always included; remove it from the list",
                Severity.WARNING,
            )
        return (
            f"{word}: '{c.id}' is a core clause and is in every council's protocol; it cannot "
            "be excluded (you can still edit the Word file)",
            Severity.ERROR,
        )
    return None


def _default_on(scope: ModelScope, kind: CouncilKind) -> bool:
    if scope is ModelScope.CORE:
        return True
    if scope is ModelScope.LOCAL:
        return kind.group == "local"
    if scope is ModelScope.PRINCIPAL:
        return kind.group == "principal"
    return False


def build(
    omap: ObligationMap,
    protocols: Sequence[Protocol],
    answers: Answers | None = None,
    group: str = "england-local",
) -> tuple[ModelProtocol, list[Problem]]:
    """The council's protocol from its answers, or with ``answers=None`` the printed model for
    a kind of council (``group``, an id from :data:`GROUPS`), with placeholders and every
    clause on by default."""
    if answers is None:
        kind = KIND_BY_ID[group]
        sample = Answers(
            "name of council",
            KIND_TIER[group],
            nation=kind.nation,
            governance=kind.governance if kind.group == "principal" else None,
        )
        values = {
            name: Variable(v.name, v.placeholder, False, v.placeholder)
            for name, v in variables(sample).items()
        }
        decisions, problems = decide(omap, kind)
        placeholders = True
    else:
        kind = answers.kind
        values = variables(answers)
        decisions, problems = decide(omap, kind, answers.include, answers.exclude, answers.path)
        placeholders = False
    texts = {n: v.value for n, v in values.items()}
    chosen = [d.id for d in decisions if d.included]
    by_id = {o.id: o for o in omap.obligations}
    used: set[str] = set()
    # Number, render references, drop emptied clauses, and repeat until nothing changes.
    while True:
        numbers = _numbers(omap, chosen)
        rendered: dict[str, tuple[Text, tuple[Text, ...]]] = {}
        emptied: list[str] = []
        for oid in chosen:
            text, items, names = render(
                wording(by_id[oid], kind) or "", texts, numbers, placeholders
            )
            used |= names
            if not text and not items:
                emptied.append(oid)
            rendered[oid] = (text, items)
        if not emptied:
            break
        chosen = [c for c in chosen if c not in emptied]
        decisions = [
            replace(
                d,
                included=False,
                reason="left out: every sentence refers to a clause not in this protocol",
            )
            if d.id in emptied
            else d
            for d in decisions
        ]
    sections = _sections(omap, protocols, kind, chosen, numbers, rendered, decisions)
    titles = {t.id: t.title for t in omap.themes}

    def section_of(oid: str) -> str:
        theme = by_id[oid].theme
        number = numbers.get(f"theme:{theme}")
        return f"{number}. {titles.get(theme, theme)}" if number else titles.get(theme, theme)

    theme_at = {t.id: i for i, t in enumerate(omap.themes)}
    map_at = {o.id: i for i, o in enumerate(omap.obligations)}

    def order(oid: str) -> int:
        return theme_at.get(by_id[oid].theme, len(theme_at)) * 100_000 + map_at[oid]

    decisions = [
        replace(d, section=section_of(d.id), order=order(d.id))
        if d.included
        else replace(
            d,
            text=_joined(render(wording(by_id[d.id], kind) or "", texts, numbers, placeholders)),
            section=section_of(d.id),
            order=order(d.id),
        )
        for d in decisions
    ]
    kind_of_span = SpanKind.PLACEHOLDER if placeholders else SpanKind.VALUE
    council: Text = (Span(values["council_name"].value, kind_of_span, "council_name"),)
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
            group=kind.id,
            tier=None if answers is None else answers.tier,
            cover=_cover(answers),
            sections=sections,
            decisions=tuple(d for d in decisions if d.scope is not ModelScope.CORE),
            defaulted=defaulted,
            values=tuple(sorted(texts.items())),
        ),
        problems,
    )


def _joined(rendered: tuple[Text, tuple[Text, ...], set[str]]) -> Text:
    """A clause and its items as one text (for the list of clauses left out)."""
    text, items, _ = rendered
    out = list(text)
    for item in items:
        out += [Span(" "), *item] if out else list(item)
    return tuple(out)


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
    kind: CouncilKind,
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
                law=law(o, kind),
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
    """Why a model clause says what no protocol says: its ``new_drafting`` reason.

    None when the map gives none (the map's check requires one where no protocol states the
    obligation).
    """
    return o.new_drafting


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
