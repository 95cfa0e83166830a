"""Where each generated page lives (paths relative to ``docs/``) and relative links between them."""

from __future__ import annotations

import functools
import posixpath


def protocol_page(slug: str) -> str:
    return f"protocols/{slug}.md"


def obligation_page(obligation_id: str) -> str:
    return f"obligations/{obligation_id}.md"


def compare_page(a: str, b: str) -> str:
    return f"compare/{a}--{b}.md"


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
