"""The map's history on the site: a page at each replaced obligation's old address, and the
corrections page. Self-contained: values in, Markdown out."""

from __future__ import annotations

from collections.abc import Sequence

from generator.core import links
from generator.core.markdown_text import md_escape
from generator.core.types import Protocol
from generator.map.history import Replaced
from generator.map.obligations import ObligationMap
from generator.site.front_matter import front_matter

CORRECTIONS = "corrections.md"


def history_pages(omap: ObligationMap, protocols: Sequence[Protocol]) -> dict[str, str]:
    """A page for each replaced id, and the corrections page (the methodology links to it,
    so it exists even before the first correction)."""
    pages = {links.obligation_page(r.id): replaced_page(r, omap) for r in omap.replaced}
    pages[CORRECTIONS] = corrections_page(omap, protocols)
    return pages


def replaced_page(r: Replaced, omap: ObligationMap) -> str:
    """The page at an old obligation address: where it went, and why."""
    page = links.obligation_page(r.id)
    new = omap.by_id[r.replaced_by]
    target = links.rel(page, links.obligation_page(new.id))
    return "\n".join(
        [
            front_matter(f"Replaced: {r.id}", exclude_from_search=True).rstrip("\n"),
            f"# This obligation has moved: {md_escape(r.id)}",
            "",
            f"It is now part of **[{md_escape(new.title)}]({target})** (`{new.id}`).",
            "",
            md_escape(r.reason),
            "",
            f"See the [corrections to the map]({links.rel(page, CORRECTIONS)}).",
            "",
        ]
    )


def corrections_page(omap: ObligationMap, protocols: Sequence[Protocol]) -> str:
    """Every correction to the map, newest first, then the ids that were replaced."""
    page = CORRECTIONS
    councils = {p.slug: p.meta.council for p in protocols}
    titles = {o.id: o.title for o in omap.obligations}
    moved = {r.id: r.replaced_by for r in omap.replaced}
    out = [
        "# Corrections to the map",
        "",
        "Each correction to the obligation map since it was published: what changed, and "
        "why. If you quoted a position before, check here whether it has changed. How "
        f"positions are read is in the [methodology]({links.rel(page, links.METHODOLOGY)}).",
        "",
    ]
    if omap.corrections:
        out += [
            "| Date | Obligation | Council | What changed | Why |",
            "|---|---|---|---|---|",
        ]
        for c in sorted(omap.corrections, key=lambda c: c.date, reverse=True):
            oid = moved.get(c.obligation, c.obligation)
            name = md_escape(titles.get(oid, oid))
            link = f"[{name}]({links.rel(page, links.obligation_page(oid))})"
            council = md_escape(councils.get(c.protocol, c.protocol)) if c.protocol else "All"
            out.append(
                f"| {c.date.human()} | {link} | {council} | {md_escape(c.change)} | "
                f"{md_escape(c.reason)} |"
            )
        out.append("")
    if not omap.corrections and not omap.replaced:
        out += ["No corrections have been made to the map yet.", ""]
    if omap.replaced:
        out += ["## Obligations replaced", ""]
        for r in omap.replaced:
            target = links.rel(page, links.obligation_page(r.replaced_by))
            out.append(
                f"- `{r.id}` is now [{md_escape(titles[r.replaced_by])}]({target}): "
                f"{md_escape(r.reason)}"
            )
        out.append("")
    return "\n".join(out)
