"""Reference pages: themes, the glossary of roles and terms, and legislation cited."""

from __future__ import annotations

from generator.core import links
from generator.site.render import render
from generator.views import reference_view
from generator.views.corpus import Corpus


def themes_page(corpus: Corpus) -> str:
    """Each theme: what it covers, and how much of it each protocol states."""
    view = reference_view.themes_page(corpus)
    return render("pages/themes.md.j2", view=view, page=links.THEMES)


def glossary_page(corpus: Corpus) -> str:
    view = reference_view.glossary_page(corpus)
    return render("pages/glossary.md.j2", view=view, page=links.GLOSSARY)


def legislation_page(corpus: Corpus) -> str:
    view = reference_view.legislation_page(corpus)
    return render("pages/legislation.md.j2", view=view, page=links.LEGISLATION)
