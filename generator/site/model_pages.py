"""The model protocol on the site and as downloads: Project in, ``{path: content}`` out. Pure.

Pages (paths relative to ``docs/``), rendered from view models (:mod:`generator.site.model_view`)
through ``templates/pages/model.md.j2`` and ``model_index.md.j2``:

- ``model/index.md``: what the model is, how it is assembled, the downloads, the optional
  clauses with their ids (for ``include`` / ``exclude``), and how to draft with ``draft``.
- ``model/<kind>.md`` for each kind of council in :data:`~generator.map.model_fields.KINDS`
  (``england-local``, ``england-executive``, ``england-committee``, ``wales-local``,
  ``wales-principal``): that kind's model in full.

Each clause on those pages says how many of the protocols state it, in full or in part, with
links to their wording (``../protocols/<slug>.md#<clause-id>``), the law it states (its
``law:`` in the map) and, where it says something no protocol says, why (``new_drafting:``).
Placeholders are shown as ``<mark class="placeholder">[Clerk]</mark>``: bracketed, so they do
not depend on the highlight colour. Clauses that are off by default follow in a numbered
appendix, in the model's order.

Downloads (bytes or text), for each kind: ``model/model-protocol-<kind>.docx`` and
``model/model-protocol-<kind>.md`` (``templates/downloads/model_protocol.md.j2``, through the
plain-text environment). The ``.md`` downloads are files to save, not pages: see
:func:`is_download`. No download carries a machine id.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from generator.core import links
from generator.drafting.docx_writer import model_docx
from generator.drafting.model_protocol import GROUP_TITLE, ModelProtocol
from generator.drafting.printed import appendix, printed_models
from generator.project import Project
from generator.site import model_view
from generator.site.render import render, render_plain

DOWNLOAD = re.compile(r"^model/model-protocol-[a-z-]+\.(docx|md)$")


def is_download(path: str) -> bool:
    """True for files that are downloads (copied as they are), not pages to render.

    >>> is_download("model/model-protocol-wales-local.md"), is_download("model/wales-local.md")
    (True, False)
    """
    return bool(DOWNLOAD.match(path))


def model_pages(
    project: Project, models: Mapping[str, ModelProtocol] | None = None
) -> dict[str, str | bytes]:
    """Every model page and download, by path relative to ``docs/``; empty without a map.
    ``models``: the printed models (:func:`~generator.drafting.printed.printed_models`) when
    the caller has made them already."""
    omap = project.obligations
    if omap is None:
        return {}
    if models is None:
        models = printed_models(omap, project.protocols)
    out: dict[str, str | bytes] = {}
    for group, model in models.items():
        out[links.model_page(group)] = model_page(model)
        out[links.model_download(group, ".md")] = model_markdown(model)
        out[links.model_download(group, ".docx")] = model_docx(model)
    out[links.MODEL] = index_page(models, len(project.protocols))
    return out


def model_markdown(model: ModelProtocol) -> str:
    """The protocol as a Markdown file a clerk can edit: numbered by hand, no site links."""
    return render_plain(
        "downloads/model_protocol.md.j2",
        model=model,
        kind=GROUP_TITLE[model.group],
        appendix=appendix(model),
    )


def model_page(model: ModelProtocol) -> str:
    """The model in full for a kind of council, with each clause's sources and law."""
    return render("pages/model.md.j2", view=model_view.kind_page(model))


def index_page(models: Mapping[str, ModelProtocol], n_protocols: int) -> str:
    """The model's landing page: what it is, downloads, optional clauses, drafting."""
    return render(
        "pages/model_index.md.j2", view=model_view.index_page(models, n_protocols), page=links.MODEL
    )
