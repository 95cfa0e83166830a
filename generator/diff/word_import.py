"""Word documents (.docx) to this project's Markdown body format: Word's list numbering
printed as Word prints it, heading and list styles, tables; a file of printed lines (a PDF
converted to Word) is read as plain text.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from generator.core.problems import Problem
from generator.diff.blocks import (
    blocks_to_markdown,
    structure,
)
from generator.diff.segments import (
    TERMINAL,
    Segment,
    classify_line,
)
from generator.diff.text_import import lines_to_markdown
from generator.sources.parse import NUMBER

# --- Word documents ---------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def word_to_markdown(path: str, data: bytes) -> tuple[str, dict[int, int], list[Problem]]:
    """A Word document to this project's Markdown body format.

    Numbers produced by Word's list numbering are computed from numbering.xml and printed
    as Word prints them ('1.', '1.1', '1.1.1'); bullets become list items at their level.
    """
    try:
        return _word_to_markdown(path, data)
    except RecursionError:
        return "", {}, [Problem(path, 0, "cannot read the Word document: nested too deeply")]
    except Exception as exc:  # a damaged or hostile file: lxml, zipfile and int() all raise
        # Whatever python-docx, lxml or zipfile make of a damaged file, the user gets one
        # line naming it, never a traceback.
        reason = " ".join(str(exc).split())[:200] or type(exc).__name__
        return "", {}, [Problem(path, 0, f"cannot read the Word document (damaged?): {reason}")]


def _word_to_markdown(path: str, data: bytes) -> tuple[str, dict[int, int], list[Problem]]:
    import docx  # python-docx: imported here so plain-text imports do not need it

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        too_big = [i.filename for i in archive.infolist() if i.file_size > 200_000_000]
    if too_big:
        return "", {}, [Problem(path, 0, f"cannot read the Word document: {too_big[0]} is too big")]
    document: Any = docx.Document(io.BytesIO(data))
    numbering = _Numbering.of(document)
    styles = _StyleInfo.of(document)
    segments: list[Segment] = []
    plain: list[str] = []
    """Each paragraph's text (a row's cells joined by tabs), for a file of printed lines."""
    count = 0
    for element in document.element.body.iterchildren():
        if element.tag == f"{_W}p":
            count += 1
            plain.append(_element_text(element))
            seg = _word_paragraph(element, count, numbering, styles)
            if seg is not None:
                segments.append(seg)
        elif element.tag == f"{_W}tbl":
            for row in element.iter(f"{_W}tr"):
                count += 1
                cells = tuple(
                    " ".join(_element_text(tc).split()) for tc in row.iterchildren(f"{_W}tc")
                )
                plain.append("\t".join(cells))
                if any(cells):
                    segments.append(Segment(count, [" ".join(cells)], cells=cells))
    if not segments:
        return "", {}, []
    if _printed_lines(segments):
        # A PDF converted to Word, or text opened in Word: one paragraph per printed line.
        markdown, origin = lines_to_markdown(plain)
        return markdown, origin, []
    markdown, origin = blocks_to_markdown(structure(segments, width=None, joins=False))
    return markdown, origin, []


def _printed_lines(segments: Sequence[Segment]) -> bool:
    """Whether a Word file's paragraphs are printed lines: no heading styles or list
    numbering, and many long paragraphs stop mid-sentence."""
    if any(s.heading or s.level for s in segments):
        return False
    long = [s.text for s in segments if len(s.text) >= 40 and not s.is_row]
    open_ended = sum(1 for t in long if not TERMINAL.search(t))
    return len(long) >= 5 and open_ended >= 0.3 * len(long)


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
) -> Segment | None:
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
                return Segment(count, [text], glyph="•", level=min(level, 3))
            label = label.strip()
            if label and NUMBER.match(label + " "):
                return Segment(count, [text], label=label, heading=heading)
            if label:
                text = f"{label} {text}"
    seg = classify_line(count, text)
    seg.heading = heading or seg.heading
    seg.quote = style in styles.quotes
    return seg
