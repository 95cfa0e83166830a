"""Reading one revision of a protocol in any published form, as clauses.

Three forms are read: this project's source Markdown (with or without front matter), plain
text as published (extracted from a PDF, with its numbering typed in the text and its debris),
and Word documents (numbering typed, or produced by Word's own list numbering). Plain text and
Word are first turned into this project's Markdown body format and then parsed by
``generator.sources.parse.parse_body``, so numbers, bullets, headings and ids come out exactly
as they do for the hand transcriptions.

PDF debris repaired here: lines broken mid-sentence (also across the blank line some PDFs put
after a paragraph's first line), private-use and other bullet glyphs, "o" and "•" sub-bullets,
bullets whose glyph was lost (a leading space), running URLs, page numbers and contents-page
lines.
"""

from __future__ import annotations

import io
import itertools
import re
import zipfile
from codecs import BOM_UTF16_BE, BOM_UTF16_LE
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from generator.core.decoding import WINDOWS_1252, decode_text
from generator.core.problems import Problem, Severity
from generator.core.types import Clause, Kind
from generator.sources.load import split_front_matter
from generator.sources.parse import NUMBER, parse_body


class SourceKind(StrEnum):
    """The form a revision was read from."""

    MARKDOWN = "markdown"
    """This project's source format, with or without front matter."""
    TEXT = "text"
    """Plain text as published, typically extracted from a PDF."""
    WORD = "word"
    """A Word document (.docx)."""


@dataclass(frozen=True)
class Revision:
    """One version of a protocol, read from a file."""

    path: str
    """The file, as the user named it."""
    kind: SourceKind
    """The form it was read from."""
    markdown: str
    """Its body in this project's Markdown format (converted, for text and Word)."""
    clauses: tuple[Clause, ...]
    """Every heading and clause, in document order; ``line`` is the line (for Word, the
    paragraph) of the original file where the clause starts."""

    @property
    def name(self) -> str:
        """The file's name without its directory."""
        return Path(self.path).name


# --- detecting the kind of a file -------------------------------------------------------

_ZIP_MAGIC = b"PK\x03\x04"
_MD_SUFFIXES = {".md", ".markdown"}
_TEXT_SUFFIXES = {".txt", ".text"}
_WORD_SUFFIXES = {".docx", ".docm"}


def detect_kind(path: str, data: bytes) -> tuple[SourceKind | None, str]:
    """The form of a file from its content first, then its extension: (kind, why not)."""
    suffix = Path(path).suffix.lower()
    if data.startswith(_ZIP_MAGIC):
        try:
            names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        except zipfile.BadZipFile:
            return None, "it looks like a zip archive but cannot be opened (damaged?)"
        if "word/document.xml" in names:
            return SourceKind.WORD, ""
        return None, "it is a zip archive but not a Word document (no word/document.xml)"
    if suffix in _WORD_SUFFIXES:
        return None, "it is named .docx but is not a Word document (not a zip archive)"
    if data.startswith((b"%PDF", b"\xd0\xcf\x11\xe0")):
        what = "a PDF" if data.startswith(b"%PDF") else "an old-style Word .doc file"
        return None, f"it is {what}; save it as .docx or extract its text to a .txt file"
    if b"\x00" in data[:4096] and not data.startswith((BOM_UTF16_LE, BOM_UTF16_BE)):
        return None, "it is a binary file, not text, Markdown or a Word document"
    head = data.lstrip(b"\xef\xbb\xbf")
    if head.startswith(b"---\n") or head.startswith(b"---\r\n") or suffix in _MD_SUFFIXES:
        return SourceKind.MARKDOWN, ""
    if suffix in _TEXT_SUFFIXES:
        return SourceKind.TEXT, ""
    text = head[:20000].decode("utf-8", errors="replace")
    if re.search(r"^#{1,3} \S", text, re.MULTILINE) and re.search(r"^- \S", text, re.MULTILINE):
        return SourceKind.MARKDOWN, ""
    if suffix == "" or suffix in {".asc", ".utf8"}:
        return SourceKind.TEXT, ""
    return None, (
        f"unknown kind of file '{suffix}': give a protocol as .md (this project's format), "
        ".txt (plain text as published) or .docx (Word)"
    )


# --- the I/O edge -----------------------------------------------------------------------


def read_any(path: Path) -> tuple[Revision | None, list[Problem]]:
    """Read a protocol revision from a .md, .txt or .docx file; problems name the file."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None, [Problem(str(path), 0, "no such file")]
    except IsADirectoryError:
        return None, [Problem(str(path), 0, "is a directory, not a protocol file")]
    except OSError as exc:
        return None, [Problem(str(path), 0, f"cannot read the file: {exc.strerror or exc}")]
    return read_revision(str(path), data)


def read_revision(path: str, data: bytes) -> tuple[Revision | None, list[Problem]]:
    """Bytes of a protocol revision to clauses (pure). Errors mean no revision."""
    kind, why = detect_kind(path, data)
    if kind is None:
        return None, [Problem(path, 0, f"cannot read this file: {why}")]
    problems: list[Problem] = []
    line_map: dict[int, int] = {}
    if kind is SourceKind.WORD:
        markdown, line_map, bad = word_to_markdown(path, data)
        problems += bad
        body, body_line = markdown, 1
    else:
        text, bad = decode_text(path, data, fallback=WINDOWS_1252)
        problems += bad
        if text is None:
            return None, problems
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if kind is SourceKind.MARKDOWN:
            if text.startswith("---\n"):
                _, body, body_line, bad = split_front_matter(path, text)
                problems += bad
            else:
                body, body_line = text, 1
            markdown = body
        else:
            markdown, line_map = text_to_markdown(text)
            body, body_line = markdown, 1
    if any(p.severity is Severity.ERROR for p in problems):
        return None, problems
    clauses, bad = parse_body(_slug(path), body, body_line, path)
    # A published text may repeat a number by mistake; the diff can still compare it.
    problems += [replace(p, severity=Severity.WARNING) for p in bad]
    if line_map:
        clauses = tuple(replace(c, line=line_map.get(c.line, c.line)) for c in clauses)
    if not any(c.kind is not Kind.HEADING for c in clauses):
        problems.append(
            Problem(
                path,
                0,
                f"no clauses found: read as {kind.value}, the file has no "
                "paragraphs, list items or table rows",
            )
        )
        return None, problems
    return Revision(path, kind, markdown, clauses), problems


def _slug(path: str) -> str:
    """An id prefix from a file name: lowercase letters, digits and single hyphens."""
    stem = re.sub(r"[^a-z0-9]+", "-", Path(path).stem.lower()).strip("-") or "revision"
    return stem if stem[0].isalpha() else f"r-{stem}"


# --- plain text to blocks ---------------------------------------------------------------

# A bullet glyph at the start of a line: private-use glyphs from Symbol/Wingdings fonts,
# typographic bullets, and "o", "-", "*" when a space follows them.
_GLYPH = re.compile(r"^(?P<glyph>[\ue000-\uf8ff•◦▪▫■□●○‣⁃∙·➢➤►✓✔]|[-–—*o+](?=\s))\s*(?P<rest>.*)$")
_DASH_GLYPHS = {"-", "–", "—", "*", "+"}
_EN_DASHES = {"–", "—"}
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_AUTOLINK = re.compile(r"<((?:https?://|mailto:|www\.)[^<>\s]+)>", re.IGNORECASE)
_URL_LINE = re.compile(r"^(?:<)?(?:https?://|www\.)\S+?(?:>)?$", re.IGNORECASE)
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?$", re.IGNORECASE)
_CONTENTS_LINE = re.compile(r"(?:\.{4,}|…{2,}|\t)\s*\d{1,3}$")
_CONTENTS_HEADING = re.compile(r"^#*\s*(?:table of )?contents$", re.IGNORECASE)
_LETTER_ITEM = re.compile(r"^(?:\(?[a-z]{1,3}\)|\([0-9]{1,2}\))\s")
_TERMINAL = re.compile(r"[.:;!?…](?:[\"'”’)\]*]*)$")
_EMPHASIS = re.compile(r"(?<![\w*])(\*{1,2})(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_WORD_RE = re.compile(r"\w+")

# Words a heading does not end with: a line ending with one was broken mid-sentence.
_CONTINUING_WORDS = (
    "a an and or nor but of to in on at by for with from as its their his her our your "
    "this that these those which who whom whose is are be been was were will shall should "
    "must may can not no if than then so into onto upon over under between within without "
    "about after before during through any all each every such other the via per"
)
_CONTINUING = frozenset(_CONTINUING_WORDS.split())


class BlockKind(StrEnum):
    """What a block of the imported text becomes in Markdown."""

    TITLE = "title"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    ITEM = "item"
    QUOTE = "quote"
    ROW = "row"


@dataclass
class _Segment:
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
    break ('cross-' + 'cutting' -> 'cross-cutting')."""
    out = ""
    for line in lines:
        line = " ".join(line.split())
        if not line:
            continue
        if out and _HYPHENATED.search(out) and line[:1].islower():
            out += line
        else:
            out = f"{out} {line}" if out else line
    return out


def text_to_markdown(text: str) -> tuple[str, dict[int, int]]:
    """Published plain text to this project's Markdown body format.

    Returns the Markdown and a map from each Markdown line to the original line it came from.
    """
    segments, width = _text_segments(text)
    blocks = structure(segments, width=width, joins=True)
    return blocks_to_markdown(blocks)


def _clean_lines(text: str) -> Iterator[tuple[int, str, str]]:
    """(line number, raw line, stripped line) with page furniture left out."""
    for number, raw in enumerate(text.split("\n"), start=1):
        raw = raw.replace("\u00a0", " ").replace("\u200b", "").rstrip(" \r\f\v")
        stripped = raw.strip(" ") if raw.strip() else ""
        stripped = _AUTOLINK.sub(r"\1", stripped)
        if stripped and (
            _URL_LINE.match(stripped)
            or _PAGE_NUMBER.match(stripped)
            or _CONTENTS_HEADING.match(stripped)
            or (_CONTENTS_LINE.search(stripped) and len(stripped) < 120)
        ):
            continue
        yield number, raw, stripped


def _text_segments(text: str) -> tuple[list[_Segment], int]:
    rows = list(_clean_lines(text))
    lengths = sorted(len(s) for _, _, s in rows if s)
    width = lengths[int(len(lengths) * 0.9)] if lengths else 80
    segments: list[_Segment] = []
    current: _Segment | None = None
    prev_blank = True
    for number, raw, stripped in rows:
        if not stripped:
            prev_blank = True
            current = None
            continue
        leading = raw[:1].isspace()
        # A line that starts with a space straight after a non-blank line starts a new page.
        page_break = leading and not prev_blank
        prev_text = current.lines[-1] if current else ""
        seg = _classify(number, stripped)
        seg.after_blank = prev_blank
        seg.leading_space = leading
        starts_new = (
            current is None
            or seg.label is not None
            or seg.heading > 0
            or seg.is_row
            or current.is_row
            or current.heading > 0
        )
        if not starts_new and seg.glyph in _EN_DASHES and not _TERMINAL.search(prev_text):
            # "... of a Councillor Body" / "– when the response ...": a dash, not a bullet.
            seg = _Segment(number, [stripped])
        if (
            not starts_new
            and seg.glyph is None
            and _LETTER_ITEM.match(stripped)
            and _TERMINAL.search(prev_text)
        ):
            starts_new = True
        if not starts_new and seg.glyph is not None:
            # A glyph repeated on a new page in the middle of a wrapped bullet.
            starts_new = not (
                page_break and not _TERMINAL.search(prev_text) and len(prev_text) >= 0.6 * width
            )
            if not starts_new:
                seg = _Segment(number, [seg.text])
        if not starts_new and page_break and _TERMINAL.search(prev_text):
            starts_new = True
        if starts_new or current is None:
            segments.append(seg)
            current = seg
        else:
            current.lines.append(seg.text if seg.glyph is None else stripped)
        prev_blank = False
    return segments, width


def _classify(number: int, stripped: str) -> _Segment:
    md = _MD_HEADING.match(stripped)
    if md:
        return _Segment(number, [md.group(2)], heading=len(md.group(1)))
    if "\t" in stripped:
        cells = tuple(c.strip() for c in stripped.split("\t"))
        return _Segment(number, [stripped.replace("\t", " ")], cells=cells)
    glyph = _GLYPH.match(stripped)
    if glyph and glyph.group("rest"):
        rest = glyph.group("rest")
        numbered = NUMBER.match(rest)
        if numbered and glyph.group("glyph") in _DASH_GLYPHS:
            # "- 3.3 Councillors have": a dash before a printed number is export debris.
            return _Segment(number, [rest[numbered.end() :]], label=numbered.group(1))
        return _Segment(number, [rest], glyph=glyph.group("glyph"))
    numbered = NUMBER.match(stripped)
    if numbered:
        return _Segment(number, [stripped[numbered.end() :]], label=numbered.group(1))
    return _Segment(number, [stripped])


# --- blocks: headings, joins, lists, quotes ---------------------------------------------


def _strip_emphasis(text: str) -> str:
    return _EMPHASIS.sub(r"\2", text)


def _heading_shaped(text: str, width: int | None, line_length: int) -> bool:
    """Short, no closing punctuation, not ending in a word that continues a sentence."""
    text = _strip_emphasis(text).strip()
    words = _WORD_RE.findall(text)
    if not words or len(words) > 12 or _TERMINAL.search(text) or text.endswith(","):
        return False
    if width is not None and line_length >= 0.75 * width:
        return False
    if _LETTER_ITEM.match(text):
        return False
    first = text.lstrip("\"'“‘([")[:1]
    return (first.isupper() or first.isdigit()) and words[-1].lower() not in _CONTINUING


def _heading_level_from_label(label: str) -> int:
    depth = len([p for p in label.split(".") if p])
    return min(depth + 1, 6)


def structure(segments: Sequence[_Segment], width: int | None, joins: bool) -> list[Block]:
    """Decide what each segment is: title, heading, paragraph, list item, quote or table row.

    ``joins`` re-joins a paragraph broken across a blank line (PDF text); Word paragraphs are
    already whole.
    """
    merged = _join(segments, width) if joins else [(s, False) for s in segments]
    has_glyphs = any(s.glyph is not None for s, _ in merged)
    # A document that marks its headings (Word heading styles, '#' lines) is taken at its word.
    marked = any(s.heading > 1 for s, _ in merged)
    numbered_headings = set() if marked else _numbered_headings(merged, width)
    blocks: list[Block] = []
    glyphs: list[str] = []
    last_anchor_level = 0
    upper_and_mixed = _upper_and_mixed(merged, width, numbered_headings)
    for index, (seg, joined) in enumerate(merged):
        text = _strip_emphasis(seg.text)
        if seg.is_row:
            header = index == 0 or not merged[index - 1][0].is_row
            blocks.append(Block(BlockKind.ROW, text, seg.line, cells=seg.cells, header=header))
            glyphs = []
            continue
        glyph = seg.glyph
        if (
            glyph is None
            and not has_glyphs
            and seg.leading_space
            and seg.after_blank
            and seg.label is None
            and index > 0
        ):
            glyph = "space"  # a bullet whose glyph the PDF extraction lost
        if glyph is not None:
            level = seg.level or _glyph_level(glyphs, glyph)
            blocks.append(Block(BlockKind.ITEM, text, seg.line, level=level))
            continue
        glyphs = []
        single = len(seg.lines) == 1 and not joined
        if (
            index == 0
            and seg.label is None
            and (seg.heading or single)
            and len(_WORD_RE.findall(text)) <= 15
        ):
            blocks.append(Block(BlockKind.TITLE, text, seg.line, level=1))
            continue
        if seg.heading:
            level = seg.heading
            if seg.label is None and level > 1 and not numbered_headings:
                level = max(2, level)
            blocks.append(Block(BlockKind.HEADING, text, seg.line, seg.label, level))
            last_anchor_level = level if seg.label else last_anchor_level
            continue
        if seg.label is not None and index in numbered_headings:
            level = _heading_level_from_label(seg.label)
            blocks.append(Block(BlockKind.HEADING, text, seg.line, seg.label, level))
            last_anchor_level = level
            continue
        if (
            seg.label is None
            and single
            and _heading_shaped(text, width, len(seg.lines[0]))
            and (last_anchor_level or not numbered_headings)
            and index > 0
            and not marked
        ):
            if re.match(r"^(appendix|annex|annexe|schedule)\b", text, re.IGNORECASE) or re.match(
                r"^\d{1,2}\s+\S", text
            ):
                # "Appendix 1", or a section heading numbered without a dot ("7 Correspondence")
                level = 2
                last_anchor_level = 2
            elif numbered_headings:
                level = min(last_anchor_level + 1, 4)
            else:
                level = 3 if upper_and_mixed and not text.isupper() else 2
            blocks.append(Block(BlockKind.HEADING, text, seg.line, None, level))
            continue
        kind = BlockKind.QUOTE if seg.quote and seg.label is None else BlockKind.PARAGRAPH
        blocks.append(Block(kind, text, seg.line, seg.label))
    return _quotes(blocks)


def _continues(seg: _Segment) -> bool:
    """Whether a segment after a blank line may be the rest of the paragraph before it."""
    return (
        seg.after_blank
        and seg.label is None
        and seg.glyph is None
        and not seg.heading
        and not seg.is_row
        and not seg.leading_space
        and not _LETTER_ITEM.match(seg.text)
    )


def _single_shaped(seg: _Segment, width: int | None) -> bool:
    return len(seg.lines) == 1 and _heading_shaped(seg.text, width, len(seg.lines[0]))


def _first_line_pattern(segments: Sequence[_Segment], width: int | None) -> bool:
    """Whether this PDF puts a blank line after the first line of numbered paragraphs.

    Then a full first line is continued after the blank even when it happens to end a
    sentence ('... should not be taken lightly.' / 'It is damaging ...').
    """
    seen = hits = 0
    for seg, nxt in itertools.pairwise(segments):
        if seg.label is None or len(seg.lines) != 1 or not _continues(nxt):
            continue
        seen += 1
        if nxt.text[:1].islower() or not _TERMINAL.search(seg.lines[-1]):
            hits += 1
    return seen >= 3 and hits >= 0.6 * seen


def _join(segments: Sequence[_Segment], width: int | None) -> list[tuple[_Segment, bool]]:
    """Re-join paragraphs that a blank line split mid-sentence."""
    first_lines = width is not None and _first_line_pattern(segments, width)
    out: list[tuple[_Segment, bool]] = []
    for seg in segments:
        if out and _continues(seg):
            prev, joined = out[-1]
            last = prev.lines[-1]
            lower = seg.text[:1].islower()
            if prev.heading or prev.is_row:
                ok = False
            elif (
                first_lines
                and prev.label is not None
                and not joined
                and len(prev.lines) == 1
                and width is not None
                and len(prev.label) + 1 + len(last) >= 0.8 * width
            ):
                ok = True
            elif _TERMINAL.search(last):
                ok = False
            elif lower:
                ok = True
            else:
                full = width is None or len(last) >= 0.6 * width
                ok = full and not _single_shaped(prev, width) and not _single_shaped(seg, width)
            if ok:
                out[-1] = (replace(prev, lines=[*prev.lines, *seg.lines]), True)
                continue
        out.append((seg, False))
    return out


def _numbered_headings(merged: Sequence[tuple[_Segment, bool]], width: int | None) -> set[int]:
    found: set[int] = set()
    for index, (seg, joined) in enumerate(merged):
        if seg.label is None or seg.glyph is not None or seg.is_row or joined:
            continue
        if len(seg.lines) != 1 or not seg.text:
            continue
        if _heading_shaped(seg.text, width, len(seg.label) + 1 + len(seg.lines[0])):
            found.add(index)
    return found


def _upper_and_mixed(
    merged: Sequence[tuple[_Segment, bool]], width: int | None, numbered: set[int]
) -> bool:
    """Whether unnumbered headings come in two styles: CAPITALS above Mixed case."""
    if numbered:
        return False
    shapes = {
        seg.text.isupper()
        for seg, joined in merged[1:]
        if seg.label is None
        and seg.glyph is None
        and not joined
        and len(seg.lines) == 1
        and _heading_shaped(seg.text, width, len(seg.lines[0]))
    }
    return shapes == {True, False}


def _glyph_level(glyphs: list[str], glyph: str) -> int:
    """Nesting from the order glyphs appear in a list: a new glyph goes one level deeper."""
    if glyph in glyphs:
        del glyphs[glyphs.index(glyph) + 1 :]
    else:
        glyphs.append(glyph)
    return min(len(glyphs), 3)


_OPEN_QUOTE = ('"', "“")
_CLOSE_QUOTE = re.compile(r"[\"”][.,;:)]*$")


def _quotes(blocks: list[Block]) -> list[Block]:
    """A run of unnumbered paragraphs from an opening to a closing quotation mark is a quote."""
    out = list(blocks)
    i = 0
    while i < len(out):
        b = out[i]
        if b.kind is BlockKind.PARAGRAPH and b.label is None and b.text.startswith(_OPEN_QUOTE):
            end = None
            for j in range(i, min(i + 12, len(out))):
                c = out[j]
                if c.kind is not BlockKind.PARAGRAPH or c.label is not None:
                    break
                inner = c.text[1:] if j == i else c.text
                if _CLOSE_QUOTE.search(inner) and not (
                    j == i
                    and inner.count('"') + inner.count("”") > 1
                    and not _CLOSE_QUOTE.search(inner)
                ):
                    end = j
                    break
            if end is not None and (end > i or _whole_quote(b.text)):
                for j in range(i, end + 1):
                    out[j] = replace(out[j], kind=BlockKind.QUOTE)
                i = end + 1
                continue
        i += 1
    return out


def _whole_quote(text: str) -> bool:
    """A single paragraph that is all one quotation, not one that opens with a quoted term."""
    inner = text[1:]
    return not re.search(r"[\"”]", inner[:-3])


# --- blocks to Markdown -----------------------------------------------------------------

_ESCAPE = re.compile(r"([\\`*_\[\]<>&|~#{}])")
_LINE_START = re.compile(r"^([-+=>])")
_LIST_START = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")


def md_text(text: str) -> str:
    """Escape a block's text so Markdown reads every character as itself."""
    out = _ESCAPE.sub(r"\\\1", " ".join(text.split()))
    out = _LINE_START.sub(r"\\\1", out)
    return _LIST_START.sub(r"\1\\\2", out)


def blocks_to_markdown(blocks: Sequence[Block]) -> tuple[str, dict[int, int]]:
    """Markdown text and a map from its lines to the original lines."""
    lines: list[str] = []
    origin: dict[int, int] = {}

    def emit(text: str, source: int) -> None:
        origin[len(lines) + 1] = source
        lines.append(text)

    previous: Block | None = None
    for b in blocks:
        tight = previous is not None and (
            (b.kind is BlockKind.ITEM and previous.kind is BlockKind.ITEM)
            or (b.kind is BlockKind.ROW and previous.kind is BlockKind.ROW and not b.header)
        )
        if previous is not None and not tight:
            if b.kind is BlockKind.QUOTE and previous.kind is BlockKind.QUOTE:
                lines.append(">")
            else:
                lines.append("")
        label = f"{b.label} " if b.label else ""
        if b.kind in (BlockKind.TITLE, BlockKind.HEADING):
            emit(f"{'#' * b.level} {md_text(label + b.text)}", b.line)
        elif b.kind is BlockKind.ITEM:
            emit(f"{'  ' * (b.level - 1)}- {md_text(b.text)}", b.line)
        elif b.kind is BlockKind.QUOTE:
            emit(f"> {md_text(b.text)}", b.line)
        elif b.kind is BlockKind.ROW:
            emit("| " + " | ".join(md_text(c) for c in b.cells) + " |", b.line)
            if b.header:
                lines.append("|" + "---|" * len(b.cells))
        else:
            emit(md_text(label + b.text), b.line)
        previous = b
    return "\n".join(lines) + "\n", origin


# --- Word documents ---------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def word_to_markdown(path: str, data: bytes) -> tuple[str, dict[int, int], list[Problem]]:
    """A Word document to this project's Markdown body format.

    Numbers produced by Word's list numbering are computed from numbering.xml and printed
    as Word prints them ('1.', '1.1', '1.1.1'); bullets become list items at their level.
    """
    import docx  # python-docx: imported here so plain-text imports do not need it
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document: Any = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        return "", {}, [Problem(path, 0, f"cannot open the Word document: {exc}")]
    numbering = _Numbering.of(document)
    styles = _StyleInfo.of(document)
    segments: list[_Segment] = []
    count = 0
    for element in document.element.body.iterchildren():
        if element.tag == f"{_W}p":
            count += 1
            seg = _word_paragraph(element, count, numbering, styles)
            if seg is not None:
                segments.append(seg)
        elif element.tag == f"{_W}tbl":
            for row in element.iter(f"{_W}tr"):
                count += 1
                cells = tuple(
                    " ".join(_element_text(tc).split()) for tc in row.iterchildren(f"{_W}tc")
                )
                if any(cells):
                    segments.append(_Segment(count, [" ".join(cells)], cells=cells))
    if not segments:
        return "", {}, []
    markdown, origin = blocks_to_markdown(structure(segments, width=None, joins=False))
    return markdown, origin, []


def _element_text(element: Any) -> str:
    parts: list[str] = []
    for node in element.iter():
        tag = node.tag
        if tag == f"{_W}t" and node.text:
            parts.append(node.text)
        elif tag in (f"{_W}tab", f"{_W}br", f"{_W}cr") or (tag == f"{_W}p" and parts):
            parts.append(" ")
    return "".join(parts)


def _val(element: Any, child: str) -> str | None:
    if element is None:
        return None
    found = element.find(f"{_W}{child}")
    if found is None:
        return None
    value = found.get(f"{_W}val")
    return str(value) if value is not None else None


@dataclass(frozen=True)
class _StyleInfo:
    """What a paragraph style says: heading level and list numbering, following basedOn."""

    heading: dict[str, int]
    numbering: dict[str, tuple[str, int]]
    quotes: frozenset[str] = frozenset()
    list_levels: dict[str, int] = field(default_factory=dict)
    """Nesting implied by a style's name: 'List Bullet 2' is a second-level bullet."""

    @staticmethod
    def of(document: Any) -> _StyleInfo:
        heading: dict[str, int] = {}
        numbering: dict[str, tuple[str, int]] = {}
        quotes: set[str] = set()
        list_levels: dict[str, int] = {}
        raw: dict[str, Any] = {}
        for style in document.styles.element.iterchildren(f"{_W}style"):
            sid = style.get(f"{_W}styleId")
            if sid:
                raw[str(sid)] = style
        for sid, style in raw.items():
            name = (_val(style, "name") or "").lower()
            chain, seen = style, set()
            while chain is not None and id(chain) not in seen:
                seen.add(id(chain))
                ppr = chain.find(f"{_W}pPr")
                num = ppr.find(f"{_W}numPr") if ppr is not None else None
                if num is not None and sid not in numbering:
                    num_id = _val(num, "numId")
                    if num_id is not None:
                        numbering[sid] = (num_id, int(_val(num, "ilvl") or 0))
                based = _val(chain, "basedOn")
                chain = raw.get(based) if based else None
            m = re.match(r"^heading (\d)$", name)
            if name in ("quote", "intense quote", "block text"):
                quotes.add(sid)
            listed = re.match(r"^list (?:bullet|number)(?: (\d))?$", name)
            if listed:
                list_levels[sid] = int(listed.group(1) or 1)
            if name == "title":
                heading[sid] = 1
            elif m:
                heading[sid] = min(int(m.group(1)) + 1, 6)
        return _StyleInfo(heading, numbering, frozenset(quotes), list_levels)


@dataclass(frozen=True)
class _Level:
    start: int
    fmt: str
    text: str
    legal: bool


_BULLET_FORMATS = {"bullet"}


@dataclass
class _Numbering:
    """Word list numbering: level definitions and running counters per list."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)
    """By numId: the definition of each level (abstractNum with the num's overrides)."""
    counter_key: dict[str, str] = field(default_factory=dict)
    """By numId: whose counters it uses (the abstractNum, unless the num restarts it)."""
    counters: dict[str, list[int | None]] = field(default_factory=dict)

    @staticmethod
    def of(document: Any) -> _Numbering:
        out = _Numbering()
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return out
        abstract: dict[str, dict[int, _Level]] = {}
        for node in root.iterchildren(f"{_W}abstractNum"):
            aid = str(node.get(f"{_W}abstractNumId"))
            abstract[aid] = {
                int(lvl.get(f"{_W}ilvl") or 0): _read_level(lvl)
                for lvl in node.iterchildren(f"{_W}lvl")
            }
        for node in root.iterchildren(f"{_W}num"):
            nid = str(node.get(f"{_W}numId"))
            aid = _val(node, "abstractNumId") or ""
            levels = dict(abstract.get(aid, {}))
            restarted = False
            for override in node.iterchildren(f"{_W}lvlOverride"):
                ilvl = int(override.get(f"{_W}ilvl") or 0)
                lvl = override.find(f"{_W}lvl")
                if lvl is not None:
                    levels[ilvl] = _read_level(lvl)
                    restarted = True
                start = _val(override, "startOverride")
                if start is not None and ilvl in levels:
                    levels[ilvl] = replace(levels[ilvl], start=int(start))
                    restarted = True
            out.levels[nid] = levels
            out.counter_key[nid] = f"num:{nid}" if restarted else f"abstract:{aid}"
        return out

    def label(self, num_id: str, ilvl: int) -> tuple[str, str] | None:
        """Advance the list and return (format of this level, printed label)."""
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return None
        key = self.counter_key[num_id]
        counts = self.counters.setdefault(key, [None] * 9)
        level = levels[ilvl]
        current = counts[ilvl]
        counts[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = None
        if level.fmt in _BULLET_FORMATS:
            return level.fmt, level.text

        def number(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            lv = levels.get(k, _Level(1, "decimal", "", False))
            value = counts[k] if counts[k] is not None else lv.start
            fmt = "decimal" if level.legal else lv.fmt
            return _format_number(value or 0, fmt)

        return level.fmt, re.sub(r"%(\d)", number, level.text)


def _read_level(lvl: Any) -> _Level:
    start = _val(lvl, "start")
    return _Level(
        start=int(start) if start is not None else 0,
        fmt=_val(lvl, "numFmt") or "decimal",
        text=_val(lvl, "lvlText") or "",
        legal=lvl.find(f"{_W}isLgl") is not None,
    )


def _format_number(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = ""
        n = value
        while n > 0:
            n, r = divmod(n - 1, 26)
            letters = chr(ord("a") + r) + letters
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman.lower() if fmt == "lowerRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "none":
        return ""
    return str(value)


def _roman(value: int) -> str:
    out = ""
    for number, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while value >= number:
            out += letters
            value -= number
    return out


def _word_paragraph(
    element: Any, count: int, numbering: _Numbering, styles: _StyleInfo
) -> _Segment | None:
    text = " ".join(_element_text(element).split())
    ppr = element.find(f"{_W}pPr")
    style = _val(ppr, "pStyle") or ""
    num = ppr.find(f"{_W}numPr") if ppr is not None else None
    num_ref: tuple[str, int] | None = None
    if num is not None:
        num_id = _val(num, "numId")
        if num_id is not None:
            ilvl = _val(num, "ilvl")
            if ilvl is None and style in styles.numbering:
                ilvl = str(styles.numbering[style][1])
            num_ref = (num_id, int(ilvl or 0))
    elif style in styles.numbering:
        num_ref = styles.numbering[style]
    if not text:
        return None
    heading = styles.heading.get(style, 0)
    if num_ref is not None and num_ref[0] != "0":
        made = numbering.label(*num_ref)
        if made is not None:
            fmt, label = made
            if fmt in _BULLET_FORMATS:
                level = max(num_ref[1] + 1, styles.list_levels.get(style, 1))
                return _Segment(count, [text], glyph="•", level=min(level, 3))
            label = label.strip()
            if label and NUMBER.match(label + " "):
                return _Segment(count, [text], label=label, heading=heading)
            if label:
                text = f"{label} {text}"
    seg = _classify(count, text)
    seg.heading = heading or seg.heading
    seg.quote = style in styles.quotes
    return seg
