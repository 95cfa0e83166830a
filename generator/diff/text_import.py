"""Plain text (and Word files of printed lines) to this project's Markdown body format:
page furniture removed, the layout told (one paragraph per line, or printed lines), lines
cut into segments and re-joined into paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from generator.diff.blocks import (
    blocks_to_markdown,
    structure,
)
from generator.diff.segments import (
    AUTOLINK,
    CONTENTS_HEADING,
    CONTENTS_LINE,
    EN_DASHES,
    LETTER_ITEM,
    PAGE_NUMBER,
    REFERRING,
    TERMINAL,
    URL_LINE,
    WORD_RE,
    Segment,
    classify_line,
    heading_shaped,
)
from generator.diff.text_layout import Layout, Line, detect_layout, remove_furniture
from generator.sources.parse import NUMBER


def text_to_markdown(text: str) -> tuple[str, dict[int, int]]:
    """Published plain text to this project's Markdown body format.

    Returns the Markdown and a map from each Markdown line to the original line it came from.
    """
    return lines_to_markdown(text.split("\n"))


def lines_to_markdown(lines: Sequence[str], first: int = 1) -> tuple[str, dict[int, int]]:
    """Lines of a plain text (or a Word document's paragraphs, one printed line each) to
    Markdown, and a map from Markdown lines to the original lines (numbered from ``first``)."""
    kept = remove_furniture(lines)
    layout = detect_layout([line.text for line in kept])
    if layout is Layout.PARAGRAPHS:
        segments = _paragraph_segments(kept)
        blocks = structure(segments, width=None, joins=True)
    else:
        segments, width = _text_segments(kept)
        blocks = structure(segments, width=width, joins=True)
    markdown, origin = blocks_to_markdown(blocks)
    return markdown, {k: v + first - 1 for k, v in origin.items()}


def _clean_lines(lines: Sequence[Line], urls: bool = True) -> Iterator[tuple[int, str, str]]:
    """(line number, raw line, stripped line) with page furniture left out; ``urls``: a
    line that is only a web address is furniture too (a PDF's running footer)."""
    for line in lines:
        raw = line.text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
        raw = raw.rstrip(" \r\f\v")
        stripped = raw.strip(" ") if raw.strip() else ""
        stripped = AUTOLINK.sub(r"\1", stripped)
        if stripped and (
            (urls and URL_LINE.match(stripped))
            or PAGE_NUMBER.match(stripped)
            or CONTENTS_HEADING.match(stripped)
            or (CONTENTS_LINE.search(stripped) and len(stripped) < 120)
        ):
            stripped = ""
        yield line.number, raw, stripped


def _paragraph_segments(lines: Sequence[Line]) -> list[Segment]:
    """One paragraph per line: every line is a segment of its own."""
    segments: list[Segment] = []
    blank = True
    for number, raw, stripped in _clean_lines(lines, urls=False):
        if not stripped:
            blank = True
            continue
        seg = classify_line(number, stripped)
        # Only a line after a blank may continue the paragraph before (a PDF's stray break).
        seg.after_blank = blank
        seg.leading_space = raw[:1].isspace()
        segments.append(seg)
        blank = False
    return segments


_GLYPH_ONLY = re.compile(r"^[\ue000-\uf8ff•◦▪▫■□●○‣⁃∙·➢➤►✓✔o\-–*]$")


def _lines_left(rows: Sequence[tuple[int, str, str]]) -> list[int]:
    """For each line, how many lines of text there are from it to the next glyph-only line,
    numbered line or Markdown heading (the rest of a list printed apart from its glyphs)."""
    out = [0] * len(rows)
    left = 0
    for index in range(len(rows) - 1, -1, -1):
        stripped = rows[index][2]
        if stripped and (
            _GLYPH_ONLY.match(stripped) or NUMBER.match(stripped) or stripped.startswith("#")
        ):
            left = 0
        elif stripped:
            left += 1
        out[index] = left
    return out


def _text_segments(lines: Sequence[Line]) -> tuple[list[Segment], int]:
    rows = list(_clean_lines(lines))
    lengths = sorted(len(s) for _, _, s in rows if s and not _GLYPH_ONLY.match(s))
    width = lengths[int(len(lengths) * 0.95)] if lengths else 80
    segments: list[Segment] = []
    current: Segment | None = None
    prev_blank = True
    # pdftotext (without -layout) prints a list's bullet glyphs in a column of their own,
    # before the items' text: each glyph-only line starts one of the items that follow.
    pending: list[str] = []
    remaining = _lines_left(rows)
    for index, (number, raw, stripped) in enumerate(rows):
        if not stripped:
            prev_blank = True
            continue
        if _GLYPH_ONLY.match(stripped):
            pending.append(stripped)
            prev_blank = True
            continue
        leading = raw[:1].isspace()
        # A line that starts with a space straight after a non-blank line starts a new page.
        page_break = leading and not prev_blank
        prev_text = current.lines[-1] if current else ""
        seg = classify_line(number, stripped)
        if (
            seg.label is not None
            and re.fullmatch(r"\d{3,}\.", seg.label)
            and int(seg.label[:-1]) >= 300
            and prev_text
            and not TERMINAL.search(prev_text)
            and not prev_blank
        ):
            # "... Localism Act" / "2011.": a year wrapped to the start of a line.
            seg = Segment(number, [stripped])
        if (
            seg.label is not None
            and not prev_blank
            and prev_text
            and WORD_RE.findall(prev_text)
            and WORD_RE.findall(prev_text)[-1].lower() in REFERRING
            and not TERMINAL.search(prev_text)
            and len(prev_text) >= 0.6 * width
        ):
            # "(see paragraphs" / "5.7 and 9.3.5).": a cross-reference wrapped to a new line.
            seg = Segment(number, [stripped])
        if pending and seg.glyph is None and seg.label is None and not seg.is_row:
            # A wrapped item goes on: after a line that is long and does not end a sentence,
            # lower case, or (the line being nearly full) a capital ("... Councillors and" /
            # "Officers;").
            # But a list with as many glyphs left as lines left has one item a line.
            continues_item = (
                current is not None
                and current.glyph is not None
                and remaining[index] > len(pending)
                and not TERMINAL.search(prev_text)
                and len(prev_text) >= 0.6 * width
                and (stripped[:1].islower() or len(prev_text) >= 0.8 * width)
            )
            if not continues_item:
                seg.glyph = pending.pop(0)
        elif seg.label is not None or seg.heading:
            pending = []
        seg.after_blank = prev_blank
        seg.leading_space = leading
        starts_new = (
            current is None
            or seg.label is not None
            or seg.heading > 0
            or seg.is_row
            or current.is_row
            or current.heading > 0
            or prev_blank
        )
        if not starts_new and seg.glyph in EN_DASHES and not TERMINAL.search(prev_text):
            # "... of a Councillor Body" / "– when the response ...": a dash, not a bullet.
            seg = Segment(number, [stripped])
        if (
            not starts_new
            and seg.glyph is None
            and LETTER_ITEM.match(stripped)
            and TERMINAL.search(prev_text)
        ):
            starts_new = True
        if not starts_new and seg.glyph is not None:
            # A glyph repeated on a new page in the middle of a wrapped bullet.
            starts_new = not (
                page_break and not TERMINAL.search(prev_text) and len(prev_text) >= 0.6 * width
            )
            if not starts_new:
                seg = Segment(number, [seg.text])
        if not starts_new and page_break and TERMINAL.search(prev_text):
            starts_new = True
        if (
            not starts_new
            and current is not None
            and len(current.lines) == 1
            and len(prev_text) < 0.6 * width
            and heading_shaped(prev_text, None, len(prev_text))
            and stripped[:1].isupper()
            and not (prev_text.isupper() and stripped.isupper())
        ):
            # "1.1 Content" / "This Protocol has been ...": a short heading line, then text.
            starts_new = True
            seg.after_blank = True
        if (
            not starts_new
            and TERMINAL.search(prev_text)
            and len(prev_text) + 1 + len(stripped.split()[0]) <= width
            and stripped[:1].isupper()
        ):
            # A sentence ends the line though the next word would have fitted on it: the
            # paragraph ended there, blank line or not.
            starts_new = True
            seg.after_blank = True
        if starts_new or current is None:
            segments.append(seg)
            current = seg
        else:
            current.lines.append(seg.text if seg.glyph is None else stripped)
        prev_blank = False
    return segments, width
