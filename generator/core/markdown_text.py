"""Turning protocol text into Markdown that shows exactly those words, and nothing else runs.

Source text is data, never markup: every character Markdown or HTML could read as syntax is
escaped, so ``<script>``, ``{{ }}``, ``[x](javascript:...)`` and ``*`` show as typed.
"""

from __future__ import annotations

import functools
import html
import re

# Characters Python-Markdown treats as escapable with a backslash.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


@functools.lru_cache(maxsize=131072)
def md_escape(text: str) -> str:
    """Escape text for a Markdown paragraph, table cell or heading.

    >>> md_escape("<b>*a*</b> {{ x }}")
    '&lt;b&gt;\\\\*a\\\\*&lt;/b&gt; \\\\{\\\\{ x \\\\}\\\\}'
    """
    escaped = html.escape(" ".join(text.split()), quote=False)
    return _MD_SPECIAL.sub(r"\\\1", escaped)


@functools.lru_cache(maxsize=131072)
def attr_escape(text: str) -> str:
    """Escape text for an HTML attribute value."""
    return html.escape(" ".join(text.split()), quote=True)


def md_escape_keep_space(text: str) -> str:
    """``md_escape`` that keeps a leading and trailing space (so pieces can be joined)."""
    if not text.strip():
        return " " if text else ""
    lead = " " if text[0].isspace() else ""
    trail = " " if text[-1].isspace() else ""
    return lead + md_escape(text) + trail
