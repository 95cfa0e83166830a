"""The comparison matrix: obligations (rows, by theme) x protocols (columns).

A real HTML table (caption, header scopes) written with ``md_in_html`` so its links are ordinary
Markdown links that MkDocs checks. Without JavaScript it is a complete, readable table; with it,
filters (theme, who, where the protocols differ) and sorting (vendored tablesort) switch on.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from generator.core import links
from generator.core.markdown_text import attr_escape, md_escape
from generator.core.types import Protocol
from generator.map.obligations import Obligation, ObligationMap, Status, Who
from generator.site.front_matter import front_matter
from generator.views.words_display import (
    STATUS_MEANING,
    STATUS_SYMBOL,
    STATUS_WORDS,
    STRENGTH_MEANING,
    STRENGTH_WORDS,
    clause_name,
    status_of,
)

SORT_VALUE = {Status.FULL: 2, Status.PARTIAL: 1, Status.ABSENT: 0}
MAX_COLUMNS = 8
"""With more protocols than this, the table shows the first ``SHOWN`` and a reader chooses
which councils to compare (their columns load from the position files)."""
SHOWN = 5


def differs(o: Obligation, protocols: Sequence[Protocol]) -> bool:
    """Whether the protocols take different positions (status or strength) on ``o``."""
    seen = set()
    for p in protocols:
        s = o.sources.get(p.slug)
        status = status_of(s)
        seen.add((status, s.strength if s and status is not Status.ABSENT else None))
    return len(seen) > 1


def matrix_page(omap: ObligationMap, protocols: Sequence[Protocol]) -> str:
    page = links.MATRIX
    themes = {t.id: t for t in omap.themes}
    everyone = protocols
    chooser = len(protocols) > MAX_COLUMNS
    if chooser:
        protocols = protocols[:SHOWN]
    out = [
        front_matter(exclude_from_search=True, hide_toc=True) + "# Comparison matrix",
        "",
        "Every obligation (rows, grouped by theme) against every protocol (columns). Each cell "
        "says whether the protocol states the obligation, and how strongly, and links to the "
        "clause.",
        "",
        '<div class="matrix-key" markdown="1">',
        "",
        "- **Whether it says it:** "
        + "; ".join(
            f'<span aria-hidden="true">{STATUS_SYMBOL[s]}</span> **{STATUS_WORDS[s]}**: '
            f"{STATUS_MEANING[s]}"
            for s in Status
        )
        + ".",
        "- **How strongly:** "
        + "; ".join(f"*{STRENGTH_WORDS[s]}*: {STRENGTH_MEANING[s]}" for s in STRENGTH_WORDS)
        + ".",
        "- **Links:** each position links to the clause; *also* links to further clauses.",
        "",
        "</div>",
        "",
        _filters(omap, protocols),
        "",
        *(_chooser(everyone, protocols) if chooser else []),
        '<div class="matrix-wrap" markdown="1" tabindex="0" role="region" '
        'aria-labelledby="matrix-caption">',
        '<table class="matrix" id="matrix" markdown="1">',
        f'<caption id="matrix-caption" markdown="span">Obligations by protocol: '
        f"{len(omap.obligations)} obligations, "
        + (
            f'<span id="m-shown">{len(protocols)}</span> of {len(everyone)} protocols. '
            if chooser
            else f"{len(protocols)} protocols. "
        )
        + '<span class="js-only" hidden>Select a column heading to sort.</span></caption>',
        '<thead markdown="1">',
        '<tr data-sort-method="none" markdown="1">',
        '<th scope="col" data-sort-default>Obligation</th>',
        '<th scope="col">Theme</th>',
        '<th scope="col">Who</th>',
    ]
    for p in protocols:
        out.append(
            f'<th scope="col" data-sort-method="number" data-slug="{p.slug}" markdown="span">'
            f"[{md_escape(p.meta.council)}]({links.rel(page, links.protocol_page(p.slug))})</th>"
        )
    out += ["</tr>", "</thead>", '<tbody markdown="1">']
    order = {t.id: i for i, t in enumerate(omap.themes)}
    for i, o in enumerate(sorted(omap.obligations, key=lambda o: order.get(o.theme, 0))):
        theme = themes.get(o.theme)
        out.append(
            f'<tr data-theme="{attr_escape(o.theme)}" data-who="{o.who.value}" '
            f'data-differs="{"yes" if differs(o, everyone) else "no"}" data-id="{o.id}" '
            'markdown="1">'
        )
        out.append(
            f'<th scope="row" data-sort="{i:04d}" markdown="span">'
            f"[{md_escape(o.title)}]({links.rel(page, links.obligation_page(o.id))})</th>"
        )
        out.append(
            f'<td data-sort="{order.get(o.theme, 0):03d}">'
            f"{attr_escape(theme.title) if theme else ''}</td>"
        )
        out.append(f"<td>{_who(o.who)}</td>")
        for p in protocols:
            out.append(_cell(o, p, page))
        out.append("</tr>")
    out += [
        "</tbody>",
        '<tfoot markdown="1">',
        '<tr markdown="1">',
        '<th scope="row">Obligations stated (in full + in part)</th>',
        "<td></td>",
        "<td></td>",
    ]
    for p in protocols:
        full = sum(1 for o in omap.obligations if status_of(o.sources.get(p.slug)) is Status.FULL)
        part = sum(
            1 for o in omap.obligations if status_of(o.sources.get(p.slug)) is Status.PARTIAL
        )
        out.append(
            f"<td>{full + part} of {len(omap.obligations)} ({full} in full, {part} in part)</td>"
        )
    out += ["</tr>", "</tfoot>", "</table>", "</div>", ""]
    out += [
        "The same data as a spreadsheet: "
        f"[matrix.csv]({links.rel(page, 'data/matrix.csv')}) "
        f"(see [Open data]({links.rel(page, links.OPEN_DATA)})).",
        "",
    ]
    return "\n".join(out)


def _who(who: Who) -> str:
    return who.value.replace("-", " ").capitalize()


def _cell(o: Obligation, p: Protocol, page: str) -> str:
    s = o.sources.get(p.slug)
    status = status_of(s)
    words = STATUS_WORDS[status]
    sym = f'<span class="sym" aria-hidden="true">{STATUS_SYMBOL[status]}</span>'
    sort = SORT_VALUE[status]
    if s is None or status is Status.ABSENT:
        return f'<td class="st-absent" data-sort="{sort}">{sym} {words}</td>'
    strength = STRENGTH_WORDS[s.strength] if s.strength else ""
    target = links.rel(page, links.protocol_page(p.slug), s.clauses[0])
    extra = ""
    if len(s.clauses) > 1:
        extra = (
            ' <span class="also">also '
            + ", ".join(
                f"[{md_escape(_short(p, c, i))}]({links.rel(page, links.protocol_page(p.slug), c)})"
                f'{{: aria-label="{attr_escape(_short(p, c, i))}: {attr_escape(p.meta.council)}, '
                f'{attr_escape(_long(p, c))}" }}'
                for i, c in enumerate(s.clauses[1:], start=2)
            )
            + "</span>"
        )
    return (
        f'<td class="st-{status.value}" data-sort="{sort}" markdown="span">{sym} '
        f'[{words}]({target}) <span class="strength">{strength}</span>{extra}</td>'
    )


def _short(p: Protocol, cid: str, i: int) -> str:
    c = p.by_id[cid]
    return c.number or f"¶{i}"


def _long(p: Protocol, cid: str) -> str:
    return clause_name(p.by_id[cid])


def _filters(omap: ObligationMap, protocols: Sequence[Protocol]) -> str:
    themes = "".join(
        f'<option value="{attr_escape(t.id)}">{attr_escape(t.title)}</option>' for t in omap.themes
    )
    whos = sorted({o.who for o in omap.obligations}, key=lambda w: list(Who).index(w))
    who_options = "".join(f'<option value="{w.value}">{_who(w)}</option>' for w in whos)
    return (
        '<form class="matrix-filters" id="matrix-filters" hidden aria-label="Filter the matrix">'
        '<label for="f-theme">Theme</label> '
        f'<select id="f-theme"><option value="">All themes</option>{themes}</select> '
        '<label for="f-who">Who</label> '
        f'<select id="f-who"><option value="">Everyone</option>{who_options}</select> '
        '<label><input type="checkbox" id="f-differs"> Only where the protocols differ</label> '
        '<output id="f-count" aria-live="polite"></output>'
        "</form>"
    )


def _chooser(everyone: Sequence[Protocol], shown: Sequence[Protocol]) -> list[str]:
    """The form choosing which councils the table compares, and its no-script note."""
    chosen = {p.slug for p in shown}
    options = "".join(
        f'<option value="{attr_escape(p.slug)}"{" selected" if p.slug in chosen else ""}>'
        f"{attr_escape(p.meta.council)}</option>"
        for p in everyone
    )
    words = {
        "status": {s.value: [STATUS_SYMBOL[s], STATUS_WORDS[s]] for s in Status},
        "strength": {s.value: STRENGTH_WORDS[s] for s in STRENGTH_WORDS},
    }
    return [
        f'<p class="no-js-note" markdown="span">The table shows the first {len(shown)} of '
        f"{len(everyone)} protocols. Every protocol's positions are in "
        f"[matrix.csv]({links.rel(links.MATRIX, 'data/matrix.csv')}), and each "
        f"[protocol's page]({links.rel(links.MATRIX, links.PROTOCOLS_INDEX)}) lists the "
        "obligations it states.</p>",
        "",
        '<form class="matrix-chooser" id="matrix-chooser" hidden '
        f"data-words='{attr_escape(json.dumps(words, ensure_ascii=False))}' "
        'aria-label="Choose the councils to compare">'
        f'<label for="m-councils">Councils to compare (up to {MAX_COLUMNS}; '
        "hold Ctrl or Cmd to choose several)</label> "
        f'<select id="m-councils" multiple size="8">{options}</select> '
        '<button type="submit" class="md-button">Show these councils</button> '
        '<output id="m-status" aria-live="polite"></output>'
        "</form>",
        "",
    ]
