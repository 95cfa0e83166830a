"""The obligations index (by theme) and one page per obligation."""

from __future__ import annotations

from generator.core import links
from generator.map.obligations import Obligation
from generator.site.render import render
from generator.views import obligation_view
from generator.views.corpus import Corpus
from generator.views.obligation_view import GROUP_ABOVE

__all__ = ["GROUP_ABOVE", "obligation_page", "obligations_index"]


def obligations_index(corpus: Corpus) -> str:
    view = obligation_view.obligations_index(corpus, links.OBLIGATIONS_INDEX)
    return render("pages/obligations_index.md.j2", view=view)


def obligation_page(corpus: Corpus, o: Obligation) -> str:
    view = obligation_view.obligation_page(corpus, o, links.obligation_page(o.id))
    return render("pages/obligation.md.j2", view=view)
