"""The Word document, read back with python-docx: page, language, properties, headings,
real numbering, text, and no leftover placeholders in a council's draft."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm

from generator.core.types import Tier
from generator.drafting.answers import Answers, Choice
from generator.drafting.docx_writer import ABSTRACT_NUM_ID, NUM_ID, model_docx
from generator.drafting.model_protocol import ModelProtocol, build, plain
from tests.helpers import run_python
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
    for name in ("Normal", "Heading 1", "Heading 2", "Title", "Clause"):
        el = doc.styles[name].element.find(f"{qn('w:rPr')}/{qn('w:lang')}")
        assert el is not None and el.get(qn("w:val")) == "en-GB", name


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

    def level(p) -> str | None:  # type: ignore[no-untyped-def]
        numpr = p._p.pPr.find(qn("w:numPr")) if p._p.pPr is not None else None
        if numpr is None:
            return None
        assert numpr.find(qn("w:numId")).get(qn("w:val")) == str(NUM_ID)
        return str(numpr.find(qn("w:ilvl")).get(qn("w:val")))

    by_style = {
        name: {level(p) for p in doc.paragraphs if p.style.name == name}
        for name in ("Heading 1", "Clause", "Clause Item")
    }
    assert by_style == {"Heading 1": {"0"}, "Clause": {"1"}, "Clause Item": {"2"}}
    # No number is typed into the text: Word computes it.
    clauses = [p.text for p in doc.paragraphs if p.style.name == "Clause"]
    assert not any(re.match(r"^\d+\.\d+", t) for t in clauses)


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
    assert "The Clerk is the head of paid service" in everything


def test_printed_model_has_marked_placeholders_and_options_appendix() -> None:
    model, _ = build(fixture_map(), fixture_project().protocols, group="principal")
    doc = read(model_docx(model))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "[Council name]" in text and "[Chief Executive]" in text
    highlighted = [
        r.text for p in doc.paragraphs for r in p.runs if r.font.highlight_color is not None
    ]
    assert "[Council name]" in highlighted
    assert [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert doc.core_properties.title.startswith("Model councillor–officer protocol for district")


_PRINT_DOCX = """
import hashlib, sys
from tests.test_model_docx import parish_model
from generator.drafting.docx_writer import model_docx
sys.stdout.write(hashlib.sha256(model_docx(parish_model())).hexdigest())
"""


def test_deterministic_bytes() -> None:
    """The same answers give the same bytes: built afresh here (the memo emptied first) and in
    two new processes whose string hashing differs, so no set or dict order leaks in."""
    model_docx.cache_clear()
    first = model_docx(parish_model())
    digests = {run_python("-c", _PRINT_DOCX, hash_seed=seed) for seed in ("1", "2")}
    assert digests == {hashlib.sha256(first).hexdigest()}
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert "word/numbering.xml" in z.namelist()
