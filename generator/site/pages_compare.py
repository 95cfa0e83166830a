"""Compare two councils: both wordings of each obligation side by side, differences marked.

``pairs`` chooses which pairs get a page; with many protocols a caller can limit them (the
index then lists only those), so pages need not grow as N squared.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from generator.core import links
from generator.core.markdown_text import attr_escape, md_escape
from generator.core.types import Protocol
from generator.core.wordiff import Op, diff_words
from generator.core.wordiff import render as render_diff
from generator.map.obligations import Obligation, ObligationMap
from generator.site.front_matter import front_matter
from generator.site.pages_obligation import position_short
from generator.views.wordings import wording
from generator.views.words_display import clause_name

Pair = tuple[Protocol, Protocol]


def pairs(protocols: Sequence[Protocol], limit: int | None = None) -> list[Pair]:
    """Pairs in protocol order (a before b), at most ``limit`` of them (None: all)."""
    out = list(combinations(protocols, 2))
    return out if limit is None else out[:limit]


def compare_index(chosen: Sequence[Pair], omap: ObligationMap) -> str:
    page = links.COMPARE_INDEX
    out = [
        front_matter(hide_toc=True) + "# Compare two councils",
        "",
        "Choose a pair. Each page walks through the obligations, shows both councils' wording "
        "side by side with the differences marked, and lists what each has that the other "
        "lacks.",
        "",
        "| Councils compared | Obligations both state | Obligations only one states |",
        "|---|---:|---|",
    ]
    for a, b in chosen:
        both, only_a, only_b = split(omap.obligations, a, b)
        an, bn = md_escape(a.meta.council), md_escape(b.meta.council)
        out.append(
            f"| [{an} and {bn}]({links.rel(page, links.compare_page(a.slug, b.slug))}) "
            f"| {len(both)} | {an}: {len(only_a)}<br>{bn}: {len(only_b)} |"
        )
    return "\n".join(out) + "\n"


def split(
    obligations: Sequence[Obligation], a: Protocol, b: Protocol
) -> tuple[list[Obligation], list[Obligation], list[Obligation]]:
    """(stated by both, only by a, only by b), in map order."""
    both, only_a, only_b = [], [], []
    for o in obligations:
        wa, wb = wording(o, a), wording(o, b)
        if wa and wb:
            both.append(o)
        elif wa:
            only_a.append(o)
        elif wb:
            only_b.append(o)
    return both, only_a, only_b


def compare_page(a: Protocol, b: Protocol, omap: ObligationMap) -> str:
    page = links.compare_page(a.slug, b.slug)
    both, only_a, only_b = split(omap.obligations, a, b)
    an, bn = md_escape(a.meta.council), md_escape(b.meta.council)
    out = [
        front_matter(f"{a.meta.council} and {b.meta.council} compared", exclude_from_search=True)
        + f"# {an} and {bn} compared",
        "",
        f"Of {len(omap.obligations)} obligations, both protocols state {len(both)}; "
        f"[{len(only_a)} are only in {an}'s](#only-{a.slug}) and "
        f"[{len(only_b)} only in {bn}'s](#only-{b.slug}).",
        "",
        '<p class="diff-legend"><strong>How to read the differences:</strong> '
        f"<del>struck-through words</del> appear only in {attr_escape(a.meta.council)}'s "
        f"wording; <ins>underlined words</ins> appear only in {attr_escape(b.meta.council)}'s."
        "</p>",
        "",
        "Each council's position is shown as ● *In full* or ◐ *In part*, with the force of "
        "its wording: *must*, *should*, *may*, or *expected* (stated as what one side can "
        "expect of the other).",
        "",
        "## Stated by both {#both}",
        "",
    ]
    if not both:
        out += ["None.", ""]
    for o in both:
        runs = diff_words(wording(o, a), wording(o, b))
        out += [
            f"### [{md_escape(o.title)}]({links.rel(page, links.obligation_page(o.id))})"
            f" {{#{o.id}}}",
            "",
            '<div class="pair" markdown="1">',
            _side(o, a, page, render_diff(runs, frozenset({Op.SAME, Op.DELETED}))),
            _side(o, b, page, render_diff(runs, frozenset({Op.SAME, Op.INSERTED}))),
            "</div>",
            "",
        ]
    for p, only in ((a, only_a), (b, only_b)):
        out += [f"## Only in {md_escape(p.meta.council)} {{#only-{p.slug}}}", ""]
        if not only:
            out += ["None.", ""]
        for o in only:
            s = o.sources[p.slug]
            refs = ", ".join(
                f"[{_clause_name(p, c)}]({links.rel(page, links.protocol_page(p.slug), c)})"
                for c in s.clauses
            )
            out.append(
                f"- [{md_escape(o.title)}]({links.rel(page, links.obligation_page(o.id))}): "
                f"{position_short(o, p)} ({refs})"
            )
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _clause_name(p: Protocol, cid: str) -> str:
    return md_escape(clause_name(p.by_id[cid]))


def _side(o: Obligation, p: Protocol, page: str, marked: str) -> str:
    s = o.sources[p.slug]
    refs = ", ".join(
        f"[{_clause_name(p, c)}]({links.rel(page, links.protocol_page(p.slug), c)})"
        for c in s.clauses
    )
    return (
        '<div class="side" markdown="1">\n\n'
        f"**{md_escape(p.meta.council)}**: {position_short(o, p)}\n\n"
        f"{marked}\n{{: .wordiff }}\n\n"
        f"{refs}\n\n"
        "</div>"
    )


def compare_chooser(protocols: Sequence[Protocol], omap: ObligationMap) -> str:
    """The compare page for many protocols: choose the two councils in the page.

    Pages for every pair would grow as N squared; instead the page loads the two councils'
    position files and shows the comparison in the browser. Without JavaScript it says where
    the same information is (the matrix, each protocol's page, the open data).
    """
    page = links.COMPARE_INDEX
    options = "".join(
        f'<option value="{attr_escape(p.slug)}">{attr_escape(p.meta.council)}</option>'
        for p in protocols
    )
    second = protocols[1].slug if len(protocols) > 1 else ""
    return "\n".join(
        [
            front_matter(hide_toc=True) + "# Compare two councils",
            "",
            f"Choose two of the {len(protocols)} councils. The page then walks through the "
            f"{len(omap.obligations)} obligations, shows both councils' wording side by side "
            "with the differences marked, and lists what each has that the other lacks.",
            "",
            '<p class="no-js-note" markdown="span">This comparison is built in your browser '
            "and needs JavaScript. Without it, the "
            f"[comparison matrix]({links.rel(page, links.MATRIX)}) shows each council's "
            "position on every obligation, each "
            f"[protocol's page]({links.rel(page, links.PROTOCOLS_INDEX)}) quotes its wording, "
            f"and the [open data]({links.rel(page, links.OPEN_DATA)}) has everything.</p>",
            "",
            '<form class="pair-chooser" id="pair-chooser" hidden '
            'aria-label="Choose two councils to compare">'
            f'<label for="pair-a">First council</label> <select id="pair-a">{options}</select> '
            f'<label for="pair-b">Second council</label> '
            f'<select id="pair-b" data-default="{attr_escape(second)}">{options}</select> '
            '<button type="submit" class="md-button">Compare</button>'
            "</form>",
            "",
            '<div id="pair-result" aria-live="polite"></div>',
            "",
        ]
    )
