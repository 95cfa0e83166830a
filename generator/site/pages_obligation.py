"""The obligations index (by theme) and one page per obligation."""

from __future__ import annotations

from generator.core import links
from generator.map.obligations import Obligation
from generator.site.render import render
from generator.views import obligation_view
from generator.views.corpus import Corpus
from generator.views.obligation_view import GROUP_ABOVE
from generator.views.trust import Publisher, report_url

__all__ = ["GROUP_ABOVE", "obligation_page", "obligations_index"]


def obligations_index(corpus: Corpus) -> str:
    view = obligation_view.obligations_index(corpus, links.OBLIGATIONS_INDEX)
    return render("pages/obligations_index.md.j2", view=view)


def obligation_page(corpus: Corpus, o: Obligation, publisher: Publisher | None = None) -> str:
    page = links.obligation_page(o.id)
    view = obligation_view.obligation_page(corpus, o, page)
    report = report_url(publisher, f"Error in the obligation “{o.title}”", links.url(page))
    return render("pages/obligation.md.j2", view=view, report=report)
