"""YAML front matter for generated pages: a safe page title, search exclusion, hidden TOC.

MkDocs takes a page's title from its first heading and themes print it with ``striptags``,
which turns escaped ``&lt;script&gt;`` back into markup in ``<title>``. Generated pages whose
title comes from data therefore set ``title`` here, with angle brackets replaced by look-alike
characters, so the title shows the words and can never become markup.
"""

from __future__ import annotations

import json


def safe_title(text: str) -> str:
    """Plain text for a page title: whitespace collapsed, ``<``/``>``/``&`` neutralised."""
    text = " ".join(text.split())
    return text.replace("<", "‹").replace(">", "›").replace("&", "＆")


def front_matter(
    title: str | None = None, *, exclude_from_search: bool = False, hide_toc: bool = False
) -> str:
    """The front matter block (with a blank line after it), or '' when there is nothing."""
    lines: list[str] = []
    if title is not None:
        lines.append(f"title: {json.dumps(safe_title(title), ensure_ascii=False)}")
    if exclude_from_search:
        lines += ["search:", "  exclude: true"]
    if hide_toc:
        lines += ["hide:", "  - toc"]
    return "---\n" + "\n".join(lines) + "\n---\n\n" if lines else ""
