"""How a plain text was laid out, before it is cut into paragraphs (pure).

Reviewers hand over text in three layouts, and each needs a different reading:

- **wrapped**: one printed line per line, paragraphs broken mid-sentence (``pdftotext``,
  with or without ``-layout``; a PDF converted to Word gives the same, one Word paragraph a
  printed line). Lines are re-joined into paragraphs.
- **one paragraph per line**: Word's or LibreOffice's "save as text", text copied from a web
  page; usually no blank lines at all. Every line is a paragraph; nothing is joined.

Before either, a page's running furniture is removed: ``pdftotext`` ends each page with a
form feed, and a line repeated at the top or the bottom of most pages (a running title,
"Page 3 of 12") is not the protocol's text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum


class Layout(StrEnum):
    """How the lines of a plain text relate to its paragraphs."""

    WRAPPED = "wrapped"
    """Printed lines: a paragraph runs over several lines."""
    PARAGRAPHS = "paragraphs"
    """One paragraph per line."""


_TERMINAL_END = re.compile(r"[.:;!?…](?:[\"'”’)\]*]*)$")
_DIGITS = re.compile(r"\d+")
_PAGE_WORDS = re.compile(r"^(?:page\s+)?#(?:\s*(?:of|/)\s*#)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Line:
    """One line of the original text, after furniture is removed."""

    number: int
    """1-based line of the user's file (for Word, the paragraph)."""
    text: str
    """The line as it was, furniture lines emptied."""


def remove_furniture(lines: Sequence[str]) -> list[Line]:
    """The lines with running page furniture emptied (kept as blank lines, so the numbers
    stay those of the user's file). Pages are cut at form feeds; without form feeds, a short
    line repeated three times or more next to a page number counts too."""
    pages: list[list[int]] = [[]]
    for index, line in enumerate(lines):
        if "\f" in line and index > 0:
            pages.append([])
        pages[-1].append(index)
    out = [line.replace("\f", "") for line in lines]
    drop: set[int] = set()
    if len(pages) >= 2:
        edge: Counter[str] = Counter()
        edges: list[list[int]] = []
        for page in pages:
            filled = [i for i in page if out[i].strip()]
            near = filled[:2] + filled[-2:]
            edges.append(near)
            for key in {_key(out[i]) for i in near}:
                edge[key] += 1
        least = max(2, (len(pages) + 1) // 2)
        for near in edges:
            drop.update(i for i in near if edge[_key(out[i])] >= least and _furniture(out[i]))
        page_numbers = any(_PAGE_WORDS.match(_key(out[i])) for i in drop)
        for page in pages:
            filled = [i for i in page if out[i].strip() and i not in drop]
            if page_numbers and filled:
                out[filled[-1]] = _unglue(out[filled[-1]])
    else:
        counts = Counter(_key(line) for line in out if line.strip())
        pages_seen = [i for i, line in enumerate(out) if _PAGE_WORDS.match(_key(line))]
        near_page = {j for i in pages_seen for j in range(i - 3, i + 4)}
        beside: Counter[str] = Counter(_key(out[i]) for i in near_page if 0 <= i < len(out))
        for i, line in enumerate(out):
            key = _key(line)
            # Repeated, and next to a page number at least twice: the first page's copy too.
            if key and counts[key] >= 3 and beside[key] >= 2 and _furniture(line):
                drop.add(i)
        if pages_seen:
            # A page's last line, with a running header dropped just after it.
            for i, line in enumerate(out):
                if i not in drop and any(j in drop for j in range(i + 1, i + 5)):
                    out[i] = _unglue(line)
    return [Line(i + 1, "" if i in drop else line) for i, line in enumerate(out)]


_GLUED_PAGE = re.compile(
    r"^(?P<text>.*\S)(?P<space>\s?)(?:Page|PAGE|page) \d{1,3}(?: of \d{1,3})?\s*$"
)


def _unglue(line: str) -> str:
    """A page's last line with the footer's "Page 9" that ``pdftotext`` glued onto it taken
    off; when it was glued to half a word ("an ePage 9", from "e-" / "mail"), a soft hyphen
    marks the break, so the line re-joins with the next page as ``pdftotext`` joins a word
    broken at any other line ("email")."""
    match = _GLUED_PAGE.match(line)
    if match is None:
        return line
    text = match.group("text")
    if not match.group("space") and text[-1:].isalpha():
        return f"{text}\u00ad"
    return text


def _key(line: str) -> str:
    return _DIGITS.sub("#", " ".join(line.split()))


def _furniture(line: str) -> bool:
    """Short enough, and not a sentence, to be a running header or footer."""
    text = " ".join(line.split())
    return 0 < len(text) <= 100 and (
        _PAGE_WORDS.match(_key(text)) is not None or not _TERMINAL_END.search(text)
    )


def detect_layout(lines: Sequence[str]) -> Layout:
    """One paragraph per line when long lines nearly always end a sentence and some are
    longer than any printed line, when many are far longer than a printed line, or when a
    text without a blank line has its fuller lines all ending a sentence; printed lines
    otherwise."""
    stripped = [" ".join(line.split()) for line in lines]
    filled = [s for s in stripped if s and "\t" not in s]
    if not filled:
        return Layout.WRAPPED
    longest = max(len(s) for s in filled)
    # A text with no blank line at all whose fuller lines all end a sentence: a printed page
    # would break some of them mid-sentence.
    fuller = [s for s in filled if len(s) >= max(40, 0.6 * longest)]
    if (
        len(fuller) >= 3
        and _no_blank_lines(stripped)
        and sum(1 for s in fuller if not _TERMINAL_END.search(s)) <= 0.1 * len(fuller)
    ):
        return Layout.PARAGRAPHS
    long = [s for s in filled if len(s) >= 60]
    if len(long) < 3:
        return Layout.WRAPPED
    open_ended = sum(1 for s in long if not _TERMINAL_END.search(s))
    if open_ended <= 0.15 * len(long) and longest > 110:
        return Layout.PARAGRAPHS
    # Lines far longer than any printed line (items without closing punctuation aside).
    very_long = sum(1 for s in long if len(s) > 160)
    if very_long >= max(3, 0.25 * len(long)):
        return Layout.PARAGRAPHS
    return Layout.WRAPPED


def _no_blank_lines(lines: Sequence[str]) -> bool:
    """No blank line between the first and the last line with text."""
    filled = [i for i, s in enumerate(lines) if s]
    return bool(filled) and all(lines[i] for i in range(filled[0], filled[-1] + 1))
