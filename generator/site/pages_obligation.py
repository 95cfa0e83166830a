"""The obligations index (by theme) and one page per obligation."""

from __future__ import annotations

from collections.abc import Sequence

from generator.core import links
from generator.drafting.printed import KindWording, shared
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


def obligation_page(
    corpus: Corpus,
    o: Obligation,
    model: Sequence[KindWording],
    publisher: Publisher | None = None,
) -> str:
    """``model``: what the printed model of each kind of council writes for ``o``
    (:func:`generator.drafting.printed.wordings`), shown in its 'Model wording' section."""
    page = links.obligation_page(o.id)
    view = obligation_view.obligation_page(corpus, o, page)
    same_as = corpus.omap.by_id.get(o.model_same_as) if corpus.omap and o.model_same_as else None
    report = report_url(publisher, f"Error in the obligation “{o.title}”", links.url(page))
    return render(
        "pages/obligation.md.j2", view=view, model=shared(model), same_as=same_as, report=report
    )
