"""The comparison matrix: obligations (rows, by theme) x protocols (columns).

A real HTML table (caption, header scopes) written with ``md_in_html`` so its links are ordinary
Markdown links that MkDocs checks. Without JavaScript it is a complete, readable table; with it,
filters (theme, who, where the protocols differ) and sorting (vendored tablesort) switch on.
"""

from __future__ import annotations

from generator.core import links
from generator.site.render import render
from generator.views.corpus import Corpus
from generator.views.matrix_view import MAX_COLUMNS
from generator.views.matrix_view import matrix_page as matrix_view

__all__ = ["MAX_COLUMNS", "matrix_page"]


def matrix_page(corpus: Corpus) -> str:
    return render("pages/matrix.md.j2", view=matrix_view(corpus, links.MATRIX))
