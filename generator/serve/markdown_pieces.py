"""Cutting a generated page's Markdown into pieces that convert to HTML independently.

Python-Markdown converts a page block by block. Cut just before a heading at the top level
(after a blank line, outside any HTML block such as ``<div markdown="1">``), each piece converts
to exactly the HTML the whole page gives for that part, and the page's HTML is the pieces'
HTML joined by newlines. What could tie pieces together is refused: fenced code, reference-style
link definitions, a ``[TOC]`` marker. Generated pages escape all source text (``<`` is
``&lt;``), so every ``<div`` in them is markup and the count of open HTML blocks is exact.

Each conversion has a fixed cost, so sections are grouped about four to a piece. Where a group
ends depends only on its last section's heading line, so an edit elsewhere on the page leaves
the other groups as they were.
``mkdocs serve`` uses this to convert again only the pieces an edit changed (serve_cache.py);
tests check the joined pieces equal the whole page for every generated page.
"""

from __future__ import annotations

import re
import zlib

_BEFORE_HEADING = re.compile(r"\n\n(?=#{1,6} )")
_BLOCK_TAG = re.compile(
    r"<(/?)(?:div|table|details|section|figure|ul|ol|dl|blockquote|aside|nav|form|pre)\b",
    re.IGNORECASE,
)
GROUP = 4
"""About this many sections to a piece: a group ends after a heading whose checksum is 0 mod 4."""
_TIES = re.compile(r"^(?:\s*(?:```|~~~)|\s{0,3}\[[^\]\n]+\]:|\s*\[TOC\])", re.MULTILINE)


def cut(markdown: str, group: int = GROUP) -> list[str] | None:
    """The page cut before top-level headings, or None if it must convert whole.

    >>> cut("# A\\n\\ntext\\n\\n## B\\n\\n<div>\\n\\n### C\\n\\n</div>\\n", group=1)
    ['# A\\n\\ntext', '## B\\n\\n<div>\\n\\n### C\\n\\n</div>\\n']
    >>> cut("[a]: https://example.org\\n\\n# A\\n") is None
    True
    """
    if _TIES.search(markdown):
        return None
    pieces: list[str] = []
    current: list[str] = []
    depth = 0
    for part in _BEFORE_HEADING.split(markdown):
        current.append(part)
        depth += sum(-1 if m.group(1) else 1 for m in _BLOCK_TAG.finditer(part))
        if depth == 0 and zlib.crc32(part.partition("\n")[0].encode()) % group == 0:
            pieces.append("\n\n".join(current))
            current = []
    if current:
        pieces.append("\n\n".join(current))
    return pieces
