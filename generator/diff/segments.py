"""Lines of an imported text cut into segments: what each line is (a numbered clause, a
bullet, a heading, a table row) before blocks are decided. Shared by plain text and Word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from generator.sources.parse import NUMBER

# --- plain text to blocks ---------------------------------------------------------------

# A bullet glyph at the start of a line: private-use glyphs from Symbol/Wingdings fonts,
# typographic bullets, and "o", "-", "*" when a space follows them.
_GLYPH = re.compile(r"^(?P<glyph>[\ue000-\uf8ff•◦▪▫■□●○‣⁃∙·➢➤►✓✔]|[-–—*o+](?=\s))\s*(?P<rest>.*)$")
_DASH_GLYPHS = {"-", "–", "—", "*", "+"}
EN_DASHES = {"–", "—"}
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
AUTOLINK = re.compile(r"<((?:https?://|mailto:|www\.)[^<>\s]+)>", re.IGNORECASE)
URL_LINE = re.compile(r"^(?:<)?(?:https?://|www\.)\S+?(?:>)?$", re.IGNORECASE)
PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?$", re.IGNORECASE)
CONTENTS_LINE = re.compile(r"(?:\.{4,}|…{2,}|\t)\s*\d{1,3}$")
CONTENTS_HEADING = re.compile(r"^#*\s*(?:table of )?contents$", re.IGNORECASE)
LETTER_ITEM = re.compile(r"^(?:\(?[a-z]{1,3}\)|\(?[0-9]{1,2}\)|(?:[a-z]|[ivx]{1,5})\.)\s")
TERMINAL = re.compile(r"[.:;!?…](?:[\"'”’)\]*]*)$")
_EMPHASIS = re.compile(r"(?<![\w*])(\*{1,2})(?=\S)(.+?)(?<=\S)\1(?![\w*])")
WORD_RE = re.compile(r"\w+")

# Words a heading does not end with: a line ending with one was broken mid-sentence.
_CONTINUING_WORDS = (
    "a an and or nor but of to in on at by for with from as its their his her our your "
    "this that these those which who whom whose is are be been was were will shall should "
    "must may can not no if than then so into onto upon over under between within without "
    "about after before during through any all each every such other the via per"
)
_CONTINUING = frozenset(_CONTINUING_WORDS.split())
# Words after which a number at the start of the next line is a reference, not a clause.
REFERRING = frozenset(
    [
        "paragraph",
        "paragraphs",
        "para",
        "paras",
        "section",
        "sections",
        "clause",
        "clauses",
        "see",
        "rule",
        "rules",
        "part",
        "parts",
        "appendix",
        "annex",
        "and",
        "or",
        "to",
        "of",
        "in",
        "under",
        "at",
    ]
)


class BlockKind(StrEnum):
    """What a block of the imported text becomes in Markdown."""

    TITLE = "title"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    ITEM = "item"
    QUOTE = "quote"
    ROW = "row"


@dataclass
class Segment:
    """Lines of the original that belong together, before headings and joins are decided."""

    line: int
    """1-based line (for Word, paragraph) of the original where the segment starts."""
    lines: list[str]
    label: str | None = None
    """A printed clause number at its start ('3.5', 'I.1.'), without the text."""
    glyph: str | None = None
    """The bullet glyph it started with; 'space' for a bullet whose glyph was lost."""
    level: int = 0
    """A known list level (Word numbering) or Markdown heading level (``#`` lines)."""
    heading: int = 0
    """A heading level known from the source (Word styles, ``#`` lines); 0 when unknown."""
    cells: tuple[str, ...] = ()
    """For a table row, its cells."""
    after_blank: bool = True
    """Whether a blank line (or the start of the document) comes before it."""
    leading_space: bool = False
    quote: bool = False
    """Known to be a quotation (a Word 'Quote' style)."""

    @property
    def text(self) -> str:
        return join_lines(self.lines)

    @property
    def is_row(self) -> bool:
        return bool(self.cells)


@dataclass(frozen=True)
class Block:
    """One Markdown block of an imported text."""

    kind: BlockKind
    text: str
    line: int
    label: str | None = None
    level: int = 0
    cells: tuple[str, ...] = ()
    header: bool = False


_HYPHENATED = re.compile(r"(?<=[^\W\d_])-$")


def join_lines(lines: Sequence[str]) -> str:
    """Re-join lines broken mid-sentence: one space, or none after a word hyphenated at the
    break ('cross-' + 'cutting' -> 'cross-cutting', 'Councillor-' + 'Officer' ->
    'Councillor-Officer')."""
    out = ""
    for line in lines:
        line = " ".join(line.split())
        if not line:
            continue
        if out.endswith("\u00ad"):  # a soft hyphen: the word goes on, no hyphen shown
            out = out[:-1] + line
        elif out and _HYPHENATED.search(out) and line[:1].isalpha():
            out += line
        else:
            out = f"{out} {line}" if out else line
    return out


def classify_line(number: int, stripped: str) -> Segment:
    md = _MD_HEADING.match(stripped)
    if md:
        return Segment(number, [md.group(2)], heading=len(md.group(1)))
    if "\t" in stripped:
        cells = tuple(c.strip() for c in stripped.split("\t"))
        return Segment(number, [stripped.replace("\t", " ")], cells=cells)
    glyph = _GLYPH.match(stripped)
    if glyph and glyph.group("rest"):
        rest = glyph.group("rest")
        numbered = NUMBER.match(rest)
        if numbered and glyph.group("glyph") in _DASH_GLYPHS:
            # "- 3.3 Councillors have": a dash before a printed number is export debris.
            return Segment(number, [rest[numbered.end() :]], label=numbered.group(1))
        return Segment(number, [rest], glyph=glyph.group("glyph"))
    numbered = NUMBER.match(stripped)
    if numbered:
        return Segment(number, [stripped[numbered.end() :]], label=numbered.group(1))
    return Segment(number, [stripped])


# --- blocks: headings, joins, lists, quotes ---------------------------------------------


def strip_emphasis(text: str) -> str:
    return _EMPHASIS.sub(r"\2", text)


def heading_shaped(text: str, width: int | None, line_length: int) -> bool:
    """Short, no closing punctuation, not ending in a word that continues a sentence."""
    text = strip_emphasis(text).strip()
    words = WORD_RE.findall(text)
    if not words or len(words) > 12 or TERMINAL.search(text) or text.endswith(","):
        return False
    if width is not None and line_length >= 0.75 * width:
        return False
    if LETTER_ITEM.match(text):
        return False
    first = text.lstrip("\"'“‘([")[:1]
    return (first.isupper() or first.isdigit()) and words[-1].lower() not in _CONTINUING
