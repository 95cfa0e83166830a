"""Site pages as a pure function: Project in, ``{path: content}`` out.

This module only routes: each kind of page has its own module. MkDocs adds the pages through
``hooks.py``; ``python -m generator pages DIR`` writes them for any other engine. Pages by other
modules (the model protocol, what changed from the model) are included when those modules exist.
"""

from __future__ import annotations

from generator.core import links
from generator.drafting import printed
from generator.outputs.opendata import matrix_csv, obligations_data, protocols_data, to_json
from generator.project import Project
from generator.site.diff_pages import origin_diff_pages
from generator.site.model_pages import model_pages
from generator.site.pages_compare import compare_chooser, compare_index, compare_page, pairs
from generator.site.pages_draft import draft_pages
from generator.site.pages_history import CORRECTIONS, history_pages
from generator.site.pages_home import home_page, open_data_page, placeholder
from generator.site.pages_matrix import MAX_COLUMNS, matrix_page
from generator.site.pages_obligation import obligation_page, obligations_index
from generator.site.pages_protocol import protocol_page, protocols_index
from generator.site.pages_reference import glossary_page, legislation_page, themes_page
from generator.site.pages_review import CHECK, review_pages
from generator.views.corpus import build_corpus
from generator.views.positions import positions_files
from generator.views.trust import Publisher

PAIR_LIMIT: int | None = None
"""How many compare-two-councils pages to build; None builds every pair."""
STATIC_PAIRS_MAX = 10
"""Up to this many pairs (five protocols), each pair has its own page. Beyond it the pages would
grow as N squared, so one page lets the reader choose the pair and loads it in the browser."""

# Pages that must exist for the navigation; kept only when nothing else provides them.
PLACEHOLDERS = {
    links.MODEL: placeholder(
        "Model protocol", "The model protocol is being assembled and will appear here."
    ),
    links.CHANGES: placeholder(
        "What changed from the model",
        "None of the protocols here is marked as following a model text another of them "
        "holds, so there is no comparison with a model to show.",
    ),
    links.METHODOLOGY: placeholder("Methodology", "How this site was made will appear here."),
}

_NO_MAP = "The obligation map (clauses.yaml) is not published yet; this page will follow it."
# Navigation targets that need the obligation map, when it is missing.
WITHOUT_MAP = {
    links.OBLIGATIONS_INDEX: placeholder("Obligations", _NO_MAP),
    links.MATRIX: placeholder("Comparison matrix", _NO_MAP),
    links.COMPARE_INDEX: placeholder("Compare two councils", _NO_MAP),
    links.THEMES: placeholder("Themes", _NO_MAP),
    CORRECTIONS: placeholder("Corrections to the map", _NO_MAP),
    CHECK: placeholder("Check your protocol", _NO_MAP),
}


def build_pages(
    project: Project, pair_limit: int | None = PAIR_LIMIT, publisher: Publisher | None = None
) -> dict[str, str | bytes]:
    """Every generated page and data file, by path relative to ``docs/``; with a
    ``publisher``, each clause and obligation links to where an error is reported."""
    protocols, omap = project.protocols, project.obligations
    corpus = build_corpus(protocols, omap)
    models = printed.printed_models(omap, protocols) if omap else {}
    model_wordings = printed.wordings(omap, models) if omap else {}
    pages: dict[str, str | bytes] = {
        links.HOME: home_page(corpus),
        links.PROTOCOLS_INDEX: protocols_index(corpus),
        links.GLOSSARY: glossary_page(corpus),
        links.LEGISLATION: legislation_page(corpus),
        links.OPEN_DATA: open_data_page(corpus),
        "data/protocols.json": to_json(protocols_data(protocols)),
    }
    for p in protocols:
        pages[links.protocol_page(p.slug)] = protocol_page(corpus, p, publisher)
    if omap:
        pages[links.OBLIGATIONS_INDEX] = obligations_index(corpus)
        for o in omap.obligations:
            pages[links.obligation_page(o.id)] = obligation_page(
                corpus, o, model_wordings.get(o.id, ()), publisher
            )
        pages[links.MATRIX] = matrix_page(corpus)
        pages[links.THEMES] = themes_page(corpus)
        many_pairs = len(protocols) * (len(protocols) - 1) // 2 > STATIC_PAIRS_MAX
        if many_pairs:
            pages[links.COMPARE_INDEX] = compare_chooser(corpus)
        else:
            chosen = pairs(protocols, pair_limit)
            pages[links.COMPARE_INDEX] = compare_index(corpus, chosen)
            for a, b in chosen:
                pages[links.compare_page(a.slug, b.slug)] = compare_page(corpus, a, b)
        if many_pairs or len(protocols) > MAX_COLUMNS:  # the pages that load them in the browser
            pages |= positions_files(corpus)
        pages["data/obligations.json"] = to_json(
            obligations_data(omap, protocols, printed.words_by_kind(model_wordings))
        )
        pages["data/matrix.csv"] = matrix_csv(omap, protocols)
        pages |= history_pages(omap, protocols)
    pages |= model_pages(project, models) | draft_pages(project)
    pages |= review_pages(project)
    pages |= origin_diff_pages(project)
    placeholders = dict(PLACEHOLDERS) if omap else PLACEHOLDERS | WITHOUT_MAP
    for path, text in placeholders.items():
        if not (project.root / "docs" / path).exists():  # a hand-written page wins
            pages.setdefault(path, text)
    return dict(sorted(pages.items()))
