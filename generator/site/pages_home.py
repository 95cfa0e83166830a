"""Home, the open-data page, and placeholders for pages other modules may not provide yet."""

from __future__ import annotations

from generator.core import links
from generator.site.render import render
from generator.views.corpus import Corpus
from generator.views.home_view import home_page as home_view


def home_page(corpus: Corpus) -> str:
    return render("pages/home.md.j2", view=home_view(corpus), page=links.HOME)


def open_data_page(corpus: Corpus) -> str:
    return render("pages/open_data.md.j2", has_map=corpus.omap is not None)


def placeholder(title: str, text: str) -> str:
    return render("pages/placeholder.md.j2", title=title, text=text)
