"""The obligations index (by theme) and one page per obligation."""

from __future__ import annotations

from collections.abc import Sequence

from generator.core import links
from generator.core.markdown_text import md_escape
from generator.core.types import Protocol
from generator.core.wordiff import LEGEND, closest, diff_words
from generator.core.wordiff import render as render_diff
from generator.map.obligations import Obligation, ObligationMap, Status, cited_clauses
from generator.site.front_matter import front_matter
from generator.views.clause_text import render
from generator.views.wordings import model_wording, stating, wording
from generator.views.words_display import (
    STATUS_MEANING,
    STATUS_SYMBOL,
    STATUS_WORDS,
    STRENGTH_MEANING,
    STRENGTH_WORDS,
    SUGGESTED_WORDS,
    clause_name,
    position_words,
    status_of,
)

SEARCH_EXCLUDE = front_matter(exclude_from_search=True)
GROUP_ABOVE = 10
"""With more protocols than this, an obligation page quotes each distinct wording once and
lists the councils that use it, instead of one section per council (which grows as N, and its
word diffs against every other council as N squared)."""


def obligations_index(omap: ObligationMap, protocols: Sequence[Protocol]) -> str:
    page = links.OBLIGATIONS_INDEX
    out = [
        "# Obligations",
        "",
        f"{len(omap.obligations)} obligations: each a single idea that one or more protocols "
        f"state, grouped by theme. Each page quotes every council's wording side by side. "
        f"The [comparison matrix]({links.rel(page, links.MATRIX)}) shows them all at once.",
        "",
    ]
    for t in omap.themes:
        members = [o for o in omap.obligations if o.theme == t.id]
        if not members:
            continue
        out += [f"## {md_escape(t.title)} {{#{t.id}}}", "", md_escape(t.description), ""]
        for o in members:
            n = len(stating(o, protocols))
            out.append(
                f"- [{md_escape(o.title)}]({links.rel(page, links.obligation_page(o.id))}): "
                f"{md_escape(o.statement)} *Stated by {n} of {len(protocols)}.*"
            )
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def position_md(o: Obligation, p: Protocol) -> str:
    """'● **In full** · must (a binding rule)', symbol hidden from screen readers."""
    s = o.sources.get(p.slug)
    status = status_of(s)
    text = (
        f'<span class="sym" aria-hidden="true">{STATUS_SYMBOL[status]}</span> '
        f"**{STATUS_WORDS[status]}**"
    )
    if s and s.strength and status is not Status.ABSENT:
        text += f" · strength: **{STRENGTH_WORDS[s.strength]}** ({STRENGTH_MEANING[s.strength]})"
    if s and s.suggested:
        text += f" · *{SUGGESTED_WORDS}*"
    return text


def position_short(o: Obligation, p: Protocol) -> str:
    """'● In full, must', symbol hidden from screen readers."""
    s = o.sources.get(p.slug)
    return (
        f'<span class="sym" aria-hidden="true">{STATUS_SYMBOL[status_of(s)]}</span> '
        f"{position_words(s)}"
    )


def quoted_wording(o: Obligation, p: Protocol, page: str) -> list[str]:
    """Each cited clause quoted in full, with a link to it."""
    s = o.sources.get(p.slug)
    if s is None:
        return []
    target = links.rel(page, links.protocol_page(p.slug))
    out: list[str] = []
    for cid in s.clauses:
        c = p.by_id[cid]
        name = clause_name(c)
        out += [
            '<div class="quote" markdown="1">',
            "",
            f"> {render(p, c, link_to=target)}",
            "",
            f"— [{md_escape(p.meta.council)}, {md_escape(name)}]({target}#{cid})",
            "{: .source }",
            "",
            "</div>",
            "",
        ]
    return out


def obligation_page(o: Obligation, omap: ObligationMap, protocols: Sequence[Protocol]) -> str:
    page = links.obligation_page(o.id)
    theme = next((t for t in omap.themes if t.id == o.theme), None)
    have = stating(o, protocols)
    stated = {p.slug for p in have}
    silent = [p for p in protocols if p.slug not in stated]
    out = [
        front_matter(o.title, exclude_from_search=True) + f"# {md_escape(o.title)}",
        "",
        f"{md_escape(o.statement)}",
        "{: .statement }",
        "",
        '<div class="facts" markdown="1">',
        "",
        f"- **Who it concerns:** {o.who.value.replace('-', ' ').capitalize()}",
        f"- **Kind:** {o.kind.value.capitalize()}",
    ]
    if theme:
        out.append(
            f"- **Theme:** [{md_escape(theme.title)}]({links.rel(page, links.THEMES, theme.id)})"
        )
    out += [f"- **Stated by:** {len(have)} of {len(protocols)} protocols", "", "</div>", ""]
    grouped = len(protocols) > GROUP_ABOVE
    if grouped:
        out += _grouped_wordings(o, have, page)
    else:
        out += ["## What each protocol says", ""]
        for p in have:
            s = o.sources[p.slug]
            out += [f"### {md_escape(p.meta.council)} {{#{p.slug}}}", "", position_md(o, p), ""]
            out += quoted_wording(o, p, page)
            if s.note:
                out += [f"**How it differs:** {md_escape(s.note)}", ""]
    if silent and grouped:
        out += [
            "## Protocols that do not cover it {#silent}",
            "",
            f"Checked, and these {len(silent)} protocols do not say it "
            f"({STATUS_MEANING[Status.ABSENT]}): "
            + ", ".join(
                f"[{md_escape(p.meta.council)}]({links.rel(page, links.protocol_page(p.slug))})"
                for p in silent
            )
            + ".",
            "",
        ]
    elif silent:
        out += [
            "## Protocols that do not cover it {#silent}",
            "",
            f"Checked, and these protocols do not say it ({STATUS_MEANING[Status.ABSENT]}):",
            "",
        ]
        for p in silent:
            note = o.sources.get(p.slug)
            extra = f" {md_escape(note.note)}" if note and note.note else ""
            out.append(
                f"- [{md_escape(p.meta.council)}]({links.rel(page, links.protocol_page(p.slug))})"
                f"{extra}"
            )
        out.append("")
    out += _compared_groups(o, have) if grouped else _compared(o, protocols, have)
    if o.model:
        out += [
            "## Model wording",
            "",
            "The wording the [model protocol]"
            f"({links.rel(page, links.MODEL)}) uses; words in braces are filled in for each "
            "council.",
            "",
            f"> {md_escape(o.model)}",
            "",
        ]
    elif o.not_for_model:
        out += [
            "## Model wording",
            "",
            f"Not in the model protocol: {md_escape(o.not_for_model)}",
            "",
        ]
    out += _related(o, omap, page)
    return "\n".join(out).rstrip("\n") + "\n"


def _compared(o: Obligation, protocols: Sequence[Protocol], have: list[Protocol]) -> list[str]:
    if not have:
        return []
    out = ["## Wording compared", "", LEGEND, ""]
    for p in have:
        own = wording(o, p)
        others = [(q.meta.council, wording(o, q)) for q in have if q is not p]
        against = closest(own, others)
        if against is None and o.model:
            against = ("the model wording", model_wording(o, p))
        if against is None:
            continue
        label, text = against
        out += [
            f"### {md_escape(p.meta.council)} compared with {md_escape(label)} "
            f"{{#compare-{p.slug}}}",
            "",
            render_diff(diff_words(text, own)),
            "{: .wordiff }",
            "",
        ]
    return out


def related(o: Obligation, omap: ObligationMap) -> list[Obligation]:
    """Obligations sharing a cited clause with ``o``, then the rest of its theme, in map order."""
    cited = cited_clauses(omap)
    near = {x for s in o.sources.values() for c in s.clauses for x in cited.get(c, ())}
    sharing = [x for x in omap.obligations if x.id != o.id and x.id in near]
    theme = [
        x for x in omap.obligations if x.id != o.id and x.theme == o.theme and x not in sharing
    ]
    return sharing + theme


def _related(o: Obligation, omap: ObligationMap, page: str) -> list[str]:
    rel = related(o, omap)
    if not rel:
        return []
    out = ["## Related obligations", ""]
    for x in rel[:12]:
        out.append(
            f"- [{md_escape(x.title)}]({links.rel(page, links.obligation_page(x.id))}): "
            f"{md_escape(x.statement)}"
        )
    return [*out, ""]


def wording_groups(o: Obligation, have: Sequence[Protocol]) -> list[list[Protocol]]:
    """The protocols stating ``o``, grouped by identical position and wording (status,
    strength, text, note); largest group first, then in protocol order."""
    groups: dict[tuple[object, ...], list[Protocol]] = {}
    for p in have:
        s = o.sources[p.slug]
        key = (s.status, s.strength, wording(o, p), s.note)
        groups.setdefault(key, []).append(p)
    return sorted(groups.values(), key=lambda g: -len(g))


def _grouped_wordings(o: Obligation, have: Sequence[Protocol], page: str) -> list[str]:
    groups = wording_groups(o, have)
    out = [
        "## What each protocol says",
        "",
        f"{len(have)} protocols state it, in {len(groups)} distinct "
        f"wording{'s' if len(groups) != 1 else ''}. Each wording is quoted once, with the "
        "councils that use it.",
        "",
    ]
    for i, group in enumerate(groups, start=1):
        first = group[0]
        s = o.sources[first.slug]
        out += [
            f"### Wording {i}: {len(group)} protocol{'s' if len(group) != 1 else ''} "
            f"{{#wording-{i}}}",
            "",
            position_md(o, first),
            "",
        ]
        out += quoted_wording(o, first, page)
        if s.note:
            out += [f"**How it differs:** {md_escape(s.note)}", ""]
        if len(group) > 1:
            out += [
                "Also in these words: "
                + ", ".join(_clause_refs(o, p, page) for p in group[1:])
                + ".",
                "",
            ]
    return out


def _clause_refs(o: Obligation, p: Protocol, page: str) -> str:
    target = links.rel(page, links.protocol_page(p.slug))
    names = ", ".join(
        f"[{md_escape(clause_name(p.by_id[c]))}]({target}#{c})"
        for c in o.sources[p.slug].clauses
        if c in p.by_id
    )
    return f"{md_escape(p.meta.council)} ({names})"


def _compared_groups(o: Obligation, have: Sequence[Protocol]) -> list[str]:
    """Each distinct wording against the closest other distinct wording (or the model's)."""
    groups = wording_groups(o, have)
    texts = [(f"wording {i}", wording(o, g[0])) for i, g in enumerate(groups, start=1)]
    out = ["## Wording compared", "", LEGEND, ""]
    for i, (label, own) in enumerate(texts):
        others = [t for j, t in enumerate(texts) if j != i]
        against = closest(own, others)
        if against is None and o.model:
            against = ("the model wording", model_wording(o, groups[i][0]))
        if against is None:
            continue
        other_label, text = against
        out += [
            f"### {label.capitalize()} compared with {md_escape(other_label)} "
            f"{{#compare-wording-{i + 1}}}",
            "",
            render_diff(diff_words(text, own)),
            "{: .wordiff }",
            "",
        ]
    return out if len(out) > 4 else []
