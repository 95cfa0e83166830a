"""Where each generated page lives (paths relative to ``docs/``), its URL on the built site, and
relative links between pages: the one place page paths and URLs are made.

>>> url(protocol_page("farnham"), "farnham-3-5")
'protocols/farnham/#farnham-3-5'
>>> url(protocol_page("farnham"), directory_urls=False)
'protocols/farnham.html'
>>> url(PROTOCOLS_INDEX), url(HOME)
('protocols/', '')
"""

from __future__ import annotations

import functools
import posixpath


def protocol_page(slug: str) -> str:
    return f"protocols/{slug}.md"


def obligation_page(obligation_id: str) -> str:
    return f"obligations/{obligation_id}.md"


def compare_page(a: str, b: str) -> str:
    return f"compare/{a}--{b}.md"


def changes_page(council: str, model: str) -> str:
    """What ``council`` changed from the model text in protocol ``model``."""
    return f"changes/{council}-from-{model}.md"


def model_page(group: str) -> str:
    """The model protocol's page for a group of councils ('local', 'principal')."""
    return f"model/{group}.md"


def model_download(group: str, suffix: str) -> str:
    """The model protocol as a file to download: ``suffix`` is '.md' or '.docx'."""
    return f"model/model-protocol-{group}{suffix}"


def positions_file(slug: str) -> str:
    """A protocol's positions on every obligation, as JSON the choosers load."""
    return f"{POSITIONS_DIR}/{slug}.json"


POSITIONS_DIR = "data/positions"
PROTOCOLS_DATA = "data/protocols.json"
OBLIGATIONS_DATA = "data/obligations.json"
MATRIX_CSV = "data/matrix.csv"


PROTOCOLS_INDEX = "protocols/index.md"
OBLIGATIONS_INDEX = "obligations/index.md"
COMPARE_INDEX = "compare/index.md"
MATRIX = "matrix.md"
THEMES = "themes.md"
GLOSSARY = "glossary.md"
LEGISLATION = "legislation.md"
OPEN_DATA = "open-data.md"
HOME = "index.md"
MODEL = "model/index.md"
CHANGES = "changes/index.md"
METHODOLOGY = "methodology.md"
ACCESSIBILITY = "accessibility.md"


def url(page: str, anchor: str = "", directory_urls: bool = True) -> str:
    """The URL of a docs page relative to the site's root, as MkDocs publishes it
    (``use_directory_urls``), plus ``#anchor``."""
    stem = page.removesuffix(".md")
    if not directory_urls:
        base = f"{stem}.html"
    elif stem == "index" or stem.endswith("/index"):
        base = stem.removesuffix("index")
    else:
        base = f"{stem}/"
    return f"{base}#{anchor}" if anchor else base


def protocol_url(slug: str) -> str:
    return url(protocol_page(slug))


def clause_url(slug: str, clause_id: str) -> str:
    return url(protocol_page(slug), clause_id)


def obligation_url(obligation_id: str) -> str:
    return url(obligation_page(obligation_id))


def rel(from_page: str, to_page: str, anchor: str = "") -> str:
    """A relative Markdown link target from one docs path to another (plus ``#anchor``)."""
    if to_page == from_page and anchor:
        return f"#{anchor}"
    target = _relpath(to_page, posixpath.dirname(from_page) or ".")
    return f"{target}#{anchor}" if anchor else target


@functools.lru_cache(maxsize=65536)
def _relpath(to_page: str, from_dir: str) -> str:
    # Pages link to the same few targets from the same few folders thousands of times.
    return posixpath.relpath(to_page, from_dir)
