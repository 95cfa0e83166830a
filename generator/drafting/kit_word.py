"""The Word parts of the drafting kit: the package as :func:`model_docx` saves it, cut into
templates the browser fills in.

Nothing here writes Word XML. A *probe* protocol, whose council name, cover values, heading,
clause and item text are marks, is saved by the Word writer itself; its document.xml, footer
and document properties are then cut at the marks into templates, and every other part is
kept as it is. So the browser's file has the Word writer's styles, numbering, paragraph and
run markup byte for byte, and a change to the writer reaches the browser at the next build.

A template is a list of strings: even places are XML, odd places name what goes between
(already XML-escaped by the browser).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from generator.core.types import Protocol, Tier
from generator.drafting.answers import Answers
from generator.drafting.docx_writer import model_docx
from generator.drafting.model_protocol import (
    CoverLine,
    ModelClause,
    ModelSection,
    Span,
    SpanKind,
    build,
)
from generator.map.obligations import ModelScope, ObligationMap

COUNCIL, ROW, HEADING, RUN, SPACED, PLACEHOLDER = (
    "\ue010",
    "\ue011",
    "\ue012",
    "\ue013",
    " \ue014 ",
    "\ue015",
)
"""The marks the probe protocol is written with."""
WHEN = dt.datetime(2001, 2, 3, 4, 5, 6, tzinfo=dt.UTC)
WHEN_TEXT = "2001-02-03T04:05:06Z"
"""The probe's 'created' and 'modified' time, as it appears in docProps/core.xml."""
DOCUMENT, FOOTER, CORE = "word/document.xml", "word/footer1.xml", "docProps/core.xml"

Template = list[str]


def word_kit(omap: ObligationMap, protocols: Sequence[Protocol]) -> dict[str, Any]:
    """The package's parts in zip order, the fixed ones verbatim, the others as templates."""
    model, _ = build(omap, protocols, Answers(COUNCIL, Tier.PARISH))
    probe = replace(
        model,
        council=(Span(COUNCIL, SpanKind.VALUE, "council_name"),),
        cover=tuple(CoverLine(line.label, (Span(ROW, SpanKind.VALUE),)) for line in model.cover),
        sections=(
            ModelSection(
                "probe",
                "1",
                HEADING,
                (
                    ModelClause(
                        id="probe",
                        number="1.1",
                        title="",
                        text=(Span(RUN), Span(SPACED)),
                        items=((Span(PLACEHOLDER, SpanKind.PLACEHOLDER),),),
                        scope=ModelScope.CORE,
                        reason="",
                        sources=(),
                        protocols=0,
                        new_drafting=None,
                    ),
                ),
            ),
        ),
    )
    with zipfile.ZipFile(io.BytesIO(model_docx(probe, WHEN))) as z:
        parts = {name: z.read(name).decode("utf-8") for name in z.namelist()}
    return {
        "order": list(parts),
        "parts": {n: t for n, t in parts.items() if n not in (DOCUMENT, FOOTER, CORE)},
        "document": _document(parts[DOCUMENT], model.cover),
        "footer": _split(parts[FOOTER], {COUNCIL: "council"}),
        "core": _split(parts[CORE], {COUNCIL: "council", WHEN_TEXT: "when"}),
    }


def _document(xml: str, cover: Sequence[CoverLine]) -> dict[str, Any]:
    """document.xml cut into its fixed parts and its paragraph, run and row templates."""
    pos = xml.index("<w:p>")
    head = xml[:pos]
    title, pos = _take(xml, pos, "</w:p>")
    subtitle, pos = _take(xml, pos, "</w:p>")
    table, pos = _take(xml, pos, "</w:tbl>")
    heading, pos = _take(xml, pos, "</w:p>")
    clause, pos = _take(xml, pos, "</w:p>")
    item, pos = _take(xml, pos, "</w:p>")
    tail = xml[pos:]
    if not (table.startswith("<w:tbl>") and tail.startswith("<w:sectPr")):
        raise ValueError("the Word writer's document.xml is not laid out as the kit expects")
    runs = _runs(clause)
    first = table.index("<w:tr>")
    rows = [r + "</w:tr>" for r in table[first:].split("</w:tr>")[:-1]]
    return {
        "head": head,
        "title": _paragraph(title),
        "subtitle": subtitle,
        "table_start": table[:first],
        "rows": [
            {"key": _key(line), "placeholder": line.text[0].text, "xml": _around_run(r, ROW)}
            for r, line in zip(rows, cover, strict=True)
        ],
        "table_end": "</w:tbl>",
        "paragraphs": {
            "heading": _paragraph(heading),
            "clause": _paragraph(clause),
            "item": _paragraph(item),
        },
        "run": _split(runs[0], {RUN: "text"}),
        "run_spaced": _split(runs[1], {SPACED: "text"}),
        "placeholder": _split(_runs(item, joined=True)[0], {PLACEHOLDER: "text"}),
        "tail": tail,
    }


def _key(line: CoverLine) -> str:
    """The answers key a cover line shows ('adopted')."""
    name = line.text[0].name
    if name is None:
        raise ValueError(f"cover line '{line.label}' names no answers key")
    return name


def _take(xml: str, pos: int, end: str) -> tuple[str, int]:
    stop = xml.index(end, pos) + len(end)
    return xml[pos:stop], stop


def _runs(paragraph: str, joined: bool = False) -> list[str]:
    """The ``<w:r>`` elements of a paragraph (all as one string when ``joined``)."""
    start, stop = paragraph.index("<w:r>"), paragraph.rindex("</w:r>") + len("</w:r>")
    inner = paragraph[start:stop]
    if joined:
        return [inner]
    return [r + "</w:r>" for r in inner.split("</w:r>")[:-1]]


def _paragraph(paragraph: str) -> Template:
    """A paragraph with its runs cut out: [before, 'runs', after]."""
    start, stop = paragraph.index("<w:r>"), paragraph.rindex("</w:r>") + len("</w:r>")
    return [paragraph[:start], "runs", paragraph[stop:]]


def _around_run(xml: str, mark: str) -> Template:
    """``xml`` with the run holding ``mark`` cut out: [before, 'runs', after]."""
    at = xml.index(mark)
    start = xml.rindex("<w:r>", 0, at)
    stop = xml.index("</w:r>", at) + len("</w:r>")
    return [xml[:start], "runs", xml[stop:]]


def _split(xml: str, marks: dict[str, str]) -> Template:
    """``xml`` cut at each mark: [xml, name, xml, name, ..., xml]."""
    out: Template = [xml]
    for mark, name in marks.items():
        cut: Template = []
        for i, piece in enumerate(out):
            if i % 2:
                cut.append(piece)
                continue
            for j, part in enumerate(piece.split(mark)):
                if j:
                    cut.append(name)
                cut.append(part)
        out = cut
    if len(out) < 3:
        raise ValueError(f"no mark for {', '.join(marks.values())} in the Word writer's output")
    return out
