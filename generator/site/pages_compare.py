"""Compare two councils: both wordings of each obligation side by side, differences marked.

``pairs`` chooses which pairs get a page; with many protocols a caller can limit them (the
index then lists only those), so pages need not grow as N squared.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.core import links
from generator.core.types import Protocol
from generator.site.render import render
from generator.views import compare_view
from generator.views.compare_view import Pair, pairs
from generator.views.corpus import Corpus

__all__ = ["compare_chooser", "compare_index", "compare_page", "pairs"]


def compare_index(corpus: Corpus, chosen: Sequence[Pair]) -> str:
    view = compare_view.compare_index(corpus, chosen, links.COMPARE_INDEX)
    return render("pages/compare_index.md.j2", view=view)


def compare_page(corpus: Corpus, a: Protocol, b: Protocol) -> str:
    view = compare_view.compare_page(corpus, a, b, links.compare_page(a.slug, b.slug))
    return render("pages/compare.md.j2", view=view)


def compare_chooser(corpus: Corpus) -> str:
    """The compare page for many protocols: choose the two councils in the page.

    Pages for every pair would grow as N squared; instead the page loads the two councils'
    position files and shows the comparison in the browser. Without JavaScript it says where
    the same information is (the matrix, each protocol's page, the open data).
    """
    return render(
        "pages/compare_chooser.md.j2",
        view=compare_view.compare_chooser(corpus, links.COMPARE_INDEX),
    )
