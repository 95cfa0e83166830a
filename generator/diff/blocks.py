"""Segments to Markdown blocks: titles, headings, paragraphs re-joined across blank lines,
list items and their levels, quotations, table rows; then the Markdown text itself.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import replace

from generator.diff.segments import (
    LETTER_ITEM,
    TERMINAL,
    WORD_RE,
    Block,
    BlockKind,
    Segment,
    heading_shaped,
    strip_emphasis,
)


def _heading_level_from_label(label: str) -> int:
    depth = len([p for p in label.split(".") if p])
    return min(depth + 1, 6)


def structure(segments: Sequence[Segment], width: int | None, joins: bool) -> list[Block]:
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
        # A soft hyphen left at the end (a word broken at a page never re-joined) goes.
        text = strip_emphasis(seg.text).removesuffix("\u00ad")
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
            and (seg.heading or single or _wrapped_heading(seg, width))
            and len(WORD_RE.findall(text)) <= 15
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
            and heading_shaped(text, width, len(seg.lines[0]))
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


def _continues(seg: Segment) -> bool:
    """Whether a segment after a blank line may be the rest of the paragraph before it."""
    return (
        seg.after_blank
        and seg.label is None
        and seg.glyph is None
        and not seg.heading
        and not seg.is_row
        and not seg.leading_space
        and not LETTER_ITEM.match(seg.text)
    )


def _single_shaped(seg: Segment, width: int | None) -> bool:
    return len(seg.lines) == 1 and heading_shaped(seg.text, width, len(seg.lines[0]))


def _first_line_pattern(segments: Sequence[Segment], width: int | None) -> bool:
    """Whether this PDF puts a blank line after the first line of numbered paragraphs.

    Then a full first line is continued after the blank even when it happens to end a
    sentence ('... should not be taken lightly.' / 'It is damaging ...').
    """
    seen = hits = 0
    for seg, nxt in itertools.pairwise(segments):
        if seg.label is None or len(seg.lines) != 1 or not _continues(nxt):
            continue
        seen += 1
        if nxt.text[:1].islower() or not TERMINAL.search(seg.lines[-1]):
            hits += 1
    return seen >= 3 and hits >= 0.6 * seen


def _join(segments: Sequence[Segment], width: int | None) -> list[tuple[Segment, bool]]:
    """Re-join paragraphs that a blank line split mid-sentence."""
    first_lines = width is not None and _first_line_pattern(segments, width)
    out: list[tuple[Segment, bool]] = []
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
            elif TERMINAL.search(last):
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


def _numbered_headings(merged: Sequence[tuple[Segment, bool]], width: int | None) -> set[int]:
    found: set[int] = set()
    for index, (seg, joined) in enumerate(merged):
        if seg.label is None or seg.glyph is not None or seg.is_row or joined:
            continue
        if not seg.text:
            continue
        if (
            len(seg.lines) == 1
            and heading_shaped(seg.text, width, len(seg.label) + 1 + len(seg.lines[0]))
        ) or _wrapped_heading(seg, width):
            found.add(index)
    return found


def _wrapped_heading(seg: Segment, width: int | None) -> bool:
    """A heading in capitals, or in short lines, broken over two or three lines."""
    if not 2 <= len(seg.lines) <= 3:
        return False
    text = seg.text
    short = width is not None and all(len(line) < 0.6 * width for line in seg.lines)
    return (text.isupper() or short) and heading_shaped(text, None, len(seg.lines[-1]))


def _upper_and_mixed(
    merged: Sequence[tuple[Segment, bool]], width: int | None, numbered: set[int]
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
        and heading_shaped(seg.text, width, len(seg.lines[0]))
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
