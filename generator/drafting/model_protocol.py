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

from collections.abc import Mapping, Sequence
from dataclasses import replace

from generator.core.problems import Problem
from generator.core.types import Protocol, Tier
from generator.drafting.answer_defaults import Variable, variables
from generator.drafting.answer_values import human_date
from generator.drafting.answers import Answers
from generator.drafting.model_render import Span, SpanKind, Text, plain, render, section_key
from generator.drafting.model_select import candidates, decide, law, wording
from generator.drafting.model_types import (
    CoverLine,
    Decision,
    ModelClause,
    ModelProtocol,
    ModelSection,
    SourceRef,
)
from generator.map.model_fields import KIND_BY_ID, KINDS, CouncilKind
from generator.map.obligations import MODEL_VARIABLES, ModelScope, Obligation, ObligationMap, Status
from generator.views.words_display import clause_listing, clause_name

__all__ = [
    "CoverLine",
    "Decision",
    "ModelClause",
    "ModelProtocol",
    "ModelSection",
    "SourceRef",
    "Span",
    "SpanKind",
    "Text",
    "candidates",
    "decide",
    "law",
    "plain",
    "section_key",
    "wording",
]

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
TITLE = "Councillor–officer protocol"


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
        if d.included or not placeholders  # only the printed model lists left-out wording
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
            decisions=tuple(
                d
                for d in decisions
                if d.scope is not ModelScope.CORE
                and (answers is not None or d.included or d.scope is ModelScope.OPTIONAL)
            ),
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
        found = [p.by_id[cid] for cid in s.clauses if cid in p.by_id]
        shown = clause_listing(p, found)
        cited = tuple(
            (c.id, clause_name(p, c), listed) for c, listed in zip(found, shown, strict=True)
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
