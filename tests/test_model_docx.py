"""The Word document, read back with python-docx: page, language, properties, headings,
real numbering, text, and no leftover placeholders in a council's draft."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import pytest
from docx import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.ns import qn
from docx.shared import Cm

from generator.core.types import Tier
from generator.drafting.answers import Answers, Choice
from generator.drafting.docx_writer import ABSTRACT_NUM_ID, NUM_ID, model_docx
from generator.drafting.model_protocol import (
    GROUP_TITLE,
    GROUPS,
    ModelProtocol,
    SpanKind,
    build,
    plain,
    section_key,
)
from tests.test_model_protocol import fixture_map, fixture_project

PARISH = Answers(
    "Little Snoring Parish Council",
    Tier.PARISH,
    monitoring_officer_council="North Norfolk District Council",
    adopted="2026-05-14",
    minute_reference="26/045",
    review_due="2027-05",
    include=(Choice("review-every-year", 12),),
    path="parish.yaml",
)


def parish_model() -> ModelProtocol:
    model, problems = build(fixture_map(), fixture_project().protocols, PARISH)
    assert not problems
    return model


def read(data: bytes):  # type: ignore[no-untyped-def]
    return Document(io.BytesIO(data))


def test_page_language_and_properties() -> None:
    doc = read(model_docx(parish_model()))
    section = doc.sections[0]
    assert abs(section.page_width - Cm(21.0)) < Cm(0.01)
    assert abs(section.page_height - Cm(29.7)) < Cm(0.01)
    props = doc.core_properties
    assert props.title == "Little Snoring Parish Council: Councillor–officer protocol"
    assert props.subject == "Councillor–officer protocol"
    assert props.author == "Little Snoring Parish Council"
    assert "protocol" in props.keywords
    assert props.language == "en-GB"
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    assert defaults is not None
    lang = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert lang is not None and lang.get(qn("w:val")) == "en-GB"
    # Defined once: no style or run sets another language.
    assert doc.styles.element.findall(f".//{qn('w:style')}//{qn('w:lang')}") == []
    assert doc.element.findall(f".//{qn('w:lang')}") == []
    assert props.last_modified_by == "Little Snoring Parish Council"
    assert props.category == "Councillor–officer protocol"
    assert props.comments


def test_headings_and_cover() -> None:
    model = parish_model()
    doc = read(model_docx(model))
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings == [s.title for s in model.sections]
    title = next(p for p in doc.paragraphs if p.style.name == "Title")
    assert title.text == "Little Snoring Parish Council"
    cover = [[c.text for c in row.cells] for row in doc.tables[0].rows]
    assert cover == [
        ["Adopted", "14 May 2026"],
        ["Minute reference", "26/045"],
        ["Next review due", "May 2027"],
    ]


def test_real_multilevel_numbering() -> None:
    data = model_docx(parish_model())
    doc = read(data)
    numbering = doc.part.numbering_part.element
    abstract = next(
        a
        for a in numbering.findall(qn("w:abstractNum"))
        if a.get(qn("w:abstractNumId")) == str(ABSTRACT_NUM_ID)
    )
    levels = {
        lvl.get(qn("w:ilvl")): lvl.find(qn("w:lvlText")).get(qn("w:val"))
        for lvl in abstract.findall(qn("w:lvl"))
    }
    assert levels == {"0": "%1.", "1": "%1.%2", "2": "%1.%2.%3"}
    assert abstract.find(qn("w:multiLevelType")).get(qn("w:val")) == "multilevel"
    num = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == str(NUM_ID))
    assert num.find(qn("w:abstractNumId")).get(qn("w:val")) == str(ABSTRACT_NUM_ID)
    # Every abstractNum precedes every num (schema order Word insists on).
    tags = [child.tag for child in numbering]
    assert max(i for i, t in enumerate(tags) if t == qn("w:abstractNum")) < min(
        i for i, t in enumerate(tags) if t == qn("w:num")
    )

    # Each level is bound to its style: w:pStyle in the level, w:numPr in the style.
    bound = {
        lvl.get(qn("w:ilvl")): lvl.find(qn("w:pStyle")).get(qn("w:val"))
        for lvl in abstract.findall(qn("w:lvl"))
    }
    assert bound == {"0": "Heading1", "1": "Clause", "2": "ClauseItem"}
    for ilvl, style_id in bound.items():
        style = doc.styles.element.get_by_id(style_id)
        numpr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        assert numpr is not None, style_id
        assert numpr.find(qn("w:ilvl")).get(qn("w:val")) == ilvl
        assert numpr.find(qn("w:numId")).get(qn("w:val")) == str(NUM_ID)
    # Paragraphs carry only their style: no numbering of their own anywhere.
    assert doc.element.body.findall(f".//{qn('w:numPr')}") == []
    styles = [p.style.style_id for p in doc.paragraphs]
    assert {"Heading1", "Clause", "ClauseItem"} <= set(styles)
    # No number is typed into the text: Word computes it.
    clauses = [p.text for p in doc.paragraphs if p.style.name == "Clause"]
    assert not any(re.match(r"^\d+\.\d+", t) for t in clauses)


@pytest.mark.parametrize("group", GROUPS)
def test_highlight_only_on_placeholder_words(group: str) -> None:
    """Highlighted runs are exactly the placeholders' words; no numbered paragraph starts
    with a highlighted character (its number and tab would take the highlight)."""
    model, _ = build(fixture_map(), fixture_project().protocols, group=group)
    doc = read(model_docx(model))
    placeholders = {
        s.text
        for c in model.clauses
        for t in (c.text, *c.items)
        for s in t
        if s.kind is SpanKind.PLACEHOLDER
    }
    highlighted = set()
    for p in [
        *doc.paragraphs,
        *(c.paragraphs[0] for t in doc.tables for r in t.rows for c in r.cells),
    ]:
        runs = p.runs
        for i, r in enumerate(runs):
            if r.font.highlight_color is None:
                continue
            highlighted.add(r.text)
            assert r.font.highlight_color == WD_COLOR_INDEX.YELLOW
            assert i > 0 and runs[i - 1].text.endswith("["), p.text
            assert runs[i + 1].text.startswith("]"), p.text
        if runs:
            assert runs[0].font.highlight_color is None, p.text
    assert placeholders <= highlighted
    assert model.council[0].kind is SpanKind.PLACEHOLDER
    assert model.council[0].text in highlighted
    # Nothing but placeholders: each highlighted text is a placeholder of the model.
    cover = {s.text for line in model.cover for s in line.text if s.kind is SpanKind.PLACEHOLDER}
    council = {s.text for s in model.council if s.kind is SpanKind.PLACEHOLDER}
    options = {s.text for d in model.decisions for s in d.text if s.kind is SpanKind.PLACEHOLDER}
    assert highlighted <= placeholders | cover | council | options


def test_text_and_no_placeholders_when_variables_given() -> None:
    model = parish_model()
    doc = read(model_docx(model))
    clauses = [p.text for p in doc.paragraphs if p.style.name == "Clause"]
    assert clauses == [plain(c.text) for c in model.clauses]
    everything = "\n".join(p.text for p in doc.paragraphs) + "\n".join(
        c.text for t in doc.tables for row in t.rows for c in row.cells
    )
    assert "[" not in everything and "{" not in everything
    assert "North Norfolk District Council" in everything
    assert "The Clerk line-manages all other staff" in everything


@pytest.mark.parametrize("group", GROUPS)
def test_printed_model_has_marked_placeholders_and_options_appendix(group: str) -> None:
    model, _ = build(fixture_map(), fixture_project().protocols, group=group)
    doc = read(model_docx(model))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert f"[{model.council[0].text}]" in text
    assert doc.core_properties.title == f"Model {model.title.lower()} for {GROUP_TITLE[group]}"
    # The appendix is the last numbered section: a Heading 1 whose clauses are Clauses.
    headings = [p for p in doc.paragraphs if p.style.style_id == "Heading1"]
    assert [p.text for p in headings] == [
        *(s.title for s in model.sections),
        "Optional clauses not included above",
    ]
    paragraphs = [p._p for p in doc.paragraphs]
    start = paragraphs.index(headings[-1]._p)
    appendix = doc.paragraphs[start:]
    off = [d for d in model.decisions if not d.included]
    assert off, "the fixture map has optional clauses for every kind of council"
    options = [p.text for p in appendix if p.style.style_id == "Clause"]
    assert sorted(options) == sorted(plain(d.text) for d in off)
    notes = [p.text for p in appendix if p.style.style_id == "ClauseNote"]
    assert notes == [
        f"{d.title} ({d.reason})" for d in sorted(off, key=lambda d: section_key(d.section))
    ]
    assert [p.text for p in appendix if p.style.style_id == "Heading2"][
        -1
    ] == "Ids for the draft command"
    # No machine ids in the text: they are in the table at the end.
    assert "Id:" not in text
    assert not any(d.id in text for d in off)
    ids = doc.tables[-1]
    assert [c.text for c in ids.rows[0].cells] == ["Clause", "Id"]
    assert [[c.text for c in r.cells] for r in ids.rows[1:]] == [
        [d.title, d.id] for d in sorted(off, key=lambda d: section_key(d.section))
    ]


def test_deterministic_bytes() -> None:
    model = parish_model()
    first = model_docx(model)
    assert first == model_docx(model)
    model_docx.cache_clear()
    assert first == model_docx(model)  # built again, not remembered
    when = dt.datetime(2026, 5, 14, 9, 30, tzinfo=dt.UTC)
    dated = model_docx(model, when)
    model_docx.cache_clear()
    assert dated == model_docx(model, when) != first
    props = read(dated).core_properties
    assert props.created == props.modified == when
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        names = z.namelist()
        assert names[:2] == ["[Content_Types].xml", "_rels/.rels"]
        assert names[2:] == sorted(names[2:])


def test_only_the_parts_a_protocol_needs() -> None:
    """No stale parts carried from a template: no stylesWithEffects.xml (it would have to be
    kept in step with styles.xml), no thumbnail of another document, no custom XML, no
    revision ids; each content type declared is a part in the package."""
    with zipfile.ZipFile(io.BytesIO(model_docx(parish_model()))) as z:
        names = set(z.namelist())
        assert names == {
            "[Content_Types].xml",
            "_rels/.rels",
            "docProps/app.xml",
            "docProps/core.xml",
            "word/_rels/document.xml.rels",
            "word/document.xml",
            "word/fontTable.xml",
            "word/footer1.xml",
            "word/numbering.xml",
            "word/settings.xml",
            "word/styles.xml",
            "word/theme/theme1.xml",
        }
        types = z.read("[Content_Types].xml").decode()
        declared = set(re.findall(r'PartName="/([^"]+)"', types))
        assert declared == names - {
            "[Content_Types].xml",
            "_rels/.rels",
            "word/_rels/document.xml.rels",
        }
        settings = z.read("word/settings.xml").decode()
        assert "rsid" not in settings and "docId" not in settings
        assert "Microsoft" not in z.read("docProps/app.xml").decode()


def test_styles_and_numbering_defined_once() -> None:
    doc = read(model_docx(parish_model()))
    ids = [s.get(qn("w:styleId")) for s in doc.styles.element.findall(qn("w:style"))]
    assert len(ids) == len(set(ids))
    used = {p.style.style_id for p in doc.paragraphs}
    assert used <= set(ids)
    numbering = doc.part.numbering_part.element
    assert len(numbering.findall(qn("w:abstractNum"))) == 1
    assert len(numbering.findall(qn("w:num"))) == 1
