"""The protocols index and one page per protocol: metadata, provenance, the full text."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from generator.core import links
from generator.core.dates import PartialDate, human_date
from generator.core.markdown_text import attr_escape, md_escape
from generator.core.types import Clause, Kind, Protocol
from generator.map.obligations import ObligationMap, Status, cited_clauses
from generator.site.front_matter import front_matter
from generator.views.clause_text import render


def protocols_index(protocols: Sequence[Protocol], omap: ObligationMap | None) -> str:
    page = links.PROTOCOLS_INDEX
    out = [
        front_matter(hide_toc=True) + "# Protocols",
        "",
        "Each protocol is reproduced word for word with its own numbering. Every clause has a "
        "link to itself, so you can cite it exactly.",
        "",
    ]
    tiers = sorted({p.meta.tier.value for p in protocols})
    out += [
        '<form class="protocol-filters" id="protocol-filters" hidden '
        'aria-label="Filter the protocols">'
        '<label for="p-name">Council name</label> '
        '<input type="search" id="p-name" autocomplete="off"> '
        '<label for="p-tier">Tier</label> '
        '<select id="p-tier"><option value="">All tiers</option>'
        + "".join(f'<option value="{t}">{t.capitalize()}</option>' for t in tiers)
        + "</select> "
        '<output id="p-count" aria-live="polite"></output>'
        "</form>",
        "",
    ]
    head = "| Council | Tier | Adopted | Review due | Clauses |"
    rule = "|---|---|---|---|---:|"
    if omap:
        head += " Obligations stated |"
        rule += "---:|"
    out += [head, rule]
    for p in protocols:
        n = sum(1 for _ in p.body_clauses())
        row = (
            f"| [{md_escape(p.meta.council)}]({links.rel(page, links.protocol_page(p.slug))}) "
            f"| {p.meta.tier.value.capitalize()} | {_date(p.meta.adopted)} "
            f"| {_date(p.meta.review_due)} | {n} |"
        )
        if omap:
            row += f" {coverage_words(omap, p.slug)} |"
        out.append(row)
    if omap:
        out += [
            "",
            f"*Obligations stated* counts the {len(omap.obligations)} obligations in the "
            f"[obligation map]({links.rel(page, links.OBLIGATIONS_INDEX)}) that the protocol "
            "states in full or in part.",
        ]
    return "\n".join(out) + "\n"


def coverage_words(omap: ObligationMap, slug: str) -> str:
    full = sum(1 for o in omap.obligations if _status(o.sources.get(slug)) is Status.FULL)
    part = sum(1 for o in omap.obligations if _status(o.sources.get(slug)) is Status.PARTIAL)
    return f"{full + part} of {len(omap.obligations)} ({full} in full, {part} in part)"


def _status(source: object) -> Status:
    return getattr(source, "status", Status.ABSENT)


def _date(value: PartialDate | None) -> str:
    return human_date(value)


def protocol_page(p: Protocol, omap: ObligationMap | None) -> str:
    """Metadata, provenance and every clause, anchored, with the obligations it carries."""
    page = links.protocol_page(p.slug)
    m = p.meta
    carried: Mapping[str, list[str]] = cited_clauses(omap) if omap else {}
    titles = {o.id: o.title for o in omap.obligations} if omap else {}
    out = [
        front_matter(f"{m.council}: {m.title}") + f"# {md_escape(m.council)}: {md_escape(m.title)}",
        "",
        '<div class="facts" markdown="1">',
        "",
        f"- **Council:** {md_escape(m.council)}",
        f"- **Tier:** {m.tier.value.capitalize()} council",
        f"- **Adopted:** {_date(m.adopted)}",
        f"- **Review due:** {_date(m.review_due)}",
    ]
    if m.based_on:
        out.append(f"- **Based on:** {md_escape(m.based_on)}")
    n = sum(1 for _ in p.body_clauses())
    out.append(f"- **Clauses:** {n}")
    if omap:
        out.append(f"- **Obligations stated:** {coverage_words(omap, p.slug)}")
    out += [
        "",
        "</div>",
        "",
        '<details class="provenance" markdown="1">',
        "<summary>Where this text comes from</summary>",
        "",
        f"Transcribed word for word from the council's published document (extracted text "
        f"`{m.source}`), keeping its own numbering. Text that was only page furniture of the "
        "PDF was left out" + (":" if m.dropped else "; nothing else was."),
        "",
    ]
    for d in m.dropped:
        what = f"the line “{d.line}”" if d.line else f"the bullet glyph “{d.bullet}”"
        out.append(f"- {md_escape(what)}: {md_escape(d.reason)}")
    out += ["", "</details>", ""]
    if omap:
        out += [
            "Beside each clause, *Carries* links to the obligations it states; "
            "*¶* links to the clause itself.",
            "",
        ]
    depth = _heading_depths(p)
    previous: Kind | None = None
    rows: list[Clause] = []
    for c in p.clauses:
        if c.kind is Kind.ROW:
            rows.append(c)
            continue
        if rows:
            out += [*_table(rows, carried, titles, page), ""]
            rows = []
        if c.kind is Kind.ITEM:
            if previous is not Kind.ITEM:
                out.append("")
            out += _item(p, c, carried, titles, page)
        else:
            if previous is Kind.ITEM:
                out.append("")
            out += _block(p, c, depth, carried, titles, page)
        previous = c.kind
    if rows:
        out += _table(rows, carried, titles, page)
    return "\n".join(out).rstrip("\n") + "\n"


def _heading_depths(p: Protocol) -> dict[str, int]:
    depth: dict[str, int] = {}
    for c in p.clauses:
        if c.kind is Kind.HEADING:
            parent = c.parent
            while parent and parent in p.by_id and p.by_id[parent].kind is not Kind.HEADING:
                parent = p.by_id[parent].parent
            depth[c.id] = depth.get(parent, -1) + 1 if parent else 0
    return depth


def _self_link(c: Clause) -> str:
    name = f"clause {c.number}" if c.number else "this clause"
    return f'[¶](#{c.id}){{: .clause-link aria-label="Link to {attr_escape(name)}" }}'


def _carries(
    c: Clause, carried: Mapping[str, list[str]], titles: Mapping[str, str], page: str
) -> str:
    ids = carried.get(c.id, [])
    if not ids:
        return ""
    items = ", ".join(
        f"[{md_escape(titles[o])}]({links.rel(page, links.obligation_page(o))})" for o in ids
    )
    return f' <span class="carries">Carries: {items}</span>'


def _label(c: Clause) -> str:
    return f'<span class="num">{md_escape(c.label)}</span> ' if c.label else ""


def _block(
    p: Protocol,
    c: Clause,
    depth: Mapping[str, int],
    carried: Mapping[str, list[str]],
    titles: Mapping[str, str],
    page: str,
) -> list[str]:
    if c.kind is Kind.HEADING:
        level = min(depth[c.id] + 2, 6)
        label = f"{md_escape(c.label)} " if c.label else ""
        return [f"{'#' * level} {label}{md_escape(c.text)} {{#{c.id}}}", ""]
    body = f"{_label(c)}{render(p, c)} {_self_link(c)}{_carries(c, carried, titles, page)}"
    if c.kind is Kind.QUOTE:
        return [f"> {body}", f"> {{: #{c.id} .clause }}", ""]
    return [body, f"{{: #{c.id} .clause }}", ""]


def _item(
    p: Protocol, c: Clause, carried: Mapping[str, list[str]], titles: Mapping[str, str], page: str
) -> list[str]:
    indent = "    " * max(c.level - 1, 0)
    body = f"{_label(c)}{render(p, c)} {_self_link(c)}{_carries(c, carried, titles, page)}"
    return [f"{indent}- {body}", f"{indent}    {{: #{c.id} .clause }}"]


def _table(
    rows: list[Clause], carried: Mapping[str, list[str]], titles: Mapping[str, str], page: str
) -> list[str]:
    width = max(len(r.cells) for r in rows)
    out: list[str] = []
    body = rows
    if rows[0].header:
        head = rows[0]
        body = rows[1:]
        cells = [md_escape(x) if x.strip() else _BLANK for x in head.cells]
        cells += [_BLANK] * (width - len(head.cells))
        out.append("| " + " | ".join(cells) + f" | {_row_link(head)} |")
    else:
        out.append("| " + " | ".join([_BLANK] * width) + " | Link |")
    out.append("|" + "---|" * (width + 1))
    for r in body:
        cells = [md_escape(x) for x in r.cells] + [""] * (width - len(r.cells))
        link = _row_link(r) + _carries(r, carried, titles, page)
        out.append("| " + " | ".join(cells) + f" | {link} |")
    return out


# An empty header cell in the original: named for screen readers, invisible on screen.
_BLANK = '<span class="visually-hidden">(blank in the original)</span>'


def _row_link(c: Clause) -> str:
    return f'[¶](#{c.id}){{: #{c.id} .clause-link aria-label="Link to this row" }}'
