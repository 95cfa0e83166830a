"""The protocols index and one page per protocol: metadata, provenance, the full text."""

from __future__ import annotations

from generator.core import links
from generator.core.types import Protocol
from generator.site.render import render
from generator.views import protocol_view
from generator.views.corpus import Corpus
from generator.views.trust import Publisher


def protocols_index(corpus: Corpus) -> str:
    view = protocol_view.protocols_index(corpus, links.PROTOCOLS_INDEX)
    return render("pages/protocols_index.md.j2", view=view)


def protocol_page(corpus: Corpus, p: Protocol, publisher: Publisher | None = None) -> str:
    """Metadata, provenance and every clause, anchored, quoted, with the obligations it carries."""
    view = protocol_view.protocol_page(corpus, p, links.protocol_page(p.slug), publisher)
    return render("pages/protocol.md.j2", view=view)
