"""The map's history on the site: a page at each replaced obligation's old address, and the
corrections page."""

from __future__ import annotations

from collections.abc import Sequence

from generator.core import links
from generator.core.types import Protocol
from generator.map.history import Replaced
from generator.map.obligations import ObligationMap
from generator.site.render import render
from generator.views import history_view

CORRECTIONS = "corrections.md"


def history_pages(omap: ObligationMap, protocols: Sequence[Protocol]) -> dict[str, str]:
    """A page for each replaced id, and the corrections page (the methodology links to it,
    so it exists even before the first correction)."""
    pages = {links.obligation_page(r.id): replaced_page(r, omap) for r in omap.replaced}
    pages[CORRECTIONS] = corrections_page(omap, protocols)
    return pages


def replaced_page(r: Replaced, omap: ObligationMap) -> str:
    """The page at an old obligation address: where it went, and why."""
    return render(
        "pages/replaced.md.j2",
        view=history_view.replaced_page(r, omap),
        page=links.obligation_page(r.id),
        corrections=CORRECTIONS,
    )


def corrections_page(omap: ObligationMap, protocols: Sequence[Protocol]) -> str:
    """Every correction to the map, newest first, then the ids that were replaced."""
    return render(
        "pages/corrections.md.j2",
        view=history_view.corrections_page(omap, protocols),
        page=CORRECTIONS,
        corrections=CORRECTIONS,
    )
